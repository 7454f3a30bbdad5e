#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>
#include <vector>

namespace Satchel::Imap {

// The bytes of one complete server response, split from the stream by
// ResponseFramer: the text of its lines joined (CRLF removed, the "{N}" marks kept)
// and its literals apart, in order. A literal the session chose to stream is not
// here: it went to a sink as it arrived, and `streamed` says so.
struct RawResponse {
    QByteArray text;
    std::vector<QByteArray> literals;
    std::vector<bool> streamed;
    std::vector<qsizetype> marks; // offset in `text` just after each literal's "{N}"
};

// Where a large literal goes while it arrives (a file being written): called with
// each piece in order; false stops the session with a local error.
using LiteralSink = std::function<bool(QByteArrayView piece)>;

// Splits the byte stream from an IMAP server into responses (RFC 9051 §2.2.2,
// §4.3: a line ending in "{N}" is followed by exactly N octets and the response
// goes on after them). Incremental: fed whatever the socket gives, it never scans
// a byte twice, so the cost is linear in the response size. Bounded: the line
// length, one literal's size (checked before anything is allocated), the literals
// per response and the total size of an in-memory response.
class ResponseFramer
{
public:
    struct Limits {
        qsizetype maxLineLength = 1024 * 1024; // one line segment (a SEARCH of 100k UIDs fits)
        quint64 maxLiteralSize = 64 * 1024 * 1024; // kept in memory; larger must be streamed
        qsizetype maxLiterals = 100000; // per response
        qsizetype maxResponseSize = 256 * 1024 * 1024; // text plus in-memory literals
    };

    enum class Status { Response, NeedMore, Error };

    // Asked when a literal's size is known, before its first byte: return a sink to
    // stream it, or nullptr to keep it in memory. `textSoFar` is the response up to
    // and including "{N}", so the provider sees which FETCH item it is.
    using SinkProvider = std::function<LiteralSink(quint64 size, QByteArrayView textSoFar)>;

    ResponseFramer() = default;
    explicit ResponseFramer(Limits limits)
        : m_limits(limits)
    { }

    void setSinkProvider(SinkProvider provider) { m_sinkProvider = std::move(provider); }
    void feed(QByteArrayView bytes);
    // Takes the next complete response into *out. After Error, errorString() says why
    // and the stream cannot be trusted any more.
    Status next(RawResponse *out);
    QString errorString() const { return m_error; }
    // Bytes fed but not yet part of a returned response (STARTTLS: must be none).
    qsizetype pendingBytes() const { return m_buffer.size() - m_pos + m_current.text.size(); }
    // Whether a literal is being received right now (the connection dropped mid-literal).
    bool inLiteral() const { return m_literalRemaining > 0; }
    void reset();

private:
    Status fail(const QString &message);
    bool startLiteral(QByteArrayView segment);

    Limits m_limits;
    SinkProvider m_sinkProvider;
    QByteArray m_buffer;
    qsizetype m_pos = 0; // first byte not yet consumed
    qsizetype m_scan = 0; // where to continue looking for LF (never rescans)
    RawResponse m_current;
    qsizetype m_currentSize = 0;
    quint64 m_literalRemaining = 0;
    bool m_literalActive = false;
    LiteralSink m_sink;
    QString m_error;
};

// Parses the size inside a "{N}" literal mark (RFC 9051 §9: number is a 32-bit
// unsigned value). Returns false for anything else: "{-1}", "{}", "{4294967296}".
bool parseLiteralSize(QByteArrayView digits, quint64 *size);

} // namespace Satchel::Imap
