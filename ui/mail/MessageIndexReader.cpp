#include "ui/mail/MessageIndexReader.h"

#include "protocols/store/SqliteHandle.h"
#include "ui/mail/MessageListModel.h"
#include "ui/mail/MessageThreading.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cstring>
#include <memory>
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

namespace {

// Where the threading headers of a folder's messages are kept while threadMessages()
// runs: big blocks, so 100,000 messages cost a few allocations, not 300,000. The
// ThreadInputs point into them (QByteArray::fromRawData) and must not outlive them.
class HeaderArena
{
public:
    QByteArray keep(const char *data, int size)
    {
        if (size <= 0) {
            return {};
        }
        const size_t needed = size_t(size);
        if (m_blocks.empty() || m_used + needed > m_capacity) {
            m_capacity = std::max(kBlockSize, needed);
            m_blocks.push_back(std::make_unique<char[]>(m_capacity));
            m_used = 0;
        }
        char *copy = m_blocks.back().get() + m_used;
        std::memcpy(copy, data, needed);
        m_used += needed;
        return QByteArray::fromRawData(copy, size);
    }

private:
    static constexpr size_t kBlockSize = 1 << 20;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    size_t m_used = 0;
    size_t m_capacity = 0;
};

// A prepared statement that finalizes itself.
class Statement
{
public:
    Statement(sqlite3 *db, const QString &sql)
        : m_db(db)
    {
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v2(db, text.constData(), int(text.size()), &m_statement, nullptr) != SQLITE_OK) {
            m_statement = nullptr;
        }
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    sqlite3_stmt *get() const { return m_statement; }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
};

// The folder's messages with their threading headers, in the list's order. Two reads
// through the sqlite3 handle (QSqlQuery's QVariant and QString per value cost more than
// the threading itself at 100,000 messages): first the order, from the index the ORDER BY
// uses; then the headers in the table's own (folder, uid) order - a walk of the table
// instead of a B-tree descent per message, which took 140 ms at 100,000. Each header row
// goes straight to its place in the order: the UIDs sorted with their ranks are walked
// alongside the table, so no row is looked up or moved afterwards.
bool readThreadInputs(sqlite3 *db, qint64 folderId, const QString &orderSql, std::vector<ThreadInput> *messages,
    HeaderArena *arena, QString *error)
{
    // Both reads see one state of the file: the engine may commit a batch between them,
    // and a message in the order but not among the headers would be left out.
    if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    struct EndRead {
        sqlite3 *db;
        ~EndRead() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); } // it only read
    } endRead { db };

    // (uid, rank in the list's order), sorted by UID below.
    std::vector<std::pair<quint32, quint32>> ranks;
    {
        Statement order(db, orderSql);
        sqlite3_stmt *statement = order.get();
        if (!statement) {
            *error = order.error();
            return false;
        }
        int step = SQLITE_ROW;
        while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
            ranks.emplace_back(quint32(sqlite3_column_int64(statement, 0)), quint32(ranks.size()));
        }
        if (step != SQLITE_DONE) {
            *error = order.error();
            return false;
        }
    }
    std::sort(ranks.begin(), ranks.end());

    // A file the engine has not opened since "refs" was added lacks the column (it adds
    // it on open; this connection is read-only): threads by In-Reply-To then.
    bool hasRefs = false;
    {
        Statement probe(db, QStringLiteral("SELECT count(*) FROM pragma_table_info('messages') WHERE name = 'refs'"));
        hasRefs = probe.get() && sqlite3_step(probe.get()) == SQLITE_ROW && sqlite3_column_int(probe.get(), 0) > 0;
    }
    messages->assign(ranks.size(), ThreadInput {});
    Statement headers(db,
        QStringLiteral("SELECT uid, coalesce(date, internaldate), message_id, in_reply_to, %1 FROM messages"
                       " WHERE folder_id = %2 ORDER BY uid")
            .arg(hasRefs ? QStringLiteral("refs") : QStringLiteral("NULL"))
            .arg(folderId));
    sqlite3_stmt *statement = headers.get();
    if (!statement) {
        *error = headers.error();
        return false;
    }
    const auto column = [statement, arena](int i) {
        const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(statement, i));
        return bytes ? arena->keep(bytes, sqlite3_column_bytes(statement, i)) : QByteArray();
    };
    auto next = ranks.cbegin();
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW && next != ranks.cend()) {
        const auto uid = quint32(sqlite3_column_int64(statement, 0));
        while (next != ranks.cend() && next->first < uid) {
            ++next; // in the order but not walked: cannot happen inside one read transaction
        }
        if (next == ranks.cend() || next->first != uid) {
            continue;
        }
        ThreadInput &m = (*messages)[next->second];
        m.uid = uid;
        m.date = sqlite3_column_int64(statement, 1); // NULL (no date at all) reads as 0: the oldest
        m.messageId = column(2);
        m.inReplyTo = column(3);
        m.references = column(4);
        ++next;
    }
    if (step != SQLITE_DONE && step != SQLITE_ROW) {
        *error = headers.error();
        return false;
    }
    // Both reads ran in one transaction, over the same rows, so every rank is filled; a
    // rank left empty would show as a phantom row, so it is dropped all the same.
    std::erase_if(*messages, [](const ThreadInput &m) { return m.uid == 0; });
    return true;
}

} // namespace

bool readMessageIndex(const QSqlDatabase &db, qint64 folderId, int column, Qt::SortOrder order, bool threaded,
    MessageIndex *index, QString *error)
{
    index->uids.clear();
    index->depths.clear();
    // The folder id is an integer read from the database, not text from anyone.
    const QString sql = QStringLiteral("SELECT uid FROM messages WHERE folder_id = %1 ORDER BY ").arg(folderId)
        + messageOrderBy(column, order);
    if (threaded) {
        sqlite3 *handle = Store::sqliteHandle(db);
        if (!handle) {
            *error = QStringLiteral("threads need the SQLite driver (QSQLITE)");
            return false;
        }
        std::vector<ThreadInput> messages;
        HeaderArena arena;
        if (!readThreadInputs(handle, folderId, sql, &messages, &arena, error)) {
            return false;
        }
        ThreadedIndex threads = threadMessages(messages);
        index->uids = std::move(threads.uids);
        index->depths = std::move(threads.depths);
        return true;
    }
    QSqlQuery q(db);
    // Forward-only: otherwise Qt's SQLite result caches every row it has read.
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        index->uids.append(q.value(0).toUInt());
    }
    index->uids.squeeze();
    return true;
}

} // namespace Satchel::Ui
