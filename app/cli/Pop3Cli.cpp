#include "app/cli/Pop3Cli.h"

#include "app/cli/SessionRun.h"

#include "protocols/pop3/Pop3Fetcher.h"
#include "protocols/pop3/Pop3Listing.h"
#include "protocols/pop3/Pop3Session.h"
#include "protocols/pop3/RetrCommand.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSaveFile>

namespace Satchel::Cli {

using namespace Satchel::Pop3;

QString pop3Usage()
{
    return QStringLiteral(
        "POP3 (pop3s://user@host[:port] implicit TLS, pop3://... STLS required):\n"
        "  satchel-cli pop3 URL stat\n"
        "  satchel-cli pop3 URL list | uidl\n"
        "  satchel-cli pop3 URL top N LINES\n"
        "  satchel-cli pop3 URL retr N [-o FILE]\n"
        "  satchel-cli pop3 URL fetch --maildir DIR [--delete] [--keep-days N] [--max-size BYTES] [--apop]\n");
}

namespace {

using Pop3Run = SessionRun<Pop3Session>;

Pop3Session::Options sessionOptions(const CliContext &context, bool allowApop)
{
    Pop3Session::Options options;
    options.connection = context.connectionSettings();
    options.credentials = {context.url().user, context.password(), allowApop};
    return options;
}

bool parseNumber(const QString &text, int *number)
{
    bool ok = false;
    *number = text.toInt(&ok);
    return ok && *number > 0;
}

int refusedOrMissing(CliContext &context, const Pop3Status &status, const QString &what)
{
    // RFC 1939 has no code for "no such message"; servers say it in the text.
    const QByteArray text = status.text.toLower();
    const bool missing = text.contains("no such message") || text.contains("no message");
    return context.fail(missing ? ExitCode::NotFound : ExitCode::Refused,
                        QStringLiteral("%1: %2").arg(what, QString::fromUtf8(status.text)));
}

int stat(CliContext &context)
{
    Pop3Run run(context, sessionOptions(context, false));
    return run.run([](Pop3Run &r) {
        auto command = std::make_shared<SimpleCommand>("STAT");
        command->onDone = [&r, command] {
            const auto parsed = parseStatText(command->status.text);
            if (!command->status.ok || !parsed) {
                r.finish(command->status.ok ? r.context().fail(ExitCode::Protocol, QStringLiteral("invalid STAT reply"))
                                            : refusedOrMissing(r.context(), command->status, QStringLiteral("STAT")));
                return;
            }
            if (r.context().options().json) {
                r.context().printJson(QJsonObject{{QStringLiteral("count"), parsed->number},
                                                  {QStringLiteral("size"), parsed->size}});
            } else {
                r.context().printLine(QStringLiteral("%1 messages, %2 bytes").arg(parsed->number).arg(parsed->size));
            }
            r.done();
        };
        r.session().send(command);
    });
}

int listing(CliContext &context)
{
    Pop3Run run(context, sessionOptions(context, false));
    return run.run([](Pop3Run &r) {
        auto list = std::make_shared<ListingCommand>("LIST");
        auto uidl = std::make_shared<ListingCommand>("UIDL");
        uidl->onDone = [&r, list, uidl] {
            if (!list->status.ok || !uidl->status.ok) {
                r.finish(refusedOrMissing(r.context(), list->status.ok ? uidl->status : list->status,
                                          list->status.ok ? QStringLiteral("UIDL") : QStringLiteral("LIST")));
                return;
            }
            QHash<int, QByteArray> ids;
            for (const QByteArray &line : uidl->lines) {
                const auto entry = parseUidlLine(line);
                if (!entry) {
                    r.finish(r.context().fail(ExitCode::Protocol, QStringLiteral("invalid UIDL line '%1'")
                                                                      .arg(QString::fromLatin1(line.left(80)))));
                    return;
                }
                ids.insert(entry->number, entry->uidl);
            }
            QJsonArray records;
            for (const QByteArray &line : list->lines) {
                const auto entry = parseListLine(line);
                if (!entry) {
                    r.finish(r.context().fail(ExitCode::Protocol, QStringLiteral("invalid LIST line '%1'")
                                                                      .arg(QString::fromLatin1(line.left(80)))));
                    return;
                }
                const QString id = QString::fromLatin1(ids.value(entry->number));
                if (r.context().options().json) {
                    records.append(QJsonObject{{QStringLiteral("number"), entry->number},
                                               {QStringLiteral("size"), entry->size},
                                               {QStringLiteral("uidl"), id}});
                } else {
                    r.context().printLine(QStringLiteral("%1 %2 %3").arg(entry->number).arg(entry->size).arg(id));
                }
            }
            if (r.context().options().json) {
                r.context().printJson(records);
            }
            r.done();
        };
        r.session().send(list);
        r.session().send(uidl);
    });
}

int retrieve(CliContext &context, int number, int topLines, const QString &outputPath)
{
    Pop3Run run(context, sessionOptions(context, false));
    // -o writes through QSaveFile: a temporary file renamed into place only when the
    // message arrived whole. Without -o, bytes go to stdout as they come.
    auto file = std::make_shared<QSaveFile>(outputPath);
    if (!outputPath.isEmpty() && !file->open(QIODevice::WriteOnly)) {
        return context.fail(ExitCode::LocalIo,
                            QStringLiteral("cannot write %1: %2").arg(outputPath, file->errorString()));
    }
    return run.run([number, topLines, file, outputPath](Pop3Run &r) {
        auto sink = [&r, file, outputPath](std::string_view chunk, QString *error) {
            if (outputPath.isEmpty()) {
                if (!r.context().writeStdout(QByteArray(chunk.data(), static_cast<qsizetype>(chunk.size())))) {
                    *error = QStringLiteral("cannot write to standard output");
                    return false;
                }
                return true;
            }
            if (file->write(chunk.data(), static_cast<qint64>(chunk.size())) != static_cast<qint64>(chunk.size())) {
                *error = QStringLiteral("cannot write %1: %2").arg(outputPath, file->errorString());
                return false;
            }
            return true;
        };
        auto command = std::make_shared<RetrCommand>(number, sink, topLines);
        command->onDone = [&r, command, file, outputPath, number] {
            if (!command->status.ok) {
                r.finish(refusedOrMissing(r.context(), command->status, QStringLiteral("message %1").arg(number)));
                return;
            }
            if (!outputPath.isEmpty() && !file->commit()) {
                r.finish(r.context().fail(ExitCode::LocalIo,
                                          QStringLiteral("cannot write %1: %2").arg(outputPath, file->errorString())));
                return;
            }
            r.done();
        };
        r.session().send(command);
    });
}

int fetch(CliContext &context, QStringList args)
{
    QString error;
    const QString maildir = takeOption(args, QStringLiteral("--maildir"), &error);
    const QString keepDays = takeOption(args, QStringLiteral("--keep-days"), &error);
    const QString maxSize = takeOption(args, QStringLiteral("--max-size"), &error);
    FetchPolicy policy;
    policy.deleteAfterDownload = takeFlag(args, QStringLiteral("--delete"));
    const bool apop = takeFlag(args, QStringLiteral("--apop"));
    if (!error.isEmpty() || maildir.isEmpty() || !args.isEmpty()) {
        return context.fail(ExitCode::Usage, error.isEmpty() ? QStringLiteral("usage: pop3 URL fetch --maildir DIR "
                                                                              "[--delete] [--keep-days N] [--max-size BYTES]")
                                                             : error);
    }
    bool ok = true;
    if (!keepDays.isEmpty()) {
        policy.keepDays = keepDays.toInt(&ok);
        if (!ok || policy.keepDays < 0) {
            return context.fail(ExitCode::Usage, QStringLiteral("--keep-days takes a number of days, not '%1'").arg(keepDays));
        }
    }
    if (!maxSize.isEmpty()) {
        policy.maxFullSize = maxSize.toLongLong(&ok);
        if (!ok || policy.maxFullSize < 0) {
            return context.fail(ExitCode::Usage, QStringLiteral("--max-size takes a number of bytes, not '%1'").arg(maxSize));
        }
    }
    QElapsedTimer timer;
    timer.start();
    Pop3Run run(context, sessionOptions(context, apop));
    std::unique_ptr<Pop3Fetcher> fetcher;
    return run.run([&](Pop3Run &r) {
        fetcher = std::make_unique<Pop3Fetcher>(&r.session(), maildir, r.context().account(), policy);
        QObject::connect(fetcher.get(), &Pop3Fetcher::failed, fetcher.get(),
                         [&r](const OperationError &e) { r.finishWithError(e); });
        QObject::connect(fetcher.get(), &Pop3Fetcher::finished, fetcher.get(), [&r, &timer](const FetchSummary &s) {
            const double seconds = timer.elapsed() / 1000.0;
            if (r.context().options().json) {
                r.context().printJson(QJsonObject{{QStringLiteral("downloaded"), s.downloaded},
                                                  {QStringLiteral("partial"), s.partial},
                                                  {QStringLiteral("deleted"), s.deleted},
                                                  {QStringLiteral("skipped"), s.skipped},
                                                  {QStringLiteral("seconds"), seconds}});
            } else if (!r.context().options().quiet) {
                r.context().printLine(QStringLiteral("%1 downloaded (%2 headers only), %3 deleted, %4 already saved, %5 s")
                                          .arg(s.downloaded)
                                          .arg(s.partial)
                                          .arg(s.deleted)
                                          .arg(s.skipped)
                                          .arg(seconds, 0, 'f', 2));
            }
            r.finish(0); // the session has already sent QUIT and the server committed
        });
        fetcher->start();
    });
}

} // namespace

int runPop3(CliContext &context, QStringList args)
{
    if (args.isEmpty()) {
        return context.fail(ExitCode::Usage, QStringLiteral("which POP3 command?\n") + pop3Usage());
    }
    const QString command = args.takeFirst();
    QString error;
    ExitCode code = ExitCode::Usage;
    if (!context.loadPassword(&error, &code) || !context.buildConnectionSettings(Net::LogDialect::Pop3, &error, &code)) {
        return context.fail(code, error);
    }
    int number = 0;
    if (command == QLatin1String("stat") && args.isEmpty()) {
        return stat(context);
    }
    if ((command == QLatin1String("list") || command == QLatin1String("uidl")) && args.isEmpty()) {
        return listing(context);
    }
    if (command == QLatin1String("top") && args.size() == 2 && parseNumber(args.at(0), &number)) {
        bool ok = false;
        const int lines = args.at(1).toInt(&ok);
        if (ok && lines >= 0) {
            return retrieve(context, number, lines, QString());
        }
    }
    if (command == QLatin1String("retr") && !args.isEmpty() && parseNumber(args.takeFirst(), &number)) {
        const QString output = takeOption(args, QStringLiteral("-o"), &error);
        if (error.isEmpty() && args.isEmpty()) {
            return retrieve(context, number, -1, output);
        }
    }
    if (command == QLatin1String("fetch")) {
        return fetch(context, args);
    }
    return context.fail(ExitCode::Usage, QStringLiteral("bad pop3 command: %1 %2\n%3")
                                             .arg(command, args.join(QLatin1Char(' ')), pop3Usage()));
}

} // namespace Satchel::Cli
