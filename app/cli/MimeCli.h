#pragma once

#include "app/cli/GlobalOptions.h"

namespace Satchel::Cli {

// `satchel-cli mime show FILE` and `satchel-cli mime extract FILE --to DIR`
// (../shared/CLI.md, MIME): local files, no network. `args` starts at the command.
int runMime(const GlobalOptions &options, QStringList args);

QString mimeUsage();

} // namespace Satchel::Cli
