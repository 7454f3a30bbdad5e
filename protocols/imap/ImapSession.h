#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/imap/ImapCommand.h"
#include "protocols/imap/MessageSummary.h"
#include "protocols/imap/ResponseFramer.h"
#include "protocols/imap/ResponseParser.h"
#include "protocols/net/Connection.h"

#include <QObject>
#include <QSet>

#include <deque>
#include <memory>

namespace Satchel::Imap {

struct ImapCredentials {
    QString user;
    QString password;
};

// An IMAP session (RFC 9051, with IMAP4rev1 RFC 3501 servers): greeting, CAPABILITY,
// STARTTLS (RFC 9051 §6.2.1), LOGIN or AUTHENTICATE PLAIN (RFC 4616, SASL-IR RFC
// 4959), ENABLE (RFC 5161) of CONDSTORE/QRESYNC (RFC 7162) and UTF8=ACCEPT (RFC
// 6855), ID (RFC 2971), NAMESPACE (RFC 2342), then commands until LOGOUT.
// Commands are pipelined unless one is exclusive; literals are sent after the
// server's "+" or at once with LITERAL+ (RFC 7888). Every response is checked
// against the state: an unknown tag, UID 0, a message number beyond EXISTS, or
// mailbox data with no mailbox selected is a protocol error and ends the session.
// Lives on one thread (an engine's, or the CLI's main thread).
class ImapSession : public QObject
{
    Q_OBJECT

public:
    struct Options {
        Net::ConnectionSettings connection;
        ImapCredentials credentials;
        bool enableQresync = true; // ENABLE CONDSTORE QRESYNC when offered
        bool enableUtf8 = true; // ENABLE UTF8=ACCEPT when offered
        bool sendId = true; // ID ("name" "Satchel") when offered
        ResponseFramer::Limits limits;
    };

    explicit ImapSession(Options options, QObject *parent = nullptr);
    ~ImapSession() override;

    void open();
    // Queues a command; it is sent when the pipeline allows. Its onDone runs when
    // its tagged response is in.
    void send(std::shared_ptr<ImapCommand> command);
    // LOGOUT after everything queued; finished() follows.
    void quit();
    void abort();

    // For IDLE: ends it with "DONE" (RFC 2177 §3).
    void sendDone();
    // For AUTHENTICATE: a continuation line.
    void sendContinuationLine(const QByteArray &line, Net::Secrecy secrecy);

    bool hasCapability(QByteArrayView name) const;
    QSet<QByteArray> capabilities() const { return m_capabilities; }
    bool isEnabled(QByteArrayView extension) const;
    bool utf8Accepted() const { return isEnabled("UTF8=ACCEPT"); }
    // A folder name for the wire: modified UTF-7 (RFC 3501 §5.1.3), or UTF-8 once
    // UTF8=ACCEPT is enabled (RFC 6855 §3).
    QByteArray encodeMailbox(const QString &name) const;

    const MailboxState &mailbox() const { return m_mailbox; }
    bool isSelected() const { return m_selected; }
    Net::Connection *connection() const { return m_connection; }
    QChar hierarchyDelimiter() const { return m_delimiter; }

Q_SIGNALS:
    void loggedIn();
    void trustQuestion(const Satchel::Net::TrustQuestion &question);
    void failed(const Satchel::OperationError &error);
    void finished(); // LOGOUT answered
    // [ALERT] text (RFC 9051 §7.1): shown to the person; never one that came before TLS.
    void alert(const QString &text);
    // Mailbox data no running command took: new mail, expunges, flag changes (IDLE).
    void unsolicited(const Satchel::Imap::Response &response);

private:
    enum class State { Connecting, Greeting, NotAuthenticated, Authenticated, LoggingOut, Done };

    void onReady();
    void onReadyRead();
    void processInput();
    void handle(Response response);
    void handleGreeting(const Response &response);
    bool checkState(const Response &response);
    void handleUntagged(const Response &response);
    void handleTagged(const Response &response);
    void handleContinuation(const Response &response);
    void noteCode(const Response &response);

    void askCapabilities(std::function<void()> then);
    void startTls();
    void authenticate();
    void afterLogin();
    void sendNow(std::shared_ptr<ImapCommand> command);
    void pump();
    void transmit(const std::shared_ptr<ImapCommand> &command);
    void continueTransmit();
    LiteralSink sinkFor(quint64 size, QByteArrayView textSoFar);
    void fail(OperationError::Kind kind, const QString &message);
    void dropCommands();

    Options m_options;
    Net::Connection *m_connection;
    State m_state = State::Connecting;
    ResponseFramer m_framer;
    std::deque<std::shared_ptr<ImapCommand>> m_queued;
    std::vector<std::shared_ptr<ImapCommand>> m_inFlight; // in the order sent
    // A command whose literals are being sent: nothing else may be written meanwhile.
    std::shared_ptr<ImapCommand> m_transmitting;
    CommandArgs m_transmitArgs;
    qsizetype m_transmitLiteral = 0;
    quint64 m_nextTag = 1;
    QSet<QByteArray> m_capabilities;
    QSet<QByteArray> m_enabled;
    MailboxState m_mailbox;
    bool m_selected = false;
    QChar m_delimiter;
    bool m_finished = false;
    bool m_quitRequested = false;
};

} // namespace Satchel::Imap
