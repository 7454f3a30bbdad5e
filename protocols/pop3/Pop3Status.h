#pragma once

#include <QByteArray>

#include <optional>

namespace Satchel::Pop3 {

// A POP3 status line (RFC 1939 §3): "+OK text" or "-ERR text", with an optional
// extended response code in brackets (RFC 2449 §8, e.g. "-ERR [AUTH] bad password",
// "[IN-USE]", "[SYS/TEMP]").
struct Pop3Status {
    bool ok = false;
    QByteArray code; // "AUTH", "IN-USE", "SYS/TEMP", ... or empty
    QByteArray text;
};

// nullopt when the line is neither +OK nor -ERR: a protocol error.
std::optional<Pop3Status> parseStatusLine(const QByteArray &line);

} // namespace Satchel::Pop3
