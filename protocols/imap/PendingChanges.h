#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <deque>

namespace Satchel::Store {
class MailCache;
} // namespace Satchel::Store

namespace Satchel::Imap {

// A change to messages that the person asked for: sent at once when the account is
// connected, kept in PendingChanges when it is not.
struct MailChange {
    enum class Kind { SetFlags, Move, Copy, Delete };

    Kind kind = Kind::SetFlags;
    quint64 requestId = 0; // the GUI's id, answered by operationDone/operationFailed
    QString folder;
    QList<quint32> uids;
    QList<QByteArray> add; // SetFlags
    QList<QByteArray> remove; // SetFlags
    QString destination; // Move, Copy; Delete: the trash folder (empty: expunge in place)

    // Delete into the trash folder: a move there. Deleting in the trash itself expunges.
    bool movesToTrash() const { return kind == Kind::Delete && !destination.isEmpty() && destination != folder; }
    // Whether the messages leave `folder` (a move, or a delete).
    bool removesMessages() const { return kind == Kind::Move || kind == Kind::Delete; }
    // The folders whose contents change: the folder, and the destination of a move or copy.
    QStringList folders() const;
};

// The changes made while the account is offline (setFlags, move, delete; not copy),
// replayed in order once it is connected again.
//
// Each queued change is applied to the mail cache at once, optimistically, so the
// message list shows it offline. The folder's recorded sync state is also lowered
// (HIGHESTMODSEQ forgotten, UIDNEXT moved down to the first removed UID) so that its
// next FolderSync compares every flag and fetches removed messages again: whatever
// happens to the queue, the cache ends up showing the server's state - with the
// change once it was replayed, without it when the server refused it.
//
// With a mail cache (setCache()), the queue is also kept in it: enqueue() writes the
// change, takeFront() deletes it, and load() brings back what an earlier run left, so
// changes made offline survive quitting Satchel before the connection comes back.
// A change leaves the file only once the server answered it, so one answered just
// before Satchel quit is sent again by the next run: setting the same flags again
// changes nothing (unless another client changed them in between), and a replayed
// move or delete of messages that are gone succeeds (MessageChanges). Without a
// cache, or when writing it fails, the queue still works, in memory only.
class PendingChanges
{
public:
    explicit PendingChanges(Store::MailCache *cache = nullptr)
        : m_cache(cache)
    { }
    // Where the queue is kept from now on (nullptr: in memory only). Changes queued
    // before are not written.
    void setCache(Store::MailCache *cache) { m_cache = cache; }

    static bool canQueue(MailChange::Kind kind) { return kind != MailChange::Kind::Copy; }

    // Makes the cache show the change as the server will: flags added and removed;
    // moved and deleted messages gone from their folder (the destination gets them at
    // its next sync). False with *error in words when the cache cannot be written.
    static bool applyToCache(Store::MailCache &cache, const MailChange &change, QString *error);

    // Reads the changes an earlier run queued and did not send, to be replayed first.
    // Call once, before anything is queued. They come back with requestId 0 (nobody in
    // this run asked for them) and are not applied to the cache again: the run that
    // queued them did. Rows that make no sense are deleted, and said in *error, as is
    // a file that cannot be read (then nothing is loaded); true when all went well.
    bool load(QString *error);
    // Queues the change, in memory and in the cache. False with *error in words when
    // the cache could not be written: the change is queued all the same, but only until
    // Satchel quits.
    bool enqueue(MailChange change, QString *error);
    bool isEmpty() const { return m_changes.empty(); }
    qsizetype size() const { return static_cast<qsizetype>(m_changes.size()); }
    // The oldest change; it stays queued until takeFront(), so a connection lost while
    // it is being replayed leaves it to the next replay.
    const MailChange &front() const { return m_changes.front().change; }
    // Removes the oldest change, from the cache too. When that fails *error says so (the
    // next run will send the change again): the change is returned all the same.
    MailChange takeFront(QString *error);

private:
    struct Entry {
        MailChange change;
        qint64 seq = 0; // its row in the cache; 0: not written there
    };

    Store::MailCache *m_cache = nullptr;
    std::deque<Entry> m_changes;
};

// `flags` with `add` added and `remove` removed; IMAP flags are case-insensitive
// (RFC 9051 §9), and the order of those kept does not change.
QList<QByteArray> changedFlags(QList<QByteArray> flags, const QList<QByteArray> &add, const QList<QByteArray> &remove);

} // namespace Satchel::Imap
