#include "protocols/store/CacheWriter.h"

#include "protocols/store/MailCache.h"

#include <QPointer>

namespace Satchel::Store {

class CacheWriter::Worker : public QObject
{
public:
    std::unique_ptr<MailCache> cache;
    QString error; // the first failure; later batches are dropped
};

std::unique_ptr<CacheWriter> CacheWriter::open(const QString &path, QString *error)
{
    std::unique_ptr<CacheWriter> writer(new CacheWriter());
    writer->m_thread.setObjectName(QStringLiteral("cache-writer"));
    writer->m_worker = new Worker();
    writer->m_worker->moveToThread(&writer->m_thread);
    QObject::connect(&writer->m_thread, &QThread::finished, writer->m_worker, &QObject::deleteLater);
    writer->m_thread.start();
    QString why;
    Worker *worker = writer->m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, path, &why] { worker->cache = MailCache::open(path, &why); }, Qt::BlockingQueuedConnection);
    if (!worker->cache) {
        *error = why;
        return nullptr;
    }
    return writer;
}

CacheWriter::~CacheWriter()
{
    if (m_thread.isRunning()) {
        Worker *worker = m_worker;
        // The connection is closed on the thread that opened it.
        QMetaObject::invokeMethod(
            worker, [worker] { worker->cache.reset(); }, Qt::QueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

void CacheWriter::store(const QString &folder, QList<Imap::MessageSummary> batch)
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, folder, batch = std::move(batch)] {
            if (worker->error.isEmpty() && !worker->cache->storeSummaries(folder, batch)) {
                worker->error = worker->cache->lastError();
            }
        },
        Qt::QueuedConnection);
}

void CacheWriter::flush(std::function<void(const QString &error)> done)
{
    Worker *worker = m_worker;
    const QPointer<CacheWriter> self(this);
    QMetaObject::invokeMethod(
        worker,
        [worker, self, done] {
            const QString error = worker->error;
            if (self) {
                QMetaObject::invokeMethod(
                    self.data(), [done, error] { done(error); }, Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}

} // namespace Satchel::Store
