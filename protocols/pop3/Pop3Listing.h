#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace Satchel::Pop3 {

// One line of a LIST or UIDL listing (RFC 1939 §5 LIST, §7 UIDL): "msg-number size"
// or "msg-number unique-id". A unique-id is 1 to 70 characters in 0x21..0x7E.
struct ListEntry {
    int number = 0;
    qint64 size = 0;
};
struct UidlEntry {
    int number = 0;
    QByteArray uidl;
};

std::optional<ListEntry> parseListLine(const QByteArray &line);
std::optional<UidlEntry> parseUidlLine(const QByteArray &line);
// "count size" of a STAT reply's text (RFC 1939 §5 STAT).
std::optional<ListEntry> parseStatText(const QByteArray &text);

bool isValidUidl(const QByteArray &uidl);

} // namespace Satchel::Pop3
