#pragma once

#include "protocols/ftp/TransferItem.h"

#include <QList>
#include <QString>

namespace Satchel::Store {

// The transfer queue on disk (SQLite, WAL): one row per item, written on every state
// change, so a restart continues the queue.
class TransferQueueStore
{
public:
    TransferQueueStore();
    ~TransferQueueStore();
    TransferQueueStore(const TransferQueueStore &) = delete;
    TransferQueueStore &operator=(const TransferQueueStore &) = delete;

    bool open(const QString &path, QString *error);
    QList<Ftp::TransferItem> load(QString *error) const;
    bool save(const Ftp::TransferItem &item, QString *error);
    bool remove(qint64 id, QString *error);

private:
    QString m_connectionName;
};

} // namespace Satchel::Store
