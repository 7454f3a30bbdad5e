#pragma once

#include "protocols/net/NetError.h"

#include <QMetaType>
#include <QString>

namespace Satchel {

// Why an operation of any protocol engine failed: a kind callers branch on (the CLI
// maps it to its exit code, the GUI to an icon) and a sentence in words.
struct OperationError {
    enum class Kind {
        Network,        // cannot connect, connection lost, timeout
        Tls,            // handshake, upgrade refused or missing, untrusted or changed certificate
        Authentication, // the server refused the credentials
        Protocol,       // the server answered something invalid or unexpected
        NotFound,       // folder, message, file
        LocalIo,        // cannot write, disk full
        Refused,        // the server refused the operation
        Cancelled,
    };

    Kind kind = Kind::Protocol;
    QString message;

    static OperationError fromNet(const Net::NetError &error);
};

} // namespace Satchel

Q_DECLARE_METATYPE(Satchel::OperationError)
