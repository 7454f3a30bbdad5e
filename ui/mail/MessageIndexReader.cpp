#include "ui/mail/MessageIndexReader.h"

#include "ui/mail/MessageListModel.h"
#include "ui/mail/MessageThreading.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <vector>

namespace Satchel::Ui {

// Every key, the UID tie-break included, runs in the same direction, so descending is
// exactly ascending reversed. Date order is the covering index messages_by_date
// (folder_id, date, and the key's uid); a missing Date header (NULL) sorts as the oldest.
QString messageOrderBy(int column, Qt::SortOrder order)
{
    const QString dir = order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    switch (column) {
    case MessageListModel::StatusColumn:
        // Flagged, then unread, then by date: descending puts flagged mail on top.
        return QStringLiteral("((' ' || coalesce(flags, '') || ' ') LIKE '% \\Flagged %')") + dir
            + QStringLiteral(", ((' ' || coalesce(flags, '') || ' ') NOT LIKE '% \\Seen %')") + dir
            + QStringLiteral(", date") + dir + QStringLiteral(", uid") + dir;
    case MessageListModel::SubjectColumn:
        return QStringLiteral("subject COLLATE NOCASE") + dir + QStringLiteral(", uid") + dir;
    case MessageListModel::FromColumn:
        // What the column shows: the name, else the address.
        return QStringLiteral("coalesce(nullif(from_name, ''), from_email) COLLATE NOCASE") + dir
            + QStringLiteral(", uid") + dir;
    case MessageListModel::SizeColumn:
        return QStringLiteral("size") + dir + QStringLiteral(", uid") + dir;
    case MessageListModel::DateColumn:
    default:
        return QStringLiteral("date") + dir + QStringLiteral(", uid") + dir;
    }
}

bool readMessageIndex(const QSqlDatabase &db, qint64 folderId, int column, Qt::SortOrder order, bool threaded,
    MessageIndex *index, QString *error)
{
    index->uids.clear();
    index->depths.clear();
    QSqlQuery q(db);
    // Forward-only: otherwise Qt's SQLite result caches every row it has read.
    q.setForwardOnly(true);
    // The folder id is an integer read from the database, not text from anyone.
    const QString columns = threaded
        ? QStringLiteral("uid, coalesce(date, internaldate), message_id, in_reply_to, refs")
        : QStringLiteral("uid");
    const QString sql
        = QStringLiteral("SELECT %1 FROM messages WHERE folder_id = %2 ORDER BY ").arg(columns).arg(folderId)
        + messageOrderBy(column, order);
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return false;
    }
    if (!threaded) {
        while (q.next()) {
            index->uids.append(q.value(0).toUInt());
        }
        index->uids.squeeze();
        return true;
    }
    std::vector<ThreadInput> messages;
    while (q.next()) {
        ThreadInput &m = messages.emplace_back();
        m.uid = q.value(0).toUInt();
        m.date = q.value(1).toLongLong(); // NULL (no date at all) reads as 0: the oldest
        m.messageId = q.value(2).toString().toUtf8();
        m.inReplyTo = q.value(3).toString().toUtf8();
        m.references = q.value(4).toString().toUtf8();
    }
    ThreadedIndex threads = threadMessages(messages);
    index->uids = std::move(threads.uids);
    index->depths = std::move(threads.depths);
    index->uids.squeeze();
    index->depths.squeeze();
    return true;
}

} // namespace Satchel::Ui
