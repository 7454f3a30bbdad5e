#include "protocols/ftp/FtpDataChannel.h"

#include "protocols/ftp/FtpDataStream.h"
#include "protocols/ftp/FtpSession.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <unistd.h>

namespace Satchel::Ftp {

namespace {
constexpr qint64 kChunk = 256 * 1024; // what an upload reads from its file at once
constexpr qint64 kBuffer = 1024 * 1024; // what a download hands its sink at once
// How much one turn of the event loop moves before it lets other work run (the
// control connection, other transfers on this thread, a cancel).
constexpr qint64 kTurnBudget = 16 * 1024 * 1024;
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
    static const QRegularExpression re(
        QStringLiteral("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})"));
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
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_wasConnected
                ? m_session->options().connection.responseTimeout
                : m_session->options().connection.connectTimeout);
        fail(OperationError::Kind::Network,
            m_wasConnected
                ? QStringLiteral("the data connection stalled: nothing moved for %1 s").arg(seconds.count())
                : QStringLiteral("the data connection could not be established within %1 s").arg(seconds.count()));
    });
}

FtpDataChannel::~FtpDataChannel() = default;

namespace {

// A listener for the one incoming data connection of active mode. It hands over the
// descriptor so the connection can become a data stream (the client is the TLS client
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
    m_session->commandFor(owner(), "EPSV", [this](const FtpReply &epsv) {
        const quint16 port = epsv.code == 229 ? epsvPort(epsv.text()) : 0;
        if (port) {
            connectTo(port);
            return;
        }
        m_session->commandFor(owner(), "PASV", [this](const FtpReply &pasv) {
            const quint16 fallback = pasv.code == 227 ? pasvPort(pasv.text()) : 0;
            if (!fallback) {
                fail(pasv.isPositive() ? OperationError::Kind::Protocol : OperationError::Kind::Refused,
                    QStringLiteral("the server offers no passive data connection: %1 %2")
                        .arg(pasv.code)
                        .arg(pasv.text()));
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
        fail(OperationError::Kind::LocalIo,
            QStringLiteral("cannot listen for the data connection: %1").arg(m_listener->errorString()));
        return;
    }
    listener->onIncoming = [this](qintptr descriptor) {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        m_listener->close(); // one connection per transfer
        // Only the server we talk to may connect: anyone else could feed us a file.
        if (!socket->peerAddress().isEqual(m_session->peerAddress(), QHostAddress::TolerantConversion)) {
            const QString intruder = socket->peerAddress().toString();
            socket->abort();
            fail(OperationError::Kind::Protocol,
                QStringLiteral("the data connection came from %1, not from the server %2")
                    .arg(intruder, m_session->peerAddress().toString()));
            return;
        }
        m_socket = socket;
        onSocketUp();
    };
    m_watchdog->start(m_session->options().connection.connectTimeout);
    const quint16 port = m_listener->serverPort();
    const bool v6 = local.protocol() == QAbstractSocket::IPv6Protocol;
    // RFC 2428 §2: EPRT |1|addr|port| (|2| for IPv6); RFC 959 §4.1.2 PORT h1,..,p2 else.
    const QByteArray eprt = "EPRT |" + QByteArray(v6 ? "2" : "1") + '|' + local.toString().toLatin1() + '|'
        + QByteArray::number(port) + '|';
    m_session->commandFor(owner(), eprt, [this, local, port, v6](const FtpReply &reply) {
        if (reply.isPositive()) {
            Q_EMIT connected(); // the transfer command goes now; the server connects after it
            return;
        }
        if (v6) {
            fail(OperationError::Kind::Refused,
                QStringLiteral("the server refused EPRT: %1 %2").arg(reply.code).arg(reply.text()));
            return;
        }
        QByteArray portLine = "PORT " + local.toString().toLatin1().replace('.', ',') + ','
            + QByteArray::number(port / 256) + ',' + QByteArray::number(port % 256);
        m_session->commandFor(owner(), portLine, [this](const FtpReply &portReply) {
            if (!portReply.isPositive()) {
                fail(OperationError::Kind::Refused,
                    QStringLiteral("the server refused active mode (PORT): %1 %2")
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
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, &FtpDataChannel::onConnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        fail(OperationError::Kind::Network, QStringLiteral("data connection: %1").arg(m_socket->errorString()));
    });
    // RFC 2577 §3: never the address from the reply, always the control connection's peer.
    m_watchdog->start(m_session->options().connection.connectTimeout);
    m_socket->connectToHost(m_session->peerAddress(), port);
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
    // Qt's socket only connected (or accepted); from here the descriptor is the data
    // stream's. Nothing was read yet: Qt reads only when its own notifier fires, and
    // this runs in the same turn as the connection came up.
    const int descriptor = static_cast<int>(m_socket->socketDescriptor());
    const int owned = descriptor >= 0 && m_socket->bytesAvailable() == 0 ? ::dup(descriptor) : -1;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
    if (owned < 0) {
        fail(OperationError::Kind::Network, QStringLiteral("the data connection could not be taken over"));
        return;
    }
    m_stream = new FtpDataStream(owned, this);
    connect(m_stream, &FtpDataStream::readable, this, &FtpDataChannel::drain);
    connect(m_stream, &FtpDataStream::writable, this, &FtpDataChannel::pumpUpload);
    connect(m_stream, &FtpDataStream::halfClosed, this, &FtpDataChannel::finishEof);
    connect(m_stream, &FtpDataStream::failed, this, [this] {
        fail(m_stream->tlsFailure() ? OperationError::Kind::Tls : OperationError::Kind::Network,
            m_stream->errorString());
    });
    m_wasConnected = true;
    m_watchdog->start(m_session->options().connection.responseTimeout);
    if (!m_session->dataProtected()) {
        becomeReady();
        return;
    }
    connect(m_stream, &FtpDataStream::encrypted, this, &FtpDataChannel::onEncrypted);
    // The transfer command must reach the server before our ClientHello: pyftpdlib
    // resets a data connection whose handshake begins before it (its issue #604).
    // Qt sends the command from its own buffer later in this turn; push it out now.
    m_session->connection()->socket()->flush();
    // The control connection's configuration carries its newest session ticket (with
    // TLS 1.3 one that arrived after its handshake), re-read for every transfer.
    m_stream->startTls(m_session->dataTlsConfiguration().sessionTicket(), m_session->options().connection.host);
}

void FtpDataChannel::onEncrypted()
{
    // A resumed session is not verified again, and a full handshake here loads no CA
    // store: the one acceptable certificate is the control connection's (verified or
    // pinned by the person). The handshake proved the server holds its key.
    if (m_stream->peerCertificateDer() != m_session->controlPeerCertificate().toDer()) {
        fail(OperationError::Kind::Tls,
            QStringLiteral("TLS: the data connection presented a different certificate than the control connection"));
        return;
    }
    becomeReady();
}

void FtpDataChannel::becomeReady()
{
    m_readyReached = true;
    Q_EMIT ready();
    if (!m_failed && !m_uploading) {
        drain(); // a download: start reading (the stream signals when there is more)
    }
}

void FtpDataChannel::drain()
{
    if (!m_stream || m_failed || m_eof || m_uploading || !m_readyReached) {
        return;
    }
    // One buffer for the whole transfer: a fresh allocation per chunk of this size is
    // an mmap, page faults and an munmap each time, which costs more than the copy.
    if (m_buffer.size() < kBuffer) {
        m_buffer.resize(kBuffer);
    }
    qint64 moved = 0;
    FtpDataStream::Io io = FtpDataStream::Io::Moved;
    while (io == FtpDataStream::Io::Moved && moved < kTurnBudget) {
        qint64 filled = 0;
        while (filled < m_buffer.size()) {
            const qint64 got = m_stream->read(m_buffer.data() + filled, m_buffer.size() - filled, &io);
            if (io != FtpDataStream::Io::Moved) {
                break;
            }
            filled += got;
        }
        if (filled > 0) {
            QString error;
            if (m_sink && !m_sink(m_buffer.constData(), filled, &error)) {
                fail(OperationError::Kind::LocalIo, error);
                return;
            }
            m_bytes += filled;
            moved += filled;
        }
    }
    if (moved > 0) {
        m_watchdog->start(m_session->options().connection.responseTimeout);
        Q_EMIT progressed(m_bytes);
        if (!m_stream || m_failed) {
            return; // a slot stopped the transfer
        }
    }
    switch (io) {
    case FtpDataStream::Io::Moved:
        // The turn's budget is spent; continue after the event loop had its turn.
        QMetaObject::invokeMethod(this, &FtpDataChannel::drain, Qt::QueuedConnection);
        break;
    case FtpDataStream::Io::WouldBlock:
        // SSL_read says "want read" only when no whole record waits in its buffer: the
        // stream signals readable() when more arrives.
        break;
    case FtpDataStream::Io::Ended:
        // The end of a download. With TLS, vsftpd sends close_notify and waits for ours
        // before it answers 226.
        m_stream->close();
        finishEof();
        break;
    case FtpDataStream::Io::Failed:
        fail(m_stream->tlsFailure() ? OperationError::Kind::Tls : OperationError::Kind::Network,
            QStringLiteral("data connection: %1").arg(m_stream->errorString()));
        break;
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
    if (!m_uploading || m_failed || m_closing || !m_stream || !m_readyReached || !source) {
        return;
    }
    if (m_buffer.size() < kChunk) {
        m_buffer.resize(kChunk);
    }
    qint64 moved = 0;
    FtpDataStream::Io io = FtpDataStream::Io::Moved;
    while (moved < kTurnBudget) {
        if (m_pendingOffset == m_pendingSize) {
            if (m_uploadDone) {
                break;
            }
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
            m_pendingOffset = 0;
            m_pendingSize = got;
        }
        const qint64 sent
            = m_stream->write(m_buffer.constData() + m_pendingOffset, m_pendingSize - m_pendingOffset, &io);
        if (io != FtpDataStream::Io::Moved) {
            break;
        }
        m_pendingOffset += sent;
        m_bytes += sent;
        moved += sent;
    }
    if (moved > 0) {
        m_watchdog->start(m_session->options().connection.responseTimeout);
        Q_EMIT progressed(m_bytes);
        if (!m_stream || m_failed) {
            return; // a slot stopped the transfer
        }
    }
    if (io == FtpDataStream::Io::Failed) {
        fail(m_stream->tlsFailure() ? OperationError::Kind::Tls : OperationError::Kind::Network,
            QStringLiteral("data connection: %1").arg(m_stream->errorString()));
        return;
    }
    if (io == FtpDataStream::Io::WouldBlock) {
        return; // the stream signals writable()
    }
    // The turn ends here: what TLS buffered goes out now, not at the next write.
    io = m_stream->flush();
    if (io == FtpDataStream::Io::Failed) {
        fail(OperationError::Kind::Network, QStringLiteral("data connection: %1").arg(m_stream->errorString()));
        return;
    }
    if (io == FtpDataStream::Io::WouldBlock) {
        return;
    }
    if (!m_uploadDone || m_pendingOffset != m_pendingSize) {
        QMetaObject::invokeMethod(this, &FtpDataChannel::pumpUpload, Qt::QueuedConnection);
        return;
    }
    // The end of the file is the end of the connection (RFC 959 §3.3, stream mode):
    // every byte is with the kernel now; close_notify and FIN follow them.
    m_closing = true;
    m_stream->finishSending();
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
    m_eof = true;
    m_watchdog->stop();
    Q_EMIT eof();
}

void FtpDataChannel::abort()
{
    m_failed = true;
    m_watchdog->stop();
    dropConnection();
}

void FtpDataChannel::dropConnection()
{
    if (m_socket) {
        m_socket->abort();
    }
    if (m_stream) {
        m_stream->disconnect(this);
        m_stoppedCleanly = m_stream->reset();
        m_stream->deleteLater(); // may be inside one of its signals
        m_stream = nullptr;
    }
}

void FtpDataChannel::fail(OperationError::Kind kind, const QString &message)
{
    if (m_failed || m_eof) {
        return;
    }
    m_failed = true;
    m_watchdog->stop();
    dropConnection();
    Q_EMIT failed({ kind, message });
}

} // namespace Satchel::Ftp
