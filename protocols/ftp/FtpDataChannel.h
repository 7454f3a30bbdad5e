#pragma once

#include "protocols/core/OperationError.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QIODevice;
class QTcpServer;
class QTcpSocket;
class QTimer;

namespace Satchel::Ftp {

class FtpDataStream;
class FtpSession;

// One FTP data connection, passive (RFC 2428 EPSV, else RFC 959 PASV) or, when the
// site is set to active mode, active (RFC 2428 EPRT, else RFC 959 PORT):
//  - it always connects to the control connection's peer address: the address in a
//    PASV reply is ignored (a hostile server could point it at another host, the
//    "FTP bounce" of RFC 2577 §3, or at the LAN behind a NAT); in active mode only a
//    connection from that same peer address is accepted;
//  - when data is protected (PROT P), TLS resumes the control connection's session
//    (RFC 4217 §10.2; vsftpd's require_ssl_reuse), and the peer certificate must be
//    the one accepted on the control connection, since a resumed session is not
//    verified again;
//  - Qt only connects (or accepts) the TCP connection; the bytes move through an
//    FtpDataStream (the kernel, and OpenSSL for TLS, into a 1 MiB buffer);
//  - incoming data goes to a sink in chunks of up to 1 MiB, never into one growing
//    buffer;
//  - a server that ends TLS with close_notify and waits (vsftpd) is closed on our side.
class FtpDataChannel : public QObject
{
    Q_OBJECT

public:
    using Sink = std::function<bool(const char *data, qint64 size, QString *error)>;

    explicit FtpDataChannel(FtpSession *session, QObject *parent = nullptr);
    ~FtpDataChannel() override;

    void open();
    void setSink(Sink sink) { m_sink = std::move(sink); }
    // Uploads `source` to the end, then closes the connection (that is the end of file).
    void upload(QIODevice *source);
    void abort();

    bool isEof() const { return m_eof; }
    // After abort(): false when TLS was cut in its handshake, which can leave the
    // server unwilling to resume the control connection's session again.
    bool stoppedCleanly() const { return m_stoppedCleanly; }
    qint64 bytesTransferred() const { return m_bytes; }

Q_SIGNALS:
    // TCP is up: send the transfer command now. Servers such as vsftpd start the
    // data connection's TLS handshake only after that command.
    void connected();
    // Data may flow (TLS established when protected).
    void ready();
    void eof(); // download: the server closed; upload: everything was sent and closed
    void progressed(qint64 bytes);
    void failed(const Satchel::OperationError &error);

private:
    // The transfer this connection serves: its commands are the transfer's (an ABOR
    // takes them back together).
    const QObject *owner() const { return parent() ? parent() : this; }
    void openActive();
    void connectTo(quint16 port);
    void onConnected();
    void onSocketUp();
    void onEncrypted();
    void becomeReady();
    void drain();
    void pumpUpload();
    void finishEof();
    void dropConnection();
    void fail(OperationError::Kind kind, const QString &message);

    FtpSession *m_session;
    QTcpSocket *m_socket = nullptr; // until the connection is up
    FtpDataStream *m_stream = nullptr;
    QTcpServer *m_listener = nullptr;
    QTimer *m_watchdog;
    QByteArray m_buffer; // reused for every chunk, in either direction
    Sink m_sink;
    QPointer<QIODevice> m_source;
    qint64 m_bytes = 0;
    qint64 m_pendingOffset = 0; // of an upload's chunk in m_buffer not yet sent
    qint64 m_pendingSize = 0;
    bool m_eof = false;
    bool m_failed = false;
    bool m_uploading = false;
    bool m_uploadDone = false;
    bool m_wasConnected = false;
    bool m_closing = false;
    bool m_readyReached = false;
    bool m_stoppedCleanly = true;
};

// The port of an EPSV reply "229 ... (|||port|)" (RFC 2428 §3) or a PASV reply
// "227 ... (h1,h2,h3,h4,p1,p2)" (RFC 959 §4.1.2); 0 if the text has none.
quint16 epsvPort(const QString &text);
quint16 pasvPort(const QString &text);

} // namespace Satchel::Ftp
