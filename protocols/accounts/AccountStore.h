#pragma once

#include "protocols/accounts/Account.h"

#include <QList>
#include <QObject>

#include <memory>
#include <optional>

class QSettings;

namespace Satchel::Accounts {

class PasswordVault;

// The person's mail accounts, kept in QSettings under "accounts/<id>/..." (and
// their order in "accounts/order"). Only what Account holds is written — never a
// password: those belong to the PasswordVault, which remove() also clears.
// Lives on the GUI thread; engines get Account values, not the store.
class AccountStore : public QObject
{
    Q_OBJECT

public:
    // Uses `settings` (not owned; it must outlive the store).
    explicit AccountStore(QSettings *settings, PasswordVault *vault = nullptr, QObject *parent = nullptr);
    // Owns an INI file at `iniPath` (tests, portable installs).
    explicit AccountStore(const QString &iniPath, PasswordVault *vault = nullptr, QObject *parent = nullptr);
    ~AccountStore() override;

    QList<Account> accounts() const { return m_accounts; }
    std::optional<Account> account(const QString &id) const;

    // Adds `account` (a new id is made if it has none) or replaces the one with its id;
    // writes it at once. The POP3-only fields of an IMAP account are cleared. Returns the id.
    QString addOrUpdate(Account account);
    // Forgets the account and its keyring entry. False if there was no such account.
    bool remove(const QString &id);

    // Reads the settings again (another instance may have written them).
    void reload();
    // Settings that could not be written, in words; empty when all is well.
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void changed();

private:
    void load();
    void write(const Account &account);
    void writeOrder();
    void sync();

    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings;
    PasswordVault *m_vault;
    QList<Account> m_accounts;
    QString m_lastError;
};

} // namespace Satchel::Accounts
