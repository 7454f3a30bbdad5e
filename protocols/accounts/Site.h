#pragma once

#include "protocols/net/TlsPolicy.h"

#include <QMetaType>
#include <QString>
#include <QUuid>

namespace Satchel::Accounts {

// One FTP site as the person set it up (FileZilla calls the list of them the Site
// Manager): where the server is, how the connection is protected, who logs in, and
// which folders to open. Like Account it has no password field on purpose: the
// secret lives in the PasswordVault under passwordKey(), never in the settings file.
struct Site {
    static constexpr int kMinConnections = 1;
    // Parallel transfers are the person's call; servers that allow fewer refuse the
    // extra logins themselves, so there is no lower cap of ours (FileZilla's is 10).
    static constexpr int kMaxConnections = 64;

    QString id; // stable for the site's life (a UUID); keys settings and keyring
    QString name;
    QString host;
    quint16 port = 21;
    // Explicit FTPS (RFC 4217 AUTH TLS) by default: it works on port 21, which is
    // what most servers offer; implicit FTPS (port 990) is the older variant.
    Net::TlsPolicy security = Net::TlsPolicy::StartTlsRequired;
    QString user;
    QString localFolder; // opened on connect; empty: the person's home folder
    QString remoteFolder; // opened on connect; empty: where the server puts us
    bool activeMode = false; // false: passive (the usual; works through NAT)
    int connections = 2; // parallel transfer connections, kMinConnections..kMaxConnections

    // The IANA ports: ftps 990 for implicit TLS, ftp 21 for AUTH TLS and plain.
    static constexpr quint16 defaultPort(Net::TlsPolicy security)
    {
        return security == Net::TlsPolicy::ImplicitTls ? 990 : 21;
    }

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    // What a list shows: the name, else "user@host", else the host (anonymous sites).
    QString label() const
    {
        if (!name.isEmpty()) {
            return name;
        }
        return user.isEmpty() ? host : user + QLatin1Char('@') + host;
    }
    bool isInsecure() const { return security == Net::TlsPolicy::Plain; }
    // The vault key. Mail accounts use their bare id; the prefix keeps the two kinds
    // of secret apart even if an id were ever shared.
    QString passwordKey() const { return passwordKeyFor(id); }
    static QString passwordKeyFor(const QString &siteId) { return QStringLiteral("site:") + siteId; }

    friend bool operator==(const Site &, const Site &) = default;
};

} // namespace Satchel::Accounts

Q_DECLARE_METATYPE(Satchel::Accounts::Site)
