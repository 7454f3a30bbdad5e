#include "protocols/core/OperationError.h"

namespace Satchel {

OperationError OperationError::fromNet(const Net::NetError &error)
{
    using K = Net::NetError::Kind;
    switch (error.kind) {
    case K::Network:
    case K::Timeout:
        return {Kind::Network, error.message};
    case K::Tls:
    case K::Untrusted:
    case K::PinMismatch:
        return {Kind::Tls, QStringLiteral("TLS: ") + error.message};
    case K::Protocol:
        return {Kind::Protocol, error.message};
    case K::Cancelled:
        return {Kind::Cancelled, error.message};
    }
    return {Kind::Network, error.message};
}

} // namespace Satchel
