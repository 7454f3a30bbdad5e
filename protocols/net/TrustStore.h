#pragma once

#include "protocols/net/SpkiPin.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QSslCertificate>

#include <functional>

namespace Satchel::Net {

// What a person (or a command line) has chosen to trust beyond the system CAs:
// extra CA certificates, and key pins per server ("host:port"). Shared by the GUI
// and every engine thread, so every member locks. Persisting pins is the accounts
// layer's job: it sets the onPinAdded hook.
class TrustStore
{
public:
    static QString endpointKey(const QString &host, quint16 port);

    void addCaCertificates(const QList<QSslCertificate> &certificates);
    // Reads PEM certificates from `path`; false with `error` in words if it has none.
    bool addCaFile(const QString &path, QString *error);
    QList<QSslCertificate> caCertificates() const;

    void addPin(const QString &host, quint16 port, const SpkiPin &pin);
    QList<SpkiPin> pinsFor(const QString &host, quint16 port) const;

    void setOnPinAdded(std::function<void(const QString &endpoint, const SpkiPin &pin)> hook);

private:
    mutable QMutex m_mutex;
    QList<QSslCertificate> m_caCertificates;
    QHash<QString, QList<SpkiPin>> m_pins;
    std::function<void(const QString &, const SpkiPin &)> m_onPinAdded;
};

} // namespace Satchel::Net
