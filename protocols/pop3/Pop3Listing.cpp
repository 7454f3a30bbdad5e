#include "protocols/pop3/Pop3Listing.h"

namespace Satchel::Pop3 {

namespace {

// Splits "a b [rest]" on single spaces; the first two fields must be present.
bool twoFields(const QByteArray &line, QByteArray *first, QByteArray *second)
{
    const qsizetype space = line.indexOf(' ');
    if (space <= 0) {
        return false;
    }
    *first = line.left(space);
    QByteArray rest = line.mid(space + 1);
    const qsizetype next = rest.indexOf(' ');
    *second = next < 0 ? rest : rest.left(next);
    return !second->isEmpty();
}

bool isDigits(const QByteArray &s)
{
    return !s.isEmpty() && s.size() <= 18
        && std::all_of(s.cbegin(), s.cend(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

bool isValidUidl(const QByteArray &uidl)
{
    return !uidl.isEmpty() && uidl.size() <= 70
        && std::all_of(uidl.cbegin(), uidl.cend(), [](char c) { return c >= 0x21 && c <= 0x7e; });
}

std::optional<ListEntry> parseListLine(const QByteArray &line)
{
    QByteArray number;
    QByteArray size;
    if (!twoFields(line, &number, &size) || !isDigits(number) || !isDigits(size)) {
        return std::nullopt;
    }
    const int n = number.toInt();
    if (n <= 0) {
        return std::nullopt;
    }
    return ListEntry{n, size.toLongLong()};
}

std::optional<ListEntry> parseStatText(const QByteArray &text)
{
    QByteArray count;
    QByteArray size;
    if (!twoFields(text, &count, &size) || !isDigits(count) || !isDigits(size)) {
        return std::nullopt;
    }
    return ListEntry{count.toInt(), size.toLongLong()};
}

std::optional<UidlEntry> parseUidlLine(const QByteArray &line)
{
    QByteArray number;
    QByteArray uidl;
    if (!twoFields(line, &number, &uidl) || !isDigits(number) || !isValidUidl(uidl)) {
        return std::nullopt;
    }
    const int n = number.toInt();
    if (n <= 0) {
        return std::nullopt;
    }
    return UidlEntry{n, uidl};
}

} // namespace Satchel::Pop3
