#pragma once

#include <QString>

namespace Satchel::Mime {

// GMime must be initialised once per process before any parser is used
// (g_mime_init). ensureInitialized() is thread-safe and idempotent; GMime's
// global state then lives until the process exits.
void ensureInitialized();

// "3.2.13": the GMime library the process runs with (not the headers it was built with).
QString gmimeVersion();

} // namespace Satchel::Mime
