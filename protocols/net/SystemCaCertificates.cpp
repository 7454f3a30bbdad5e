#include "protocols/net/SystemCaCertificates.h"

#include <QSslConfiguration>

namespace Satchel::Net {

QList<QSslCertificate> systemCaCertificates()
{
    static const QList<QSslCertificate> certificates = QSslConfiguration::systemCaCertificates();
    return certificates;
}

} // namespace Satchel::Net
