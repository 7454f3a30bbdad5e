#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace Satchel::Accounts {

// The outcome of one vault operation, delivered to its callback from the event loop
// (never from inside the call that started it).
struct VaultResult {
    bool ok = false; // read: a password was found; write/remove: the keyring did it
    QString password; // read only
    QString error; // in words, when !ok
    bool sessionOnly = false; // the password lives in this session's memory only
};

// Account passwords in the OS keyring (QtKeychain: Secret Service, KWallet, macOS
// Keychain, Windows Credential Manager), service "Satchel", key = account id.
// When no keyring service runs, the vault says so (keyringAvailable() false, and
// keyringUnavailableText() in words) and keeps passwords for this session in memory
// only: the person is asked once per session. It never writes a password anywhere
// else — QtKeychain's plaintext fallback stays off.
// Lives on the GUI thread.
class PasswordVault : public QObject
{
    Q_OBJECT

public:
    // SessionOnly never touches the keyring (for tests, and for a person who opts out).
    enum class Backend { Keyring, SessionOnly };
    using Callback = std::function<void(const VaultResult &)>;

    explicit PasswordVault(QObject *parent = nullptr);
    PasswordVault(const QString &service, Backend backend, QObject *parent = nullptr);
    ~PasswordVault() override;

    QString service() const { return m_service; }

    // True until the keyring has been found missing (or Backend::SessionOnly).
    bool keyringAvailable() const { return m_keyringAvailable; }
    // Why passwords are not stored, in words; empty while the keyring is available.
    QString keyringUnavailableText() const { return m_unavailableText; }

    // The password for `accountId`: from this session's memory, else the keyring.
    // Not found (ok false): ask the person, then writePassword().
    void readPassword(const QString &accountId, Callback callback);
    // Stores in the keyring. It is kept in memory for this session in any case, so a
    // failed write (ok false, error in words) does not mean asking again.
    void writePassword(const QString &accountId, const QString &password, Callback callback);
    // Forgets the password here and in the keyring; an entry that was not there is fine.
    void removePassword(const QString &accountId, Callback callback = {});

    // The session memory only, synchronously (no keyring access).
    bool hasSessionPassword(const QString &accountId) const { return m_session.contains(accountId); }
    QString sessionPassword(const QString &accountId) const { return m_session.value(accountId).password; }

Q_SIGNALS:
    // Emitted once, when the keyring is found missing.
    void keyringUnavailable(const QString &text);

private:
    bool isBackendMissing(const QKeychain::Job *job) const;
    void markUnavailable(const QString &detail);
    void deliver(Callback callback, VaultResult result);

    QString m_service;
    bool m_keyringAvailable = true;
    QString m_unavailableText;
    struct SessionEntry {
        QString password;
        bool inKeyring = false;
    };
    QHash<QString, SessionEntry> m_session; // account id -> password, memory only
};

} // namespace Satchel::Accounts
