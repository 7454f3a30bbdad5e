// MailCache: opening the connection and creating or checking the schema (the format
// version, the pragmas, WAL), preparing the shared statements, and closing it again.
#include "protocols/store/MailCache.h"
#include "protocols/store/MailCachePrivate.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

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
    " refs TEXT, PRIMARY KEY (folder_id, uid)) WITHOUT ROWID",
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

} // namespace

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

    // Runs body in an IMMEDIATE transaction (the write lock from the start), so what it
    // reads again inside cannot change before it writes; on failure rolls back and keeps
    // the first error.
    const auto immediately = [&](const auto &body) {
        if (!run(QStringLiteral("BEGIN IMMEDIATE")))
            return false;
        if (body() && run(QStringLiteral("COMMIT")))
            return true;
        const QString kept = *error;
        q.exec(QStringLiteral("ROLLBACK"));
        *error = kept;
        return false;
    };

    // The version read again inside: two instances opening a new file at once create
    // the schema once.
    if (version == 0 && !immediately([&] {
            if (!readVersion(&version))
                return false;
            if (version > SchemaVersion) {
                tooNew(version);
                return false;
            }
            if (version != 0)
                return true;
            for (const char *statement : schemaStatements) {
                if (!run(QString::fromLatin1(statement)))
                    return false;
            }
            return run(QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion));
        }))
        return false;

    // A file made before the queue existed gets its table here (see pendingChangesTable).
    // When the table is there this reads the schema and writes nothing.
    if (!run(QString::fromLatin1(pendingChangesTable)))
        return false;
    // "refs" (the References field, for threads) came later too, in the same way: a
    // column that version 1 readers never name. Rows stored before keep NULL: they thread
    // by In-Reply-To until the folder is fetched from the start again.
    // Checked again inside the transaction, so two instances opening an old file at
    // once add it once.
    const auto hasRefs = [&](bool *has) {
        if (!run(QStringLiteral("SELECT count(*) FROM pragma_table_info('messages') WHERE name = 'refs'")) || !q.next())
            return false;
        *has = q.value(0).toInt() > 0;
        q.finish();
        return true;
    };
    bool refs = false;
    if (!hasRefs(&refs))
        return false;
    if (!refs && !immediately([&] {
            return hasRefs(&refs) && (refs || run(QStringLiteral("ALTER TABLE messages ADD COLUMN refs TEXT")));
        }))
        return false;

    Statements &s = *m_statements;
    s.control.setForwardOnly(true);
    s.folderId.setForwardOnly(true);
    const bool prepared = s.folderId.prepare(QStringLiteral("SELECT id, uidvalidity FROM folders WHERE name = ?"))
        && s.insertMessage.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO messages (folder_id, uid, flags, internaldate, size, modseq, date, subject,"
            " from_name, from_email, recipients, cc, message_id, in_reply_to, refs)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
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

} // namespace Satchel::Store
