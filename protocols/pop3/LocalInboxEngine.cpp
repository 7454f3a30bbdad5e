#include "protocols/pop3/LocalInboxEngine.h"

#include "protocols/imap/BodyCache.h"
#include "protocols/pop3/Pop3Fetcher.h"
#include "protocols/store/MailCache.h"
#include "protocols/store/MaildirCacheSync.h"
#include "protocols/store/MaildirFlags.h"
#include "protocols/store/MaildirWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <utility>

namespace Satchel::Pop3 {

static_assert(LocalInboxEngine::MaxMessageSize == Imap::BodyCache::MaxMessageSize,
    "the reader opens POP3 and IMAP messages up to the same size");

namespace {

// The first of several failures, in words, and how many more there were: a request
// about many messages goes on past one that fails, and says which one it was.
class Failures
{
public:
    void add(OperationError::Kind kind, const QString &message)
    {
        if (m_first) {
            ++m_more;
        } else {
            m_first = OperationError { kind, message };
        }
    }

    std::optional<OperationError> result() const
    {
        if (!m_first || m_more == 0) {
            return m_first;
        }
        return OperationError { m_first->kind, m_first->message + QStringLiteral(" (and %1 more)").arg(m_more) };
    }

private:
    std::optional<OperationError> m_first;
    int m_more = 0;
};

OperationError localError(const QString &message)
{
    return { OperationError::Kind::LocalIo, message };
}

QList<quint32> uniqueUids(QList<quint32> uids)
{
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    return uids;
}

} // namespace

// One getNewMail download: its session, the fetcher working in it (a child of the
// session, so that it goes with it), and what it has to answer.
struct LocalInboxEngine::FetchRun {
    QList<quint64> requests;
    Pop3Session *session = nullptr;
    Pop3Fetcher *fetcher = nullptr; // from the login on
    bool changed = false; // the sync before the download changed the cache
    // Messages that syncs made while the download ran found (some of them already
    // downloaded by it): announced as new mail with the rest when it ends.
    QList<Imap::MessageSummary> arrived;
};

void LocalInboxEngine::registerMetaTypes()
{
    qRegisterMetaType<OperationError>();
    qRegisterMetaType<Net::TrustQuestion>();
    qRegisterMetaType<Net::TrustAnswer>();
    qRegisterMetaType<Imap::MessageSummary>();
    qRegisterMetaType<QList<Imap::MessageSummary>>();
    qRegisterMetaType<QList<quint32>>();
    qRegisterMetaType<QList<quint32>>("QList<quint32>"); // the spelling of the slots, for invokeMethod by name
    qRegisterMetaType<QList<QByteArray>>();
}

LocalInboxEngine::LocalInboxEngine(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_index(m_options.maildir, m_options.uidMapPath)
{
    registerMetaTypes();
}

LocalInboxEngine::~LocalInboxEngine()
{
    if (m_fetch) {
        // Ended without QUIT: the server deletes nothing (RFC 1939 §6), and what was
        // saved stays saved - the ledger says so, and the next download skips it.
        disconnect(m_fetch->session, nullptr, this, nullptr);
        if (m_fetch->fetcher) {
            disconnect(m_fetch->fetcher, nullptr, this, nullptr);
        }
        delete m_fetch->session;
    }
}

void LocalInboxEngine::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
}

QString LocalInboxEngine::ledgerAccount() const
{
    // The mailbox, not the way to it (as satchel-cli's CliContext::account() has it): the
    // CLI fetching into the same Maildir shares the ledger and downloads nothing twice.
    return m_options.session.credentials.user + QLatin1Char('@') + m_options.session.connection.host.toLower();
}

// --- The Maildir and the cache ---------------------------------------------------

LocalInboxEngine::Failure LocalInboxEngine::openCache()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_cache) {
        return std::nullopt;
    }
    if (m_options.maildir.isEmpty() || m_options.cachePath.isEmpty() || m_options.uidMapPath.isEmpty()) {
        // An empty Maildir root would put new/ and cur/ at the top of the file system.
        return OperationError { OperationError::Kind::Refused,
            QStringLiteral("the local inbox has no Maildir, mail cache or UID map set") };
    }
    for (const QString &file : { m_options.cachePath, m_options.uidMapPath }) {
        const QString dir = QFileInfo(file).absolutePath();
        if (!QDir().mkpath(dir)) {
            return localError(
                QStringLiteral("cannot create the folder %1 for the mail cache").arg(QDir::toNativeSeparators(dir)));
        }
    }
    QString error;
    m_cache = Store::MailCache::open(m_options.cachePath, &error);
    if (!m_cache) {
        return localError(error);
    }
    return std::nullopt;
}

LocalInboxEngine::Failure LocalInboxEngine::prepareMaildir()
{
    // MaildirIndex refuses a Maildir without new/ on purpose: an unmounted disk is not an
    // empty inbox, and syncing it as one would empty the cache. A new account has no
    // Maildir until its first download, and no cached messages either: only then is a
    // missing one made here.
    if (!QFileInfo(m_options.maildir + QStringLiteral("/new")).isDir()) {
        const std::optional<Store::CachedFolder> known
            = m_cache->folder(inboxName(), Store::MailCache::Count::OnlyWhetherAny);
        if (!known && !m_cache->lastError().isEmpty()) {
            return localError(m_cache->lastError());
        }
        if (known && known->messageCount > 0) {
            return localError(QStringLiteral("the Maildir %1 is missing, yet messages from it are listed; if it is on "
                                             "a disk that is not mounted, mount it - Satchel does not start an empty "
                                             "one in its place")
                                  .arg(QDir::toNativeSeparators(m_options.maildir)));
        }
    }
    Store::MaildirWriter writer(m_options.maildir);
    QString error;
    if (!writer.ensureExists(&error)) {
        return localError(error);
    }
    return std::nullopt;
}

LocalInboxEngine::Failure LocalInboxEngine::sync(Synced *result)
{
    if (Failure failure = openCache()) {
        return failure;
    }
    if (Failure failure = prepareMaildir()) {
        return failure;
    }
    Store::MaildirIndex::Changes applied;
    QString error;
    if (!Store::syncMaildirIntoCache(m_index, *m_cache, inboxName(), &result->unseen, &error, &applied)) {
        return localError(error);
    }
    m_indexed = true;
    result->changed = !applied.isEmpty();
    result->added = std::move(applied.added);
    if (m_fetch) {
        m_fetch->arrived += result->added;
    }
    return std::nullopt;
}

LocalInboxEngine::Failure LocalInboxEngine::ensureIndexed()
{
    if (m_indexed) {
        return std::nullopt;
    }
    Synced synced;
    if (Failure failure = sync(&synced)) {
        return failure;
    }
    if (synced.changed) {
        Q_EMIT folderSynced(0, inboxName(), synced.unseen, true);
    }
    return std::nullopt;
}

// --- Requests ----------------------------------------------------------------------

void LocalInboxEngine::syncFolder(quint64 requestId)
{
    Synced synced;
    if (const Failure failure = sync(&synced)) {
        Q_EMIT operationFailed(requestId, *failure);
        return;
    }
    Q_EMIT folderSynced(requestId, inboxName(), synced.unseen, synced.changed);
}

void LocalInboxEngine::fetchMessage(quint64 requestId, quint32 uid)
{
    if (const Failure failure = ensureIndexed()) {
        Q_EMIT operationFailed(requestId, *failure);
        return;
    }
    const auto notFound = [this, requestId, uid] {
        Q_EMIT operationFailed(requestId,
            { OperationError::Kind::NotFound, QStringLiteral("message %1 is not in the local inbox").arg(uid) });
    };
    QString path = m_index.pathOf(uid);
    if (path.isEmpty()) {
        notFound();
        return;
    }
    QFile file(path);
    if (!file.exists()) {
        // Another reader of the Maildir moved (new/ to cur/) or deleted it since the
        // last sync: look again.
        Synced synced;
        if (const Failure failure = sync(&synced)) {
            Q_EMIT operationFailed(requestId, *failure);
            return;
        }
        if (synced.changed) {
            Q_EMIT folderSynced(0, inboxName(), synced.unseen, true);
        }
        path = m_index.pathOf(uid);
        if (path.isEmpty()) {
            notFound();
            return;
        }
        file.setFileName(path);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT operationFailed(requestId,
            localError(
                QStringLiteral("cannot read message %1 (%2): %3").arg(QString::number(uid), path, file.errorString())));
        return;
    }
    // Before allocating: a file of gigabytes is not read into memory to be refused.
    if (file.size() > MaxMessageSize) {
        Q_EMIT operationFailed(requestId,
            localError(QStringLiteral("message %1 is %2 MiB; Satchel opens messages of up to %3 MiB")
                           .arg(uid)
                           .arg(file.size() / (1024 * 1024))
                           .arg(MaxMessageSize / (1024 * 1024))));
        return;
    }
    const QByteArray message = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        Q_EMIT operationFailed(requestId,
            localError(
                QStringLiteral("cannot read message %1 (%2): %3").arg(QString::number(uid), path, file.errorString())));
        return;
    }
    Q_EMIT messageFetched(requestId, inboxName(), uid, message);
}

void LocalInboxEngine::setFlags(
    quint64 requestId, const QList<quint32> &uids, const QList<QByteArray> &add, const QList<QByteArray> &remove)
{
    if (const Failure failure = ensureIndexed()) {
        Q_EMIT operationFailed(requestId, *failure);
        return;
    }
    Failures failures;
    QList<Imap::FlagUpdate> updates;
    for (const quint32 uid : uniqueUids(uids)) {
        if (m_index.pathOf(uid).isEmpty()) {
            failures.add(
                OperationError::Kind::NotFound, QStringLiteral("message %1 is not in the local inbox").arg(uid));
            continue;
        }
        QString error;
        if (!m_index.setFlags(uid, add, remove, &error)) {
            failures.add(OperationError::Kind::LocalIo,
                QStringLiteral("cannot change the flags of message %1: %2").arg(QString::number(uid), error));
            continue;
        }
        // The flags as the file's new name says them, read the way the next scan reads
        // them: the cache then agrees with the Maildir, and that scan finds nothing to do.
        updates.append({ uid, Store::flagsFromMaildirInfo(m_index.pathOf(uid)), 0 });
    }
    if (!updates.isEmpty() && !m_cache->updateFlags(inboxName(), updates)) {
        // The files say the new flags; the next sync brings the cache in line.
        failures.add(OperationError::Kind::LocalIo, m_cache->lastError());
    }
    if (const Failure failure = failures.result()) {
        Q_EMIT operationFailed(requestId, *failure);
        return;
    }
    Q_EMIT operationDone(requestId);
}

void LocalInboxEngine::deleteMessages(quint64 requestId, const QList<quint32> &uids)
{
    if (const Failure failure = ensureIndexed()) {
        Q_EMIT operationFailed(requestId, *failure);
        return;
    }
    Failures failures;
    QList<quint32> removed;
    for (const quint32 uid : uniqueUids(uids)) {
        QString error;
        // Not in the index: the file is gone already, which is what was asked for.
        if (!m_index.pathOf(uid).isEmpty() && !m_index.remove(uid, &error)) {
            failures.add(OperationError::Kind::LocalIo,
                QStringLiteral("cannot delete message %1: %2").arg(QString::number(uid), error));
            continue;
        }
        removed.append(uid);
    }
    if (!removed.isEmpty() && !m_cache->removeUids(inboxName(), removed)) {
        // The files are gone; the next sync drops their rows.
        failures.add(OperationError::Kind::LocalIo, m_cache->lastError());
    }
    if (const Failure failure = failures.result()) {
        Q_EMIT operationFailed(requestId, *failure);
        return;
    }
    Q_EMIT operationDone(requestId);
}

void LocalInboxEngine::search(quint64 requestId, const QString &text)
{
    if (const Failure failure = ensureIndexed()) {
        Q_EMIT operationFailed(requestId, *failure);
        return;
    }
    const QList<quint32> uids = m_cache->uidsMatching(inboxName(), text);
    if (!m_cache->lastError().isEmpty()) {
        Q_EMIT operationFailed(requestId, OperationError { OperationError::Kind::LocalIo, m_cache->lastError() });
        return;
    }
    Q_EMIT searchDone(requestId, inboxName(), uids);
}

// --- Downloads ---------------------------------------------------------------------

void LocalInboxEngine::getNewMail(quint64 requestId)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_fetch) {
        // Two downloads into one Maildir would fetch the same messages twice; this one
        // waits for the next run, which lists the server after this request was made.
        m_fetchWaiting.append(requestId);
        return;
    }
    startFetch({ requestId });
}

void LocalInboxEngine::startFetch(const QList<quint64> &requests)
{
    // First the cache in step with the Maildir, so that the sync after the download
    // finds exactly what it added (and what arrived from elsewhere meanwhile): newMail
    // announces those, not everything a first sync of an old Maildir would list.
    Synced before;
    if (const Failure failure = sync(&before)) {
        for (const quint64 id : requests) {
            Q_EMIT operationFailed(id, *failure);
        }
        return;
    }
    m_fetch = std::make_unique<FetchRun>();
    m_fetch->requests = requests;
    m_fetch->changed = before.changed;
    auto *session = new Pop3Session(m_options.session, this);
    m_fetch->session = session;
    connect(session, &Pop3Session::trustQuestion, this, &LocalInboxEngine::trustQuestion);
    connect(session, &Pop3Session::loggedIn, this, &LocalInboxEngine::onLoggedIn);
    connect(session, &Pop3Session::failed, this, [this](const OperationError &error) {
        // From the login on, the fetcher hears of it first-hand and reports it (after
        // saving what is complete); before, nobody else will.
        if (m_fetch && !m_fetch->fetcher) {
            finishFetch(error);
        }
    });
    session->open(); // may end the run at once: m_fetch is not to be touched after it
}

void LocalInboxEngine::onLoggedIn()
{
    FetchPolicy policy;
    policy.deleteAfterDownload = m_options.deleteAfterDownload;
    // keepDays and maxFullSize stay off: the account has no setting for them, and a
    // headers-only copy would need a way to ask for the rest that the window lacks.
    auto *fetcher = new Pop3Fetcher(m_fetch->session, m_options.maildir, ledgerAccount(), policy, m_fetch->session);
    m_fetch->fetcher = fetcher;
    connect(fetcher, &Pop3Fetcher::finished, this, [this](const FetchSummary &) { finishFetch(std::nullopt); });
    connect(fetcher, &Pop3Fetcher::failed, this, [this](const OperationError &error) { finishFetch(error); });
    fetcher->start(); // may end the run at once
}

void LocalInboxEngine::finishFetch(const Failure &failure)
{
    const std::unique_ptr<FetchRun> run = std::move(m_fetch);
    disconnect(run->session, nullptr, this, nullptr);
    if (run->fetcher) {
        disconnect(run->fetcher, nullptr, this, nullptr);
    }
    run->session->abort(); // over already (QUIT answered, or failed); harmless then
    // Not now: this runs inside their signals. The fetcher is the session's child.
    run->session->deleteLater();

    // Whatever the outcome, what was saved is in the Maildir: into the cache with it.
    Synced after;
    const Failure syncFailure = sync(&after);
    // (Without this sync, only what the syncs during the download stored is known to be
    // in the cache.)
    const QList<Imap::MessageSummary> arrived = syncFailure ? run->arrived : run->arrived + after.added;
    const bool changed = run->changed || after.changed || !run->arrived.isEmpty();
    if (!arrived.isEmpty()) {
        // Before the answer: whoever waits for it has heard of the new mail by then.
        Q_EMIT newMail(inboxName(), arrived);
    }
    if (failure || syncFailure) {
        const OperationError error = failure ? *failure : *syncFailure;
        for (const quint64 id : std::as_const(run->requests)) {
            Q_EMIT operationFailed(id, error);
        }
        if (!syncFailure && changed) {
            Q_EMIT folderSynced(0, inboxName(), after.unseen, true);
        }
    } else {
        for (const quint64 id : std::as_const(run->requests)) {
            Q_EMIT folderSynced(id, inboxName(), after.unseen, changed);
        }
    }
    if (!m_fetchWaiting.isEmpty()) {
        startFetch(std::exchange(m_fetchWaiting, {}));
    }
}

void LocalInboxEngine::answerTrustQuestion(quint64 questionId, Net::TrustAnswer answer)
{
    Q_ASSERT(QThread::currentThread() == thread());
    // The connection ignores an id it did not ask (a stale answer).
    if (m_fetch) {
        m_fetch->session->connection()->answerTrustQuestion(questionId, answer);
    }
}

} // namespace Satchel::Pop3
