#include "protocols/store/UidlLedger.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Satchel::Store {

namespace {

QString stateName(UidlLedger::State state)
{
    return state == UidlLedger::State::Saved ? QStringLiteral("saved") : QStringLiteral("pending");
}

} // namespace

UidlLedger::UidlLedger()
    : m_connectionName(QStringLiteral("uidl-ledger-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

UidlLedger::~UidlLedger()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool UidlLedger::open(const QString &path, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        *error = QStringLiteral("cannot open the UIDL ledger %1: %2").arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    const QStringList setup{
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS pop3_ledger ("
                       " account TEXT NOT NULL, uidl BLOB NOT NULL,"
                       " state TEXT NOT NULL CHECK (state IN ('pending', 'saved')),"
                       " file TEXT NOT NULL, size INTEGER NOT NULL DEFAULT 0,"
                       " partial INTEGER NOT NULL DEFAULT 0, saved_at INTEGER NOT NULL DEFAULT 0,"
                       " replaces TEXT NOT NULL DEFAULT '',"
                       " PRIMARY KEY (account, uidl))"),
    };
    for (const QString &statement : setup) {
        if (!q.exec(statement)) {
            *error = QStringLiteral("cannot prepare the UIDL ledger %1: %2").arg(path, q.lastError().text());
            return false;
        }
    }
    return true;
}

QHash<QByteArray, UidlLedger::Entry> UidlLedger::entries(const QString &account, QString *error) const
{
    QHash<QByteArray, Entry> result;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("SELECT uidl, state, file, size, partial, saved_at, replaces FROM pop3_ledger WHERE account = ?"));
    q.addBindValue(account);
    if (!q.exec()) {
        *error = QStringLiteral("cannot read the UIDL ledger: %1").arg(q.lastError().text());
        return result;
    }
    while (q.next()) {
        Entry e;
        e.state = q.value(1).toString() == QLatin1String("saved") ? State::Saved : State::Pending;
        e.file = q.value(2).toString();
        e.size = q.value(3).toLongLong();
        e.partial = q.value(4).toBool();
        e.savedAt = q.value(5).toLongLong();
        e.replaces = q.value(6).toString();
        result.insert(q.value(0).toByteArray(), e);
    }
    return result;
}

bool UidlLedger::record(const QString &account, const QList<Record> &records, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!db.transaction()) {
        *error = QStringLiteral("cannot write the UIDL ledger: %1").arg(db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO pop3_ledger (account, uidl, state, file, size, partial, saved_at, replaces)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const Record &r : records) {
        q.bindValue(0, account);
        q.bindValue(1, r.uidl);
        q.bindValue(2, stateName(r.entry.state));
        q.bindValue(3, r.entry.file);
        q.bindValue(4, r.entry.size);
        q.bindValue(5, r.entry.partial ? 1 : 0);
        q.bindValue(6, r.entry.savedAt);
        q.bindValue(7, r.entry.replaces);
        if (!q.exec()) {
            *error = QStringLiteral("cannot write the UIDL ledger: %1").arg(q.lastError().text());
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        *error = QStringLiteral("cannot write the UIDL ledger: %1").arg(db.lastError().text());
        return false;
    }
    return true;
}

bool UidlLedger::forgetAllExcept(const QString &account, const QList<QByteArray> &onServer, QString *error)
{
    QString readError;
    const QHash<QByteArray, Entry> all = entries(account, &readError);
    if (!readError.isEmpty()) {
        *error = readError;
        return false;
    }
    const QSet<QByteArray> keep(onServer.cbegin(), onServer.cend());
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!db.transaction()) {
        *error = QStringLiteral("cannot write the UIDL ledger: %1").arg(db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM pop3_ledger WHERE account = ? AND uidl = ?"));
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (it.value().state == State::Saved && !keep.contains(it.key())) {
            q.bindValue(0, account);
            q.bindValue(1, it.key());
            if (!q.exec()) {
                *error = QStringLiteral("cannot write the UIDL ledger: %1").arg(q.lastError().text());
                db.rollback();
                return false;
            }
        }
    }
    if (!db.commit()) {
        *error = QStringLiteral("cannot write the UIDL ledger: %1").arg(db.lastError().text());
        return false;
    }
    return true;
}

} // namespace Satchel::Store
