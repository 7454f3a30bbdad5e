#include "protocols/ftp/FtpDataChannel.h"

#include "protocols/ftp/FtpSession.h"

#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <sys/socket.h>

namespace Satchel::Ftp {

namespace {
constexpr qint64 kChunk = 256 * 1024;        // upload writes and the least we read at once
constexpr qint64 kReadBuffer = 1024 * 1024;  // bounded: backpressure on a fast server
} // namespace

quint16 epsvPort(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\((.)\\1\\1(\\d{1,5})\\1\\)"));
    const auto m = re.match(text);
    const int port = m.hasMatch() ? m.captured(2).toInt() : 0;
    return port > 0 && port < 65536 ? static_cast<quint16>(port) : 0;
}

quint16 pasvPort(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})"));
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return 0;
    }
    const int hi = m.captured(5).toInt();
    const int lo = m.captured(6).toInt();
    const int port = hi * 256 + lo;
    return hi < 256 && lo < 256 && port > 0 ? static_cast<quint16>(port) : 0;
}

FtpDataChannel::FtpDataChannel(FtpSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_watchdog(new QTimer(this))
{
    // Neither connecting nor a transfer may hang: no progress for the session's
    // timeout ends the data connection with the reason in words.
    m_watchdog->setSingleShot(true);
    connect(m_watchdog, &QTimer::timeout, this, [this] {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
            m_wasConnected ? m_session->options().connection.responseTimeout : m_session->options().connection.connectTimeout);
        fail(OperationError::Kind::Network,
             m_wasConnected ? QStringLiteral("the data connection stalled: nothing moved for %1 s").arg(seconds.count())
                            : QStringLiteral("the data connection could not be established within %1 s").arg(seconds.count()));
    });
}

FtpDataChannel::~FtpDataChannel() = default;

namespace {

// A listener for the one incoming data connection of active mode. It hands over the
// descriptor so the connection can become a QSslSocket (the client is the TLS client
// even when the server connected, RFC 4217 §7).
class ActiveListener : public QTcpServer
{
public:
    std::function<void(qintptr)> onIncoming;

protected:
    void incomingConnection(qintptr descriptor) override { onIncoming(descriptor); }
};

} // namespace

void FtpDataChannel::open()
{
    if (m_session->options().activeMode) {
        openActive();
        return;
    }
    m_session->command("EPSV", [this](const FtpReply &epsv) {
        const quint16 port = epsv.code == 229 ? epsvPort(epsv.text()) : 0;
        if (port) {
            connectTo(port);
            return;
        }
        m_session->command("PASV", [this](const FtpReply &pasv) {
            const quint16 fallback = pasv.code == 227 ? pasvPort(pasv.text()) : 0;
            if (!fallback) {
                fail(pasv.isPositive() ? OperationError::Kind::Protocol : OperationError::Kind::Refused,
                     QStringLiteral("the server offers no passive data connection: %1 %2").arg(pasv.code).arg(pasv.text()));
                return;
            }
            connectTo(fallback);
        });
    });
}

void FtpDataChannel::openActive()
{
    auto *listener = new ActiveListener;
    listener->setParent(this);
    m_listener = listener;
    const QHostAddress local = m_session->connection()->socket()->localAddress();
    if (!m_listener->listen(local, 0)) {
        fail(OperationError::Kind::LocalIo, QStringLiteral("cannot listen for the data connection: %1").arg(m_listener->errorString()));
        return;
    }
    listener->onIncoming = [this](qintptr descriptor) {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        m_listener->close(); // one connection per transfer
        // Only the server we talk to may connect: anyone else could feed us a file.
        if (!socket->peerAddress().isEqual(m_session->peerAddress(), QHostAddress::TolerantConversion)) {
            const QString intruder = socket->peerAddress().toString();
            socket->abort();
            fail(OperationError::Kind::Protocol, QStringLiteral("the data connection came from %1, not from the server %2")
                                                     .arg(intruder, m_session->peerAddress().toString()));
            return;
        }
        m_socket = socket;
        setUpSocket();
        onSocketUp();
    };
    m_watchdog->start(m_session->options().connection.connectTimeout);
    const quint16 port = m_listener->serverPort();
    const bool v6 = local.protocol() == QAbstractSocket::IPv6Protocol;
    // RFC 2428 §2: EPRT |1|addr|port| (|2| for IPv6); RFC 959 §4.1.2 PORT h1,..,p2 else.
    const QByteArray eprt = "EPRT |" + QByteArray(v6 ? "2" : "1") + '|' + local.toString().toLatin1() + '|'
        + QByteArray::number(port) + '|';
    m_session->command(eprt, [this, local, port, v6](const FtpReply &reply) {
        if (reply.isPositive()) {
            Q_EMIT connected(); // the transfer command goes now; the server connects after it
            return;
        }
        if (v6) {
            fail(OperationError::Kind::Refused, QStringLiteral("the server refused EPRT: %1 %2").arg(reply.code).arg(reply.text()));
            return;
        }
        QByteArray portLine = "PORT " + local.toString().toLatin1().replace('.', ',') + ',' + QByteArray::number(port / 256) + ','
            + QByteArray::number(port % 256);
        m_session->command(portLine, [this](const FtpReply &portReply) {
            if (!portReply.isPositive()) {
                fail(OperationError::Kind::Refused, QStringLiteral("the server refused active mode (PORT): %1 %2")
                                                        .arg(portReply.code)
                                                        .arg(portReply.text()));
                return;
            }
            Q_EMIT connected();
        });
    });
}

void FtpDataChannel::connectTo(quint16 port)
{
    m_socket = new QSslSocket(this);
    setUpSocket();
    // RFC 2577 §3: never the address from the reply, always the control connection's peer.
    m_watchdog->start(m_session->options().connection.connectTimeout);
    m_socket->connectToHost(m_session->peerAddress(), port);
}

void FtpDataChannel::setUpSocket()
{
    m_socket->setReadBufferSize(kReadBuffer);
    connect(m_socket, &QSslSocket::connected, this, &FtpDataChannel::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &FtpDataChannel::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &FtpDataChannel::drain);
    connect(m_socket, &QSslSocket::bytesWritten, this, &FtpDataChannel::pumpUpload);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &FtpDataChannel::pumpUpload);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Only the certificate already accepted on the control connection is acceptable
        // here (the person may have pinned it); any other is an error.
        if (m_socket->peerCertificate() == m_session->controlPeerCertificate()) {
            m_socket->ignoreSslErrors(errors);
        }
    });
    connect(m_socket, &QSslSocket::disconnected, this, &FtpDataChannel::finishEof);
    // Queued: the signal comes from inside Qt's SSL_read, where closing would pull
    // the TLS state out from under it.
    connect(
        m_socket, &QSslSocket::newSessionTicketReceived, this,
        [this] {
            m_ticketSeen = true;
            pumpUpload();
        },
        Qt::QueuedConnection);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (!m_wasConnected) {
            // Closed or reset before it was ever up: no transfer can have happened.
            fail(OperationError::Kind::Network, QStringLiteral("data connection: %1").arg(m_socket->errorString()));
            return;
        }
        if (error == QAbstractSocket::RemoteHostClosedError) {
            // The end of a download; with TLS, vsftpd sends close_notify and waits for
            // us to close before it answers 226.
            drain();
            m_socket->close();
            finishEof();
            return;
        }
        fail(error == QAbstractSocket::SslHandshakeFailedError ? OperationError::Kind::Tls : OperationError::Kind::Network,
             QStringLiteral("data connection: %1").arg(m_socket->errorString()));
    });
}

void FtpDataChannel::onConnected()
{
    Q_EMIT connected();
    if (!m_failed) {
        onSocketUp();
    }
}

void FtpDataChannel::onSocketUp()
{
    m_wasConnected = true;
    m_watchdog->start(m_session->options().connection.responseTimeout);
    if (!m_session->dataProtected()) {
        m_readyReached = true;
        Q_EMIT ready();
        return;
    }
    // The control connection's configuration carries its newest session ticket. The
    // data connection's identity is checked against the control connection's (already
    // verified, maybe pinned) certificate in onEncrypted, so no CA store is loaded here:
    // building one with hundreds of CAs for every transfer costs milliseconds each.
    QSslConfiguration config = m_session->dataTlsConfiguration();
    config.setCaCertificates({});
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_socket->setSslConfiguration(config);
    m_socket->setPeerVerifyName(m_session->options().connection.host);
    m_socket->startClientEncryption();
}

void FtpDataChannel::onEncrypted()
{
    if (m_socket->peerCertificate() != m_session->controlPeerCertificate()) {
        fail(OperationError::Kind::Tls,
             QStringLiteral("TLS: the data connection presented a different certificate than the control connection"));
        return;
    }
    m_readyReached = true;
    Q_EMIT ready();
}

void FtpDataChannel::drain()
{
    if (!m_socket || m_failed) {
        return;
    }
    // One buffer for the whole transfer: a fresh allocation per chunk of this size is
    // an mmap, page faults and an munmap each time, which costs more than the copy.
    if (m_buffer.size() < kReadBuffer) {
        m_buffer.resize(kReadBuffer);
    }
    while (m_socket->bytesAvailable() > 0) {
        const qint64 got = m_socket->read(m_buffer.data(), m_buffer.size());
        if (got <= 0) {
            break;
        }
        QString error;
        if (m_sink && !m_sink(m_buffer.constData(), got, &error)) {
            fail(OperationError::Kind::LocalIo, error);
            return;
        }
        m_bytes += got;
        m_watchdog->start(m_session->options().connection.responseTimeout);
        Q_EMIT progressed(m_bytes);
    }
}

void FtpDataChannel::upload(QIODevice *source)
{
    m_source = source;
    m_uploading = true;
    pumpUpload();
}

void FtpDataChannel::pumpUpload()
{
    QIODevice *source = m_source.data();
    if (!m_uploading || m_failed || !m_socket || !source) {
        return;
    }
    // Keep about two chunks queued: enough to never starve the socket, bounded memory.
    if (m_buffer.size() < kChunk) {
        m_buffer.resize(kChunk);
    }
    while (!m_uploadDone && m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() < 2 * kChunk) {
        const qint64 got = source->read(m_buffer.data(), kChunk);
        if (got <= 0) {
            if (!source->atEnd()) {
                fail(OperationError::Kind::LocalIo,
                     QStringLiteral("cannot read the file to upload: %1").arg(source->errorString()));
                return;
            }
            m_uploadDone = true;
            break;
        }
        m_socket->write(m_buffer.constData(), got);
        m_bytes += got;
        m_watchdog->start(m_session->options().connection.responseTimeout);
        Q_EMIT progressed(m_bytes);
    }
    // The end of the file is the end of the connection (RFC 959 §3.3, stream mode):
    // close only once every byte has left, so the server never sees a short file.
    if (m_uploadDone && !m_closing && m_socket->bytesToWrite() == 0 && m_socket->encryptedBytesToWrite() == 0) {
        // TLS 1.3 servers send session tickets after the handshake; closing before
        // they arrive resets the connection under the server (see discardUnreadInput).
        // Wait for one, briefly, before ending the upload.
        if (m_socket->isEncrypted() && m_socket->sessionProtocol() == QSsl::TlsV1_3 && !m_ticketSeen) {
            if (!m_waitingForTicket) {
                m_waitingForTicket = true;
                QTimer::singleShot(2000, this, [this] {
                    m_ticketSeen = true;
                    pumpUpload();
                });
            }
            return;
        }
        m_closing = true;
        discardUnreadInput();
        m_socket->disconnectFromHost(); // close_notify, then the end of the connection
    }
}

void FtpDataChannel::discardUnreadInput()
{
    // close(2) on a socket with unread input sends a reset instead of a clean end, and
    // the server may then lose the last bytes of the upload ("426 Failure reading
    // network stream" from vsftpd). What the server sent on an upload's data
    // connection (TLS 1.3 session tickets after the handshake) is of no use now.
    const int fd = static_cast<int>(m_socket->socketDescriptor());
    if (fd < 0) {
        return;
    }
    char scratch[16 * 1024];
    while (::recv(fd, scratch, sizeof scratch, MSG_DONTWAIT) > 0) {
    }
}

void FtpDataChannel::finishEof()
{
    if (m_eof || m_failed) {
        return;
    }
    if (!m_wasConnected || !m_readyReached) {
        fail(OperationError::Kind::Network, QStringLiteral("the data connection closed before it was established"));
        return;
    }
    if (m_uploading && !m_uploadDone) {
        fail(OperationError::Kind::Network,
             QStringLiteral("the server closed the data connection before the upload was complete"));
        return;
    }
    drain();
    m_eof = true;
    m_watchdog->stop();
    Q_EMIT eof();
}

void FtpDataChannel::abort()
{
    m_failed = true;
    m_watchdog->stop();
    if (m_socket) {
        m_socket->abort();
    }
}

void FtpDataChannel::fail(OperationError::Kind kind, const QString &message)
{
    if (m_failed || m_eof) {
        return;
    }
    m_failed = true;
    m_watchdog->stop();
    if (m_socket) {
        m_socket->abort();
    }
    Q_EMIT failed({kind, message});
}

} // namespace Satchel::Ftp
