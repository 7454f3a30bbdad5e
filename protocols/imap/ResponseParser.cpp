#include "protocols/imap/ResponseParser.h"

namespace Satchel::Imap {

namespace {

bool isAtomChar(char c)
{
    // RFC 9051 §9 ATOM-CHAR excludes atom-specials: "(" ")" "{" SP CTL list-wildcards
    // quoted-specials resp-specials. Wildcards, "]" and "\" are accepted here because
    // flags ("\Seen", "\*") and section names use them.
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u != 0x7f && c != '(' && c != ')' && c != '{' && c != '"';
}

// Reads values from one response's text; literals are taken from the framer's list
// in order as their "{N}" marks are met, so nothing is scanned twice.
class Tokenizer
{
public:
    Tokenizer(QByteArrayView text, const RawResponse *raw, const ParseLimits &limits, qsizetype pos = 0)
        : m_text(text)
        , m_raw(raw)
        , m_limits(limits)
        , m_pos(pos)
    { }

    bool atEnd() const { return m_pos >= m_text.size(); }
    qsizetype pos() const { return m_pos; }
    QString error() const { return m_error; }

    // One space-separated word (a tag, "*", a name) without building nodes.
    QByteArrayView word()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != ' ') {
            ++m_pos;
        }
        return m_text.sliced(start, m_pos - start);
    }
    bool skipSpace()
    {
        if (m_pos < m_text.size() && m_text[m_pos] == ' ') {
            ++m_pos;
            return true;
        }
        return false;
    }
    QByteArrayView rest() const { return m_text.sliced(std::min(m_pos, m_text.size())); }

    // Every value up to the end of the text.
    bool values(std::vector<Node> *nodes)
    {
        nodes->reserve(nodes->size() + 16);
        std::vector<quint32> open;
        while (true) {
            while (m_pos < m_text.size() && m_text[m_pos] == ' ') {
                ++m_pos;
            }
            if (m_pos >= m_text.size()) {
                break;
            }
            if (nodes->size() >= m_limits.maxNodes) {
                return setError(QStringLiteral("the response has more than %1 values").arg(m_limits.maxNodes));
            }
            const char c = m_text[m_pos];
            if (c == '(') {
                if (static_cast<int>(open.size()) >= m_limits.maxDepth) {
                    return setError(QStringLiteral("the response nests lists deeper than %1").arg(m_limits.maxDepth));
                }
                open.push_back(static_cast<quint32>(nodes->size()));
                nodes->push_back(Node { Node::Kind::List });
                ++m_pos;
                continue;
            }
            if (c == ')') {
                if (open.empty()) {
                    return setError(QStringLiteral("unbalanced ')' at byte %1").arg(m_pos));
                }
                (*nodes)[open.back()].end = static_cast<quint32>(nodes->size());
                open.pop_back();
                ++m_pos;
                continue;
            }
            Node node;
            if (!value(&node)) {
                return false;
            }
            node.end = static_cast<quint32>(nodes->size() + 1);
            nodes->push_back(node);
        }
        if (!open.empty()) {
            return setError(QStringLiteral("a list is not closed"));
        }
        return true;
    }

private:
    bool setError(const QString &message)
    {
        m_error = message;
        return false;
    }

    bool value(Node *node)
    {
        const char c = m_text[m_pos];
        if (c == '"') {
            return quoted(node);
        }
        if (c == '{' || (c == '~' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '{')) {
            return literal(node);
        }
        return atom(node);
    }

    bool quoted(Node *node)
    {
        const qsizetype start = ++m_pos;
        bool escaped = false;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '\\') {
                escaped = true;
                m_pos += 2;
                continue;
            }
            if (c == '"') {
                node->kind = Node::Kind::Quoted;
                node->escaped = escaped;
                node->bytes = m_text.sliced(start, m_pos - start);
                ++m_pos;
                return true;
            }
            ++m_pos;
        }
        return setError(QStringLiteral("a quoted string is not closed"));
    }

    bool literal(Node *node)
    {
        if (m_text[m_pos] == '~') {
            ++m_pos;
        }
        const qsizetype close = m_text.indexOf('}', m_pos);
        if (close < 0 || !m_raw) {
            return setError(QStringLiteral("a literal mark is malformed"));
        }
        quint64 size = 0;
        if (!parseLiteralSize(m_text.sliced(m_pos + 1, close - m_pos - 1), &size)) {
            return setError(QStringLiteral("a literal has an invalid size"));
        }
        // The framer ended a line exactly after each mark: a mark that is not at a
        // line end is not a literal the framer saw.
        if (m_literal >= m_raw->literals.size() || close + 1 != m_raw->marks[m_literal]) {
            return setError(QStringLiteral("a literal mark is not at the end of a line"));
        }
        if (m_raw->streamed[m_literal]) {
            node->kind = Node::Kind::Streamed;
            node->number = size;
        } else {
            const QByteArray &bytes = m_raw->literals[m_literal];
            if (static_cast<quint64>(bytes.size()) != size) {
                return setError(QStringLiteral("a literal is shorter than announced"));
            }
            node->kind = Node::Kind::Literal;
            node->bytes = bytes;
        }
        ++m_literal;
        m_pos = close + 1;
        return true;
    }

    bool atom(Node *node)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '[') {
                // A section ("BODY[HEADER.FIELDS (DATE FROM)]") may hold spaces and
                // parentheses: it belongs to the atom up to its "]".
                const qsizetype close = m_text.indexOf(']', m_pos);
                if (close < 0) {
                    return setError(QStringLiteral("a '[' is not closed"));
                }
                m_pos = close + 1;
                continue;
            }
            if (!isAtomChar(c)) {
                break;
            }
            ++m_pos;
        }
        if (m_pos == start) {
            return setError(QStringLiteral("unexpected character '%1' at byte %2")
                                .arg(QString::fromLatin1(m_text.sliced(m_pos, 1)))
                                .arg(m_pos));
        }
        node->bytes = m_text.sliced(start, m_pos - start);
        const QByteArrayView b = node->bytes;
        if (b.size() <= 19) {
            quint64 value = 0;
            bool digits = true;
            for (const char d : b) {
                if (d < '0' || d > '9') {
                    digits = false;
                    break;
                }
                value = value * 10 + static_cast<quint64>(d - '0');
            }
            if (digits) {
                node->kind = Node::Kind::Number;
                node->number = value;
                return true;
            }
        }
        if (b.size() == 3 && (b[0] | 0x20) == 'n' && (b[1] | 0x20) == 'i' && (b[2] | 0x20) == 'l') {
            node->kind = Node::Kind::Nil;
            return true;
        }
        node->kind = Node::Kind::Atom;
        return true;
    }

    QByteArrayView m_text;
    const RawResponse *m_raw;
    const ParseLimits &m_limits;
    qsizetype m_pos;
    std::size_t m_literal = 0;
    QString m_error;
};

std::optional<Response::Status> statusWord(QByteArrayView word)
{
    const QByteArray w = upperAscii(word);
    if (w == "OK") {
        return Response::Status::Ok;
    }
    if (w == "NO") {
        return Response::Status::No;
    }
    if (w == "BAD") {
        return Response::Status::Bad;
    }
    if (w == "BYE") {
        return Response::Status::Bye;
    }
    if (w == "PREAUTH") {
        return Response::Status::Preauth;
    }
    return std::nullopt;
}

// resp-text (RFC 9051 §7.1): an optional "[code args]" and then text.
bool parseRespText(QByteArrayView text, Response *response, QString *error)
{
    if (text.startsWith('[')) {
        const qsizetype close = text.indexOf(']');
        if (close < 0) {
            *error = QStringLiteral("a response code is not closed");
            return false;
        }
        const QByteArrayView inside = text.sliced(1, close - 1);
        const qsizetype space = inside.indexOf(' ');
        response->code.name = upperAscii(space < 0 ? inside : inside.first(space));
        response->code.args = space < 0 ? QByteArray() : inside.sliced(space + 1).toByteArray();
        if (response->code.name.isEmpty()) {
            *error = QStringLiteral("an empty response code");
            return false;
        }
        text = text.sliced(close + 1);
        if (text.startsWith(' ')) {
            text = text.sliced(1);
        }
    }
    response->text = text.toByteArray();
    return true;
}

} // namespace

QByteArray upperAscii(QByteArrayView bytes)
{
    QByteArray out = bytes.toByteArray();
    for (char &c : out) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 32);
        }
    }
    return out;
}

std::vector<quint32> Response::topLevel() const
{
    std::vector<quint32> out;
    for (quint32 i = 0; i < nodes.size(); i = nodes[i].end) {
        out.push_back(i);
    }
    return out;
}

std::vector<quint32> Response::children(quint32 list) const
{
    std::vector<quint32> out;
    if (list >= nodes.size() || !nodes[list].isList()) {
        return out;
    }
    for (quint32 i = list + 1; i < nodes[list].end; i = nodes[i].end) {
        out.push_back(i);
    }
    return out;
}

QByteArray nodeString(const Node &node)
{
    if (node.kind == Node::Kind::Nil || node.kind == Node::Kind::List || node.kind == Node::Kind::Streamed) {
        return {};
    }
    if (!node.escaped) {
        return node.bytes.toByteArray();
    }
    QByteArray out;
    out.reserve(node.bytes.size());
    for (qsizetype i = 0; i < node.bytes.size(); ++i) {
        char c = node.bytes[i];
        if (c == '\\' && i + 1 < node.bytes.size()) {
            c = node.bytes[++i];
        }
        out.append(c);
    }
    return out;
}

bool nodeIs(const Node &node, QByteArrayView word)
{
    return node.kind == Node::Kind::Atom && node.bytes.compare(word, Qt::CaseInsensitive) == 0;
}

std::variant<Response, ParseError> parseResponse(RawResponse raw, const ParseLimits &limits)
{
    Response response;
    response.raw = std::move(raw);
    const QByteArrayView text = response.raw.text;
    Tokenizer tokens(text, &response.raw, limits);
    QString error;

    const QByteArrayView first = tokens.word();
    if (first == "+") {
        response.kind = Response::Kind::Continuation;
        tokens.skipSpace();
        if (!parseRespText(tokens.rest(), &response, &error)) {
            return ParseError { error };
        }
        return response;
    }
    if (first.isEmpty()) {
        return ParseError { QStringLiteral("an empty response line") };
    }
    if (!tokens.skipSpace()) {
        return ParseError { QStringLiteral("a response without content: '%1'")
                                .arg(QString::fromLatin1(text.first(std::min<qsizetype>(text.size(), 60)))) };
    }
    if (first != "*") {
        // RFC 9051 §2.2.1: a tag is an astring-like word; its owner is checked by the session.
        for (const char c : first) {
            if (!isAtomChar(c) || c == '+') {
                return ParseError { QStringLiteral("an invalid tag '%1'")
                                        .arg(QString::fromLatin1(first.first(std::min<qsizetype>(first.size(), 40)))) };
            }
        }
        response.kind = Response::Kind::Tagged;
        response.tag = first.toByteArray();
        const auto status = statusWord(tokens.word());
        if (!status || *status == Response::Status::Bye || *status == Response::Status::Preauth) {
            return ParseError { QStringLiteral("a tagged response that is not OK, NO or BAD") };
        }
        response.status = *status;
        tokens.skipSpace();
        if (!parseRespText(tokens.rest(), &response, &error)) {
            return ParseError { error };
        }
        return response;
    }

    response.kind = Response::Kind::Untagged;
    QByteArrayView second = tokens.word();
    if (const auto status = statusWord(second)) {
        response.status = *status;
        tokens.skipSpace();
        if (!parseRespText(tokens.rest(), &response, &error)) {
            return ParseError { error };
        }
        return response;
    }
    if (!second.isEmpty() && second.front() >= '0' && second.front() <= '9') {
        quint64 size = 0;
        if (!parseLiteralSize(second, &size)) {
            return ParseError { QStringLiteral("an invalid message number '%1'")
                                    .arg(QString::fromLatin1(second.first(std::min<qsizetype>(second.size(), 20)))) };
        }
        response.number = static_cast<quint32>(size);
        response.hasNumber = true;
        if (!tokens.skipSpace()) {
            return ParseError { QStringLiteral("a message number without data") };
        }
        second = tokens.word();
    }
    if (second.isEmpty()) {
        return ParseError { QStringLiteral("untagged data without a name") };
    }
    response.name = upperAscii(second);
    if (!tokens.values(&response.nodes)) {
        return ParseError { tokens.error() };
    }
    return response;
}

std::variant<std::vector<Node>, ParseError> parseValues(QByteArrayView text, const ParseLimits &limits)
{
    std::vector<Node> nodes;
    Tokenizer tokens(text, nullptr, limits);
    if (!tokens.values(&nodes)) {
        return ParseError { tokens.error() };
    }
    return nodes;
}

} // namespace Satchel::Imap
