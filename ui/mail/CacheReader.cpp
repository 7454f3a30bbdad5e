#include "ui/mail/CacheReader.h"

#include "protocols/store/MailCache.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

#include <limits>
#include <utility>

namespace Satchel::Ui {

namespace {

// UIDs per "uid IN (...)" query: well under SQLite's statement limits.
constexpr qsizetype kUidsPerQuery = 500;

} // namespace

CacheReader::CacheReader(QString path)
    : m_path(std::move(path))
{ }

CacheReader::~CacheReader()
{
    close();
}

bool CacheReader::open()
{
    if (!m_connectionName.isEmpty()) {
        return true;
    }
    if (!QFileInfo(m_path).isFile()) {
        m_lastError = QStringLiteral("there is no mail cache at %1 yet").arg(m_path);
        return false;
    }
    m_connectionName = QStringLiteral("satchel-cache-reader-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=100"));
    if (!db.open()) {
        m_lastError = QStringLiteral("cannot open the mail cache at %1: %2").arg(m_path, db.lastError().text());
        db = QSqlDatabase();
        close();
        return false;
    }
    return true;
}

void CacheReader::close()
{
    if (m_connectionName.isEmpty()) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

std::optional<int> CacheReader::unseenCount(const QString &folder)
{
    m_lastError.clear();
    if (!open()) {
        return std::nullopt;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM folders WHERE name = ?"));
    q.addBindValue(folder);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next()) {
        return std::nullopt; // not synced yet
    }
    const qint64 folderId = q.value(0).toLongLong();
    q.finish();
    q.prepare(QStringLiteral("SELECT flags FROM messages WHERE folder_id = ?"));
    q.addBindValue(folderId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    qint64 unseen = 0;
    while (q.next()) {
        if (!Store::MailCache::hasFlag(q.value(0).toString(), u"\\Seen")) {
            ++unseen;
        }
    }
    return int(std::min<qint64>(unseen, std::numeric_limits<int>::max()));
}

QList<QByteArray> CacheReader::messageIds(const QString &folder, const QList<quint32> &uids)
{
    m_lastError.clear();
    QList<QByteArray> ids;
    if (uids.isEmpty() || !open()) {
        return ids;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    for (qsizetype start = 0; start < uids.size(); start += kUidsPerQuery) {
        QStringList numbers;
        for (const quint32 uid : uids.mid(start, kUidsPerQuery)) {
            numbers.append(QString::number(uid));
        }
        // The UIDs are numbers formatted here, not text from anyone.
        q.prepare(QStringLiteral("SELECT message_id FROM messages WHERE folder_id = (SELECT id FROM folders WHERE "
                                 "name = ?) AND uid IN (%1)")
                      .arg(numbers.join(QLatin1Char(','))));
        q.addBindValue(folder);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            return ids;
        }
        while (q.next()) {
            const QByteArray id = q.value(0).toString().toUtf8().trimmed();
            if (!id.isEmpty()) {
                ids.append(id);
            }
        }
        q.finish();
    }
    return ids;
}

quint32 CacheReader::uidNext(const QString &folder)
{
    m_lastError.clear();
    if (!open()) {
        return 0;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT uidnext FROM folders WHERE name = ?"));
    q.addBindValue(folder);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return 0;
    }
    return q.next() ? q.value(0).toUInt() : 0;
}

} // namespace Satchel::Ui
