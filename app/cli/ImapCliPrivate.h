// Internal to the ImapCli files (ImapCli.cpp, ImapCliOutput.cpp, ImapCliReads.cpp,
// ImapCliChanges.cpp, ImapCliSyncIdle.cpp), which together implement `satchel-cli imap`:
// the session plumbing they share, the output rendering and the commands that
// runImap() dispatches to. Include it from nowhere else.
#pragma once

#include "app/cli/CliContext.h"
#include "app/cli/SessionRun.h"
#include "protocols/imap/FolderSync.h"
#include "protocols/imap/ImapCommand.h"
#include "protocols/imap/ImapSession.h"
#include "protocols/imap/MessageSummary.h"
#include "protocols/imap/ResponseData.h"
#include "protocols/imap/SelectCommand.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Satchel::Cli::ImapCliInternal {

using namespace Satchel::Imap;

using ImapRun = SessionRun<ImapSession>;

inline ImapSession::Options sessionOptions(const CliContext &context)
{
    ImapSession::Options options;
    options.connection = context.connectionSettings();
    options.credentials = { context.url().user, context.password() };
    return options;
}

// A NO or BAD in words, with the exit code its response code implies (RFC 5530:
// NONEXISTENT and TRYCREATE mean the folder is not there).
inline int commandFailure(CliContext &context, const ImapCommand &command, const QString &what)
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
inline void withFolder(ImapRun &r, const QString &folder, bool readOnly, std::function<void()> then)
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

// ImapCliOutput.cpp: human and --json rendering.
QJsonArray toJson(const QList<QByteArray> &items);
QString flagsText(const QList<QByteArray> &flags);
QJsonObject summaryJson(const MessageSummary &m);
QString summaryLine(const MessageSummary &m);
void printFolders(CliContext &context, const QList<FolderInfo> &folders, const QSet<QString> &subscribedNames);
void printStatus(CliContext &context, const QString &folder, const QHash<QByteArray, quint64> &items);
void printMessages(CliContext &context, const QList<FetchData> &results);
void printUids(CliContext &context, const QList<quint32> &uids);
void printSyncResult(CliContext &context, const FolderSync::Result &result);
void printIdleEvent(
    CliContext &context, bool json, const QString &kind, const QJsonObject &fields, const QString &text);

// ImapCliReads.cpp: the commands that only read.
int folders(CliContext &context);
int status(CliContext &context, const QString &folder);
int listMessages(CliContext &context, const QString &folder, int limit, const QString &since);
int search(CliContext &context, const QString &folder, const QStringList &criteria);
int fetchMessage(
    CliContext &context, const QString &folder, quint32 uid, const QByteArray &section, const QString &output);

// ImapCliChanges.cpp: the commands that change folders or messages.
int folderCommand(CliContext &context, std::shared_ptr<ImapCommand> command, const QString &what);
int flag(CliContext &context, const QString &folder, const QByteArray &uids, const QList<QByteArray> &add,
    const QList<QByteArray> &remove);
int copyOrMove(
    CliContext &context, const QString &folder, const QByteArray &uids, const QString &destination, bool move);
int deleteMessages(CliContext &context, const QString &folder, const QByteArray &uids);
int expunge(CliContext &context, const QString &folder);
int append(CliContext &context, const QString &folder, const QString &path, const QList<QByteArray> &flags);

// ImapCliSyncIdle.cpp: keeping up with a folder (a local cache, IDLE).
int sync(CliContext &context, const QString &folder, const QString &cacheDir);
int idle(CliContext &context, const QString &folder, int seconds);

} // namespace Satchel::Cli::ImapCliInternal
