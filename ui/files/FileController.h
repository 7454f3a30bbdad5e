#pragma once

#include "protocols/accounts/Site.h"
#include "protocols/core/OperationError.h"
#include "protocols/ftp/FtpSiteEngine.h"
#include "protocols/net/EngineThread.h"
#include "protocols/net/TrustQuestion.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QTimer;
class QWidget;

namespace Satchel::Accounts {
class PasswordVault;
}

namespace Satchel::Net {
class TrustStore;
}

namespace Satchel::Ui {

class LocalFilePane;
class RemoteFilePane;
class TransferQueueModel;
class TransferQueueView;

// The file half of the window as the GUI thread sees it: the facade over one
// FtpSiteEngine (the connected site, on its worker thread) and the glue between the
// panes, the queue view and it (DESIGN.md "Threads and data flow"):
//  - opening a folder in the remote pane lists it; the rows stream into its model;
//  - a drop, Upload or Download becomes queue items (ask before overwriting, as
//    FileZilla does); a drop of remote rows on a remote folder is a move (rename);
//  - new folder, rename and delete list the folder again when the server agreed;
//  - the queue's changes are applied to the queue model in batches; finished uploads
//    into the folder shown list it again;
//  - certificate and overwrite questions are put to the person one at a time; an
//    overwrite answer "for all" answers the rest of this site's questions too.
// One site at a time is connected; its queue is kept in <queueDir>/<site>.sqlite and
// continues when the site is connected again (also after a restart).
class FileController : public QObject
{
    Q_OBJECT

public:
    using TrustPrompt = std::function<void(const Net::TrustQuestion &, std::function<void(Net::TrustAnswer)>)>;
    using OverwritePrompt = std::function<void(
        const Ftp::TransferItem &, qint64 destinationSize, std::function<void(Ftp::OverwritePolicy, bool applyToAll)>)>;
    using PasswordPrompt = std::function<std::optional<QString>(const Accounts::Site &)>;

    struct Options {
        QString queueDir; // empty: <AppDataLocation>/transfers
        std::shared_ptr<Net::TrustStore> trust;
        TrustPrompt askTrust; // empty: a CertificateDialog
        OverwritePrompt askOverwrite; // empty: an OverwriteDialog
        PasswordPrompt askPassword; // empty: a password dialog
        Ftp::OverwritePolicy dropPolicy = Ftp::OverwritePolicy::Ask; // for drops, Upload and Download
    };

    FileController(Accounts::PasswordVault *vault, Options options, QWidget *window);
    ~FileController() override;

    void attach(LocalFilePane *local, RemoteFilePane *remote, TransferQueueView *queueView);
    TransferQueueModel *queueModel() const { return m_queueModel; }

    // Connects to `site` (the one connected before is let go). An empty password is
    // looked up in the vault, then asked.
    void connectToSite(const Accounts::Site &site, const QString &password = {});
    void disconnectFromSite();
    bool isConnected() const { return m_engine != nullptr; }
    std::optional<Accounts::Site> site() const { return m_site; }

    void upload(const QStringList &localPaths, const QString &remoteDirectory);
    void download(const QList<Ftp::RemoteTarget> &sources, const QString &localDirectory);
    // Remote rows dragged out of the window (to the desktop's file manager): downloaded
    // into a folder of their own through the queue, the event loop running meanwhile;
    // their local URLs, or none when that failed or took longer than `timeoutMs`.
    QList<QUrl> exportForDrag(const QList<Ftp::RemoteTarget> &targets, int timeoutMs = 120000);

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);
    void siteConnected(const Satchel::Accounts::Site &site, const QString &homeDirectory);
    void siteDisconnected();
    // A listing ended (rows are in the remote pane's model).
    void listed(const QString &path, int entries);
    void requestFinished(quint64 request, bool ok);

private:
    using Engine = Net::EngineThread<Ftp::FtpSiteEngine>;
    using Done = std::function<void(const std::optional<OperationError> &)>;

    void start(const Accounts::Site &site, const QString &password);
    quint64 post(std::function<void(Ftp::FtpSiteEngine &, quint64)> call, Done done = {});
    void connectEngine();
    void list(const QString &path);
    void makeDirectory(const QString &path);
    void rename(const QString &from, const QString &to);
    void remove(const QList<Ftp::RemoteTarget> &targets);
    void move(const QList<Ftp::RemoteTarget> &sources, const QString &remoteDirectory);
    void onTransfersChanged(const QList<Ftp::TransferItem> &items);
    void onOverwriteQuestion(const Ftp::TransferItem &item, qint64 destinationSize);
    void askNextOverwrite();
    void answerOverwrite(qint64 id, Ftp::OverwritePolicy policy);
    void askTrust(const Net::TrustQuestion &question);
    void queueAction(const QList<qint64> &ids, void (*apply)(Ftp::TransferQueue &, qint64));
    QString queueStorePath(const Accounts::Site &site) const;
    void say(const QString &text, int timeoutMs = 5000) { Q_EMIT statusMessage(text, timeoutMs); }

    Accounts::PasswordVault *m_vault;
    Options m_options;
    QPointer<QWidget> m_window;
    LocalFilePane *m_local = nullptr;
    RemoteFilePane *m_remote = nullptr;
    TransferQueueView *m_queueView = nullptr;
    TransferQueueModel *m_queueModel;

    std::unique_ptr<Engine> m_engine;
    std::optional<Accounts::Site> m_site;
    quint64 m_generation = 0; // answers of an engine that was replaced are dropped
    bool m_loggedIn = false; // this engine logged in once (later logins are reconnects)
    quint64 m_nextRequest = 1;
    QHash<quint64, Done> m_pending;
    quint64 m_listRequest = 0; // the listing the remote pane waits for
    int m_listedRows = 0;
    QTimer *m_refreshTimer;

    struct OverwriteAsk {
        Ftp::TransferItem item;
        qint64 destinationSize = -1;
    };
    std::deque<OverwriteAsk> m_overwriteQuestions;
    bool m_askingOverwrite = false;
    std::optional<Ftp::OverwritePolicy> m_overwriteForAll;
    bool m_askingTrust = false;
    std::deque<Net::TrustQuestion> m_trustQuestions;
};

} // namespace Satchel::Ui
