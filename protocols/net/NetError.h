#pragma once

#include <QMetaType>
#include <QString>

namespace Satchel::Net {

// Why a connection failed, as a value: a kind that callers can branch on (the CLI
// maps it to its exit code) and a sentence a person can read.
struct NetError {
    enum class Kind {
        Network,     // cannot connect, connection lost
        Timeout,     // connect, handshake or response took too long
        Tls,         // handshake failed, upgrade refused or not offered, credentials before TLS
        Untrusted,   // the certificate is not trusted and nobody chose to trust it
        PinMismatch, // the server's key is not the pinned one
        Protocol,    // the server sent something that does not fit (e.g. bytes before the TLS handshake)
        Cancelled,   // closed on request
    };

    Kind kind = Kind::Network;
    QString message;
};

} // namespace Satchel::Net

Q_DECLARE_METATYPE(Satchel::Net::NetError)
