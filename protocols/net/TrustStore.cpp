#include "protocols/net/TrustStore.h"

#include <QFile>

namespace Satchel::Net {

QString TrustStore::endpointKey(const QString &host, quint16 port)
{
    return host.toLower() + QLatin1Char(':') + QString::number(port);
}

void TrustStore::addCaCertificates(const QList<QSslCertificate> &certificates)
{
    QMutexLocker lock(&m_mutex);
    m_caCertificates += certificates;
}

bool TrustStore::addCaFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read CA file %1: %2").arg(path, file.errorString());
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(path);
        return false;
    }
    addCaCertificates(certificates);
    return true;
}

QList<QSslCertificate> TrustStore::caCertificates() const
{
    QMutexLocker lock(&m_mutex);
    return m_caCertificates;
}

void TrustStore::addPin(const QString &host, quint16 port, const SpkiPin &pin)
{
    std::function<void(const QString &, const SpkiPin &)> hook;
    const QString key = endpointKey(host, port);
    {
        QMutexLocker lock(&m_mutex);
        QList<SpkiPin> &pins = m_pins[key];
        if (pins.contains(pin)) {
            return;
        }
        pins.append(pin);
        hook = m_onPinAdded;
    }
    if (hook) {
        hook(key, pin);
    }
}

QList<SpkiPin> TrustStore::pinsFor(const QString &host, quint16 port) const
{
    QMutexLocker lock(&m_mutex);
    return m_pins.value(endpointKey(host, port));
}

void TrustStore::setOnPinAdded(std::function<void(const QString &, const SpkiPin &)> hook)
{
    QMutexLocker lock(&m_mutex);
    m_onPinAdded = std::move(hook);
}

} // namespace Satchel::Net
