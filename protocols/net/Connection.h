#pragma once

#include "protocols/net/ConnectionSettings.h"
#include "protocols/net/NetError.h"
#include "protocols/net/TrustQuestion.h"

#include <QObject>
#include <QSslError>

#include <functional>

class QSslSocket;
class QTimer;

namespace Satchel::Net {

// One TCP stream with a TLS policy, on which a protocol engine speaks. The protocol
// decides *when* to upgrade (after its STARTTLS / STLS / AUTH TLS reply); this class
// does the upgrade and enforces the rules every protocol shares:
//  - certificates are verified (system CAs + extra CA + pins); an untrusted one is a
//    question (trustQuestion / answerTrustQuestion), a changed pinned key is fatal;
//  - bytes already buffered when the upgrade starts are an attack, not data
//    (STARTTLS injection, CVE-2011-0411 and its many successors): the connection fails;
//  - a Secret line is never sent without TLS unless the person chose Plain;
//  - lines are bounded; connect, response and idle have timeouts;
//  - every line in and out goes to the protocol log, secrets redacted.
// Lives on an engine thread; every method must be called on that thread.
class Connection : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Connecting, Ready, Upgrading, Closed };
    enum class LineStatus { Line, NeedMore, TooLong };

    explicit Connection(ConnectionSettings settings, QObject *parent = nullptr);
    ~Connection() override;

    void open();
    // Call once the server has agreed to start TLS; tlsEstablished() follows.
    // `bufferedByEngine`: bytes the protocol has read but not consumed; like bytes
    // still in the socket they arrived in plaintext after the reply, so they fail it.
    void startTls(qint64 bufferedByEngine = 0);
    void answerTrustQuestion(quint64 id, TrustAnswer answer);

    // Sends `line` + CRLF; false (and the connection fails) if it must not be sent.
    bool sendLine(const QByteArray &line, Secrecy secrecy = Secrecy::Public);
    // Sends raw bytes (an IMAP literal); logged as a byte count, or redacted.
    bool sendRaw(const QByteArray &bytes, Secrecy secrecy = Secrecy::Public);

    // The next line without its line ending. TooLong fails the connection.
    LineStatus readLine(QByteArray *line);
    qint64 bytesAvailable() const;
    QByteArray read(qint64 maxBytes);

    // Arms the response timeout until the protocol has its whole response.
    void setResponsePending(bool pending);

    // Closes after writing what is queued; closed() follows, failed() does not.
    void close();
    // Closes at once; closed() follows, failed() does not.
    void abort();

    State state() const { return m_state; }
    bool isEncrypted() const;
    const ConnectionSettings &settings() const { return m_settings; }
    QSslSocket *socket() const { return m_socket; }
    QString endpoint() const;

Q_SIGNALS:
    void ready(); // the protocol may speak: TCP up (plain/STARTTLS) or TLS up (implicit)
    void tlsEstablished(); // after startTls(): forget everything learned before and ask again
    void readyRead();
    void trustQuestion(const Satchel::Net::TrustQuestion &question);
    void idleTimedOut();
    // Terminal; both are emitted from the event loop, never from inside a call.
    void failed(const Satchel::Net::NetError &error);
    void closed(); // after close() or abort()

private:
    void configureTls();
    void onTcpConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onSocketError();
    void onReadyRead();
    void onConnectTimeout();
    void becomeReady();
    void fail(NetError::Kind kind, const QString &message);
    void restartIdleTimer();
    void note(const QString &text);
    void emitLater(std::function<void()> emitter);
    void enterClosed();
    bool mayWrite(Secrecy secrecy);

    ConnectionSettings m_settings;
    QSslSocket *m_socket;
    QTimer *m_connectTimer;
    QTimer *m_responseTimer;
    QTimer *m_idleTimer;
    State m_state = State::Idle;
    bool m_tcpConnected = false;
    bool m_responsePending = false;
    bool m_extraCasOnly = false; // the handshake was given only the TrustStore's CAs
    bool m_finished = false; // failed() or closed() was emitted
    TrustQuestion m_question;
    QList<QSslError> m_pendingErrors;
};

} // namespace Satchel::Net
