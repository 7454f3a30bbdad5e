#include "protocols/imap/ResponseFramer.h"

namespace Satchel::Imap {

namespace {

enum class Mark { None, Literal, Invalid };

// Looks for a literal mark at the end of a line segment: "{N}" or "~{N}" (RFC 3516
// literal8). Only braces around digits, '+' or '-' count as an attempt at a mark,
// so text such as "* OK {hello}" stays text while "{-1}" is an error.
Mark literalMark(QByteArrayView segment, quint64 *size)
{
    if (!segment.endsWith('}')) {
        return Mark::None;
    }
    const qsizetype open = segment.lastIndexOf('{');
    if (open < 0) {
        return Mark::None;
    }
    const QByteArrayView inside = segment.sliced(open + 1, segment.size() - open - 2);
    for (const char c : inside) {
        if (!(c >= '0' && c <= '9') && c != '+' && c != '-') {
            return Mark::None;
        }
    }
    return parseLiteralSize(inside, size) ? Mark::Literal : Mark::Invalid;
}

} // namespace

bool parseLiteralSize(QByteArrayView digits, quint64 *size)
{
    // RFC 9051 §9: number = 1*DIGIT, a 32-bit unsigned value. Ten digits at most,
    // checked before any arithmetic can overflow.
    if (digits.isEmpty() || digits.size() > 10) {
        return false;
    }
    quint64 value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + static_cast<quint64>(c - '0');
    }
    if (value > 0xFFFFFFFFull) {
        return false;
    }
    *size = value;
    return true;
}

void ResponseFramer::reset()
{
    m_buffer.clear();
    m_pos = 0;
    m_scan = 0;
    m_current = {};
    m_currentSize = 0;
    m_literalRemaining = 0;
    m_literalActive = false;
    m_sink = nullptr;
    m_error.clear();
}

void ResponseFramer::feed(QByteArrayView bytes)
{
    // Drop what was consumed before growing: amortised, each byte moves at most once.
    if (m_pos > 0 && (m_pos == m_buffer.size() || m_pos > 64 * 1024)) {
        m_buffer.remove(0, m_pos);
        m_scan -= m_pos;
        m_pos = 0;
    }
    m_buffer.append(bytes);
}

ResponseFramer::Status ResponseFramer::fail(const QString &message)
{
    m_error = message;
    return Status::Error;
}

ResponseFramer::Status ResponseFramer::next(RawResponse *out)
{
    if (!m_error.isEmpty()) {
        return Status::Error;
    }
    for (;;) {
        if (m_literalActive) {
            const quint64 available = static_cast<quint64>(m_buffer.size() - m_pos);
            const auto take = static_cast<qsizetype>(std::min(available, m_literalRemaining));
            if (take > 0) {
                const QByteArrayView piece(m_buffer.constData() + m_pos, take);
                if (m_sink) {
                    if (!m_sink(piece)) {
                        return fail(QStringLiteral("could not store a literal from the server"));
                    }
                } else {
                    m_current.literals.back().append(piece);
                }
                m_pos += take;
                m_literalRemaining -= static_cast<quint64>(take);
            }
            if (m_literalRemaining > 0) {
                return Status::NeedMore;
            }
            m_literalActive = false;
            m_sink = nullptr;
            m_scan = m_pos;
        }

        const qsizetype newline = m_buffer.indexOf('\n', m_scan);
        if (newline < 0) {
            m_scan = m_buffer.size();
            // +1: the CR of a line of exactly the limit may be here before its LF.
            if (m_buffer.size() - m_pos > m_limits.maxLineLength + 1) {
                return fail(QStringLiteral("the server sent a line longer than %1 bytes").arg(m_limits.maxLineLength));
            }
            return Status::NeedMore;
        }
        QByteArrayView segment(m_buffer.constData() + m_pos, newline - m_pos);
        if (segment.endsWith('\r')) {
            segment.chop(1);
        }
        m_pos = newline + 1;
        m_scan = m_pos;
        if (segment.size() > m_limits.maxLineLength) {
            return fail(QStringLiteral("the server sent a line longer than %1 bytes").arg(m_limits.maxLineLength));
        }
        m_currentSize += segment.size();
        if (m_currentSize > m_limits.maxResponseSize) {
            return fail(
                QStringLiteral("the server sent a response larger than %1 bytes").arg(m_limits.maxResponseSize));
        }
        m_current.text.append(segment);

        quint64 size = 0;
        const Mark mark = literalMark(segment, &size);
        if (mark == Mark::Invalid) {
            return fail(QStringLiteral("the server announced a literal of invalid size: '%1'")
                            .arg(QString::fromLatin1(segment.last(std::min<qsizetype>(segment.size(), 24)))));
        }
        if (mark == Mark::None) {
            *out = std::move(m_current);
            m_current = {};
            m_currentSize = 0;
            return Status::Response;
        }
        if (static_cast<qsizetype>(m_current.literals.size()) >= m_limits.maxLiterals) {
            return fail(
                QStringLiteral("the server sent more than %1 literals in one response").arg(m_limits.maxLiterals));
        }
        m_sink = m_sinkProvider ? m_sinkProvider(size, m_current.text) : LiteralSink();
        if (!m_sink) {
            // Checked before a byte is allocated: a hostile size costs nothing.
            if (size > m_limits.maxLiteralSize) {
                return fail(QStringLiteral("the server announced a literal of %1 bytes, more than the %2 allowed")
                                .arg(size)
                                .arg(m_limits.maxLiteralSize));
            }
            m_currentSize += static_cast<qsizetype>(size);
            if (m_currentSize > m_limits.maxResponseSize) {
                return fail(
                    QStringLiteral("the server sent a response larger than %1 bytes").arg(m_limits.maxResponseSize));
            }
        }
        m_current.literals.emplace_back();
        m_current.marks.push_back(m_current.text.size());
        m_current.streamed.push_back(static_cast<bool>(m_sink));
        if (!m_sink && size > 0) {
            // Reserve only what has already arrived or a bounded first step; the rest
            // grows as it comes, so an announced size alone cannot exhaust memory.
            m_current.literals.back().reserve(static_cast<qsizetype>(
                std::min<quint64>(size, std::max<quint64>(64 * 1024, static_cast<quint64>(m_buffer.size() - m_pos)))));
        }
        m_literalRemaining = size;
        m_literalActive = true;
    }
}

} // namespace Satchel::Imap
