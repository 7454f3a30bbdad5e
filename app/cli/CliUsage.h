#pragma once

#include <QString>

namespace Satchel::Cli {

// Exit codes of satchel-cli, as ../shared/CLI.md fixes them. Scripts depend on these
// numbers: never renumber.
enum class ExitCode : int {
    Done = 0,
    Usage = 2,
    Network = 3,
    Tls = 4,
    Authentication = 5,
    Protocol = 6,
    NotFound = 7,
    LocalIo = 8,
    Refused = 9,
};

// The text of `satchel-cli --help`: only the commands this build really has.
QString usageText();

// "satchel-cli 0.1.0" and one line per library it runs on.
QString versionText();

} // namespace Satchel::Cli
