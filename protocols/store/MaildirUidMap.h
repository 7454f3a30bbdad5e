#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace Satchel::Store {

// The UID map file of a MaildirIndex (its format is described there): the UID the next
// new message gets, and the UID of every message by its unique name.
struct MaildirUidMap {
    quint64 nextUid = 1;
    QList<std::pair<quint32, QString>> names; // UID and unique name; no UID or name twice
};

// Reads the map at path into *map, names in the order of the file. A missing file is an
// empty map (the first scan of this Maildir), and so is an empty one. Damaged lines are
// skipped (those messages get new UIDs). Fails, in words, when the file cannot be read,
// is not a map, or has a format this version cannot read.
bool readMaildirUidMap(const QString &path, MaildirUidMap *map, QString *error);
// Writes the map whole and atomically (creating its folder), names in the order given:
// by UID, as MaildirIndex keeps them.
bool writeMaildirUidMap(const QString &path, const MaildirUidMap &map, QString *error);

} // namespace Satchel::Store
