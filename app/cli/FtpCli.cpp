#include "app/cli/FtpCli.h"

#include "app/cli/SessionRun.h"

#include "protocols/ftp/FtpCommandOperation.h"
#include "protocols/ftp/FtpGetOperation.h"
#include "protocols/ftp/FtpListOperation.h"
#include "protocols/ftp/FtpPutOperation.h"
#include "protocols/ftp/FtpSession.h"

#include <QFileInfo>
#include <QJsonArray>

namespace Satchel::Cli {

using namespace Satchel::Ftp;

QString ftpUsage()
{
    return QStringLiteral(
        "FTP (ftps://user@host[:port] implicit TLS, ftp://... AUTH TLS required):\n"
        "  satchel-cli ftp URL ls [PATH]\n"
        "  satchel-cli ftp URL get REMOTE [LOCAL] [--resume]\n"
        "  satchel-cli ftp URL put LOCAL [REMOTE] [--resume]\n"
        "  satchel-cli ftp URL mkdir PATH | rmdir PATH | rm PATH | mv FROM TO | size PATH | mtime PATH\n"
        "  any of them with --active: the server connects to us for data (EPRT/PORT)\n");
}

namespace {

QString typeName(DirectoryEntry::Type type)
{
    switch (type) {
    case DirectoryEntry::Type::File:
        return QStringLiteral("file");
    case DirectoryEntry::Type::Directory:
        return QStringLiteral("dir");
    case DirectoryEntry::Type::Link:
        return QStringLiteral("link");
    case DirectoryEntry::Type::Other:
        break;
    }
    return QStringLiteral("other");
}

using FtpRun = SessionRun<FtpSession>;

FtpSession::Options sessionOptions(const CliContext &context)
{
    FtpSession::Options options;
    options.connection = context.connectionSettings();
    options.credentials = {context.url().user, context.password()};
    options.activeMode = context.activeMode();
    return options;
}

int list(CliContext &context, const QString &path)
{
    FtpRun run(context, sessionOptions(context));
    return run.run([path](FtpRun &r) {
        auto *op = new FtpListOperation(&r.session(), path, &r.session());
        QObject::connect(op, &FtpListOperation::failed, op, [&r](const OperationError &e) { r.finishWithError(e); });
        QObject::connect(op, &FtpListOperation::succeeded, op, [&r, op] {
            QJsonArray records;
            for (const DirectoryEntry &e : op->entries()) {
                const QString mtime = e.modified.isValid() ? e.modified.toString(Qt::ISODate) : QString();
                if (r.context().options().json) {
                    records.append(QJsonObject{{QStringLiteral("name"), e.name},
                                               {QStringLiteral("type"), typeName(e.type)},
                                               {QStringLiteral("size"), e.size},
                                               {QStringLiteral("mtime"), mtime.isEmpty() ? QJsonValue() : QJsonValue(mtime)},
                                               {QStringLiteral("perms"), e.permissions}});
                } else {
                    r.context().printLine(QStringLiteral("%1 %2 %3 %4 %5")
                                              .arg(typeName(e.type), -5)
                                              .arg(e.size, 12)
                                              .arg(mtime.isEmpty() ? QStringLiteral("-") : mtime, -20)
                                              .arg(e.permissions.isEmpty() ? QStringLiteral("-") : e.permissions, -10)
                                              .arg(e.name));
                }
            }
            if (r.context().options().json) {
                r.context().printJson(records);
            }
            if (op->unsafeNamesDropped() > 0 && !r.context().options().quiet) {
                std::fprintf(stderr, "satchel-cli: %d entries with unsafe names were left out\n", op->unsafeNamesDropped());
            }
            r.done();
        });
        op->start();
    });
}

int get(CliContext &context, const QString &remote, QString local, bool resume)
{
    if (local.isEmpty()) {
        local = remote.section(QLatin1Char('/'), -1);
    }
    if (local.isEmpty() || local == QLatin1String(".") || local == QLatin1String("..")) {
        return context.fail(ExitCode::Usage, QStringLiteral("name the local file for %1").arg(remote));
    }
    FtpRun run(context, sessionOptions(context));
    return run.run([remote, local, resume](FtpRun &r) {
        auto *op = new FtpGetOperation(&r.session(), remote, local, resume, &r.session());
        QObject::connect(op, &FtpGetOperation::failed, op, [&r](const OperationError &e) { r.finishWithError(e); });
        QObject::connect(op, &FtpGetOperation::succeeded, op, [&r] { r.done(); });
        op->start();
    });
}

int put(CliContext &context, const QString &local, QString remote, bool resume)
{
    if (!QFileInfo(local).isFile()) {
        return context.fail(QFileInfo::exists(local) ? ExitCode::Usage : ExitCode::NotFound,
                            QStringLiteral("%1 is not a file").arg(local));
    }
    if (remote.isEmpty()) {
        remote = QFileInfo(local).fileName();
    }
    FtpRun run(context, sessionOptions(context));
    return run.run([local, remote, resume](FtpRun &r) {
        auto startUpload = [&r, local, remote](qint64 offset) {
            auto *op = new FtpPutOperation(&r.session(), local, remote, offset, &r.session());
            QObject::connect(op, &FtpPutOperation::failed, op, [&r](const OperationError &e) { r.finishWithError(e); });
            QObject::connect(op, &FtpPutOperation::succeeded, op, [&r] { r.done(); });
            op->start();
        };
        if (!resume) {
            startUpload(0);
            return;
        }
        // Resume: continue after what the server already has (SIZE, RFC 3659 §4).
        r.session().command("SIZE " + remote.toUtf8(), [startUpload, local](const FtpReply &reply) {
            const qint64 have = reply.code == 213 ? reply.text().toLongLong() : 0;
            startUpload(have > 0 && have <= QFileInfo(local).size() ? have : 0);
        });
    });
}

int simple(CliContext &context, const QList<QByteArray> &steps, const std::function<void(CliContext &, const FtpReply &)> &print)
{
    FtpRun run(context, sessionOptions(context));
    return run.run([steps, print](FtpRun &r) {
        auto *op = new FtpCommandOperation(&r.session(), steps, &r.session());
        QObject::connect(op, &FtpCommandOperation::failed, op, [&r](const OperationError &e) { r.finishWithError(e); });
        QObject::connect(op, &FtpCommandOperation::succeeded, op, [&r, print](const FtpReply &reply) {
            if (print) {
                print(r.context(), reply);
            }
            r.done();
        });
        op->start();
    });
}

} // namespace

int runFtp(CliContext &context, QStringList args)
{
    if (args.isEmpty()) {
        return context.fail(ExitCode::Usage, QStringLiteral("which FTP command?\n") + ftpUsage());
    }
    const QString command = args.takeFirst();
    const bool resume = takeFlag(args, QStringLiteral("--resume"));
    context.setActiveMode(takeFlag(args, QStringLiteral("--active")));
    for (const QString &unsupported : {QStringLiteral("-r"), QStringLiteral("--parallel")}) {
        if (args.contains(unsupported)) {
            return context.fail(ExitCode::Usage, QStringLiteral("%1 is not available in this build yet").arg(unsupported));
        }
    }
    QString error;
    ExitCode code = ExitCode::Usage;
    if (!context.loadPassword(&error, &code) || !context.buildConnectionSettings(Net::LogDialect::Ftp, &error, &code)) {
        return context.fail(code, error);
    }
    const bool json = context.options().json;
    if (command == QLatin1String("ls") && args.size() <= 1) {
        return list(context, args.value(0));
    }
    if (command == QLatin1String("get") && (args.size() == 1 || args.size() == 2)) {
        return get(context, args.at(0), args.value(1), resume);
    }
    if (command == QLatin1String("put") && (args.size() == 1 || args.size() == 2)) {
        return put(context, args.at(0), args.value(1), resume);
    }
    if (args.size() == 1) {
        const QByteArray path = args.at(0).toUtf8();
        if (command == QLatin1String("mkdir")) {
            return simple(context, {"MKD " + path}, {});
        }
        if (command == QLatin1String("rmdir")) {
            return simple(context, {"RMD " + path}, {});
        }
        if (command == QLatin1String("rm")) {
            return simple(context, {"DELE " + path}, {});
        }
        if (command == QLatin1String("size")) {
            return simple(context, {"SIZE " + path}, [json](CliContext &c, const FtpReply &r) {
                const qint64 size = r.text().toLongLong();
                json ? c.printJson(QJsonObject{{QStringLiteral("size"), size}}) : c.printLine(QString::number(size));
            });
        }
        if (command == QLatin1String("mtime")) {
            return simple(context, {"MDTM " + path}, [json](CliContext &c, const FtpReply &r) {
                const QString iso = parseFtpTime(r.text()).toString(Qt::ISODate);
                json ? c.printJson(QJsonObject{{QStringLiteral("mtime"), iso}}) : c.printLine(iso);
            });
        }
    }
    if (command == QLatin1String("mv") && args.size() == 2) {
        return simple(context, {"RNFR " + args.at(0).toUtf8(), "RNTO " + args.at(1).toUtf8()}, {});
    }
    return context.fail(ExitCode::Usage, QStringLiteral("bad ftp command: %1 %2\n%3").arg(command, args.join(QLatin1Char(' ')), ftpUsage()));
}

} // namespace Satchel::Cli
