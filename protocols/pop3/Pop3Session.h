#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/net/Connection.h"
#include "protocols/pop3/MultiLineDecoder.h"
#include "protocols/pop3/Pop3Command.h"

#include <QObject>
#include <QSet>

#include <deque>
#include <memory>

namespace Satchel::Pop3 {

struct Pop3Credentials {
    QString user;
    QString password;
    // APOP (RFC 1939 §7) is MD5 over a server nonce: used only when the person opts in.
    bool allowApop = false;
};

// A POP3 session (RFC 1939, RFC 2449 CAPA, RFC 2595 STLS, RFC 5034 AUTH):
// AUTHORIZATION (greeting, CAPA, STLS and CAPA again, then AUTH PLAIN, USER/PASS or
// the opted-in APOP), then TRANSACTION, where commands run in order — pipelined in
// batches when the server offers PIPELINING. quit() enters UPDATE, where the server
// commits deletions; abort() leaves without QUIT, so nothing marked is deleted.
// Lives on one thread (an engine's, or the CLI's main thread).
class Pop3Session : public QObject
{
    Q_OBJECT

public:
    struct Options {
        Net::ConnectionSettings connection;
        Pop3Credentials credentials;
        int pipelineDepth = 32; // commands in flight when PIPELINING is offered
    };

    explicit Pop3Session(Options options, QObject *parent = nullptr);
    ~Pop3Session() override;

    void open();
    // Queues a command for TRANSACTION state; its onDone runs when its response is in.
    void send(std::shared_ptr<Pop3Command> command);
    // Queues QUIT after everything already queued; nothing can be queued after it.
    void quit();
    void abort();

    QSet<QByteArray> capabilities() const { return m_capabilities; }
    Net::Connection *connection() const { return m_connection; }
    bool isPipelining() const { return m_capabilities.contains("PIPELINING"); }

Q_SIGNALS:
    void loggedIn();
    void trustQuestion(const Satchel::Net::TrustQuestion &question);
    void failed(const Satchel::OperationError &error);
    void finished(); // QUIT answered: deletions are committed

private:
    enum class State { Connecting, Greeting, Capa, Stls, CapaAfterTls, Authenticating, Transaction, Quitting, Done };

    void onReady();
    void onReadyRead();
    void processInput();
    bool takeLine(QByteArray *line);
    void handleGreeting(const QByteArray &line);
    void askCapabilities(State state);
    void onCapabilities(const ListingCommand &capa);
    void startTlsOrFail();
    void authenticate();
    void onAuthenticated(const Pop3Command &command);
    void sendNow(std::shared_ptr<Pop3Command> command);
    void pump();
    void fail(OperationError::Kind kind, const QString &message);
    void dropCommands();

    Options m_options;
    Net::Connection *m_connection;
    State m_state = State::Connecting;
    QByteArray m_in;
    qsizetype m_pos = 0;
    bool m_inBody = false;
    MultiLineDecoder m_decoder;
    std::string m_decoded;
    std::deque<std::shared_ptr<Pop3Command>> m_queued;
    std::deque<std::shared_ptr<Pop3Command>> m_inFlight;
    QSet<QByteArray> m_capabilities;
    QByteArray m_apopTimestamp;
    bool m_finished = false;
    bool m_quitRequested = false;
};

} // namespace Satchel::Pop3
