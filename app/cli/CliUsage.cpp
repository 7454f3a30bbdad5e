#include "app/cli/CliUsage.h"

#include "protocols/core/BuildInfo.h"

namespace Satchel::Cli {

QString usageText()
{
    return QStringLiteral(
        "Usage: satchel-cli [GLOBAL OPTIONS] COMMAND [ARGS]\n"
        "\n"
        "Satchel's scriptable front end over the same engines as the Satchel window.\n"
        "\n"
        "Global options:\n"
        "  -h, --help     show this help and exit\n"
        "  --version      show the versions of Satchel and its libraries and exit\n"
        "\n"
        "Exit codes: 0 done, 2 usage, 3 network, 4 TLS, 5 authentication, 6 protocol,\n"
        "7 not found, 8 local I/O, 9 refused by the server.\n");
}

QString versionText()
{
    QString text = QStringLiteral("satchel-cli %1\n").arg(BuildInfo::satchelVersion());
    const auto components = BuildInfo::components();
    for (const auto &[name, version] : components) {
        text += QStringLiteral("  %1: %2\n").arg(name, version);
    }
    return text;
}

} // namespace Satchel::Cli
