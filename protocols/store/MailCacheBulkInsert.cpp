// MailCache: storeSummaries(), and the fast path it takes on a QSQLITE connection, which
// binds and steps its own sqlite3 statement. The Qt path (storeSummariesQt()) is in
// MailCache.cpp with the other writes through prepared Qt queries.
#include "protocols/store/MailCache.h"
#include "protocols/store/MailCachePrivate.h"
#include "protocols/store/SqliteHandle.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <optional>
#include <sqlite3.h>

namespace Satchel::Store {

namespace {

// Binds a QString as UTF-16 without copying: SQLITE_STATIC is right because the
// string outlives the sqlite3_step that reads it.
int bindText(sqlite3_stmt *statement, int index, const QString &text, bool nullWhenEmpty = false)
{
    if (text.isNull() || (nullWhenEmpty && text.isEmpty())) {
        return sqlite3_bind_null(statement, index);
    }
    return sqlite3_bind_text16(statement, index, text.utf16(), static_cast<int>(text.size() * 2), SQLITE_STATIC);
}

int bindBytes(sqlite3_stmt *statement, int index, const QByteArray &bytes)
{
    if (bytes.isEmpty()) {
        return sqlite3_bind_null(statement, index);
    }
    return sqlite3_bind_text(statement, index, bytes.constData(), static_cast<int>(bytes.size()), SQLITE_STATIC);
}

int bindMsecs(sqlite3_stmt *statement, int index, const QDateTime &dateTime)
{
    const std::optional<qint64> ms = msecsOrNull(dateTime);
    return ms ? sqlite3_bind_int64(statement, index, *ms) : sqlite3_bind_null(statement, index);
}

} // namespace

bool MailCache::storeSummaries(const QString &name, const QList<Imap::MessageSummary> &batch)
{
    if (!batch.isEmpty()) {
        ++m_messageWrites; // what unseenCount() remembers may be stale now
    }
    if (sqlite3 *db = sqliteHandle(m_statements->db)) {
        return storeSummariesDirect(db, name, batch);
    }
    return storeSummariesQt(name, batch);
}

bool MailCache::storeSummariesDirect(sqlite3 *db, const QString &name, const QList<Imap::MessageSummary> &batch)
{
    m_lastError.clear();
    if (batch.isEmpty()) {
        return true;
    }
    const QString what = QStringLiteral("store messages of %1").arg(folderLabel(name));
    sqlite3_stmt *&statement = m_statements->rawInsert;
    if (!statement
        && sqlite3_prepare_v3(db,
               "INSERT OR REPLACE INTO messages (folder_id, uid, flags, internaldate, size, modseq, date,"
               " subject, from_name, from_email, recipients, cc, message_id, in_reply_to, refs)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
            != SQLITE_OK) {
        return fail(what, QString::fromUtf8(sqlite3_errmsg(db)));
    }
    if (!beginWrite(what)) {
        return false;
    }
    const std::optional<qint64> id = folderId(name);
    if (!id) {
        rollbackWrite();
        if (!m_lastError.isEmpty()) {
            return false;
        }
        return fail(what, QStringLiteral("the folder is not in the cache yet (resetFolder() records its UIDVALIDITY)"));
    }
    QHash<QList<QByteArray>, QByteArray> flagTexts;
    for (const Imap::MessageSummary &m : batch) {
        const Imap::Envelope &e = m.envelope;
        const Imap::Address *from = e.from.isEmpty() ? nullptr : &e.from.constFirst();
        auto flags = flagTexts.constFind(m.flags);
        if (flags == flagTexts.constEnd()) {
            flags = flagTexts.insert(m.flags, flagsText(m.flags).toUtf8());
        }
        // Kept alive until the row is stepped (the binds do not copy).
        const QString to = displayList(e.to);
        const QString cc = displayList(e.cc);
        sqlite3_reset(statement);
        // Unsigned values go in as 64-bit integers: RFC822.SIZE is a number64 (RFC
        // 9051 §4.2) and a mod-sequence a 63-bit value (RFC 7162, formal syntax).
        sqlite3_bind_int64(statement, 1, *id);
        sqlite3_bind_int64(statement, 2, m.uid);
        // '' rather than NULL for no flags (see the schema).
        sqlite3_bind_text(statement, 3, flags->constData(), static_cast<int>(flags->size()), SQLITE_STATIC);
        bindMsecs(statement, 4, m.internalDate);
        sqlite3_bind_int64(statement, 5, static_cast<sqlite3_int64>(m.size));
        sqlite3_bind_int64(statement, 6, static_cast<sqlite3_int64>(m.modseq));
        bindMsecs(statement, 7, e.date);
        bindText(statement, 8, e.subject);
        bindText(statement, 9, from ? from->name : QString());
        bindText(statement, 10, from ? from->email : QString());
        bindText(statement, 11, to, true);
        bindText(statement, 12, cc, true);
        bindBytes(statement, 13, e.messageId);
        bindBytes(statement, 14, e.inReplyTo);
        bindBytes(statement, 15, m.references);
        if (sqlite3_step(statement) != SQLITE_DONE) {
            const QString detail = QString::fromUtf8(sqlite3_errmsg(db));
            sqlite3_reset(statement);
            rollbackWrite();
            return fail(what, QStringLiteral("UID %1: %2").arg(m.uid).arg(detail));
        }
    }
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    return commitWrite(what);
}

} // namespace Satchel::Store
