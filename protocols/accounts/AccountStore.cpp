#include "protocols/accounts/AccountStore.h"

#include "protocols/accounts/PasswordVault.h"
#include "protocols/accounts/SettingsKeys.h"

#include <QSettings>

#include <algorithm>

namespace Satchel::Accounts {

namespace {

const QString kGroup = QStringLiteral("accounts");
const QString kOrder = QStringLiteral("accounts/order");

QString protocolName(Account::Protocol protocol)
{
    return protocol == Account::Protocol::Pop3 ? QStringLiteral("pop3") : QStringLiteral("imap");
}

std::optional<Account::Protocol> parseProtocol(const QString &text)
{
    if (text == QLatin1String("imap")) {
        return Account::Protocol::Imap;
    }
    if (text == QLatin1String("pop3")) {
        return Account::Protocol::Pop3;
    }
    return std::nullopt;
}

QString securityName(Net::TlsPolicy policy)
{
    return SettingsKeys::securityName(policy, QStringLiteral("starttls"));
}

Net::TlsPolicy parseSecurity(const QString &text)
{
    return SettingsKeys::parseSecurity(text, QStringLiteral("starttls"), Net::TlsPolicy::ImplicitTls);
}

QString groupOf(const QString &id)
{
    return kGroup + QLatin1Char('/') + id;
}

} // namespace

AccountStore::AccountStore(QSettings *settings, PasswordVault *vault, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_vault(vault)
{
    load();
}

AccountStore::AccountStore(const QString &iniPath, PasswordVault *vault, QObject *parent)
    : QObject(parent)
    , m_owned(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
    , m_settings(m_owned.get())
    , m_vault(vault)
{
    load();
}

AccountStore::~AccountStore() = default;

std::optional<Account> AccountStore::account(const QString &id) const
{
    for (const Account &a : m_accounts) {
        if (a.id == id) {
            return a;
        }
    }
    return std::nullopt;
}

void AccountStore::reload()
{
    m_settings->sync();
    load();
    Q_EMIT changed();
}

void AccountStore::load()
{
    m_accounts.clear();
    const QStringList ordered = SettingsKeys::storedOrder(*m_settings, kGroup, kOrder);
    for (const QString &id : ordered) {
        m_settings->beginGroup(groupOf(id));
        const std::optional<Account::Protocol> protocol
            = parseProtocol(m_settings->value(QStringLiteral("protocol")).toString());
        if (protocol) {
            Account a;
            a.id = id;
            a.protocol = *protocol;
            a.displayName = m_settings->value(QStringLiteral("name")).toString();
            a.host = m_settings->value(QStringLiteral("host")).toString();
            a.security = parseSecurity(m_settings->value(QStringLiteral("security")).toString());
            a.port = SettingsKeys::readPort(
                m_settings->value(QStringLiteral("port")), Account::defaultPort(a.protocol, a.security));
            a.user = m_settings->value(QStringLiteral("user")).toString();
            a.maildir = m_settings->value(QStringLiteral("maildir")).toString();
            a.deleteAfterDownload = m_settings->value(QStringLiteral("deleteAfterDownload"), false).toBool();
            m_accounts.append(a);
        }
        m_settings->endGroup();
    }
}

void AccountStore::write(const Account &a)
{
    // The group is rewritten whole, so a key this version does not write (or one that
    // should never have been there) does not linger.
    m_settings->remove(groupOf(a.id));
    m_settings->beginGroup(groupOf(a.id));
    m_settings->setValue(QStringLiteral("name"), a.displayName);
    m_settings->setValue(QStringLiteral("protocol"), protocolName(a.protocol));
    m_settings->setValue(QStringLiteral("host"), a.host);
    m_settings->setValue(QStringLiteral("port"), a.port);
    m_settings->setValue(QStringLiteral("security"), securityName(a.security));
    m_settings->setValue(QStringLiteral("user"), a.user);
    if (a.protocol == Account::Protocol::Pop3) {
        m_settings->setValue(QStringLiteral("maildir"), a.maildir);
        m_settings->setValue(QStringLiteral("deleteAfterDownload"), a.deleteAfterDownload);
    }
    m_settings->endGroup();
}

void AccountStore::writeOrder()
{
    QStringList ids;
    for (const Account &a : std::as_const(m_accounts)) {
        ids.append(a.id);
    }
    m_settings->setValue(kOrder, ids);
}

void AccountStore::sync()
{
    m_settings->sync();
    m_lastError = m_settings->status() == QSettings::NoError
        ? QString()
        : tr("Cannot write the account settings to %1.").arg(m_settings->fileName());
}

QString AccountStore::addOrUpdate(Account account)
{
    if (!SettingsKeys::isUsableId(account.id)) {
        account.id = Account::newId();
    }
    if (account.protocol != Account::Protocol::Pop3) {
        account.maildir.clear();
        account.deleteAfterDownload = false;
    }
    const auto it = std::find_if(
        m_accounts.begin(), m_accounts.end(), [&account](const Account &a) { return a.id == account.id; });
    if (it != m_accounts.end()) {
        *it = account;
    } else {
        m_accounts.append(account);
    }
    write(account);
    writeOrder();
    sync();
    Q_EMIT changed();
    return account.id;
}

bool AccountStore::remove(const QString &id)
{
    const auto it = std::find_if(m_accounts.begin(), m_accounts.end(), [&id](const Account &a) { return a.id == id; });
    if (it == m_accounts.end()) {
        return false;
    }
    m_accounts.erase(it);
    m_settings->remove(groupOf(id));
    writeOrder();
    sync();
    if (m_vault) {
        m_vault->removePassword(id);
    }
    Q_EMIT changed();
    return true;
}

} // namespace Satchel::Accounts
