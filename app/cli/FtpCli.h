#pragma once

#include "app/cli/CliContext.h"

namespace Satchel::Cli {

// `satchel-cli ftp URL COMMAND [ARGS]` (../shared/CLI.md, FTP). `args` starts at COMMAND.
int runFtp(CliContext &context, QStringList args);

QString ftpUsage();

} // namespace Satchel::Cli
