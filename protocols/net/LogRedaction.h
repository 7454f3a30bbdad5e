#pragma once

#include <QByteArray>

namespace Satchel::Net {

// Which protocol's rules to apply when a client line is written to the log.
enum class LogDialect { Generic, Imap, Pop3, Ftp };

// Whether the protocol marked a line it sends as a secret (a password, a SASL
// response, a literal holding a password). Secret lines are never logged as they are.
enum class Secrecy { Public, Secret };

// The form of a client line that may be logged: passwords and authentication
// payloads replaced by "<redacted>", everything else kept so the log stays useful.
//  IMAP (RFC 9051 §6.2.3, §6.2.2): tag LOGIN user <redacted>; tag AUTHENTICATE MECH <redacted>
//  POP3 (RFC 1939 §7, RFC 5034 §4): PASS <redacted>; AUTH MECH <redacted>; APOP user <redacted>
//  FTP  (RFC 959 §4.1.1): PASS <redacted>; ACCT <redacted>
// A Secret line that matches no rule is redacted whole. The line comes without CRLF.
QByteArray redactClientLine(LogDialect dialect, const QByteArray &line, Secrecy secrecy);

} // namespace Satchel::Net
