#pragma once

// Helpers tst_imap_parser.cpp and tst_imap_response_data.cpp share: a literal as sent, one response parsed.

#include "protocols/imap/ResponseFramer.h"
#include "protocols/imap/ResponseParser.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <variant>

namespace Satchel::Imap::ParserTestSupport {

using FramerStatus = ResponseFramer::Status;

// A literal as a server sends it: "{N}" CRLF and the bytes.
inline QByteArray lit(const QByteArray &bytes)
{
    return '{' + QByteArray::number(bytes.size()) + "}\r\n" + bytes;
}

// Frames `bytes` as one response (CRLF added when missing) and tokenizes it.
inline std::variant<Response, ParseError> parse(QByteArray bytes, const ParseLimits &limits = {})
{
    if (!bytes.endsWith('\n')) {
        bytes += "\r\n";
    }
    ResponseFramer framer;
    framer.feed(bytes);
    RawResponse raw;
    if (framer.next(&raw) != FramerStatus::Response) {
        return ParseError { QStringLiteral("framing failed: ") + framer.errorString() };
    }
    return parseResponse(std::move(raw), limits);
}

// The parsed response, or nothing and the parser's message in *error.
inline std::optional<Response> parseOk(const QByteArray &bytes, QString *error)
{
    auto result = parse(bytes);
    if (auto *failure = std::get_if<ParseError>(&result)) {
        *error = failure->message;
        return std::nullopt;
    }
    return std::get<Response>(std::move(result));
}

} // namespace Satchel::Imap::ParserTestSupport
