#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringView>

namespace Satchel::Cli {

// Writes JSON text directly into a byte buffer, for outputs with very many records
// (a 100,000-entry directory): building QJsonObjects and a QJsonDocument for them
// costs more than the transfer itself. Produces what QJsonDocument::Compact would.
namespace JsonStream {

// A JSON string (RFC 8259 §7): quotes, backslash and control characters escaped,
// everything else as UTF-8.
void appendString(QByteArray &out, QStringView text);
// A date-time in ISO 8601 (UTC with "Z"), or null when invalid.
void appendDateTime(QByteArray &out, const QDateTime &dateTime);

} // namespace JsonStream

} // namespace Satchel::Cli
