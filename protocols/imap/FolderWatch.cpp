#include "protocols/imap/FolderWatch.h"

#include "protocols/imap/IdleWatcher.h"
#include "protocols/imap/MailboxOperations.h"
#include "protocols/imap/SelectCommand.h"

#include <QTimer>

#include <algorithm>

namespace Satchel::Imap {

std::chrono::milliseconds reconnectDelay(int failures)
{
    const int doublings = std::clamp(failures - 1, 0, 6);
    return std::min<std::chrono::milliseconds>(std::chrono::seconds(1) * (1 << doublings), std::chrono::seconds(60));
}

FolderWatch::FolderWatch(ImapSession::Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, [this] {
        if (!m_folder.isEmpty() && !m_session) {
            connectSession();
        }
    });
}

FolderWatch::~FolderWatch() = default;

void FolderWatch::watch(const QString &folder)
{
    if (folder == m_folder) {
        if (!m_folder.isEmpty() && !m_session && !m_retry->isActive()) {
            connectSession();
        }
        return;
    }
    m_folder = folder;
    if (m_folder.isEmpty()) {
        m_retry->stop();
        dropSession();
        return;
    }
    if (!m_session) {
        if (!m_retry->isActive()) {
            connectSession();
        }
        return; // a pending retry connects to the new folder
    }
    if (!m_loggedIn || m_selecting) {
        return; // the login or SELECT under way looks at m_folder when it is done
    }
    if (m_watcher) {
        m_watcher->stop(); // stopped() selects the new folder
        return;
    }
    selectFolder();
}

void FolderWatch::answerTrustQuestion(quint64 id, Net::TrustAnswer answer)
{
    if (m_session) {
        m_session->connection()->answerTrustQuestion(id, answer);
    }
}

void FolderWatch::retryNow()
{
    if (!m_folder.isEmpty() && !m_session) {
        m_retry->stop();
        connectSession();
    }
}

void FolderWatch::connectSession()
{
    m_session = new ImapSession(m_options, this);
    connect(m_session, &ImapSession::loggedIn, this, [this] {
        m_loggedIn = true;
        m_failures = 0;
        selectFolder();
    });
    connect(m_session, &ImapSession::failed, this, &FolderWatch::onSessionFailed);
    connect(m_session, &ImapSession::trustQuestion, this, &FolderWatch::trustQuestion);
    m_session->open();
}

void FolderWatch::selectFolder()
{
    if (m_folder.isEmpty() || !m_session) {
        return;
    }
    m_selecting = true;
    const QString folder = m_folder;
    auto select = std::make_shared<SelectCommand>(folder, true);
    select->onDone = [this, select, folder] {
        m_selecting = false;
        if (folder != m_folder) {
            selectFolder(); // watch() asked for another folder meanwhile
            return;
        }
        if (!select->isOk() || !select->error.isEmpty()) {
            const OperationError error
                = MailboxOperations::commandError(*select, QStringLiteral("cannot watch folder '%1'").arg(folder));
            m_folder.clear();
            dropSession();
            Q_EMIT failed(error);
            return;
        }
        startWatcher();
    };
    m_session->send(select);
}

void FolderWatch::startWatcher()
{
    const QString folder = m_folder;
    m_watcher = new IdleWatcher(*m_session, this);
    connect(m_watcher, &IdleWatcher::newMessages, this,
        [this, folder](const QList<MessageSummary> &messages) { Q_EMIT newMessages(folder, messages); });
    connect(m_watcher, &IdleWatcher::vanished, this, [this, folder] { Q_EMIT changed(folder); });
    connect(m_watcher, &IdleWatcher::expunged, this, [this, folder] { Q_EMIT changed(folder); });
    connect(m_watcher, &IdleWatcher::flagsChanged, this, [this, folder] { Q_EMIT changed(folder); });
    connect(m_watcher, &IdleWatcher::stopped, this, [this] {
        m_watcher->deleteLater();
        m_watcher = nullptr;
        selectFolder();
    });
    connect(m_watcher, &IdleWatcher::failed, this, &FolderWatch::onSessionFailed);
    m_watcher->start();
    Q_EMIT watching(folder);
}

void FolderWatch::onSessionFailed(const OperationError &error)
{
    dropSession();
    ++m_failures;
    const bool retriesHelp
        = error.kind != OperationError::Kind::Tls && error.kind != OperationError::Kind::Authentication;
    if (!m_folder.isEmpty() && retriesHelp) {
        m_retry->start(reconnectDelay(m_failures));
    }
}

void FolderWatch::dropSession()
{
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    if (m_session) {
        m_session->disconnect(this);
        m_session->abort();
        m_session->deleteLater();
        m_session = nullptr;
    }
    m_loggedIn = false;
    m_selecting = false;
}

} // namespace Satchel::Imap
