#include "protocols/imap/ImapAccountEngine.h"

#include "protocols/imap/FolderCommands.h"
#include "protocols/imap/FolderWatch.h"
#include "protocols/imap/SearchQuery.h"
#include "protocols/store/CacheWriter.h"
#include "protocols/store/MailCache.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <algorithm>

namespace Satchel::Imap {

namespace {

using Access = MailboxOperations::Access;

QList<quint32> sortedUids(QList<quint32> uids)
{
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    return uids;
}

// What a change does, in words: for the failure of one restored from an earlier run,
// which no request of this run names.
QString describe(const MailChange &change)
{
    const QString count = QString::number(change.uids.size());
    switch (change.kind) {
    case MailChange::Kind::SetFlags:
        return QStringLiteral("changing the flags of %1 message(s) in '%2'").arg(count, change.folder);
    case MailChange::Kind::Move:
        return QStringLiteral("moving %1 message(s) from '%2' to '%3'").arg(count, change.folder, change.destination);
    case MailChange::Kind::Copy:
        return QStringLiteral("copying %1 message(s) from '%2' to '%3'").arg(count, change.folder, change.destination);
    case MailChange::Kind::Delete:
        return QStringLiteral("deleting %1 message(s) in '%2'").arg(count, change.folder);
    }
    return QStringLiteral("a change in '%1'").arg(change.folder);
}

} // namespace

void ImapAccountEngine::registerMetaTypes()
{
    qRegisterMetaType<OperationError>();
    qRegisterMetaType<FolderSync::Result>();
    qRegisterMetaType<Net::TrustQuestion>();
    qRegisterMetaType<Net::TrustAnswer>();
    qRegisterMetaType<FolderInfo>();
    qRegisterMetaType<QList<FolderInfo>>();
    qRegisterMetaType<MessageSummary>();
    qRegisterMetaType<QList<MessageSummary>>();
    qRegisterMetaType<QHash<QString, int>>();
    qRegisterMetaType<QList<quint32>>();
    qRegisterMetaType<QList<quint32>>("QList<quint32>"); // the spelling of the slots, for invokeMethod by name
    qRegisterMetaType<QList<QByteArray>>();
}

ImapAccountEngine::ImapAccountEngine(ImapSession::Options options, QString cachePath)
    : m_options(std::move(options))
    , m_cachePath(std::move(cachePath))
    , m_bodies(m_cachePath)
{
    registerMetaTypes();
}

ImapAccountEngine::~ImapAccountEngine()
{
    delete m_writer; // its thread ends here; the sync using it is a child, deleted next
}

// --- Connection ---------------------------------------------------------------

void ImapAccountEngine::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    QString error;
    const QString dir = QFileInfo(m_cachePath).absolutePath();
    if (!QDir().mkpath(dir)) {
        error = QStringLiteral("cannot create the folder %1 for the mail cache").arg(QDir::toNativeSeparators(dir));
    } else {
        m_cache = Store::MailCache::open(m_cachePath, &error);
    }
    if (!m_cache) {
        m_fatal = OperationError { OperationError::Kind::LocalIo, error };
        Q_EMIT operationFailed(0, *m_fatal);
        return;
    }
    m_changes = std::make_unique<MessageChanges>(*m_cache, m_bodies,
        MessageChanges::Hooks {
            [this](const QString &folder) { syncIfCached(folder); }, [this](const QString &text) { note(text); } });

    // The offline queue lives in the cache from now on. What an earlier run queued and
    // did not send is replayed after the first login (onLoggedIn), before anything asked
    // for in this run, as if it had been queued now - except that it is already in the
    // cache (applyToCache ran in that run) and nobody waits for its answer.
    m_pending.setCache(m_cache.get());
    if (QString problem; !m_pending.load(&problem)) {
        queueNotKept(problem);
    }

    m_link = new AccountConnection(m_options, this);
    connect(m_link, &AccountConnection::loggedIn, this, &ImapAccountEngine::onLoggedIn);
    connect(m_link, &AccountConnection::connectionLost, this, [this](const OperationError &lost) {
        abandonSync(); // its commands went with the session
        Q_EMIT connectionLost(lost);
    });
    connect(m_link, &AccountConnection::stepFailed, this, &ImapAccountEngine::operationFailed);
    connect(m_link, &AccountConnection::trustQuestion, this, &ImapAccountEngine::trustQuestion);
    connect(m_link, &AccountConnection::alert, this, &ImapAccountEngine::alert);

    m_watch = new FolderWatch(m_options, this);
    connect(m_watch, &FolderWatch::watching, this, &ImapAccountEngine::watching);
    connect(m_watch, &FolderWatch::newMessages, this, &ImapAccountEngine::quietSync);
    connect(m_watch, &FolderWatch::changed, this, [this](const QString &folder) { quietSync(folder, {}); });
    connect(m_watch, &FolderWatch::trustQuestion, this, &ImapAccountEngine::trustQuestion);
    connect(m_watch, &FolderWatch::failed, this, [this](const OperationError &e) { Q_EMIT operationFailed(0, e); });

    m_link->open(); // the folder list and INBOX follow the login
}

void ImapAccountEngine::onLoggedIn()
{
    Q_EMIT connected();
    // Before anything asked for meanwhile: what was changed offline, in order; then
    // the folder list and the folders where new mail matters.
    std::deque<Step> first;
    if (!m_pending.isEmpty()) {
        first.push_back(replayStep());
    }
    first.push_back(listStep(0));
    first.push_back(syncStep(0, inboxName()));
    const QString watched = m_watch->folder();
    if (!watched.isEmpty() && watched != inboxName()) {
        first.push_back(syncStep(0, watched));
    }
    m_link->prepend(std::move(first));
    m_watch->retryNow();
}

void ImapAccountEngine::answerTrustQuestion(quint64 questionId, Net::TrustAnswer answer)
{
    Q_ASSERT(QThread::currentThread() == thread());
    // Each connection ignores the ids it did not ask.
    if (m_link) {
        m_link->answerTrustQuestion(questionId, answer);
    }
    if (m_watch) {
        m_watch->answerTrustQuestion(questionId, answer);
    }
}

bool ImapAccountEngine::usable(quint64 requestId)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_fatal) {
        Q_EMIT operationFailed(requestId, *m_fatal);
        return false;
    }
    if (!m_link) {
        refuse(requestId, QStringLiteral("the account engine has not been started"));
        return false;
    }
    return true;
}

void ImapAccountEngine::refuse(quint64 requestId, const QString &problem)
{
    Q_EMIT operationFailed(requestId, OperationError { OperationError::Kind::Refused, problem });
}

void ImapAccountEngine::endStep(quint64 requestId, const Failure &failure)
{
    m_changeRequests.remove(requestId);
    if (failure) {
        Q_EMIT operationFailed(requestId, *failure);
    } else if (requestId != 0) {
        Q_EMIT operationDone(requestId);
    }
    m_link->finishStep();
}

// --- Requests -------------------------------------------------------------------

void ImapAccountEngine::listThen(std::function<void(Failure)> then)
{
    m_link->operations().listFolders(
        [this, then](Failure failure, QList<FolderInfo> folders, QHash<QString, int> unread) {
            if (!failure) {
                if (unread.isEmpty()) {
                    // No LIST-STATUS: what the cache knows of the folders synced before.
                    for (const FolderInfo &f : std::as_const(folders)) {
                        if (m_cache->folder(f.name, Store::MailCache::Count::OnlyWhetherAny)) {
                            unread.insert(f.name, static_cast<int>(m_cache->unseenCount(f.name)));
                        }
                    }
                }
                Q_EMIT foldersListed(folders, unread);
            }
            then(failure);
        });
}

ImapAccountEngine::Step ImapAccountEngine::listStep(quint64 requestId)
{
    Step step;
    step.requestId = requestId;
    step.run
        = [this, requestId] { listThen([this, requestId](const Failure &failure) { endStep(requestId, failure); }); };
    return step;
}

void ImapAccountEngine::listFolders(quint64 requestId)
{
    if (usable(requestId)) {
        m_link->enqueue(listStep(requestId));
    }
}

ImapAccountEngine::Step ImapAccountEngine::syncStep(quint64 requestId, const QString &folder)
{
    // New mail of the folder is announced once this sync has stored it.
    auto announced = std::make_shared<QList<MessageSummary>>();
    Step step;
    step.requestId = requestId;
    step.run = [this, requestId, folder, announced] { runSync(requestId, folder, announced); };
    step.fail = [this, requestId, folder, announced](const OperationError &error) {
        m_quietSyncQueued.remove(folder);
        m_newMail[folder] = std::exchange(*announced, {}) + m_newMail.value(folder); // for the next sync
        if (requestId != 0) {
            Q_EMIT operationFailed(requestId, error);
        }
    };
    return step;
}

void ImapAccountEngine::runSync(
    quint64 requestId, const QString &folder, const std::shared_ptr<QList<MessageSummary>> &announced)
{
    m_quietSyncQueued.remove(folder); // news from now on needs another sync
    *announced += m_newMail.take(folder);
    const auto cached = m_cache->folder(folder, Store::MailCache::Count::OnlyWhetherAny);
    if (!cached || cached->messageCount == 0) {
        // A first sync stores every summary: on a writer thread, while the next are parsed.
        QString error;
        m_writer = Store::CacheWriter::open(m_cachePath, &error).release();
        if (!m_writer) {
            note(error); // the sync then writes on this thread
        }
    }
    m_link->operations().forgetSelection(); // FolderSync selects the folder itself
    auto *sync = new FolderSync(m_link->session(), *m_cache, folder, this);
    m_sync = sync;
    sync->setWriter(m_writer);
    sync->setFetchReferences(true); // the window threads messages (View > Threads)
    connect(sync, &FolderSync::done, this, [this, requestId, folder, announced](const FolderSync::Result &result) {
        m_link->operations().assumeSelected(folder, Access::Read);
        abandonSync();
        Q_EMIT folderSynced(requestId, folder, result);
        announce(folder, std::exchange(*announced, {}));
        m_link->finishStep();
    });
    connect(sync, &FolderSync::failed, this, [this, requestId, folder, announced](const OperationError &error) {
        abandonSync();
        m_newMail[folder] = std::exchange(*announced, {}) + m_newMail.value(folder);
        Q_EMIT operationFailed(requestId, error);
        m_link->finishStep();
    });
    sync->start();
}

void ImapAccountEngine::abandonSync()
{
    // The writer first: its pending callbacks into the sync die with it.
    if (m_writer) {
        m_writer->deleteLater();
        m_writer = nullptr;
    }
    if (FolderSync *sync = m_sync.data()) {
        m_sync = nullptr;
        sync->disconnect(this);
        sync->deleteLater();
    }
}

void ImapAccountEngine::syncFolder(quint64 requestId, const QString &folder)
{
    if (!usable(requestId)) {
        return;
    }
    if (folder.isEmpty()) {
        refuse(requestId, QStringLiteral("which folder should be synchronised?"));
        return;
    }
    m_link->enqueue(syncStep(requestId, folder));
}

void ImapAccountEngine::quietSync(const QString &folder, const QList<MessageSummary> &newMessages)
{
    if (!newMessages.isEmpty()) {
        m_newMail[folder] += newMessages;
    }
    if (m_fatal || m_quietSyncQueued.contains(folder)) {
        return;
    }
    m_quietSyncQueued.insert(folder);
    m_link->enqueue(syncStep(0, folder));
}

void ImapAccountEngine::syncIfCached(const QString &folder)
{
    if (m_cache->folder(folder, Store::MailCache::Count::OnlyWhetherAny)) {
        quietSync(folder, {});
    }
}

void ImapAccountEngine::announce(const QString &folder, QList<MessageSummary> messages)
{
    if (!messages.isEmpty()) {
        Q_EMIT newMail(folder, messages);
    }
}

void ImapAccountEngine::fetchMessage(quint64 requestId, const QString &folder, quint32 uid)
{
    if (!usable(requestId)) {
        return;
    }
    if (folder.isEmpty() || uid == 0) {
        refuse(requestId, QStringLiteral("which message should be opened?"));
        return;
    }
    const quint32 validity = cachedUidValidity(folder);
    if (const auto kept = m_bodies.read(folder, validity, uid)) {
        Q_EMIT messageFetched(requestId, folder, uid, *kept);
        return;
    }
    Step step;
    step.requestId = requestId;
    step.run = [this, requestId, folder, uid, validity] {
        m_link->operations().select(
            folder, Access::Read, validity, [this, requestId, folder, uid](const Failure &failure) {
                if (failure) {
                    endStep(requestId, failure);
                    return;
                }
                m_link->operations().fetchMessage(
                    uid, [this, requestId, folder, uid](const Failure &fetched, const QByteArray &message) {
                        if (fetched) {
                            endStep(requestId, fetched);
                            return;
                        }
                        QString error;
                        if (!m_bodies.write(folder, m_link->session().mailbox().uidValidity, uid, message, &error)) {
                            note(error); // it is only not kept for offline reading
                        }
                        Q_EMIT messageFetched(requestId, folder, uid, message);
                        m_link->finishStep();
                    });
            });
    };
    step.fail = [this, requestId](const OperationError &error) {
        Q_EMIT operationFailed(requestId,
            OperationError { error.kind,
                QStringLiteral("the message was not opened before, so there is no offline copy; %1")
                    .arg(error.message) });
    };
    m_link->enqueue(std::move(step));
}

void ImapAccountEngine::search(quint64 requestId, const QString &folder, const QStringList &criteria)
{
    if (!usable(requestId)) {
        return;
    }
    QString error;
    const auto query = buildSearchQuery(criteria, &error);
    if (!query || folder.isEmpty()) {
        refuse(requestId,
            folder.isEmpty() ? QStringLiteral("which folder should be searched?")
                             : QStringLiteral("the search cannot be made: %1").arg(error));
        return;
    }
    Step step;
    step.requestId = requestId;
    step.run = [this, requestId, folder, query = *query] {
        m_link->operations().select(folder, Access::Read, 0, [this, requestId, folder, query](const Failure &failure) {
            if (failure) {
                endStep(requestId, failure);
                return;
            }
            m_link->operations().search(
                query, [this, requestId, folder](const Failure &searched, const QList<quint32> &uids) {
                    if (searched) {
                        endStep(requestId, searched);
                        return;
                    }
                    Q_EMIT searchDone(requestId, folder, uids);
                    m_link->finishStep();
                });
        });
    };
    m_link->enqueue(std::move(step));
}

// --- Message changes ------------------------------------------------------------

void ImapAccountEngine::setFlags(quint64 requestId, const QString &folder, const QList<quint32> &uids,
    const QList<QByteArray> &add, const QList<QByteArray> &remove)
{
    MailChange change;
    change.kind = MailChange::Kind::SetFlags;
    change.requestId = requestId;
    change.folder = folder;
    change.uids = uids;
    change.add = add;
    change.remove = remove;
    submit(std::move(change));
}

void ImapAccountEngine::moveMessages(
    quint64 requestId, const QString &folder, const QList<quint32> &uids, const QString &destination)
{
    submit(MailChange { MailChange::Kind::Move, requestId, folder, uids, {}, {}, destination });
}

void ImapAccountEngine::copyMessages(
    quint64 requestId, const QString &folder, const QList<quint32> &uids, const QString &destination)
{
    submit(MailChange { MailChange::Kind::Copy, requestId, folder, uids, {}, {}, destination });
}

void ImapAccountEngine::deleteMessages(
    quint64 requestId, const QString &folder, const QList<quint32> &uids, const QString &trashFolder)
{
    submit(MailChange { MailChange::Kind::Delete, requestId, folder, uids, {}, {}, trashFolder });
}

void ImapAccountEngine::submit(MailChange change)
{
    if (!usable(change.requestId)) {
        return;
    }
    change.uids = sortedUids(change.uids);
    if (const QString problem = MessageChanges::problemWith(change); !problem.isEmpty()) {
        refuse(change.requestId, problem);
        return;
    }
    Step step;
    step.requestId = change.requestId;
    m_changeRequests.insert(change.requestId);
    step.run = [this, change] {
        m_changes->run(m_link->operations(), change, false,
            [this, requestId = change.requestId](const Failure &failure) { endStep(requestId, failure); });
    };
    if (PendingChanges::canQueue(change.kind)) {
        step.offline = [this, change] { queueOffline(change); };
    }
    m_link->enqueue(std::move(step));
}

void ImapAccountEngine::cancel(quint64 requestId)
{
    const OperationError cancelled { OperationError::Kind::Cancelled, QStringLiteral("cancelled") };
    if (m_link && m_link->removeWaiting(requestId)) {
        m_changeRequests.remove(requestId);
        Q_EMIT operationFailed(requestId, cancelled);
        return;
    }
    if (!m_link || m_link->runningRequest() != requestId || m_changeRequests.contains(requestId)) {
        return; // not known here, already answered, or a change being sent
    }
    abandonSync(); // when the running read is a sync: its writer and state go first
    m_link->cancelRunning(requestId, cancelled);
}

void ImapAccountEngine::queueOffline(const MailChange &change)
{
    m_changeRequests.remove(change.requestId);
    QString error;
    if (!PendingChanges::applyToCache(*m_cache, change, &error)) {
        Q_EMIT operationFailed(change.requestId, OperationError { OperationError::Kind::LocalIo, error });
        return;
    }
    const bool kept = m_pending.enqueue(change, &error);
    Q_EMIT operationQueued(change.requestId);
    if (!kept) {
        // After operationQueued, so that this is what the window shows last.
        queueNotKept(
            QStringLiteral("the change will be sent when the account is back, but it is lost if Satchel is closed"
                           " before: %1")
                .arg(error));
    }
}

void ImapAccountEngine::queueNotKept(const QString &problem)
{
    // Not the failure of a request: the change goes ahead (or the queue goes on) in
    // memory. Said with requestId 0, as the engine's own problems are.
    Q_EMIT operationFailed(0, OperationError { OperationError::Kind::LocalIo, problem });
}

ImapAccountEngine::Step ImapAccountEngine::replayStep()
{
    Step step;
    step.run = [this] { replayNext(); };
    step.fail = [](const OperationError &) {}; // what is left stays queued for the next login
    return step;
}

void ImapAccountEngine::replayNext()
{
    if (m_pending.isEmpty()) {
        // The cache was changed ahead of the server: read those folders again.
        for (const QString &folder : std::exchange(m_replayedFolders, {})) {
            syncIfCached(folder);
        }
        m_link->finishStep();
        return;
    }
    const MailChange change = m_pending.front();
    m_changes->run(m_link->operations(), change, true, [this, change](const Failure &failure) {
        QString notRemoved;
        m_pending.takeFront(&notRemoved);
        for (const QString &folder : change.folders()) {
            m_replayedFolders.insert(folder);
        }
        if (!notRemoved.isEmpty()) {
            queueNotKept(QStringLiteral("%1 was sent, but stays queued and will be sent again at the next start: %2")
                             .arg(describe(change), notRemoved));
        }
        // requestId 0: restored from an earlier run. Its success needs no word (the folders
        // are synced again below); its failure is said like the engine's own.
        if (failure) {
            Q_EMIT operationFailed(change.requestId,
                change.requestId != 0
                    ? *failure
                    : OperationError { failure->kind,
                        QStringLiteral("%1, queued offline before Satchel was last closed, did not work: %2")
                            .arg(describe(change), failure->message) });
        } else if (change.requestId != 0) {
            Q_EMIT operationDone(change.requestId);
        }
        replayNext();
    });
}

// --- Folder changes ----------------------------------------------------------

ImapAccountEngine::Step ImapAccountEngine::folderStep(quint64 requestId, std::shared_ptr<ImapCommand> command,
    const QString &what, const QString &leaving, std::function<void()> afterSuccess)
{
    // A folder change the server may already have made: not stopped halfway by cancel.
    m_changeRequests.insert(requestId);
    Step step;
    step.requestId = requestId;
    step.run = [this, requestId, command, what, leaving, afterSuccess] {
        auto send = [this, requestId, command, what, afterSuccess] {
            m_link->operations().run(command, what, [this, requestId, afterSuccess](const Failure &failure) {
                if (failure) {
                    endStep(requestId, failure);
                    return;
                }
                if (afterSuccess) {
                    afterSuccess();
                }
                listThen([this, requestId](const Failure &listing) {
                    if (listing) {
                        Q_EMIT operationFailed(0, *listing); // the change itself was made
                    }
                    endStep(requestId, std::nullopt);
                });
            });
        };
        if (leaving.isEmpty()) {
            send();
        } else {
            m_link->operations().leave(leaving, [send](const Failure &) { send(); });
        }
    };
    return step;
}

void ImapAccountEngine::forgetFolder(const QString &folder)
{
    if (!m_cache->removeFolder(folder)) {
        note(m_cache->lastError());
    }
    m_bodies.removeFolder(folder);
}

void ImapAccountEngine::createFolder(quint64 requestId, const QString &folder)
{
    if (!usable(requestId)) {
        return;
    }
    if (folder.isEmpty()) {
        refuse(requestId, QStringLiteral("a folder needs a name"));
        return;
    }
    m_link->enqueue(folderStep(
        requestId, std::make_shared<CreateCommand>(folder), QStringLiteral("creating '%1'").arg(folder), {}, {}));
}

void ImapAccountEngine::renameFolder(quint64 requestId, const QString &folder, const QString &newName)
{
    if (!usable(requestId)) {
        return;
    }
    if (folder.isEmpty() || newName.isEmpty()) {
        refuse(requestId, QStringLiteral("renaming needs the folder and its new name"));
        return;
    }
    m_link->enqueue(folderStep(requestId, std::make_shared<RenameCommand>(folder, newName),
        QStringLiteral("renaming '%1' to '%2'").arg(folder, newName), folder,
        [this, folder] { forgetFolder(folder); }));
}

void ImapAccountEngine::deleteFolder(quint64 requestId, const QString &folder)
{
    if (!usable(requestId)) {
        return;
    }
    if (folder.isEmpty()) {
        refuse(requestId, QStringLiteral("which folder should be deleted?"));
        return;
    }
    m_link->enqueue(folderStep(requestId, std::make_shared<DeleteCommand>(folder),
        QStringLiteral("deleting '%1'").arg(folder), folder, [this, folder] { forgetFolder(folder); }));
}

void ImapAccountEngine::subscribe(quint64 requestId, const QString &folder, bool subscribed)
{
    if (!usable(requestId)) {
        return;
    }
    if (folder.isEmpty()) {
        refuse(requestId, QStringLiteral("which folder?"));
        return;
    }
    const QString what = subscribed ? QStringLiteral("subscribing to '%1'") : QStringLiteral("unsubscribing from '%1'");
    m_link->enqueue(
        folderStep(requestId, std::make_shared<SubscribeCommand>(folder, subscribed), what.arg(folder), {}, {}));
}

void ImapAccountEngine::watch(const QString &folder)
{
    if (usable(0)) {
        m_watch->watch(folder);
    }
}

void ImapAccountEngine::note(const QString &text) const
{
    if (m_options.connection.log) {
        m_options.connection.log->note(text);
    }
}

quint32 ImapAccountEngine::cachedUidValidity(const QString &folder)
{
    const auto cached = m_cache->folder(folder, Store::MailCache::Count::OnlyWhetherAny);
    return cached ? cached->uidValidity : 0;
}

} // namespace Satchel::Imap
