#include "protocols/store/TransferQueueStore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Satchel::Store {

TransferQueueStore::TransferQueueStore()
    : m_connectionName(QStringLiteral("transfer-queue-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

TransferQueueStore::~TransferQueueStore()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool TransferQueueStore::open(const QString &path, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        *error = QStringLiteral("cannot open the transfer queue %1: %2").arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    for (const QString &statement :
        { QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral(
                "CREATE TABLE IF NOT EXISTS transfer_queue (id INTEGER PRIMARY KEY, direction INTEGER NOT NULL,"
                " local TEXT NOT NULL, remote TEXT NOT NULL, size INTEGER, transferred INTEGER, state INTEGER NOT NULL,"
                " priority INTEGER NOT NULL, attempts INTEGER NOT NULL, error TEXT)") }) {
        if (!q.exec(statement)) {
            *error = QStringLiteral("cannot prepare the transfer queue %1: %2").arg(path, q.lastError().text());
            return false;
        }
    }
    // Queues saved before the overwrite policy existed get the column, defaulting to
    // Overwrite (what they did then).
    bool hasOverwrite = false;
    if (q.exec(QStringLiteral("PRAGMA table_info(transfer_queue)"))) {
        while (q.next()) {
            hasOverwrite = hasOverwrite || q.value(1).toString() == QLatin1String("overwrite");
        }
    }
    if (!hasOverwrite
        && !q.exec(QStringLiteral("ALTER TABLE transfer_queue ADD COLUMN overwrite INTEGER NOT NULL DEFAULT 0"))) {
        *error = QStringLiteral("cannot prepare the transfer queue %1: %2").arg(path, q.lastError().text());
        return false;
    }
    return true;
}

QList<Ftp::TransferItem> TransferQueueStore::load(QString *error) const
{
    QList<Ftp::TransferItem> items;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (!q.exec(
            QStringLiteral("SELECT id, direction, local, remote, size, transferred, state, priority, attempts, error,"
                           " overwrite FROM transfer_queue ORDER BY id"))) {
        *error = QStringLiteral("cannot read the transfer queue: %1").arg(q.lastError().text());
        return items;
    }
    while (q.next()) {
        Ftp::TransferItem item;
        item.id = q.value(0).toLongLong();
        item.direction = static_cast<Ftp::TransferItem::Direction>(q.value(1).toInt());
        item.localPath = q.value(2).toString();
        item.remotePath = q.value(3).toString();
        item.size = q.value(4).toLongLong();
        item.transferred = q.value(5).toLongLong();
        item.state = static_cast<Ftp::TransferItem::State>(q.value(6).toInt());
        item.priority = q.value(7).toInt();
        item.attempts = q.value(8).toInt();
        item.error = q.value(9).toString();
        item.overwrite = static_cast<Ftp::OverwritePolicy>(q.value(10).toInt());
        items.append(item);
    }
    return items;
}

bool TransferQueueStore::save(const Ftp::TransferItem &item, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO transfer_queue (id, direction, local, remote, size, transferred, state,"
                       " priority, attempts, error, overwrite) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(item.id);
    q.addBindValue(static_cast<int>(item.direction));
    q.addBindValue(item.localPath);
    q.addBindValue(item.remotePath);
    q.addBindValue(item.size);
    q.addBindValue(item.transferred);
    q.addBindValue(static_cast<int>(item.state));
    q.addBindValue(item.priority);
    q.addBindValue(item.attempts);
    q.addBindValue(item.error);
    q.addBindValue(static_cast<int>(item.overwrite));
    if (!q.exec()) {
        *error = QStringLiteral("cannot write the transfer queue: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

bool TransferQueueStore::remove(qint64 id, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("DELETE FROM transfer_queue WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = QStringLiteral("cannot write the transfer queue: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

} // namespace Satchel::Store
