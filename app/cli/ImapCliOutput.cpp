// `satchel-cli imap`: the human and --json rendering of what the commands found —
// folders, folder status, message summaries, search results, sync results and IDLE events.
#include "app/cli/ImapCliPrivate.h"

#include <QJsonValue>

namespace Satchel::Cli::ImapCliInternal {

namespace {

QString isoDate(const QDateTime &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

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

void printFolders(CliContext &context, const QList<FolderInfo> &folders, const QSet<QString> &subscribedNames)
{
    QJsonArray records;
    for (const FolderInfo &f : folders) {
        if (context.options().json) {
            records.append(QJsonObject { { QStringLiteral("name"), f.name },
                { QStringLiteral("delimiter"), f.delimiter.isNull() ? QJsonValue() : QJsonValue(QString(f.delimiter)) },
                { QStringLiteral("attributes"), toJson(f.attributes) },
                { QStringLiteral("role"), f.role.isEmpty() ? QJsonValue() : QJsonValue(f.role) },
                { QStringLiteral("subscribed"), subscribedNames.contains(f.name) } });
        } else {
            context.printLine(
                QStringLiteral("%1\t%2\t%3")
                    .arg(f.name, f.role.isEmpty() ? QStringLiteral("-") : f.role, flagsText(f.attributes)));
        }
    }
    if (context.options().json) {
        context.printJson(records);
    }
}

void printStatus(CliContext &context, const QString &folder, const QHash<QByteArray, quint64> &items)
{
    auto value = [&items](const char *name) { return static_cast<qint64>(items.value(name)); };
    if (context.options().json) {
        QJsonObject o { { QStringLiteral("name"), folder }, { QStringLiteral("messages"), value("MESSAGES") },
            { QStringLiteral("unseen"), value("UNSEEN") }, { QStringLiteral("uidnext"), value("UIDNEXT") },
            { QStringLiteral("uidvalidity"), value("UIDVALIDITY") },
            { QStringLiteral("highestmodseq"),
                items.contains("HIGHESTMODSEQ") ? QJsonValue(value("HIGHESTMODSEQ")) : QJsonValue() } };
        context.printJson(o);
    } else {
        context.printLine(QStringLiteral("%1: %2 messages, %3 unseen, uidnext %4, uidvalidity %5, highestmodseq %6")
                              .arg(folder)
                              .arg(value("MESSAGES"))
                              .arg(value("UNSEEN"))
                              .arg(value("UIDNEXT"))
                              .arg(value("UIDVALIDITY"))
                              .arg(value("HIGHESTMODSEQ")));
    }
}

// One summary per fetched message, in the order given: a line each, or one JSON array.
void printMessages(CliContext &context, const QList<FetchData> &results)
{
    QJsonArray records;
    for (const FetchData &f : results) {
        const MessageSummary m = summaryFrom(f);
        if (context.options().json) {
            records.append(summaryJson(m));
        } else {
            context.printLine(summaryLine(m));
        }
    }
    if (context.options().json) {
        context.printJson(records);
    }
}

void printUids(CliContext &context, const QList<quint32> &uids)
{
    if (context.options().json) {
        QJsonArray list;
        for (const quint32 uid : uids) {
            list.append(static_cast<qint64>(uid));
        }
        context.printJson(QJsonObject { { QStringLiteral("uids"), list } });
    } else {
        for (const quint32 uid : uids) {
            context.printLine(QString::number(uid));
        }
    }
}

void printSyncResult(CliContext &context, const FolderSync::Result &result)
{
    if (context.options().json) {
        context.printJson(
            QJsonObject { { QStringLiteral("new"), result.added }, { QStringLiteral("changed"), result.changed },
                { QStringLiteral("vanished"), result.vanished }, { QStringLiteral("total"), result.total },
                { QStringLiteral("full"), result.fullResync }, { QStringLiteral("seconds"), result.seconds } });
    } else if (!context.options().quiet) {
        context.printLine(QStringLiteral("%1 new, %2 changed, %3 vanished, %4 in the cache, %5 s")
                              .arg(result.added)
                              .arg(result.changed)
                              .arg(result.vanished)
                              .arg(result.total)
                              .arg(result.seconds, 0, 'f', 2));
    }
}

// One IDLE event: a JSON object with "event" added to `fields`, or "KIND TEXT".
void printIdleEvent(CliContext &context, bool json, const QString &kind, const QJsonObject &fields, const QString &text)
{
    if (json) {
        QJsonObject o = fields;
        o.insert(QStringLiteral("event"), kind);
        context.printJson(o);
    } else {
        context.printLine(kind + QLatin1Char(' ') + text);
    }
}

} // namespace Satchel::Cli::ImapCliInternal
