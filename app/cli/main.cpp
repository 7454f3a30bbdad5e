#include "app/cli/CliContext.h"
#include "app/cli/CliUsage.h"
#include "app/cli/FtpCli.h"
#include "app/cli/GlobalOptions.h"
#include "app/cli/ImapCli.h"
#include "app/cli/MimeCli.h"
#include "app/cli/Pop3Cli.h"
#include "app/cli/ServerUrl.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using namespace Satchel::Cli;

namespace {

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
}

int usageError(const QString &message, bool json)
{
    GlobalOptions options;
    options.json = json;
    CliContext context(options, ServerUrl());
    return context.fail(ExitCode::Usage, message);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Satchel"));
    QCoreApplication::setApplicationName(QStringLiteral("satchel-cli"));

    QString error;
    const std::optional<GlobalOptions> options = parseGlobalOptions(QCoreApplication::arguments().mid(1), &error);
    if (!options) {
        // The options did not parse, but --json may still be among them.
        return usageError(error + QStringLiteral("; see satchel-cli --help"),
            QCoreApplication::arguments().contains(QStringLiteral("--json")));
    }
    if (options->help) {
        write(stdout, usageText());
        return static_cast<int>(ExitCode::Done);
    }
    if (options->version) {
        write(stdout, versionText());
        return static_cast<int>(ExitCode::Done);
    }
    QStringList rest = options->rest;
    if (rest.isEmpty()) {
        write(stderr, usageText());
        return static_cast<int>(ExitCode::Usage);
    }
    const QString protocol = rest.takeFirst();
    if (protocol == QLatin1String("mime")) {
        return runMime(*options, rest);
    }
    if (protocol != QLatin1String("pop3") && protocol != QLatin1String("ftp") && protocol != QLatin1String("imap")) {
        return usageError(
            QStringLiteral("unknown command or option '%1'; see satchel-cli --help").arg(protocol), options->json);
    }
    if (rest.isEmpty()) {
        return usageError(QStringLiteral("%1 needs a server URL; see satchel-cli --help").arg(protocol), options->json);
    }
    const std::optional<ServerUrl> url = parseServerUrl(protocol, rest.takeFirst(), options->insecurePlain, &error);
    if (!url) {
        return usageError(error, options->json);
    }
    CliContext context(*options, *url);
    if (protocol == QLatin1String("imap")) {
        return runImap(context, rest);
    }
    return protocol == QLatin1String("ftp") ? runFtp(context, rest) : runPop3(context, rest);
}
