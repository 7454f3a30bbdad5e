#pragma once

#include "protocols/imap/MessageSummary.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace Satchel::Store {

class MailCache;

// Stores message summaries into the mail cache on a thread of its own, so that a
// first sync parses the next batch from the server while SQLite writes the last
// (on a 100,000-message folder the writes are ~40% of the client's work). It opens
// its own connection to the cache file (one connection per thread, a Qt SQL rule);
// WAL lets the engine's connection read meanwhile. Batches are written in the order
// given; flush() reports when every earlier one is on disk, or the first error.
class CacheWriter : public QObject
{
    Q_OBJECT

public:
    // Opens the cache at `path` on the writer thread; nullptr and *error on failure.
    static std::unique_ptr<CacheWriter> open(const QString &path, QString *error);
    ~CacheWriter() override;

    void store(const QString &folder, QList<Imap::MessageSummary> batch);
    // `done` runs on this object's thread once every batch given before is written;
    // its argument is the first error, or empty.
    void flush(std::function<void(const QString &error)> done);

private:
    CacheWriter() = default;

    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
};

} // namespace Satchel::Store
