#include "protocols/imap/PendingChanges.h"

#include "protocols/imap/MessageChanges.h"
#include "protocols/imap/MessageSummary.h"
#include "protocols/store/MailCache.h"

#include <algorithm>
#include <optional>

namespace Satchel::Imap {

namespace {

// The numbers in the cache's pending_changes.kind column. They are on disk: never
// renumber them, only add.
enum class StoredKind : int { SetFlags = 1, Move = 2, Copy = 3, Delete = 4 };

int storedKind(MailChange::Kind kind)
{
    switch (kind) {
    case MailChange::Kind::SetFlags:
        return int(StoredKind::SetFlags);
    case MailChange::Kind::Move:
        return int(StoredKind::Move);
    case MailChange::Kind::Copy:
        return int(StoredKind::Copy);
    case MailChange::Kind::Delete:
        return int(StoredKind::Delete);
    }
    return 0;
}

std::optional<MailChange::Kind> kindFromStored(int stored)
{
    switch (StoredKind(stored)) {
    case StoredKind::SetFlags:
        return MailChange::Kind::SetFlags;
    case StoredKind::Move:
        return MailChange::Kind::Move;
    case StoredKind::Copy:
        return MailChange::Kind::Copy;
    case StoredKind::Delete:
        return MailChange::Kind::Delete;
    }
    return std::nullopt;
}

Store::QueuedChange toStored(const MailChange &change)
{
    // Not the requestId: it names a request of this run only.
    Store::QueuedChange stored;
    stored.kind = storedKind(change.kind);
    stored.folder = change.folder;
    stored.uids = change.uids;
    stored.flagsAdd = change.add;
    stored.flagsRemove = change.remove;
    stored.destination = change.destination;
    return stored;
}

// Why a row read back cannot be replayed, in words; empty when it can. The file is ours,
// but what it holds goes into commands, so it is checked as submit() checks a request.
QString problemWithStored(const Store::QueuedChange &stored, MailChange *change)
{
    const std::optional<MailChange::Kind> kind = kindFromStored(stored.kind);
    if (!kind || !PendingChanges::canQueue(*kind)) {
        return QStringLiteral("it is of an unknown kind (%1)").arg(stored.kind);
    }
    change->kind = *kind;
    change->requestId = 0;
    change->folder = stored.folder;
    change->uids = stored.uids;
    change->add = stored.flagsAdd;
    change->remove = stored.flagsRemove;
    change->destination = stored.destination;
    return MessageChanges::problemWith(*change);
}

} // namespace

QStringList MailChange::folders() const
{
    QStringList names { folder };
    const bool intoAnother = kind == Kind::Move || kind == Kind::Copy || movesToTrash();
    if (intoAnother && !destination.isEmpty() && destination != folder) {
        names.append(destination);
    }
    return names;
}

QList<QByteArray> changedFlags(QList<QByteArray> flags, const QList<QByteArray> &add, const QList<QByteArray> &remove)
{
    auto in = [](const QList<QByteArray> &list, const QByteArray &flag) {
        return std::any_of(list.begin(), list.end(),
            [&flag](const QByteArray &f) { return f.compare(flag, Qt::CaseInsensitive) == 0; });
    };
    flags.removeIf([&in, &remove](const QByteArray &f) { return in(remove, f); });
    for (const QByteArray &flag : add) {
        if (!in(flags, flag)) {
            flags.append(flag);
        }
    }
    return flags;
}

bool PendingChanges::applyToCache(Store::MailCache &cache, const MailChange &change, QString *error)
{
    const auto cached = cache.folder(change.folder, Store::MailCache::Count::OnlyWhetherAny);
    if (!cached) {
        // A folder never synced shows nothing that could change.
        *error = cache.lastError();
        return error->isEmpty();
    }
    if (change.kind == MailChange::Kind::SetFlags) {
        const QHash<quint32, QList<QByteArray>> current = cache.flagsByUid(change.folder);
        if (!cache.lastError().isEmpty()) {
            *error = cache.lastError();
            return false;
        }
        QList<FlagUpdate> updates;
        for (const quint32 uid : change.uids) {
            const auto it = current.constFind(uid);
            if (it != current.cend()) {
                // Modseq 0: the row keeps its mod-sequence, the server has not seen this yet.
                updates.append(FlagUpdate { uid, changedFlags(*it, change.add, change.remove), 0 });
            }
        }
        if (!cache.updateFlags(change.folder, updates)) {
            *error = cache.lastError();
            return false;
        }
    } else if (change.removesMessages()) {
        if (!cache.removeUids(change.folder, change.uids)) {
            *error = cache.lastError();
            return false;
        }
    } else {
        return true; // a copy changes nothing the source folder shows
    }
    // The next sync of the folder compares every flag (no HIGHESTMODSEQ to ask "changed
    // since") and fetches every message from the first removed UID on again.
    MailboxState state;
    state.uidValidity = cached->uidValidity;
    state.uidNext = cached->uidNext;
    state.exists = cached->exists;
    state.highestModSeq = 0;
    if (change.removesMessages() && !change.uids.isEmpty() && state.uidNext != 0) {
        state.uidNext = std::min(state.uidNext, *std::min_element(change.uids.begin(), change.uids.end()));
    }
    if (!cache.setFolderState(change.folder, state)) {
        *error = cache.lastError();
        return false;
    }
    return true;
}

bool PendingChanges::load(QString *error)
{
    Q_ASSERT(m_changes.empty());
    error->clear();
    if (!m_cache) {
        return true;
    }
    const QList<Store::QueuedChange> rows = m_cache->queuedChanges();
    if (!m_cache->lastError().isEmpty()) {
        *error = QStringLiteral("the changes made offline before Satchel was last closed cannot be read, so they are"
                                " not sent: %1")
                     .arg(m_cache->lastError());
        return false;
    }
    QStringList problems;
    for (const Store::QueuedChange &row : rows) {
        MailChange change;
        if (const QString problem = problemWithStored(row, &change); !problem.isEmpty()) {
            // Left in the file it would be refused again at every start.
            problems.append(
                QStringLiteral("a change queued offline for '%1' was dropped: %2").arg(row.folder, problem));
            if (!m_cache->removeQueuedChange(row.seq)) {
                problems.append(m_cache->lastError());
            }
            continue;
        }
        m_changes.push_back(Entry { std::move(change), row.seq });
    }
    *error = problems.join(QStringLiteral("; "));
    return problems.isEmpty();
}

bool PendingChanges::enqueue(MailChange change, QString *error)
{
    error->clear();
    qint64 seq = 0;
    if (m_cache) {
        if (const std::optional<qint64> written = m_cache->appendQueuedChange(toStored(change))) {
            seq = *written;
        } else {
            *error = m_cache->lastError();
        }
    }
    m_changes.push_back(Entry { std::move(change), seq });
    return error->isEmpty();
}

MailChange PendingChanges::takeFront(QString *error)
{
    error->clear();
    Entry entry = std::move(m_changes.front());
    m_changes.pop_front();
    if (m_cache && entry.seq != 0 && !m_cache->removeQueuedChange(entry.seq)) {
        *error = m_cache->lastError();
    }
    return std::move(entry.change);
}

} // namespace Satchel::Imap
