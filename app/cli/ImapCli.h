#pragma once

#include "app/cli/CliContext.h"

namespace Satchel::Cli {

// `satchel-cli imap URL COMMAND [ARGS]` (../shared/CLI.md, IMAP). `args` starts at COMMAND.
int runImap(CliContext &context, QStringList args);

QString imapUsage();

} // namespace Satchel::Cli
