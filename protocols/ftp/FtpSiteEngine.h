#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/ftp/DirectoryEntry.h"
#include "protocols/ftp/FtpSession.h"
#include "protocols/ftp/OverwritePolicy.h"
#include "protocols/ftp/TransferItem.h"
#include "protocols/net/ResultBatcher.h"
#include "protocols/net/TrustQuestion.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace Satchel::Store {
class TransferQueueStore;
}

namespace Satchel::Ftp {

class TransferQueue;

// A remote file or folder named by the window (from a listing it showed).
struct RemoteTarget {
    QString path;
    bool isDirectory = false;
    qint64 size = -1;
};

// One FTP site as the window uses it, on a worker thread (Net::EngineThread):
//  - a browsing connection that lists folders, makes, renames and deletes, and plans
//    folder transfers; its requests run one after another (FTP has one command in
//    flight per connection, and a listing's EPSV must not interleave with another's);
//    a connection that dropped is made again for the next request;
//  - the transfer queue with its own connections (TransferQueue), persisted next to
//    the site's settings so a restart continues it.
// Every request carries an id and ends once, in requestDone or requestFailed.
// Listings arrive in batches (entriesListed, at most one per 16 ms) so a window shows
// the first rows of a huge folder long before the listing ends.
class FtpSiteEngine : public QObject
{
    Q_OBJECT

public:
    struct Options {
        FtpSession::Options session;
        int connections = 2; // parallel transfers (the site's choice; no cap of ten)
        QString queueStorePath; // empty: the queue lives in memory only
    };

    explicit FtpSiteEngine(Options options);
    ~FtpSiteEngine() override;

    void start();

    void list(quint64 request, const QString &path);
    void makeDirectory(quint64 request, const QString &path);
    void rename(quint64 request, const QString &from, const QString &to);
    void remove(quint64 request, const QList<Satchel::Ftp::RemoteTarget> &targets);
    // Files and whole folders, into or to a folder; what exists there is decided by
    // `overwrite` (Ask puts the question through overwriteQuestion).
    void download(quint64 request, const QList<Satchel::Ftp::RemoteTarget> &sources, const QString &localDirectory,
        OverwritePolicy overwrite);
    void upload(
        quint64 request, const QStringList &localPaths, const QString &remoteDirectory, OverwritePolicy overwrite);

    void answerTrustQuestion(quint64 id, Net::TrustAnswer answer);
    // Forgets the finished items (transfersCleared says which).
    void clearFinished();
    // The transfer queue, for pause, resume, cancel, retry, priority and answers
    // (called on the engine's thread only, through EngineThread::post).
    TransferQueue *queue() const { return m_queue; }

Q_SIGNALS:
    void loggedIn(const QString &homeDirectory);
    void entriesListed(quint64 request, const QString &path, const QList<Satchel::Ftp::DirectoryEntry> &entries);
    void requestDone(quint64 request, int unsafeNamesDropped);
    void requestFailed(quint64 request, const Satchel::OperationError &error);
    // The browsing connection failed or was refused (login, certificate); in words.
    void connectionFailed(const Satchel::OperationError &error);
    void transfersChanged(const QList<Satchel::Ftp::TransferItem> &items);
    void transfersCleared(const QList<qint64> &ids);
    void overwriteQuestion(const Satchel::Ftp::TransferItem &item, qint64 destinationSize);
    void trustQuestion(const Satchel::Net::TrustQuestion &question);
    void queueError(const QString &text);

private:
    struct Job {
        quint64 request = 0;
        std::function<void()> run;
    };
    // A request of several steps, carried from one step's answer to the next.
    struct Steps {
        quint64 request = 0;
        QList<RemoteTarget> targets;
        qsizetype index = 0;
        QString localDirectory;
        OverwritePolicy overwrite = OverwritePolicy::Ask;
        QList<TransferItem> items;
    };
    void enqueue(quint64 request, std::function<void()> run);
    void removeNext(const std::shared_ptr<Steps> &steps);
    void downloadNext(const std::shared_ptr<Steps> &steps);
    void pump();
    void connectBrowser();
    void onBrowserFailed(const OperationError &error);
    void failTransfer(quint64 request, const OperationError &error);
    void listHere(quint64 request, const QString &path);
    void runCommand(quint64 request, QList<QByteArray> steps, std::function<void()> then = {});
    void finish(quint64 request, const std::optional<OperationError> &error, int unsafe = 0);
    void addToQueue(const QList<TransferItem> &items);
    void makeRemoteDirectories(quint64 request, const QStringList &paths, const QList<TransferItem> &then);
    void changed(const TransferItem &item);
    void flushChanged();

    Options m_options;
    QPointer<FtpSession> m_browser;
    bool m_browserReady = false;
    std::deque<Job> m_jobs;
    std::optional<quint64> m_current;
    std::unique_ptr<Store::TransferQueueStore> m_store;
    TransferQueue *m_queue = nullptr;
    std::unique_ptr<Net::ResultBatcher<DirectoryEntry>> m_listing;
    QMap<qint64, TransferItem> m_changed; // coalesced for the next transfersChanged
    QTimer *m_changedTimer = nullptr;
};

} // namespace Satchel::Ftp

Q_DECLARE_METATYPE(Satchel::Ftp::RemoteTarget)
