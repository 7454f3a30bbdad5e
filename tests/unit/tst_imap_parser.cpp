// The IMAP response parser proper: framing into lines and literals (RFC 9051 §2.2.2, §4.3)
// whatever the cut, streamed literals and the bounds against a hostile server; the tokenizer
// (RFC 9051 §7, §9) on status, data and continuation responses, its errors and its literal
// marks. The typed readers of parsed responses are in tst_imap_response_data.cpp.
#include "protocols/imap/ResponseData.h"
#include "protocols/imap/ResponseFramer.h"
#include "protocols/imap/ResponseParser.h"
#include "tests/unit/ImapParserTestSupport.h"

#include <QTest>

#include <algorithm>
#include <memory>
#include <variant>

using namespace Satchel::Imap;
using namespace Satchel::Imap::ParserTestSupport;

namespace {

// What a framer made of a stream: its responses in order, and how it ended.
struct Framed {
    std::vector<RawResponse> responses;
    FramerStatus last = FramerStatus::NeedMore;
    QString error;
    qsizetype pending = 0;
};

// The stream in pieces of `size` bytes; 0: in one piece.
QList<QByteArrayView> piecesOf(QByteArrayView stream, qsizetype size)
{
    QList<QByteArrayView> pieces;
    if (size <= 0) {
        pieces.append(stream);
        return pieces;
    }
    for (qsizetype pos = 0; pos < stream.size(); pos += size) {
        pieces.append(stream.sliced(pos, std::min(size, stream.size() - pos)));
    }
    return pieces;
}

// The stream in two pieces, cut before byte `cut`.
QList<QByteArrayView> cutAt(QByteArrayView stream, qsizetype cut)
{
    return { stream.first(cut), stream.sliced(cut) };
}

// Feeds the pieces one by one, taking every response as soon as it is complete.
Framed frame(const QList<QByteArrayView> &pieces, const ResponseFramer::Limits &limits = {},
    const ResponseFramer::SinkProvider &provider = {})
{
    ResponseFramer framer(limits);
    if (provider) {
        framer.setSinkProvider(provider);
    }
    Framed out;
    for (const QByteArrayView piece : pieces) {
        framer.feed(piece);
        for (;;) {
            RawResponse raw;
            out.last = framer.next(&raw);
            if (out.last == FramerStatus::Response) {
                out.responses.push_back(std::move(raw));
                continue;
            }
            if (out.last == FramerStatus::Error) {
                out.error = framer.errorString();
                out.pending = framer.pendingBytes();
                return out;
            }
            break;
        }
    }
    out.pending = framer.pendingBytes();
    return out;
}

// One line per response: its text, then each literal as [bytes] or <streamed> with the
// offset of its mark; an error ends the list.
QByteArrayList describe(const Framed &framed)
{
    QByteArrayList out;
    for (const RawResponse &raw : framed.responses) {
        QByteArray line = raw.text;
        if (raw.literals.size() != raw.streamed.size() || raw.literals.size() != raw.marks.size()) {
            line += " <inconsistent literal lists>";
        }
        for (std::size_t i = 0; i < raw.literals.size() && i < raw.streamed.size() && i < raw.marks.size(); ++i) {
            if (raw.streamed[i]) {
                line += " <streamed>";
            } else {
                line += " [" + raw.literals[i] + ']';
            }
            line += " @" + QByteArray::number(raw.marks[i]);
        }
        out.append(line);
    }
    if (framed.last == FramerStatus::Error) {
        out.append("error: " + framed.error.toUtf8());
    }
    return out;
}

// The node tree in one line: a:atom n:number q:quoted l:literal s:streamed-size NIL (list).
QByteArray dump(const Response &r, const std::vector<quint32> &indexes)
{
    QByteArrayList parts;
    for (const quint32 i : indexes) {
        const Node &n = r.nodes[i];
        QByteArray part;
        switch (n.kind) {
        case Node::Kind::Atom:
            part = "a:" + n.bytes.toByteArray();
            break;
        case Node::Kind::Number:
            part = "n:" + QByteArray::number(n.number);
            break;
        case Node::Kind::Quoted:
            part = "q:" + nodeString(n);
            break;
        case Node::Kind::Literal:
            part = "l:" + n.bytes.toByteArray();
            break;
        case Node::Kind::Streamed:
            part = "s:" + QByteArray::number(n.number);
            break;
        case Node::Kind::Nil:
            part = "NIL";
            break;
        case Node::Kind::List:
            part = '(' + dump(r, r.children(i)) + ')';
            break;
        }
        parts.append(part);
    }
    return parts.join(' ');
}

QByteArray dump(const Response &r)
{
    return dump(r, r.topLevel());
}

} // namespace

class TestImapParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ResponseFramer
    void framing_data();
    void framing();
    void framingErrors_data();
    void framingErrors();
    void lineAtLimit_data();
    void lineAtLimit();
    void errorIsStickyUntilReset();
    void streaming_data();
    void streaming();
    void streamedHugeLiteralIsAccepted();
    void sinkFailureStopsTheStream();
    void manyLiterals_data();
    void manyLiterals();
    // parseResponse
    void statusResponses_data();
    void statusResponses();
    void untaggedData_data();
    void untaggedData();
    void parseErrors_data();
    void parseErrors();
    void literalMarks_data();
    void literalMarks();
};

// ---------------------------------------------------------------- ResponseFramer

void TestImapParser::framing_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArrayList>("expected"); // describe() of the responses
    QTest::addColumn<int>("pending"); // bytes left over at the end

    QTest::newRow("greeting-capability-tagged")
        << QByteArray("* OK [CAPABILITY IMAP4rev2] ready\r\n* CAPABILITY IMAP4rev2 IDLE\r\nA1 OK done\r\n")
        << QByteArrayList { "* OK [CAPABILITY IMAP4rev2] ready", "* CAPABILITY IMAP4rev2 IDLE", "A1 OK done" } << 0;
    QTest::newRow("bare-lf-line-ends") << QByteArray("* 1 EXISTS\n* 0 RECENT\n")
                                       << QByteArrayList { "* 1 EXISTS", "* 0 RECENT" } << 0;
    QTest::newRow("literal-in-fetch") << QByteArray("* 12 FETCH (BODY[HEADER] " + lit("Subject: hi\r\n\r\n")
        + " UID 5)\r\n") << QByteArrayList { "* 12 FETCH (BODY[HEADER] {15} UID 5) [Subject: hi\r\n\r\n] @29" }
                                      << 0;
    QTest::newRow("literal-last-in-response") << QByteArray("* 1 FETCH (BODY[] " + lit("abc") + ")\r\n")
                                              << QByteArrayList { "* 1 FETCH (BODY[] {3}) [abc] @21" } << 0;
    QTest::newRow("two-literals-in-one-response")
        << QByteArray("* 3 FETCH (BODY[1] " + lit("first") + " BODY[2] " + lit("second!") + ")\r\n* 4 EXISTS\r\n")
        << QByteArrayList { "* 3 FETCH (BODY[1] {5} BODY[2] {7}) [first] @22 [second!] @34", "* 4 EXISTS" } << 0;
    QTest::newRow("empty-literal") << QByteArray("* LIST () \"/\" {0}\r\n\r\n* 2 EXISTS\r\n")
                                   << QByteArrayList { "* LIST () \"/\" {0} [] @17", "* 2 EXISTS" } << 0;
    QTest::newRow("literal-with-crlf-and-mark-inside")
        << QByteArray("* 1 FETCH (BODY[] " + lit("a\r\n{5}\r\nb") + ")\r\n")
        << QByteArrayList { "* 1 FETCH (BODY[] {9}) [a\r\n{5}\r\nb] @21" } << 0;
    QTest::newRow("literal8-with-nul-bytes")
        << QByteArray("* 1 FETCH (BINARY[1] ~{4}\r\n\0\1\r\n)\r\n", 34)
        << QByteArrayList { QByteArray("* 1 FETCH (BINARY[1] ~{4}) [\0\1\r\n] @25", 37) } << 0;
    QTest::newRow("text-in-braces-is-not-a-literal")
        << QByteArray("* OK {hello}\r\n* BYE {x1}\r\n") << QByteArrayList { "* OK {hello}", "* BYE {x1}" } << 0;
    QTest::newRow("incomplete-tail-is-pending")
        << QByteArray("* 1 EXISTS\r\n* 2 EX") << QByteArrayList { "* 1 EXISTS" } << 6;
    QTest::newRow("incomplete-literal-is-pending")
        << QByteArray("* 1 FETCH (BODY[] {10}\r\nabc") << QByteArrayList {} << 22;
}

void TestImapParser::framing()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, expected);
    QFETCH(int, pending);

    const Framed whole = frame(piecesOf(stream, 0));
    QCOMPARE(describe(whole), expected);
    QCOMPARE(whole.last, FramerStatus::NeedMore);
    QCOMPARE(int(whole.pending), pending);

    const Framed bytewise = frame(piecesOf(stream, 1));
    QCOMPARE(describe(bytewise), expected);
    QCOMPARE(int(bytewise.pending), pending);

    for (qsizetype cut = 1; cut < stream.size(); ++cut) {
        const Framed two = frame(cutAt(stream, cut));
        QVERIFY2(describe(two) == expected, qPrintable(QStringLiteral("different when cut at byte %1").arg(cut)));
    }
}

void TestImapParser::framingErrors_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("maxLine"); // 0: the default limits
    QTest::addColumn<qulonglong>("maxLiteral");
    QTest::addColumn<int>("maxLiterals");
    QTest::addColumn<int>("maxResponse");
    QTest::addColumn<int>("before"); // responses returned before the error
    QTest::addColumn<QString>("fragment");

    // The hostile sizes: nothing follows the mark, the error must come from the mark alone.
    QTest::newRow("literal-size-overflow-20-digits") << QByteArray("* 1 FETCH (BODY[] {99999999999999999999}\r\n") << 0
                                                     << 0ull << 0 << 0 << 0 << QStringLiteral("invalid size");
    QTest::newRow("literal-size-2^32") << QByteArray("* 1 FETCH (BODY[] {4294967296}\r\n") << 0 << 0ull << 0 << 0 << 0
                                       << QStringLiteral("invalid size: '");
    QTest::newRow("literal-size-negative")
        << QByteArray("* 1 FETCH (BODY[] {-1}\r\n") << 0 << 0ull << 0 << 0 << 0 << QStringLiteral("invalid size");
    QTest::newRow("literal-plus-from-server") << QByteArray("* 1 FETCH (BODY[] {5+}\r\nhello)\r\n") << 0 << 0ull << 0
                                              << 0 << 0 << QStringLiteral("invalid size");
    QTest::newRow("literal-size-2^32-1-without-sink")
        << QByteArray("* OK go\r\n* 1 FETCH (BODY[] {4294967295}\r\n") << 0 << 0ull << 0 << 0 << 1
        << QStringLiteral("a literal of 4294967295 bytes, more than the 67108864 allowed");
    QTest::newRow("literal-over-max-literal-size") << QByteArray("* 1 FETCH (BODY[] {1025}\r\n") << 0 << 1024ull << 0
                                                   << 0 << 0 << QStringLiteral("a literal of 1025 bytes");
    QTest::newRow("line-too-long") << QByteArray("* OK " + QByteArray(60, 'x') + "\r\n") << 64 << 0ull << 0 << 0 << 0
                                   << QStringLiteral("a line longer than 64 bytes");
    QTest::newRow("line-too-long-without-lf") << QByteArray("* OK " + QByteArray(200, 'x')) << 64 << 0ull << 0 << 0 << 0
                                              << QStringLiteral("a line longer than 64 bytes");
    QTest::newRow("line-after-literal-too-long")
        << QByteArray("* 1 FETCH (BODY[] " + lit("abc") + ' ' + QByteArray(70, 'y') + ")\r\n") << 64 << 0ull << 0 << 0
        << 0 << QStringLiteral("a line longer than 64 bytes");
    QTest::newRow("too-many-literals") << QByteArray("* 1 FETCH (A " + lit("1") + " B " + lit("2") + " C " + lit("3")
        + ")\r\n") << 0 << 0ull << 2 << 0
                                       << 0 << QStringLiteral("more than 2 literals in one response");
    QTest::newRow("response-too-large") << QByteArray("* 1 FETCH (BODY[] " + lit(QByteArray(90, 'z')) + ")\r\n") << 0
                                        << 0ull << 0 << 100 << 0 << QStringLiteral("a response larger than 100 bytes");
}

void TestImapParser::framingErrors()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, maxLine);
    QFETCH(qulonglong, maxLiteral);
    QFETCH(int, maxLiterals);
    QFETCH(int, maxResponse);
    QFETCH(int, before);
    QFETCH(QString, fragment);

    ResponseFramer::Limits limits;
    if (maxLine > 0) {
        limits.maxLineLength = maxLine;
    }
    if (maxLiteral > 0) {
        limits.maxLiteralSize = maxLiteral;
    }
    if (maxLiterals > 0) {
        limits.maxLiterals = maxLiterals;
    }
    if (maxResponse > 0) {
        limits.maxResponseSize = maxResponse;
    }
    for (const qsizetype size : { qsizetype(0), qsizetype(1) }) {
        const Framed framed = frame(piecesOf(stream, size), limits);
        QCOMPARE(framed.last, FramerStatus::Error);
        QVERIFY2(framed.error.contains(fragment), qPrintable(framed.error));
        QCOMPARE(int(framed.responses.size()), before);
    }
}

void TestImapParser::lineAtLimit_data()
{
    QTest::addColumn<int>("pieceSize");
    QTest::newRow("whole") << 0;
    QTest::newRow("cut-between-cr-and-lf") << -1;
    QTest::newRow("byte-by-byte") << 1;
}

void TestImapParser::lineAtLimit()
{
    // A line of exactly maxLineLength bytes is allowed, however it arrives.
    QFETCH(int, pieceSize);
    ResponseFramer::Limits limits;
    limits.maxLineLength = 16;
    const QByteArray stream = "* OK " + QByteArray(11, 'x') + "\r\n";
    QCOMPARE(stream.size(), qsizetype(18));
    const Framed framed = frame(pieceSize < 0 ? cutAt(stream, 17) : piecesOf(stream, pieceSize), limits);
    QCOMPARE(describe(framed), QByteArrayList { QByteArray("* OK " + QByteArray(11, 'x')) });
}

void TestImapParser::errorIsStickyUntilReset()
{
    ResponseFramer framer;
    framer.feed("* 1 FETCH (BODY[] {-1}\r\n");
    RawResponse raw;
    QCOMPARE(framer.next(&raw), FramerStatus::Error);
    const QString error = framer.errorString();
    QVERIFY(!error.isEmpty());
    framer.feed("* 2 EXISTS\r\n");
    QCOMPARE(framer.next(&raw), FramerStatus::Error);
    QCOMPARE(framer.errorString(), error);

    framer.reset();
    QVERIFY(framer.errorString().isEmpty());
    QCOMPARE(framer.pendingBytes(), qsizetype(0));
    framer.feed("* 2 EXISTS\r\n");
    QCOMPARE(framer.next(&raw), FramerStatus::Response);
    QCOMPARE(raw.text, QByteArray("* 2 EXISTS"));
}

void TestImapParser::streaming_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qulonglong>("threshold"); // literals larger than this are streamed
    QTest::addColumn<QList<bool>>("streamed");
    QTest::addColumn<QByteArrayList>("sunk"); // what each sink received
    QTest::addColumn<QByteArrayList>("askedAfter"); // the end of textSoFar at each question
    QTest::addColumn<QByteArray>("tree");

    const QByteArray body = "From: a@b\r\n\r\n{5}\r\nbody!";
    QTest::newRow("large-body-streamed") << QByteArray("* 1 FETCH (UID 7 BODY[] " + lit(body) + ")\r\n") << 10ull
                                         << QList<bool> { true } << QByteArrayList { body }
                                         << QByteArrayList { "UID 7 BODY[] {23}" }
                                         << QByteArray("(a:UID n:7 a:BODY[] s:23)");
    QTest::newRow("small-kept-large-streamed")
        << QByteArray("* 2 FETCH (BODY[HEADER] " + lit("abc") + " BODY[TEXT] " + lit("0123456789AB") + ")\r\n") << 10ull
        << QList<bool> { false, true } << QByteArrayList { "0123456789AB" }
        << QByteArrayList { "BODY[HEADER] {3}", "BODY[TEXT] {12}" }
        << QByteArray("(a:BODY[HEADER] l:abc a:BODY[TEXT] s:12)");
    QTest::newRow("size-at-threshold-is-kept")
        << QByteArray("* 3 FETCH (BODY[] " + lit("0123456789") + ")\r\n") << 10ull << QList<bool> { false }
        << QByteArrayList {} << QByteArrayList { "BODY[] {10}" } << QByteArray("(a:BODY[] l:0123456789)");
    QTest::newRow("empty-literal-at-threshold-zero-is-kept")
        << QByteArray("* 4 FETCH (BODY[] {0}\r\n)\r\n") << 0ull << QList<bool> { false } << QByteArrayList {}
        << QByteArrayList { "BODY[] {0}" } << QByteArray("(a:BODY[] l:)");
}

void TestImapParser::streaming()
{
    QFETCH(QByteArray, stream);
    QFETCH(qulonglong, threshold);
    QFETCH(QList<bool>, streamed);
    QFETCH(QByteArrayList, sunk);
    QFETCH(QByteArrayList, askedAfter);
    QFETCH(QByteArray, tree);

    for (const qsizetype size : { qsizetype(0), qsizetype(1), qsizetype(7) }) {
        auto received = std::make_shared<QByteArrayList>();
        auto pieces = std::make_shared<int>(0);
        auto asked = std::make_shared<QByteArrayList>();
        const ResponseFramer::SinkProvider provider
            = [=](quint64 literalSize, QByteArrayView textSoFar) -> LiteralSink {
            asked->append(textSoFar.last(std::min<qsizetype>(textSoFar.size(), askedAfter.value(asked->size()).size()))
                              .toByteArray());
            if (literalSize <= threshold) {
                return {};
            }
            received->append(QByteArray());
            const qsizetype slot = received->size() - 1;
            return [received, pieces, slot](QByteArrayView piece) {
                (*received)[slot].append(piece);
                ++*pieces;
                return true;
            };
        };
        const Framed framed = frame(piecesOf(stream, size), {}, provider);
        QCOMPARE(framed.last, FramerStatus::NeedMore);
        QCOMPARE(int(framed.responses.size()), 1);
        const RawResponse &raw = framed.responses.front();
        QCOMPARE(QList<bool>(raw.streamed.begin(), raw.streamed.end()), streamed);
        QCOMPARE(*received, sunk);
        QCOMPARE(*asked, askedAfter);
        for (std::size_t i = 0; i < raw.literals.size(); ++i) {
            if (raw.streamed[i]) {
                QVERIFY(raw.literals[i].isEmpty()); // the bytes went to the sink, not to memory
            }
        }
        if (size == 1) {
            // One call per byte: the sink sees the bytes while they arrive, not at the end.
            qsizetype total = 0;
            for (const QByteArray &bytes : sunk) {
                total += bytes.size();
            }
            QCOMPARE(*pieces, int(total));
        }

        auto result = parseResponse(framed.responses.front());
        QVERIFY(std::holds_alternative<Response>(result));
        const Response &response = std::get<Response>(result);
        QCOMPARE(dump(response), tree);
        QString error;
        const auto fetch = fetchFrom(response, &error);
        QVERIFY2(fetch, qPrintable(error));
        int streamedSections = 0;
        for (const FetchedSection &section : fetch->sections) {
            streamedSections += section.streamed ? 1 : 0;
            QVERIFY(!section.streamed || section.bytes.isEmpty());
        }
        QCOMPARE(streamedSections, int(std::count(streamed.begin(), streamed.end(), true)));
    }
}

void TestImapParser::streamedHugeLiteralIsAccepted()
{
    // Announced sizes up to 2^32-1 are fine when a sink takes them: nothing is kept in memory.
    ResponseFramer::Limits limits;
    limits.maxLiteralSize = 1024;
    limits.maxResponseSize = 4096;
    ResponseFramer framer(limits);
    QByteArray sunk;
    framer.setSinkProvider([&sunk](quint64, QByteArrayView) -> LiteralSink {
        return [&sunk](QByteArrayView piece) {
            sunk.append(piece);
            return true;
        };
    });
    framer.feed("* 1 FETCH (BODY[] {4294967295}\r\n");
    framer.feed(QByteArray(5000, 'q'));
    RawResponse raw;
    QCOMPARE(framer.next(&raw), FramerStatus::NeedMore);
    QVERIFY(framer.errorString().isEmpty());
    QVERIFY(framer.inLiteral());
    QCOMPARE(sunk, QByteArray(5000, 'q'));
}

void TestImapParser::sinkFailureStopsTheStream()
{
    ResponseFramer framer;
    framer.setSinkProvider([](quint64, QByteArrayView) -> LiteralSink { return [](QByteArrayView) { return false; }; });
    framer.feed(QByteArray("* 1 FETCH (BODY[] " + lit("abcdef") + ")\r\n"));
    RawResponse raw;
    QCOMPARE(framer.next(&raw), FramerStatus::Error);
    QCOMPARE(framer.errorString(), QStringLiteral("could not store a literal from the server"));
}

void TestImapParser::manyLiterals_data()
{
    QTest::addColumn<int>("pieceSize");
    QTest::newRow("whole") << 0;
    QTest::newRow("pieces-of-1000") << 1000;
    QTest::newRow("byte-by-byte") << 1;
}

void TestImapParser::manyLiterals()
{
    // 20,000 small literals in one FETCH: framing and tokenizing stay linear (a quadratic
    // rescan would make this take minutes; ctest's timeout is the judge).
    QFETCH(int, pieceSize);
    constexpr int count = 20000;
    QByteArray stream = "* 1 FETCH (";
    for (int i = 1; i <= count; ++i) {
        stream += (i > 1 ? " BODY[" : "BODY[") + QByteArray::number(i) + "] " + lit("abc");
    }
    stream += ")\r\n";

    const Framed framed = frame(piecesOf(stream, pieceSize));
    QCOMPARE(framed.last, FramerStatus::NeedMore);
    QCOMPARE(int(framed.responses.size()), 1);
    QCOMPARE(int(framed.responses.front().literals.size()), count);
    QCOMPARE(framed.pending, qsizetype(0));

    auto result = parseResponse(framed.responses.front());
    QVERIFY(std::holds_alternative<Response>(result));
    const Response &response = std::get<Response>(result);
    QCOMPARE(int(response.nodes.size()), 1 + 2 * count);
    QString error;
    const auto fetch = fetchFrom(response, &error);
    QVERIFY2(fetch, qPrintable(error));
    QCOMPARE(int(fetch->sections.size()), count);
    QCOMPARE(fetch->sections.last().name, QByteArray("BODY[20000]"));
    QCOMPARE(fetch->sections.last().bytes, QByteArray("abc"));
}

// ---------------------------------------------------------------- parseResponse

void TestImapParser::statusResponses_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("kind"); // Response::Kind
    QTest::addColumn<int>("status"); // Response::Status
    QTest::addColumn<QByteArray>("tag");
    QTest::addColumn<QByteArray>("codeName");
    QTest::addColumn<QByteArray>("codeArgs");
    QTest::addColumn<QByteArray>("text");

    const int tagged = int(Response::Kind::Tagged);
    const int untagged = int(Response::Kind::Untagged);
    const int continuation = int(Response::Kind::Continuation);
    const int none = int(Response::Status::None);
    const int ok = int(Response::Status::Ok);

    QTest::newRow("tagged-ok-uidvalidity")
        << QByteArray("A142 OK [UIDVALIDITY 3857529045] UIDs valid") << tagged << ok << QByteArray("A142")
        << QByteArray("UIDVALIDITY") << QByteArray("3857529045") << QByteArray("UIDs valid");
    QTest::newRow("tagged-ok-appenduid") << QByteArray("A003 OK [APPENDUID 38505 3955] APPEND completed") << tagged
                                         << ok << QByteArray("A003") << QByteArray("APPENDUID")
                                         << QByteArray("38505 3955") << QByteArray("APPEND completed");
    QTest::newRow("tagged-ok-capability")
        << QByteArray("a1 ok [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE] Logged in") << tagged << ok
        << QByteArray("a1") << QByteArray("CAPABILITY") << QByteArray("IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE")
        << QByteArray("Logged in");
    QTest::newRow("tagged-no-without-code")
        << QByteArray("A2 NO no such mailbox") << tagged << int(Response::Status::No) << QByteArray("A2")
        << QByteArray() << QByteArray() << QByteArray("no such mailbox");
    QTest::newRow("tagged-bad-with-lowercase-code")
        << QByteArray("A3 BAD [badcharset (UTF-8)] no") << tagged << int(Response::Status::Bad) << QByteArray("A3")
        << QByteArray("BADCHARSET") << QByteArray("(UTF-8)") << QByteArray("no");
    QTest::newRow("tagged-ok-without-text")
        << QByteArray("A4 OK") << tagged << ok << QByteArray("A4") << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("untagged-alert") << QByteArray("* OK [ALERT] System shutdown in 10 minutes") << untagged << ok
                                    << QByteArray() << QByteArray("ALERT") << QByteArray()
                                    << QByteArray("System shutdown in 10 minutes");
    QTest::newRow("untagged-permanentflags")
        << QByteArray(R"(* OK [PERMANENTFLAGS (\Deleted \Seen \*)] Limited)") << untagged << ok << QByteArray()
        << QByteArray("PERMANENTFLAGS") << QByteArray(R"((\Deleted \Seen \*))") << QByteArray("Limited");
    QTest::newRow("untagged-no") << QByteArray("* NO [ALERT] disk full") << untagged << int(Response::Status::No)
                                 << QByteArray() << QByteArray("ALERT") << QByteArray() << QByteArray("disk full");
    QTest::newRow("untagged-bye") << QByteArray("* BYE Autologout; idle for too long") << untagged
                                  << int(Response::Status::Bye) << QByteArray() << QByteArray() << QByteArray()
                                  << QByteArray("Autologout; idle for too long");
    QTest::newRow("untagged-preauth") << QByteArray("* PREAUTH IMAP4rev2 server logged in as Smith") << untagged
                                      << int(Response::Status::Preauth) << QByteArray() << QByteArray() << QByteArray()
                                      << QByteArray("IMAP4rev2 server logged in as Smith");
    QTest::newRow("status-text-with-braces")
        << QByteArray("* OK {hello} [not a code]") << untagged << ok << QByteArray() << QByteArray() << QByteArray()
        << QByteArray("{hello} [not a code]");
    QTest::newRow("continuation-ready") << QByteArray("+ Ready for additional command text") << continuation << none
                                        << QByteArray() << QByteArray() << QByteArray()
                                        << QByteArray("Ready for additional command text");
    QTest::newRow("continuation-bare-plus")
        << QByteArray("+") << continuation << none << QByteArray() << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("continuation-base64") << QByteArray("+ YGgGCSqGSIb3EgECAgIBAAD/////") << continuation << none
                                         << QByteArray() << QByteArray() << QByteArray()
                                         << QByteArray("YGgGCSqGSIb3EgECAgIBAAD/////");
}

void TestImapParser::statusResponses()
{
    QFETCH(QByteArray, line);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QByteArray, tag);
    QFETCH(QByteArray, codeName);
    QFETCH(QByteArray, codeArgs);
    QFETCH(QByteArray, text);
    QString error;
    const auto r = parseOk(line, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(int(r->kind), kind);
    QCOMPARE(int(r->status), status);
    QCOMPARE(r->isStatus(), status != int(Response::Status::None));
    QCOMPARE(r->tag, tag);
    QCOMPARE(r->code.name, codeName);
    QCOMPARE(r->code.args, codeArgs);
    QCOMPARE(r->text, text);
    QVERIFY(r->nodes.empty());
}

void TestImapParser::untaggedData_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("hasNumber");
    QTest::addColumn<uint>("number");
    QTest::addColumn<QByteArray>("tree");

    QTest::newRow("exists") << QByteArray("* 12 EXISTS") << QByteArray("EXISTS") << true << 12u << QByteArray();
    QTest::newRow("expunge") << QByteArray("* 3 EXPUNGE") << QByteArray("EXPUNGE") << true << 3u << QByteArray();
    QTest::newRow("exists-max-number") << QByteArray("* 4294967295 EXISTS") << QByteArray("EXISTS") << true
                                       << 4294967295u << QByteArray();
    QTest::newRow("name-upper-cased") << QByteArray("* 1 fetch (uid 9)") << QByteArray("FETCH") << true << 1u
                                      << QByteArray("(a:uid n:9)");
    QTest::newRow("capability") << QByteArray("* CAPABILITY IMAP4rev2 AUTH=PLAIN") << QByteArray("CAPABILITY") << false
                                << 0u << QByteArray("a:IMAP4rev2 a:AUTH=PLAIN");
    QTest::newRow("search-empty") << QByteArray("* SEARCH") << QByteArray("SEARCH") << false << 0u << QByteArray();
    QTest::newRow("flags-atoms") << QByteArray(R"(* FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Junk))")
                                 << QByteArray("FLAGS") << false << 0u
                                 << QByteArray(R"((a:\Answered a:\Flagged a:\Deleted a:\Seen a:\Draft a:$Junk))");
    QTest::newRow("fetch-quoted-escapes")
        << QByteArray(R"(* 1 FETCH (X "say \"hi\" to C:\\dir" Y "" Z "plain"))") << QByteArray("FETCH") << true << 1u
        << QByteArray(R"((a:X q:say "hi" to C:\dir a:Y q: a:Z q:plain))");
    QTest::newRow("fetch-nil-and-nested-lists")
        << QByteArray(R"(* 2 FETCH (A NIL B ((1 2) (nil "x") ()) C Nil))") << QByteArray("FETCH") << true << 2u
        << QByteArray("(a:A NIL a:B ((n:1 n:2) (NIL q:x) ()) a:C NIL)");
    QTest::newRow("fetch-section-with-spaces")
        << QByteArray("* 3 FETCH (BODY[HEADER.FIELDS (DATE FROM)] " + lit("Date: x\r\n\r\n") + " UID 4)")
        << QByteArray("FETCH") << true << 3u
        << QByteArray("(a:BODY[HEADER.FIELDS (DATE FROM)] l:Date: x\r\n\r\n a:UID n:4)");
    QTest::newRow("fetch-partial-section")
        << QByteArray("* 4 FETCH (BODY[1.2]<0> " + lit("hello") + ")") << QByteArray("FETCH") << true << 4u
        << QByteArray("(a:BODY[1.2]<0> l:hello)");
    QTest::newRow("fetch-flags-with-wildcard-atoms")
        << QByteArray(R"(* 5 FETCH (FLAGS (\Seen \* $Forwarded)))") << QByteArray("FETCH") << true << 5u
        << QByteArray(R"((a:FLAGS (a:\Seen a:\* a:$Forwarded)))");
    QTest::newRow("fetch-literal8") << QByteArray("* 6 FETCH (BINARY[1] ~{3}\r\nab\n)") << QByteArray("FETCH") << true
                                    << 6u << QByteArray("(a:BINARY[1] l:ab\n)");
    QTest::newRow("twenty-digit-number-is-an-atom")
        << QByteArray("* SEARCH 12345678901234567890 9") << QByteArray("SEARCH") << false << 0u
        << QByteArray("a:12345678901234567890 n:9");
    QTest::newRow("list-with-literal-name") << QByteArray("* LIST () \"/\" " + lit("Sent Items")) << QByteArray("LIST")
                                            << false << 0u << QByteArray("() q:/ l:Sent Items");
}

void TestImapParser::untaggedData()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, name);
    QFETCH(bool, hasNumber);
    QFETCH(uint, number);
    QFETCH(QByteArray, tree);
    QString error;
    const auto r = parseOk(line, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->kind, Response::Kind::Untagged);
    QVERIFY(!r->isStatus());
    QCOMPARE(r->name, name);
    QCOMPARE(r->hasNumber, hasNumber);
    QCOMPARE(r->number, number);
    QCOMPARE(dump(*r), tree);
}

void TestImapParser::parseErrors_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("maxNodes"); // 0: the default
    QTest::addColumn<QString>("fragment"); // empty: parses
    QTest::addColumn<int>("nodes"); // when it parses

    const int depth = ParseLimits {}.maxDepth;
    QTest::newRow("unbalanced-close") << QByteArray("* 1 FETCH (UID 1))") << 0
                                      << QStringLiteral("unbalanced ')' at byte 17") << 0;
    QTest::newRow("unbalanced-open") << QByteArray("* 1 FETCH (UID 1") << 0 << QStringLiteral("a list is not closed")
                                     << 0;
    QTest::newRow("unclosed-quote") << QByteArray("* LIST () \"/\" \"INBOX") << 0
                                    << QStringLiteral("a quoted string is not closed") << 0;
    QTest::newRow("quote-ending-in-escape")
        << QByteArray(R"(* LIST () "/" "INBOX\")") << 0 << QStringLiteral("a quoted string is not closed") << 0;
    QTest::newRow("nesting-at-max-depth")
        << QByteArray("* X " + QByteArray(depth, '(') + QByteArray(depth, ')')) << 0 << QString() << depth;
    QTest::newRow("nesting-deeper-than-max-depth")
        << QByteArray("* X " + QByteArray(depth + 1, '(') + QByteArray(depth + 1, ')')) << 0
        << QStringLiteral("deeper than %1").arg(depth) << 0;
    QTest::newRow("values-at-max-nodes") << QByteArray("* SEARCH 1 2 3 4 5 6 7 8 9 10") << 10 << QString() << 10;
    QTest::newRow("values-over-max-nodes")
        << QByteArray("* SEARCH 1 2 3 4 5 6 7 8 9 10 11") << 10 << QStringLiteral("more than 10 values") << 0;
    QTest::newRow("lists-count-as-nodes")
        << QByteArray("* X (1 2) (3 4) (5 6) (7)") << 10 << QStringLiteral("more than 10 values") << 0;
    QTest::newRow("tagged-bye") << QByteArray("A1 BYE logging out") << 0
                                << QStringLiteral("a tagged response that is not OK, NO or BAD") << 0;
    QTest::newRow("tagged-preauth") << QByteArray("A1 PREAUTH hi") << 0
                                    << QStringLiteral("a tagged response that is not OK, NO or BAD") << 0;
    QTest::newRow("tagged-unknown-status")
        << QByteArray("A1 MAYBE") << 0 << QStringLiteral("a tagged response that is not OK, NO or BAD") << 0;
    QTest::newRow("empty-line") << QByteArray("\r\n") << 0 << QStringLiteral("an empty response line") << 0;
    QTest::newRow("star-alone") << QByteArray("*") << 0 << QStringLiteral("a response without content") << 0;
    QTest::newRow("star-space") << QByteArray("* ") << 0 << QStringLiteral("untagged data without a name") << 0;
    QTest::newRow("message-number-overflow")
        << QByteArray("* 99999999999 EXISTS") << 0 << QStringLiteral("an invalid message number '99999999999'") << 0;
    QTest::newRow("message-number-2^32") << QByteArray("* 4294967296 EXISTS") << 0
                                         << QStringLiteral("an invalid message number") << 0;
    QTest::newRow("message-number-with-letters")
        << QByteArray("* 12a EXISTS") << 0 << QStringLiteral("an invalid message number '12a'") << 0;
    QTest::newRow("message-number-without-name")
        << QByteArray("* 12") << 0 << QStringLiteral("a message number without data") << 0;
    QTest::newRow("tag-with-plus") << QByteArray("A+1 OK") << 0 << QStringLiteral("an invalid tag 'A+1'") << 0;
    QTest::newRow("tag-with-paren") << QByteArray("A(1 OK") << 0 << QStringLiteral("an invalid tag") << 0;
    QTest::newRow("response-code-not-closed")
        << QByteArray("A1 OK [ALERT hello") << 0 << QStringLiteral("a response code is not closed") << 0;
    QTest::newRow("empty-response-code") << QByteArray("* OK [] hm") << 0 << QStringLiteral("an empty response code")
                                         << 0;
    QTest::newRow("section-not-closed") << QByteArray("* 1 FETCH (BODY[HEADER UID 1)") << 0
                                        << QStringLiteral("a '[' is not closed") << 0;
}

void TestImapParser::parseErrors()
{
    QFETCH(QByteArray, line);
    QFETCH(int, maxNodes);
    QFETCH(QString, fragment);
    QFETCH(int, nodes);
    ParseLimits limits;
    if (maxNodes > 0) {
        limits.maxNodes = quint32(maxNodes);
    }
    const auto result = parse(line, limits);
    if (fragment.isEmpty()) {
        const auto *error = std::get_if<ParseError>(&result);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(int(std::get<Response>(result).nodes.size()), nodes);
        return;
    }
    const auto *error = std::get_if<ParseError>(&result);
    QVERIFY2(error, "parsed, an error was expected");
    QVERIFY2(error->message.contains(fragment), qPrintable(error->message));
}

void TestImapParser::literalMarks_data()
{
    // RawResponse built by hand: the tokenizer trusts only marks the framer recorded.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArrayList>("literals");
    QTest::addColumn<QList<qsizetype>>("marks");
    QTest::addColumn<QString>("fragment"); // empty: parses
    QTest::addColumn<QByteArray>("tree");

    QTest::newRow("mark-the-framer-saw") << QByteArray("* 1 FETCH (BODY[] {3})") << QByteArrayList { "abc" }
                                         << QList<qsizetype> { 21 } << QString() << QByteArray("(a:BODY[] l:abc)");
    QTest::newRow("mark-not-at-a-line-end")
        << QByteArray("* 1 FETCH (BODY[] {3} UID 1)") << QByteArrayList { "abc" } << QList<qsizetype> { 28 }
        << QStringLiteral("not at the end of a line") << QByteArray();
    QTest::newRow("mark-without-literal")
        << QByteArray("* 1 FETCH (BODY[] {3})") << QByteArrayList {} << QList<qsizetype> {}
        << QStringLiteral("not at the end of a line") << QByteArray();
    QTest::newRow("literal-shorter-than-announced")
        << QByteArray("* 1 FETCH (BODY[] {3})") << QByteArrayList { "ab" } << QList<qsizetype> { 21 }
        << QStringLiteral("shorter than announced") << QByteArray();
    QTest::newRow("mark-with-bad-size") << QByteArray("* 1 FETCH (BODY[] {1x})") << QByteArrayList { "a" }
                                        << QList<qsizetype> { 22 } << QStringLiteral("invalid size") << QByteArray();
    QTest::newRow("mark-not-closed") << QByteArray("* 1 FETCH (BODY[] {3") << QByteArrayList {} << QList<qsizetype> {}
                                     << QStringLiteral("malformed") << QByteArray();
}

void TestImapParser::literalMarks()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, literals);
    QFETCH(QList<qsizetype>, marks);
    QFETCH(QString, fragment);
    QFETCH(QByteArray, tree);
    RawResponse raw;
    raw.text = text;
    raw.literals.assign(literals.begin(), literals.end());
    raw.streamed.assign(literals.size(), false);
    raw.marks.assign(marks.begin(), marks.end());
    const auto result = parseResponse(raw);
    if (fragment.isEmpty()) {
        QVERIFY(std::holds_alternative<Response>(result));
        QCOMPARE(dump(std::get<Response>(result)), tree);
        return;
    }
    const auto *error = std::get_if<ParseError>(&result);
    QVERIFY2(error, "parsed, an error was expected");
    QVERIFY2(error->message.contains(fragment), qPrintable(error->message));

    // The same text outside a response (a response code's inside) has no literals at all.
    const auto values = parseValues(QByteArrayView(text).sliced(10));
    QVERIFY(std::holds_alternative<ParseError>(values));
}

QTEST_GUILESS_MAIN(TestImapParser)
#include "tst_imap_parser.moc"
