#include "ui/files/FileController.h"

#include "protocols/accounts/PasswordVault.h"
#include "protocols/ftp/TransferPlan.h"
#include "protocols/ftp/TransferQueue.h"
#include "ui/common/CertificateDialog.h"
#include "ui/files/LocalFileModel.h"
#include "ui/files/LocalFilePane.h"
#include "ui/files/OverwriteDialog.h"
#include "ui/files/RemoteFileModel.h"
#include "ui/files/RemoteFilePane.h"
#include "ui/files/TransferQueueModel.h"
#include "ui/files/TransferQueueView.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QInputDialog>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

namespace Satchel::Ui {

using Ftp::FtpSiteEngine;
using Ftp::TransferItem;

FileController::FileController(Accounts::PasswordVault *vault, Options options, QWidget *window)
    : QObject(window)
    , m_vault(vault)
    , m_options(std::move(options))
    , m_window(window)
    , m_queueModel(new TransferQueueModel(this))
    , m_refreshTimer(new QTimer(this))
{
    // Several uploads finishing together list the folder once.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(400);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_remote && m_listRequest == 0) {
            list(m_remote->currentPath());
        }
    });
}

FileController::~FileController()
{
    m_engine.reset(); // joins the worker before the models it posts to go
}

void FileController::attach(LocalFilePane *local, RemoteFilePane *remote, TransferQueueView *queueView)
{
    m_local = local;
    m_remote = remote;
    m_queueView = queueView;
    queueView->setModel(m_queueModel);

    connect(remote, &RemoteFilePane::listRequested, this, &FileController::list);
    connect(remote, &RemoteFilePane::makeDirectoryRequested, this, &FileController::makeDirectory);
    connect(remote, &RemoteFilePane::removeRequested, this, &FileController::remove);
    connect(remote, &RemoteFilePane::downloadRequested, this,
        [this](const QList<Ftp::RemoteTarget> &targets) { download(targets, m_local->currentPath()); });
    remote->model()->setDragExporter(
        [this](const QList<Ftp::RemoteTarget> &targets) { return exportForDrag(targets); });
    connect(remote->model(), &RemoteFileModel::renameRequested, this, &FileController::rename);
    connect(remote->model(), &RemoteFileModel::uploadRequested, this, &FileController::upload);
    connect(remote->model(), &RemoteFileModel::moveRequested, this, &FileController::move);
    connect(local, &LocalFilePane::uploadRequested, this,
        [this](const QStringList &paths) { upload(paths, m_remote->currentPath()); });
    connect(local->model(), &LocalFileModel::downloadRequested, this, &FileController::download);

    auto each = [this](void (*apply)(Ftp::TransferQueue &, qint64)) {
        return [this, apply](const QList<qint64> &ids) { queueAction(ids, apply); };
    };
    connect(queueView, &TransferQueueView::pauseRequested, this,
        each([](Ftp::TransferQueue &q, qint64 id) { q.pause(id); }));
    connect(queueView, &TransferQueueView::resumeRequested, this,
        each([](Ftp::TransferQueue &q, qint64 id) { q.resume(id); }));
    connect(queueView, &TransferQueueView::cancelRequested, this,
        each([](Ftp::TransferQueue &q, qint64 id) { q.cancel(id); }));
    connect(queueView, &TransferQueueView::retryRequested, this,
        each([](Ftp::TransferQueue &q, qint64 id) { q.retry(id); }));
    connect(queueView, &TransferQueueView::priorityRequested, this, [this](qint64 id, int priority) {
        if (m_engine) {
            m_engine->post([id, priority](FtpSiteEngine &e) { e.queue()->setPriority(id, priority); });
        }
    });
    connect(queueView, &TransferQueueView::clearFinishedRequested, this, [this] {
        if (m_engine) {
            // The queue decides what is finished; the view removes what it forgot.
            m_engine->post([](FtpSiteEngine &e) { e.clearFinished(); });
        } else {
            m_queueModel->removeFinished();
        }
    });
}

void FileController::queueAction(const QList<qint64> &ids, void (*apply)(Ftp::TransferQueue &, qint64))
{
    if (!m_engine) {
        say(tr("Connect to the site to change its transfers."));
        return;
    }
    m_engine->post([ids, apply](FtpSiteEngine &e) {
        for (const qint64 id : ids) {
            apply(*e.queue(), id);
        }
    });
}

// --- Connecting -----------------------------------------------------------------------

QString FileController::queueStorePath(const Accounts::Site &site) const
{
    QString dir = m_options.queueDir;
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/transfers");
    }
    // A quick-connect site has no id: its queue is keyed by where it goes and who logs in.
    QString key = site.id;
    if (key.isEmpty()) {
        const QByteArray where
            = (site.user + QLatin1Char('@') + site.host + QLatin1Char(':') + QString::number(site.port)).toUtf8();
        key = QStringLiteral("quick-")
            + QString::fromLatin1(QCryptographicHash::hash(where, QCryptographicHash::Sha256).toHex().left(16));
    }
    return QDir(dir).filePath(key + QStringLiteral(".sqlite"));
}

void FileController::connectToSite(const Accounts::Site &site, const QString &password)
{
    disconnectFromSite();
    m_site = site;
    if (!password.isEmpty() || site.user.isEmpty()) {
        start(site, password);
        return;
    }
    const quint64 generation = m_generation;
    QPointer<FileController> self(this);
    auto ask = [self, site, generation] {
        FileController *that = self.data();
        if (!that || that->m_generation != generation) {
            return;
        }
        std::optional<QString> typed;
        if (that->m_options.askPassword) {
            typed = that->m_options.askPassword(site);
        } else {
            bool ok = false;
            const QString text = QInputDialog::getText(that->m_window, tr("Password"),
                tr("Password for %1 on %2:").arg(site.user, site.host), QLineEdit::Password, QString(), &ok);
            if (ok) {
                typed = text;
            }
        }
        if (!typed) {
            that->say(tr("Not connected to %1: no password.").arg(site.label()));
            that->m_site.reset();
            return;
        }
        that->start(site, *typed);
    };
    if (site.id.isEmpty()) {
        ask();
        return;
    }
    m_vault->readPassword(site.passwordKey(), [self, site, generation, ask](const Accounts::VaultResult &result) {
        FileController *that = self.data();
        if (!that || that->m_generation != generation) {
            return;
        }
        if (result.ok && !result.password.isEmpty()) {
            that->start(site, result.password);
        } else {
            ask();
        }
    });
}

void FileController::start(const Accounts::Site &site, const QString &password)
{
    FtpSiteEngine::Options options;
    options.session.connection.host = site.host;
    options.session.connection.port = site.port ? site.port : Accounts::Site::defaultPort(site.security);
    options.session.connection.policy = site.security;
    options.session.connection.trust = m_options.trust;
    options.session.credentials = { site.user.isEmpty() ? QStringLiteral("anonymous") : site.user, password };
    options.session.activeMode = site.activeMode;
    options.connections = site.connections;
    options.queueStorePath = queueStorePath(site);
    m_engine = std::make_unique<Engine>(QStringLiteral("ftp %1").arg(site.host), std::move(options));
    connectEngine();
    m_remote->model()->setSiteKey(queueStorePath(site));
    m_local->model()->setSiteKey(queueStorePath(site));
    m_remote->setStatus(tr("Connecting to %1…").arg(site.host));
    say(tr("Connecting to %1…").arg(site.label()), 0);
    m_engine->start();
}

void FileController::connectEngine()
{
    FtpSiteEngine *engine = m_engine->engine();
    const quint64 generation = m_generation;
    auto live = [this, generation] { return m_generation == generation; };

    connect(engine, &FtpSiteEngine::loggedIn, this, [this, live](const QString &home) {
        if (!live() || !m_site) {
            return;
        }
        if (m_loggedIn) {
            return; // the browsing connection was made again: the panes stay where they are
        }
        m_loggedIn = true;
        say(tr("Connected to %1.").arg(m_site->label()));
        if (m_site->localFolder.isEmpty() == false && QDir(m_site->localFolder).exists()) {
            m_local->navigate(m_site->localFolder);
        }
        const QString start = m_site->remoteFolder.isEmpty() ? home : m_site->remoteFolder;
        m_remote->navigate(start);
        Q_EMIT siteConnected(*m_site, home);
    });
    connect(engine, &FtpSiteEngine::connectionFailed, this, [this, live](const OperationError &error) {
        if (!live()) {
            return;
        }
        const QString label = m_site ? m_site->label() : QString();
        m_remote->setStatus(tr("Not connected: %1").arg(error.message));
        say(tr("Could not connect to %1: %2").arg(label, error.message), 0);
    });
    connect(engine, &FtpSiteEngine::entriesListed, this,
        [this, live](quint64 request, const QString &, const QList<Ftp::DirectoryEntry> &entries) {
            if (!live() || request != m_listRequest) {
                return;
            }
            m_remote->model()->appendEntries(entries);
            m_listedRows += int(entries.size());
            m_remote->setStatus(tr("Listing… %Ln entries", nullptr, m_listedRows));
        });
    connect(engine, &FtpSiteEngine::requestDone, this, [this, live](quint64 request, int unsafe) {
        if (!live()) {
            return;
        }
        if (request == m_listRequest) {
            m_listRequest = 0;
            m_remote->model()->finishListing();
            QString text = tr("%Ln entries", nullptr, m_listedRows);
            if (unsafe > 0) {
                text += QLatin1String(" — ") + tr("%n with names unsafe on this computer left out", nullptr, unsafe);
            }
            m_remote->setStatus(text);
            Q_EMIT listed(m_remote->model()->path(), m_listedRows);
        }
        if (Done done = m_pending.take(request)) {
            done(std::nullopt);
        }
        Q_EMIT requestFinished(request, true);
    });
    connect(engine, &FtpSiteEngine::requestFailed, this, [this, live](quint64 request, const OperationError &error) {
        if (!live()) {
            return;
        }
        if (request == m_listRequest) {
            m_listRequest = 0;
            m_remote->model()->finishListing();
            m_remote->setStatus(tr("Cannot list %1: %2").arg(m_remote->model()->path(), error.message));
        }
        if (Done done = m_pending.take(request)) {
            done(error);
        }
        Q_EMIT requestFinished(request, false);
    });
    connect(engine, &FtpSiteEngine::transfersChanged, this, [this, live](const QList<TransferItem> &items) {
        if (live()) {
            onTransfersChanged(items);
        }
    });
    connect(engine, &FtpSiteEngine::transfersCleared, this, [this, live](const QList<qint64> &ids) {
        if (live()) {
            m_queueModel->removeIds(ids);
        }
    });
    connect(engine, &FtpSiteEngine::overwriteQuestion, this,
        [this, live](const TransferItem &item, qint64 destinationSize) {
            if (live()) {
                onOverwriteQuestion(item, destinationSize);
            }
        });
    connect(engine, &FtpSiteEngine::trustQuestion, this, [this, live](const Net::TrustQuestion &question) {
        if (live()) {
            askTrust(question);
        }
    });
    connect(engine, &FtpSiteEngine::queueError, this, [this, live](const QString &text) {
        if (live()) {
            say(text, 0);
        }
    });
}

void FileController::disconnectFromSite()
{
    ++m_generation;
    m_loggedIn = false;
    m_askingOverwrite = false; // an open question belonged to the engine that goes
    m_askingTrust = false;
    const bool was = m_engine != nullptr;
    m_engine.reset();
    m_site.reset();
    m_pending.clear();
    m_listRequest = 0;
    m_overwriteQuestions.clear();
    m_overwriteForAll.reset();
    m_trustQuestions.clear();
    if (m_remote) {
        m_remote->model()->clear();
        m_remote->setStatus(tr("Not connected."));
    }
    m_queueModel->clear(); // the site's queue is on disk; connecting again shows it (and
                           // wakes an export for a drag that waits on it)
    if (was) {
        Q_EMIT siteDisconnected();
    }
}

quint64 FileController::post(std::function<void(FtpSiteEngine &, quint64)> call, Done done)
{
    if (!m_engine) {
        say(tr("Connect to an FTP site first."));
        return 0;
    }
    const quint64 request = m_nextRequest++;
    if (done) {
        m_pending.insert(request, std::move(done));
    }
    m_engine->post([call = std::move(call), request](FtpSiteEngine &e) { call(e, request); });
    return request;
}

// --- Requests -------------------------------------------------------------------------

void FileController::list(const QString &path)
{
    if (!m_engine || path.isEmpty()) {
        return;
    }
    m_refreshTimer->stop();
    m_remote->model()->beginListing(path);
    m_listedRows = 0;
    m_remote->setStatus(tr("Listing %1…").arg(path));
    m_listRequest = post([path](FtpSiteEngine &e, quint64 request) { e.list(request, path); });
}

void FileController::makeDirectory(const QString &path)
{
    post([path](FtpSiteEngine &e, quint64 request) { e.makeDirectory(request, path); },
        [this, path](const std::optional<OperationError> &error) {
            if (error) {
                say(tr("Cannot create the folder %1: %2").arg(path, error->message), 0);
                return;
            }
            list(m_remote->currentPath());
        });
}

void FileController::rename(const QString &from, const QString &to)
{
    post([from, to](FtpSiteEngine &e, quint64 request) { e.rename(request, from, to); },
        [this, from](const std::optional<OperationError> &error) {
            if (error) {
                say(tr("Cannot rename %1: %2").arg(from, error->message), 0);
            }
            list(m_remote->currentPath()); // shows the name the server has, either way
        });
}

void FileController::remove(const QList<Ftp::RemoteTarget> &targets)
{
    post([targets](FtpSiteEngine &e, quint64 request) { e.remove(request, targets); },
        [this](const std::optional<OperationError> &error) {
            if (error) {
                say(tr("Not everything could be deleted: %1").arg(error->message), 0);
            }
            list(m_remote->currentPath());
        });
}

void FileController::move(const QList<Ftp::RemoteTarget> &sources, const QString &remoteDirectory)
{
    for (const Ftp::RemoteTarget &source : sources) {
        const QString to = Ftp::joinRemotePath(remoteDirectory, source.path.section(QLatin1Char('/'), -1));
        rename(source.path, to);
    }
}

void FileController::upload(const QStringList &localPaths, const QString &remoteDirectory)
{
    if (remoteDirectory.isEmpty()) {
        say(tr("Connect to an FTP site first."));
        return;
    }
    const Ftp::OverwritePolicy policy = m_options.dropPolicy;
    post([localPaths, remoteDirectory, policy](
             FtpSiteEngine &e, quint64 request) { e.upload(request, localPaths, remoteDirectory, policy); },
        [this](const std::optional<OperationError> &error) {
            if (error) {
                say(tr("Nothing was queued: %1").arg(error->message), 0);
            }
        });
}

void FileController::download(const QList<Ftp::RemoteTarget> &sources, const QString &localDirectory)
{
    if (localDirectory.isEmpty()) {
        return;
    }
    const Ftp::OverwritePolicy policy = m_options.dropPolicy;
    post([sources, localDirectory, policy](
             FtpSiteEngine &e, quint64 request) { e.download(request, sources, localDirectory, policy); },
        [this](const std::optional<OperationError> &error) {
            if (error) {
                say(tr("Nothing was queued: %1").arg(error->message), 0);
            }
        });
}

QList<QUrl> FileController::exportForDrag(const QList<Ftp::RemoteTarget> &targets, int timeoutMs)
{
    if (!m_engine || targets.isEmpty()) {
        return {};
    }
    // A fresh folder per drag: nothing there to overwrite, and the file manager copies
    // (or moves) out of it.
    const QString base = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    const QString dir = QDir(base).filePath(
        QStringLiteral("satchel-drag-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
    if (!QDir().mkpath(dir)) {
        say(tr("Cannot make a folder for the dragged files in %1.").arg(base), 0);
        return {};
    }
    QEventLoop loop;
    bool requestEnded = false;
    bool failed = false;
    const quint64 request = post(
        [targets, dir](FtpSiteEngine &e, quint64 id) { e.download(id, targets, dir, Ftp::OverwritePolicy::Overwrite); },
        [&](const std::optional<OperationError> &error) {
            requestEnded = true;
            failed = error.has_value();
            loop.quit();
        });
    if (request == 0) {
        return {};
    }
    // Done when the request has queued its items and every one of them (they are the
    // queue's items under `dir`) has ended.
    auto finished = [&] {
        if (!requestEnded) {
            return false;
        }
        for (int row = 0; row < m_queueModel->rowCount(); ++row) {
            const std::optional<TransferItem> item = m_queueModel->item(row);
            if (item && item->localPath.startsWith(dir + QLatin1Char('/'))) {
                if (!item->isFinal()) {
                    return false;
                }
                failed = failed || item->state != TransferItem::State::Done;
            }
        }
        return true;
    };
    const auto check = [&] {
        if (finished()) {
            loop.quit();
        }
    };
    const QMetaObject::Connection changed = connect(m_queueModel, &QAbstractItemModel::dataChanged, &loop, check);
    const QMetaObject::Connection added = connect(m_queueModel, &QAbstractItemModel::rowsInserted, &loop, check);
    // A disconnect clears the queue view: the wait ends (the loop looks at why).
    const QMetaObject::Connection reset
        = connect(m_queueModel, &QAbstractItemModel::modelReset, &loop, [&loop] { loop.quit(); });
    bool timedOut = false;
    QTimer::singleShot(timeoutMs, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    say(tr("Downloading what you dragged…"), 0);
    const QPointer<FileController> self(this);
    const quint64 generation = m_generation;
    bool ended = false; // the application is quitting, or the site went
    while (!timedOut && !(requestEnded && (failed || finished()))) {
        if (loop.exec() != 0 || !self || m_generation != generation) {
            ended = true;
            break;
        }
    }
    if (!self) {
        return {};
    }
    disconnect(changed);
    disconnect(added);
    disconnect(reset);
    m_pending.remove(request); // its callback points into this frame
    if (timedOut || failed || ended) {
        say(tr("The dragged files could not be downloaded; nothing was dropped."), 0);
        return {};
    }
    say(tr("Dragged files downloaded."));
    QList<QUrl> urls;
    for (const Ftp::RemoteTarget &target : targets) {
        urls.append(QUrl::fromLocalFile(
            QDir(dir).filePath(target.path.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty))));
    }
    return urls;
}

// --- The queue ------------------------------------------------------------------------

void FileController::onTransfersChanged(const QList<TransferItem> &items)
{
    m_queueModel->apply(items);
    if (!m_remote) {
        return;
    }
    const QString shown = m_remote->currentPath();
    for (const TransferItem &item : items) {
        if (item.state == TransferItem::State::Done && item.direction == TransferItem::Direction::Upload
            && Ftp::remoteParentPath(item.remotePath) == shown) {
            m_refreshTimer->start();
            break;
        }
    }
}

void FileController::onOverwriteQuestion(const TransferItem &item, qint64 destinationSize)
{
    if (m_overwriteForAll) {
        answerOverwrite(item.id, *m_overwriteForAll);
        return;
    }
    m_overwriteQuestions.push_back({ item, destinationSize });
    askNextOverwrite();
}

void FileController::askNextOverwrite()
{
    if (m_askingOverwrite || m_overwriteQuestions.empty()) {
        return;
    }
    m_askingOverwrite = true;
    const OverwriteAsk asked = m_overwriteQuestions.front();
    m_overwriteQuestions.pop_front();
    const quint64 generation = m_generation;
    QPointer<FileController> self(this);
    auto answer = [self, generation, id = asked.item.id](Ftp::OverwritePolicy policy, bool applyToAll) {
        FileController *that = self.data();
        if (!that || that->m_generation != generation) {
            return;
        }
        that->m_askingOverwrite = false;
        that->answerOverwrite(id, policy);
        if (applyToAll) {
            that->m_overwriteForAll = policy;
            while (!that->m_overwriteQuestions.empty()) {
                that->answerOverwrite(that->m_overwriteQuestions.front().item.id, policy);
                that->m_overwriteQuestions.pop_front();
            }
        }
        QTimer::singleShot(0, that, &FileController::askNextOverwrite);
    };
    if (m_options.askOverwrite) {
        m_options.askOverwrite(asked.item, asked.destinationSize, answer);
        return;
    }
    auto *dialog = new OverwriteDialog(asked.item, asked.destinationSize, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OverwriteDialog::answered, this,
        [answer](qint64, Ftp::OverwritePolicy policy, bool applyToAll) { answer(policy, applyToAll); });
    dialog->open();
}

void FileController::answerOverwrite(qint64 id, Ftp::OverwritePolicy policy)
{
    if (m_engine) {
        m_engine->post([id, policy](FtpSiteEngine &e) { e.queue()->answerOverwrite(id, policy); });
    }
}

void FileController::askTrust(const Net::TrustQuestion &question)
{
    m_trustQuestions.push_back(question);
    if (m_askingTrust) {
        return;
    }
    m_askingTrust = true;
    const Net::TrustQuestion asked = m_trustQuestions.front();
    m_trustQuestions.pop_front();
    const quint64 generation = m_generation;
    QPointer<FileController> self(this);
    auto answer = [self, generation, asked](Net::TrustAnswer choice) {
        FileController *that = self.data();
        if (!that || that->m_generation != generation || !that->m_engine) {
            return;
        }
        that->m_askingTrust = false;
        // The same key asked again by another of the site's connections: the same answer.
        std::deque<Net::TrustQuestion> rest;
        QList<quint64> ids { asked.id };
        for (const Net::TrustQuestion &q : that->m_trustQuestions) {
            if (q.host == asked.host && q.port == asked.port && q.pin == asked.pin) {
                ids.append(q.id);
            } else {
                rest.push_back(q);
            }
        }
        that->m_trustQuestions = std::move(rest);
        that->m_engine->post([ids, choice](FtpSiteEngine &e) {
            for (const quint64 id : ids) {
                e.answerTrustQuestion(id, choice);
            }
        });
        if (!that->m_trustQuestions.empty()) {
            const Net::TrustQuestion next = that->m_trustQuestions.front();
            that->m_trustQuestions.pop_front();
            QTimer::singleShot(0, that, [self, next] {
                if (FileController *c = self.data()) {
                    c->askTrust(next);
                }
            });
        }
    };
    if (m_options.askTrust) {
        m_options.askTrust(asked, answer);
        return;
    }
    auto *dialog = new CertificateDialog(asked, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CertificateDialog::answered, this,
        [answer](const Net::TrustQuestion &, Net::TrustAnswer choice) { answer(choice); });
    dialog->open();
}

} // namespace Satchel::Ui
