#include "protocols/imap/PendingChanges.h"

#include "protocols/imap/MessageSummary.h"
#include "protocols/store/MailCache.h"

#include <algorithm>

namespace Satchel::Imap {

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

MailChange PendingChanges::takeFront()
{
    MailChange change = std::move(m_changes.front());
    m_changes.pop_front();
    return change;
}

} // namespace Satchel::Imap
