#include "protocols/accounts/SiteStore.h"

#include "protocols/accounts/SettingsKeys.h"

#include <QSettings>

#include <algorithm>

namespace Satchel::Accounts {

namespace {

const QString kGroup = QStringLiteral("sites");
const QString kOrder = QStringLiteral("sites/order");

QString securityName(Net::TlsPolicy policy)
{
    return SettingsKeys::securityName(policy, QStringLiteral("auth-tls"));
}

Net::TlsPolicy parseSecurity(const QString &text)
{
    return SettingsKeys::parseSecurity(text, QStringLiteral("auth-tls"), Net::TlsPolicy::StartTlsRequired);
}

QString groupOf(const QString &id)
{
    return kGroup + QLatin1Char('/') + id;
}

bool hasBlank(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

int clampConnections(int connections)
{
    return std::clamp(connections, Site::kMinConnections, Site::kMaxConnections);
}

} // namespace

SiteStore::SiteStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    load();
}

SiteStore::SiteStore(const QString &iniPath, QObject *parent)
    : QObject(parent)
    , m_owned(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
    , m_settings(m_owned.get())
{
    load();
}

SiteStore::~SiteStore() = default;

std::optional<Site> SiteStore::site(const QString &id) const
{
    for (const Site &s : m_sites) {
        if (s.id == id) {
            return s;
        }
    }
    return std::nullopt;
}

void SiteStore::reload()
{
    m_settings->sync();
    load();
    Q_EMIT changed();
}

void SiteStore::load()
{
    m_sites.clear();
    const QStringList ordered = SettingsKeys::storedOrder(*m_settings, kGroup, kOrder);
    for (const QString &id : ordered) {
        m_settings->beginGroup(groupOf(id));
        Site s;
        s.id = id;
        s.host = m_settings->value(QStringLiteral("host")).toString().trimmed();
        // A site without a server cannot be connected to, and addOrUpdate() would
        // refuse it: it is not one of ours (or is damaged beyond use).
        if (!s.host.isEmpty() && !hasBlank(s.host)) {
            s.name = m_settings->value(QStringLiteral("name")).toString();
            s.security = parseSecurity(m_settings->value(QStringLiteral("security")).toString());
            s.port = SettingsKeys::readPort(m_settings->value(QStringLiteral("port")), Site::defaultPort(s.security));
            bool ok = false;
            s.user = m_settings->value(QStringLiteral("user")).toString();
            s.localFolder = m_settings->value(QStringLiteral("localFolder")).toString();
            s.remoteFolder = m_settings->value(QStringLiteral("remoteFolder")).toString();
            s.activeMode = m_settings->value(QStringLiteral("activeMode"), false).toBool();
            const int connections = m_settings->value(QStringLiteral("connections")).toInt(&ok);
            s.connections = ok ? clampConnections(connections) : Site().connections;
            m_sites.append(s);
        }
        m_settings->endGroup();
    }
}

void SiteStore::write(const Site &s)
{
    // The group is rewritten whole, so a key this version does not write (or one that
    // should never have been there, like a password) does not linger.
    m_settings->remove(groupOf(s.id));
    m_settings->beginGroup(groupOf(s.id));
    m_settings->setValue(QStringLiteral("name"), s.name);
    m_settings->setValue(QStringLiteral("host"), s.host);
    m_settings->setValue(QStringLiteral("port"), s.port);
    m_settings->setValue(QStringLiteral("security"), securityName(s.security));
    m_settings->setValue(QStringLiteral("user"), s.user);
    m_settings->setValue(QStringLiteral("localFolder"), s.localFolder);
    m_settings->setValue(QStringLiteral("remoteFolder"), s.remoteFolder);
    m_settings->setValue(QStringLiteral("activeMode"), s.activeMode);
    m_settings->setValue(QStringLiteral("connections"), s.connections);
    m_settings->endGroup();
}

void SiteStore::writeOrder()
{
    QStringList ids;
    for (const Site &s : std::as_const(m_sites)) {
        ids.append(s.id);
    }
    m_settings->setValue(kOrder, ids);
}

void SiteStore::sync()
{
    m_settings->sync();
    m_lastError = m_settings->status() == QSettings::NoError
        ? QString()
        : tr("Cannot write the site settings to %1.").arg(m_settings->fileName());
}

QString SiteStore::addOrUpdate(Site site)
{
    site.host = site.host.trimmed();
    if (site.host.isEmpty()) {
        m_lastError = tr("The site has no server: enter the host name or address of the FTP server.");
        return {};
    }
    if (hasBlank(site.host)) {
        m_lastError = tr("“%1” is not a server name: a host name has no spaces.").arg(site.host);
        return {};
    }
    if (!SettingsKeys::isUsableId(site.id)) {
        site.id = Site::newId();
    }
    if (site.port == 0) {
        site.port = Site::defaultPort(site.security);
    }
    site.connections = clampConnections(site.connections);

    const auto it = std::find_if(m_sites.begin(), m_sites.end(), [&site](const Site &s) { return s.id == site.id; });
    if (it != m_sites.end()) {
        *it = site;
    } else {
        m_sites.append(site);
    }
    write(site);
    writeOrder();
    sync();
    Q_EMIT changed();
    return site.id;
}

bool SiteStore::remove(const QString &id)
{
    const auto it = std::find_if(m_sites.begin(), m_sites.end(), [&id](const Site &s) { return s.id == id; });
    if (it == m_sites.end()) {
        return false;
    }
    m_sites.erase(it);
    m_settings->remove(groupOf(id));
    writeOrder();
    sync();
    Q_EMIT changed();
    return true;
}

} // namespace Satchel::Accounts
