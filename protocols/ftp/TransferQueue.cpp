#include "protocols/ftp/TransferQueue.h"

#include "protocols/ftp/FtpAbortOperation.h"
#include "protocols/ftp/FtpCommandOperation.h"
#include "protocols/ftp/FtpGetOperation.h"
#include "protocols/ftp/FtpKeepTimeOperation.h"
#include "protocols/ftp/FtpPutOperation.h"
#include "protocols/store/TransferQueueStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimer>

namespace Satchel::Ftp {

struct TransferQueue::Worker {
    std::unique_ptr<FtpSession> session;
    bool loggedIn = false;
    bool dead = false;
    qint64 itemId = 0; // 0: idle
    QObject *operation = nullptr;
    bool aborting = false; // ABOR on its way: logged in, but not free yet
};

namespace {

// Transient: worth trying again (RFC 959 §4.2: 4yz is "transient negative"; a broken
// connection may be back in a moment). Permanent: 5yz, local errors, TLS, login.
bool isTransient(const OperationError &error)
{
    static const QRegularExpression transientReply(QStringLiteral(": 4\\d\\d "));
    return error.kind == OperationError::Kind::Network
        || (error.kind == OperationError::Kind::Refused && transientReply.match(error.message).hasMatch());
}

} // namespace

TransferQueue::TransferQueue(
    FtpSession::Options sessionOptions, int connections, Store::TransferQueueStore *store, QObject *parent)
    : QObject(parent)
    , m_options(std::move(sessionOptions))
    , m_connections(std::max(1, connections))
    , m_store(store)
    , m_progressTimer(new QTimer(this))
{
    m_progressTimer->setInterval(progressInterval());
    connect(m_progressTimer, &QTimer::timeout, this, &TransferQueue::reportProgress);
}

void TransferQueue::reportProgress()
{
    bool running = false;
    for (auto it = m_items.begin(); it != m_items.end(); ++it) {
        if (it->state != TransferItem::State::Running) {
            continue;
        }
        running = true;
        TransferRate &rate = m_rates[it.key()];
        rate.sample(it->transferred, m_clock.elapsed());
        if (m_reportedBytes.value(it.key(), -1) == it->transferred) {
            continue; // nothing moved: nothing to say
        }
        it->bytesPerSecond = rate.bytesPerSecond();
        it->secondsLeft = rate.secondsLeft(it->transferred, it->size);
        m_reportedBytes.insert(it.key(), it->transferred);
        Q_EMIT itemChanged(*it); // progress only: not written to the store
    }
    if (!running) {
        m_progressTimer->stop();
    }
}

TransferQueue::~TransferQueue()
{
    for (auto &worker : m_workers) {
        if (worker->session) {
            worker->session->abort();
        }
    }
}

bool TransferQueue::restore(QString *error)
{
    if (!m_store) {
        return true;
    }
    QString readError;
    const QList<TransferItem> stored = m_store->load(&readError);
    if (!readError.isEmpty()) {
        *error = readError;
        return false;
    }
    for (TransferItem item : stored) {
        if (item.state == TransferItem::State::Running) {
            item.state = TransferItem::State::Pending; // interrupted by the restart
        } else if (item.state == TransferItem::State::Asking) {
            // Nobody answered before the restart: look at the destination and ask again.
            item.state = TransferItem::State::Pending;
            item.attempts = 0;
        }
        m_addedOrder.insert(item.id, ++m_order);
        index(nullptr, item);
        m_items.insert(item.id, item);
        m_nextId = std::max(m_nextId, item.id + 1);
    }
    m_reportedDone = false;
    QTimer::singleShot(0, this, &TransferQueue::schedule);
    return true;
}

qint64 TransferQueue::add(TransferItem item)
{
    item.id = m_nextId++;
    item.state = TransferItem::State::Pending;
    m_addedOrder.insert(item.id, ++m_order);
    m_reportedDone = false;
    update(item);
    QTimer::singleShot(0, this, &TransferQueue::schedule);
    return item.id;
}

void TransferQueue::pause(qint64 id)
{
    auto it = m_items.find(id);
    if (it == m_items.end() || it->isFinal() || it->state == TransferItem::State::Paused) {
        return;
    }
    const bool running = it->state == TransferItem::State::Running;
    TransferItem item = *it;
    item.state = TransferItem::State::Paused;
    update(item);
    if (running) {
        // The transfer stops with ABOR and its connection takes the next item; a
        // download keeps its .part for resuming.
        for (auto &worker : m_workers) {
            if (worker->itemId == id) {
                stopWorker(*worker);
            }
        }
        QTimer::singleShot(0, this, &TransferQueue::schedule);
    }
}

void TransferQueue::resume(qint64 id)
{
    auto it = m_items.find(id);
    if (it == m_items.end() || it->state != TransferItem::State::Paused) {
        return;
    }
    TransferItem item = *it;
    item.state = TransferItem::State::Pending;
    // One whose transfer had begun continues as a later attempt does (a download its
    // partial file; an upload is sent again); one stopped before that (still looking
    // at its destination, or asking) looks again, so its overwrite policy still holds.
    item.attempts = m_transferBegun.contains(id) ? 1 : 0;
    m_reportedDone = false;
    update(item);
    QTimer::singleShot(0, this, &TransferQueue::schedule);
}

void TransferQueue::retry(qint64 id)
{
    auto it = m_items.find(id);
    if (it == m_items.end()
        || (it->state != TransferItem::State::Failed && it->state != TransferItem::State::Cancelled)) {
        return;
    }
    TransferItem item = *it;
    item.state = TransferItem::State::Pending;
    // As a later attempt: a download continues its partial file, and the destination
    // was already looked at when the item first ran.
    item.attempts = 1;
    item.error.clear();
    m_retryAt.remove(id);
    m_reportedDone = false;
    update(item);
    QTimer::singleShot(0, this, &TransferQueue::schedule);
}

QList<qint64> TransferQueue::clearFinished()
{
    QList<qint64> cleared;
    for (auto it = m_items.begin(); it != m_items.end();) {
        if (!it->isFinal()) {
            ++it;
            continue;
        }
        cleared.append(it.key());
        if (m_store) {
            QString error;
            m_store->remove(it.key(), &error); // a row left behind is cleared again next time
        }
        m_addedOrder.remove(it.key());
        m_transferBegun.remove(it.key());
        it = m_items.erase(it);
    }
    return cleared;
}

void TransferQueue::cancel(qint64 id)
{
    auto it = m_items.find(id);
    if (it == m_items.end() || it->isFinal()) {
        return;
    }
    const bool running = it->state == TransferItem::State::Running;
    TransferItem item = *it;
    item.state = TransferItem::State::Cancelled;
    update(item);
    for (auto &worker : m_workers) {
        if (running && worker->itemId == id) {
            stopWorker(*worker);
        }
    }
    if (item.direction == TransferItem::Direction::Download) {
        QFile::remove(FtpGetOperation::partialPath(item.localPath));
    }
    QTimer::singleShot(0, this, &TransferQueue::schedule);
}

void TransferQueue::stopWorker(Worker &worker)
{
    auto *transfer = qobject_cast<FtpTransferOperation *>(worker.operation);
    worker.operation = nullptr;
    worker.itemId = 0;
    if (transfer && worker.loggedIn && !worker.dead) {
        // ABOR keeps the connection and its login for the next item.
        worker.aborting = true;
        auto *abort = new FtpAbortOperation(worker.session.get(), transfer, this);
        Worker *w = &worker;
        connect(abort, &FtpAbortOperation::succeeded, this, [this, w, abort] {
            w->aborting = false;
            abort->deleteLater();
            schedule();
        });
        connect(abort, &FtpAbortOperation::failed, this, [this, w, abort] {
            w->aborting = false;
            w->dead = true;
            w->session->abort();
            abort->deleteLater();
            QTimer::singleShot(0, this, &TransferQueue::schedule);
        });
        abort->start();
        transfer->deleteLater();
        return;
    }
    // Not a transfer (a SIZE or MDTM in flight), or no usable session: the operation
    // goes first (it uses the session until it is gone), then the connection; both are
    // deleted from the event loop, in that order.
    if (transfer) {
        transfer->abort();
        transfer->deleteLater();
    }
    worker.dead = true;
    worker.session->abort();
}

void TransferQueue::answerTrustQuestion(quint64 id, Net::TrustAnswer answer)
{
    for (auto &worker : m_workers) {
        if (worker->session && !worker->dead) {
            worker->session->connection()->answerTrustQuestion(id, answer);
        }
    }
}

void TransferQueue::setPriority(qint64 id, int priority)
{
    auto it = m_items.find(id);
    if (it != m_items.end()) {
        TransferItem item = *it;
        item.priority = priority;
        update(item);
    }
}

bool TransferQueue::isIdle() const
{
    return std::all_of(m_items.cbegin(), m_items.cend(), [](const TransferItem &i) {
        return i.isFinal() || i.state == TransferItem::State::Paused || i.state == TransferItem::State::Asking;
    });
}

qint64 TransferQueue::nextPending(qint64 now) const
{
    for (const PendingKey &key : m_pending) {
        if (m_retryAt.value(key.id, 0) <= now) {
            return key.id;
        }
    }
    return 0;
}

void TransferQueue::index(const TransferItem *before, const TransferItem &after)
{
    if (before) {
        if (before->state == TransferItem::State::Pending) {
            m_pending.erase({ -before->priority, m_addedOrder.value(before->id), before->id });
        }
        if (!before->isFinal()) {
            --m_unfinished;
        }
    }
    if (after.state == TransferItem::State::Pending) {
        m_pending.insert({ -after.priority, m_addedOrder.value(after.id), after.id });
    } else {
        m_retryAt.remove(after.id);
    }
    if (!after.isFinal()) {
        ++m_unfinished;
    }
}

TransferQueue::Worker &TransferQueue::newWorker()
{
    auto worker = std::make_unique<Worker>();
    Worker *w = worker.get();
    w->session = std::make_unique<FtpSession>(m_options);
    connect(w->session.get(), &FtpSession::trustQuestion, this, &TransferQueue::trustQuestion);
    connect(w->session.get(), &FtpSession::loggedIn, this, [this, w] {
        w->loggedIn = true;
        m_everLoggedIn = true;
        m_loginFailures = 0;
        schedule();
    });
    connect(w->session.get(), &FtpSession::failed, this, [this, w](const OperationError &e) {
        w->dead = true;
        if (!w->loggedIn) {
            ++m_loginFailures;
            const bool othersWork = std::any_of(
                m_workers.cbegin(), m_workers.cend(), [](const auto &o) { return o->loggedIn && !o->dead; });
            // A site that cannot be used at all (no connection ever logged in, or logins
            // keep failing): every waiting item fails with the reason. One refused extra
            // connection (a per-user limit) only means fewer connections.
            if (!othersWork && (!m_everLoggedIn || m_loginFailures >= kMaxAttempts)
                && (!isTransient(e) || m_loginFailures >= kMaxAttempts)) {
                for (TransferItem item : m_items) {
                    if (item.state == TransferItem::State::Pending) {
                        item.state = TransferItem::State::Failed;
                        item.error = e.message;
                        item.errorKind = e.kind;
                        update(item);
                    }
                }
            } else {
                m_connectNotBefore = m_clock.elapsed() + (qint64(1000) << std::min(m_loginFailures - 1, 4));
                QTimer::singleShot(static_cast<int>(qint64(1000) << std::min(m_loginFailures - 1, 4)) + 1, this,
                    &TransferQueue::schedule);
            }
        }
        QTimer::singleShot(0, this, &TransferQueue::schedule);
    });
    ++m_connectionsOpened;
    m_workers.push_back(std::move(worker));
    w->session->open();
    return *w;
}

void TransferQueue::schedule()
{
    if (!m_clock.isValid()) {
        m_clock.start();
    }
    // Workers whose connection is gone and who hold nothing are dropped here, outside
    // any of their own signals.
    std::erase_if(m_workers, [this](const std::unique_ptr<Worker> &w) {
        if (w->dead && w->itemId == 0 && !w->aborting) {
            // Its signals name the worker about to go: none may arrive after.
            QObject::disconnect(w->session.get(), nullptr, this, nullptr);
            w->session.release()->deleteLater();
            return true;
        }
        return false;
    });
    const qint64 now = m_clock.elapsed();
    for (auto &worker : m_workers) {
        if (worker->loggedIn && !worker->dead && worker->itemId == 0 && !worker->aborting) {
            if (const qint64 id = nextPending(now)) {
                startOn(*worker, id);
            }
        }
    }
    // Waiting items matter only up to the number of connections that could take them.
    int waiting = 0;
    for (auto it = m_pending.cbegin(); it != m_pending.cend() && waiting < m_connections + int(m_workers.size());
         ++it) {
        if (m_retryAt.value(it->id, 0) <= now) {
            ++waiting;
        }
    }
    qint64 soonest = -1; // m_retryAt holds pending items only (index() drops the rest)
    for (const qint64 at : std::as_const(m_retryAt)) {
        if (at > now && (soonest < 0 || at < soonest)) {
            soonest = at;
        }
    }
    const int connecting = static_cast<int>(
        std::count_if(m_workers.cbegin(), m_workers.cend(), [](const auto &w) { return !w->loggedIn && !w->dead; }));
    const int alive
        = static_cast<int>(std::count_if(m_workers.cbegin(), m_workers.cend(), [](const auto &w) { return !w->dead; }));
    const bool mayConnect = m_clock.elapsed() >= m_connectNotBefore;
    const bool anyLoggedIn
        = std::any_of(m_workers.cbegin(), m_workers.cend(), [](const auto &w) { return w->loggedIn && !w->dead; });
    // After a refused extra connection, do not open more while others work.
    const int limit = (m_loginFailures > 0 && anyLoggedIn) ? alive : m_connections;
    for (int more = mayConnect ? std::min(waiting - connecting, limit - alive) : 0; more > 0; --more) {
        newWorker();
    }
    if (soonest >= 0) {
        QTimer::singleShot(static_cast<int>(soonest - m_clock.elapsed()) + 1, this, &TransferQueue::schedule);
    }
    const bool busy = std::any_of(
        m_workers.cbegin(), m_workers.cend(), [](const auto &w) { return w->itemId != 0 || w->aborting; });
    if (!busy && !m_reportedDone && m_unfinished == 0) {
        m_reportedDone = true;
        // The connections say goodbye; items added later (a window's queue lives on)
        // get new ones.
        for (auto &worker : m_workers) {
            worker->session->quit();
            worker->dead = true;
        }
        Q_EMIT allDone();
    }
}

void TransferQueue::startOn(Worker &worker, qint64 id)
{
    TransferItem item = m_items.value(id);
    item.state = TransferItem::State::Running;
    ++item.attempts;
    update(item);
    worker.itemId = id;
    // A retry continues its own earlier attempt; Overwrite needs no look first.
    if (item.attempts > 1 || item.overwrite == OverwritePolicy::Overwrite) {
        transfer(worker, id, item.attempts > 1, 0);
        return;
    }
    if (item.direction == TransferItem::Direction::Download) {
        const QFileInfo target(item.localPath);
        const qint64 have = target.exists() ? target.size() : -1;
        if (have >= 0 && item.size < 0 && item.overwrite == OverwritePolicy::ResumeIfSmaller) {
            // "Smaller" needs the remote size, which a listing did not give: ask SIZE.
            Worker *w = &worker;
            w->session->command("SIZE " + item.remotePath.toUtf8(), [this, w, id, have](const FtpReply &reply) {
                if (w->itemId != id) {
                    return;
                }
                TransferItem current = m_items.value(id);
                bool ok = false;
                const qint64 size = reply.code == 213 ? reply.text().trimmed().toLongLong(&ok) : -1;
                current.size = ok ? size : -1;
                update(current);
                apply(*w, id, decideOverwrite(current.overwrite, have, current.size), have);
            });
            return;
        }
        apply(worker, id, decideOverwrite(item.overwrite, have, item.size), have);
        return;
    }
    // Upload: does the server have the file? SIZE (RFC 3659 §4) answers 213 with its
    // size, or 550 when there is none.
    Worker *w = &worker;
    w->session->command("SIZE " + item.remotePath.toUtf8(), [this, w, id](const FtpReply &reply) {
        if (w->itemId != id) {
            return; // paused or cancelled meanwhile
        }
        const TransferItem current = m_items.value(id);
        bool ok = false;
        const qint64 have = reply.code == 213 ? reply.text().trimmed().toLongLong(&ok) : -1;
        const qint64 localSize = QFileInfo(current.localPath).size();
        apply(*w, id, decideOverwrite(current.overwrite, ok ? have : -1, localSize), ok ? have : -1);
    });
}

void TransferQueue::apply(Worker &worker, qint64 id, const OverwriteDecision &decision, qint64 destinationSize)
{
    using Action = OverwriteDecision::Action;
    TransferItem item = m_items.value(id);
    switch (decision.action) {
    case Action::Transfer:
        transfer(worker, id, false, 0);
        return;
    case Action::Resume:
        if (item.direction == TransferItem::Direction::Download) {
            // The smaller file is taken as a partial copy: it becomes the .part that
            // FtpGetOperation continues (REST), renamed back only when complete.
            const QString part = FtpGetOperation::partialPath(item.localPath);
            QFile::remove(part);
            if (!QFile::rename(item.localPath, part)) {
                finishItem(worker, id,
                    OperationError { OperationError::Kind::LocalIo,
                        QStringLiteral("cannot continue %1: it cannot be renamed").arg(item.localPath) });
                return;
            }
            transfer(worker, id, true, 0);
        } else {
            transfer(worker, id, false, decision.offset);
        }
        return;
    case Action::Skip:
        worker.itemId = 0;
        item.state = TransferItem::State::Skipped;
        item.error = decision.reason;
        update(item);
        QTimer::singleShot(0, this, &TransferQueue::schedule);
        return;
    case Action::Rename:
        if (item.direction == TransferItem::Direction::Download) {
            const QFileInfo target(item.localPath);
            for (int n = 2;; ++n) {
                const QString candidate = target.dir().filePath(numberedName(target.fileName(), n));
                if (!QFileInfo::exists(candidate) && !QFileInfo::exists(FtpGetOperation::partialPath(candidate))) {
                    item.localPath = candidate;
                    break;
                }
            }
            update(item);
            transfer(worker, id, false, 0);
        } else {
            renameRemote(worker, id, 2);
        }
        return;
    case Action::Ask:
        // The connection is freed for other items while the person decides.
        worker.itemId = 0;
        item.state = TransferItem::State::Asking;
        update(item);
        Q_EMIT overwriteQuestion(item, destinationSize);
        QTimer::singleShot(0, this, &TransferQueue::schedule);
        return;
    }
}

void TransferQueue::renameRemote(Worker &worker, qint64 id, int n)
{
    const TransferItem item = m_items.value(id);
    const qsizetype slash = item.remotePath.lastIndexOf(u'/');
    const QString candidate = item.remotePath.left(slash + 1) + numberedName(item.remotePath.mid(slash + 1), n);
    Worker *w = &worker;
    w->session->command("SIZE " + candidate.toUtf8(), [this, w, id, n, candidate](const FtpReply &reply) {
        if (w->itemId != id) {
            return;
        }
        if (reply.code == 213 && n < 1000) {
            renameRemote(*w, id, n + 1); // taken: try the next number
            return;
        }
        TransferItem renamed = m_items.value(id);
        renamed.remotePath = candidate;
        update(renamed);
        transfer(*w, id, false, 0);
    });
}

void TransferQueue::answerOverwrite(qint64 id, OverwritePolicy policy)
{
    auto it = m_items.find(id);
    if (it == m_items.end() || it->state != TransferItem::State::Asking || policy == OverwritePolicy::Ask) {
        return;
    }
    TransferItem item = *it;
    item.overwrite = policy;
    item.state = TransferItem::State::Pending;
    item.attempts = 0; // the look at the destination happens again, with the answer
    update(item);
    QTimer::singleShot(0, this, &TransferQueue::schedule);
}

void TransferQueue::transfer(Worker &worker, qint64 id, bool resume, qint64 offset)
{
    m_transferBegun.insert(id); // the destination was decided
    const TransferItem item = m_items.value(id);
    Worker *w = &worker;
    FtpTransferOperation *op = nullptr;
    if (item.direction == TransferItem::Direction::Download) {
        // A partial file of this item's own earlier attempt (or of before a restart) is
        // continued; a first attempt never trusts a .part it did not write.
        op = new FtpGetOperation(w->session.get(), item.remotePath, item.localPath, resume, this, item.size);
    } else {
        op = new FtpPutOperation(w->session.get(), item.localPath, item.remotePath, offset, this);
    }
    w->operation = op;
    m_rates.remove(id);
    m_reportedBytes.remove(id);
    if (!m_clock.isValid()) {
        m_clock.start();
    }
    m_progressTimer->start();
    connect(op, &FtpTransferOperation::succeeded, this, [this, w, id] { keepModificationTime(*w, id); });
    connect(op, &FtpTransferOperation::failed, this, [this, w, id](const OperationError &e) { finishItem(*w, id, e); });
    // Progress counts the whole file: what an earlier attempt left plus this one.
    // (Read when progress comes: an ASCII download learns only then that it starts over.)
    const auto *get = qobject_cast<FtpGetOperation *>(op);
    connect(op, &FtpTransferOperation::progressed, this, [this, id, get, offset](qint64 bytes) {
        auto it = m_items.find(id);
        if (it != m_items.end()) {
            it->transferred = (get ? get->resumedFrom() : offset) + bytes;
        }
    });
    op->start();
}

void TransferQueue::keepModificationTime(Worker &worker, qint64 id)
{
    if (worker.itemId != id || !worker.session) {
        return;
    }
    if (!m_keepTimes) {
        finishItem(worker, id, std::nullopt);
        return;
    }
    const TransferItem item = m_items.value(id);
    Worker *w = &worker;
    auto *op = new FtpKeepTimeOperation(w->session.get(),
        item.direction == TransferItem::Direction::Download ? FtpKeepTimeOperation::Direction::Download
                                                            : FtpKeepTimeOperation::Direction::Upload,
        item.localPath, item.remotePath, this);
    // Held as the worker's operation, so a pause or cancel now takes it away too.
    if (w->operation) {
        w->operation->deleteLater();
    }
    w->operation = op;
    connect(op, &FtpKeepTimeOperation::finished, this, [this, w, id] { finishItem(*w, id, std::nullopt); });
    op->start();
}

void TransferQueue::finishItem(Worker &worker, qint64 id, const std::optional<OperationError> &error)
{
    if (worker.itemId != id) {
        return; // paused or cancelled meanwhile; already accounted for
    }
    worker.itemId = 0;
    if (worker.operation) {
        worker.operation->deleteLater();
        worker.operation = nullptr;
    }
    TransferItem item = m_items.value(id);
    if (!error) {
        item.state = TransferItem::State::Done;
        item.error.clear();
    } else {
        // The failed operation may still have commands outstanding on this connection;
        // the connection goes with it and a fresh one takes the next item.
        worker.dead = true;
        if (worker.session) {
            worker.session->abort();
        }
        if (isTransient(*error) && item.attempts < kMaxAttempts) {
            item.state = TransferItem::State::Pending;
            item.error = error->message;
            // Backoff: 1 s, 2 s, 4 s.
            m_retryAt.insert(id, m_clock.elapsed() + (qint64(1000) << (item.attempts - 1)));
        } else {
            item.state = TransferItem::State::Failed;
            item.error = error->message;
            item.errorKind = error->kind;
        }
    }
    update(item);
    QTimer::singleShot(0, this, &TransferQueue::schedule);
}

void TransferQueue::update(const TransferItem &given)
{
    TransferItem item = given;
    if (item.state != TransferItem::State::Running) {
        item.bytesPerSecond = 0;
        item.secondsLeft = -1;
        m_rates.remove(item.id);
        m_reportedBytes.remove(item.id);
    }
    const auto before = m_items.constFind(item.id);
    index(before == m_items.cend() ? nullptr : &*before, item);
    m_items.insert(item.id, item);
    if (m_store) {
        QString error;
        m_store->save(item, &error); // a queue that cannot be saved still runs; the next start redoes it
    }
    Q_EMIT itemChanged(item);
}

} // namespace Satchel::Ftp
