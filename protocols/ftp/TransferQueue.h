#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/ftp/FtpSession.h"
#include "protocols/ftp/TransferItem.h"
#include "protocols/ftp/TransferRate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <set>
#include <vector>

namespace Satchel::Store {
class TransferQueueStore;
}

namespace Satchel::Ftp {

// Moves files on up to N connections at once (N is the person's choice; no cap of
// ten). Items run by priority, then in the order they were added; each can be paused,
// resumed, cancelled or reprioritised. A transient failure (a 4xx reply, a dropped
// connection) is retried with backoff (1 s, 2 s, 4 s), resuming a partial download;
// a permanent one (5xx, a local error) fails the item with its reason in words. With a
// store, every change is written so a restart continues the queue. With
// setKeepModificationTimes(), a file that arrived keeps its original's modification
// time (MDTM for downloads, MFMT for uploads).
class TransferQueue : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxAttempts = 4;

    TransferQueue(FtpSession::Options sessionOptions, int connections, Store::TransferQueueStore *store = nullptr,
        QObject *parent = nullptr);
    ~TransferQueue() override;

    // Off by default (each file then costs one more command).
    void setKeepModificationTimes(bool keep) { m_keepTimes = keep; }

    // Loads unfinished items from the store (running ones become pending again).
    bool restore(QString *error);
    qint64 add(TransferItem item);
    void pause(qint64 id);
    void resume(qint64 id);
    void cancel(qint64 id);
    // A failed or cancelled item queued again, its attempts counted afresh (a download
    // continues its partial file).
    void retry(qint64 id);
    void setPriority(qint64 id, int priority);
    // Forgets every done, failed, cancelled and skipped item (and its stored row);
    // returns their ids.
    QList<qint64> clearFinished();

    // The person's answer to overwriteQuestion(): how to treat this item's existing
    // destination (Ask is not an answer and is ignored).
    void answerOverwrite(qint64 id, OverwritePolicy policy);

    // The person's answer to a certificate question one of the connections asked.
    void answerTrustQuestion(quint64 id, Net::TrustAnswer answer);

    QList<TransferItem> items() const { return m_items.values(); }
    TransferItem item(qint64 id) const { return m_items.value(id); }
    bool isIdle() const;
    static constexpr int progressInterval() { return 250; } // ms
    int connectionsOpened() const { return m_connectionsOpened; }

Q_SIGNALS:
    // A state change at once; progress (transferred, rate, time left) batched, at most
    // every progressInterval() per running item, so a view is never flooded.
    void itemChanged(const Satchel::Ftp::TransferItem &item);
    void trustQuestion(const Satchel::Net::TrustQuestion &question);
    // An item with OverwritePolicy::Ask found its destination in place: it waits
    // (state Asking, no connection held) until answerOverwrite().
    void overwriteQuestion(const Satchel::Ftp::TransferItem &item, qint64 destinationSize);
    void allDone(); // every item is done, failed or cancelled

private:
    struct Worker;
    void schedule();
    void startOn(Worker &worker, qint64 id);
    void apply(Worker &worker, qint64 id, const OverwriteDecision &decision, qint64 destinationSize);
    void renameRemote(Worker &worker, qint64 id, int n);
    void transfer(Worker &worker, qint64 id, bool resume, qint64 offset);
    void keepModificationTime(Worker &worker, qint64 id);
    void finishItem(Worker &worker, qint64 id, const std::optional<OperationError> &error);
    void update(const TransferItem &item);
    void stopWorker(Worker &worker);
    void reportProgress();
    Worker &newWorker();
    qint64 nextPending(qint64 now) const;
    void index(const TransferItem *before, const TransferItem &after);

    FtpSession::Options m_options;
    int m_connections;
    Store::TransferQueueStore *m_store;
    QMap<qint64, TransferItem> m_items;
    std::vector<std::unique_ptr<Worker>> m_workers;
    qint64 m_nextId = 1;
    qint64 m_order = 0;
    QMap<qint64, qint64> m_addedOrder;
    // The pending items in the order they run: higher priority first, then as added.
    // Kept up to date on every change, so picking the next item never walks the whole
    // queue (10,000 small files would make that quadratic).
    struct PendingKey {
        int negativePriority;
        qint64 order;
        qint64 id;
        auto operator<=>(const PendingKey &) const = default;
    };
    std::set<PendingKey> m_pending;
    int m_unfinished = 0; // items that are not final
    QSet<qint64> m_transferBegun; // items whose destination was decided and transfer began
    int m_connectionsOpened = 0;
    int m_loginFailures = 0; // in a row, while no connection is logged in
    bool m_everLoggedIn = false;
    qint64 m_connectNotBefore = 0; // backoff for new connections after failed logins
    QMap<qint64, qint64> m_retryAt; // item -> not before (ms on m_clock)
    QElapsedTimer m_clock;
    QTimer *m_progressTimer;
    QHash<qint64, TransferRate> m_rates; // running items
    QHash<qint64, qint64> m_reportedBytes; // what itemChanged last said
    bool m_reportedDone = false;
    bool m_keepTimes = false;
};

} // namespace Satchel::Ftp
