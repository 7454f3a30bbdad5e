#pragma once

#include <QString>

namespace Satchel::Net {

// How a connection protects itself, chosen per account. There is no policy that
// falls back to plaintext: Plain exists only because a person chose it, and is shown
// as insecure wherever the account appears.
enum class TlsPolicy {
    ImplicitTls,      // TLS from the first byte (imaps 993, pop3s 995, ftps 990)
    StartTlsRequired, // plaintext greeting, then STARTTLS / STLS / AUTH TLS, or fail
    Plain,            // no TLS at all; only by the person's explicit choice
};

QString describe(TlsPolicy policy);

} // namespace Satchel::Net
