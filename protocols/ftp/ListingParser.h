#pragma once

#include "protocols/ftp/DirectoryEntry.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Satchel::Ftp {

// One line of an MLSD listing (RFC 3659 §7.2): "fact=value;fact=value; name". Fact names are
// case-insensitive (RFC 3659 §7.5); type= values are compared the same way. Understood facts: type
// (§7.5.1: file, dir, cdir, pdir, OS.unix=slink[:target] / OS.unix=symlink), size (§7.5.2),
// sizd (directory size, from the MLST drafts; used when there is no size), modify (§7.5.3, a
// time-val of §2.3, always UTC), perm (§7.5.6) and UNIX.mode (used when there is no perm).
// The name is everything after the first space (it may hold spaces and semicolons).
// Returns nullopt for cdir/pdir entries, for "." and "..", and for lines that are not MLSD
// (no space, a fact without '=', an empty name). An unreadable size or modify value leaves
// that field unknown rather than dropping the entry. A trailing CR/LF is ignored.
std::optional<DirectoryEntry> parseMlsdLine(const QByteArray &line);

// One line of LIST output. RFC 959 §4.1.3 leaves the format to the server, so this reads the
// two formats servers actually send:
// - Unix "ls -l" (POSIX ls STDOUT): mode, links, owner, [group], size or "major, minor",
//   "Mon dd hh:mm" or "Mon dd  yyyy", name; symlinks as "name -> target". A date without a year
//   gets the latest year that puts it no more than one day after `now` (ls prints the time only
//   for recent, non-future dates; the day absorbs time zones and clock skew). With an invalid
//   `now` such a date is left unknown.
// - DOS/IIS: "MM-DD-YY[YY]  hh:mmAM|PM  <DIR>|size  name"; two-digit years 70-99 are 19xx,
//   00-69 are 20xx.
// LIST dates are the server's wall-clock time, stored as UTC because the zone is not sent.
// Returns nullopt for "total N" lines, for "." and "..", and for anything in neither format
// (it does not guess). A trailing CR/LF is ignored.
std::optional<DirectoryEntry> parseListLine(const QByteArray &line, const QDateTime &now);

// `name` if it is safe as ONE local path component, otherwise an empty string meaning
// "refuse this entry": empty, ".", "..", or containing '/', '\\', NUL or another control
// character (below 0x20, or 0x7f). It refuses rather than rewrites, so that "../x" in a
// listing can never silently become some other local name.
QString sanitizeRemoteName(const QString &name);

} // namespace Satchel::Ftp
