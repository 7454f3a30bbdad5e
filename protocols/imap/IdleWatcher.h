#pragma once

#include "protocols/imap/ImapSession.h"
#include "protocols/imap/MessageSummary.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace Satchel::Imap {

class IdleCommand;

// Watches the selected folder and reports changes as they happen: IDLE (RFC 2177)
// when offered, else NOOP every poll interval (RFC 9051 §6.1.2). New messages are
// fetched as summaries: IDLE is ended with DONE, the new UIDs fetched, and IDLE
// started again. IDLE is also restarted before servers drop it: RFC 2177 §3 lets a
// server end an idle client after 30 minutes, so the default is 25.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(ImapSession &session, QObject *parent = nullptr);
    ~IdleWatcher() override;

    void setRestartInterval(std::chrono::milliseconds interval) { m_restartInterval = interval; }
    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }

    // The folder must be selected; its UIDNEXT is where new messages start.
    void start();
    // Ends IDLE (DONE) and emits stopped() when the server has answered.
    void stop();

    int idleCycles() const { return m_cycles; }

Q_SIGNALS:
    void newMessages(const QList<Satchel::Imap::MessageSummary> &messages);
    void vanished(const QList<quint32> &uids);
    void expunged(quint32 sequence);
    void flagsChanged(const Satchel::Imap::FlagUpdate &update);
    void stopped();
    void failed(const Satchel::OperationError &error);

private:
    void enterIdle();
    void leaveIdle();
    void onIdleEnded();
    void onUnsolicited(const Response &response);
    void fetchNew();
    void poll();

    ImapSession &m_session;
    std::shared_ptr<IdleCommand> m_idle;
    QTimer m_restartTimer;
    QTimer m_pollTimer;
    std::chrono::milliseconds m_restartInterval { std::chrono::minutes(25) };
    std::chrono::milliseconds m_pollInterval { std::chrono::seconds(30) };
    quint32 m_uidNext = 0;
    quint32 m_knownExists = 0;
    bool m_stopping = false;
    bool m_fetchWanted = false;
    bool m_busy = false;
    int m_cycles = 0;
};

} // namespace Satchel::Imap
