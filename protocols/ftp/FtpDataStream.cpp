#include "protocols/ftp/FtpDataStream.h"

#include <QHostAddress>
#include <QSocketNotifier>
#include <QStringList>
#include <QUrl>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <iterator>
#include <openssl/err.h>
#include <openssl/obj_mac.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace Satchel::Ftp {

namespace {

// One client context for every data connection of the process. It is never freed:
// OpenSSL cleans itself up at exit, and freeing a context after that would crash.
SSL_CTX *dataContext()
{
    static SSL_CTX *const context = [] {
        SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
        if (!ctx) {
            return ctx;
        }
        SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
        // Identity is checked against the control connection's certificate by the
        // caller; see FtpDataStream::startTls.
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
        SSL_CTX_set_mode(
            ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
        // A peer that drops TCP without close_notify has not truncated a file: the
        // server's final reply (226 or an error) says whether the transfer is whole.
        SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF | SSL_OP_NO_RENEGOTIATION);
        // Read whole records and more per read(2): far fewer system calls per GiB.
        SSL_CTX_set_read_ahead(ctx, 1);
        SSL_CTX_set_default_read_buffer_len(ctx, 64 * 1024);
        return ctx;
    }();
    return context;
}

// The control connection's session as OpenSSL reads it. Parsing one (its certificate
// and key through OpenSSL 3's decoders) cost more CPU than the resumed handshake
// itself, and a site's connections on one thread keep resuming the same ticket, so the
// last one parsed is kept.
struct ParsedSession {
    QByteArray der;
    SSL_SESSION *session = nullptr;
    ~ParsedSession()
    {
        if (session) {
            SSL_SESSION_free(session);
        }
    }
};

SSL_SESSION *parsedSession(const QByteArray &der)
{
    thread_local ParsedSession last;
    if (der != last.der || !last.session) {
        if (last.session) {
            SSL_SESSION_free(last.session);
        }
        const auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
        last.session = d2i_SSL_SESSION(nullptr, &bytes, der.size());
        last.der = last.session ? der : QByteArray();
        ERR_clear_error(); // a session that does not parse just means a full handshake
    }
    return last.session;
}

// The key exchange group the server chose last time (a NID), tried first from then on:
// TLS 1.3 sends one key share, and a server that wants another (vsftpd: P-256, while
// OpenSSL leads with X25519) costs a HelloRetryRequest and a second key per transfer.
thread_local int t_serverGroup = 0;

void preferGroup(SSL *ssl, int group)
{
    int groups[] = { group, NID_X25519, NID_X9_62_prime256v1, NID_X448, NID_secp521r1, NID_secp384r1 };
    int count = 1;
    for (int i = 1; i < int(std::size(groups)); ++i) {
        if (groups[i] != group) {
            groups[count++] = groups[i];
        }
    }
    // SSL_set1_groups without its C cast.
    SSL_ctrl(ssl, SSL_CTRL_SET_GROUPS, count, groups);
    ERR_clear_error();
}

constexpr long kWriteBuffer = 256 * 1024;
// How long a stop may take to finish a half-sent record and send close_notify.
constexpr std::chrono::milliseconds kStopWait { 500 };

QString openSslErrors()
{
    QStringList parts;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        parts << QString::fromLatin1(text);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

FtpDataStream::FtpDataStream(int descriptor, QObject *parent)
    : QObject(parent)
    , m_fd(descriptor)
    , m_readNotifier(new QSocketNotifier(descriptor, QSocketNotifier::Read, this))
    , m_writeNotifier(new QSocketNotifier(descriptor, QSocketNotifier::Write, this))
{
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &FtpDataStream::onReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &FtpDataStream::onWritable);
}

FtpDataStream::~FtpDataStream()
{
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    if (m_ssl) {
        SSL_free(m_ssl);
    }
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

void FtpDataStream::startTls(const QByteArray &session, const QString &serverName)
{
    SSL_CTX *ctx = dataContext();
    m_ssl = ctx ? SSL_new(ctx) : nullptr;
    if (!m_ssl || SSL_set_fd(m_ssl, m_fd) != 1) {
        m_tlsFailure = true;
        m_error = QStringLiteral("TLS: cannot set up the data connection: %1").arg(openSslErrors());
        Q_EMIT failed();
        return;
    }
    // Records go out through a 256 KiB buffer rather than one write(2) per 16 KiB
    // record: an upload then costs a sixteenth of the system calls and TCP pushes.
    // Whatever is left in it goes with flush(), and with every handshake flight and
    // alert (OpenSSL flushes those itself).
    BIO *socketBio = SSL_get_wbio(m_ssl);
    if (BIO *buffered = BIO_new(BIO_f_buffer()); buffered && BIO_up_ref(socketBio) == 1) {
        BIO_int_ctrl(buffered, BIO_C_SET_BUFF_SIZE, kWriteBuffer, 1);
        BIO_push(buffered, socketBio);
        SSL_set0_wbio(m_ssl, buffered); // drops the reference SSL_set_fd gave the write side
    }
    if (!session.isEmpty()) {
        if (SSL_SESSION *resumable = parsedSession(session)) {
            SSL_set_session(m_ssl, resumable); // takes its own reference
        }
    }
    if (t_serverGroup != 0) {
        preferGroup(m_ssl, t_serverGroup);
    }
    // Server Name Indication as on the control connection: names only, never addresses
    // (RFC 6066 §3).
    if (!serverName.isEmpty() && QHostAddress(serverName).isNull()) {
        // SSL_set_tlsext_host_name without its C cast; OpenSSL copies the name.
        QByteArray name = QUrl::toAce(serverName);
        SSL_ctrl(m_ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, name.data());
    }
    m_handshaking = true;
    continueHandshake();
}

void FtpDataStream::continueHandshake()
{
    ERR_clear_error();
    const int result = SSL_connect(m_ssl);
    if (result == 1) {
        m_handshaking = false;
        m_encrypted = true;
        if (const int group = static_cast<int>(SSL_get_negotiated_group(m_ssl)); group > 0) {
            t_serverGroup = group;
        }
        m_wantsRead = m_wantsWrite = false;
        m_readNotifier->setEnabled(false);
        m_writeNotifier->setEnabled(false);
        Q_EMIT encrypted();
        return;
    }
    const Io io = classify(result, "TLS handshake on the data connection");
    if (io != Io::WouldBlock) {
        // Failed says why (a TLS error, or a reset: a network one); Ended is the server
        // closing in the middle of the handshake.
        m_handshaking = false;
        if (io == Io::Ended) {
            m_error = QStringLiteral("the server closed the data connection during the TLS handshake");
        }
        Q_EMIT failed();
        return;
    }
    m_readNotifier->setEnabled(m_wantsRead);
    m_writeNotifier->setEnabled(m_wantsWrite);
}

QByteArray FtpDataStream::peerCertificateDer() const
{
    if (!m_ssl) {
        return {};
    }
    X509 *certificate = SSL_get1_peer_certificate(m_ssl);
    if (!certificate) {
        return {};
    }
    QByteArray der;
    const int size = i2d_X509(certificate, nullptr);
    if (size > 0) {
        der.resize(size);
        auto *out = reinterpret_cast<unsigned char *>(der.data());
        i2d_X509(certificate, &out);
    }
    X509_free(certificate);
    return der;
}

bool FtpDataStream::sessionReused() const
{
    return m_ssl && SSL_session_reused(m_ssl) == 1;
}

FtpDataStream::Io FtpDataStream::classify(int sslResult, const char *what)
{
    m_wantsRead = m_wantsWrite = false;
    switch (SSL_get_error(m_ssl, sslResult)) {
    case SSL_ERROR_WANT_READ:
        m_wantsRead = true;
        return Io::WouldBlock;
    case SSL_ERROR_WANT_WRITE:
        m_wantsWrite = true;
        return Io::WouldBlock;
    case SSL_ERROR_ZERO_RETURN:
        return Io::Ended;
    case SSL_ERROR_SYSCALL:
        if (errno == 0) {
            return Io::Ended;
        }
        return osFailure(what);
    default: {
        const QString detail = openSslErrors();
        m_tlsFailure = true;
        m_error = QStringLiteral("%1: %2").arg(
            QString::fromLatin1(what), detail.isEmpty() ? QStringLiteral("TLS error") : detail);
        return Io::Failed;
    }
    }
}

FtpDataStream::Io FtpDataStream::osFailure(const char *what)
{
    m_error = QStringLiteral("%1: %2").arg(QString::fromLatin1(what), QString::fromLocal8Bit(std::strerror(errno)));
    return Io::Failed;
}

qint64 FtpDataStream::read(char *buffer, qint64 max, Io *io)
{
    if (!m_ssl) {
        const ssize_t got = ::recv(m_fd, buffer, static_cast<size_t>(max), 0);
        if (got > 0) {
            *io = Io::Moved;
            return got;
        }
        if (got == 0) {
            *io = Io::Ended;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
            *io = Io::WouldBlock;
            armAfterWouldBlock(true);
        } else {
            *io = osFailure("reading the data connection");
        }
        return 0;
    }
    ERR_clear_error();
    errno = 0;
    size_t got = 0;
    // One call returns at most one TLS record (16 KiB); the caller loops to fill its
    // buffer, and read-ahead keeps that to a few read(2) calls.
    if (SSL_read_ex(m_ssl, buffer, static_cast<size_t>(max), &got) == 1) {
        *io = Io::Moved;
        return static_cast<qint64>(got);
    }
    *io = classify(0, "reading the data connection");
    if (*io == Io::WouldBlock) {
        armAfterWouldBlock(true);
    }
    return 0;
}

FtpDataStream::Io FtpDataStream::flush()
{
    if (!m_ssl) {
        return Io::Moved;
    }
    BIO *out = SSL_get_wbio(m_ssl);
    if (BIO_ctrl(out, BIO_CTRL_WPENDING, 0, nullptr) <= 0) {
        return Io::Moved;
    }
    errno = 0;
    if (BIO_ctrl(out, BIO_CTRL_FLUSH, 0, nullptr) > 0) {
        m_writeBlocked = false;
        return Io::Moved;
    }
    if (BIO_should_retry(out)) {
        m_writeBlocked = true;
        m_wantsRead = false;
        m_wantsWrite = true;
        armAfterWouldBlock(false);
        return Io::WouldBlock;
    }
    return osFailure("writing to the data connection");
}

qint64 FtpDataStream::write(const char *data, qint64 size, Io *io)
{
    if (!m_ssl) {
        const ssize_t sent = ::send(m_fd, data, static_cast<size_t>(size), MSG_NOSIGNAL);
        if (sent >= 0) {
            *io = Io::Moved;
            return sent;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
            *io = Io::WouldBlock;
            armAfterWouldBlock(false);
        } else {
            *io = osFailure("writing to the data connection");
        }
        return 0;
    }
    ERR_clear_error();
    errno = 0;
    size_t sent = 0;
    if (SSL_write_ex(m_ssl, data, static_cast<size_t>(size), &sent) == 1) {
        m_writeBlocked = false;
        *io = Io::Moved;
        return static_cast<qint64>(sent);
    }
    *io = classify(0, "writing to the data connection");
    if (*io == Io::WouldBlock) {
        m_writeBlocked = true; // a record is pending: only the same write may follow
        m_blockedData = data;
        m_blockedSize = size;
        armAfterWouldBlock(false);
    } else if (*io == Io::Ended) {
        *io = Io::Failed;
        m_error = QStringLiteral("the server closed the data connection while we were sending");
    }
    return 0;
}

void FtpDataStream::armAfterWouldBlock(bool forReading)
{
    (forReading ? m_wakeReadable : m_wakeWritable) = true;
    // A TLS read may need to write and a write to read (RFC 8446 §4.6 post-handshake
    // messages); on plain TCP each waits for its own direction.
    const bool plain = !m_ssl;
    if ((plain && forReading) || m_wantsRead) {
        m_readNotifier->setEnabled(true);
    }
    if ((plain && !forReading) || m_wantsWrite) {
        m_writeNotifier->setEnabled(true);
    }
}

void FtpDataStream::close()
{
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    if (m_ssl && m_encrypted) {
        ERR_clear_error();
        SSL_shutdown(m_ssl); // close_notify; the peer's own was read already, or does not matter
        ERR_clear_error();
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

bool FtpDataStream::reset()
{
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    if (m_fd < 0) {
        return true;
    }
    bool clean = !m_ssl;
    if (m_ssl && m_encrypted) {
        // TLS ends with close_notify even here: a server whose TLS session ends without
        // it drops the session from its cache (OpenSSL does), and vsftpd then refuses
        // every later data connection of this control connection ("522 session reuse
        // required"). The server sees the end of the data; ABOR says what it means.
        clean = completeWritesBriefly() && SSL_shutdown(m_ssl) >= 0 && flushBriefly();
        ERR_clear_error();
    }
    if (!clean || !m_ssl) {
        const linger hard { 1, 0 }; // close(2) then sends RST instead of FIN
        ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
    ::close(m_fd);
    m_fd = -1;
    return clean;
}

// A record half sent (a write that said WouldBlock) must be finished before an alert
// can follow it. An upload's server is reading, so this takes milliseconds; it waits
// at most kStopWait in all, and gives up (the caller then resets) after that.
bool FtpDataStream::completeWritesBriefly()
{
    const auto deadline = std::chrono::steady_clock::now() + kStopWait;
    while (m_writeBlocked && m_blockedData) {
        if (!waitWritable(deadline)) {
            return false;
        }
        ERR_clear_error();
        size_t sent = 0;
        if (SSL_write_ex(m_ssl, m_blockedData, static_cast<size_t>(m_blockedSize), &sent) == 1) {
            m_writeBlocked = false;
        } else if (SSL_get_error(m_ssl, 0) != SSL_ERROR_WANT_WRITE) {
            return false;
        }
    }
    return !m_writeBlocked;
}

bool FtpDataStream::flushBriefly()
{
    const auto deadline = std::chrono::steady_clock::now() + kStopWait;
    for (;;) {
        const Io io = flush();
        if (io != Io::WouldBlock) {
            return io == Io::Moved;
        }
        if (!waitWritable(deadline)) {
            return false;
        }
    }
}

bool FtpDataStream::waitWritable(std::chrono::steady_clock::time_point deadline) const
{
    const auto left
        = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
        return false;
    }
    pollfd out { m_fd, POLLOUT, 0 };
    return ::poll(&out, 1, static_cast<int>(left.count())) == 1 && (out.revents & POLLOUT);
}

void FtpDataStream::finishSending()
{
    m_finishing = true;
    continueFinish();
}

void FtpDataStream::continueFinish()
{
    if (m_ssl && m_encrypted) {
        if (!m_closeNotifyQueued) {
            ERR_clear_error();
            errno = 0;
            const int result = SSL_shutdown(m_ssl);
            if (result < 0) {
                const Io io = classify(result, "ending TLS on the data connection");
                if (io == Io::WouldBlock && m_wantsWrite) {
                    m_writeNotifier->setEnabled(true);
                    m_readNotifier->setEnabled(false);
                    return;
                }
                // Wanting to read means close_notify is out and the peer's is awaited:
                // that is the "shut down our side" we need. Anything else ends it here.
                if (io == Io::Failed) {
                    m_finishing = false;
                    Q_EMIT failed();
                    return;
                }
            }
            m_closeNotifyQueued = true;
        }
        // OpenSSL leaves the alert in the write buffer when the socket is full: it
        // must be out before our FIN, or the server sees a truncated stream.
        const Io io = flush();
        if (io == Io::WouldBlock) {
            m_readNotifier->setEnabled(false);
            return; // writable: continueFinish again (m_finishing)
        }
        if (io == Io::Failed) {
            m_finishing = false;
            Q_EMIT failed();
            return;
        }
    }
    m_writeNotifier->setEnabled(false);
    ::shutdown(m_fd, SHUT_WR);
    m_finishing = false;
    m_finished = true;
    m_readNotifier->setEnabled(true); // drain, so a late TLS 1.3 ticket never causes a reset
    Q_EMIT halfClosed();
}

void FtpDataStream::drainAfterFinish()
{
    char scratch[16 * 1024];
    for (;;) {
        const ssize_t got = ::recv(m_fd, scratch, sizeof scratch, 0);
        if (got > 0) {
            continue;
        }
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            return;
        }
        // The server closed (or reset after it was done): nothing more to keep open for.
        m_readNotifier->setEnabled(false);
        return;
    }
}

void FtpDataStream::onReadable()
{
    if (m_handshaking) {
        continueHandshake();
    } else if (m_finishing) {
        continueFinish();
    } else if (m_finished) {
        drainAfterFinish();
    } else {
        wakeCaller();
    }
}

void FtpDataStream::onWritable()
{
    if (m_handshaking) {
        continueHandshake();
    } else if (m_finishing) {
        continueFinish();
    } else {
        wakeCaller();
    }
}

void FtpDataStream::wakeCaller()
{
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    const bool toRead = std::exchange(m_wakeReadable, false);
    const bool toWrite = std::exchange(m_wakeWritable, false);
    if (toRead) {
        Q_EMIT readable();
    }
    if (toWrite) {
        Q_EMIT writable();
    }
}

} // namespace Satchel::Ftp
