#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <chrono>

struct ssl_st;
class QSocketNotifier;

namespace Satchel::Ftp {

// The bytes of one FTP data connection, moved by the kernel and, when protected, by
// OpenSSL directly on the engine's thread. Why not QSslSocket: it decrypts in 4 KiB
// SSL_read calls with one readyRead each and copies through its own buffer, which cost
// a TLS download about twice curl's CPU; and each QSslSocket builds a TLS context of
// its own, milliseconds per small file. Here one OpenSSL context serves every data
// connection and a read fills a caller's buffer of any size.
//
// The stream takes over a connected TCP descriptor and makes it nonblocking. Reads
// and writes never block: they say WouldBlock, and the stream then signals readable()
// or writable() once it is worth trying again (whatever TLS waits for underneath).
class FtpDataStream : public QObject
{
    Q_OBJECT

public:
    enum class Io {
        Moved, // some bytes moved; call again
        WouldBlock, // nothing more now; wait for readable()/writable()
        Ended, // the peer ended its side cleanly (EOF, or TLS close_notify)
        Failed, // errorString() says why
    };

    explicit FtpDataStream(int descriptor, QObject *parent = nullptr);
    ~FtpDataStream() override;

    // RFC 4217 §10.2: the TLS client handshake resumes the control connection's
    // session (a DER SSL_SESSION, Qt's sessionTicket()). No chain is verified here: the
    // caller compares peerCertificateDer() with the certificate accepted on the control
    // connection, the only one acceptable. encrypted() or failed() follows.
    void startTls(const QByteArray &session, const QString &serverName);
    bool isEncrypted() const { return m_encrypted; }
    QByteArray peerCertificateDer() const;
    // True when the data connection resumed the control connection's TLS session.
    bool sessionReused() const;

    qint64 read(char *buffer, qint64 max, Io *io);
    qint64 write(const char *data, qint64 size, Io *io);
    // Sends what TLS still holds back (write() may keep up to 256 KiB): Moved when all
    // is with the kernel, WouldBlock (writable() follows) or Failed.
    Io flush();

    // A download's end: close_notify back (a server such as vsftpd waits for it before
    // its 226), then the descriptor is closed.
    void close();
    // A stop (cancel, pause, failure): plain TCP is reset at once, so the server sees
    // a broken transfer (RFC 959 §4.1.3's 426); TLS that is up finishes a record it
    // had half sent and ends with close_notify (see the definition for why), waiting
    // half a second at most; TLS in its handshake, or stuck, is reset. True when that
    // left the TLS session usable (or there was none). The data of a write that said
    // WouldBlock must still be there (the caller's buffer).
    bool reset();
    // An upload's end (RFC 959 §3.3: in stream mode the end of the connection is the
    // end of the file): close_notify, then our half of TCP is shut. The descriptor
    // stays open and whatever the server still sends (TLS 1.3 session tickets) is read
    // and dropped until the server closes or the stream goes, so the server never
    // gets a reset that could cost it the last bytes. halfClosed() or failed() follows.
    void finishSending();

    QString errorString() const { return m_error; }
    bool tlsFailure() const { return m_tlsFailure; }

Q_SIGNALS:
    void encrypted();
    void readable();
    void writable();
    void halfClosed();
    void failed();

private:
    void continueHandshake();
    void continueFinish();
    void drainAfterFinish();
    Io classify(int sslResult, const char *what);
    Io osFailure(const char *what);
    void onReadable();
    void onWritable();
    void armAfterWouldBlock(bool forReading);
    void wakeCaller();
    bool completeWritesBriefly();
    bool flushBriefly();
    bool waitWritable(std::chrono::steady_clock::time_point deadline) const;

    int m_fd;
    ssl_st *m_ssl = nullptr;
    QSocketNotifier *m_readNotifier;
    QSocketNotifier *m_writeNotifier;
    QString m_error;
    bool m_encrypted = false;
    bool m_handshaking = false;
    bool m_finishing = false;
    bool m_finished = false;
    bool m_tlsFailure = false;
    bool m_writeBlocked = false; // the last write or flush waits for the socket
    bool m_closeNotifyQueued = false;
    const char *m_blockedData = nullptr; // the write that said WouldBlock, to repeat
    qint64 m_blockedSize = 0;
    // What the last TLS step waits for, so the notifiers wake it up again.
    bool m_wantsRead = false;
    bool m_wantsWrite = false;
    // What the caller waits for after a WouldBlock.
    bool m_wakeReadable = false;
    bool m_wakeWritable = false;
};

} // namespace Satchel::Ftp
