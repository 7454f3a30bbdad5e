#include "protocols/store/MailCache.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <array>
#include <sqlite3.h>

namespace Satchel::Store {

namespace {

// Version 1. Times are milliseconds since the epoch, UTC. "flags" is the server's flags
// joined by spaces, '' when there are none (never NULL, so LIKE tests on it work).
// WITHOUT ROWID: the (folder_id, uid) key is the only way rows are looked up, and the
// rows are then stored in key order, which is UID order inside a folder.
const char *const schemaStatements[] = {
    "CREATE TABLE folders (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, uidvalidity INTEGER,"
    " uidnext INTEGER, highestmodseq INTEGER, exists_count INTEGER, synced_at INTEGER)",
    "CREATE TABLE messages (folder_id INTEGER REFERENCES folders(id) ON DELETE CASCADE, uid INTEGER,"
    " flags TEXT, internaldate INTEGER, size INTEGER, modseq INTEGER, date INTEGER, subject TEXT,"
    " from_name TEXT, from_email TEXT, recipients TEXT, cc TEXT, message_id TEXT, in_reply_to TEXT,"
    " PRIMARY KEY (folder_id, uid)) WITHOUT ROWID",
    // The message list sorted by date, per folder.
    "CREATE INDEX messages_by_date ON messages (folder_id, date)",
};

// The offline change queue (Imap::PendingChanges), one row per change, in seq order.
// Lists are joined by spaces like "flags" above: UIDs in decimal, flags as given (IMAP
// flags are atoms, RFC 9051 §9, so they hold no space). '' rather than NULL for an empty
// list or no destination. AUTOINCREMENT: a seq is never given twice, so one that the
// queue holds in memory cannot come to name a later change.
// Added after version 1 was out, as a table that readers of version 1 do not look at:
// created by every open when missing, and the format keeps its number (a higher one
// would make an older Satchel refuse the whole cache for a table it does not use).
const char *const pendingChangesTable
    = "CREATE TABLE IF NOT EXISTS pending_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind INTEGER NOT NULL,"
      " folder TEXT NOT NULL, uids TEXT NOT NULL, flags_add TEXT NOT NULL, flags_remove TEXT NOT NULL,"
      " destination TEXT NOT NULL)";

QString folderLabel(const QString &name)
{
    return QStringLiteral("folder \"%1\"").arg(name);
}

std::optional<qint64> msecsOrNull(const QDateTime &dateTime)
{
    return dateTime.isValid() ? std::optional<qint64>(dateTime.toMSecsSinceEpoch()) : std::nullopt;
}

QDateTime dateTimeOrInvalid(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// \Recent belongs to one session (RFC 3501 §2.3.2; gone in RFC 9051): stored, it
// would go stale at once, so the cache never keeps it.
bool isSessionFlag(const QByteArray &flag)
{
    return flag.compare("\\Recent", Qt::CaseInsensitive) == 0;
}

QString flagsText(const QList<QByteArray> &flags)
{
    // Not a null QString: a NULL column would make "flags LIKE ..." NULL as well.
    QString text = QStringLiteral("");
    for (const QByteArray &flag : flags) {
        if (isSessionFlag(flag))
            continue;
        if (!text.isEmpty())
            text += u' ';
        text += QString::fromUtf8(flag);
    }
    return text;
}

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

QList<QByteArray> flagsFromText(const QString &text)
{
    QList<QByteArray> flags;
    for (QStringView flag : QStringView(text).tokenize(u' ', Qt::SkipEmptyParts))
        flags.append(flag.toUtf8());
    return flags;
}

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

// "Name <a@b>, c@d" as Address::display() spells each address.
QString displayList(const QList<Imap::Address> &addresses)
{
    // The common single bare address shares the envelope's string instead of copying it.
    if (addresses.size() == 1 && addresses.constFirst().name.isEmpty())
        return addresses.constFirst().email;
    QString text;
    for (const Imap::Address &address : addresses) {
        const QString shown = address.display();
        if (shown.isEmpty())
            continue;
        if (!text.isEmpty())
            text += QStringLiteral(", ");
        text += shown;
    }
    return text;
}

Imap::Address addressFromDisplay(QStringView shown)
{
    Imap::Address address;
    if (shown.endsWith(u'>')) {
        const qsizetype open = shown.lastIndexOf(u'<');
        if (open >= 0) {
            address.name = shown.first(open).trimmed().toString();
            address.email = shown.sliced(open + 1, shown.size() - open - 2).toString();
            return address;
        }
    }
    address.email = shown.toString();
    return address;
}

// The inverse of displayList(), as far as it goes: a display name may itself contain
// ", ", so a piece ends at a separator only when it looks like a whole address (ends
// in '>', or is a bare a@b). A bare address without '@' next to another is misread.
QList<Imap::Address> addressesFromDisplay(const QString &text)
{
    QList<Imap::Address> addresses;
    const QStringView all(text);
    qsizetype start = 0;
    qsizetype searchFrom = 0;
    while (start < all.size()) {
        const qsizetype separator = all.indexOf(u", ", searchFrom);
        const qsizetype end = separator < 0 ? all.size() : separator;
        const QStringView piece = all.sliced(start, end - start);
        const bool whole = separator < 0 || piece.endsWith(u'>')
            || (piece.contains(u'@') && !piece.contains(u' ') && !piece.contains(u'<'));
        if (!whole) {
            searchFrom = separator + 2;
            continue;
        }
        if (!piece.isEmpty())
            addresses.append(addressFromDisplay(piece));
        start = searchFrom = end + 2;
    }
    return addresses;
}

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

// Statements prepared once per connection: the write paths run them per message.
struct MailCache::Statements {
    explicit Statements(const QSqlDatabase &database)
        : db(database)
        , control(db)
        , folderId(db)
        , insertMessage(db)
        , updateFlags(db)
        , deleteMessage(db)
    { }

    QSqlDatabase db;
    QSqlQuery control; // BEGIN / COMMIT / ROLLBACK
    QSqlQuery folderId;
    QSqlQuery insertMessage;
    QSqlQuery updateFlags;
    QSqlQuery deleteMessage;
    // The hot path of a first sync (100,000 rows) goes to SQLite directly: Qt's
    // bindValue/exec cost ~3 us a row in QVariant traffic alone.
    sqlite3_stmt *rawInsert = nullptr;

    ~Statements()
    {
        if (rawInsert) {
            sqlite3_finalize(rawInsert);
        }
    }
};

MailCache::MailCache(const QString &path)
    : m_path(path)
    , m_connectionName(QStringLiteral("mail-cache-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

MailCache::~MailCache()
{
    // The queries and the QSqlDatabase copy must be gone before the connection is removed,
    // or Qt warns that it is still in use.
    m_statements.reset();
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

std::unique_ptr<MailCache> MailCache::open(const QString &path, QString *error)
{
    std::unique_ptr<MailCache> cache(new MailCache(path));
    QString why;
    if (!cache->openDatabase(&why) || !cache->createOrCheckSchema(&why)) {
        if (error)
            *error = QStringLiteral("cannot open the mail cache at %1: %2").arg(QDir::toNativeSeparators(path), why);
        return nullptr;
    }
    return cache;
}

bool MailCache::openDatabase(QString *error)
{
    // SQLite's own word for all of these is "unable to open database file"; say which.
    const QFileInfo file(m_path);
    const QFileInfo dir(file.absolutePath());
    if (!dir.exists()) {
        *error = QStringLiteral("the folder %1 does not exist").arg(QDir::toNativeSeparators(dir.filePath()));
        return false;
    }
    if (!dir.isDir()) {
        *error = QStringLiteral("%1 is a file, not a folder").arg(QDir::toNativeSeparators(dir.filePath()));
        return false;
    }
    if (file.exists() && (!file.isFile() || !file.isWritable())) {
        *error = file.isFile() ? QStringLiteral("the file is read-only") : QStringLiteral("it is not a file");
        return false;
    }
    if (!file.exists() && !dir.isWritable()) {
        *error = QStringLiteral("cannot create files in %1").arg(QDir::toNativeSeparators(dir.filePath()));
        return false;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid()) {
        *error = QStringLiteral("the Qt SQLite driver (QSQLITE) is not available");
        return false;
    }
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    m_statements = std::make_unique<Statements>(db);
    return true;
}

bool MailCache::createOrCheckSchema(QString *error)
{
    QSqlQuery q(m_statements->db);
    const auto run = [&](const QString &statement) {
        if (q.exec(statement))
            return true;
        *error = q.lastError().text();
        return false;
    };
    const auto readVersion = [&](int *version) {
        if (!run(QStringLiteral("PRAGMA user_version")) || !q.next()) {
            if (error->isEmpty())
                *error = QStringLiteral("it is not an SQLite database");
            return false;
        }
        *version = q.value(0).toInt();
        q.finish();
        return true;
    };
    const auto tooNew = [&](int version) {
        *error = QStringLiteral("it was written by a newer version of Satchel (format %1; this version reads up to %2)")
                     .arg(version)
                     .arg(SchemaVersion);
    };

    // Before anything writes to the file: a newer format is left exactly as it is.
    int version = 0;
    if (!readVersion(&version))
        return false;
    if (version > SchemaVersion) {
        tooNew(version);
        return false;
    }

    // WAL: the mail window reads while the engine writes. synchronous=NORMAL: in WAL a
    // crash loses at most the last transactions, never consistency, and this is a cache
    // the next sync refills. foreign_keys is off by default in every new connection.
    // 16 MiB of page cache instead of 2: a first sync of a big folder writes tens of MiB
    // in one transaction, and with the default cache SQLite spills and rewrites pages
    // mid-transaction (this halves the time to store 100,000 messages).
    if (!run(QStringLiteral("PRAGMA journal_mode=WAL")) || !run(QStringLiteral("PRAGMA synchronous=NORMAL"))
        || !run(QStringLiteral("PRAGMA foreign_keys=ON")) || !run(QStringLiteral("PRAGMA cache_size=-16384")))
        return false;

    if (version == 0) {
        // IMMEDIATE, and the version read again inside: two instances opening a new file
        // at once create the schema once.
        if (!run(QStringLiteral("BEGIN IMMEDIATE")))
            return false;
        const auto abandon = [&] {
            const QString kept = *error;
            q.exec(QStringLiteral("ROLLBACK"));
            *error = kept;
            return false;
        };
        if (!readVersion(&version))
            return abandon();
        if (version > SchemaVersion) {
            tooNew(version);
            return abandon();
        }
        if (version == 0) {
            for (const char *statement : schemaStatements) {
                if (!run(QString::fromLatin1(statement)))
                    return abandon();
            }
            if (!run(QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion)))
                return abandon();
        }
        if (!run(QStringLiteral("COMMIT")))
            return abandon();
    }

    // A file made before the queue existed gets its table here (see pendingChangesTable).
    // When the table is there this reads the schema and writes nothing.
    if (!run(QString::fromLatin1(pendingChangesTable)))
        return false;

    Statements &s = *m_statements;
    s.control.setForwardOnly(true);
    s.folderId.setForwardOnly(true);
    const bool prepared = s.folderId.prepare(QStringLiteral("SELECT id, uidvalidity FROM folders WHERE name = ?"))
        && s.insertMessage.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO messages (folder_id, uid, flags, internaldate, size, modseq, date, subject,"
            " from_name, from_email, recipients, cc, message_id, in_reply_to)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        // The WHERE clause leaves rows that would not change alone, so the count of rows
        // affected is the count of real changes. A message's mod-sequence only grows (RFC 7162).
        && s.updateFlags.prepare(
            QStringLiteral("UPDATE messages SET flags = ?, modseq = max(coalesce(modseq, 0), ?)"
                           " WHERE folder_id = ? AND uid = ? AND (flags IS NOT ? OR coalesce(modseq, 0) < ?)"))
        && s.deleteMessage.prepare(QStringLiteral("DELETE FROM messages WHERE folder_id = ? AND uid = ?"));
    if (!prepared) {
        for (const QSqlQuery *query : { &s.folderId, &s.insertMessage, &s.updateFlags, &s.deleteMessage }) {
            if (query->lastError().isValid()) {
                *error = query->lastError().text();
                break;
            }
        }
        return false;
    }
    return true;
}

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
    m_lastError.clear();
    QSqlQuery q(m_statements->db);
    q.prepare(QStringLiteral("DELETE FROM folders WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return fail(QStringLiteral("remove %1").arg(folderLabel(name)), q.lastError().text());
    return true;
}

namespace {

// The sqlite3 handle behind a Qt SQLite connection (Qt documents driver()->handle()
// as "sqlite3*" for QSQLITE). Null when the driver is something else.
sqlite3 *rawHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(handle.constData());
}

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
    if (sqlite3 *db = rawHandle(m_statements->db)) {
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
               " subject, from_name, from_email, recipients, cc, message_id, in_reply_to)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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

QList<quint32> MailCache::uids(const QString &name)
{
    m_lastError.clear();
    QList<quint32> result;
    QSqlQuery q(m_statements->db);
    // Forward-only: otherwise Qt's SQLite result caches every row it has read.
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT uid FROM messages WHERE folder_id = (SELECT id FROM folders WHERE name = ?)"
                             " ORDER BY uid"));
    q.addBindValue(name);
    if (!q.exec()) {
        fail(QStringLiteral("read the UIDs of %1").arg(folderLabel(name)), q.lastError().text());
        return result;
    }
    while (q.next())
        result.append(q.value(0).toUInt());
    return result;
}

QHash<quint32, QList<QByteArray>> MailCache::flagsByUid(const QString &name)
{
    m_lastError.clear();
    QHash<quint32, QList<QByteArray>> result;
    QSqlQuery q(m_statements->db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT uid, flags FROM messages WHERE folder_id = (SELECT id FROM folders WHERE name = ?)"));
    q.addBindValue(name);
    if (!q.exec()) {
        fail(QStringLiteral("read the flags of %1").arg(folderLabel(name)), q.lastError().text());
        return result;
    }
    // Same idea as in storeSummaries(): parse each distinct flags text once.
    QHash<QString, QList<QByteArray>> parsed;
    while (q.next()) {
        const QString text = q.value(1).toString();
        auto flags = parsed.constFind(text);
        if (flags == parsed.constEnd())
            flags = parsed.insert(text, flagsFromText(text));
        result.insert(q.value(0).toUInt(), *flags);
    }
    return result;
}

QList<Imap::MessageSummary> MailCache::summaries(const QString &name, int limit)
{
    m_lastError.clear();
    QList<Imap::MessageSummary> result;
    QSqlQuery q(m_statements->db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT uid, flags, internaldate, size, modseq, date, subject, from_name, from_email,"
                             " recipients, cc, message_id, in_reply_to FROM messages"
                             " WHERE folder_id = (SELECT id FROM folders WHERE name = ?) ORDER BY uid DESC LIMIT ?"));
    q.addBindValue(name);
    q.addBindValue(limit < 0 ? -1 : limit); // SQLite: a negative LIMIT is no limit
    if (!q.exec()) {
        fail(QStringLiteral("read the messages of %1").arg(folderLabel(name)), q.lastError().text());
        return result;
    }
    while (q.next()) {
        Imap::MessageSummary m;
        m.uid = q.value(0).toUInt();
        m.flags = flagsFromText(q.value(1).toString());
        m.internalDate = dateTimeOrInvalid(q.value(2));
        m.size = q.value(3).toULongLong();
        m.modseq = q.value(4).toULongLong();
        m.envelope.date = dateTimeOrInvalid(q.value(5));
        m.envelope.subject = q.value(6).toString();
        const QString fromName = q.value(7).toString();
        const QString fromEmail = q.value(8).toString();
        if (!fromName.isEmpty() || !fromEmail.isEmpty())
            m.envelope.from.append(Imap::Address { fromName, fromEmail });
        m.envelope.to = addressesFromDisplay(q.value(9).toString());
        m.envelope.cc = addressesFromDisplay(q.value(10).toString());
        m.envelope.messageId = q.value(11).toString().toUtf8();
        m.envelope.inReplyTo = q.value(12).toString().toUtf8();
        result.append(m);
    }
    return result;
}

qint64 MailCache::unseenCount(const QString &name)
{
    m_lastError.clear();
    QSqlQuery q(m_statements->db);
    q.setForwardOnly(true);
    // Spaces around the text make " \Seen " match whole flags only; LIKE ignores ASCII
    // case, as IMAP does for flags.
    q.prepare(QStringLiteral("SELECT count(*) FROM messages WHERE folder_id = (SELECT id FROM folders WHERE name = ?)"
                             " AND (' ' || coalesce(flags, '') || ' ') NOT LIKE '% \\Seen %'"));
    q.addBindValue(name);
    if (!q.exec() || !q.next()) {
        fail(QStringLiteral("count the unread messages of %1").arg(folderLabel(name)), q.lastError().text());
        return 0;
    }
    return q.value(0).toLongLong();
}

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

bool MailCache::hasFlag(QStringView flagsText, QStringView flag)
{
    for (QStringView token : flagsText.tokenize(u' ', Qt::SkipEmptyParts)) {
        if (token.compare(flag, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace Satchel::Store
