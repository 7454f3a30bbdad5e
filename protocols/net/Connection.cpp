#include "protocols/net/Connection.h"

#include "protocols/net/CertificateTrust.h"
#include "protocols/net/SpkiPin.h"

#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QThread>
#include <QTimer>

namespace Satchel::Net {

namespace {

QString seconds(std::chrono::milliseconds ms)
{
    const auto s = std::chrono::duration<double>(ms).count();
    return QString::number(s, 'g', 3) + QStringLiteral(" s");
}

} // namespace

Connection::Connection(ConnectionSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_socket(new QSslSocket(this))
    , m_connectTimer(new QTimer(this))
    , m_responseTimer(new QTimer(this))
    , m_idleTimer(new QTimer(this))
{
    m_connectTimer->setSingleShot(true);
    m_responseTimer->setSingleShot(true);
    m_idleTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, &Connection::onConnectTimeout);
    connect(m_responseTimer, &QTimer::timeout, this, [this] {
        fail(NetError::Kind::Timeout,
            QStringLiteral("%1 did not answer within %2").arg(endpoint(), seconds(m_settings.responseTimeout)));
    });
    connect(m_idleTimer, &QTimer::timeout, this, &Connection::idleTimedOut);

    connect(m_socket, &QSslSocket::connected, this, &Connection::onTcpConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &Connection::onEncrypted);
    connect(m_socket, &QSslSocket::sslErrors, this, &Connection::onSslErrors);
    connect(m_socket, &QSslSocket::errorOccurred, this, &Connection::onSocketError);
    connect(m_socket, &QSslSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        if (!m_finished && m_state != State::Closed) {
            fail(NetError::Kind::Network, QStringLiteral("%1 closed the connection").arg(endpoint()));
        }
    });
}

Connection::~Connection() = default;

QString Connection::endpoint() const
{
    return m_settings.host + QLatin1Char(':') + QString::number(m_settings.port);
}

void Connection::configureTls()
{
    if (m_settings.policy == TlsPolicy::Plain) {
        return; // no TLS will happen: reading the system's CA store would only cost time
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    // Reading the whole system store costs 200-285 ms. Without extra CAs, Qt's
    // default configuration looks system roots up on demand (only the issuer it
    // needs). With extra CAs (--ca-file, a corporate CA) only those are given to
    // the handshake; a chain they do not cover is checked against the system store
    // in onSslErrors, so both are trusted, as promised, and the common case is fast.
    const QList<QSslCertificate> extra
        = m_settings.trust ? m_settings.trust->caCertificates() : QList<QSslCertificate> {};
    m_extraCasOnly = !extra.isEmpty();
    if (m_extraCasOnly) {
        config.setCaCertificates(extra);
    }
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // Keep the session ticket available (sessionTicket()): FTP data connections resume
    // the control connection's TLS session (RFC 4217 §10.2).
    config.setSslOption(QSsl::SslOptionDisableSessionPersistence, false);
    m_socket->setSslConfiguration(config);
    m_socket->setPeerVerifyName(m_settings.host);
    // Pausing on certificate errors lets a person answer the trust question while the
    // engine thread goes on serving its event loop.
    m_socket->setPauseMode(QAbstractSocket::PauseOnSslErrors);
}

void Connection::open()
{
    Q_ASSERT(QThread::currentThread() == thread());
    Q_ASSERT(m_state == State::Idle);
    configureTls();
    m_socket->setReadBufferSize(
        m_settings.readBufferSize > 0 ? m_settings.readBufferSize : m_settings.maxLineLength + 2);
    m_state = State::Connecting;
    m_connectTimer->start(m_settings.connectTimeout);
    note(QStringLiteral("connecting to %1 (%2)").arg(endpoint(), describe(m_settings.policy)));
    if (m_settings.policy == TlsPolicy::ImplicitTls) {
        m_socket->connectToHostEncrypted(m_settings.host, m_settings.port);
    } else {
        m_socket->connectToHost(m_settings.host, m_settings.port);
    }
}

void Connection::onTcpConnected()
{
    if (m_finished) {
        return;
    }
    m_tcpConnected = true;
    if (m_settings.policy != TlsPolicy::ImplicitTls) {
        becomeReady();
    }
}

void Connection::becomeReady()
{
    m_connectTimer->stop();
    m_state = State::Ready;
    restartIdleTimer();
    Q_EMIT ready();
}

void Connection::startTls(qint64 bufferedByEngine)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_state != State::Ready || m_socket->isEncrypted() || m_settings.policy == TlsPolicy::ImplicitTls) {
        fail(NetError::Kind::Protocol, QStringLiteral("TLS upgrade asked for in the wrong state"));
        return;
    }
    // Anything already buffered arrived in plaintext after the server's reply to the
    // upgrade command. Handing it to the parser after the handshake would present it
    // as protected (RFC 3207 §4.2, RFC 2595 §3.1, RFC 4217 §4): refuse.
    const qint64 early = m_socket->bytesAvailable() + bufferedByEngine;
    if (early > 0) {
        fail(NetError::Kind::Protocol,
            QStringLiteral("%1 sent %2 bytes after agreeing to start TLS and before the handshake; this is how "
                           "STARTTLS injection attacks work, so the connection was closed")
                .arg(endpoint())
                .arg(early));
        return;
    }
    m_state = State::Upgrading;
    m_idleTimer->stop();
    m_responseTimer->stop();
    m_connectTimer->start(m_settings.connectTimeout);
    note(QStringLiteral("starting TLS"));
    m_socket->startClientEncryption();
}

void Connection::onSslErrors(const QList<QSslError> &errors)
{
    if (m_finished) {
        return;
    }
    m_connectTimer->stop();
    QList<QSslError> remaining = errors;
    if (m_extraCasOnly && !m_socket->peerCertificateChain().isEmpty()) {
        // The handshake knew only the extra CAs: ask the system store too.
        remaining = QSslCertificate::verify(m_socket->peerCertificateChain(), m_settings.host);
        if (remaining.isEmpty()) {
            note(QStringLiteral("certificate verified by the system's CA store"));
            m_socket->ignoreSslErrors(errors);
            m_connectTimer->start(m_settings.connectTimeout);
            m_socket->resume();
            return;
        }
    }
    const QList<SpkiPin> pins
        = m_settings.trust ? m_settings.trust->pinsFor(m_settings.host, m_settings.port) : QList<SpkiPin> {};
    const TrustVerdict verdict
        = evaluateTrust(m_settings.host, m_settings.port, m_socket->peerCertificateChain(), remaining, pins);
    switch (verdict.outcome) {
    case TrustVerdict::Outcome::Trusted:
        note(QStringLiteral("certificate not verifiable, but its key is pinned"));
        m_socket->ignoreSslErrors(errors);
        m_connectTimer->start(m_settings.connectTimeout);
        m_socket->resume();
        return;
    case TrustVerdict::Outcome::PinMismatch:
        fail(NetError::Kind::PinMismatch, verdict.pinMismatchMessage);
        return;
    case TrustVerdict::Outcome::AskPerson:
        m_question = verdict.question;
        m_pendingErrors = errors;
        note(QStringLiteral("asking whether to trust the certificate: %1")
                 .arg(m_question.reasons.join(QStringLiteral(", "))));
        Q_EMIT trustQuestion(m_question);
        return;
    }
}

void Connection::answerTrustQuestion(quint64 id, TrustAnswer answer)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_finished || id == 0 || id != m_question.id) {
        return; // a stale answer for a connection that has moved on
    }
    const TrustQuestion question = m_question;
    m_question = {};
    switch (answer) {
    case TrustAnswer::TrustPermanently: {
        const SpkiPin pin = SpkiPin::parse(question.pin);
        if (!pin.isValid()) {
            fail(NetError::Kind::Untrusted,
                QStringLiteral("the certificate of %1 has no readable public key to trust").arg(endpoint()));
            return;
        }
        if (m_settings.trust) {
            m_settings.trust->addPin(m_settings.host, m_settings.port, pin);
        }
        [[fallthrough]];
    }
    case TrustAnswer::TrustOnce:
        note(QStringLiteral("certificate trusted by the person (%1)")
                 .arg(answer == TrustAnswer::TrustOnce ? QStringLiteral("once") : QStringLiteral("key pinned")));
        m_socket->ignoreSslErrors(m_pendingErrors);
        m_connectTimer->start(m_settings.connectTimeout);
        m_socket->resume();
        return;
    case TrustAnswer::Cancel:
        fail(NetError::Kind::Untrusted, untrustedMessage(question));
        return;
    }
}

void Connection::onEncrypted()
{
    if (m_finished) {
        return;
    }
    // A chain that verified still has to match the pins, if the person pinned a key.
    const QList<SpkiPin> pins
        = m_settings.trust ? m_settings.trust->pinsFor(m_settings.host, m_settings.port) : QList<SpkiPin> {};
    const TrustVerdict verdict
        = evaluateTrust(m_settings.host, m_settings.port, m_socket->peerCertificateChain(), {}, pins);
    if (verdict.outcome == TrustVerdict::Outcome::PinMismatch) {
        fail(NetError::Kind::PinMismatch, verdict.pinMismatchMessage);
        return;
    }
    note(QStringLiteral("TLS established: %1, %2")
             .arg(m_socket->sessionCipher().protocolString(), m_socket->sessionCipher().name()));
    if (m_state == State::Upgrading) {
        m_connectTimer->stop();
        m_state = State::Ready;
        restartIdleTimer();
        Q_EMIT tlsEstablished();
    } else {
        becomeReady();
    }
}

void Connection::onSocketError()
{
    if (m_finished) {
        return;
    }
    const auto error = m_socket->error();
    const bool handshaking = m_state == State::Upgrading || (m_state == State::Connecting && m_tcpConnected);
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        fail(NetError::Kind::Network, QStringLiteral("%1 refused the connection").arg(endpoint()));
        return;
    case QAbstractSocket::HostNotFoundError:
        fail(NetError::Kind::Network, QStringLiteral("host %1 not found").arg(m_settings.host));
        return;
    case QAbstractSocket::RemoteHostClosedError:
        fail(handshaking ? NetError::Kind::Tls : NetError::Kind::Network,
            handshaking ? QStringLiteral("%1 closed the connection during the TLS handshake").arg(endpoint())
                        : QStringLiteral("%1 closed the connection").arg(endpoint()));
        return;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        fail(NetError::Kind::Tls,
            QStringLiteral("TLS handshake with %1 failed: %2").arg(endpoint(), m_socket->errorString()));
        return;
    default:
        fail(NetError::Kind::Network,
            QStringLiteral("connection to %1 failed: %2").arg(endpoint(), m_socket->errorString()));
        return;
    }
}

void Connection::onConnectTimeout()
{
    if (m_state == State::Connecting && !m_tcpConnected) {
        fail(NetError::Kind::Timeout,
            QStringLiteral("could not connect to %1 within %2").arg(endpoint(), seconds(m_settings.connectTimeout)));
    } else {
        fail(NetError::Kind::Timeout,
            QStringLiteral("the TLS handshake with %1 did not complete within %2")
                .arg(endpoint(), seconds(m_settings.connectTimeout)));
    }
}

void Connection::onReadyRead()
{
    if (m_finished) {
        return;
    }
    if (m_responsePending) {
        m_responseTimer->start(m_settings.responseTimeout);
    }
    restartIdleTimer();
    if (m_state == State::Ready) {
        Q_EMIT readyRead();
    }
}

Connection::LineStatus Connection::readLine(QByteArray *line)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_state != State::Ready) {
        return LineStatus::NeedMore;
    }
    if (!m_socket->canReadLine()) {
        if (m_socket->bytesAvailable() >= m_settings.maxLineLength) {
            fail(NetError::Kind::Protocol,
                QStringLiteral("%1 sent a line longer than %2 bytes").arg(endpoint()).arg(m_settings.maxLineLength));
            return LineStatus::TooLong;
        }
        return LineStatus::NeedMore;
    }
    // readLine(n) reads at most n - 1 bytes: room for the longest line plus CRLF.
    *line = m_socket->readLine(m_settings.maxLineLength + 3);
    if (!line->endsWith('\n')) {
        fail(NetError::Kind::Protocol,
            QStringLiteral("%1 sent a line longer than %2 bytes").arg(endpoint()).arg(m_settings.maxLineLength));
        line->clear();
        return LineStatus::TooLong;
    }
    line->chop(1);
    if (line->endsWith('\r')) {
        line->chop(1);
    }
    if (m_settings.log) {
        m_settings.log->serverLine(*line);
    }
    return LineStatus::Line;
}

qint64 Connection::bytesAvailable() const
{
    return m_state == State::Ready ? m_socket->bytesAvailable() : 0;
}

QByteArray Connection::read(qint64 maxBytes)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_state != State::Ready) {
        return {};
    }
    return m_socket->read(maxBytes);
}

bool Connection::mayWrite(Secrecy secrecy)
{
    if (m_state != State::Ready) {
        return false;
    }
    if (secrecy == Secrecy::Secret && m_settings.policy != TlsPolicy::Plain && !m_socket->isEncrypted()) {
        fail(NetError::Kind::Tls, QStringLiteral("refusing to send credentials to %1 without TLS").arg(endpoint()));
        return false;
    }
    return true;
}

bool Connection::sendLine(const QByteArray &line, Secrecy secrecy)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!mayWrite(secrecy)) {
        return false;
    }
    // A CR, LF or NUL inside a line would end it early and smuggle a second command
    // (a file named "a\r\nDELE x"): such a line is never sent.
    if (line.contains('\r') || line.contains('\n') || line.contains('\0')) {
        fail(NetError::Kind::Protocol,
            QStringLiteral("refusing to send a command that contains a line break or NUL "
                           "(a name with control characters?)"));
        return false;
    }
    if (m_settings.log) {
        m_settings.log->clientLine(line, secrecy);
    }
    m_socket->write(line + "\r\n");
    restartIdleTimer();
    return true;
}

bool Connection::sendRaw(const QByteArray &bytes, Secrecy secrecy)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!mayWrite(secrecy)) {
        return false;
    }
    if (m_settings.log) {
        m_settings.log->note(secrecy == Secrecy::Secret ? QStringLiteral("C: <redacted %1 bytes>").arg(bytes.size())
                                                        : QStringLiteral("C: <%1 bytes>").arg(bytes.size()));
    }
    m_socket->write(bytes);
    restartIdleTimer();
    return true;
}

void Connection::setResponsePending(bool pending)
{
    m_responsePending = pending;
    if (pending) {
        m_idleTimer->stop();
        m_responseTimer->start(m_settings.responseTimeout);
    } else {
        m_responseTimer->stop();
        restartIdleTimer();
    }
}

void Connection::restartIdleTimer()
{
    if (m_state == State::Ready && !m_responsePending && m_settings.idleTimeout.count() > 0) {
        m_idleTimer->start(m_settings.idleTimeout);
    }
}

bool Connection::isEncrypted() const
{
    return m_socket->isEncrypted();
}

void Connection::close()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_finished) {
        return;
    }
    const bool wasReady = m_state == State::Ready;
    enterClosed();
    note(QStringLiteral("closing"));
    if (wasReady) {
        m_socket->disconnectFromHost(); // writes what is queued, then closes
    } else {
        // Connecting or mid-handshake: a deferred close would let the connect go on.
        m_socket->abort();
    }
    emitLater([this] { Q_EMIT closed(); });
}

void Connection::abort()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_finished) {
        return;
    }
    enterClosed();
    note(QStringLiteral("aborted"));
    m_socket->abort();
    emitLater([this] { Q_EMIT closed(); });
}

void Connection::fail(NetError::Kind kind, const QString &message)
{
    if (m_finished) {
        return;
    }
    enterClosed();
    note(QStringLiteral("failed: %1").arg(message));
    m_socket->abort();
    emitLater([this, error = NetError { kind, message }] { Q_EMIT failed(error); });
}

void Connection::enterClosed()
{
    m_finished = true;
    m_state = State::Closed;
    m_connectTimer->stop();
    m_responseTimer->stop();
    m_idleTimer->stop();
}

void Connection::emitLater(std::function<void()> emitter)
{
    // Terminal signals go out from the event loop, never from inside a call the owner
    // made (sendLine, readLine, startTls) or a signal the socket is still emitting: an
    // owner that deletes us in its slot must not pull the socket out from under Qt.
    QMetaObject::invokeMethod(this, std::move(emitter), Qt::QueuedConnection);
}

void Connection::note(const QString &text)
{
    if (m_settings.log) {
        m_settings.log->note(text);
    }
}

} // namespace Satchel::Net
