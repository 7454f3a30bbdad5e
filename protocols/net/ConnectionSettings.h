#pragma once

#include "protocols/net/ProtocolLog.h"
#include "protocols/net/TlsPolicy.h"
#include "protocols/net/TrustStore.h"

#include <QString>

#include <chrono>
#include <memory>

namespace Satchel::Net {

struct ConnectionSettings {
    QString host;
    quint16 port = 0;
    TlsPolicy policy = TlsPolicy::ImplicitTls;

    // TCP connect plus TLS handshake (a person answering a trust question pauses it).
    std::chrono::milliseconds connectTimeout{30000};
    // While the protocol waits for a response: silence longer than this fails.
    std::chrono::milliseconds responseTimeout{30000};
    // Without traffic for this long while nothing is pending, idleTimedOut() is
    // emitted (the protocol sends NOOP or closes). Zero: never.
    std::chrono::milliseconds idleTimeout{0};

    // The longest line a protocol accepts (64 KiB for control replies). The socket's
    // read buffer is bounded by it too, so a server cannot make us buffer more.
    qsizetype maxLineLength = 64 * 1024;
    // Read buffer for bulk data (file transfers); zero means maxLineLength + 2.
    qint64 readBufferSize = 0;

    std::shared_ptr<TrustStore> trust; // null: system CAs only, no pins
    std::shared_ptr<ProtocolLog> log;  // null: no log
};

} // namespace Satchel::Net
