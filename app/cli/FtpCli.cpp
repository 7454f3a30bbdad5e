#include "app/cli/FtpCli.h"

#include "app/cli/JsonStream.h"
#include "app/cli/SessionRun.h"
#include "protocols/ftp/FtpCommandOperation.h"
#include "protocols/ftp/FtpGetOperation.h"
#include "protocols/ftp/FtpKeepTimeOperation.h"
#include "protocols/ftp/FtpListOperation.h"
#include "protocols/ftp/FtpPutOperation.h"
#include "protocols/ftp/FtpSession.h"
#include "protocols/ftp/FtpTreeListOperation.h"
#include "protocols/ftp/TransferPlan.h"
#include "protocols/ftp/TransferQueue.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>

namespace Satchel::Cli {

using namespace Satchel::Ftp;

QString ftpUsage()
{
    return QStringLiteral(
        "FTP (ftps://user@host[:port] implicit TLS, ftp://... AUTH TLS required):\n"
        "  satchel-cli ftp URL ls [PATH]\n"
        "  satchel-cli ftp URL get REMOTE [LOCAL] [--resume] | get -r REMOTE_DIR [LOCAL_DIR] [--parallel N]\n"
        "  satchel-cli ftp URL put LOCAL [REMOTE] [--resume] | put -r LOCAL_DIR [REMOTE_DIR] [--parallel N]\n"
        "    --overwrite overwrite|skip|resume-if-smaller|rename  when the destination exists (default overwrite)\n"
        "    --ascii  one text file in ASCII type (TYPE A): line ends become this system's\n"
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
    options.credentials = { context.url().user, context.password() };
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
            const QList<DirectoryEntry> entries = op->entries();
            if (r.context().options().json) {
                // Streamed: one buffer, written out in pieces of about 1 MiB.
                QByteArray out;
                out.reserve(1 << 20);
                out.append('[');
                bool first = true;
                for (const DirectoryEntry &e : entries) {
                    out.append(first ? "{\"name\":" : ",{\"name\":");
                    first = false;
                    JsonStream::appendString(out, e.name);
                    out.append(",\"type\":");
                    JsonStream::appendString(out, typeName(e.type));
                    out.append(",\"size\":").append(QByteArray::number(e.size));
                    out.append(",\"mtime\":");
                    JsonStream::appendDateTime(out, e.modified);
                    out.append(",\"perms\":");
                    JsonStream::appendString(out, e.permissions);
                    out.append('}');
                    if (out.size() > (1 << 20)) {
                        if (!r.context().writeStdout(out)) {
                            r.finish(
                                r.context().fail(ExitCode::LocalIo, QStringLiteral("cannot write to standard output")));
                            return;
                        }
                        out.clear();
                    }
                }
                out.append("]\n");
                if (!r.context().writeStdout(out)) {
                    r.finish(r.context().fail(ExitCode::LocalIo, QStringLiteral("cannot write to standard output")));
                    return;
                }
            } else {
                for (const DirectoryEntry &e : entries) {
                    const QString mtime = e.modified.isValid() ? e.modified.toString(Qt::ISODate) : QString();
                    r.context().printLine(QStringLiteral("%1 %2 %3 %4 %5")
                                              .arg(typeName(e.type), -5)
                                              .arg(e.size, 12)
                                              .arg(mtime.isEmpty() ? QStringLiteral("-") : mtime, -20)
                                              .arg(e.permissions.isEmpty() ? QStringLiteral("-") : e.permissions, -10)
                                              .arg(e.name));
                }
            }
            if (op->unsafeNamesDropped() > 0 && !r.context().options().quiet) {
                std::fprintf(
                    stderr, "satchel-cli: %d entries with unsafe names were left out\n", op->unsafeNamesDropped());
            }
            r.done();
        });
        op->start();
    });
}

// The copy keeps its original's modification time (as the queue does for trees).
void keepTimeThenDone(FtpRun &r, bool download, const QString &local, const QString &remote)
{
    auto *op = new FtpKeepTimeOperation(&r.session(),
        download ? FtpKeepTimeOperation::Direction::Download : FtpKeepTimeOperation::Direction::Upload, local, remote,
        &r.session());
    QObject::connect(op, &FtpKeepTimeOperation::finished, op, [&r] { r.done(); });
    op->start();
}

int get(CliContext &context, const QString &remote, QString local, bool resume, bool ascii)
{
    if (local.isEmpty()) {
        local = remote.section(QLatin1Char('/'), -1);
    }
    if (local.isEmpty() || local == QLatin1String(".") || local == QLatin1String("..")) {
        return context.fail(ExitCode::Usage, QStringLiteral("name the local file for %1").arg(remote));
    }
    FtpRun run(context, sessionOptions(context));
    return run.run([remote, local, resume, ascii](FtpRun &r) {
        auto *op = new FtpGetOperation(&r.session(), remote, local, resume, &r.session());
        op->setAscii(ascii);
        QObject::connect(op, &FtpGetOperation::failed, op, [&r](const OperationError &e) { r.finishWithError(e); });
        QObject::connect(
            op, &FtpGetOperation::succeeded, op, [&r, remote, local] { keepTimeThenDone(r, true, local, remote); });
        op->start();
    });
}

int put(CliContext &context, const QString &local, QString remote, bool resume, bool ascii)
{
    if (!QFileInfo(local).isFile()) {
        return context.fail(QFileInfo::exists(local) ? ExitCode::Usage : ExitCode::NotFound,
            QStringLiteral("%1 is not a file").arg(local));
    }
    if (remote.isEmpty()) {
        remote = QFileInfo(local).fileName();
    }
    FtpRun run(context, sessionOptions(context));
    return run.run([local, remote, resume, ascii](FtpRun &r) {
        auto startUpload = [&r, local, remote, ascii](qint64 offset) {
            auto *op = new FtpPutOperation(&r.session(), local, remote, offset, &r.session());
            op->setAscii(ascii);
            QObject::connect(op, &FtpPutOperation::failed, op, [&r](const OperationError &e) { r.finishWithError(e); });
            QObject::connect(op, &FtpPutOperation::succeeded, op,
                [&r, local, remote] { keepTimeThenDone(r, false, local, remote); });
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

// Runs the transfers on `parallel` connections and reports: exit 0 when every item is
// done, else the first failure's code and words.
int runQueue(CliContext &context, const QList<TransferItem> &items, int parallel)
{
    if (items.isEmpty()) {
        return 0;
    }
    TransferQueue queue(sessionOptions(context), parallel);
    queue.setKeepModificationTimes(true); // as `lftp mirror` does
    // As everywhere on the command line: an untrusted certificate is refused.
    QObject::connect(&queue, &TransferQueue::trustQuestion, &queue,
        [&queue](const Net::TrustQuestion &q) { queue.answerTrustQuestion(q.id, Net::TrustAnswer::Cancel); });
    QEventLoop loop;
    QObject::connect(&queue, &TransferQueue::allDone, &loop, &QEventLoop::quit);
    for (const TransferItem &item : items) {
        queue.add(item);
    }
    loop.exec();
    int done = 0;
    int skipped = 0;
    std::optional<TransferItem> firstFailure;
    for (const TransferItem &item : queue.items()) {
        if (item.state == TransferItem::State::Done) {
            ++done;
        } else if (item.state == TransferItem::State::Skipped) {
            ++skipped;
            if (context.options().verbose) {
                context.printLine(QStringLiteral("%1: %2").arg(
                    item.direction == TransferItem::Direction::Download ? item.localPath : item.remotePath,
                    item.error));
            }
        } else if (!firstFailure) {
            firstFailure = item;
        }
    }
    const int failed = static_cast<int>(items.size()) - done - skipped;
    if (context.options().json) {
        context.printJson(QJsonObject { { QStringLiteral("done"), done }, { QStringLiteral("skipped"), skipped },
            { QStringLiteral("failed"), failed }, { QStringLiteral("connections"), queue.connectionsOpened() } });
    } else if (!context.options().quiet) {
        context.printLine(QStringLiteral("%1 transferred, %2 skipped (already there), %3 failed, on %4 connections")
                              .arg(done)
                              .arg(skipped)
                              .arg(failed)
                              .arg(queue.connectionsOpened()));
    }
    if (firstFailure) {
        return context.fail({ firstFailure->errorKind,
            QStringLiteral("%1 of %2 transfers failed; first: %3: %4")
                .arg(failed)
                .arg(items.size())
                .arg(firstFailure->direction == TransferItem::Direction::Download ? firstFailure->remotePath
                                                                                  : firstFailure->localPath,
                    firstFailure->error) });
    }
    return 0;
}

int transferOne(
    CliContext &context, bool download, const QString &source, QString destination, OverwritePolicy overwrite)
{
    TransferItem item;
    item.direction = download ? TransferItem::Direction::Download : TransferItem::Direction::Upload;
    item.overwrite = overwrite;
    if (download) {
        item.remotePath = source;
        item.localPath = destination.isEmpty() ? source.section(QLatin1Char('/'), -1) : destination;
        if (item.localPath.isEmpty() || item.localPath == QLatin1String(".") || item.localPath == QLatin1String("..")) {
            return context.fail(ExitCode::Usage, QStringLiteral("name the local file for %1").arg(source));
        }
    } else {
        const QFileInfo info(source);
        if (!info.isFile()) {
            return context.fail(
                info.exists() ? ExitCode::Usage : ExitCode::NotFound, QStringLiteral("%1 is not a file").arg(source));
        }
        item.localPath = source;
        item.remotePath = destination.isEmpty() ? info.fileName() : destination;
        item.size = info.size();
    }
    return runQueue(context, { item }, 1);
}

int getTree(CliContext &context, const QString &remote, QString local, int parallel, OverwritePolicy overwrite)
{
    if (local.isEmpty()) {
        local = remote.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
    }
    if (local.isEmpty() || local == QLatin1String(".") || local == QLatin1String("..")) {
        return context.fail(ExitCode::Usage, QStringLiteral("name the local folder for %1").arg(remote));
    }
    QList<FtpTreeListOperation::Entry> tree;
    FtpRun run(context, sessionOptions(context));
    const int listed = run.run([&tree, remote](FtpRun &r) {
        auto *op = new FtpTreeListOperation(&r.session(), remote, &r.session());
        QObject::connect(
            op, &FtpTreeListOperation::failed, op, [&r](const OperationError &e) { r.finishWithError(e); });
        QObject::connect(op, &FtpTreeListOperation::succeeded, op, [&r, &tree, op] {
            tree = op->entries();
            r.done();
        });
        op->start();
    });
    if (listed != 0) {
        return listed;
    }
    const TransferPlan plan = planTreeDownload(remote, tree, local, overwrite);
    for (const QString &directory : plan.directories) {
        if (!QDir().mkpath(directory)) {
            return context.fail(ExitCode::LocalIo, QStringLiteral("cannot create %1").arg(directory));
        }
    }
    return runQueue(context, plan.items, parallel);
}

int putTree(CliContext &context, const QString &local, QString remote, int parallel, OverwritePolicy overwrite)
{
    const QFileInfo root(local);
    if (!root.isDir()) {
        return context.fail(
            root.exists() ? ExitCode::Usage : ExitCode::NotFound, QStringLiteral("%1 is not a folder").arg(local));
    }
    if (remote.isEmpty()) {
        remote = root.fileName();
    }
    const TransferPlan plan = planTreeUpload(local, remote, overwrite);
    FtpRun run(context, sessionOptions(context));
    const int made = run.run([dirs = plan.directories](FtpRun &r) {
        // MKD each folder; one that exists answers 550, which is fine here: a missing
        // parent shows up as the uploads' own errors.
        for (qsizetype i = 0; i < dirs.size(); ++i) {
            const QByteArray path = dirs.at(i).toUtf8();
            const bool last = i + 1 == dirs.size();
            r.session().command("MKD " + path, [&r, last](const FtpReply &) {
                if (last) {
                    r.done();
                }
            });
        }
    });
    if (made != 0) {
        return made;
    }
    return runQueue(context, plan.items, parallel);
}

int simple(CliContext &context, const QList<QByteArray> &steps,
    const std::function<void(CliContext &, const FtpReply &)> &print)
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
    const bool recursive = takeFlag(args, QStringLiteral("-r"));
    const bool ascii = takeFlag(args, QStringLiteral("--ascii"));
    context.setActiveMode(takeFlag(args, QStringLiteral("--active")));
    QString error;
    const QString parallelText = takeOption(args, QStringLiteral("--parallel"), &error);
    const QString overwriteText = takeOption(args, QStringLiteral("--overwrite"), &error);
    OverwritePolicy overwrite = OverwritePolicy::Overwrite;
    if (!overwriteText.isEmpty()
        && (!parseOverwritePolicy(overwriteText, &overwrite) || overwrite == OverwritePolicy::Ask)) {
        return context.fail(ExitCode::Usage,
            QStringLiteral("--overwrite takes overwrite, skip, resume-if-smaller or rename "
                           "(the command line cannot ask), not '%1'")
                .arg(overwriteText));
    }
    int parallel = 1;
    if (!parallelText.isEmpty()) {
        bool ok = false;
        parallel = parallelText.toInt(&ok);
        if (!ok || parallel < 1 || parallel > 256) {
            return context.fail(
                ExitCode::Usage, QStringLiteral("--parallel takes a number of connections from 1 to 256"));
        }
    }
    if (!error.isEmpty()) {
        return context.fail(ExitCode::Usage, error);
    }
    ExitCode code = ExitCode::Usage;
    if (!context.loadPassword(&error, &code) || !context.buildConnectionSettings(Net::LogDialect::Ftp, &error, &code)) {
        return context.fail(code, error);
    }
    const bool json = context.options().json;
    if (command == QLatin1String("ls") && args.size() <= 1) {
        return list(context, args.value(0));
    }
    if ((command == QLatin1String("get") || command == QLatin1String("put"))
        && (args.size() == 1 || args.size() == 2)) {
        const bool download = command == QLatin1String("get");
        if (ascii && (recursive || resume || overwrite != OverwritePolicy::Overwrite)) {
            return context.fail(
                ExitCode::Usage, QStringLiteral("--ascii is for one text file, without --resume, -r or --overwrite"));
        }
        if (recursive) {
            return download ? getTree(context, args.at(0), args.value(1), parallel, overwrite)
                            : putTree(context, args.at(0), args.value(1), parallel, overwrite);
        }
        if (overwrite != OverwritePolicy::Overwrite) {
            if (resume) {
                return context.fail(ExitCode::Usage, QStringLiteral("--resume and --overwrite do not go together"));
            }
            // One file with a policy: the queue applies it, as it does for trees.
            return transferOne(context, download, args.at(0), args.value(1), overwrite);
        }
        return download ? get(context, args.at(0), args.value(1), resume, ascii)
                        : put(context, args.at(0), args.value(1), resume, ascii);
    }
    if (args.size() == 1) {
        const QByteArray path = args.at(0).toUtf8();
        if (command == QLatin1String("mkdir")) {
            return simple(context, { "MKD " + path }, {});
        }
        if (command == QLatin1String("rmdir")) {
            return simple(context, { "RMD " + path }, {});
        }
        if (command == QLatin1String("rm")) {
            return simple(context, { "DELE " + path }, {});
        }
        if (command == QLatin1String("size")) {
            return simple(context, { "SIZE " + path }, [json](CliContext &c, const FtpReply &r) {
                const qint64 size = r.text().toLongLong();
                json ? c.printJson(QJsonObject { { QStringLiteral("size"), size } })
                     : c.printLine(QString::number(size));
            });
        }
        if (command == QLatin1String("mtime")) {
            return simple(context, { "MDTM " + path }, [json](CliContext &c, const FtpReply &r) {
                const QString iso = parseFtpTime(r.text()).toString(Qt::ISODate);
                json ? c.printJson(QJsonObject { { QStringLiteral("mtime"), iso } }) : c.printLine(iso);
            });
        }
    }
    if (command == QLatin1String("mv") && args.size() == 2) {
        return simple(context, { "RNFR " + args.at(0).toUtf8(), "RNTO " + args.at(1).toUtf8() }, {});
    }
    return context.fail(ExitCode::Usage,
        QStringLiteral("bad ftp command: %1 %2\n%3").arg(command, args.join(QLatin1Char(' ')), ftpUsage()));
}

} // namespace Satchel::Cli
