#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/imap/ImapSession.h"
#include "protocols/imap/MailboxOperations.h"
#include "protocols/net/TrustQuestion.h"

#include <QDeadlineTimer>
#include <QObject>

#include <deque>
#include <functional>
#include <memory>

class QTimer;

namespace Satchel::Imap {

// The account engine's primary connection and its request queue. Requests are
// steps that run one at a time on the logged-in session, so the folder a step
// selects stays selected until it is done (and MailboxOperations can skip SELECTs).
//
// After a failure the session is dropped and a new one logs in after
// reconnectDelay() - on a timer, or when a request arrives after the delay (after a
// TLS or login failure only then: asking again by itself would not help). While it
// is offline, requests are answered at once: a step's offline() (changes that can
// wait), else its fail(). A step running when the connection fails is answered the
// same way. Lives on the engine's thread.
class AccountConnection : public QObject
{
    Q_OBJECT

public:
    struct Step {
        quint64 requestId = 0; // 0: the engine's own work
        std::function<void()> run; // sends its commands; ends with finishStep()
        // Offline or lost: the answer instead of the result. Empty: stepFailed() for a
        // request, nothing for the engine's own work.
        std::function<void(const OperationError &)> fail;
        // Offline or lost, instead of fail(): the change is kept for later.
        std::function<void()> offline;
    };

    explicit AccountConnection(ImapSession::Options options, QObject *parent = nullptr);
    ~AccountConnection() override;

    // Connects for the first time.
    void open();
    void enqueue(Step step);
    // Before everything queued; for loggedIn() handlers (replay, folder list, syncs).
    void prepend(std::deque<Step> steps);
    // The running step is done; the next one starts from the event loop.
    void finishStep();
    // A request the person cancelled: a step still waiting is taken out of the queue
    // (true); the running step is not touched (false; it is the engine's to stop).
    bool removeWaiting(quint64 requestId);
    // Stops the running step of `requestId` now: its commands go with the session, the
    // step is answered with `why`, and a new session logs in at once for what waits.
    // False when that step is not the one running.
    bool cancelRunning(quint64 requestId, const OperationError &why);
    // The request of the step running now; 0 when none (or the engine's own work).
    quint64 runningRequest() const { return m_busy ? m_current.requestId : 0; }

    bool isOnline() const { return m_link == Link::Online; }
    // The logged-in session, and the operations on it: for the running step only.
    ImapSession &session() const { return *m_session; }
    MailboxOperations &operations() const { return *m_ops; }
    void answerTrustQuestion(quint64 id, Net::TrustAnswer answer);

Q_SIGNALS:
    // Logged in; the queue runs again once the handlers have returned.
    void loggedIn();
    // A connection or an attempt failed; emitted before the steps are answered.
    void connectionLost(const Satchel::OperationError &error);
    // A request could not run (offline, or the connection was lost while it ran).
    void stepFailed(quint64 requestId, const Satchel::OperationError &error);
    void trustQuestion(const Satchel::Net::TrustQuestion &question);
    void alert(const QString &text);

private:
    enum class Link { Offline, Connecting, Online };

    void connectNow();
    void onLoggedIn();
    void onFailed(const OperationError &error);
    void dropSession();
    void pump();
    void answerOffline(Step &step, const OperationError &error);
    void drainOffline();
    void keepAlive();

    ImapSession::Options m_options;
    ImapSession *m_session = nullptr;
    std::unique_ptr<MailboxOperations> m_ops;
    Link m_link = Link::Offline;
    OperationError m_lastError;
    int m_failures = 0;
    QDeadlineTimer m_nextAttempt; // expired: a request may connect at once
    QTimer *m_retryTimer;
    QTimer *m_keepAliveTimer;
    std::deque<Step> m_steps;
    Step m_current;
    bool m_busy = false;
};

} // namespace Satchel::Imap
