#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/imap/AccountConnection.h"
#include "protocols/imap/BodyCache.h"
#include "protocols/imap/FolderSync.h"
#include "protocols/imap/ImapSession.h"
#include "protocols/imap/MailboxOperations.h"
#include "protocols/imap/MessageChanges.h"
#include "protocols/imap/MessageSummary.h"
#include "protocols/imap/PendingChanges.h"
#include "protocols/net/TrustQuestion.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>

namespace Satchel::Store {
class CacheWriter;
class MailCache;
} // namespace Satchel::Store

namespace Satchel::Imap {

class FolderWatch;

// The engine behind one IMAP account in the mail window. It lives on its own worker
// thread (Net::EngineThread<ImapAccountEngine>) and never touches a model or a
// widget: the GUI calls its slots with queued invocations and gets plain values
// back through queued signals (DESIGN.md "Threads and data flow").
//
// - start() opens the account's mail cache (on the worker thread: one SQLite
//   connection per thread), connects, lists the folders and syncs INBOX.
// - Every request carries a requestId chosen by the GUI; it is answered by exactly
//   one result signal (folderSynced, messageFetched, searchDone, or operationDone
//   for changes) or operationFailed - a change made offline is first acknowledged
//   by operationQueued. Requests are serialized on the primary session, one at a
//   time, so each finds the folder it selects selected. Signals with requestId 0
//   come from the engine's own work (start-up, new mail, resyncs after changes).
// - watch(folder) watches one folder on a second connection (FolderWatch), so IDLE
//   never blocks the requests; new mail is synced into the cache, then announced.
// - When the connection fails, connectionLost() says why in words and the engine
//   reconnects after 1 s, 2 s, 4 s, ... 60 s (when a request arrives after the delay,
//   or on a timer; after a TLS or login failure only when a request arrives).
//   Requests made meanwhile fail at once - except setFlags, moveMessages and
//   deleteMessages: those are applied to the cache (operationQueued) and replayed in
//   order after the next login (then operationDone or operationFailed), and the
//   folders they touched are synced again (PendingChanges).
// - That queue is kept in the mail cache: changes queued when Satchel quit are replayed
//   after the first login of the next run. Nobody of that run asked for them, so they
//   are answered only when they fail, by operationFailed with requestId 0. A queue
//   that cannot be written or read is said the same way (the change still goes ahead,
//   in memory).
// - An untrusted certificate is a trustQuestion(); answerTrustQuestion() answers it.
class ImapAccountEngine : public QObject
{
    Q_OBJECT

public:
    ImapAccountEngine(ImapSession::Options options, QString cachePath);
    ~ImapAccountEngine() override;

    // The types that cross threads in this engine's signals and slots. Called by the
    // constructor; harmless to call again.
    static void registerMetaTypes();

    static QString inboxName() { return QStringLiteral("INBOX"); }

public Q_SLOTS:
    void start();

    // LIST + LSUB again: foldersListed, then operationDone.
    void listFolders(quint64 requestId);
    // Brings the folder's cache up to date: folderSynced (the GUI then reads the cache).
    void syncFolder(quint64 requestId, const QString &folder);
    // The raw message (RFC 5322 bytes): from the body cache when it was opened before
    // and its folder is in the mail cache (also offline), else UID FETCH BODY.PEEK[],
    // which leaves it unseen. messageFetched. At most BodyCache::MaxMessageSize.
    void fetchMessage(quint64 requestId, const QString &folder, quint32 uid);
    void setFlags(quint64 requestId, const QString &folder, const QList<quint32> &uids, const QList<QByteArray> &add,
        const QList<QByteArray> &remove);
    void moveMessages(quint64 requestId, const QString &folder, const QList<quint32> &uids, const QString &destination);
    void copyMessages(quint64 requestId, const QString &folder, const QList<quint32> &uids, const QString &destination);
    // Into trashFolder when it is given and is not `folder`; else \Deleted + UID EXPUNGE.
    void deleteMessages(
        quint64 requestId, const QString &folder, const QList<quint32> &uids, const QString &trashFolder);
    // Criteria as SearchQuery reads them, one word per entry: {"SUBJECT", "Reisepläne"}.
    void search(quint64 requestId, const QString &folder, const QStringList &criteria);
    // Folder changes answer with foldersListed (the new list), then operationDone.
    void createFolder(quint64 requestId, const QString &folder);
    void renameFolder(quint64 requestId, const QString &folder, const QString &newName);
    void deleteFolder(quint64 requestId, const QString &folder);
    void subscribe(quint64 requestId, const QString &folder, bool subscribed);
    // The person cancelled the request: one still waiting is dropped, a running read
    // (sync, fetch, search, list) is stopped with its connection (made again at once);
    // each is answered with operationFailed (Cancelled). A change the server is being
    // told of goes on: half of it may already be done there.
    void cancel(quint64 requestId);
    // Watches this folder for new mail from now on (empty: none).
    void watch(const QString &folder);
    void answerTrustQuestion(quint64 questionId, Satchel::Net::TrustAnswer answer);

Q_SIGNALS:
    void connected();
    // After every failed connection or attempt; the words say why. Reconnecting follows.
    void connectionLost(const Satchel::OperationError &error);
    void trustQuestion(const Satchel::Net::TrustQuestion &question);
    // [ALERT] text from the server (RFC 9051 §7.1): to be shown to the person.
    void alert(const QString &text);

    // Subscribed folders carry the \Subscribed attribute. Unread counts come from the
    // server when it has LIST-STATUS, else from the cache (folders synced before).
    void foldersListed(const QList<Satchel::Imap::FolderInfo> &folders, const QHash<QString, int> &unreadByFolder);
    void folderSynced(quint64 requestId, const QString &folder, const Satchel::Imap::FolderSync::Result &result);
    void messageFetched(quint64 requestId, const QString &folder, quint32 uid, const QByteArray &message);
    void searchDone(quint64 requestId, const QString &folder, const QList<quint32> &uids);
    void operationDone(quint64 requestId);
    // Offline: the change is in the cache and will be sent after the next login.
    void operationQueued(quint64 requestId);
    void operationFailed(quint64 requestId, const Satchel::OperationError &error);

    // The watched folder is being watched (after watch(), and after each reconnect).
    void watching(const QString &folder);
    // New mail in a watched folder, already in the cache.
    void newMail(const QString &folder, const QList<Satchel::Imap::MessageSummary> &messages);

private:
    using Step = AccountConnection::Step;

    void onLoggedIn();
    bool usable(quint64 requestId);
    void refuse(quint64 requestId, const QString &problem);
    void endStep(quint64 requestId, const Failure &failure);

    void listThen(std::function<void(Failure)> then);
    Step listStep(quint64 requestId);
    Step syncStep(quint64 requestId, const QString &folder);
    void runSync(quint64 requestId, const QString &folder, const std::shared_ptr<QList<MessageSummary>> &announced);
    void abandonSync();
    void quietSync(const QString &folder, const QList<MessageSummary> &newMessages);
    void syncIfCached(const QString &folder);
    void announce(const QString &folder, QList<MessageSummary> messages);

    void submit(MailChange change);
    void queueOffline(const MailChange &change);
    void queueNotKept(const QString &problem);
    Step replayStep();
    void replayNext();

    Step folderStep(quint64 requestId, std::shared_ptr<ImapCommand> command, const QString &what,
        const QString &leaving, std::function<void()> afterSuccess);
    void forgetFolder(const QString &folder);
    quint32 cachedUidValidity(const QString &folder);
    void note(const QString &text) const;

    ImapSession::Options m_options;
    QString m_cachePath;
    std::unique_ptr<Store::MailCache> m_cache;
    std::optional<OperationError> m_fatal; // the cache cannot be opened: every request fails
    BodyCache m_bodies;
    PendingChanges m_pending;
    std::unique_ptr<MessageChanges> m_changes;
    AccountConnection *m_link = nullptr;
    FolderWatch *m_watch = nullptr;

    QPointer<FolderSync> m_sync;
    Store::CacheWriter *m_writer = nullptr;
    QSet<QString> m_quietSyncQueued;
    QHash<QString, QList<MessageSummary>> m_newMail; // announced once their folder is synced
    QSet<QString> m_replayedFolders;
    QSet<quint64> m_changeRequests; // changes sent or waiting: not to be stopped halfway
};

} // namespace Satchel::Imap
