#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QStringList>

namespace Satchel::Net {

// The question an engine asks when a server's certificate is not trusted: everything
// a person needs to decide, as plain values (it crosses threads). The engine waits
// for a TrustAnswer with the same id; its thread does not block meanwhile.
struct TrustQuestion {
    quint64 id = 0;
    QString host;
    quint16 port = 0;
    QString subject;
    QString issuer;
    QStringList names; // subject alternative names, else the common name
    QDateTime notBefore;
    QDateTime notAfter;
    QString sha256Fingerprint; // of the whole certificate, "AB:CD:..."
    QString pin;               // "sha256/BASE64" of the key: what "trust this key" stores
    QStringList reasons;       // why it is not trusted, in words

    static quint64 nextId();
};

enum class TrustAnswer {
    TrustPermanently, // store the key's pin: later connections trust it without asking
    TrustOnce,        // this connection only
    Cancel,
};

} // namespace Satchel::Net

Q_DECLARE_METATYPE(Satchel::Net::TrustQuestion)
Q_DECLARE_METATYPE(Satchel::Net::TrustAnswer)
