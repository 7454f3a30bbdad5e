#pragma once

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace Satchel::Store {

// The sqlite3 handle behind a Qt SQLite connection (Qt documents driver()->handle()
// as "sqlite3*" for QSQLITE), for the hot paths that step their own statements instead
// of paying QSqlQuery's QVariant per value. Null when the driver is something else.
inline sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace Satchel::Store
