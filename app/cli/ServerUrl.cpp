#include "app/cli/ServerUrl.h"

#include <QUrl>

namespace Satchel::Cli {

std::optional<ServerUrl> parseServerUrl(const QString &protocol, const QString &text, bool insecurePlain,
                                        QString *error)
{
    if (text.startsWith(QLatin1Char('@'))) {
        *error = QStringLiteral("no account named '%1' is configured").arg(text.mid(1));
        return std::nullopt;
    }
    const QUrl url(text, QUrl::StrictMode);
    struct Scheme {
        const char *name;
        const char *protocol;
        bool implicitTls;
        quint16 port;
    };
    static const Scheme schemes[] = {
        {"imaps", "imap", true, 993}, {"imap", "imap", false, 143}, {"pop3s", "pop3", true, 995},
        {"pop3", "pop3", false, 110}, {"ftps", "ftp", true, 990},   {"ftp", "ftp", false, 21},
    };
    const Scheme *scheme = nullptr;
    for (const Scheme &s : schemes) {
        if (url.scheme() == QLatin1String(s.name)) {
            scheme = &s;
        }
    }
    if (!url.isValid() || !scheme || url.host().isEmpty()) {
        *error = QStringLiteral("'%1' is not a server URL such as %2s://user@host").arg(text, protocol);
        return std::nullopt;
    }
    if (protocol != QLatin1String(scheme->protocol)) {
        *error = QStringLiteral("%1 is a %2 URL, not %3").arg(text, QLatin1String(scheme->protocol), protocol);
        return std::nullopt;
    }
    if (!url.password().isEmpty()) {
        *error = QStringLiteral("a password is never taken from the command line; use SATCHEL_PASSWORD or --password-file");
        return std::nullopt;
    }
    ServerUrl result;
    result.protocol = protocol;
    result.user = url.userName(QUrl::FullyDecoded);
    result.host = url.host();
    result.port = static_cast<quint16>(url.port(scheme->port));
    if (scheme->implicitTls) {
        result.policy = Net::TlsPolicy::ImplicitTls;
    } else {
        result.policy = insecurePlain ? Net::TlsPolicy::Plain : Net::TlsPolicy::StartTlsRequired;
    }
    if (result.user.isEmpty()) {
        *error = QStringLiteral("the URL names no user: %1://USER@%2").arg(url.scheme(), result.host);
        return std::nullopt;
    }
    return result;
}

} // namespace Satchel::Cli
