#pragma once

#include <QList>
#include <QString>
#include <Qt>

class QSqlDatabase;

namespace Satchel::Ui {

// The order of a folder's messages as the list shows them: UIDs, and with threads the
// indentation of each row.
struct MessageIndex {
    QList<quint32> uids;
    QList<quint8> depths; // empty unless threaded; else depths[i] belongs to uids[i]
};

// The SQL ORDER BY of a MessageListModel column.
QString messageOrderBy(int column, Qt::SortOrder order);

// Reads the index of folderId from the mail cache db, sorted by column and order. With
// threaded, the messages are grouped into threads by References and In-Reply-To
// (threadMessages()), each thread where its first member in that order is. Runs on any
// thread that owns db. False with *error set (the database's words) on failure.
bool readMessageIndex(const QSqlDatabase &db, qint64 folderId, int column, Qt::SortOrder order, bool threaded,
    MessageIndex *index, QString *error);

} // namespace Satchel::Ui
