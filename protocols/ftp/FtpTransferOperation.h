#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/ftp/FtpReply.h"

#include <QObject>

namespace Satchel::Ftp {

class FtpDataChannel;
class FtpSession;

// The shape every data-carrying command shares (RFC 959 §5.2 passive transfers):
//   OpeningData: EPSV/PASV and connect (and TLS);
//   Commanded:   the command is sent; 125/150 say the transfer started;
//   Transferring until BOTH the data connection has ended and the final reply came;
//   Done (226/250) or Failed (4xx/5xx reply, broken data connection, local error).
// Subclasses name the command and feed or drain the data; completion is theirs to
// check (a download is complete only when both ends agree).
class FtpTransferOperation : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, OpeningData, Commanded, Done, Failed };

    explicit FtpTransferOperation(FtpSession *session, QObject *parent = nullptr);
    ~FtpTransferOperation() override;

    // ASCII type (RFC 959 §3.1.1.1, TYPE A) for text: line ends are converted, so
    // sizes differ and there is no resume. Set before start().
    void setAscii(bool ascii) { m_ascii = ascii; }
    bool isAscii() const { return m_ascii; }

    void start();
    // Stops at once, silently (pause, cancel): the data connection goes, abandon()
    // runs, no signal follows. The session is the caller's to end.
    void abort();
    State state() const { return m_state; }
    // After abort(): the connection may carry the next transfer (see FtpAbortOperation).
    bool stoppedCleanly() const;

Q_SIGNALS:
    void progressed(qint64 bytes);
    void succeeded();
    void failed(const Satchel::OperationError &error);

protected:
    // Sent before the data connection is opened (REST); empty: none.
    virtual QList<QByteArray> preparation() const { return {}; }
    virtual QByteArray command() const = 0;
    // Called when data may flow (after the command, and TLS when protected).
    virtual void prepareData(FtpDataChannel *channel) = 0;
    // The server said the transfer starts (125/150, RFC 959 §4.2): an upload may send now.
    virtual void transferStarted() { }
    // Both ends finished well: write the result in place. False with `error`: a local error.
    virtual bool complete(QString *error) = 0;
    // The operation failed: clean up (a temporary file stays for resume, never the target).
    virtual void abandon() { }
    // What a refused command means (550 is "not found" for most).
    virtual OperationError::Kind kindFor(const FtpReply &reply) const;

    FtpSession *session() const { return m_session; }
    void fail(OperationError::Kind kind, const QString &message);

private:
    void onDataConnected();
    void maybeComplete();
    void restoreBinaryType();

    FtpSession *m_session;
    FtpDataChannel *m_channel = nullptr;
    State m_state = State::Idle;
    bool m_replyOk = false;
    bool m_dataEnded = false;
    bool m_dataReady = false;
    bool m_ascii = false;
};

} // namespace Satchel::Ftp
