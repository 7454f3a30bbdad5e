#include "protocols/imap/IdleWatcher.h"

#include "protocols/imap/AppendCommand.h"
#include "protocols/imap/FetchCommand.h"

namespace Satchel::Imap {

IdleWatcher::IdleWatcher(ImapSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &IdleWatcher::leaveIdle);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &IdleWatcher::poll);
    connect(&m_session, &ImapSession::unsolicited, this, &IdleWatcher::onUnsolicited);
}

IdleWatcher::~IdleWatcher() = default;

void IdleWatcher::start()
{
    m_uidNext = m_session.mailbox().uidNext;
    m_knownExists = m_session.mailbox().exists;
    enterIdle();
}

void IdleWatcher::enterIdle()
{
    if (m_stopping) {
        Q_EMIT stopped();
        return;
    }
    if (!m_session.hasCapability("IDLE")) {
        m_pollTimer.start(m_pollInterval);
        return;
    }
    m_idle = std::make_shared<IdleCommand>();
    m_idle->onIdling = [this] {
        ++m_cycles;
        m_restartTimer.start(m_restartInterval);
        if (m_stopping || m_fetchWanted) {
            leaveIdle();
        }
    };
    const auto idle = m_idle;
    idle->onDone = [this, idle] {
        if (!idle->isOk()) {
            Q_EMIT failed(OperationError { OperationError::Kind::Refused,
                QStringLiteral("the server refused IDLE: %1").arg(idle->failureText()) });
            return;
        }
        onIdleEnded();
    };
    m_session.send(m_idle);
}

void IdleWatcher::leaveIdle()
{
    m_restartTimer.stop();
    if (m_idle && m_idle->isIdling() && !m_busy) {
        m_busy = true;
        m_session.sendDone();
    }
}

void IdleWatcher::onIdleEnded()
{
    m_busy = false;
    m_idle.reset();
    // Mail the server announced before a stop is still fetched and reported: stopping
    // at a deadline must not swallow a message it has already seen arrive.
    if (m_fetchWanted) {
        fetchNew();
        return;
    }
    enterIdle();
}

void IdleWatcher::stop()
{
    m_stopping = true;
    m_pollTimer.stop();
    if (m_idle && m_idle->isIdling()) {
        leaveIdle();
    } else if (!m_idle && !m_busy) {
        if (m_fetchWanted) {
            fetchNew(); // announced mail first; its end sees m_stopping
        } else {
            Q_EMIT stopped();
        }
    }
    // Otherwise: IDLE is about to start or a fetch runs; the next step sees m_stopping.
}

void IdleWatcher::onUnsolicited(const Response &response)
{
    if (response.name == "EXISTS") {
        if (response.number > m_knownExists) {
            m_fetchWanted = true;
            leaveIdle();
        }
        m_knownExists = response.number;
    } else if (response.name == "EXPUNGE") {
        if (m_knownExists > 0) {
            --m_knownExists;
        }
        Q_EMIT expunged(response.number);
    } else if (response.name == "VANISHED") {
        QString error;
        if (const auto data = vanishedFrom(response, &error); data && !data->earlier) {
            m_knownExists = m_session.mailbox().exists;
            Q_EMIT vanished(data->uids);
        }
    } else if (response.name == "FETCH") {
        QString error;
        if (const auto data = fetchFrom(response, &error); data && data->hasFlags) {
            Q_EMIT flagsChanged(FlagUpdate { data->uid, data->flags, data->modseq });
        }
    }
}

void IdleWatcher::fetchNew()
{
    m_fetchWanted = false;
    m_busy = true;
    QList<QByteArray> items = FetchCommand::summaryItems();
    auto fetch = std::make_shared<FetchCommand>(QByteArray::number(std::max<quint32>(m_uidNext, 1)) + ":*", items);
    fetch->onDone = [this, fetch] {
        m_busy = false;
        if (!fetch->isOk() || !fetch->error.isEmpty()) {
            Q_EMIT failed(OperationError { OperationError::Kind::Protocol,
                QStringLiteral("fetching new messages failed: %1").arg(fetch->failureText()) });
            return;
        }
        QList<MessageSummary> fresh;
        for (const FetchData &f : std::as_const(fetch->results)) {
            if (f.uid >= m_uidNext) {
                fresh.append(summaryFrom(f));
                m_uidNext = f.uid + 1;
            }
        }
        if (!fresh.isEmpty()) {
            Q_EMIT newMessages(fresh);
        }
        if (m_fetchWanted) {
            fetchNew(); // more mail came while this fetch ran
            return;
        }
        if (m_session.hasCapability("IDLE")) {
            enterIdle();
        } else if (m_stopping) {
            Q_EMIT stopped();
        } else {
            m_pollTimer.start(m_pollInterval);
        }
    };
    m_session.send(fetch);
}

void IdleWatcher::poll()
{
    auto noop = std::make_shared<NoopCommand>();
    m_busy = true;
    noop->onDone = [this] {
        m_busy = false;
        if (m_fetchWanted) {
            fetchNew();
        } else if (m_stopping) {
            Q_EMIT stopped();
        } else {
            m_pollTimer.start(m_pollInterval);
        }
    };
    m_session.send(noop);
}

} // namespace Satchel::Imap
