#pragma once

#include "protocols/imap/Response.h"

#include <QString>

#include <variant>

namespace Satchel::Imap {

struct ParseError {
    QString message;
};

struct ParseLimits {
    int maxDepth = 32; // nested lists (BODYSTRUCTURE of a deep message nests)
    quint32 maxNodes = 4'000'000; // values in one response (a SEARCH of every UID)
};

// Tokenizes one complete response (RFC 9051 §7, formal syntax §9) into a typed
// Response. A pure function: no state, no I/O; errors are values.
std::variant<Response, ParseError> parseResponse(RawResponse raw, const ParseLimits &limits = {});

// Tokenizes a run of values (the inside of a response-code, for one) into nodes.
std::variant<std::vector<Node>, ParseError> parseValues(QByteArrayView text, const ParseLimits &limits = {});

} // namespace Satchel::Imap
