#pragma once

#include "protocols/accounts/Account.h"
#include "protocols/core/OperationError.h"
#include "protocols/imap/MessageSummary.h"
#include "protocols/net/TrustQuestion.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>

class QWidget;

namespace Satchel::Accounts {
class AccountStore;
class PasswordVault;
} // namespace Satchel::Accounts

namespace Satchel::Imap {
class ImapAccountEngine;
}

namespace Satchel::Net {
class TrustStore;
}

namespace Satchel::Pop3 {
class LocalInboxEngine;
}

namespace Satchel::Ui {

class CacheReader;

// The IMAP accounts of the AccountStore as the GUI thread sees them: the facade over
// one ImapAccountEngine per account, each on its own worker thread (Net::EngineThread),
// with its cache at <cacheDir>/<account>.sqlite (DESIGN.md "Threads and data flow").
//
// - It follows the store: an account added gets an engine, one removed loses it (its
//   thread is joined), one whose server or user changed gets a new one.
// - post() sends a request with a new id; every request ends once in requestFinished,
//   after the result signal that answers it (folderSynced, messageFetched, searchDone,
//   operationDone or operationFailed). Answers of an engine that was replaced are dropped.
// - Passwords come from the PasswordVault; the person is asked (askPassword) only when
//   the vault has none, or the server refused the one it had.
// - Certificate questions are put one at a time (askTrust, by default a
//   CertificateDialog); the answer goes to the engine that asked, and to the other
//   questions about the same key (the INBOX watch asks too).
// - Connection trouble and server alerts are said in words (statusMessage).
class MailAccounts : public QObject
{
    Q_OBJECT

public:
    // The password for `account`, asked of the person; nullopt when they declined.
    // `reason` says why it is asked, in words.
    using PasswordPrompt
        = std::function<std::optional<QString>(const Accounts::Account &account, const QString &reason)>;
    // Puts a certificate question to the person; `answer` is called once, now or later.
    using TrustPrompt
        = std::function<void(const Net::TrustQuestion &question, std::function<void(Net::TrustAnswer)> answer)>;
    using Call = std::function<void(Imap::ImapAccountEngine &engine, quint64 requestId)>;
    // The same request for a POP3 account's local inbox; empty: it means nothing there.
    using LocalCall = std::function<void(Pop3::LocalInboxEngine &engine, quint64 requestId)>;

    struct Options {
        QString cacheDir; // empty: <QStandardPaths::CacheLocation>/mail
        std::shared_ptr<Net::TrustStore> trust; // shared by every engine; null: system CAs only
        PasswordPrompt askPassword; // empty: a QInputDialog
        TrustPrompt askTrust; // empty: a CertificateDialog
    };

    // Neither `store` nor `vault` is owned; both must outlive this. `window` parents the
    // dialogs and this object.
    MailAccounts(Accounts::AccountStore *store, Accounts::PasswordVault *vault, Options options, QWidget *window);
    ~MailAccounts() override;

    // IMAP accounts, and POP3 accounts with their local inbox, in the store's order.
    QStringList ids() const { return m_order; }
    // A POP3 account: one folder (INBOX, its Maildir), served by a Pop3::LocalInboxEngine.
    bool isLocalInbox(const QString &accountId) const;
    bool contains(const QString &accountId) const { return engineFor(accountId) != nullptr; }
    QString label(const QString &accountId) const;
    QString cachePath(const QString &accountId) const;
    // Reads of the account's cache on this thread; null for an unknown account.
    CacheReader *cache(const QString &accountId) const;
    QList<Imap::FolderInfo> folders(const QString &accountId) const;
    QHash<QString, int> unread(const QString &accountId) const;
    // Reads the folder's unread count from the cache again (after a sync or a change).
    std::optional<int> refreshUnread(const QString &accountId, const QString &folder);
    // The selectable folder with this special use (inbox, sent, trash, ...); INBOX for inbox.
    QString folderWithRole(const QString &accountId, const QString &role) const;
    bool hasFolder(const QString &accountId, const QString &folder) const;
    // It has an engine (it is not waiting for a password).
    bool isStarted(const QString &accountId) const;
    bool isOnline(const QString &accountId) const;

    // Runs `call` (`local` for a POP3 account) on the account's engine with a new
    // request id, which is returned; 0 (and the reason in statusMessage) when the
    // account has no engine, or the request means nothing for a POP3 inbox.
    quint64 post(const QString &accountId, const QString &description, Call call, LocalCall local = {});
    bool isRunning(quint64 requestId) const { return m_requests.contains(requestId); }
    // The requests sent and not answered yet, in words.
    QStringList activity() const;
    // The same, one entry a request, oldest first, for the activity view.
    struct Activity {
        quint64 requestId = 0;
        QString account; // its label
        QString description;
        bool cancelling = false;
    };
    QList<Activity> activities() const;
    // The person cancelled the request: the engine drops it (or stops it, with its
    // connection) and answers it as failed with Kind::Cancelled; a change that is
    // being sent goes on. False when the request is not running.
    bool cancel(quint64 requestId);

    // Asks the person for the account's password and starts (or restarts) its engine.
    void askPassword(const QString &accountId, const QString &reason);

Q_SIGNALS:
    void accountsChanged();
    void statusMessage(const QString &text, int timeoutMs);
    void foldersListed(const QString &accountId);
    // `unseen`: the folder's unread count after the sync (-1: unknown); `changed`: whether
    // the sync changed anything in the cache (else the list need not be read again).
    void folderSynced(const QString &accountId, quint64 requestId, const QString &folder, int unseen, bool changed);
    void messageFetched(
        const QString &accountId, quint64 requestId, const QString &folder, quint32 uid, const QByteArray &message);
    void searchDone(const QString &accountId, quint64 requestId, const QString &folder, const QList<quint32> &uids);
    // queued: offline, the change is in the cache and is sent after the next login.
    void operationDone(const QString &accountId, quint64 requestId, bool queued);
    // requestId 0: the engine's own work failed (the start-up sync, the INBOX watch).
    void operationFailed(const QString &accountId, quint64 requestId, const Satchel::OperationError &error);
    void newMail(const QString &accountId, const QString &folder, const QList<Satchel::Imap::MessageSummary> &messages);
    void requestFinished(quint64 requestId, bool ok, const QString &error);
    void activityChanged();

private:
    struct Engine;
    struct PendingTrust {
        QString accountId;
        quint64 generation = 0;
        Net::TrustQuestion question;
    };

    void sync();
    void start(const Accounts::Account &account);
    void stop(const QString &accountId);
    void launch(const QString &accountId, const QString &password);
    void connectEngine(Engine &engine);
    void launchLocalInbox(Engine &engine, const QString &password);
    void connectLocalEngine(Engine &engine);
    Engine *engineFor(const QString &accountId) const;
    Engine *liveEngine(const QString &accountId, quint64 generation) const;
    void finish(quint64 requestId, bool ok, const QString &error = {});
    void dropRequests(const QString &accountId, const QString &why);
    void onConnectionLost(Engine &engine, const OperationError &error);
    void askNextTrustQuestion();
    void answerTrust(const PendingTrust &asked, Net::TrustAnswer answer);
    void say(const QString &text, int timeoutMs = 8000);

    Accounts::AccountStore *m_store;
    Accounts::PasswordVault *m_vault;
    Options m_options;
    QPointer<QWidget> m_window;

    std::map<QString, std::unique_ptr<Engine>> m_engines; // by account id
    QStringList m_order;
    quint64 m_nextGeneration = 1;
    quint64 m_nextRequestId = 1;
    struct Running {
        QString accountId;
        QString description;
        bool cancelling = false;
    };
    QHash<quint64, Running> m_requests;

    std::deque<PendingTrust> m_trustQueue;
    bool m_askingTrust = false;
};

} // namespace Satchel::Ui
