#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Satchel::Imap {

// Mailbox names in modified UTF-7 (RFC 3501 §5.1.3, kept by RFC 9051 §5.1.3 for
// servers without UTF8=ACCEPT): printable ASCII stands for itself except "&",
// which is "&-"; any other run of characters is "&", the modified base64 (","
// instead of "/", no "=" padding) of its UTF-16BE code units, and "-".
//
// Once UTF8=ACCEPT is enabled (RFC 6855 §3) names travel as UTF-8 instead; these
// functions are only for the other case.

// Always succeeds. A lone surrogate in `name` (not valid text) is sent as U+FFFD,
// so we never put on the wire what decodeMailboxName() would reject.
QByteArray encodeMailboxName(const QString &name);

// nullopt when `wire` is not modified UTF-7: a byte outside printable ASCII, an
// "&" run without its closing "-", a character outside the modified base64
// alphabet, a run that ends in the middle of a UTF-16 code unit or has non-zero
// padding bits, or a surrogate without its partner. A run that encodes printable
// ASCII, or two adjacent runs, break the RFC's "MUST" but are decoded anyway: the
// meaning is unambiguous and some servers produce them.
std::optional<QString> decodeMailboxName(QByteArrayView wire);

} // namespace Satchel::Imap
