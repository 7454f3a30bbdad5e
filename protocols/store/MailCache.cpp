// MailCache: errors and write transactions, the folder rows (read and write) and the
// writes of messages through prepared Qt queries (the Qt path of storeSummaries(), flag
// updates, expunges). Opening is in MailCacheSchema.cpp, the direct SQLite insert in
// MailCacheBulkInsert.cpp, message reads in MailCacheMessageReads.cpp and the offline queue
// in MailCacheQueue.cpp.
#include "protocols/store/MailCache.h"

#include "protocols/store/MailCachePrivate.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <array>
#include <optional>

namespace Satchel::Store {

namespace {

// Messages share a handful of flag sets: each text is built once and then shared.
class FlagTexts
{
public:
    const QString &of(const QList<QByteArray> &flags)
    {
        auto it = m_texts.constFind(flags);
        if (it == m_texts.constEnd())
            it = m_texts.insert(flags, flagsText(flags));
        return *it;
    }

private:
    QHash<QList<QByteArray>, QString> m_texts;
};

// Binds the values of one row after another to a reused statement, skipping a value
// equal to the one the row before bound. Qt's bindValue() is slow (it builds and looks
// up a placeholder name on each call; binding all 14 columns takes longer than SQLite's
// insert itself), and a bound value stays bound across exec(). In a real folder the
// flags, senders, recipients, an empty Cc and a zero mod-sequence (no CONDSTORE) repeat.
class RowBinder
{
public:
    explicit RowBinder(QSqlQuery &query)
        : m_query(query)
    { }

    void integer(int column, std::optional<qint64> value)
    {
        Last &last = m_last.at(size_t(column));
        if (last.bound && last.integer == value)
            return;
        last.bound = true;
        last.integer = value;
        m_query.bindValue(column, value ? QVariant(*value) : QVariant());
    }

    // A null QString binds NULL, an empty one ''.
    void text(int column, const QString &value)
    {
        Last &last = m_last.at(size_t(column));
        if (last.bound && last.text.isNull() == value.isNull() && last.text == value)
            return;
        last.bound = true;
        last.text = value;
        m_query.bindValue(column, value);
    }

private:
    struct Last {
        bool bound = false;
        std::optional<qint64> integer;
        QString text;
    };
    QSqlQuery &m_query;
    std::array<Last, 16> m_last;
};

} // namespace

bool MailCache::fail(const QString &what, const QString &detail)
{
    m_lastError
        = QStringLiteral("cannot %1 in the mail cache at %2: %3").arg(what, QDir::toNativeSeparators(m_path), detail);
    return false;
}

// IMMEDIATE takes the write lock up front. A deferred transaction that reads first and
// writes later fails at once (SQLITE_BUSY, no waiting) when the window's connection
// wrote in between; waiting for the lock at BEGIN is what the busy timeout is for.
bool MailCache::beginWrite(const QString &what)
{
    if (m_statements->control.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    return fail(what, m_statements->control.lastError().text());
}

bool MailCache::commitWrite(const QString &what)
{
    if (m_statements->control.exec(QStringLiteral("COMMIT")))
        return true;
    const QString detail = m_statements->control.lastError().text();
    rollbackWrite();
    return fail(what, detail);
}

void MailCache::rollbackWrite()
{
    m_statements->control.exec(QStringLiteral("ROLLBACK"));
}

// The folder's row id, or nullopt when there is no such folder; a database error sets
// m_lastError and also gives nullopt.
std::optional<qint64> MailCache::folderId(const QString &name)
{
    QSqlQuery &q = m_statements->folderId;
    q.bindValue(0, name);
    if (!q.exec()) {
        fail(QStringLiteral("look up %1").arg(folderLabel(name)), q.lastError().text());
        return std::nullopt;
    }
    std::optional<qint64> id;
    if (q.next())
        id = q.value(0).toLongLong();
    // A statement left mid-result keeps a read snapshot open, which would hold back
    // checkpoints and make the next write transaction fail as stale.
    q.finish();
    return id;
}

std::optional<CachedFolder> MailCache::folder(const QString &name, Count count)
{
    m_lastError.clear();
    QSqlQuery q(m_statements->db);
    q.setForwardOnly(true);
    // count(*) walks every row of the folder (~6 ms at 100,000); EXISTS stops at one.
    q.prepare(count == Count::Messages
            ? QStringLiteral("SELECT id, uidvalidity, uidnext, highestmodseq, exists_count, synced_at,"
                             " (SELECT count(*) FROM messages WHERE folder_id = folders.id)"
                             " FROM folders WHERE name = ?")
            : QStringLiteral("SELECT id, uidvalidity, uidnext, highestmodseq, exists_count, synced_at,"
                             " EXISTS (SELECT 1 FROM messages WHERE folder_id = folders.id)"
                             " FROM folders WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec()) {
        fail(QStringLiteral("read %1").arg(folderLabel(name)), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    CachedFolder f;
    f.id = q.value(0).toLongLong();
    f.uidValidity = q.value(1).toUInt();
    f.uidNext = q.value(2).toUInt();
    f.highestModSeq = q.value(3).toULongLong();
    f.exists = q.value(4).toUInt();
    f.syncedAt = dateTimeOrInvalid(q.value(5));
    f.messageCount = q.value(6).toLongLong();
    return f;
}

bool MailCache::resetFolder(const QString &name, quint32 uidValidity)
{
    ++m_messageWrites; // what unseenCount() remembers may be stale now
    m_lastError.clear();
    const QString what = QStringLiteral("reset %1").arg(folderLabel(name));
    if (!beginWrite(what))
        return false;
    QSqlQuery q(m_statements->db);
    // An UPSERT, not INSERT OR REPLACE: replacing the row would give the folder a new id.
    // UIDNEXT and HIGHESTMODSEQ are cleared with the messages: they were values of the old
    // UIDVALIDITY, and a stale HIGHESTMODSEQ would make a CONDSTORE resync skip changes.
    q.prepare(QStringLiteral("INSERT INTO folders (name, uidvalidity) VALUES (?, ?)"
                             " ON CONFLICT (name) DO UPDATE SET uidvalidity = excluded.uidvalidity,"
                             " uidnext = NULL, highestmodseq = NULL, exists_count = NULL, synced_at = NULL"));
    q.addBindValue(name);
    q.addBindValue(qint64(uidValidity));
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("DELETE FROM messages WHERE folder_id = (SELECT id FROM folders WHERE name = ?)"));
        q.addBindValue(name);
        ok = q.exec();
    }
    if (!ok) {
        const QString detail = q.lastError().text();
        rollbackWrite();
        return fail(what, detail);
    }
    return commitWrite(what);
}

bool MailCache::setFolderState(const QString &name, const Imap::MailboxState &state)
{
    m_lastError.clear();
    const QString what = QStringLiteral("record the state of %1").arg(folderLabel(name));
    if (!beginWrite(what))
        return false;
    QSqlQuery &lookup = m_statements->folderId;
    lookup.bindValue(0, name);
    if (!lookup.exec()) {
        const QString detail = lookup.lastError().text();
        rollbackWrite();
        return fail(what, detail);
    }
    if (!lookup.next()) {
        lookup.finish();
        rollbackWrite();
        return fail(what, QStringLiteral("the folder is not in the cache yet (resetFolder() records it)"));
    }
    const qint64 id = lookup.value(0).toLongLong();
    const quint32 recorded = lookup.value(1).toUInt();
    lookup.finish();
    if (state.uidValidity != 0 && state.uidValidity != recorded) {
        rollbackWrite();
        return fail(what,
            QStringLiteral("its UIDVALIDITY changed from %1 to %2 and the cached messages have not been reset")
                .arg(recorded)
                .arg(state.uidValidity));
    }
    QSqlQuery q(m_statements->db);
    q.prepare(QStringLiteral(
        "UPDATE folders SET uidnext = ?, highestmodseq = ?, exists_count = ?, synced_at = ? WHERE id = ?"));
    q.addBindValue(qint64(state.uidNext));
    q.addBindValue(static_cast<qint64>(state.highestModSeq));
    q.addBindValue(qint64(state.exists));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec()) {
        const QString detail = q.lastError().text();
        rollbackWrite();
        return fail(what, detail);
    }
    return commitWrite(what);
}

bool MailCache::removeFolder(const QString &name)
{
    ++m_messageWrites; // what unseenCount() remembers may be stale now
    m_lastError.clear();
    QSqlQuery q(m_statements->db);
    q.prepare(QStringLiteral("DELETE FROM folders WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return fail(QStringLiteral("remove %1").arg(folderLabel(name)), q.lastError().text());
    return true;
}

bool MailCache::storeSummariesQt(const QString &name, const QList<Imap::MessageSummary> &batch)
{
    m_lastError.clear();
    if (batch.isEmpty())
        return true;
    const QString what = QStringLiteral("store messages of %1").arg(folderLabel(name));
    if (!beginWrite(what))
        return false;
    const std::optional<qint64> id = folderId(name);
    if (!id) {
        rollbackWrite();
        if (!m_lastError.isEmpty())
            return false;
        return fail(what, QStringLiteral("the folder is not in the cache yet (resetFolder() records its UIDVALIDITY)"));
    }

    QSqlQuery &q = m_statements->insertMessage;
    RowBinder row(q);
    row.integer(0, *id);
    FlagTexts flagTexts;
    for (const Imap::MessageSummary &m : batch) {
        const Imap::Envelope &e = m.envelope;
        const Imap::Address *from = e.from.isEmpty() ? nullptr : &e.from.constFirst();
        // Unsigned values go in as qint64, as Qt would bind a quint64 as text. Both fit:
        // RFC822.SIZE is a number64 (RFC 9051 §4.2) and a mod-sequence is a 63-bit
        // value (RFC 7162, formal syntax).
        row.integer(1, qint64(m.uid));
        row.text(2, flagTexts.of(m.flags));
        row.integer(3, msecsOrNull(m.internalDate));
        row.integer(4, static_cast<qint64>(m.size));
        row.integer(5, static_cast<qint64>(m.modseq));
        row.integer(6, msecsOrNull(e.date));
        row.text(7, e.subject);
        row.text(8, from ? from->name : QString());
        row.text(9, from ? from->email : QString());
        row.text(10, displayList(e.to));
        row.text(11, displayList(e.cc));
        row.text(12, e.messageId.isEmpty() ? QString() : QString::fromUtf8(e.messageId));
        row.text(13, e.inReplyTo.isEmpty() ? QString() : QString::fromUtf8(e.inReplyTo));
        row.text(14, m.references.isEmpty() ? QString() : QString::fromUtf8(m.references));
        if (!q.exec()) {
            const QString detail = q.lastError().text();
            rollbackWrite();
            return fail(what, QStringLiteral("UID %1: %2").arg(m.uid).arg(detail));
        }
    }
    return commitWrite(what);
}

bool MailCache::updateFlags(const QString &name, const QList<Imap::FlagUpdate> &updates, FlagChanges *result)
{
    if (!updates.isEmpty())
        ++m_messageWrites; // what unseenCount() remembers may be stale now
    m_lastError.clear();
    if (result)
        *result = {};
    if (updates.isEmpty())
        return true;
    const QString what = QStringLiteral("update flags in %1").arg(folderLabel(name));
    if (!beginWrite(what))
        return false;
    const std::optional<qint64> id = folderId(name);
    if (!id) {
        rollbackWrite();
        return m_lastError.isEmpty(); // an unknown folder has no messages to update
    }
    QSqlQuery &q = m_statements->updateFlags;
    RowBinder row(q);
    row.integer(2, *id);
    FlagTexts flagTexts;
    int changed = 0;
    for (const Imap::FlagUpdate &u : updates) {
        const QString &flags = flagTexts.of(u.flags);
        const qint64 modseq = static_cast<qint64>(u.modseq);
        row.text(0, flags);
        row.integer(1, modseq);
        row.integer(3, qint64(u.uid));
        row.text(4, flags);
        row.integer(5, modseq);
        if (!q.exec()) {
            const QString detail = q.lastError().text();
            rollbackWrite();
            return fail(what, QStringLiteral("UID %1: %2").arg(u.uid).arg(detail));
        }
        changed += q.numRowsAffected();
    }
    if (!commitWrite(what))
        return false;
    if (result)
        result->changed = changed;
    return true;
}

bool MailCache::removeUids(const QString &name, const QList<quint32> &uids, int *removed)
{
    if (!uids.isEmpty())
        ++m_messageWrites; // what unseenCount() remembers may be stale now
    m_lastError.clear();
    if (removed)
        *removed = 0;
    if (uids.isEmpty())
        return true;
    const QString what = QStringLiteral("remove messages from %1").arg(folderLabel(name));
    if (!beginWrite(what))
        return false;
    const std::optional<qint64> id = folderId(name);
    if (!id) {
        rollbackWrite();
        return m_lastError.isEmpty();
    }
    QSqlQuery &q = m_statements->deleteMessage;
    q.bindValue(0, *id);
    int count = 0;
    for (const quint32 uid : uids) {
        q.bindValue(1, qint64(uid));
        if (!q.exec()) {
            const QString detail = q.lastError().text();
            rollbackWrite();
            return fail(what, QStringLiteral("UID %1: %2").arg(uid).arg(detail));
        }
        count += q.numRowsAffected();
    }
    if (!commitWrite(what))
        return false;
    if (removed)
        *removed = count;
    return true;
}

} // namespace Satchel::Store
