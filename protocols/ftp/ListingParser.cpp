#include "protocols/ftp/ListingParser.h"

#include <QList>
#include <QTime>

#include <algorithm>
#include <limits>

namespace Satchel::Ftp {

namespace {

using Type = DirectoryEntry::Type;

// How far after `now` a Unix LIST date without a year may lie and still count as this year.
// ls prints "Mon dd hh:mm" only for times in the past six months (POSIX ls, STDOUT; GNU ls,
// vsftpd and ProFTPD print a year for future times), so anything later than time zones
// (server wall-clock against UTC) and clock skew explain belongs to an earlier year.
constexpr qint64 kFutureSlackSeconds = 24 * 60 * 60;

const auto isBlank = [](char c) { return c == ' ' || c == '\t'; };
// "." and ".." name the listed directory and its parent, never an entry of it.
const auto isDotOrDotDot = [](const QByteArray &name) { return name == "." || name == ".."; };

QByteArray withoutLineEnd(const QByteArray &line)
{
    qsizetype end = line.size();
    while (end > 0 && (line.at(end - 1) == '\r' || line.at(end - 1) == '\n')) {
        --end;
    }
    return line.left(end);
}

bool isDigits(QByteArrayView s, qsizetype maxLength = 18)
{
    return !s.isEmpty() && s.size() <= maxLength
        && std::all_of(s.cbegin(), s.cend(), [](char c) { return c >= '0' && c <= '9'; });
}

// RFC 3659 §2.3: time-val = 14DIGIT [ "." 1*DIGIT ], always UTC. An invalid QDateTime for
// anything else, including a leap second (QTime has no second 60).
int digitsValue(QByteArrayView digits)
{
    int value = 0;
    for (const char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

bool allDigits(QByteArrayView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// time-val (RFC 3659 §2.3): YYYYMMDDHHMMSS[.sss...], UTC.
QDateTime parseTimeVal(QByteArrayView value)
{
    if (value.size() < 14) {
        return {};
    }
    const QByteArrayView whole = value.first(14);
    const QByteArrayView fraction = value.size() > 15 ? value.sliced(15) : QByteArrayView();
    if (!allDigits(whole)
        || (value.size() > 14 && (value.at(14) != '.' || fraction.size() > 64 || !allDigits(fraction)))) {
        return {};
    }
    int msec = 0;
    for (qsizetype i = 0; i < 3; ++i) {
        msec = msec * 10 + (i < fraction.size() ? fraction.at(i) - '0' : 0);
    }
    const QDate date(digitsValue(whole.sliced(0, 4)), digitsValue(whole.sliced(4, 2)), digitsValue(whole.sliced(6, 2)));
    const QTime time(
        digitsValue(whole.sliced(8, 2)), digitsValue(whole.sliced(10, 2)), digitsValue(whole.sliced(12, 2)), msec);
    return date.isValid() && time.isValid() ? QDateTime(date, time, Qt::UTC) : QDateTime();
}

// A blank-separated field of a LIST line and the index just past it in the line.
struct Field {
    QByteArrayView text; // into the line, which outlives its fields
    qsizetype end = 0;
};

// The first `maxFields` fields; whatever follows stays in the line for the name.
QList<Field> splitFields(QByteArrayView line, qsizetype maxFields)
{
    QList<Field> fields;
    qsizetype i = 0;
    while (fields.size() < maxFields) {
        while (i < line.size() && isBlank(line.at(i))) {
            ++i;
        }
        if (i >= line.size()) {
            break;
        }
        const qsizetype begin = i;
        while (i < line.size() && !isBlank(line.at(i))) {
            ++i;
        }
        fields.append(Field { line.sliced(begin, i - begin), i });
    }
    return fields;
}

// "hh:mm" or "h:mm", 24-hour.
std::optional<QTime> parseClock(QByteArrayView text)
{
    const qsizetype colon = text.indexOf(':');
    if (colon < 1 || colon > 2 || text.size() != colon + 3 || !isDigits(text.first(colon))
        || !isDigits(text.sliced(colon + 1))) {
        return std::nullopt;
    }
    const QTime time(text.first(colon).toInt(), text.sliced(colon + 1).toInt());
    return time.isValid() ? std::optional<QTime>(time) : std::nullopt;
}

// English three-letter month abbreviation (ls in the C locale), 1-12; 0 if it is none.
int monthNumber(QByteArrayView text)
{
    static constexpr const char *months[]
        = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
    if (text.size() != 3) {
        return 0;
    }
    for (int i = 0; i < 12; ++i) {
        if (text.compare(months[i], Qt::CaseInsensitive) == 0) {
            return i + 1;
        }
    }
    return 0;
}

// The ls mode field: a file type and nine permission characters, optionally followed by one
// alternate-access marker ('+' ACL, '.' SELinux context, '@' macOS extended attributes).
bool isUnixMode(QByteArrayView mode)
{
    if (!(mode.size() == 10 || (mode.size() == 11 && QByteArrayLiteral("+.@").contains(mode.at(10))))
        || !QByteArrayLiteral("-dlbcpsD").contains(mode.at(0))) {
        return false;
    }
    static const QByteArray allowed[3]
        = { QByteArrayLiteral("r-"), QByteArrayLiteral("w-"), QByteArrayLiteral("xsStTlL-") };
    for (qsizetype i = 1; i <= 9; ++i) {
        if (!allowed[(i - 1) % 3].contains(mode.at(i))) {
            return false;
        }
    }
    return true;
}

// The date of a Unix line: nullopt if malformed; an invalid QDateTime when the year is not
// given and `now` is unknown.
std::optional<QDateTime> unixDate(int month, QByteArrayView dayText, QByteArrayView timeOrYear, const QDateTime &now)
{
    const int day = dayText.toInt();
    if (timeOrYear.size() == 4 && isDigits(timeOrYear)) {
        const QDate date(timeOrYear.toInt(), month, day);
        return date.isValid() ? std::optional<QDateTime>(QDateTime(date, QTime(0, 0), Qt::UTC)) : std::nullopt;
    }
    const std::optional<QTime> clock = parseClock(timeOrYear);
    if (!clock || day < 1 || day > 31) {
        return std::nullopt;
    }
    if (!now.isValid()) {
        return QDateTime();
    }
    // The latest year that keeps the date at most a day after `now`; Feb 29 may need several.
    // The same `now` for every line of a listing: the bound is worked out once, not per
    // line (QDateTime arithmetic is the costliest step of a 100,000-line LIST).
    thread_local qint64 cachedNow = std::numeric_limits<qint64>::min();
    thread_local QDateTime cachedLatest;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    if (nowMs != cachedNow) {
        cachedNow = nowMs;
        cachedLatest = now.toUTC().addSecs(kFutureSlackSeconds);
    }
    const QDateTime &latest = cachedLatest;
    const int newestYear = latest.date().year();
    for (int year = newestYear; year > newestYear - 8; --year) {
        const QDate date(year, month, day);
        if (date.isValid() && QDateTime(date, *clock, Qt::UTC) <= latest) {
            return QDateTime(date, *clock, Qt::UTC);
        }
    }
    return std::nullopt; // a day the month never has, such as Apr 31
}

// "drwxr-xr-x 2 owner group 4096 Nov 27 10:15 name": mode, links, owner, group (some servers
// leave it out), size or device numbers ("4, 1" or "4,1"), month, day, time or year, then after
// exactly one blank the name, which keeps any further spaces (leading ones included).
std::optional<DirectoryEntry> parseUnixLine(const QByteArray &line, const QDateTime &now)
{
    // Enough fields for the longest layout: mode links owner group major, minor month day time.
    const QList<Field> fields = splitFields(line, 9);
    if (fields.size() < 7 || !isUnixMode(fields.at(0).text) || !isDigits(fields.at(1).text, 9)) {
        return std::nullopt; // also "total 123"
    }
    for (qsizetype month = 4; month <= 6 && month + 2 < fields.size(); ++month) {
        const int monthNo = monthNumber(fields.at(month).text);
        const QByteArrayView day = fields.at(month + 1).text;
        if (monthNo == 0 || !isDigits(day, 2)) {
            continue;
        }
        const QByteArrayView last = fields.at(month - 1).text;
        const QByteArrayView beforeLast = fields.at(month - 2).text;
        const qsizetype comma = last.indexOf(',');
        const bool splitDevice = isDigits(last) && beforeLast.endsWith(',') && isDigits(beforeLast.chopped(1), 9);
        const bool joinedDevice = comma > 0 && isDigits(last.first(comma), 9) && isDigits(last.sliced(comma + 1), 9);
        const qsizetype owners = month - 2 - (splitDevice ? 2 : 1); // between the link count and the size
        if ((!splitDevice && !joinedDevice && !isDigits(last)) || owners < 1 || owners > 2) {
            continue;
        }
        const std::optional<QDateTime> modified = unixDate(monthNo, day, fields.at(month + 2).text, now);
        if (!modified) {
            continue;
        }
        const qsizetype nameStart = fields.at(month + 2).end + 1;
        if (nameStart >= line.size()) {
            return std::nullopt; // no name at all
        }
        QByteArray name = line.mid(nameStart);

        const QByteArrayView mode = fields.at(0).text;
        const char kind = mode.at(0);
        DirectoryEntry entry;
        entry.type = kind == '-' ? Type::File : kind == 'd' ? Type::Directory : kind == 'l' ? Type::Link : Type::Other;
        const qsizetype arrow = name.indexOf(" -> ");
        if (entry.type == Type::Link && arrow > 0) {
            entry.linkTarget = QString::fromUtf8(name.mid(arrow + 4));
            name.truncate(arrow);
        }
        if (isDotOrDotDot(name)) {
            return std::nullopt;
        }
        entry.name = QString::fromUtf8(name);
        entry.size = splitDevice || joinedDevice ? -1 : last.toLongLong();
        entry.modified = *modified;
        entry.permissions = QString::fromLatin1(mode.sliced(1, 9));
        return entry;
    }
    return std::nullopt;
}

// IIS "MS-DOS" style: "11-27-26  10:15AM       <DIR>          Folder Name" or
// "11-27-2026  10:15PM            12345 file.txt". The name column is padded with blanks, so a
// name's own leading blanks cannot be told from the padding and are lost.
std::optional<DirectoryEntry> parseDosLine(const QByteArray &line)
{
    const QList<Field> fields = splitFields(line, 3);
    if (fields.size() < 3) {
        return std::nullopt;
    }
    const QList<QByteArray> dateParts = fields.at(0).text.toByteArray().split('-');
    if (dateParts.size() != 3 || !isDigits(dateParts.at(0), 2) || !isDigits(dateParts.at(1), 2)
        || !isDigits(dateParts.at(2), 4) || dateParts.at(2).size() == 3 || dateParts.at(2).size() == 1) {
        return std::nullopt;
    }
    int year = dateParts.at(2).toInt();
    if (dateParts.at(2).size() == 2) {
        year += year >= 70 ? 1900 : 2000;
    }
    const QDate date(year, dateParts.at(0).toInt(), dateParts.at(1).toInt());

    const QByteArrayView clockText = fields.at(1).text;
    const QByteArray meridiem = clockText.last(std::min<qsizetype>(2, clockText.size())).toByteArray().toUpper();
    const std::optional<QTime> clock = parseClock(clockText.chopped(std::min<qsizetype>(2, clockText.size())));
    if ((meridiem != "AM" && meridiem != "PM") || !date.isValid() || !clock || clock->hour() < 1
        || clock->hour() > 12) {
        return std::nullopt;
    }

    DirectoryEntry entry;
    const QByteArrayView sizeText = fields.at(2).text;
    if (sizeText == "<DIR>") {
        entry.type = Type::Directory;
    } else if (isDigits(sizeText)) {
        entry.type = Type::File;
        entry.size = sizeText.toLongLong();
    } else {
        return std::nullopt;
    }
    qsizetype nameStart = fields.at(2).end;
    while (nameStart < line.size() && isBlank(line.at(nameStart))) {
        ++nameStart;
    }
    const QByteArray name = line.mid(nameStart);
    if (name.isEmpty() || isDotOrDotDot(name)) {
        return std::nullopt;
    }
    entry.name = QString::fromUtf8(name);
    const QTime time(clock->hour() % 12 + (meridiem == "PM" ? 12 : 0), clock->minute());
    entry.modified = QDateTime(date, time, Qt::UTC);
    return entry;
}

} // namespace

std::optional<DirectoryEntry> parseMlsdLine(const QByteArray &rawLine)
{
    const QByteArray line = withoutLineEnd(rawLine);
    // RFC 3659 §7.2: entry = [ facts ] SP pathname. A fact value never holds a space (§7.4),
    // so the first space ends the facts and everything after it is the name.
    const qsizetype space = line.indexOf(' ');
    const QByteArray name = line.mid(space + 1);
    if (space < 0 || name.isEmpty() || isDotOrDotDot(name)) {
        return std::nullopt;
    }

    DirectoryEntry entry;
    QByteArrayView size;
    QByteArrayView sizd;
    QByteArrayView perm;
    QByteArrayView unixMode;
    // Views into the line: a listing of 100,000 entries is parsed without a copy per fact.
    const QByteArrayView facts = QByteArrayView(line).first(space);
    qsizetype start = 0;
    while (start < facts.size()) {
        qsizetype end = facts.indexOf(';', start);
        if (end < 0) {
            end = facts.size();
        }
        const QByteArrayView fact = facts.sliced(start, end - start);
        start = end + 1;
        if (fact.isEmpty()) {
            continue; // after the ';' that ends the last fact (or a missing last ';')
        }
        const qsizetype equals = fact.indexOf('=');
        if (equals <= 0) {
            return std::nullopt; // §7.4: fact = factname "=" value
        }
        // §7.5: names are case-insensitive.
        const QByteArrayView factName = fact.first(equals);
        const QByteArrayView value = fact.sliced(equals + 1);
        const auto is = [&factName](const char *wanted) { return factName.compare(wanted, Qt::CaseInsensitive) == 0; };
        if (is("type")) { // §7.5.1
            const auto typeIs
                = [&value](const char *wanted) { return value.compare(wanted, Qt::CaseInsensitive) == 0; };
            if (typeIs("cdir") || typeIs("pdir")) {
                return std::nullopt;
            }
            // "OS.name=type" (§7.5.1); some servers append ":target" to OS.unix=slink.
            const auto startsWith = [&value](const char *prefix) {
                const QByteArrayView p(prefix);
                return value.size() >= p.size() && value.first(p.size()).compare(p, Qt::CaseInsensitive) == 0;
            };
            const bool isLink = startsWith("os.unix=slink") || startsWith("os.unix=symlink");
            entry.type = typeIs("file") ? Type::File
                : typeIs("dir")         ? Type::Directory
                : isLink                ? Type::Link
                                        : Type::Other;
            const qsizetype colon = value.indexOf(':');
            entry.linkTarget = isLink && colon >= 0 ? QString::fromUtf8(value.sliced(colon + 1)) : QString();
        } else if (is("size")) { // §7.5.2
            size = value;
        } else if (is("sizd")) {
            sizd = value;
        } else if (is("modify")) { // §7.5.3
            entry.modified = parseTimeVal(value);
        } else if (is("perm")) { // §7.5.6
            perm = value;
        } else if (is("unix.mode")) { // an OS-specific fact (§7.5)
            unixMode = value;
        }
    }
    const auto number
        = [](QByteArrayView digits) { return digits.size() <= 18 && allDigits(digits) ? digits.toLongLong() : -1; };
    entry.size = number(size) >= 0 ? number(size) : number(sizd);
    entry.permissions = QString::fromLatin1(perm.isEmpty() ? unixMode : perm);
    entry.name = QString::fromUtf8(name); // §7.3 / RFC 2640: UTF-8
    return entry;
}

std::optional<DirectoryEntry> parseListLine(const QByteArray &rawLine, const QDateTime &now)
{
    const QByteArray line = withoutLineEnd(rawLine);
    if (line.isEmpty()) {
        return std::nullopt;
    }
    return line.at(0) >= '0' && line.at(0) <= '9' ? parseDosLine(line) : parseUnixLine(line, now);
}

QString sanitizeRemoteName(const QString &name)
{
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String("..")) {
        return {};
    }
    const bool unsafe = std::any_of(name.cbegin(), name.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        // C0 and C1 controls, DEL, separators, and invisible format characters such as
        // U+202E (a name that shows a different extension than it has).
        return u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == u'/' || u == u'\\' || c.category() == QChar::Other_Format;
    });
    return unsafe ? QString() : name;
}

} // namespace Satchel::Ftp
