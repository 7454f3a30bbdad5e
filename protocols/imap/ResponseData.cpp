#include "protocols/imap/ResponseData.h"

#include "protocols/imap/ModifiedUtf7.h"
#include "protocols/mime/GMimeInclude.h"
#include "protocols/mime/GMimeRuntime.h"

#include <QStringDecoder>

#include <algorithm>

namespace Satchel::Imap {

namespace {

QByteArray lower(QByteArrayView bytes)
{
    QByteArray out = bytes.toByteArray();
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c + 32);
        }
    }
    return out;
}

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

QString mailboxName(const Node &node, bool utf8, QString *error)
{
    const QByteArray wire = nodeString(node);
    if (utf8) {
        return QString::fromUtf8(wire);
    }
    const auto decoded = decodeMailboxName(wire);
    if (!decoded) {
        *error = QStringLiteral("the folder name '%1' is not valid modified UTF-7")
                     .arg(QString::fromLatin1(wire.left(80)));
        return {};
    }
    return *decoded;
}

int monthNumber(QByteArrayView name)
{
    static constexpr const char *months[]
        = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
    if (name.size() < 3) {
        return 0;
    }
    const char a = static_cast<char>(name[0] | 0x20), b = static_cast<char>(name[1] | 0x20),
               c = static_cast<char>(name[2] | 0x20);
    for (int i = 0; i < 12; ++i) {
        if (months[i][0] == a && months[i][1] == b && months[i][2] == c) {
            return i + 1;
        }
    }
    return 0;
}

// Reads digits at *pos; returns -1 when there are none.
int readNumber(QByteArrayView text, qsizetype *pos, int maxDigits)
{
    int value = 0;
    int digits = 0;
    while (*pos < text.size() && digits < maxDigits && text[*pos] >= '0' && text[*pos] <= '9') {
        value = value * 10 + (text[*pos] - '0');
        ++*pos;
        ++digits;
    }
    return digits == 0 ? -1 : value;
}

void skipSpaces(QByteArrayView text, qsizetype *pos)
{
    while (*pos < text.size() && (text[*pos] == ' ' || text[*pos] == '\t')) {
        ++*pos;
    }
}

QDateTime makeDateTime(int year, int month, int day, int hour, int minute, int second, int offsetSeconds)
{
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds);
}

// "+0200", "-0700", "GMT", "UT", "Z" and the US zones of RFC 5322 §4.3.
std::optional<int> zoneOffset(QByteArrayView zone)
{
    if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')) {
        qsizetype pos = 1;
        const int value = readNumber(zone, &pos, 4);
        if (value < 0 || pos != 5) {
            return std::nullopt;
        }
        const int seconds = (value / 100) * 3600 + (value % 100) * 60;
        return zone[0] == '-' ? -seconds : seconds;
    }
    const QByteArray z = upperAscii(zone);
    if (z == "GMT" || z == "UT" || z == "UTC" || z == "Z") {
        return 0;
    }
    static const std::pair<const char *, int> us[] = { { "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
        { "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 } };
    for (const auto &[name, hours] : us) {
        if (z == name) {
            return hours * 3600;
        }
    }
    return std::nullopt;
}

QDateTime gmimeDate(QByteArrayView text)
{
    Mime::ensureInitialized();
    const QByteArray copy = text.toByteArray();
    GDateTime *parsed = g_mime_utils_header_decode_date(copy.constData());
    if (!parsed) {
        return {};
    }
    const qint64 seconds = g_date_time_to_unix(parsed);
    const int offset = static_cast<int>(g_date_time_get_utc_offset(parsed) / G_TIME_SPAN_SECOND);
    g_date_time_unref(parsed);
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::OffsetFromUTC, offset);
}

// The bytes of a string node without a copy when it has no escapes to remove.
QByteArrayView nodeView(const Node &node, QByteArray *storage)
{
    if (node.kind == Node::Kind::Nil || node.kind == Node::Kind::List || node.kind == Node::Kind::Streamed) {
        return {};
    }
    if (!node.escaped) {
        return node.bytes;
    }
    *storage = nodeString(node);
    return *storage;
}

QString textOf(QByteArrayView bytes)
{
    return isAscii(bytes) ? QString::fromLatin1(bytes) : QString::fromUtf8(bytes);
}

QList<Address> addressesFrom(const Response &r, quint32 index)
{
    QList<Address> out;
    const Node &list = r.nodes[index];
    if (!list.isList()) {
        return out;
    }
    for (quint32 i = index + 1; i < list.end; i = r.nodes[i].end) {
        const Node &address = r.nodes[i];
        if (!address.isList()) {
            continue;
        }
        // (name adl mailbox host): RFC 9051 §7.5.2; a group is framed by (NIL NIL name NIL)
        // and (NIL NIL NIL NIL), which add no address of their own.
        const quint32 nameIndex = i + 1;
        if (nameIndex + 3 >= address.end) {
            continue;
        }
        const Node &host = r.nodes[nameIndex + 3];
        if (host.kind == Node::Kind::Nil) {
            continue;
        }
        QByteArray nameStorage;
        QByteArray mailboxStorage;
        QByteArray hostStorage;
        Address a;
        a.name = decodeHeaderText(nodeView(r.nodes[nameIndex], &nameStorage));
        const QByteArrayView mailbox = nodeView(r.nodes[nameIndex + 2], &mailboxStorage);
        const QByteArrayView hostName = nodeView(host, &hostStorage);
        QByteArray email;
        email.reserve(mailbox.size() + hostName.size() + 1);
        email.append(mailbox).append('@').append(hostName);
        a.email = textOf(email);
        out.append(std::move(a));
    }
    return out;
}

Envelope envelopeFrom(const Response &r, quint32 index)
{
    Envelope e;
    std::vector<quint32> fields;
    for (quint32 i = index + 1; i < r.nodes[index].end; i = r.nodes[i].end) {
        fields.push_back(i);
    }
    if (fields.size() < 10) {
        return e;
    }
    QByteArray storage;
    e.date = parseMessageDate(nodeView(r.nodes[fields[0]], &storage));
    e.subject = decodeHeaderText(nodeView(r.nodes[fields[1]], &storage));
    e.from = addressesFrom(r, fields[2]);
    e.sender = addressesFrom(r, fields[3]);
    e.replyTo = addressesFrom(r, fields[4]);
    e.to = addressesFrom(r, fields[5]);
    e.cc = addressesFrom(r, fields[6]);
    e.bcc = addressesFrom(r, fields[7]);
    e.inReplyTo = nodeString(r.nodes[fields[8]]);
    e.messageId = nodeString(r.nodes[fields[9]]);
    return e;
}

void bodyParameters(const Response &r, quint32 index, QHash<QByteArray, QByteArray> *out)
{
    const Node &list = r.nodes[index];
    if (!list.isList()) {
        return;
    }
    std::vector<quint32> items = r.children(index);
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
        out->insert(lower(nodeString(r.nodes[items[i]])), nodeString(r.nodes[items[i + 1]]));
    }
}

bool bodyPartFrom(const Response &r, quint32 index, const QByteArray &number, int depth, BodyPart *part, QString *error)
{
    if (depth > 64 || !r.nodes[index].isList()) {
        *error = QStringLiteral("a BODYSTRUCTURE part is malformed");
        return false;
    }
    part->partNumber = number;
    const std::vector<quint32> items = r.children(index);
    if (items.empty()) {
        *error = QStringLiteral("an empty BODYSTRUCTURE part");
        return false;
    }
    if (r.nodes[items[0]].isList()) {
        // body-type-mpart: children, then the subtype, then extension data.
        part->type = "multipart";
        std::size_t i = 0;
        int child = 1;
        for (; i < items.size() && r.nodes[items[i]].isList(); ++i) {
            BodyPart sub;
            const QByteArray subNumber
                = number.isEmpty() ? QByteArray::number(child) : number + '.' + QByteArray::number(child);
            if (!bodyPartFrom(r, items[i], subNumber, depth + 1, &sub, error)) {
                return false;
            }
            part->children.append(sub);
            ++child;
        }
        if (i < items.size()) {
            part->subtype = lower(nodeString(r.nodes[items[i]]));
        }
        if (i + 1 < items.size()) {
            bodyParameters(r, items[i + 1], &part->parameters);
        }
        if (i + 2 < items.size() && r.nodes[items[i + 2]].isList()) {
            const std::vector<quint32> disposition = r.children(items[i + 2]);
            if (!disposition.empty()) {
                part->disposition = lower(nodeString(r.nodes[disposition[0]]));
            }
        }
        return true;
    }
    if (items.size() < 7) {
        *error = QStringLiteral("a BODYSTRUCTURE part has too few fields");
        return false;
    }
    // body-type-1part: type subtype (params) id description encoding size ...
    part->type = lower(nodeString(r.nodes[items[0]]));
    part->subtype = lower(nodeString(r.nodes[items[1]]));
    bodyParameters(r, items[2], &part->parameters);
    part->contentId = nodeString(r.nodes[items[3]]);
    part->encoding = lower(nodeString(r.nodes[items[5]]));
    part->size = r.nodes[items[6]].number;
    std::size_t next = 7;
    if (part->type == "message" && part->subtype == "rfc822" && items.size() >= 10) {
        // envelope, body, lines: the encapsulated message's parts are P.1, P.2, ...
        BodyPart inner;
        const QByteArray base = number.isEmpty() ? QByteArray("1") : number;
        if (!bodyPartFrom(r, items[8], base, depth + 1, &inner, error)) {
            return false;
        }
        if (inner.type == "multipart") {
            part->children = inner.children;
        } else {
            inner.partNumber = base + ".1";
            part->children.append(inner);
        }
        next = 10;
    } else if (part->type == "text") {
        next = 8; // body-fld-lines
    }
    // body-ext-1part: md5, then disposition ("attachment" ("filename" "x")).
    if (next + 1 < items.size() && r.nodes[items[next + 1]].isList()) {
        const quint32 dispositionIndex = items[next + 1];
        const std::vector<quint32> disposition = r.children(dispositionIndex);
        if (!disposition.empty()) {
            part->disposition = lower(nodeString(r.nodes[disposition[0]]));
            QHash<QByteArray, QByteArray> dispositionParameters;
            if (disposition.size() > 1) {
                bodyParameters(r, disposition[1], &dispositionParameters);
            }
            const QByteArray fileName = dispositionParameters.value("filename");
            if (!fileName.isEmpty()) {
                part->fileName = decodeHeaderText(fileName);
            }
        }
    }
    if (part->fileName.isEmpty() && part->parameters.contains("name")) {
        part->fileName = decodeHeaderText(part->parameters.value("name"));
    }
    return true;
}

} // namespace

QString decodeHeaderText(QByteArrayView raw)
{
    if (raw.isEmpty()) {
        return {};
    }
    if (raw.indexOf("=?") >= 0) {
        Mime::ensureInitialized();
        const QByteArray copy = raw.toByteArray();
        char *decoded = g_mime_utils_header_decode_text(nullptr, copy.constData());
        const QString text = QString::fromUtf8(decoded);
        g_free(decoded);
        return text;
    }
    if (isAscii(raw)) {
        return QString::fromLatin1(raw);
    }
    // Raw 8-bit (RFC 6532 allows UTF-8); anything else is most likely Windows-1252,
    // and Latin-1 keeps every byte visible rather than losing it.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(raw);
    return utf8.hasError() ? QString::fromLatin1(raw) : text;
}

QDateTime parseMessageDate(QByteArrayView text)
{
    // The common shape fast: [Day, ] D Mon YYYY HH:MM[:SS] zone (RFC 5322 §3.3).
    qsizetype pos = 0;
    skipSpaces(text, &pos);
    const qsizetype comma = text.indexOf(',');
    if (comma >= 0 && comma < 12) {
        pos = comma + 1;
        skipSpaces(text, &pos);
    }
    const int day = readNumber(text, &pos, 2);
    skipSpaces(text, &pos);
    const int month = pos + 3 <= text.size() ? monthNumber(text.sliced(pos, 3)) : 0;
    pos += 3;
    skipSpaces(text, &pos);
    int year = readNumber(text, &pos, 4);
    skipSpaces(text, &pos);
    const int hour = readNumber(text, &pos, 2);
    const bool colon1 = pos < text.size() && text[pos] == ':';
    ++pos;
    const int minute = readNumber(text, &pos, 2);
    int second = 0;
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
        second = readNumber(text, &pos, 2);
    }
    skipSpaces(text, &pos);
    pos = std::min(pos, text.size()); // a short or truncated date ran past the end
    qsizetype zoneEnd = pos;
    while (zoneEnd < text.size() && text[zoneEnd] != ' ' && text[zoneEnd] != '(') {
        ++zoneEnd;
    }
    const auto offset = zoneOffset(text.sliced(pos, zoneEnd - pos));
    if (day > 0 && month > 0 && year >= 0 && colon1 && hour >= 0 && minute >= 0 && second >= 0 && offset) {
        if (year < 50) {
            year += 2000; // RFC 5322 §4.3 obsolete two-digit years
        } else if (year < 1000) {
            year += 1900;
        }
        const QDateTime fast = makeDateTime(year, month, day, hour, minute, second, *offset);
        if (fast.isValid()) {
            return fast;
        }
    }
    return text.trimmed().isEmpty() ? QDateTime() : gmimeDate(text);
}

QDateTime parseInternalDate(QByteArrayView text)
{
    // date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
    qsizetype pos = 0;
    skipSpaces(text, &pos);
    const int day = readNumber(text, &pos, 2);
    if (day < 0 || pos + 5 > text.size() || text[pos] != '-') {
        return {};
    }
    const int month = monthNumber(text.sliced(pos + 1, 3));
    pos += 4;
    if (pos >= text.size() || text[pos] != '-') {
        return {};
    }
    ++pos;
    const int year = readNumber(text, &pos, 4);
    skipSpaces(text, &pos);
    const int hour = readNumber(text, &pos, 2);
    ++pos;
    const int minute = readNumber(text, &pos, 2);
    ++pos;
    const int second = readNumber(text, &pos, 2);
    skipSpaces(text, &pos);
    const auto offset = zoneOffset(text.sliced(std::min(pos, text.size())).trimmed());
    if (month == 0 || year < 0 || hour < 0 || minute < 0 || second < 0 || !offset) {
        return {};
    }
    return makeDateTime(year, month, day, hour, minute, second, *offset);
}

QSet<QByteArray> capabilitiesFromText(QByteArrayView text)
{
    QSet<QByteArray> out;
    for (const QByteArrayView word : QLatin1StringView(text).tokenize(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        out.insert(upperAscii(word));
    }
    return out;
}

QSet<QByteArray> capabilitiesFrom(const Response &response)
{
    QSet<QByteArray> out;
    for (const Node &node : response.nodes) {
        if (node.kind == Node::Kind::Atom || node.kind == Node::Kind::Number) {
            out.insert(upperAscii(node.bytes));
        }
    }
    return out;
}

QString roleFromAttributes(const QList<QByteArray> &attributes, const QString &name)
{
    if (name.compare(QStringLiteral("INBOX"), Qt::CaseInsensitive) == 0) {
        return QStringLiteral("inbox");
    }
    static const std::pair<const char *, const char *> roles[] = { { "\\SENT", "sent" }, { "\\DRAFTS", "drafts" },
        { "\\TRASH", "trash" }, { "\\JUNK", "junk" }, { "\\ARCHIVE", "archive" }, { "\\ALL", "archive" } };
    for (const auto &[attribute, role] : roles) {
        for (const QByteArray &a : attributes) {
            if (a.compare(attribute, Qt::CaseInsensitive) == 0) {
                return QString::fromLatin1(role);
            }
        }
    }
    return {};
}

std::optional<FolderInfo> listEntryFrom(const Response &r, bool utf8, QString *error)
{
    const std::vector<quint32> top = r.topLevel();
    if (top.size() < 3 || !r.nodes[top[0]].isList()) {
        *error
            = QStringLiteral("a %1 response without attributes, delimiter and name").arg(QString::fromLatin1(r.name));
        return std::nullopt;
    }
    FolderInfo folder;
    for (const quint32 i : r.children(top[0])) {
        folder.attributes.append(r.nodes[i].bytes.toByteArray());
    }
    const QByteArray delimiter = nodeString(r.nodes[top[1]]);
    if (delimiter.size() == 1) {
        folder.delimiter = QChar::fromLatin1(delimiter.front());
    }
    folder.wireName = nodeString(r.nodes[top[2]]);
    folder.name = mailboxName(r.nodes[top[2]], utf8, error);
    if (!error->isEmpty()) {
        return std::nullopt;
    }
    folder.role = roleFromAttributes(folder.attributes, folder.name);
    return folder;
}

std::optional<StatusData> statusFrom(const Response &r, bool utf8, QString *error)
{
    const std::vector<quint32> top = r.topLevel();
    if (top.size() < 2 || !r.nodes[top[1]].isList()) {
        *error = QStringLiteral("a STATUS response without a name and items");
        return std::nullopt;
    }
    StatusData data;
    data.name = mailboxName(r.nodes[top[0]], utf8, error);
    if (!error->isEmpty()) {
        return std::nullopt;
    }
    const std::vector<quint32> items = r.children(top[1]);
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
        const Node &value = r.nodes[items[i + 1]];
        if (value.kind != Node::Kind::Number) {
            *error = QStringLiteral("a STATUS item without a number");
            return std::nullopt;
        }
        data.items.insert(upperAscii(r.nodes[items[i]].bytes), value.number);
    }
    return data;
}

QList<QByteArray> flagListFrom(const Response &r, quint32 list)
{
    QList<QByteArray> flags;
    for (const quint32 i : r.children(list)) {
        flags.append(r.nodes[i].bytes.toByteArray());
    }
    return flags;
}

std::optional<FetchData> fetchFrom(const Response &r, QString *error)
{
    if (r.nodes.empty() || !r.nodes[0].isList() || r.nodes[0].end != r.nodes.size()) {
        *error = QStringLiteral("a FETCH response without one list of items");
        return std::nullopt;
    }
    FetchData data;
    data.sequence = r.number;
    const Node &list = r.nodes[0];
    quint32 i = 1;
    while (i < list.end) {
        const Node &name = r.nodes[i];
        const quint32 valueIndex = name.end;
        if (name.kind != Node::Kind::Atom || valueIndex >= list.end) {
            *error = QStringLiteral("a FETCH item without a value");
            return std::nullopt;
        }
        const Node &value = r.nodes[valueIndex];
        const QByteArrayView item = name.bytes;
        if (item.compare("UID", Qt::CaseInsensitive) == 0) {
            if (value.kind != Node::Kind::Number || value.number == 0 || value.number > 0xFFFFFFFFull) {
                // RFC 9051 §2.3.1.1: a UID is a non-zero 32-bit number.
                *error = QStringLiteral("the server sent an invalid UID '%1'").arg(QString::fromLatin1(value.bytes));
                return std::nullopt;
            }
            data.uid = static_cast<quint32>(value.number);
        } else if (item.compare("FLAGS", Qt::CaseInsensitive) == 0) {
            if (!value.isList()) {
                *error = QStringLiteral("FLAGS without a list");
                return std::nullopt;
            }
            data.hasFlags = true;
            data.flags = flagListFrom(r, valueIndex);
        } else if (item.compare("RFC822.SIZE", Qt::CaseInsensitive) == 0) {
            if (value.kind != Node::Kind::Number) {
                *error = QStringLiteral("RFC822.SIZE without a number");
                return std::nullopt;
            }
            data.size = value.number;
            data.hasSize = true;
        } else if (item.compare("INTERNALDATE", Qt::CaseInsensitive) == 0) {
            data.internalDate = parseInternalDate(nodeString(value));
        } else if (item.compare("MODSEQ", Qt::CaseInsensitive) == 0) {
            // RFC 7162 §3.1.4.1: "MODSEQ (n)".
            if (!value.isList() || valueIndex + 1 >= value.end || r.nodes[valueIndex + 1].kind != Node::Kind::Number) {
                *error = QStringLiteral("MODSEQ without a number");
                return std::nullopt;
            }
            data.modseq = r.nodes[valueIndex + 1].number;
        } else if (item.compare("ENVELOPE", Qt::CaseInsensitive) == 0) {
            if (!value.isList()) {
                *error = QStringLiteral("ENVELOPE without a list");
                return std::nullopt;
            }
            data.hasEnvelope = true;
            data.envelope = envelopeFrom(r, valueIndex);
        } else if (item.compare("BODYSTRUCTURE", Qt::CaseInsensitive) == 0
            || item.compare("BODY", Qt::CaseInsensitive) == 0) {
            BodyPart part;
            if (!bodyPartFrom(r, valueIndex, QByteArray(), 0, &part, error)) {
                return std::nullopt;
            }
            if (part.type != "multipart") {
                part.partNumber = "1";
            }
            data.bodyStructure = part;
        } else if (item.startsWith("BODY[") || item.startsWith("body[") || item.startsWith("BINARY[")
            || item.compare("RFC822", Qt::CaseInsensitive) == 0 || item.startsWith("RFC822.")) {
            FetchedSection section;
            section.name = upperAscii(item);
            section.nil = value.kind == Node::Kind::Nil;
            section.streamed = value.kind == Node::Kind::Streamed;
            if (!section.nil && !section.streamed) {
                if (value.isList()) {
                    *error = QStringLiteral("a body section without a string");
                    return std::nullopt;
                }
                section.bytes = nodeString(value);
            }
            data.sections.append(section);
        }
        // Items we did not ask for are skipped (RFC 9051 §7.5.2 lets servers add them).
        i = value.end;
    }
    return data;
}

namespace {

// What the cache keeps of a References field at most. Long threads grow it by an id per
// reply; a hostile server could send megabytes. RFC 5322 §3.6.4 lets a writer drop
// the middle of the list, and so do we: the first id (the thread's root) and the
// newest ids (the nearest ancestors) are what threading uses.
constexpr qsizetype kMaxReferences = 8192;

// The References value in a BODY[HEADER.FIELDS (REFERENCES)] section: the field's
// text with its folding removed (RFC 5322 §2.2.3), or empty when the message has none.
QByteArray referencesFromSection(QByteArrayView block)
{
    QByteArray value;
    bool inField = false;
    while (!block.isEmpty()) {
        qsizetype end = block.indexOf('\n');
        QByteArrayView line = end < 0 ? block : block.first(end);
        block = end < 0 ? QByteArrayView() : block.sliced(end + 1);
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (inField) {
                value.append(' ').append(line.trimmed());
            }
            continue;
        }
        inField = false;
        constexpr QByteArrayView name("References:");
        if (value.isEmpty() && line.size() >= name.size()
            && line.first(name.size()).compare(name, Qt::CaseInsensitive) == 0) {
            value = line.sliced(name.size()).trimmed().toByteArray();
            inField = true;
        }
        if (value.size() > 4 * kMaxReferences) {
            value = boundedReferences(value); // a huge field never sits whole in memory
        }
    }
    return boundedReferences(value);
}

} // namespace

QByteArray boundedReferences(QByteArray value)
{
    value = value.trimmed();
    if (value.size() <= kMaxReferences) {
        return value;
    }
    const qsizetype firstEnd = value.indexOf('>');
    const QByteArray first = firstEnd > 0 && firstEnd < 1024 ? value.first(firstEnd + 1) : QByteArray();
    const qsizetype tailStart = value.indexOf('<', value.size() - (kMaxReferences - first.size() - 1));
    const QByteArray tail = tailStart < 0 ? QByteArray() : value.sliced(tailStart);
    return first.isEmpty() ? tail : first + ' ' + tail;
}

MessageSummary summaryFrom(const FetchData &fetch)
{
    MessageSummary s;
    s.uid = fetch.uid;
    s.flags = fetch.flags;
    s.internalDate = fetch.internalDate;
    s.size = fetch.size;
    s.modseq = fetch.modseq;
    s.envelope = fetch.envelope;
    for (const FetchedSection &section : fetch.sections) {
        if (section.name.startsWith("BODY[HEADER.FIELDS (") && section.name.contains("REFERENCES")) {
            s.references = referencesFromSection(section.bytes);
        }
    }
    return s;
}

std::optional<QList<quint32>> parseSequenceSet(QByteArrayView text, quint32 star, qsizetype maxCount)
{
    QList<quint32> out;
    if (text.isEmpty()) {
        return std::nullopt;
    }
    auto number = [star](QByteArrayView n, quint32 *value) {
        if (n == "*") {
            *value = star;
            return star != 0;
        }
        quint64 v = 0;
        if (!parseLiteralSize(n, &v) || v == 0) {
            return false;
        }
        *value = static_cast<quint32>(v);
        return true;
    };
    for (const QByteArrayView part : QLatin1StringView(text).tokenize(QLatin1Char(','))) {
        const qsizetype colon = part.indexOf(':');
        quint32 a = 0;
        quint32 b = 0;
        if (colon < 0) {
            if (!number(part, &a)) {
                return std::nullopt;
            }
            b = a;
        } else if (!number(part.first(colon), &a) || !number(part.sliced(colon + 1), &b)) {
            return std::nullopt;
        }
        if (a > b) {
            std::swap(a, b);
        }
        if (out.size() + static_cast<qint64>(b - a) + 1 > maxCount) {
            return std::nullopt;
        }
        for (quint64 v = a; v <= b; ++v) {
            out.append(static_cast<quint32>(v));
        }
    }
    return out;
}

QByteArray formatSequenceSet(QList<quint32> numbers)
{
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    QByteArray out;
    for (qsizetype i = 0; i < numbers.size();) {
        qsizetype j = i;
        while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) {
            ++j;
        }
        if (!out.isEmpty()) {
            out += ',';
        }
        out += QByteArray::number(numbers[i]);
        if (j > i) {
            out += ':' + QByteArray::number(numbers[j]);
        }
        i = j + 1;
    }
    return out;
}

std::optional<QList<quint32>> searchResultsFrom(const Response &r, QString *error)
{
    QList<quint32> out;
    if (r.name == "SEARCH") {
        for (const quint32 i : r.topLevel()) {
            const Node &n = r.nodes[i];
            if (n.isList()) {
                continue; // RFC 7162 §3.1.5: "(MODSEQ n)" at the end
            }
            if (n.kind != Node::Kind::Number || n.number == 0 || n.number > 0xFFFFFFFFull) {
                *error = QStringLiteral("a SEARCH result that is not a message number");
                return std::nullopt;
            }
            out.append(static_cast<quint32>(n.number));
        }
        return out;
    }
    // ESEARCH (RFC 4731 §3): [(TAG "x")] [UID] *(name value); ALL carries the set.
    const std::vector<quint32> top = r.topLevel();
    for (std::size_t k = 0; k < top.size(); ++k) {
        const Node &n = r.nodes[top[k]];
        if (nodeIs(n, "ALL") && k + 1 < top.size()) {
            const auto set = parseSequenceSet(r.nodes[top[k + 1]].bytes);
            if (!set) {
                *error = QStringLiteral("an ESEARCH result with an invalid set");
                return std::nullopt;
            }
            out += *set;
            ++k;
        }
    }
    return out;
}

std::optional<VanishedData> vanishedFrom(const Response &r, QString *error)
{
    VanishedData data;
    const std::vector<quint32> top = r.topLevel();
    std::size_t k = 0;
    if (!top.empty() && r.nodes[top[0]].isList()) {
        for (const quint32 i : r.children(top[0])) {
            data.earlier = data.earlier || nodeIs(r.nodes[i], "EARLIER");
        }
        k = 1;
    }
    if (k >= top.size()) {
        *error = QStringLiteral("VANISHED without UIDs");
        return std::nullopt;
    }
    const auto set = parseSequenceSet(r.nodes[top[k]].bytes);
    if (!set) {
        *error = QStringLiteral("VANISHED with an invalid UID set");
        return std::nullopt;
    }
    data.uids = *set;
    return data;
}

} // namespace Satchel::Imap
