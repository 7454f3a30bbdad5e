#pragma once

#include <QString>

namespace Satchel::Mime {

// A file name that came from a message (Content-Disposition filename, Content-Type
// name, RFC 2231) made safe to create in a folder the person chose: the last path
// component only, no control or bidirectional-formatting characters, none of
// <>:"/\|?*, no leading or trailing dots and spaces (so never "." or ".."), no
// reserved device name (CON, NUL, COM1, ...), at most 200 bytes of UTF-8 with the
// extension kept. Empty results become `fallback`.
QString sanitizeFileName(const QString &name, const QString &fallback = QStringLiteral("attachment"));

// `dir`/`name`, or `dir`/"stem (2).ext" and so on when that exists: never overwrites.
QString uniqueFilePath(const QString &dir, const QString &name);

} // namespace Satchel::Mime
