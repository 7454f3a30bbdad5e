#include "app/cli/MimeCli.h"

#include "app/cli/CliContext.h"
#include "protocols/mime/AttachmentName.h"
#include "protocols/mime/ParsedMessage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>

namespace Satchel::Cli {

using namespace Satchel::Mime;

QString mimeUsage()
{
    return QStringLiteral("MIME (a local message file, no network):\n"
                          "  satchel-cli mime show FILE\n"
                          "  satchel-cli mime extract FILE --to DIR\n");
}

namespace {

QString joined(const QList<MailAddress> &list)
{
    QStringList parts;
    for (const MailAddress &a : list) {
        parts << a.display();
    }
    return parts.join(QStringLiteral(", "));
}

std::unique_ptr<ParsedMessage> load(const CliContext &context, const QString &path, int *code)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *code = context.fail(file.exists() ? ExitCode::LocalIo : ExitCode::NotFound,
                             QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        return nullptr;
    }
    QString error;
    auto message = ParsedMessage::parse(file.readAll(), &error);
    if (!message) {
        *code = context.fail(ExitCode::Protocol, QStringLiteral("%1: %2").arg(path, error));
    }
    return message;
}

int show(const CliContext &context, const QString &path)
{
    int code = 0;
    const auto message = load(context, path, &code);
    if (!message) {
        return code;
    }
    const MessageHeaders &h = message->headers();
    const std::optional<MessageBody> body = message->plainBody();
    const QList<PartInfo> attachments = message->attachments();
    if (context.options().json) {
        QJsonArray list;
        for (const PartInfo &a : attachments) {
            list.append(QJsonObject{{QStringLiteral("part"), a.path},
                                    {QStringLiteral("type"), a.mimeType},
                                    {QStringLiteral("size"), a.size},
                                    {QStringLiteral("filename"), a.saveName}});
        }
        context.printJson(QJsonObject{
            {QStringLiteral("subject"), h.subject},
            {QStringLiteral("from"), joined(h.from)},
            {QStringLiteral("to"), joined(h.to)},
            {QStringLiteral("cc"), joined(h.cc)},
            {QStringLiteral("date"), h.date.isValid() ? QJsonValue(h.date.toOffsetFromUtc(h.date.offsetFromUtc()).toString(Qt::ISODate))
                                                     : QJsonValue()},
            {QStringLiteral("body"), body ? body->text : QString()},
            {QStringLiteral("attachments"), list},
        });
        return 0;
    }
    QString text = QStringLiteral("From:    %1\nTo:      %2\n").arg(joined(h.from), joined(h.to));
    if (!h.cc.isEmpty()) {
        text += QStringLiteral("Cc:      %1\n").arg(joined(h.cc));
    }
    text += QStringLiteral("Date:    %1\nSubject: %2\n\n")
                .arg(h.date.isValid() ? h.date.toString(Qt::RFC2822Date) : QString(), h.subject);
    text += body ? body->text : QString();
    if (!attachments.isEmpty()) {
        text += QStringLiteral("\n\nAttachments:\n");
        for (const PartInfo &a : attachments) {
            text += QStringLiteral("  %1  %2  %3 bytes  %4\n").arg(a.path, a.mimeType).arg(a.size).arg(a.saveName);
        }
    }
    context.printLine(text);
    return 0;
}

int extract(const CliContext &context, const QString &path, const QString &dir)
{
    int code = 0;
    const auto message = load(context, path, &code);
    if (!message) {
        return code;
    }
    if (!QDir().mkpath(dir)) {
        return context.fail(ExitCode::LocalIo, QStringLiteral("cannot create %1").arg(dir));
    }
    QJsonArray saved;
    for (const PartInfo &a : message->attachments()) {
        // Never outside DIR (the name is sanitised) and never over an existing file.
        const QString target = uniqueFilePath(dir, a.saveName);
        QSaveFile file(target);
        const QByteArray content = message->partContent(a.path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
            return context.fail(ExitCode::LocalIo, QStringLiteral("cannot write %1: %2").arg(target, file.errorString()));
        }
        if (context.options().json) {
            saved.append(QJsonObject{{QStringLiteral("part"), a.path}, {QStringLiteral("path"), target},
                                     {QStringLiteral("size"), content.size()}});
        } else if (!context.options().quiet) {
            context.printLine(target);
        }
    }
    if (context.options().json) {
        context.printJson(saved);
    }
    return 0;
}

} // namespace

int runMime(const GlobalOptions &options, QStringList args)
{
    const CliContext context(options, ServerUrl());
    QString error;
    const QString to = takeOption(args, QStringLiteral("--to"), &error);
    if (!error.isEmpty()) {
        return context.fail(ExitCode::Usage, error);
    }
    if (args.size() == 2 && args.at(0) == QLatin1String("show") && to.isEmpty()) {
        return show(context, args.at(1));
    }
    if (args.size() == 2 && args.at(0) == QLatin1String("extract") && !to.isEmpty()) {
        return extract(context, args.at(1), to);
    }
    return context.fail(ExitCode::Usage, QStringLiteral("bad mime command\n") + mimeUsage());
}

} // namespace Satchel::Cli
