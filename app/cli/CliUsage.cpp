#include "app/cli/CliUsage.h"

#include "app/cli/FtpCli.h"
#include "app/cli/ImapCli.h"
#include "app/cli/MimeCli.h"
#include "app/cli/Pop3Cli.h"
#include "protocols/core/BuildInfo.h"

namespace Satchel::Cli {

QString usageText()
{
    return QStringLiteral(
               "Usage: satchel-cli [GLOBAL OPTIONS] pop3|ftp URL COMMAND [ARGS]\n"
               "       satchel-cli [GLOBAL OPTIONS] mime COMMAND FILE\n"
               "\n"
               "Satchel's scriptable front end over the same engines as the Satchel window.\n"
               "\n"
               "Global options:\n"
               "  --insecure-plain       allow plaintext with pop3:// and ftp:// (no TLS at all)\n"
               "  --password-file FILE   the password (else the SATCHEL_PASSWORD variable; never argv)\n"
               "  --ca-file PEM          trust this CA as well as the system's\n"
               "  --pin sha256/BASE64    trust the server key with this SubjectPublicKeyInfo hash\n"
               "  --timeout SECONDS      connect and each response (default 30)\n"
               "  --json                 machine-readable output on stdout, errors as JSON on stderr\n"
               "  --log FILE             protocol log, passwords redacted\n"
               "  -q, --quiet / -v, --verbose\n"
               "  -h, --help             show this help and exit\n"
               "  --version              show the versions of Satchel and its libraries and exit\n"
               "\n")
        + imapUsage() + pop3Usage() + ftpUsage() + mimeUsage()
        + QStringLiteral("\n"
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
