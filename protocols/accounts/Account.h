#pragma once

#include "protocols/net/TlsPolicy.h"

#include <QMetaType>
#include <QString>
#include <QUuid>

namespace Satchel::Accounts {

// One mail account as the person set it up: where the server is, how the connection
// is protected, who logs in, and (POP3) where downloaded mail goes. It has no
// password field on purpose: the secret lives in the keyring (PasswordVault), keyed
// by `id`, and can therefore never end up in the settings file.
struct Account {
    enum class Protocol { Imap, Pop3 };

    QString id; // stable for the account's life (a UUID); keys settings and keyring
    QString displayName;
    Protocol protocol = Protocol::Imap;
    QString host;
    quint16 port = 993;
    Net::TlsPolicy security = Net::TlsPolicy::ImplicitTls;
    QString user;
    QString maildir; // POP3: the local Maildir that downloaded mail is delivered to
    bool deleteAfterDownload = false; // POP3: DELE once a message is safely on disk

    // The IANA ports: imaps 993 and pop3s 995 for implicit TLS (which RFC 8314 §3
    // recommends), imap 143 and pop3 110 for STARTTLS/STLS and plain.
    static constexpr quint16 defaultPort(Protocol protocol, Net::TlsPolicy security)
    {
        const bool implicit = security == Net::TlsPolicy::ImplicitTls;
        if (protocol == Protocol::Imap) {
            return implicit ? 993 : 143;
        }
        return implicit ? 995 : 110;
    }

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    // What a list shows: the display name, else "user@host".
    QString label() const { return displayName.isEmpty() ? user + QLatin1Char('@') + host : displayName; }
    bool isInsecure() const { return security == Net::TlsPolicy::Plain; }

    friend bool operator==(const Account &, const Account &) = default;
};

} // namespace Satchel::Accounts

Q_DECLARE_METATYPE(Satchel::Accounts::Account)
