#include "protocols/store/MaildirCacheSync.h"

#include "protocols/store/MailCache.h"
#include "protocols/store/MaildirIndex.h"

#include <algorithm>
#include <limits>

namespace Satchel::Store {

namespace {

// New messages per storeSummaries() transaction: a first sync of 100,000 messages
// commits as it goes, and the window can show the first ones meanwhile.
constexpr qsizetype kBatchSize = 2000;

bool cacheFailed(const MailCache &cache, QString *error)
{
    *error = cache.lastError();
    return false;
}

} // namespace

bool syncMaildirIntoCache(MaildirIndex &index, MailCache &cache, const QString &folder, int *unseen, QString *error,
    MaildirIndex::Changes *applied)
{
    const std::optional<CachedFolder> known = cache.folder(folder, MailCache::Count::OnlyWhetherAny);
    if (!known && !cache.lastError().isEmpty()) {
        return cacheFailed(cache, error);
    }
    // UIDs mean something only with their UIDVALIDITY (RFC 9051 §2.3.1.1); a folder
    // cached under another one holds rows that are not this Maildir's.
    if ((!known || known->uidValidity != MaildirIndex::UidValidity)
        && !cache.resetFolder(folder, MaildirIndex::UidValidity)) {
        return cacheFailed(cache, error);
    }
    const QHash<quint32, QList<QByteArray>> cached = cache.flagsByUid(folder);
    if (!cache.lastError().isEmpty()) {
        // A partial list would make the scan report cached messages as new.
        return cacheFailed(cache, error);
    }

    MaildirIndex::Changes changes;
    if (!index.scan(cached, &changes, error)) {
        return false;
    }
    if (!changes.removed.isEmpty() && !cache.removeUids(folder, changes.removed)) {
        return cacheFailed(cache, error);
    }
    if (!changes.flags.isEmpty() && !cache.updateFlags(folder, changes.flags)) {
        return cacheFailed(cache, error);
    }
    for (qsizetype from = 0; from < changes.added.size(); from += kBatchSize) {
        if (!cache.storeSummaries(folder, changes.added.mid(from, kBatchSize))) {
            return cacheFailed(cache, error);
        }
    }

    // UIDNEXT as IMAP would report it: the window's undo of a move looks for messages
    // from there on.
    Imap::MailboxState state;
    state.uidValidity = MaildirIndex::UidValidity;
    state.uidNext = index.nextUid();
    state.exists = static_cast<quint32>(std::min<qsizetype>(index.messageCount(), std::numeric_limits<quint32>::max()));
    if (!cache.setFolderState(folder, state)) {
        return cacheFailed(cache, error);
    }
    if (unseen) {
        const qint64 count = cache.unseenCount(folder);
        if (!cache.lastError().isEmpty()) {
            return cacheFailed(cache, error);
        }
        *unseen = static_cast<int>(std::min<qint64>(count, std::numeric_limits<int>::max()));
    }
    if (applied) {
        *applied = std::move(changes);
    }
    return true;
}

} // namespace Satchel::Store
