#include "protocols/imap/AccountConnection.h"

#include "protocols/imap/AppendCommand.h"
#include "protocols/imap/FolderWatch.h"

#include <QTimer>

#include <algorithm>

namespace Satchel::Imap {

namespace {

// This often, a NOOP when nothing else runs: servers log out a client that stays
// silent (RFC 9051 §5.4: not before 30 minutes of inactivity).
constexpr auto kKeepAlive = std::chrono::minutes(10);

// Failures a new attempt may cure by itself.
bool retryByItself(OperationError::Kind kind)
{
    return kind == OperationError::Kind::Network || kind == OperationError::Kind::Protocol
        || kind == OperationError::Kind::Refused;
}

} // namespace

AccountConnection::AccountConnection(ImapSession::Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_retryTimer(new QTimer(this))
    , m_keepAliveTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_link == Link::Offline) {
            connectNow();
        }
    });
    m_keepAliveTimer->setInterval(kKeepAlive);
    connect(m_keepAliveTimer, &QTimer::timeout, this, &AccountConnection::keepAlive);
}

AccountConnection::~AccountConnection() = default;

void AccountConnection::open()
{
    connectNow();
}

void AccountConnection::connectNow()
{
    dropSession();
    m_link = Link::Connecting;
    m_session = new ImapSession(m_options, this);
    m_ops = std::make_unique<MailboxOperations>(*m_session);
    connect(m_session, &ImapSession::loggedIn, this, &AccountConnection::onLoggedIn);
    connect(m_session, &ImapSession::failed, this, &AccountConnection::onFailed);
    connect(m_session, &ImapSession::trustQuestion, this, &AccountConnection::trustQuestion);
    connect(m_session, &ImapSession::alert, this, &AccountConnection::alert);
    m_session->open();
}

void AccountConnection::onLoggedIn()
{
    m_link = Link::Online;
    m_failures = 0;
    m_retryTimer->stop();
    m_keepAliveTimer->start();
    Q_EMIT loggedIn();
    pump();
}

void AccountConnection::onFailed(const OperationError &error)
{
    m_link = Link::Offline;
    m_lastError = error;
    m_keepAliveTimer->stop();
    dropSession();
    ++m_failures;
    const std::chrono::milliseconds delay = reconnectDelay(m_failures);
    m_nextAttempt = QDeadlineTimer(delay);
    if (retryByItself(error.kind)) {
        m_retryTimer->start(delay);
    }
    Q_EMIT connectionLost(error);
    if (m_busy) {
        // Its commands went with the session: it is answered here, once.
        Step step = std::exchange(m_current, Step());
        m_busy = false;
        answerOffline(
            step, OperationError { error.kind, QStringLiteral("the connection was lost: %1").arg(error.message) });
    }
    drainOffline();
}

void AccountConnection::dropSession()
{
    m_ops.reset();
    if (m_session) {
        m_session->disconnect(this);
        m_session->abort();
        m_session->deleteLater(); // it may be the sender of the signal being handled
        m_session = nullptr;
    }
}

void AccountConnection::answerTrustQuestion(quint64 id, Net::TrustAnswer answer)
{
    if (m_session) {
        m_session->connection()->answerTrustQuestion(id, answer); // a stale id is ignored
    }
}

void AccountConnection::enqueue(Step step)
{
    m_steps.push_back(std::move(step));
    if (m_link == Link::Offline) {
        if (m_nextAttempt.hasExpired()) {
            m_retryTimer->stop();
            connectNow(); // the request waits for the login
        } else {
            drainOffline();
        }
        return;
    }
    pump();
}

void AccountConnection::prepend(std::deque<Step> steps)
{
    m_steps.insert(m_steps.begin(), std::make_move_iterator(steps.begin()), std::make_move_iterator(steps.end()));
}

void AccountConnection::pump()
{
    if (m_busy || m_link != Link::Online || m_steps.empty()) {
        return;
    }
    m_current = std::move(m_steps.front());
    m_steps.pop_front();
    m_busy = true;
    const std::function<void()> run = m_current.run; // run() may finish the step, and so clear m_current
    run();
}

void AccountConnection::finishStep()
{
    m_busy = false;
    m_current = Step();
    // Not at once: the step usually finishes inside a session callback.
    QMetaObject::invokeMethod(
        this, [this] { pump(); }, Qt::QueuedConnection);
}

bool AccountConnection::removeWaiting(quint64 requestId)
{
    if (requestId == 0) {
        return false;
    }
    const auto it = std::find_if(
        m_steps.begin(), m_steps.end(), [requestId](const Step &step) { return step.requestId == requestId; });
    if (it == m_steps.end()) {
        return false;
    }
    m_steps.erase(it);
    return true;
}

bool AccountConnection::cancelRunning(quint64 requestId, const OperationError &why)
{
    if (!m_busy || requestId == 0 || m_current.requestId != requestId) {
        return false;
    }
    // IMAP cannot take back a command (RFC 9051 has no cancel): the answers would
    // still come, for a step that is gone. The session goes instead.
    m_keepAliveTimer->stop();
    dropSession();
    Step step = std::exchange(m_current, Step());
    m_busy = false;
    if (step.fail) {
        step.fail(why);
    } else {
        Q_EMIT stepFailed(requestId, why);
    }
    // Not a failure of the server: no backoff.
    m_link = Link::Offline;
    m_nextAttempt = QDeadlineTimer(0);
    connectNow();
    return true;
}

void AccountConnection::answerOffline(Step &step, const OperationError &error)
{
    if (step.offline) {
        step.offline();
    } else if (step.fail) {
        step.fail(error);
    } else if (step.requestId != 0) {
        Q_EMIT stepFailed(step.requestId, error);
    }
}

void AccountConnection::drainOffline()
{
    const OperationError offline { m_lastError.kind,
        QStringLiteral("%1@%2 is offline: %3")
            .arg(m_options.credentials.user, m_options.connection.host, m_lastError.message) };
    while (m_link == Link::Offline && !m_steps.empty()) {
        Step step = std::move(m_steps.front());
        m_steps.pop_front();
        answerOffline(step, offline);
    }
}

void AccountConnection::keepAlive()
{
    if (m_link != Link::Online || m_busy || !m_steps.empty()) {
        return;
    }
    Step noop;
    noop.run = [this] {
        m_ops->run(std::make_shared<NoopCommand>(), QStringLiteral("NOOP"), [this](const Failure &) { finishStep(); });
    };
    enqueue(std::move(noop));
}

} // namespace Satchel::Imap
