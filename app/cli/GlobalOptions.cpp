#include "app/cli/GlobalOptions.h"

namespace Satchel::Cli {

QString takeOption(QStringList &args, const QString &name, QString *error)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == name) {
            if (i + 1 >= args.size()) {
                *error = QStringLiteral("%1 needs a value").arg(name);
                return {};
            }
            const QString value = args.at(i + 1);
            args.remove(i, 2);
            return value;
        }
        if (args.at(i).startsWith(name + QLatin1Char('='))) {
            const QString value = args.at(i).mid(name.size() + 1);
            args.removeAt(i);
            return value;
        }
    }
    return {};
}

bool takeFlag(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

std::optional<GlobalOptions> parseGlobalOptions(const QStringList &args, QString *error)
{
    GlobalOptions o;
    qsizetype i = 0;
    auto value = [&](const QString &name) -> std::optional<QString> {
        if (i + 1 >= args.size()) {
            *error = QStringLiteral("%1 needs a value").arg(name);
            return std::nullopt;
        }
        return args.at(++i);
    };
    for (; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (!a.startsWith(QLatin1Char('-'))) {
            break;
        }
        if (a == QLatin1String("--insecure-plain")) {
            o.insecurePlain = true;
        } else if (a == QLatin1String("--json")) {
            o.json = true;
        } else if (a == QLatin1String("-q") || a == QLatin1String("--quiet")) {
            o.quiet = true;
        } else if (a == QLatin1String("-v") || a == QLatin1String("--verbose")) {
            o.verbose = true;
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            o.help = true;
        } else if (a == QLatin1String("--version")) {
            o.version = true;
        } else if (a == QLatin1String("--password-file") || a == QLatin1String("--ca-file")
                   || a == QLatin1String("--pin") || a == QLatin1String("--timeout") || a == QLatin1String("--log")) {
            const std::optional<QString> v = value(a);
            if (!v) {
                return std::nullopt;
            }
            if (a == QLatin1String("--password-file")) {
                o.passwordFile = *v;
            } else if (a == QLatin1String("--ca-file")) {
                o.caFiles << *v;
            } else if (a == QLatin1String("--pin")) {
                o.pins << *v;
            } else if (a == QLatin1String("--log")) {
                o.logFile = *v;
            } else {
                bool ok = false;
                o.timeoutSeconds = v->toInt(&ok);
                if (!ok || o.timeoutSeconds <= 0 || o.timeoutSeconds > 86400) {
                    *error = QStringLiteral("--timeout takes a number of seconds from 1 to 86400, not '%1'").arg(*v);
                    return std::nullopt;
                }
            }
        } else if (a == QLatin1String("--password")) {
            *error = QStringLiteral("a password is never taken from the command line (others can read it there); "
                                    "use SATCHEL_PASSWORD or --password-file");
            return std::nullopt;
        } else {
            *error = QStringLiteral("unknown option '%1'").arg(a);
            return std::nullopt;
        }
    }
    o.rest = args.mid(i);
    return o;
}

} // namespace Satchel::Cli
