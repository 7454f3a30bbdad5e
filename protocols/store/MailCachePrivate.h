// Internal to the MailCache files (MailCache.cpp, MailCacheSchema.cpp, MailCacheBulkInsert.cpp,
// MailCacheMessageReads.cpp, MailCacheQueue.cpp), which together define Satchel::Store::MailCache:
// the prepared statements of a connection and the column helpers that several of them need.
// Include it from nowhere else.
#pragma once

#include "protocols/store/MailCache.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>
#include <sqlite3.h>

namespace Satchel::Store {

inline QString folderLabel(const QString &name)
{
    return QStringLiteral("folder \"%1\"").arg(name);
}

inline std::optional<qint64> msecsOrNull(const QDateTime &dateTime)
{
    return dateTime.isValid() ? std::optional<qint64>(dateTime.toMSecsSinceEpoch()) : std::nullopt;
}

inline QDateTime dateTimeOrInvalid(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// \Recent belongs to one session (RFC 3501 §2.3.2; gone in RFC 9051): stored, it
// would go stale at once, so the cache never keeps it.
inline bool isSessionFlag(const QByteArray &flag)
{
    return flag.compare("\\Recent", Qt::CaseInsensitive) == 0;
}

inline QString flagsText(const QList<QByteArray> &flags)
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

inline QList<QByteArray> flagsFromText(const QString &text)
{
    QList<QByteArray> flags;
    for (QStringView flag : QStringView(text).tokenize(u' ', Qt::SkipEmptyParts))
        flags.append(flag.toUtf8());
    return flags;
}

// "Name <a@b>, c@d" as Address::display() spells each address.
inline QString displayList(const QList<Imap::Address> &addresses)
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

} // namespace Satchel::Store
