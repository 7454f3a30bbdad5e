#include "app/cli/ImapCli.h"

#include "app/cli/SessionRun.h"
#include "protocols/imap/AppendCommand.h"
#include "protocols/imap/FetchCommand.h"
#include "protocols/imap/FolderCommands.h"
#include "protocols/imap/FolderSync.h"
#include "protocols/imap/IdleWatcher.h"
#include "protocols/imap/ImapSession.h"
#include "protocols/imap/ListCommand.h"
#include "protocols/imap/SearchCommand.h"
#include "protocols/imap/SearchQuery.h"
#include "protocols/imap/SelectCommand.h"
#include "protocols/imap/StoreCommand.h"
#include "protocols/store/CacheWriter.h"
#include "protocols/store/MailCache.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>

namespace Satchel::Cli {

using namespace Satchel::Imap;

QString imapUsage()
{
    return QStringLiteral("IMAP (imaps://user@host[:port] implicit TLS, imap://... STARTTLS required):\n"
                          "  satchel-cli imap URL folders\n"
                          "  satchel-cli imap URL create|delete|subscribe|unsubscribe FOLDER\n"
                          "  satchel-cli imap URL rename FOLDER NEW\n"
                          "  satchel-cli imap URL status FOLDER\n"
                          "  satchel-cli imap URL list FOLDER [--limit N] [--since DATE]\n"
                          "  satchel-cli imap URL search FOLDER CRITERIA...\n"
                          "  satchel-cli imap URL fetch FOLDER UID [--part header|text|SECTION] [-o FILE]\n"
                          "  satchel-cli imap URL flag FOLDER UIDSET +FLAG... -FLAG...\n"
                          "  satchel-cli imap URL copy|move FOLDER UIDSET DEST\n"
                          "  satchel-cli imap URL delete-messages FOLDER UIDSET\n"
                          "  satchel-cli imap URL expunge FOLDER\n"
                          "  satchel-cli imap URL append FOLDER FILE [--flags FLAGS]\n"
                          "  satchel-cli imap URL sync FOLDER --cache DIR\n"
                          "  satchel-cli imap URL idle FOLDER [--for SECONDS]\n");
}

namespace {

using ImapRun = SessionRun<ImapSession>;

// The largest message `append` reads into memory for one literal.
constexpr qint64 kMaxAppendSize = 256 * 1024 * 1024;

ImapSession::Options sessionOptions(const CliContext &context)
{
    ImapSession::Options options;
    options.connection = context.connectionSettings();
    options.credentials = { context.url().user, context.password() };
    return options;
}

// A NO or BAD in words, with the exit code its response code implies (RFC 5530:
// NONEXISTENT and TRYCREATE mean the folder is not there).
int commandFailure(CliContext &context, const ImapCommand &command, const QString &what)
{
    if (!command.error.isEmpty() && command.isOk()) {
        return context.fail(ExitCode::Protocol, QStringLiteral("%1: %2").arg(what, command.error));
    }
    const QByteArray code = command.result.code.name;
    const QString text = command.failureText();
    // Servers without RFC 5530 codes say it in words (Dovecot: "Mailbox doesn't exist").
    const bool missing = code == "NONEXISTENT" || code == "TRYCREATE" || text.contains(QLatin1String("doesn't exist"))
        || text.contains(QLatin1String("does not exist"))
        || text.contains(QLatin1String("no such"), Qt::CaseInsensitive);
    return context.fail(missing ? ExitCode::NotFound : ExitCode::Refused,
        QStringLiteral("%1: the server said %2").arg(what, command.failureText()));
}

// Runs `then` once FOLDER is selected (EXAMINE when read-only).
void withFolder(ImapRun &r, const QString &folder, bool readOnly, std::function<void()> then)
{
    auto select = std::make_shared<SelectCommand>(folder, readOnly);
    select->onDone = [&r, select, folder, then] {
        if (!select->isOk() || !select->error.isEmpty()) {
            r.finish(commandFailure(r.context(), *select, QStringLiteral("cannot open folder '%1'").arg(folder)));
            return;
        }
        then();
    };
    r.session().send(select);
}

// Runs `then` when at least one of the UIDs is in the selected folder. IMAP ignores
// UIDs that do not exist (RFC 9051 §6.4.8), so without this check a mistyped UID
// would "succeed" doing nothing; the CLI says "not found" instead (exit 7).
void requireUids(ImapRun &r, const QByteArray &uids, const QString &folder, std::function<void()> then)
{
    auto search = std::make_shared<SearchCommand>(CommandArgs().atom("UID").atom(uids));
    search->onDone = [&r, search, uids, folder, then] {
        if (!search->isOk() || !search->error.isEmpty()) {
            r.finish(commandFailure(r.context(), *search, QStringLiteral("SEARCH")));
            return;
        }
        if (search->uids.isEmpty()) {
            r.finish(r.context().fail(ExitCode::NotFound,
                QStringLiteral("no message with UID %1 in '%2'").arg(QString::fromLatin1(uids), folder)));
            return;
        }
        then();
    };
    r.session().send(search);
}

std::optional<QByteArray> uidSet(const QString &text)
{
    const QByteArray bytes = text.toLatin1();
    if (text.isEmpty() || QString::fromLatin1(bytes) != text || !parseSequenceSet(bytes, 0xFFFFFFFFu, 1'000'000)) {
        return std::nullopt;
    }
    return bytes;
}

bool validFlag(const QString &flag)
{
    // RFC 9051 §9 flag: a system flag or a keyword atom.
    static const QRegularExpression shape(QStringLiteral("^\\\\?[A-Za-z0-9$_.:!#&'+,/;<=>?@^`|~-]+$"));
    return shape.match(flag).hasMatch();
}

QString isoDate(const QDateTime &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QJsonArray toJson(const QList<QByteArray> &items)
{
    QJsonArray out;
    for (const QByteArray &item : items) {
        out.append(QString::fromUtf8(item));
    }
    return out;
}

QString flagsText(const QList<QByteArray> &flags)
{
    QStringList out;
    for (const QByteArray &f : flags) {
        out.append(QString::fromUtf8(f));
    }
    return out.join(QLatin1Char(' '));
}

QJsonObject summaryJson(const MessageSummary &m)
{
    const QDateTime date = m.envelope.date.isValid() ? m.envelope.date : m.internalDate;
    return QJsonObject { { QStringLiteral("uid"), static_cast<qint64>(m.uid) },
        { QStringLiteral("flags"), toJson(m.flags) }, { QStringLiteral("date"), isoDate(date) },
        { QStringLiteral("from"), m.envelope.from.isEmpty() ? QString() : m.envelope.from.first().display() },
        { QStringLiteral("subject"), m.envelope.subject }, { QStringLiteral("size"), static_cast<qint64>(m.size) } };
}

QString summaryLine(const MessageSummary &m)
{
    const QDateTime date = m.envelope.date.isValid() ? m.envelope.date : m.internalDate;
    return QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
        .arg(m.uid)
        .arg(date.isValid() ? date.toString(QStringLiteral("yyyy-MM-dd hh:mm")) : QStringLiteral("-"),
            m.envelope.from.isEmpty() ? QStringLiteral("-") : m.envelope.from.first().display(), m.envelope.subject)
        .arg(m.size)
        .arg(flagsText(m.flags));
}

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
            QJsonArray records;
            for (const FolderInfo &f : std::as_const(list->folders)) {
                if (r.context().options().json) {
                    records.append(QJsonObject { { QStringLiteral("name"), f.name },
                        { QStringLiteral("delimiter"),
                            f.delimiter.isNull() ? QJsonValue() : QJsonValue(QString(f.delimiter)) },
                        { QStringLiteral("attributes"), toJson(f.attributes) },
                        { QStringLiteral("role"), f.role.isEmpty() ? QJsonValue() : QJsonValue(f.role) },
                        { QStringLiteral("subscribed"), subscribedNames.contains(f.name) } });
                } else {
                    r.context().printLine(
                        QStringLiteral("%1\t%2\t%3")
                            .arg(f.name, f.role.isEmpty() ? QStringLiteral("-") : f.role, flagsText(f.attributes)));
                }
            }
            if (r.context().options().json) {
                r.context().printJson(records);
            }
            r.done();
        };
        r.session().send(list);
        r.session().send(subscribed);
    });
}

int folderCommand(CliContext &context, std::shared_ptr<ImapCommand> command, const QString &what)
{
    ImapRun run(context, sessionOptions(context));
    return run.run([command, what](ImapRun &r) {
        command->onDone = [&r, command, what] {
            if (!command->isOk()) {
                r.finish(commandFailure(r.context(), *command, what));
                return;
            }
            if (!r.context().options().quiet && !r.context().options().json) {
                r.context().printLine(what + QStringLiteral(": done"));
            }
            r.done();
        };
        r.session().send(command);
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
            const auto &items = command->status->items;
            auto value = [&items](const char *name) { return static_cast<qint64>(items.value(name)); };
            if (r.context().options().json) {
                QJsonObject o { { QStringLiteral("name"), folder }, { QStringLiteral("messages"), value("MESSAGES") },
                    { QStringLiteral("unseen"), value("UNSEEN") }, { QStringLiteral("uidnext"), value("UIDNEXT") },
                    { QStringLiteral("uidvalidity"), value("UIDVALIDITY") },
                    { QStringLiteral("highestmodseq"),
                        items.contains("HIGHESTMODSEQ") ? QJsonValue(value("HIGHESTMODSEQ")) : QJsonValue() } };
                r.context().printJson(o);
            } else {
                r.context().printLine(
                    QStringLiteral("%1: %2 messages, %3 unseen, uidnext %4, uidvalidity %5, highestmodseq %6")
                        .arg(folder)
                        .arg(value("MESSAGES"))
                        .arg(value("UNSEEN"))
                        .arg(value("UIDNEXT"))
                        .arg(value("UIDVALIDITY"))
                        .arg(value("HIGHESTMODSEQ")));
            }
            r.done();
        };
        r.session().send(command);
    });
}

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
                    QJsonArray records;
                    for (const FetchData &f : std::as_const(results)) {
                        const MessageSummary m = summaryFrom(f);
                        if (r.context().options().json) {
                            records.append(summaryJson(m));
                        } else {
                            r.context().printLine(summaryLine(m));
                        }
                    }
                    if (r.context().options().json) {
                        r.context().printJson(records);
                    }
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
                if (r.context().options().json) {
                    QJsonArray list;
                    for (const quint32 uid : uids) {
                        list.append(static_cast<qint64>(uid));
                    }
                    r.context().printJson(QJsonObject { { QStringLiteral("uids"), list } });
                } else {
                    for (const quint32 uid : uids) {
                        r.context().printLine(QString::number(uid));
                    }
                }
                r.done();
            });
        });
    });
}

std::optional<QByteArray> sectionFor(const QString &part)
{
    if (part.isEmpty()) {
        return QByteArray();
    }
    if (part.compare(QLatin1String("header"), Qt::CaseInsensitive) == 0) {
        return QByteArray("HEADER");
    }
    if (part.compare(QLatin1String("text"), Qt::CaseInsensitive) == 0) {
        return QByteArray("TEXT");
    }
    // RFC 9051 §6.4.5 section-part [. HEADER|TEXT|MIME], then an optional <origin.octets>.
    static const QRegularExpression shape(
        QStringLiteral(
            "^([1-9][0-9]*(\\.[1-9][0-9]*)*(\\.(HEADER|TEXT|MIME))?|HEADER|TEXT)?(<[0-9]+\\.[1-9][0-9]*>)?$"),
        QRegularExpression::CaseInsensitiveOption);
    if (!shape.match(part).hasMatch()) {
        return std::nullopt;
    }
    return part.toUpper().toLatin1();
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

int flag(CliContext &context, const QString &folder, const QByteArray &uids, const QList<QByteArray> &add,
    const QList<QByteArray> &remove)
{
    ImapRun run(context, sessionOptions(context));
    return run.run([folder, uids, add, remove](ImapRun &r) {
        withFolder(r, folder, false, [&r, folder, uids, add, remove] {
            requireUids(r, uids, folder, [&r, uids, add, remove] {
                auto pending = std::make_shared<int>(0);
                auto finishOne = [&r, pending](const std::shared_ptr<StoreCommand> &store) {
                    if (!store->isOk()) {
                        r.finish(commandFailure(r.context(), *store, QStringLiteral("STORE")));
                        return;
                    }
                    if (--*pending == 0) {
                        r.done();
                    }
                };
                for (const auto &[mode, flags] :
                    { std::pair { StoreCommand::Mode::Add, add }, std::pair { StoreCommand::Mode::Remove, remove } }) {
                    if (flags.isEmpty()) {
                        continue;
                    }
                    auto store = std::make_shared<StoreCommand>(uids, mode, flags);
                    ++*pending;
                    store->onDone = [store, finishOne] { finishOne(store); };
                    r.session().send(store);
                }
            });
        });
    });
}

// Flags UIDs \Deleted and removes exactly those (UID EXPUNGE, RFC 4315 §2.1). Without
// UIDPLUS a plain EXPUNGE would also remove messages someone else marked, so the
// messages stay flagged and the user is told.
void deleteExactly(ImapRun &r, const QByteArray &uids, std::function<void(bool expunged)> then)
{
    auto store = std::make_shared<StoreCommand>(uids, StoreCommand::Mode::Add, QList<QByteArray> { "\\Deleted" });
    store->onDone = [&r, store, uids, then] {
        if (!store->isOk()) {
            r.finish(commandFailure(r.context(), *store, QStringLiteral("STORE \\Deleted")));
            return;
        }
        if (!r.session().hasCapability("UIDPLUS")) {
            then(false);
            return;
        }
        auto expunge = std::make_shared<ExpungeCommand>(uids);
        expunge->onDone = [&r, expunge, then] {
            if (!expunge->isOk()) {
                r.finish(commandFailure(r.context(), *expunge, QStringLiteral("UID EXPUNGE")));
                return;
            }
            then(true);
        };
        r.session().send(expunge);
    };
    r.session().send(store);
}

int copyOrMove(
    CliContext &context, const QString &folder, const QByteArray &uids, const QString &destination, bool move)
{
    ImapRun run(context, sessionOptions(context));
    return run.run([folder, uids, destination, move](ImapRun &r) {
        withFolder(r, folder, !move, [&r, folder, uids, destination, move] {
            requireUids(r, uids, folder, [&r, uids, destination, move] {
                const bool nativeMove = move && r.session().hasCapability("MOVE");
                auto copy = std::make_shared<CopyCommand>(uids, destination, nativeMove);
                copy->onDone = [&r, copy, uids, move, nativeMove, destination] {
                    if (!copy->isOk()) {
                        r.finish(commandFailure(r.context(), *copy,
                            QStringLiteral("%1 to '%2'")
                                .arg(move ? QStringLiteral("MOVE") : QStringLiteral("COPY"), destination)));
                        return;
                    }
                    if (!move || nativeMove) {
                        r.done();
                        return;
                    }
                    // RFC 6851 §3.3 fallback: COPY, then \Deleted and UID EXPUNGE of exactly these.
                    deleteExactly(r, uids, [&r](bool expunged) {
                        if (!expunged) {
                            r.context().printLine(
                                QStringLiteral("copied; the originals are marked \\Deleted (the server "
                                               "has no UIDPLUS, so they were not expunged)"));
                        }
                        r.done();
                    });
                };
                r.session().send(copy);
            });
        });
    });
}

int deleteMessages(CliContext &context, const QString &folder, const QByteArray &uids)
{
    ImapRun run(context, sessionOptions(context));
    return run.run([folder, uids](ImapRun &r) {
        withFolder(r, folder, false, [&r, folder, uids] {
            requireUids(r, uids, folder, [&r, uids] {
                deleteExactly(r, uids, [&r](bool expunged) {
                    if (!expunged) {
                        r.context().printLine(
                            QStringLiteral("marked \\Deleted; not expunged (the server has no UIDPLUS)"));
                    }
                    r.done();
                });
            });
        });
    });
}

int expunge(CliContext &context, const QString &folder)
{
    ImapRun run(context, sessionOptions(context));
    return run.run([folder](ImapRun &r) {
        withFolder(r, folder, false, [&r] {
            auto command = std::make_shared<ExpungeCommand>();
            command->onDone = [&r, command] {
                if (!command->isOk()) {
                    r.finish(commandFailure(r.context(), *command, QStringLiteral("EXPUNGE")));
                    return;
                }
                if (r.context().options().json) {
                    r.context().printJson(QJsonObject { { QStringLiteral("expunged"), command->expunged } });
                } else if (!r.context().options().quiet) {
                    r.context().printLine(QStringLiteral("%1 messages expunged").arg(command->expunged));
                }
                r.done();
            };
            r.session().send(command);
        });
    });
}

int append(CliContext &context, const QString &folder, const QString &path, const QList<QByteArray> &flags)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return context.fail(ExitCode::LocalIo, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    if (file.size() > kMaxAppendSize) {
        return context.fail(
            ExitCode::LocalIo, QStringLiteral("%1 is larger than %2 bytes").arg(path).arg(kMaxAppendSize));
    }
    QByteArray message = file.readAll();
    // RFC 9051 §6.3.12: the message is in RFC 5322 form, lines ending in CRLF.
    if (!message.contains("\r\n")) {
        message.replace("\n", "\r\n");
    }
    ImapRun run(context, sessionOptions(context));
    return run.run([folder, message, flags](ImapRun &r) {
        auto command = std::make_shared<AppendCommand>(folder, message, flags);
        command->onDone = [&r, command, folder] {
            if (!command->isOk()) {
                r.finish(commandFailure(r.context(), *command, QStringLiteral("APPEND to '%1'").arg(folder)));
                return;
            }
            const quint32 uid = command->appendedUid();
            if (r.context().options().json) {
                r.context().printJson(QJsonObject {
                    { QStringLiteral("uid"), uid ? QJsonValue(static_cast<qint64>(uid)) : QJsonValue() } });
            } else if (!r.context().options().quiet) {
                r.context().printLine(uid ? QStringLiteral("appended as UID %1").arg(uid) : QStringLiteral("appended"));
            }
            r.done();
        };
        r.session().send(command);
    });
}

int sync(CliContext &context, const QString &folder, const QString &cacheDir)
{
    if (!QDir().mkpath(cacheDir)) {
        return context.fail(ExitCode::LocalIo, QStringLiteral("cannot create the cache folder %1").arg(cacheDir));
    }
    QString error;
    // One cache file per account; the name is the account, made safe for a file name.
    QString account = context.account();
    account.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9@._-]")), QStringLiteral("_"));
    const QString path = QDir(cacheDir).filePath(account + QStringLiteral(".sqlite"));
    auto cache = Store::MailCache::open(path, &error);
    if (!cache) {
        return context.fail(ExitCode::LocalIo, error);
    }
    // A first sync writes every summary: on a thread of its own, while the next ones
    // are parsed. A resync writes a handful and does not need the thread.
    std::unique_ptr<Store::CacheWriter> writer;
    const auto cached = cache->folder(folder, Store::MailCache::Count::OnlyWhetherAny);
    if (!cached || cached->messageCount == 0) {
        writer = Store::CacheWriter::open(path, &error);
        if (!writer) {
            return context.fail(ExitCode::LocalIo, error);
        }
    }
    ImapRun run(context, sessionOptions(context));
    std::unique_ptr<FolderSync> syncer;
    return run.run([&](ImapRun &r) {
        syncer = std::make_unique<FolderSync>(r.session(), *cache, folder);
        syncer->setWriter(writer.get());
        QObject::connect(
            syncer.get(), &FolderSync::failed, syncer.get(), [&r](const OperationError &e) { r.finishWithError(e); });
        QObject::connect(syncer.get(), &FolderSync::done, syncer.get(), [&r](const FolderSync::Result &result) {
            if (r.context().options().json) {
                r.context().printJson(QJsonObject { { QStringLiteral("new"), result.added },
                    { QStringLiteral("changed"), result.changed }, { QStringLiteral("vanished"), result.vanished },
                    { QStringLiteral("total"), result.total }, { QStringLiteral("full"), result.fullResync },
                    { QStringLiteral("seconds"), result.seconds } });
            } else if (!r.context().options().quiet) {
                r.context().printLine(QStringLiteral("%1 new, %2 changed, %3 vanished, %4 in the cache, %5 s")
                                          .arg(result.added)
                                          .arg(result.changed)
                                          .arg(result.vanished)
                                          .arg(result.total)
                                          .arg(result.seconds, 0, 'f', 2));
            }
            r.done();
        });
        syncer->start();
    });
}

int idle(CliContext &context, const QString &folder, int seconds)
{
    ImapRun run(context, sessionOptions(context));
    std::unique_ptr<IdleWatcher> watcher;
    QTimer stopTimer;
    stopTimer.setSingleShot(true);
    const bool json = context.options().json;
    return run.run([&](ImapRun &r) {
        withFolder(r, folder, true, [&] {
            watcher = std::make_unique<IdleWatcher>(r.session());
            const QByteArray restart = qgetenv("SATCHEL_IDLE_RESTART_MS");
            if (!restart.isEmpty()) {
                watcher->setRestartInterval(std::chrono::milliseconds(restart.toInt()));
            }
            auto event = [&r, json](const QString &kind, const QJsonObject &fields, const QString &text) {
                if (json) {
                    QJsonObject o = fields;
                    o.insert(QStringLiteral("event"), kind);
                    r.context().printJson(o);
                } else {
                    r.context().printLine(kind + QLatin1Char(' ') + text);
                }
            };
            QObject::connect(watcher.get(), &IdleWatcher::newMessages, watcher.get(),
                [event](const QList<MessageSummary> &messages) {
                    for (const MessageSummary &m : messages) {
                        event(QStringLiteral("new"), summaryJson(m), summaryLine(m));
                    }
                });
            QObject::connect(watcher.get(), &IdleWatcher::vanished, watcher.get(), [event](const QList<quint32> &uids) {
                QJsonArray list;
                QStringList text;
                for (const quint32 uid : uids) {
                    list.append(static_cast<qint64>(uid));
                    text.append(QString::number(uid));
                }
                event(QStringLiteral("vanished"), QJsonObject { { QStringLiteral("uids"), list } },
                    text.join(QLatin1Char(',')));
            });
            QObject::connect(watcher.get(), &IdleWatcher::expunged, watcher.get(), [event](quint32 sequence) {
                event(QStringLiteral("expunged"),
                    QJsonObject { { QStringLiteral("sequence"), static_cast<qint64>(sequence) } },
                    QStringLiteral("message %1").arg(sequence));
            });
            QObject::connect(watcher.get(), &IdleWatcher::flagsChanged, watcher.get(), [event](const FlagUpdate &u) {
                event(QStringLiteral("changed"),
                    QJsonObject { { QStringLiteral("uid"), static_cast<qint64>(u.uid) },
                        { QStringLiteral("flags"), toJson(u.flags) } },
                    QStringLiteral("%1 %2").arg(u.uid).arg(flagsText(u.flags)));
            });
            QObject::connect(watcher.get(), &IdleWatcher::failed, watcher.get(),
                [&r](const OperationError &e) { r.finishWithError(e); });
            QObject::connect(watcher.get(), &IdleWatcher::stopped, watcher.get(), [&r] { r.done(); });
            if (seconds > 0) {
                QObject::connect(&stopTimer, &QTimer::timeout, watcher.get(), [&] { watcher->stop(); });
                stopTimer.start(seconds * 1000);
            }
            watcher->start();
        });
    });
}

QList<QByteArray> parseFlagList(const QString &text, bool *ok)
{
    QList<QByteArray> flags;
    *ok = true;
    for (const QString &f : text.split(QRegularExpression(QStringLiteral("[ ,]+")), Qt::SkipEmptyParts)) {
        if (!validFlag(f)) {
            *ok = false;
        }
        flags.append(f.toLatin1());
    }
    return flags;
}

} // namespace

int runImap(CliContext &context, QStringList args)
{
    if (args.isEmpty()) {
        return context.fail(ExitCode::Usage, QStringLiteral("which IMAP command?\n") + imapUsage());
    }
    const QString command = args.takeFirst();
    QString error;
    ExitCode code = ExitCode::Usage;
    auto usage = [&context, &command](const QString &why = QString()) {
        return context.fail(ExitCode::Usage,
            (why.isEmpty() ? QStringLiteral("bad imap command: %1").arg(command) : why) + QLatin1Char('\n')
                + imapUsage());
    };
    // Options are taken out first, so the positional arguments stay in order.
    const QString limitText = takeOption(args, QStringLiteral("--limit"), &error);
    const QString since = takeOption(args, QStringLiteral("--since"), &error);
    const QString part = takeOption(args, QStringLiteral("--part"), &error);
    const QString output = takeOption(args, QStringLiteral("-o"), &error);
    const QString flagsText = takeOption(args, QStringLiteral("--flags"), &error);
    const QString cacheDir = takeOption(args, QStringLiteral("--cache"), &error);
    const QString forText = takeOption(args, QStringLiteral("--for"), &error);
    if (!error.isEmpty()) {
        return usage(error);
    }
    if (!context.loadPassword(&error, &code)
        || !context.buildConnectionSettings(Net::LogDialect::Imap, &error, &code)) {
        return context.fail(code, error);
    }
    const qsizetype n = args.size();
    if (command == QLatin1String("folders") && n == 0) {
        return folders(context);
    }
    if (n == 1 && command == QLatin1String("create")) {
        return folderCommand(
            context, std::make_shared<CreateCommand>(args[0]), QStringLiteral("CREATE %1").arg(args[0]));
    }
    if (n == 1 && command == QLatin1String("delete")) {
        return folderCommand(
            context, std::make_shared<DeleteCommand>(args[0]), QStringLiteral("DELETE %1").arg(args[0]));
    }
    if (n == 2 && command == QLatin1String("rename")) {
        return folderCommand(context, std::make_shared<RenameCommand>(args[0], args[1]),
            QStringLiteral("RENAME %1 to %2").arg(args[0], args[1]));
    }
    if (n == 1 && (command == QLatin1String("subscribe") || command == QLatin1String("unsubscribe"))) {
        const bool on = command == QLatin1String("subscribe");
        return folderCommand(context, std::make_shared<SubscribeCommand>(args[0], on),
            QStringLiteral("%1 %2").arg(command.toUpper(), args[0]));
    }
    if (n == 1 && command == QLatin1String("status")) {
        return status(context, args[0]);
    }
    if (n == 1 && command == QLatin1String("list")) {
        bool ok = true;
        const int limit = limitText.isEmpty() ? 0 : limitText.toInt(&ok);
        if (!ok || limit < 0) {
            return usage(QStringLiteral("--limit takes a number, not '%1'").arg(limitText));
        }
        return listMessages(context, args[0], limit, since);
    }
    if (n >= 2 && command == QLatin1String("search")) {
        return search(context, args[0], args.mid(1));
    }
    if (n == 2 && command == QLatin1String("fetch")) {
        bool ok = false;
        const quint32 uid = args[1].toUInt(&ok);
        const auto section = sectionFor(part);
        if (!ok || uid == 0) {
            return usage(QStringLiteral("fetch needs a UID (a number above 0), not '%1'").arg(args[1]));
        }
        if (!section) {
            return usage(
                QStringLiteral("--part takes header, text or a section like 1.2 or 2.HEADER, not '%1'").arg(part));
        }
        return fetchMessage(context, args[0], uid, *section, output);
    }
    if (n >= 3 && command == QLatin1String("flag")) {
        const auto uids = uidSet(args[1]);
        if (!uids) {
            return usage(QStringLiteral("'%1' is not a UID set like 1,4:7").arg(args[1]));
        }
        QList<QByteArray> add;
        QList<QByteArray> remove;
        for (const QString &f : args.mid(2)) {
            const QString name = f.mid(1);
            if ((!f.startsWith(u'+') && !f.startsWith(u'-')) || !validFlag(name)) {
                return usage(
                    QStringLiteral("flags are written +FLAG or -FLAG (e.g. +\\Seen -\\Flagged), not '%1'").arg(f));
            }
            (f.startsWith(u'+') ? add : remove).append(name.toLatin1());
        }
        return flag(context, args[0], *uids, add, remove);
    }
    if (n == 3 && (command == QLatin1String("copy") || command == QLatin1String("move"))) {
        const auto uids = uidSet(args[1]);
        if (!uids) {
            return usage(QStringLiteral("'%1' is not a UID set like 1,4:7").arg(args[1]));
        }
        return copyOrMove(context, args[0], *uids, args[2], command == QLatin1String("move"));
    }
    if (n == 2 && command == QLatin1String("delete-messages")) {
        const auto uids = uidSet(args[1]);
        if (!uids) {
            return usage(QStringLiteral("'%1' is not a UID set like 1,4:7").arg(args[1]));
        }
        return deleteMessages(context, args[0], *uids);
    }
    if (n == 1 && command == QLatin1String("expunge")) {
        return expunge(context, args[0]);
    }
    if (n == 2 && command == QLatin1String("append")) {
        bool ok = true;
        const QList<QByteArray> flags = parseFlagList(flagsText, &ok);
        if (!ok) {
            return usage(QStringLiteral("--flags takes flags like \"\\Seen \\Flagged\", not '%1'").arg(flagsText));
        }
        return append(context, args[0], args[1], flags);
    }
    if (n == 1 && command == QLatin1String("sync")) {
        if (cacheDir.isEmpty()) {
            return usage(QStringLiteral("sync needs --cache DIR"));
        }
        return sync(context, args[0], cacheDir);
    }
    if (n == 1 && command == QLatin1String("idle")) {
        bool ok = true;
        const int seconds = forText.isEmpty() ? 0 : forText.toInt(&ok);
        if (!ok || seconds < 0) {
            return usage(QStringLiteral("--for takes a number of seconds, not '%1'").arg(forText));
        }
        return idle(context, args[0], seconds);
    }
    return usage();
}

} // namespace Satchel::Cli
