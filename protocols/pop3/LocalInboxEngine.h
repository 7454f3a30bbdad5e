#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/imap/MessageSummary.h"
#include "protocols/net/TrustQuestion.h"
#include "protocols/pop3/Pop3Session.h"
#include "protocols/store/MaildirIndex.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Satchel::Store {
class MailCache;
} // namespace Satchel::Store

namespace Satchel::Pop3 {

// The engine behind a POP3 account's local inbox in the mail window. POP3 (RFC 1939)
// has a single mailbox and no flags to keep, so the account's mail is what was
// downloaded into a local Maildir (https://cr.yp.to/proto/maildir.html); the window
// shows that Maildir like an IMAP folder named inboxName(), from the mail cache, with
// UIDs that Store::MaildirIndex gives and keeps.
//
// It lives on its own worker thread (Net::EngineThread<LocalInboxEngine>) and never
// touches a model or a widget: the GUI calls its slots with queued invocations and gets
// plain values back through queued signals (DESIGN.md "Threads and data flow"), like
// Imap::ImapAccountEngine, whose request and signal shapes it follows:
//
// - Every request carries a requestId chosen by the GUI and is answered by exactly one
//   result signal (folderSynced, messageFetched, or operationDone for changes) or by
//   operationFailed. Signals with requestId 0 come from the engine's own work.
// - Everything but getNewMail is local file and cache work, done at once on this
//   thread. getNewMail talks to the server without blocking: a Pop3Session and the
//   Pop3Fetcher satchel-cli's `pop3 fetch` uses, on this thread's event loop. One
//   download runs at a time; a getNewMail that arrives meanwhile is answered by the
//   next one, which starts when the running one ends, so it sees the server as it is
//   after the request was made.
// - The cache (its own MailCache connection: one per thread) is opened with the first
//   request; when it cannot be, that request fails and the next one tries again.
// - An untrusted certificate is a trustQuestion(); answerTrustQuestion() answers it.
class LocalInboxEngine : public QObject
{
    Q_OBJECT

public:
    struct Options {
        Pop3Session::Options session;
        QString maildir; // root of new/, cur/ and tmp/; created when missing (see syncFolder)
        QString cachePath; // the account's mail cache, e.g. CACHE/<account>.sqlite
        QString uidMapPath; // MaildirIndex's UID map, e.g. CACHE/<account>.maildir-uids
        bool deleteAfterDownload = false; // DELE once a message is saved and durable
    };

    // Message files larger than this are not read into memory (the reader's limit, as
    // Imap::BodyCache::MaxMessageSize is for IMAP).
    static constexpr qint64 MaxMessageSize = 64LL * 1024 * 1024;

    explicit LocalInboxEngine(Options options, QObject *parent = nullptr);
    ~LocalInboxEngine() override;

    // The types that cross threads in this engine's signals and slots. Called by the
    // constructor; harmless to call again.
    static void registerMetaTypes();

    // The one folder of the account in the cache.
    static QString inboxName() { return QStringLiteral("INBOX"); }

public Q_SLOTS:
    // For EngineThread (QThread::started). Nothing to do before the first request.
    void start();

    // Brings the cache up to date with the Maildir: folderSynced. A Maildir that does
    // not exist yet is created - unless the cache lists messages from it: then it is a
    // disk that is not mounted rather than an empty inbox, and the request fails
    // instead of emptying the cache.
    void syncFolder(quint64 requestId);
    // Downloads what the server has and the Maildir does not (Pop3Fetcher, with its
    // UIDL ledger in the Maildir, shared with satchel-cli), deletes on the server as
    // Options::deleteAfterDownload says, syncs the cache: folderSynced, and before it
    // newMail with the messages that arrived (when any did). On failure (operationFailed)
    // what was saved before it stays saved and is in the cache; folderSynced(0, ...)
    // says so when that changed it.
    void getNewMail(quint64 requestId);
    // The message file's bytes: messageFetched. It stays unseen (like BODY.PEEK[]).
    void fetchMessage(quint64 requestId, quint32 uid);
    // Renames the files (flags live in Maildir file names) and updates the cache:
    // operationDone. Only flags with a Maildir letter (\Seen \Answered \Flagged \Deleted
    // \Draft) can be kept; others are dropped. A message that could not be changed fails
    // the request, by UID; the others are changed all the same.
    void setFlags(
        quint64 requestId, const QList<quint32> &uids, const QList<QByteArray> &add, const QList<QByteArray> &remove);
    // Deletes the files and their cache rows: operationDone. A message that is already
    // gone counts as deleted. Never touches the server: POP3 mail there is deleted only
    // by getNewMail, as the account says.
    void deleteMessages(quint64 requestId, const QList<quint32> &uids);
    // The quick search: messages whose subject or sender contains text (any case), from
    // the cache, since POP3 has no SEARCH (RFC 1939 §5): searchDone.
    void search(quint64 requestId, const QString &text);
    void answerTrustQuestion(quint64 questionId, Satchel::Net::TrustAnswer answer);

Q_SIGNALS:
    void trustQuestion(const Satchel::Net::TrustQuestion &question);
    // unseen: the folder's messages without \Seen; changed: this request added, removed
    // or re-flagged cached messages (the window reloads its list only then).
    void folderSynced(quint64 requestId, const QString &folder, int unseen, bool changed);
    void messageFetched(quint64 requestId, const QString &folder, quint32 uid, const QByteArray &message);
    void operationDone(quint64 requestId);
    void searchDone(quint64 requestId, const QString &folder, const QList<quint32> &uids);
    void operationFailed(quint64 requestId, const Satchel::OperationError &error);
    // Messages getNewMail downloaded, already in the cache.
    void newMail(const QString &folder, const QList<Satchel::Imap::MessageSummary> &messages);

private:
    using Failure = std::optional<OperationError>;

    // What one sync did.
    struct Synced {
        int unseen = 0;
        bool changed = false;
        QList<Imap::MessageSummary> added;
    };
    struct FetchRun;

    Failure openCache();
    Failure prepareMaildir();
    Failure sync(Synced *result);
    // The index knows the Maildir's files once a sync has listed them; a request about
    // messages that comes first (the window shows the cache of the last run) syncs first.
    Failure ensureIndexed();

    void startFetch(const QList<quint64> &requests);
    void onLoggedIn();
    void finishFetch(const Failure &failure);
    // The key of the UIDL ledger: what satchel-cli uses for the same mailbox.
    QString ledgerAccount() const;

    Options m_options;
    std::unique_ptr<Store::MailCache> m_cache;
    Store::MaildirIndex m_index;
    bool m_indexed = false;
    std::unique_ptr<FetchRun> m_fetch;
    QList<quint64> m_fetchWaiting; // getNewMail requests for the download after the running one
};

} // namespace Satchel::Pop3
