#pragma once

#include <QString>

namespace Satchel::Mime {

// format=flowed (RFC 3676 §4.2): a line ending in a space continues on the next line
// of the same quote depth; "-- " is a signature separator, never flowed; a leading
// space is stuffing (§4.4) and is removed; with DelSp=yes the soft-break space itself
// is deleted (§4.3).
QString decodeFlowed(const QString &text, bool delSp);

// How many '>' quote markers start a line (RFC 3676 §4.5 style, spaces allowed between).
int quoteDepth(const QString &line);

// Plain text as HTML for the reader: escaped, quoted lines in blockquotes by depth,
// http(s) and mailto links made clickable. Nothing from the text becomes markup.
QString plainTextToHtml(const QString &text);

// A readable text version of an HTML body (for people who prefer plain text and for
// the command line): tags dropped, block ends as line breaks, common entities decoded.
QString htmlToPlainText(const QString &html);

} // namespace Satchel::Mime
