#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/imap/ImapSession.h"
#include "protocols/imap/MessageSummary.h"
#include "protocols/net/TrustQuestion.h"

#include <QObject>

#include <chrono>

class QTimer;

namespace Satchel::Imap {

class IdleWatcher;

// How long to wait before reconnecting after `failures` failed attempts in a row:
// 1 s, 2 s, 4 s, ... at most 60 s.
std::chrono::milliseconds reconnectDelay(int failures);

// The account engine's second connection: it keeps one folder selected (EXAMINE)
// and watches it with IdleWatcher (IDLE, RFC 2177, or NOOP polling), so waiting for
// new mail never holds up the commands on the primary session. After a connection
// failure it reconnects by itself with reconnectDelay() - except after a TLS or login
// failure, which only retryNow() retries (the primary connection reports those, and
// asking again every minute would not help). Lives on the engine's thread.
class FolderWatch : public QObject
{
    Q_OBJECT

public:
    explicit FolderWatch(ImapSession::Options options, QObject *parent = nullptr);
    ~FolderWatch() override;

    // Watches `folder` from now on, instead of the one before; empty: stops watching.
    void watch(const QString &folder);
    QString folder() const { return m_folder; }
    void answerTrustQuestion(quint64 id, Net::TrustAnswer answer);
    // The primary connection is back: a watch waiting to reconnect tries at once.
    void retryNow();

Q_SIGNALS:
    // The folder is selected and watched: mail that arrives from now on is reported.
    void watching(const QString &folder);
    void newMessages(const QString &folder, const QList<Satchel::Imap::MessageSummary> &messages);
    // Flags changed or messages were expunged: the folder's cache is out of date.
    void changed(const QString &folder);
    void trustQuestion(const Satchel::Net::TrustQuestion &question);
    // The folder cannot be watched (it cannot be selected); retrying would not help.
    void failed(const Satchel::OperationError &error);

private:
    void connectSession();
    void selectFolder();
    void startWatcher();
    void onSessionFailed(const OperationError &error);
    void dropSession();

    ImapSession::Options m_options;
    QString m_folder; // the folder wanted
    ImapSession *m_session = nullptr;
    IdleWatcher *m_watcher = nullptr;
    bool m_loggedIn = false;
    bool m_selecting = false;
    QTimer *m_retry;
    int m_failures = 0;
};

} // namespace Satchel::Imap
