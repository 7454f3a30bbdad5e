#include "protocols/ftp/FtpSiteEngine.h"

#include "protocols/ftp/FtpCommandOperation.h"
#include "protocols/ftp/FtpListOperation.h"
#include "protocols/ftp/FtpRemoveOperation.h"
#include "protocols/ftp/FtpTreeListOperation.h"
#include "protocols/ftp/ListingParser.h"
#include "protocols/ftp/TransferPlan.h"
#include "protocols/ftp/TransferQueue.h"
#include "protocols/store/TransferQueueStore.h"

#include <QDir>
#include <QFileInfo>

namespace Satchel::Ftp {

namespace {

constexpr int kListingInterval = 16; // ms: one frame
constexpr qsizetype kListingBatch = 2000;

QString lastComponent(const QString &path)
{
    return path.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
}

} // namespace

FtpSiteEngine::FtpSiteEngine(Options options)
    : m_options(std::move(options))
{
    qRegisterMetaType<RemoteTarget>();
    qRegisterMetaType<QList<RemoteTarget>>();
    qRegisterMetaType<DirectoryEntry>();
    qRegisterMetaType<QList<DirectoryEntry>>();
    qRegisterMetaType<TransferItem>();
    qRegisterMetaType<QList<TransferItem>>();
    qRegisterMetaType<QList<qint64>>();
    qRegisterMetaType<OperationError>();
    qRegisterMetaType<Net::TrustQuestion>();
}

FtpSiteEngine::~FtpSiteEngine()
{
    if (FtpSession *browser = m_browser.data()) {
        browser->abort();
    }
}

void FtpSiteEngine::start()
{
    // Made here, on the worker thread, so their sockets and timers live there.
    m_changedTimer = new QTimer(this);
    m_changedTimer->setSingleShot(true);
    m_changedTimer->setInterval(kListingInterval);
    connect(m_changedTimer, &QTimer::timeout, this, &FtpSiteEngine::flushChanged);

    if (!m_options.queueStorePath.isEmpty()) {
        m_store = std::make_unique<Store::TransferQueueStore>();
        QString error;
        QDir().mkpath(QFileInfo(m_options.queueStorePath).absolutePath());
        if (!m_store->open(m_options.queueStorePath, &error)) {
            Q_EMIT queueError(
                tr("The transfer queue cannot be saved, so it will not survive a restart: %1").arg(error));
            m_store.reset();
        }
    }
    m_queue = new TransferQueue(m_options.session, m_options.connections, m_store.get(), this);
    m_queue->setKeepModificationTimes(true);
    connect(m_queue, &TransferQueue::itemChanged, this, &FtpSiteEngine::changed);
    connect(m_queue, &TransferQueue::overwriteQuestion, this, &FtpSiteEngine::overwriteQuestion);
    connect(m_queue, &TransferQueue::trustQuestion, this, &FtpSiteEngine::trustQuestion);
    QString error;
    if (!m_queue->restore(&error)) {
        Q_EMIT queueError(tr("The saved transfer queue could not be read: %1").arg(error));
    }
    const QList<TransferItem> restored = m_queue->items();
    if (!restored.isEmpty()) {
        Q_EMIT transfersChanged(restored);
    }
    connectBrowser();
}

void FtpSiteEngine::flushChanged()
{
    m_changedTimer->stop();
    if (!m_changed.isEmpty()) {
        const QList<TransferItem> batch = m_changed.values();
        m_changed.clear();
        Q_EMIT transfersChanged(batch);
    }
}

void FtpSiteEngine::changed(const TransferItem &item)
{
    m_changed.insert(item.id, item); // a newer state of the same item replaces the older
    if (!m_changedTimer->isActive()) {
        m_changedTimer->start();
    }
}

// --- The browsing connection --------------------------------------------------------

void FtpSiteEngine::connectBrowser()
{
    if (m_browser) {
        return;
    }
    m_browserReady = false;
    auto *session = new FtpSession(m_options.session, this);
    m_browser = session;
    connect(session, &FtpSession::trustQuestion, this, &FtpSiteEngine::trustQuestion);
    connect(session, &FtpSession::failed, this, &FtpSiteEngine::onBrowserFailed);
    connect(session, &FtpSession::loggedIn, this, [this, session] {
        session->command("PWD", [this](const FtpReply &reply) {
            m_browserReady = true;
            const QString home = reply.code == 257 ? parseQuotedPathname(reply) : QString();
            Q_EMIT loggedIn(home.isEmpty() ? QStringLiteral("/") : home);
            pump();
        });
    });
    session->open();
}

// A data transfer that failed may leave its command waiting for its final reply,
// with callbacks into the operation that is going away: the connection goes with it,
// and the next request gets a new one.
void FtpSiteEngine::failTransfer(quint64 request, const OperationError &error)
{
    if (FtpSession *session = m_browser.data()) {
        session->disconnect(this);
        session->abort();
        session->deleteLater();
    }
    m_browser.clear();
    m_browserReady = false;
    finish(request, error);
    if (!m_jobs.empty()) {
        connectBrowser();
    }
}

void FtpSiteEngine::onBrowserFailed(const OperationError &error)
{
    const bool wasReady = m_browserReady;
    if (FtpSession *session = m_browser.data()) {
        session->deleteLater(); // with the operations made on it
    }
    m_browser.clear();
    m_browserReady = false;
    if (m_current) {
        finish(*m_current, error);
    }
    if (!wasReady) {
        // Never logged in: every waiting request fails the same way, and the window
        // says why once.
        while (!m_jobs.empty()) {
            const quint64 request = m_jobs.front().request;
            m_jobs.pop_front();
            Q_EMIT requestFailed(request, error);
        }
        Q_EMIT connectionFailed(error);
        return;
    }
    if (!m_jobs.empty()) {
        connectBrowser(); // a dropped connection: the next request gets a new one
    }
}

void FtpSiteEngine::enqueue(quint64 request, std::function<void()> run)
{
    m_jobs.push_back({ request, std::move(run) });
    if (!m_browser) {
        connectBrowser();
    }
    pump();
}

void FtpSiteEngine::pump()
{
    if (m_current || m_jobs.empty() || !m_browserReady) {
        return;
    }
    Job job = std::move(m_jobs.front());
    m_jobs.pop_front();
    m_current = job.request;
    job.run();
}

void FtpSiteEngine::finish(quint64 request, const std::optional<OperationError> &error, int unsafe)
{
    if (m_current != request) {
        return; // already ended (the connection failed and the operation said so too)
    }
    m_current.reset();
    if (error) {
        Q_EMIT requestFailed(request, *error);
    } else {
        Q_EMIT requestDone(request, unsafe);
    }
    QMetaObject::invokeMethod(this, &FtpSiteEngine::pump, Qt::QueuedConnection);
}

// --- Requests -----------------------------------------------------------------------

void FtpSiteEngine::list(quint64 request, const QString &path)
{
    enqueue(request, [this, request, path] {
        // Into the folder first (CWD, RFC 959 §4.1.1), as FileZilla does: some servers
        // (vsftpd) answer a LIST of a missing folder with an empty listing, which would
        // show a folder that is not there. A refusal is a plain reply: the connection stays.
        runCommand(request, { "CWD " + path.toUtf8() }, [this, request, path] { listHere(request, path); });
    });
}

void FtpSiteEngine::listHere(quint64 request, const QString &path)
{
    FtpSession *session = m_browser.data();
    m_listing = std::make_unique<Net::ResultBatcher<DirectoryEntry>>(
        this, [this, request, path](QList<DirectoryEntry> batch) { Q_EMIT entriesListed(request, path, batch); },
        kListingInterval, kListingBatch);
    auto *op = new FtpListOperation(session, path, session);
    op->setStreaming(true);
    connect(op, &FtpListOperation::entriesParsed, this, [this](const QList<DirectoryEntry> &entries) {
        for (const DirectoryEntry &entry : entries) {
            m_listing->add(entry);
        }
    });
    connect(op, &FtpListOperation::failed, this, [this, request](const OperationError &error) {
        m_listing.reset();
        failTransfer(request, error); // the operation goes with the session
    });
    connect(op, &FtpListOperation::succeeded, this, [this, request, op] {
        m_listing->flush();
        m_listing.reset();
        op->deleteLater();
        finish(request, std::nullopt, op->unsafeNamesDropped());
    });
    op->start();
}

// A command chain on the browsing connection (no data connection): a refusal ends the
// request with its reply in words; success goes on with `then`, or ends the request.
void FtpSiteEngine::runCommand(quint64 request, QList<QByteArray> steps, std::function<void()> then)
{
    FtpSession *session = m_browser.data();
    auto *op = new FtpCommandOperation(session, std::move(steps), session);
    connect(op, &FtpCommandOperation::failed, this, [this, request, op](const OperationError &e) {
        op->deleteLater();
        finish(request, e);
    });
    connect(op, &FtpCommandOperation::succeeded, this, [this, request, op, then] {
        op->deleteLater();
        if (then) {
            then();
        } else {
            finish(request, std::nullopt);
        }
    });
    op->start();
}

void FtpSiteEngine::makeDirectory(quint64 request, const QString &path)
{
    enqueue(request, [this, request, path] { runCommand(request, { "MKD " + path.toUtf8() }); });
}

void FtpSiteEngine::rename(quint64 request, const QString &from, const QString &to)
{
    enqueue(request, [this, request, from, to] {
        runCommand(request, { "RNFR " + from.toUtf8(), "RNTO " + to.toUtf8() });
    });
}

void FtpSiteEngine::remove(quint64 request, const QList<RemoteTarget> &targets)
{
    enqueue(request, [this, request, targets] { removeNext(std::make_shared<Steps>(Steps { request, targets })); });
}

// One after another; the first refusal ends the request with its reason.
void FtpSiteEngine::removeNext(const std::shared_ptr<Steps> &steps)
{
    FtpSession *session = m_browser.data();
    if (!session || m_current != steps->request) {
        return; // the connection failed; the request ended with it
    }
    if (steps->index == steps->targets.size()) {
        finish(steps->request, std::nullopt);
        return;
    }
    const RemoteTarget &target = steps->targets.at(steps->index++);
    auto *op = new FtpRemoveOperation(session, target.path, target.isDirectory, session);
    connect(op, &FtpRemoveOperation::failed, this, [this, steps](const OperationError &e) {
        failTransfer(steps->request, e); // a listing inside may be mid-transfer
    });
    connect(op, &FtpRemoveOperation::succeeded, this, [this, op, steps] {
        op->deleteLater();
        removeNext(steps);
    });
    op->start();
}

void FtpSiteEngine::download(
    quint64 request, const QList<RemoteTarget> &sources, const QString &localDirectory, OverwritePolicy overwrite)
{
    enqueue(request, [this, request, sources, localDirectory, overwrite] {
        downloadNext(std::make_shared<Steps>(Steps { request, sources, 0, localDirectory, overwrite, {} }));
    });
}

// Files become items at once; a folder is listed whole first (one listing after
// another on the browsing connection), its local folders made, then its files queued.
// The queue gets everything at the end, so a failure queues nothing.
void FtpSiteEngine::downloadNext(const std::shared_ptr<Steps> &steps)
{
    FtpSession *session = m_browser.data();
    if (!session || m_current != steps->request) {
        return;
    }
    while (steps->index < steps->targets.size()) {
        const RemoteTarget &source = steps->targets.at(steps->index++);
        // The local name comes from the server: one safe component or nothing.
        const QString name = sanitizeRemoteName(lastComponent(source.path));
        if (name.isEmpty()) {
            finish(steps->request,
                OperationError { OperationError::Kind::Protocol,
                    tr("“%1” cannot be a file name on this computer").arg(source.path) });
            return;
        }
        const QString target = QDir(steps->localDirectory).filePath(name);
        if (!source.isDirectory) {
            TransferItem item;
            item.direction = TransferItem::Direction::Download;
            item.remotePath = source.path;
            item.localPath = target;
            item.size = source.size;
            item.overwrite = steps->overwrite;
            steps->items.append(item);
            continue;
        }
        auto *tree = new FtpTreeListOperation(session, source.path, session);
        connect(tree, &FtpTreeListOperation::failed, this,
            [this, steps](const OperationError &e) { failTransfer(steps->request, e); });
        connect(tree, &FtpTreeListOperation::succeeded, this, [this, tree, steps, root = source.path, target] {
            tree->deleteLater();
            const TransferPlan plan = planTreeDownload(root, tree->entries(), target, steps->overwrite);
            for (const QString &directory : plan.directories) {
                if (!QDir().mkpath(directory)) {
                    finish(steps->request,
                        OperationError {
                            OperationError::Kind::LocalIo, tr("Cannot create the folder %1").arg(directory) });
                    return;
                }
            }
            steps->items.append(plan.items);
            downloadNext(steps);
        });
        tree->start();
        return;
    }
    addToQueue(steps->items);
    finish(steps->request, std::nullopt);
}

void FtpSiteEngine::upload(
    quint64 request, const QStringList &localPaths, const QString &remoteDirectory, OverwritePolicy overwrite)
{
    enqueue(request, [this, request, localPaths, remoteDirectory, overwrite] {
        QStringList directories;
        QList<TransferItem> items;
        for (const QString &path : localPaths) {
            const QFileInfo info(path);
            const QString remote = joinRemotePath(remoteDirectory, info.fileName());
            if (info.isDir() && !info.isSymLink()) {
                const TransferPlan plan = planTreeUpload(path, remote, overwrite);
                directories.append(plan.directories);
                items.append(plan.items);
            } else if (info.isFile()) {
                TransferItem item;
                item.direction = TransferItem::Direction::Upload;
                item.localPath = info.absoluteFilePath();
                item.remotePath = remote;
                item.size = info.size();
                item.overwrite = overwrite;
                items.append(item);
            } else {
                finish(request,
                    OperationError { OperationError::Kind::NotFound, tr("%1 is not a file or a folder").arg(path) });
                return;
            }
        }
        makeRemoteDirectories(request, directories, items);
    });
}

void FtpSiteEngine::makeRemoteDirectories(quint64 request, const QStringList &paths, const QList<TransferItem> &then)
{
    if (paths.isEmpty()) {
        addToQueue(then);
        finish(request, std::nullopt);
        return;
    }
    FtpSession *session = m_browser.data();
    // MKD each folder; one that exists already answers 550, which is fine: a folder
    // that truly could not be made shows up as its files' own errors.
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const bool last = i + 1 == paths.size();
        session->command("MKD " + paths.at(i).toUtf8(), [this, request, last, then](const FtpReply &) {
            if (last) {
                addToQueue(then);
                finish(request, std::nullopt);
            }
        });
    }
}

void FtpSiteEngine::addToQueue(const QList<TransferItem> &items)
{
    for (const TransferItem &item : items) {
        m_queue->add(item);
    }
    // The new items reach the window before the request's end does, so whoever waits
    // on the request finds them.
    flushChanged();
}

void FtpSiteEngine::clearFinished()
{
    flushChanged(); // states the window has not seen yet go first
    Q_EMIT transfersCleared(m_queue->clearFinished());
}

void FtpSiteEngine::answerTrustQuestion(quint64 id, Net::TrustAnswer answer)
{
    if (FtpSession *session = m_browser.data()) {
        session->connection()->answerTrustQuestion(id, answer);
    }
    m_queue->answerTrustQuestion(id, answer);
}

} // namespace Satchel::Ftp
