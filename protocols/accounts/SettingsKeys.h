#pragma once

#include "protocols/net/TlsPolicy.h"

#include <QString>

// How the account and site stores name things in their settings file.
namespace Satchel::Accounts::SettingsKeys {

// An id becomes a settings group name: it must not be able to name another group.
inline bool isUsableId(const QString &id)
{
    return !id.isEmpty() && !id.contains(QLatin1Char('/')) && !id.contains(QLatin1Char('\\'))
        && id != QLatin1String("order");
}

// "implicit-tls", `startTls` ("starttls" for mail, "auth-tls" for FTP) or "plain".
inline QString securityName(Net::TlsPolicy policy, const QString &startTls)
{
    switch (policy) {
    case Net::TlsPolicy::ImplicitTls:
        return QStringLiteral("implicit-tls");
    case Net::TlsPolicy::StartTlsRequired:
        return startTls;
    case Net::TlsPolicy::Plain:
        return QStringLiteral("plain");
    }
    return QStringLiteral("implicit-tls");
}

// Anything unknown reads as `fallback` (a TLS policy): a damaged file never turns
// encryption off.
inline Net::TlsPolicy parseSecurity(const QString &text, const QString &startTls, Net::TlsPolicy fallback)
{
    if (text == QLatin1String("implicit-tls")) {
        return Net::TlsPolicy::ImplicitTls;
    }
    if (text == startTls) {
        return Net::TlsPolicy::StartTlsRequired;
    }
    if (text == QLatin1String("plain")) {
        return Net::TlsPolicy::Plain;
    }
    return fallback;
}

} // namespace Satchel::Accounts::SettingsKeys
