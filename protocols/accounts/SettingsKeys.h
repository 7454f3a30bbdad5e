#pragma once

#include "protocols/net/TlsPolicy.h"

#include <QSettings>
#include <QString>
#include <QStringList>

#include <algorithm>

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

// The ids of the entries under `group` (one settings group each) in the person's order:
// the order stored under `orderKey` first, then any group it does not name (sorted, so
// stable), without ids that could name another group.
inline QStringList storedOrder(QSettings &settings, const QString &group, const QString &orderKey)
{
    settings.beginGroup(group);
    QStringList ids = settings.childGroups();
    settings.endGroup();
    std::sort(ids.begin(), ids.end());
    QStringList ordered;
    const QStringList order = settings.value(orderKey).toStringList();
    for (const QString &id : order) {
        if (ids.contains(id) && !ordered.contains(id)) {
            ordered.append(id);
        }
    }
    for (const QString &id : std::as_const(ids)) {
        if (!ordered.contains(id)) {
            ordered.append(id);
        }
    }
    ordered.removeIf([](const QString &id) { return !isUsableId(id); });
    return ordered;
}

// A stored port, or `fallback` when there is none or it is not one.
inline quint16 readPort(const QVariant &value, quint16 fallback)
{
    bool ok = false;
    const uint port = value.toUInt(&ok);
    return ok && port > 0 && port <= 65535 ? static_cast<quint16>(port) : fallback;
}

} // namespace Satchel::Accounts::SettingsKeys
