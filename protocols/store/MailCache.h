#pragma once

#include "protocols/imap/MessageSummary.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;

namespace Satchel::Store {

// A folder row of the mail cache.
struct CachedFolder {
    qint64 id = 0;
    quint32 uidValidity = 0; // 0: not known yet
    quint32 uidNext = 0; // 0: not known yet
    quint64 highestModSeq = 0; // 0: unknown, or the mailbox has no mod-sequences
    quint32 exists = 0; // EXISTS at the last sync
    qint64 messageCount = 0; // rows cached for the folder
    QDateTime syncedAt; // UTC; invalid until setFolderState()
};

// A change to messages made while the account was offline and not yet sent, as the
// cache keeps it so that it outlives the run that made it (Imap::PendingChanges). The
// cache stores it and gives it back; what `kind` means and whether a row makes sense
// is the queue's business.
struct QueuedChange {
    qint64 seq = 0; // the queue's order; given by appendQueuedChange(), never reused
    int kind = 0;
    QString folder;
    QList<quint32> uids;
    QList<QByteArray> flagsAdd; // IMAP flags are atoms (RFC 9051 §9): no spaces
    QList<QByteArray> flagsRemove;
    QString destination;

    friend bool operator==(const QueuedChange &, const QueuedChange &) = default;
};

// The offline copy of an IMAP account's message lists, in SQLite (one file per
// account), and the changes made offline that wait to be sent. The sync engine
// writes it, the mail window reads it.
//
// UIDs mean something only together with the folder's UIDVALIDITY (RFC 9051
// §2.3.1.1), so messages can be stored only in a folder whose UIDVALIDITY was
// recorded by resetFolder(), and resetFolder() is also how a changed UIDVALIDITY
// throws the old rows away.
//
// One instance is one SQLite connection, usable only on the thread that opened it
// (a Qt SQL rule). The engine and the window each open their own instance of the
// same file; WAL lets the window read while the engine writes.
//
// Messages store the first From address, the To and Cc lists in display form
// ("Name <a@b>, c@d") and nothing of Sender, Reply-To and Bcc: that is what the
// message list shows. summaries() therefore gives back less than was stored.
class MailCache
{
public:
    static constexpr int SchemaVersion = 1;

    struct FlagChanges {
        int changed = 0; // rows whose flags or mod-sequence really changed
    };

    // Opens or creates the cache at path (typically DIR/<account>.sqlite). On failure
    // returns nullptr and says why in *error.
    static std::unique_ptr<MailCache> open(const QString &path, QString *error);
    ~MailCache();
    MailCache(const MailCache &) = delete;
    MailCache &operator=(const MailCache &) = delete;

    QString path() const { return m_path; }

    enum class Count {
        Messages, // messageCount is the number of cached messages
        OnlyWhetherAny // messageCount is 1 when there are any, else 0 (cheap)
    };
    std::optional<CachedFolder> folder(const QString &name, Count count = Count::Messages);
    // UIDVALIDITY is new (or the folder is): drops the folder's messages, records
    // uidValidity and forgets UIDNEXT/HIGHESTMODSEQ, which belonged to the old one.
    bool resetFolder(const QString &name, quint32 uidValidity);
    // Records UIDNEXT, HIGHESTMODSEQ and EXISTS after a sync, with the time. Refused
    // when the folder is unknown or state.uidValidity (if set) is not the recorded one.
    bool setFolderState(const QString &name, const Imap::MailboxState &state);
    // Removes the folder and, through the foreign key, its messages (it left the server).
    bool removeFolder(const QString &name);

    // Adds or replaces messages by UID, in one transaction.
    bool storeSummaries(const QString &name, const QList<Imap::MessageSummary> &batch);
    // Sets flags (and a higher mod-sequence, when given) of cached messages in one
    // transaction; UIDs not cached are ignored. result->changed counts the rows changed.
    bool updateFlags(const QString &name, const QList<Imap::FlagUpdate> &updates, FlagChanges *result = nullptr);
    // Deletes messages by UID (expunged on the server) in one transaction; *removed
    // counts the rows deleted.
    bool removeUids(const QString &name, const QList<quint32> &uids, int *removed = nullptr);

    // Reads: an unknown folder reads as empty. On a database error they return what
    // they have and lastError() says what went wrong.
    QList<quint32> uids(const QString &name);
    QHash<quint32, QList<QByteArray>> flagsByUid(const QString &name);
    // Newest (highest UID) first; limit < 0 means all.
    QList<Imap::MessageSummary> summaries(const QString &name, int limit = -1);
    // Messages without \Seen, counted without an index (a full scan of the folder).
    qint64 unseenCount(const QString &name);
    // The messages whose subject, sender name or sender address contains text, ignoring
    // case (Unicode, not only ASCII as SQLite's LIKE would), highest UID first: the
    // quick search of a folder no server can search (a POP3 inbox). A full scan.
    QList<quint32> uidsMatching(const QString &name, const QString &text);

    // The offline change queue, oldest first. A change is appended when it is queued and
    // removed once the server answered it, each in one statement, so a change is in the
    // file from the moment it was queued until it was sent (or refused).
    // appendQueuedChange() gives the new row's seq, nullopt on failure.
    std::optional<qint64> appendQueuedChange(const QueuedChange &change);
    // Removing a seq that is not there (any more) is not an error.
    bool removeQueuedChange(qint64 seq);
    // Every queued change in seq order. A row whose UID list cannot be read comes back
    // with no UIDs, for the queue to throw away.
    QList<QueuedChange> queuedChanges();

    // Whether a "flags" column value holds flag, ignoring case as IMAP does (RFC 9051 §9:
    // alphabetic characters are case-insensitive). For the window, which reads the column.
    static bool hasFlag(QStringView flagsText, QStringView flag);

    // What went wrong, in words; every call clears it first, so after a read an empty
    // lastError() means the (possibly empty) result is complete.
    QString lastError() const { return m_lastError; }

private:
    struct Statements;
    bool storeSummariesDirect(sqlite3 *db, const QString &name, const QList<Imap::MessageSummary> &batch);
    bool storeSummariesQt(const QString &name, const QList<Imap::MessageSummary> &batch);

    explicit MailCache(const QString &path);
    bool openDatabase(QString *error);
    bool createOrCheckSchema(QString *error);
    std::optional<qint64> folderId(const QString &name);
    bool beginWrite(const QString &what);
    bool commitWrite(const QString &what);
    void rollbackWrite();
    bool fail(const QString &what, const QString &detail);

    QString m_path;
    QString m_connectionName;
    QString m_lastError;
    std::unique_ptr<Statements> m_statements;
    // unseenCount() remembers its answers while the messages table is unchanged: this
    // connection's writes bump m_messageWrites, other connections' change SQLite's
    // data_version. A sync that changed nothing then costs no count (90 ms at 100,000).
    struct UnseenMemo {
        qint64 dataVersion = -1;
        quint64 writes = 0;
        qint64 unseen = 0;
    };
    quint64 m_messageWrites = 0;
    QHash<QString, UnseenMemo> m_unseen;
    qint64 dataVersion();
};

} // namespace Satchel::Store
