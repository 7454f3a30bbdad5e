#pragma once

#include "app/cli/CliContext.h"

namespace Satchel::Cli {

// `satchel-cli pop3 URL COMMAND [ARGS]` (../shared/CLI.md, POP3). `args` starts at COMMAND.
int runPop3(CliContext &context, QStringList args);

QString pop3Usage();

} // namespace Satchel::Cli
