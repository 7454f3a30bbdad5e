// MailCache: the offline change queue (the pending_changes table) and how its UID and
// flag lists are spelled in the columns.
#include "protocols/store/MailCache.h"
#include "protocols/store/MailCachePrivate.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Satchel::Store {

namespace {

// Every flag, \Recent too: a queued change is what to send, not the server's state.
QString flagListText(const QList<QByteArray> &flags)
{
    QString text = QStringLiteral("");
    for (const QByteArray &flag : flags) {
        if (!text.isEmpty())
            text += u' ';
        text += QString::fromUtf8(flag);
    }
    return text;
}

QString uidsText(const QList<quint32> &uids)
{
    QString text = QStringLiteral("");
    text.reserve(uids.size() * 7);
    for (const quint32 uid : uids) {
        if (!text.isEmpty())
            text += u' ';
        text += QString::number(uid);
    }
    return text;
}

// Empty when any piece is not a 32-bit number: a UID list half read would send the
// change to fewer messages than were meant.
QList<quint32> uidsFromText(const QString &text)
{
    QList<quint32> uids;
    for (QStringView piece : QStringView(text).tokenize(u' ', Qt::SkipEmptyParts)) {
        bool ok = false;
        const quint32 uid = piece.toUInt(&ok);
        if (!ok)
            return {};
        uids.append(uid);
    }
    return uids;
}

// NOT NULL columns: a null QString would bind NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

std::optional<qint64> MailCache::appendQueuedChange(const QueuedChange &change)
{
    m_lastError.clear();
    // One statement, its own transaction: the change is in the file or it is not.
    QSqlQuery q(m_statements->db);
    q.prepare(QStringLiteral("INSERT INTO pending_changes (kind, folder, uids, flags_add, flags_remove, destination)"
                             " VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(change.kind);
    q.addBindValue(notNull(change.folder));
    q.addBindValue(uidsText(change.uids));
    q.addBindValue(flagListText(change.flagsAdd));
    q.addBindValue(flagListText(change.flagsRemove));
    q.addBindValue(notNull(change.destination));
    if (!q.exec()) {
        fail(QStringLiteral("keep a change to %1 for later").arg(folderLabel(change.folder)), q.lastError().text());
        return std::nullopt;
    }
    const QVariant seq = q.lastInsertId();
    if (!seq.isValid()) {
        fail(QStringLiteral("keep a change to %1 for later").arg(folderLabel(change.folder)),
            QStringLiteral("the database did not say which row it wrote"));
        return std::nullopt;
    }
    return seq.toLongLong();
}

bool MailCache::removeQueuedChange(qint64 seq)
{
    m_lastError.clear();
    QSqlQuery q(m_statements->db);
    q.prepare(QStringLiteral("DELETE FROM pending_changes WHERE seq = ?"));
    q.addBindValue(seq);
    if (!q.exec())
        return fail(QStringLiteral("take change %1 off the offline queue").arg(seq), q.lastError().text());
    return true;
}

QList<QueuedChange> MailCache::queuedChanges()
{
    m_lastError.clear();
    QList<QueuedChange> result;
    QSqlQuery q(m_statements->db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, kind, folder, uids, flags_add, flags_remove, destination"
                             " FROM pending_changes ORDER BY seq"));
    if (!q.exec()) {
        fail(QStringLiteral("read the offline queue"), q.lastError().text());
        return result;
    }
    while (q.next()) {
        QueuedChange change;
        change.seq = q.value(0).toLongLong();
        change.kind = q.value(1).toInt();
        change.folder = q.value(2).toString();
        change.uids = uidsFromText(q.value(3).toString());
        change.flagsAdd = flagsFromText(q.value(4).toString());
        change.flagsRemove = flagsFromText(q.value(5).toString());
        change.destination = q.value(6).toString();
        result.append(std::move(change));
    }
    return result;
}

} // namespace Satchel::Store
