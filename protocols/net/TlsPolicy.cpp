#include "protocols/net/TlsPolicy.h"

#include <QCoreApplication>

namespace Satchel::Net {

QString describe(TlsPolicy policy)
{
    switch (policy) {
    case TlsPolicy::ImplicitTls:
        return QCoreApplication::translate("Satchel::Net", "TLS");
    case TlsPolicy::StartTlsRequired:
        return QCoreApplication::translate("Satchel::Net", "STARTTLS (required)");
    case TlsPolicy::Plain:
        return QCoreApplication::translate("Satchel::Net", "no encryption (insecure)");
    }
    return {};
}

} // namespace Satchel::Net
