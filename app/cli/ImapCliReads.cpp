// `satchel-cli imap`: the commands that only read — folders, status, list, search and
// fetch. Folders are opened with EXAMINE, so nothing on the server changes.
#include "app/cli/ImapCliPrivate.h"
#include "protocols/imap/FetchCommand.h"
#include "protocols/imap/ListCommand.h"
#include "protocols/imap/SearchCommand.h"
#include "protocols/imap/SearchQuery.h"

#include <QLocale>
#include <QSaveFile>

#include <algorithm>

namespace Satchel::Cli::ImapCliInternal {

namespace {

// UID SEARCH with ESEARCH when offered; `then` gets the UIDs.
void searchUids(ImapRun &r, const SearchQuery &query, std::function<void(QList<quint32>)> then)
{
    const bool esearch = r.session().hasCapability("ESEARCH");
    auto search = std::make_shared<SearchCommand>(searchCommandArgs(query, r.session().utf8Accepted(), esearch));
    search->onDone = [&r, search, then] {
        if (!search->isOk() || !search->error.isEmpty()) {
            r.finish(commandFailure(r.context(), *search, QStringLiteral("SEARCH")));
            return;
        }
        QList<quint32> uids = search->uids;
        std::sort(uids.begin(), uids.end());
        then(uids);
    };
    r.session().send(search);
}

} // namespace

int folders(CliContext &context)
{
    ImapRun run(context, sessionOptions(context));
    return run.run([](ImapRun &r) {
        auto list = std::make_shared<ListCommand>();
        // LSUB (RFC 3501 §6.3.9) in the same round trip: which folders are subscribed.
        auto subscribed = std::make_shared<ListCommand>(ListCommand::Kind::Subscribed);
        subscribed->onDone = [&r, list, subscribed] {
            if (!list->isOk() || !list->error.isEmpty()) {
                r.finish(commandFailure(r.context(), *list, QStringLiteral("LIST")));
                return;
            }
            QSet<QString> subscribedNames;
            for (const FolderInfo &f : std::as_const(subscribed->folders)) {
                subscribedNames.insert(f.name);
            }
            printFolders(r.context(), list->folders, subscribedNames);
            r.done();
        };
        r.session().send(list);
        r.session().send(subscribed);
    });
}

int status(CliContext &context, const QString &folder)
{
    ImapRun run(context, sessionOptions(context));
    return run.run([folder](ImapRun &r) {
        auto command = std::make_shared<StatusCommand>(folder);
        command->onDone = [&r, command, folder] {
            if (!command->isOk() || !command->status) {
                r.finish(commandFailure(r.context(), *command, QStringLiteral("STATUS %1").arg(folder)));
                return;
            }
            printStatus(r.context(), folder, command->status->items);
            r.done();
        };
        r.session().send(command);
    });
}

int listMessages(CliContext &context, const QString &folder, int limit, const QString &since)
{
    QStringList criteria { QStringLiteral("ALL") };
    if (!since.isEmpty()) {
        // 2026-11-01 (ISO 8601) or 1-Nov-2026 (IMAP's own form, RFC 9051 §9 date).
        const QDate iso = QDate::fromString(since, Qt::ISODate);
        criteria = { QStringLiteral("SINCE"),
            iso.isValid() ? QLocale::c().toString(iso, QStringLiteral("d-MMM-yyyy")) : since };
    }
    QString error;
    const auto query = buildSearchQuery(criteria, &error);
    if (!query) {
        return context.fail(ExitCode::Usage, error);
    }
    ImapRun run(context, sessionOptions(context));
    return run.run([folder, limit, query](ImapRun &r) {
        withFolder(r, folder, true, [&r, limit, query] {
            searchUids(r, *query, [&r, limit](QList<quint32> uids) {
                if (limit > 0 && uids.size() > limit) {
                    uids = uids.mid(uids.size() - limit); // the newest
                }
                if (uids.isEmpty()) {
                    if (r.context().options().json) {
                        r.context().printJson(QJsonArray());
                    }
                    r.done();
                    return;
                }
                auto fetch = std::make_shared<FetchCommand>(formatSequenceSet(uids), FetchCommand::summaryItems());
                fetch->onDone = [&r, fetch] {
                    if (!fetch->isOk() || !fetch->error.isEmpty()) {
                        r.finish(commandFailure(r.context(), *fetch, QStringLiteral("FETCH")));
                        return;
                    }
                    QList<FetchData> results = fetch->results;
                    std::sort(results.begin(), results.end(),
                        [](const FetchData &a, const FetchData &b) { return a.uid > b.uid; });
                    printMessages(r.context(), results);
                    r.done();
                };
                r.session().send(fetch);
            });
        });
    });
}

int search(CliContext &context, const QString &folder, const QStringList &criteria)
{
    QString error;
    const auto query = buildSearchQuery(criteria, &error);
    if (!query) {
        return context.fail(ExitCode::Usage, error);
    }
    ImapRun run(context, sessionOptions(context));
    return run.run([folder, query](ImapRun &r) {
        withFolder(r, folder, true, [&r, query] {
            searchUids(r, *query, [&r](const QList<quint32> &uids) {
                printUids(r.context(), uids);
                r.done();
            });
        });
    });
}

int fetchMessage(
    CliContext &context, const QString &folder, quint32 uid, const QByteArray &section, const QString &output)
{
    // -o goes through QSaveFile: renamed into place only when the whole literal
    // arrived and the server said OK; a dropped connection leaves nothing.
    auto file = std::make_shared<QSaveFile>(output);
    if (!output.isEmpty() && !file->open(QIODevice::WriteOnly)) {
        return context.fail(ExitCode::LocalIo, QStringLiteral("cannot write %1: %2").arg(output, file->errorString()));
    }
    ImapRun run(context, sessionOptions(context));
    return run.run([folder, uid, section, output, file](ImapRun &r) {
        withFolder(r, folder, true, [&r, folder, uid, section, output, file] {
            // "BODY.PEEK[1]<0.100>": the partial goes after the brackets.
            QByteArray inside = section;
            QByteArray partial;
            if (const qsizetype angle = inside.indexOf('<'); angle >= 0) {
                partial = inside.mid(angle);
                inside = inside.left(angle);
            }
            auto fetch = std::make_shared<FetchCommand>(
                QByteArray::number(uid), QList<QByteArray> { "UID", "BODY.PEEK[" + inside + ']' + partial });
            auto written = std::make_shared<bool>(false);
            fetch->setSectionSink([&r, file, output, written](quint64) -> LiteralSink {
                *written = true;
                return [&r, file, output](QByteArrayView piece) {
                    if (output.isEmpty()) {
                        return r.context().writeStdout(piece.toByteArray());
                    }
                    return file->write(piece.data(), piece.size()) == piece.size();
                };
            });
            fetch->onDone = [&r, fetch, file, output, written, folder, uid] {
                if (!fetch->isOk() || !fetch->error.isEmpty()) {
                    r.finish(commandFailure(r.context(), *fetch, QStringLiteral("FETCH")));
                    return;
                }
                bool found = *written;
                for (const FetchData &f : std::as_const(fetch->results)) {
                    for (const FetchedSection &s : f.sections) {
                        if (!s.nil && !s.streamed) {
                            found = true;
                            const bool ok = output.isEmpty() ? r.context().writeStdout(s.bytes)
                                                             : file->write(s.bytes) == s.bytes.size();
                            if (!ok) {
                                r.finish(
                                    r.context().fail(ExitCode::LocalIo, QStringLiteral("cannot write %1").arg(output)));
                                return;
                            }
                        }
                    }
                }
                if (!found) {
                    r.finish(r.context().fail(ExitCode::NotFound,
                        QStringLiteral("no message with UID %1 (or no such part) in '%2'").arg(uid).arg(folder)));
                    return;
                }
                if (!output.isEmpty() && !file->commit()) {
                    r.finish(r.context().fail(
                        ExitCode::LocalIo, QStringLiteral("cannot write %1: %2").arg(output, file->errorString())));
                    return;
                }
                r.done();
            };
            r.session().send(fetch);
        });
    });
}

} // namespace Satchel::Cli::ImapCliInternal
