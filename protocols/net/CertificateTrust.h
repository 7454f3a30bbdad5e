#pragma once

#include "protocols/net/SpkiPin.h"
#include "protocols/net/TrustQuestion.h"

#include <QList>
#include <QSslCertificate>
#include <QSslError>

namespace Satchel::Net {

// The trust decision for a server's certificate, as a pure function of what the TLS
// handshake reported and what the person pinned for this server:
//  - pins exist and the key is among them: trusted, whatever the chain says;
//  - pins exist and the key is not: a hard error (the key changed), never a question;
//  - no pins and no verification errors: trusted (system CAs or the extra CA file);
//  - no pins and errors: a question for the person.
struct TrustVerdict {
    enum class Outcome { Trusted, AskPerson, PinMismatch };
    Outcome outcome = Outcome::AskPerson;
    QString pinMismatchMessage;
    TrustQuestion question; // filled for AskPerson
};

TrustVerdict evaluateTrust(const QString &host, quint16 port, const QList<QSslCertificate> &chain,
                           const QList<QSslError> &errors, const QList<SpkiPin> &pins);

// "certificate for HOST is not trusted (REASONS); use --pin sha256/... to trust this key"
QString untrustedMessage(const TrustQuestion &question);

} // namespace Satchel::Net
