#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace Satchel::Net {

// Collects an engine's results on its worker thread and hands them on in batches:
// at most one batch per interval (16 ms: one frame), or sooner when maxBatch items
// are waiting. A busy engine therefore sends the GUI thread at most ~60 signals a
// second however fast it produces, and each model update is one insert per batch.
// Lives on the engine's thread; the flush callback usually emits a queued signal.
template<class T>
class ResultBatcher
{
public:
    using Flush = std::function<void(QList<T> batch)>;

    ResultBatcher(QObject *context, Flush onBatch, int intervalMs = 16, qsizetype maxBatch = 500)
        : m_flush(std::move(onBatch))
        , m_maxBatch(maxBatch)
        , m_intervalMs(intervalMs)
    {
        // A child of the context, so it moves with the engine to its thread.
        m_timer = new QTimer(context);
        m_timer->setSingleShot(true);
        QObject::connect(m_timer, &QTimer::timeout, context, [this] { flush(); });
    }

    ~ResultBatcher() { delete m_timer.data(); }
    ResultBatcher(const ResultBatcher &) = delete;
    ResultBatcher &operator=(const ResultBatcher &) = delete;

    void add(T item)
    {
        m_pending.append(std::move(item));
        if (m_pending.size() >= m_maxBatch && (!m_sinceFlush.isValid() || m_sinceFlush.elapsed() >= m_intervalMs)) {
            flush();
        } else if (!m_timer->isActive()) {
            const qint64 wait = m_sinceFlush.isValid() ? std::max<qint64>(0, m_intervalMs - m_sinceFlush.elapsed()) : 0;
            m_timer->start(static_cast<int>(wait));
        }
    }

    // Sends what is waiting now. Engines call it once at the end of an operation (the
    // one batch that may come sooner than the interval); the timer calls it otherwise.
    // Results still pending when the batcher is destroyed are dropped: flush first.
    void flush()
    {
        if (m_timer) {
            m_timer->stop();
        }
        if (m_pending.isEmpty()) {
            return;
        }
        QList<T> batch;
        batch.swap(m_pending);
        m_sinceFlush.start();
        m_flush(std::move(batch));
    }

    qsizetype pending() const { return m_pending.size(); }

private:
    Flush m_flush;
    qsizetype m_maxBatch;
    int m_intervalMs;
    QList<T> m_pending;
    QPointer<QTimer> m_timer;
    QElapsedTimer m_sinceFlush;
};

} // namespace Satchel::Net
