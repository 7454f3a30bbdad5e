#include "protocols/accounts/PasswordVault.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

namespace Satchel::Accounts {

PasswordVault::PasswordVault(QObject *parent)
    : PasswordVault(QStringLiteral("Satchel"), Backend::Keyring, parent)
{ }

PasswordVault::PasswordVault(const QString &service, Backend backend, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    if (backend == Backend::SessionOnly) {
        m_keyringAvailable = false;
        m_unavailableText = tr("Passwords are not stored on this computer; Satchel will ask for each password once "
                               "per session.");
    }
}

PasswordVault::~PasswordVault() = default;

bool PasswordVault::isBackendMissing(const QKeychain::Job *job) const
{
    // QtKeychain reports a missing service in several ways: NoBackendAvailable (no
    // Secret Service / KWallet daemon), NotImplemented, and OtherError when D-Bus is
    // not running or the backend library cannot be loaded ("Unknown error", "Could
    // not open wallet"). AccessDenied and EntryNotFound come from a keyring that runs.
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return true;
    default:
        return false;
    }
}

void PasswordVault::markUnavailable(const QString &detail)
{
    if (!m_keyringAvailable) {
        return;
    }
    m_keyringAvailable = false;
    m_unavailableText = tr("No keyring service is running; Satchel will ask for this password once per session and "
                           "will not store it.");
    qInfo("keyring unavailable (%s): passwords are kept in memory for this session only", qUtf8Printable(detail));
    Q_EMIT keyringUnavailable(m_unavailableText);
}

void PasswordVault::deliver(Callback callback, VaultResult result)
{
    if (!callback) {
        return;
    }
    QTimer::singleShot(0, this, [callback = std::move(callback), result = std::move(result)] { callback(result); });
}

void PasswordVault::readPassword(const QString &accountId, Callback callback)
{
    if (const auto it = m_session.constFind(accountId); it != m_session.constEnd()) {
        deliver(std::move(callback), VaultResult { true, it->password, {}, !it->inKeyring });
        return;
    }
    if (!m_keyringAvailable) {
        deliver(std::move(callback), VaultResult { false, {}, m_unavailableText, true });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(accountId);
    connect(job, &QKeychain::Job::finished, this, [this, accountId, callback](QKeychain::Job *done) {
        VaultResult result;
        if (done->error() == QKeychain::NoError) {
            result.ok = true;
            result.password = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
            m_session.insert(accountId, SessionEntry { result.password, true });
        } else if (done->error() == QKeychain::EntryNotFound) {
            result.error = tr("No password is stored for this account.");
        } else if (isBackendMissing(done)) {
            markUnavailable(done->errorString());
            result.error = m_unavailableText;
            result.sessionOnly = true;
        } else {
            result.error = tr("The keyring did not give out the password: %1").arg(done->errorString());
        }
        if (callback) {
            callback(result);
        }
    });
    job->start();
}

void PasswordVault::writePassword(const QString &accountId, const QString &password, Callback callback)
{
    // Memory first: whatever the keyring says, the person is not asked again this session.
    m_session.insert(accountId, SessionEntry { password, false });
    if (!m_keyringAvailable) {
        deliver(std::move(callback), VaultResult { false, {}, m_unavailableText, true });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(accountId);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, accountId, password, callback](QKeychain::Job *done) {
        VaultResult result;
        if (done->error() == QKeychain::NoError) {
            result.ok = true;
            // Unless it was changed or removed meanwhile.
            if (const auto it = m_session.find(accountId); it != m_session.end() && it->password == password) {
                it->inKeyring = true;
            }
        } else if (isBackendMissing(done)) {
            markUnavailable(done->errorString());
            result.error = m_unavailableText;
            result.sessionOnly = true;
        } else {
            result.error = tr("The keyring did not store the password (%1); Satchel keeps it for this session only.")
                               .arg(done->errorString());
            result.sessionOnly = true;
        }
        if (callback) {
            callback(result);
        }
    });
    job->start();
}

void PasswordVault::removePassword(const QString &accountId, Callback callback)
{
    m_session.remove(accountId);
    if (!m_keyringAvailable) {
        // Nothing of it was ever stored outside this session's memory.
        deliver(std::move(callback), VaultResult { true, {}, {}, true });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(accountId);
    connect(job, &QKeychain::Job::finished, this, [this, callback](QKeychain::Job *done) {
        VaultResult result;
        if (done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound) {
            result.ok = true;
        } else {
            if (isBackendMissing(done)) {
                markUnavailable(done->errorString());
            }
            result.error = tr("The keyring did not remove the password: %1").arg(done->errorString());
        }
        if (callback) {
            callback(result);
        }
    });
    job->start();
}

} // namespace Satchel::Accounts
