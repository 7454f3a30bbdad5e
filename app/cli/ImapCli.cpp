// `satchel-cli imap URL COMMAND [ARGS]`: the usage text, the parsing of the arguments
// and the dispatch to the commands. The commands themselves are in ImapCliReads.cpp,
// ImapCliChanges.cpp and ImapCliSyncIdle.cpp, their output in ImapCliOutput.cpp.
#include "app/cli/ImapCli.h"

#include "app/cli/ImapCliPrivate.h"
#include "protocols/imap/FolderCommands.h"

#include <QRegularExpression>

#include <optional>

namespace Satchel::Cli {

using namespace ImapCliInternal;

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