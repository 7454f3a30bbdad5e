// `satchel-cli imap`: keeping up with a folder — sync (into a local cache file per
// account) and idle (report changes as they happen, for a while or until stopped).
#include "app/cli/ImapCliPrivate.h"
#include "protocols/imap/IdleWatcher.h"
#include "protocols/store/CacheWriter.h"
#include "protocols/store/MailCache.h"

#include <QDir>
#include <QRegularExpression>
#include <QTimer>

#include <chrono>

namespace Satchel::Cli::ImapCliInternal {

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
            printSyncResult(r.context(), result);
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
    // "--for N" promises at least N seconds; a coarse timer may fire up to 5% early.
    stopTimer.setTimerType(Qt::PreciseTimer);
    const bool json = context.options().json;
    return run.run([&](ImapRun &r) {
        withFolder(r, folder, true, [&] {
            watcher = std::make_unique<IdleWatcher>(r.session());
            const QByteArray restart = qgetenv("SATCHEL_IDLE_RESTART_MS");
            if (!restart.isEmpty()) {
                watcher->setRestartInterval(std::chrono::milliseconds(restart.toInt()));
            }
            auto event = [&r, json](const QString &kind, const QJsonObject &fields, const QString &text) {
                printIdleEvent(r.context(), json, kind, fields, text);
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

} // namespace Satchel::Cli::ImapCliInternal
