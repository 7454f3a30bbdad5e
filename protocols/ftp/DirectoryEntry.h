#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Satchel::Ftp {

// One entry of a remote directory listing, from MLSD (RFC 3659 §7) or LIST (RFC 959 §4.1.3,
// whose format is whatever the server's system produces; see ListingParser.h).
struct DirectoryEntry {
    enum class Type { File, Directory, Link, Other };

    QString name; // as the server sent it (already decoded from UTF-8); not yet safe as a local name
    Type type = Type::Other;
    qint64 size = -1; // -1 unknown
    QDateTime modified; // UTC when known (MLSD modify=, or LIST dates); invalid if unknown
    QString permissions; // "rwxr-xr-x" style or MLSD perm= / unix.mode, as given
    QString linkTarget; // for symlinks in LIST ("name -> target") or MLSD OS.unix=slink:target
};

} // namespace Satchel::Ftp

Q_DECLARE_METATYPE(Satchel::Ftp::DirectoryEntry)
