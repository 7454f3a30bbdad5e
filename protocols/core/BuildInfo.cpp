#include "protocols/core/BuildInfo.h"

#include "protocols/mime/GMimeRuntime.h"

#include <QSslSocket>
#include <QtGlobal>

namespace Satchel {

QString BuildInfo::satchelVersion()
{
    return QStringLiteral(SATCHEL_VERSION);
}

QList<QPair<QString, QString>> BuildInfo::components()
{
    const QString backend = QSslSocket::activeBackend();
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("TLS backend"), backend.isEmpty() ? QStringLiteral("none") : backend},
        {QStringLiteral("TLS library"), QSslSocket::sslLibraryVersionString()},
        {QStringLiteral("GMime"), Mime::gmimeVersion()},
    };
}

} // namespace Satchel
