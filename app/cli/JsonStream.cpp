#include "app/cli/JsonStream.h"

#include <QTimeZone>

namespace Satchel::Cli::JsonStream {

void appendString(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (u < 0x20) {
                out.append("\\u00").append(hex[u >> 4]).append(hex[u & 15]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void appendDateTime(QByteArray &out, const QDateTime &dateTime)
{
    if (!dateTime.isValid()) {
        out.append("null");
        return;
    }
    const QDateTime utc = dateTime.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    if (d.year() < 0 || d.year() > 9999) {
        appendString(out, dateTime.toString(Qt::ISODate));
        return;
    }
    char text[24];
    std::snprintf(text, sizeof text, "\"%04d-%02d-%02dT%02d:%02d:%02dZ\"", d.year(), d.month(), d.day(), t.hour(),
        t.minute(), t.second());
    out.append(text);
}

} // namespace Satchel::Cli::JsonStream
