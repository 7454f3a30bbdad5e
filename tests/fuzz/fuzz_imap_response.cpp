// libFuzzer target for what an IMAP server sends: ResponseFramer fed in pieces (large
// literals optionally streamed to a sink), parseResponse on every framed response, and
// the typed readers of ResponseData that fit each untagged response's name. The first
// byte picks the piece size, the streaming threshold, a refusing sink, UTF8=ACCEPT and
// tight tokenizer limits. Beyond "no crash, no sanitizer report":
//  - framing does not depend on where the stream is cut: fed whole and fed in pieces it
//    gives the same responses, or the same error after the same responses;
//  - a streamed literal's sink receives exactly the announced number of bytes;
//  - every error (framer, tokenizer, reader) says why;
//  - every node tree is well formed: each node ends after itself and inside its parent,
//    within the depth and count limits;
//  - sequence sets never hold 0 and survive formatSequenceSet and back.
#include "protocols/imap/ResponseData.h"
#include "protocols/imap/ResponseFramer.h"
#include "protocols/imap/ResponseParser.h"

#include <algorithm>
#include <cstdint>
#include <vector>

using namespace Satchel::Imap;

namespace {

struct Mode {
    qsizetype pieceSize = 1;
    bool stream = false;
    quint64 threshold = 0; // literals larger than this go to a sink
    bool refuse = false; // the sink fails on its first piece
    bool utf8 = false;
    ParseLimits parseLimits;
};

Mode modeFrom(std::uint8_t byte)
{
    static constexpr qsizetype pieces[] = { 1, 2, 3, 5, 8, 13, 64, 1000 };
    static constexpr quint64 thresholds[] = { 0, 0, 8, 64 };
    Mode mode;
    mode.pieceSize = pieces[byte & 7];
    mode.stream = ((byte >> 3) & 3) != 0;
    mode.threshold = thresholds[(byte >> 3) & 3];
    mode.refuse = (byte & 0x20) != 0;
    mode.utf8 = (byte & 0x40) != 0;
    if (byte & 0x80) {
        mode.parseLimits.maxDepth = 4;
        mode.parseLimits.maxNodes = 64;
    }
    return mode;
}

// Small bounds, so that short inputs reach every limit.
ResponseFramer::Limits framerLimits()
{
    ResponseFramer::Limits limits;
    limits.maxLineLength = 512;
    limits.maxLiteralSize = 1024;
    limits.maxLiterals = 32;
    limits.maxResponseSize = 4096;
    return limits;
}

struct Framed {
    std::vector<RawResponse> responses;
    ResponseFramer::Status last = ResponseFramer::Status::NeedMore;
    QString error;
    std::vector<quint64> announced; // per streamed literal, in order
    std::vector<quint64> received;
};

Framed frame(QByteArrayView input, qsizetype pieceSize, const Mode &mode)
{
    ResponseFramer framer(framerLimits());
    Framed out;
    if (mode.stream) {
        framer.setSinkProvider([&out, &mode](quint64 size, QByteArrayView textSoFar) -> LiteralSink {
            if (!textSoFar.endsWith('}')) {
                __builtin_trap(); // the provider sees the text up to and including "{N}"
            }
            if (size <= mode.threshold) {
                return {};
            }
            const std::size_t slot = out.announced.size();
            out.announced.push_back(size);
            out.received.push_back(0);
            return [&out, &mode, slot](QByteArrayView piece) {
                if (piece.isEmpty()) {
                    __builtin_trap(); // no empty calls
                }
                out.received[slot] += static_cast<quint64>(piece.size());
                if (out.received[slot] > out.announced[slot]) {
                    __builtin_trap(); // more than announced
                }
                return !mode.refuse;
            };
        });
    }
    for (qsizetype pos = 0; pos < input.size() || pos == 0; pos += pieceSize) {
        framer.feed(input.sliced(pos, std::min(pieceSize, input.size() - pos)));
        for (;;) {
            RawResponse raw;
            out.last = framer.next(&raw);
            if (out.last == ResponseFramer::Status::Response) {
                if (raw.literals.size() != raw.streamed.size() || raw.literals.size() != raw.marks.size()) {
                    __builtin_trap();
                }
                // Every streamed literal of a complete response got all its bytes.
                for (std::size_t i = 0; i < out.announced.size(); ++i) {
                    if (out.received[i] != out.announced[i]) {
                        __builtin_trap();
                    }
                }
                out.responses.push_back(std::move(raw));
                continue;
            }
            if (out.last == ResponseFramer::Status::Error) {
                out.error = framer.errorString();
                if (out.error.isEmpty()) {
                    __builtin_trap();
                }
                return out;
            }
            break;
        }
        if (input.isEmpty()) {
            break;
        }
    }
    return out;
}

bool sameRaw(const RawResponse &a, const RawResponse &b)
{
    return a.text == b.text && a.literals == b.literals && a.streamed == b.streamed && a.marks == b.marks;
}

// Each node ends after itself and inside its parent; lists no deeper than allowed.
void checkTree(const Response &r, quint32 begin, quint32 end, int depth, const ParseLimits &limits)
{
    if (depth > limits.maxDepth) {
        __builtin_trap();
    }
    for (quint32 i = begin; i < end;) {
        const Node &n = r.nodes[i];
        if (n.end <= i || n.end > end) {
            __builtin_trap();
        }
        if (n.isList()) {
            checkTree(r, i + 1, n.end, depth + 1, limits);
        } else if (n.end != i + 1) {
            __builtin_trap();
        } else {
            (void)nodeString(n); // touches every byte the node points to
        }
        i = n.end;
    }
}

void checkNumbers(const QList<quint32> &numbers)
{
    if (numbers.contains(0u)) {
        __builtin_trap();
    }
    if (numbers.size() > 10000) {
        return; // the round trip below is for sets of a sensible size
    }
    QList<quint32> sorted = numbers;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    const QByteArray text = formatSequenceSet(numbers);
    const auto again = parseSequenceSet(text);
    if (sorted.isEmpty() ? !text.isEmpty() : (!again || *again != sorted)) {
        __builtin_trap();
    }
}

void touch(const BodyPart &part, int depth)
{
    if (depth > 64) {
        __builtin_trap();
    }
    (void)part.fileName.size();
    for (const BodyPart &child : part.children) {
        touch(child, depth + 1);
    }
}

void fail(const QString &error)
{
    if (error.isEmpty()) {
        __builtin_trap(); // a failure always says why
    }
}

// What the session does with a response of this name (ImapSession::handleUntagged and the commands).
void readTyped(const Response &r, const Mode &mode, int *expansions)
{
    QString error;
    if (r.kind == Response::Kind::Continuation || r.isStatus()) {
        if (r.code.name == "CAPABILITY") {
            (void)capabilitiesFromText(r.code.args);
        } else if (!r.code.args.isEmpty()) {
            const auto values = parseValues(r.code.args, mode.parseLimits);
            if (const auto *e = std::get_if<ParseError>(&values)) {
                fail(e->message);
            }
        }
        return;
    }
    if (r.kind != Response::Kind::Untagged) {
        return;
    }
    const QByteArray &name = r.name;
    if (name == "FETCH") {
        if (const auto fetch = fetchFrom(r, &error)) {
            const MessageSummary summary = summaryFrom(*fetch);
            (void)summary.envelope.subject.size();
            if (fetch->bodyStructure) {
                touch(*fetch->bodyStructure, 0);
            }
        } else {
            fail(error);
        }
    } else if (name == "LIST" || name == "LSUB") {
        if (!listEntryFrom(r, mode.utf8, &error)) {
            fail(error);
        }
    } else if (name == "STATUS") {
        if (!statusFrom(r, mode.utf8, &error)) {
            fail(error);
        }
    } else if ((name == "SEARCH" || name == "ESEARCH") && ++*expansions <= 4) {
        // A set may stand for 10 million numbers: a few per input keep the run fast.
        if (const auto found = searchResultsFrom(r, &error)) {
            checkNumbers(*found);
        } else {
            fail(error);
        }
    } else if (name == "VANISHED" && ++*expansions <= 4) {
        if (const auto vanished = vanishedFrom(r, &error)) {
            checkNumbers(vanished->uids);
        } else {
            fail(error);
        }
    } else if (name == "CAPABILITY" || name == "ENABLED") {
        (void)capabilitiesFrom(r);
    } else if (name == "FLAGS" && !r.nodes.empty()) {
        (void)flagListFrom(r, 0);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1) {
        return 0;
    }
    const Mode mode = modeFrom(data[0]);
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));

    Framed whole = frame(input, std::max<qsizetype>(input.size(), 1), mode);
    const Framed split = frame(input, mode.pieceSize, mode);
    // A refusing sink stops at its first piece, whose size depends on the cut.
    const bool sinkFailed = whole.last == ResponseFramer::Status::Error && mode.refuse;
    if (whole.last != split.last || whole.error != split.error || whole.responses.size() != split.responses.size()
        || whole.announced != split.announced || (!sinkFailed && whole.received != split.received)) {
        __builtin_trap();
    }
    for (std::size_t i = 0; i < whole.responses.size(); ++i) {
        if (!sameRaw(whole.responses[i], split.responses[i])) {
            __builtin_trap();
        }
    }

    int expansions = 0;
    for (RawResponse &raw : whole.responses) {
        auto parsed = parseResponse(std::move(raw), mode.parseLimits);
        if (const auto *error = std::get_if<ParseError>(&parsed)) {
            fail(error->message);
            continue;
        }
        const Response &response = std::get<Response>(parsed);
        if (response.nodes.size() > mode.parseLimits.maxNodes) {
            __builtin_trap();
        }
        checkTree(response, 0, static_cast<quint32>(response.nodes.size()), 0, mode.parseLimits);
        readTyped(response, mode, &expansions);
    }
    return 0;
}
