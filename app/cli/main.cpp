#include "app/cli/CliUsage.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using Satchel::Cli::ExitCode;

namespace {

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
}

int exitWith(ExitCode code)
{
    return static_cast<int>(code);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Satchel"));
    QCoreApplication::setApplicationName(QStringLiteral("satchel-cli"));

    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        write(stderr, Satchel::Cli::usageText());
        return exitWith(ExitCode::Usage);
    }
    const QString &first = args.constFirst();
    if (first == QLatin1String("-h") || first == QLatin1String("--help")) {
        write(stdout, Satchel::Cli::usageText());
        return exitWith(ExitCode::Done);
    }
    if (first == QLatin1String("--version")) {
        write(stdout, Satchel::Cli::versionText());
        return exitWith(ExitCode::Done);
    }
    write(stderr, QStringLiteral("satchel-cli: unknown command or option '%1'; see satchel-cli --help\n").arg(first));
    return exitWith(ExitCode::Usage);
}
