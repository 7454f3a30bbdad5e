#include "protocols/mime/GMimeRuntime.h"

#include "protocols/mime/GMimeInclude.h"

#include <mutex>

namespace Satchel::Mime {

void ensureInitialized()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

QString gmimeVersion()
{
    return QStringLiteral("%1.%2.%3").arg(gmime_major_version).arg(gmime_minor_version).arg(gmime_micro_version);
}

} // namespace Satchel::Mime
