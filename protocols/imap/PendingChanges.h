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
// The queue is kept in memory only: changes made offline are lost when Satchel quits
// before the connection comes back (the cache then returns to the server's state at
// the folder's next sync, as above).
class PendingChanges
{
public:
    static bool canQueue(MailChange::Kind kind) { return kind != MailChange::Kind::Copy; }

    // Makes the cache show the change as the server will: flags added and removed;
    // moved and deleted messages gone from their folder (the destination gets them at
    // its next sync). False with *error in words when the cache cannot be written.
    static bool applyToCache(Store::MailCache &cache, const MailChange &change, QString *error);

    void enqueue(MailChange change) { m_changes.push_back(std::move(change)); }
    bool isEmpty() const { return m_changes.empty(); }
    qsizetype size() const { return static_cast<qsizetype>(m_changes.size()); }
    // The oldest change; it stays queued until takeFront(), so a connection lost while
    // it is being replayed leaves it to the next replay.
    const MailChange &front() const { return m_changes.front(); }
    MailChange takeFront();

private:
    std::deque<MailChange> m_changes;
};

// `flags` with `add` added and `remove` removed; IMAP flags are case-insensitive
// (RFC 9051 §9), and the order of those kept does not change.
QList<QByteArray> changedFlags(QList<QByteArray> flags, const QList<QByteArray> &add, const QList<QByteArray> &remove);

} // namespace Satchel::Imap
