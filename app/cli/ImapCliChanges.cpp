// `satchel-cli imap`: the commands that change the mailbox — folder management (create,
// delete, rename, subscribe), flag, copy and move, delete-messages, expunge and append.
#include "app/cli/ImapCliPrivate.h"
#include "protocols/imap/AppendCommand.h"
#include "protocols/imap/SearchCommand.h"
#include "protocols/imap/StoreCommand.h"

#include <QFile>

#include <utility>

namespace Satchel::Cli::ImapCliInternal {

namespace {

// The largest message `append` reads into memory for one literal.
constexpr qint64 kMaxAppendSize = 256 * 1024 * 1024;

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

} // namespace

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

} // namespace Satchel::Cli::ImapCliInternal
