#include "protocols/imap/FolderSync.h"

#include "protocols/imap/FetchCommand.h"
#include "protocols/imap/SearchCommand.h"
#include "protocols/imap/SelectCommand.h"
#include "protocols/store/CacheWriter.h"
#include "protocols/store/MailCache.h"

#include <QPointer>

#include <algorithm>

namespace Satchel::Imap {

FolderSync::FolderSync(ImapSession &session, Store::MailCache &cache, QString folder, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
    , m_folder(std::move(folder))
{ }

FolderSync::~FolderSync() = default;

void FolderSync::start()
{
    m_timer.start();
    m_result = Result();
    select();
}

void FolderSync::fail(OperationError::Kind kind, const QString &message)
{
    if (!m_failed) {
        m_failed = true;
        Q_EMIT failed(OperationError { kind, message });
    }
}

bool FolderSync::commandFailed(const ImapCommand &command, const QString &what)
{
    if (m_failed) {
        return true;
    }
    if (!command.error.isEmpty()) {
        fail(OperationError::Kind::Protocol, QStringLiteral("%1: %2").arg(what, command.error));
        return true;
    }
    if (!command.isOk()) {
        fail(OperationError::Kind::Refused, QStringLiteral("%1: %2").arg(what, command.failureText()));
        return true;
    }
    return false;
}

void FolderSync::select()
{
    const auto cached = m_cache.folder(m_folder, Store::MailCache::Count::OnlyWhetherAny);
    m_cachedUidNext = cached ? cached->uidNext : 0;
    m_cachedModSeq = cached ? cached->highestModSeq : 0;
    m_uidValidity = cached ? cached->uidValidity : 0;
    auto select = std::make_shared<SelectCommand>(m_folder, true);
    if (cached && cached->uidValidity != 0 && cached->messageCount > 0 && cached->highestModSeq > 0
        && m_session.isEnabled("QRESYNC")) {
        select->setResync({ cached->uidValidity, cached->highestModSeq, {} });
    } else {
        select->setCondstore(true);
    }
    select->onDone = [this, select] { onSelected(*select); };
    m_session.send(select);
}

void FolderSync::onSelected(SelectCommand &select)
{
    if (m_failed) {
        return;
    }
    if (!select.isOk() && select.error.isEmpty()) {
        const QString text = select.failureText();
        const bool missing
            = select.result.code.name == "NONEXISTENT" || text.contains(QStringLiteral("exist"), Qt::CaseInsensitive);
        fail(missing ? OperationError::Kind::NotFound : OperationError::Kind::Refused,
            QStringLiteral("cannot open folder '%1': %2").arg(m_folder, text));
        return;
    }
    if (commandFailed(select, QStringLiteral("SELECT %1").arg(m_folder))) {
        return;
    }
    const MailboxState &state = m_session.mailbox();
    if (state.uidValidity == 0) {
        fail(OperationError::Kind::Protocol,
            QStringLiteral("the server did not report UIDVALIDITY for '%1'").arg(m_folder));
        return;
    }
    const auto cached = m_cache.folder(m_folder, Store::MailCache::Count::OnlyWhetherAny);
    if (!cached || cached->uidValidity != state.uidValidity || cached->messageCount == 0) {
        // No cache, or UIDVALIDITY changed: the old UIDs mean nothing now, and every
        // cached message counts as vanished.
        if (cached && cached->messageCount > 0) {
            const auto counted = m_cache.folder(m_folder);
            m_result.vanished = counted ? counted->messageCount : 0;
        }
        if (!m_cache.resetFolder(m_folder, state.uidValidity)) {
            fail(OperationError::Kind::LocalIo, m_cache.lastError());
            return;
        }
        m_uidValidity = state.uidValidity;
        fullSync();
        return;
    }
    m_uidValidity = state.uidValidity;
    if (select.resyncRequested()) {
        // QRESYNC: the SELECT already said what vanished and whose flags changed.
        int removed = 0;
        if (!m_cache.removeUids(m_folder, select.vanished, &removed)) {
            fail(OperationError::Kind::LocalIo, m_cache.lastError());
            return;
        }
        Store::MailCache::FlagChanges changes;
        if (!m_cache.updateFlags(m_folder, select.changed, &changes)) {
            fail(OperationError::Kind::LocalIo, m_cache.lastError());
            return;
        }
        m_result.vanished = removed;
        m_result.changed = changes.changed;
        fetchNew([this] { finish(); });
        return;
    }
    resyncFlagsAndExpunges([this] { fetchNew([this] { finish(); }); });
}

void FolderSync::fullSync()
{
    m_result.fullResync = true;
    // RFC 4731 ESEARCH returns the whole list as one compact set.
    CommandArgs criteria;
    if (m_session.hasCapability("ESEARCH")) {
        criteria.atom("RETURN").open().atom("ALL").close();
    }
    criteria.atom("ALL");
    auto search = std::make_shared<SearchCommand>(criteria);
    search->onDone = [this, search] {
        if (commandFailed(*search, QStringLiteral("UID SEARCH ALL"))) {
            return;
        }
        QList<quint32> uids = search->uids;
        std::sort(uids.begin(), uids.end(), std::greater<>());
        m_result.added = uids.size();
        fetchSummaries(uids, [this] { finish(); });
    };
    m_session.send(search);
}

void FolderSync::fetchSummaries(QList<quint32> uids, std::function<void()> then)
{
    if (uids.isEmpty()) {
        then();
        return;
    }
    QList<QByteArray> items = FetchCommand::summaryItems(m_fetchReferences);
    if (m_session.isEnabled("CONDSTORE")) {
        items.append("MODSEQ");
    }
    const qsizetype expected = uids.size();
    auto fetched = std::make_shared<qsizetype>(0);
    const qsizetype batches = (uids.size() + m_batchSize - 1) / m_batchSize;
    auto remaining = std::make_shared<qsizetype>(batches);
    for (qsizetype start = 0; start < uids.size(); start += m_batchSize) {
        const QList<quint32> slice = uids.mid(start, m_batchSize);
        auto fetch = std::make_shared<FetchCommand>(formatSequenceSet(slice), items);
        fetch->setHandler([this, fetched, expected](FetchData &&data) {
            m_batch.append(summaryFrom(data));
            ++*fetched;
            if (m_batch.size() >= m_batchSize) {
                store(std::exchange(m_batch, {}), true);
                Q_EMIT progress(*fetched, expected);
            }
        });
        // Pipelined: every batch is sent at once, newest first, and stored as it comes.
        fetch->onDone = [this, fetch, remaining, then] {
            if (commandFailed(*fetch, QStringLiteral("UID FETCH"))) {
                return;
            }
            if (--*remaining == 0) {
                if (!m_batch.isEmpty() && !store(std::exchange(m_batch, {}), true)) {
                    return;
                }
                if (!m_writer) {
                    then();
                    return;
                }
                m_writer->flush([this, then](const QString &error) {
                    if (!error.isEmpty()) {
                        fail(OperationError::Kind::LocalIo, error);
                        return;
                    }
                    then();
                });
            }
        };
        m_session.send(fetch);
    }
}

bool FolderSync::store(const QList<MessageSummary> &batch, bool viaWriter)
{
    if (m_failed) {
        return false;
    }
    if (viaWriter && m_writer) {
        m_writer->store(m_folder, batch);
        return true;
    }
    if (!m_cache.storeSummaries(m_folder, batch)) {
        fail(OperationError::Kind::LocalIo, m_cache.lastError());
        return false;
    }
    return true;
}

void FolderSync::resyncFlagsAndExpunges(std::function<void()> then)
{
    const bool condstore
        = m_session.isEnabled("CONDSTORE") && m_cachedModSeq > 0 && m_session.mailbox().highestModSeq > 0;
    if (condstore && m_session.mailbox().highestModSeq == m_cachedModSeq
        && m_session.mailbox().uidNext == m_cachedUidNext) {
        // RFC 7162 §3.1.2.1: nothing changed since our modseq — except expunges,
        // which CONDSTORE alone cannot report; the EXISTS count tells.
        const auto cached = m_cache.folder(m_folder);
        if (cached && cached->messageCount == m_session.mailbox().exists) {
            then();
            return;
        }
    }
    // The UIDs the server has now: those we cache but it lacks have vanished.
    CommandArgs criteria;
    if (m_session.hasCapability("ESEARCH")) {
        criteria.atom("RETURN").open().atom("ALL").close();
    }
    criteria.atom("ALL");
    auto search = std::make_shared<SearchCommand>(criteria);
    auto flags = std::make_shared<FetchCommand>(
        m_cachedUidNext > 1 ? QByteArray("1:" + QByteArray::number(m_cachedUidNext - 1)) : QByteArray("1:*"),
        QList<QByteArray> { "UID", "FLAGS" });
    if (condstore) {
        flags->setChangedSince(m_cachedModSeq, false);
    }
    search->onDone = [this, search] {
        if (commandFailed(*search, QStringLiteral("UID SEARCH ALL"))) {
            return;
        }
        const QList<quint32> server = search->uids;
        const QSet<quint32> present(server.begin(), server.end());
        QList<quint32> gone;
        for (const quint32 uid : m_cache.uids(m_folder)) {
            if (!present.contains(uid)) {
                gone.append(uid);
            }
        }
        int removed = 0;
        if (!m_cache.removeUids(m_folder, gone, &removed)) {
            fail(OperationError::Kind::LocalIo, m_cache.lastError());
            return;
        }
        m_result.vanished = removed;
    };
    flags->onDone = [this, flags, then] {
        if (commandFailed(*flags, QStringLiteral("UID FETCH FLAGS"))) {
            return;
        }
        QList<FlagUpdate> updates;
        updates.reserve(flags->results.size());
        for (const FetchData &f : std::as_const(flags->results)) {
            if (f.uid < m_cachedUidNext || m_cachedUidNext == 0) {
                updates.append(FlagUpdate { f.uid, f.flags, f.modseq });
            }
        }
        Store::MailCache::FlagChanges changes;
        if (!m_cache.updateFlags(m_folder, updates, &changes)) {
            fail(OperationError::Kind::LocalIo, m_cache.lastError());
            return;
        }
        m_result.changed = changes.changed;
        then();
    };
    m_session.send(search);
    m_session.send(flags);
}

void FolderSync::fetchNew(std::function<void()> then)
{
    const quint32 uidNext = m_session.mailbox().uidNext;
    if (m_cachedUidNext == 0 || (uidNext != 0 && uidNext <= m_cachedUidNext)) {
        then();
        return;
    }
    // UIDs at or above the old UIDNEXT are new (RFC 9051 §2.3.1.1: UIDs only grow).
    QList<QByteArray> items = FetchCommand::summaryItems(m_fetchReferences);
    if (m_session.isEnabled("CONDSTORE")) {
        items.append("MODSEQ");
    }
    auto fetch = std::make_shared<FetchCommand>(QByteArray::number(m_cachedUidNext) + ":*", items);
    fetch->onDone = [this, fetch, then] {
        if (commandFailed(*fetch, QStringLiteral("UID FETCH (new messages)"))) {
            return;
        }
        QList<MessageSummary> fresh;
        for (const FetchData &f : std::as_const(fetch->results)) {
            // "n:*" names the last message even when it is older than n (RFC 9051 §6.4.8).
            if (f.uid >= m_cachedUidNext) {
                fresh.append(summaryFrom(f));
            }
        }
        if (!store(fresh)) {
            return;
        }
        m_result.added = fresh.size();
        then();
    };
    m_session.send(fetch);
}

void FolderSync::finish()
{
    if (m_failed) {
        return;
    }
    const MailboxState &state = m_session.mailbox();
    if (state.uidValidity != m_uidValidity) {
        // UIDVALIDITY changed while we worked (an untagged OK [UIDVALIDITY] mid-session):
        // what was stored is meaningless. Start over once.
        if (m_restarted) {
            fail(
                OperationError::Kind::Protocol, QStringLiteral("the UIDVALIDITY of '%1' keeps changing").arg(m_folder));
            return;
        }
        m_restarted = true;
        if (!m_cache.resetFolder(m_folder, state.uidValidity)) {
            fail(OperationError::Kind::LocalIo, m_cache.lastError());
            return;
        }
        m_uidValidity = state.uidValidity;
        const qsizetype dropped = m_result.added;
        m_result = Result();
        m_result.vanished = dropped;
        fullSync();
        return;
    }
    if (!m_cache.setFolderState(m_folder, state)) {
        fail(OperationError::Kind::LocalIo, m_cache.lastError());
        return;
    }
    const auto cached = m_cache.folder(m_folder);
    m_result.total = cached ? cached->messageCount : 0;
    // Counted here, on the engine's thread: on 100,000 messages it takes ~90 ms, which
    // the window's thread must not spend (its event loop would stall).
    m_result.unseen = m_cache.unseenCount(m_folder);
    m_result.seconds = static_cast<double>(m_timer.nsecsElapsed()) / 1e9;
    Q_EMIT done(m_result);
}

} // namespace Satchel::Imap
