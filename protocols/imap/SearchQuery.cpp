#include "protocols/imap/SearchQuery.h"

#include <QDate>

#include <array>
#include <limits>

namespace Satchel::Imap {

namespace {

enum class KeyArg {
    None,
    Text,
    Header,
    Keyword,
    Date,
    Size,
    UidSet,
    ModSeq,
    Seconds,
    Not,
    Or,
};

struct KeySpec {
    const char *name;
    KeyArg arg;
};

// RFC 9051 §6.4.4 and RFC 3501 §6.4.4 (NEW, OLD and RECENT are gone from IMAP4rev2
// but still understood by the servers that announce IMAP4rev1), RFC 7162 §3.1.5,
// RFC 5032 §3.
constexpr KeySpec kKeys[] = {
    { "ALL", KeyArg::None },
    { "ANSWERED", KeyArg::None },
    { "DELETED", KeyArg::None },
    { "DRAFT", KeyArg::None },
    { "FLAGGED", KeyArg::None },
    { "NEW", KeyArg::None },
    { "OLD", KeyArg::None },
    { "RECENT", KeyArg::None },
    { "SEEN", KeyArg::None },
    { "UNANSWERED", KeyArg::None },
    { "UNDELETED", KeyArg::None },
    { "UNDRAFT", KeyArg::None },
    { "UNFLAGGED", KeyArg::None },
    { "UNSEEN", KeyArg::None },
    { "BCC", KeyArg::Text },
    { "BODY", KeyArg::Text },
    { "CC", KeyArg::Text },
    { "FROM", KeyArg::Text },
    { "SUBJECT", KeyArg::Text },
    { "TEXT", KeyArg::Text },
    { "TO", KeyArg::Text },
    { "HEADER", KeyArg::Header },
    { "KEYWORD", KeyArg::Keyword },
    { "UNKEYWORD", KeyArg::Keyword },
    { "BEFORE", KeyArg::Date },
    { "ON", KeyArg::Date },
    { "SINCE", KeyArg::Date },
    { "SENTBEFORE", KeyArg::Date },
    { "SENTON", KeyArg::Date },
    { "SENTSINCE", KeyArg::Date },
    { "LARGER", KeyArg::Size },
    { "SMALLER", KeyArg::Size },
    { "UID", KeyArg::UidSet },
    { "MODSEQ", KeyArg::ModSeq },
    { "OLDER", KeyArg::Seconds },
    { "YOUNGER", KeyArg::Seconds },
    { "NOT", KeyArg::Not },
    { "OR", KeyArg::Or },
};

constexpr std::array<const char *, 12> kMonths
    = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

// argv can hold a hundred thousand NOTs; the recursive descent must not overflow
// the stack on them. Deep enough for an OR chain of a few hundred senders, which
// nests one level per OR.
constexpr int kMaxDepth = 256;

constexpr quint64 kMaxNumber = std::numeric_limits<quint32>::max(); // RFC 9051 §9 number, nz-number
constexpr quint64 kMaxNumber64 = std::numeric_limits<qint64>::max(); // number64, mod-sequence-value

const KeySpec *findKey(QStringView token)
{
    // Only ASCII can match: a case-insensitive compare would otherwise fold
    // U+017F LATIN SMALL LETTER LONG S into "s" and accept "ſEEN".
    for (const QChar c : token) {
        if (c.unicode() >= 0x80) {
            return nullptr;
        }
    }
    for (const KeySpec &spec : kKeys) {
        if (token.compare(QLatin1StringView(spec.name), Qt::CaseInsensitive) == 0) {
            return &spec;
        }
    }
    return nullptr;
}

std::optional<quint64> parseNumber(QStringView digits, quint64 max)
{
    if (digits.isEmpty()) {
        return std::nullopt;
    }
    quint64 value = 0;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9') {
            return std::nullopt;
        }
        const quint64 digit = c.unicode() - u'0';
        if (value > (max - digit) / 10) {
            return std::nullopt;
        }
        value = value * 10 + digit;
    }
    return value;
}

// RFC 9051 §9 sequence-set: (seq-number / seq-range) *("," ...), seq-number =
// nz-number / "*". Returned normalised ("007" becomes "7").
std::optional<QByteArray> normaliseSequenceSet(QStringView set)
{
    if (set.isEmpty()) {
        return std::nullopt;
    }
    QByteArray out;
    for (const QStringView item : set.split(u',')) {
        const QList<QStringView> ends = item.split(u':');
        if (ends.size() > 2) {
            return std::nullopt;
        }
        if (!out.isEmpty()) {
            out.append(',');
        }
        for (qsizetype i = 0; i < ends.size(); ++i) {
            if (i > 0) {
                out.append(':');
            }
            if (ends.at(i) == u"*") {
                out.append('*');
                continue;
            }
            const std::optional<quint64> number = parseNumber(ends.at(i), kMaxNumber);
            if (!number || *number == 0) {
                return std::nullopt;
            }
            out.append(QByteArray::number(*number));
        }
    }
    return out;
}

// RFC 9051 §9 date-text: date-day "-" date-month "-" date-year, e.g. 1-Jan-2026.
std::optional<QByteArray> normaliseDate(QStringView text)
{
    const QList<QStringView> parts = text.split(u'-');
    if (parts.size() != 3 || parts.at(0).size() > 2 || parts.at(2).size() != 4) {
        return std::nullopt;
    }
    const std::optional<quint64> day = parseNumber(parts.at(0), 31);
    const std::optional<quint64> year = parseNumber(parts.at(2), 9999);
    int month = 0;
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (parts.at(1).compare(QLatin1StringView(kMonths[i]), Qt::CaseInsensitive) == 0) {
            month = static_cast<int>(i) + 1;
        }
    }
    if (!day || !year || month == 0 || !QDate(int(*year), month, int(*day)).isValid()) {
        return std::nullopt; // also 31-Feb-2026: the server would say BAD or match nothing
    }
    return QByteArray::number(*day) + '-' + kMonths[month - 1] + '-' + QByteArray::number(*year).rightJustified(4, '0');
}

// RFC 9051 §9 flag-keyword is an atom: no atom-specials, no 8-bit.
bool isAtom(QStringView text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u <= 0x20 || u >= 0x7f || u == u'(' || u == u')' || u == u'{' || u == u'%' || u == u'*' || u == u'"'
            || u == u'\\' || u == u']') {
            return false;
        }
    }
    return true;
}

// RFC 5322 §3.6.8 field-name: printable ASCII except ":".
bool isFieldName(QStringView text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == u':') {
            return false;
        }
    }
    return true;
}

class Parser
{
public:
    explicit Parser(const QStringList &tokens)
        : m_tokens(tokens)
    { }

    std::optional<SearchQuery> run();
    const QString &error() const { return m_error; }

private:
    bool parseKey(CommandArgs &out, int depth);
    bool parseGroup(CommandArgs &out, int depth);
    bool parseText(CommandArgs &out, const char *key);
    bool parseHeader(CommandArgs &out);
    void splitParens();
    bool atListEnd();
    std::optional<QString> takeArgument(bool splitClose);
    QByteArray textBytes(const QString &text);

    bool fail(const QString &message)
    {
        if (m_error.isEmpty()) {
            m_error = message;
        }
        return false;
    }

    QStringList m_tokens;
    qsizetype m_pos = 0;
    bool m_needsUtf8 = false;
    QString m_error;
};

std::optional<SearchQuery> Parser::run()
{
    if (m_tokens.isEmpty()) {
        fail(QStringLiteral("no search criteria given"));
        return std::nullopt;
    }
    SearchQuery query;
    while (m_pos < m_tokens.size()) {
        splitParens();
        if (m_tokens.at(m_pos) == u")") {
            fail(QStringLiteral("')' without a matching '('"));
            return std::nullopt;
        }
        if (!parseKey(query.args, 0)) {
            return std::nullopt;
        }
    }
    query.needsUtf8 = m_needsUtf8;
    return query;
}

// Turns the token at m_pos, if it carries glued parentheses, into separate "(",
// core and ")" tokens. Idempotent.
void Parser::splitParens()
{
    const QString token = m_tokens.at(m_pos);
    if (token.size() < 2) {
        return;
    }
    qsizetype lead = 0;
    while (lead < token.size() && token.at(lead) == u'(') {
        ++lead;
    }
    qsizetype trail = 0;
    while (trail < token.size() - lead && token.at(token.size() - 1 - trail) == u')') {
        ++trail;
    }
    if (lead == 0 && trail == 0) {
        return;
    }
    QStringList pieces(lead, QStringLiteral("("));
    const QString core = token.mid(lead, token.size() - lead - trail);
    if (!core.isEmpty()) {
        pieces.append(core);
    }
    pieces.append(QStringList(trail, QStringLiteral(")")));
    m_tokens.remove(m_pos);
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        m_tokens.insert(m_pos + i, pieces.at(i));
    }
}

// True when no key follows: the end of the tokens or of the enclosing group.
bool Parser::atListEnd()
{
    if (m_pos >= m_tokens.size()) {
        return true;
    }
    splitParens();
    return m_tokens.at(m_pos) == u")";
}

std::optional<QString> Parser::takeArgument(bool splitClose)
{
    if (m_pos >= m_tokens.size()) {
        return std::nullopt;
    }
    QString token = m_tokens.at(m_pos++);
    if (splitClose) {
        qsizetype trail = 0;
        while (trail < token.size() - 1 && token.at(token.size() - 1 - trail) == u')') {
            ++trail;
        }
        token.chop(trail);
        for (qsizetype i = 0; i < trail; ++i) {
            m_tokens.insert(m_pos, QStringLiteral(")"));
        }
    }
    return token;
}

QByteArray Parser::textBytes(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    for (const char c : std::as_const(bytes)) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            m_needsUtf8 = true;
            break;
        }
    }
    return bytes;
}

bool Parser::parseText(CommandArgs &out, const char *key)
{
    const std::optional<QString> text = takeArgument(false);
    if (!text || text->isEmpty()) {
        return fail(QStringLiteral("%1 needs text to search for").arg(QLatin1StringView(key)));
    }
    // A literal may hold any octet but NUL (RFC 9051 §4.3 CHAR8).
    if (text->contains(QChar(0))) {
        return fail(QStringLiteral("%1 text must not contain a NUL character").arg(QLatin1StringView(key)));
    }
    out.atom(key).string(textBytes(*text));
    return true;
}

bool Parser::parseHeader(CommandArgs &out)
{
    const std::optional<QString> field = takeArgument(false);
    const std::optional<QString> text = takeArgument(false);
    if (!field || !text) {
        return fail(QStringLiteral("HEADER needs a header field name and the text to search for"));
    }
    if (!isFieldName(*field)) {
        return fail(QStringLiteral("HEADER needs a header field name like List-Id, not '%1'").arg(*field));
    }
    if (text->contains(QChar(0))) {
        return fail(QStringLiteral("HEADER text must not contain a NUL character"));
    }
    // An empty text is allowed: it matches every message that has the field
    // (RFC 9051 §6.4.4 HEADER).
    out.atom("HEADER").string(field->toLatin1()).string(textBytes(*text));
    return true;
}

bool Parser::parseGroup(CommandArgs &out, int depth)
{
    ++m_pos; // the "("
    if (m_pos < m_tokens.size() && atListEnd()) {
        return fail(QStringLiteral("empty parentheses: '(' ... ')' needs at least one search key"));
    }
    out.open();
    for (;;) {
        if (m_pos >= m_tokens.size()) {
            // "FROM x)" keeps its ")" as text; say so, as it looks like a close.
            const bool textEndsInClose = m_tokens.last().size() > 1 && m_tokens.last().endsWith(u')');
            return fail(textEndsInClose ? QStringLiteral("'(' without a matching ')' (a ')' glued to text is part of "
                                                         "the text; give ')' as a word of its own)")
                                        : QStringLiteral("'(' without a matching ')'"));
        }
        if (atListEnd()) {
            break;
        }
        if (!parseKey(out, depth + 1)) {
            return false;
        }
    }
    ++m_pos; // the ")"
    out.close();
    return true;
}

bool Parser::parseKey(CommandArgs &out, int depth)
{
    if (depth > kMaxDepth) {
        return fail(QStringLiteral("the search criteria are nested too deeply"));
    }
    splitParens();
    const QString token = m_tokens.at(m_pos);
    if (token.isEmpty()) {
        return fail(QStringLiteral("an empty word is not a search key"));
    }
    if (token == u"(") {
        return parseGroup(out, depth);
    }
    if (token == u")") {
        return fail(QStringLiteral("')' without a matching '('"));
    }
    if (token.front().isDigit() || token.front() == u'*') {
        const std::optional<QByteArray> set = normaliseSequenceSet(token);
        if (!set) {
            return fail(
                QStringLiteral("'%1' is neither a search key nor a message sequence set like 1:10,15").arg(token));
        }
        ++m_pos;
        out.atom(*set);
        return true;
    }
    const KeySpec *spec = findKey(token);
    if (spec == nullptr) {
        return fail(QStringLiteral("unknown search key '%1'").arg(token));
    }
    ++m_pos;
    const QLatin1StringView name(spec->name);

    switch (spec->arg) {
    case KeyArg::None:
        out.atom(spec->name);
        return true;
    case KeyArg::Text:
        return parseText(out, spec->name);
    case KeyArg::Header:
        return parseHeader(out);
    case KeyArg::Keyword: {
        const std::optional<QString> flag = takeArgument(true);
        if (!flag || !isAtom(*flag)) {
            QString message = QStringLiteral("%1 needs a keyword like $Forwarded").arg(name);
            if (flag) {
                message += QStringLiteral(", not '%1'").arg(*flag);
            }
            if (flag && flag->startsWith(u'\\')) {
                message += QStringLiteral(" (system flags have their own keys, such as SEEN or UNSEEN)");
            }
            return fail(message);
        }
        out.atom(spec->name).atom(flag->toLatin1());
        return true;
    }
    case KeyArg::Date: {
        const std::optional<QString> text = takeArgument(true);
        const std::optional<QByteArray> date = text ? normaliseDate(*text) : std::nullopt;
        if (!date) {
            QString message = QStringLiteral("%1 needs a date like 1-Jan-2026").arg(name);
            if (text) {
                message += QStringLiteral(", not '%1'").arg(*text);
            }
            return fail(message);
        }
        out.atom(spec->name).atom(*date);
        return true;
    }
    case KeyArg::Size:
    case KeyArg::ModSeq:
    case KeyArg::Seconds: {
        // RFC 9051 §6.4.4 LARGER/SMALLER take number64; RFC 7162 §3.1.5 MODSEQ
        // takes mod-sequence-valzer (0 allowed); RFC 5032 §3 takes nz-number.
        const std::optional<QString> text = takeArgument(true);
        const quint64 max = spec->arg == KeyArg::Seconds ? kMaxNumber : kMaxNumber64;
        const std::optional<quint64> number = text ? parseNumber(*text, max) : std::nullopt;
        if (!number || (spec->arg == KeyArg::Seconds && *number == 0)) {
            QString message;
            if (spec->arg == KeyArg::Size) {
                message = QStringLiteral("%1 needs a size in bytes, like 100000").arg(name);
            } else if (spec->arg == KeyArg::ModSeq) {
                message = QStringLiteral("%1 needs a modification sequence number, like 12345").arg(name);
            } else {
                message = QStringLiteral("%1 needs a number of seconds greater than 0").arg(name);
            }
            if (text) {
                message += QStringLiteral(", not '%1'").arg(*text);
            }
            return fail(message);
        }
        out.atom(spec->name).atom(QByteArray::number(*number));
        return true;
    }
    case KeyArg::UidSet: {
        const std::optional<QString> text = takeArgument(true);
        const std::optional<QByteArray> set = text ? normaliseSequenceSet(*text) : std::nullopt;
        if (!set) {
            QString message = QStringLiteral("%1 needs a UID set like 1:100,200 or 5:*").arg(name);
            if (text) {
                message += QStringLiteral(", not '%1'").arg(*text);
            }
            return fail(message);
        }
        out.atom(spec->name).atom(*set);
        return true;
    }
    case KeyArg::Not:
        out.atom(spec->name);
        if (atListEnd()) {
            return fail(QStringLiteral("NOT needs a search key to negate"));
        }
        return parseKey(out, depth + 1);
    case KeyArg::Or:
        out.atom(spec->name);
        for (int i = 0; i < 2; ++i) {
            if (atListEnd()) {
                return fail(QStringLiteral("OR needs two search keys"));
            }
            if (!parseKey(out, depth + 1)) {
                return false;
            }
        }
        return true;
    }
    return false;
}

} // namespace

std::optional<SearchQuery> buildSearchQuery(const QStringList &tokens, QString *error)
{
    Parser parser(tokens);
    std::optional<SearchQuery> query = parser.run();
    if (error != nullptr) {
        *error = query ? QString() : parser.error();
    }
    return query;
}

CommandArgs searchCommandArgs(const SearchQuery &query, bool utf8Accepted, bool returnAll)
{
    CommandArgs args;
    if (returnAll) {
        args.atom("RETURN").open().atom("ALL").close();
    }
    if (query.needsUtf8 && !utf8Accepted) {
        args.atom("CHARSET").atom("UTF-8");
    }
    args.append(query.args);
    return args;
}

} // namespace Satchel::Imap
