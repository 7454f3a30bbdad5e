#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/ftp/FtpReply.h"

#include <QObject>

namespace Satchel::Ftp {

class FtpSession;
class FtpTransferOperation;

// Stops a running transfer and keeps its connection (RFC 959 §4.1.3 ABOR): the
// transfer's data connection is reset, whatever it still had queued is taken back, and
// ABOR goes out ahead of everything. The server answers the transfer's command (426,
// or 226 when it had just finished) and then ABOR (225/226); after that the session is
// logged in and idle, so a paused or cancelled item does not cost a new connection and
// login. Without the Telnet "Synch" the server notices ABOR once the data connection
// broke, which is why the reset comes first.
class FtpAbortOperation : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Aborting, Done, Failed };

    FtpAbortOperation(FtpSession *session, FtpTransferOperation *transfer, QObject *parent = nullptr);

    void start();
    State state() const { return m_state; }

Q_SIGNALS:
    void succeeded();
    // ABOR refused or the connection lost: the session is of no further use.
    void failed(const Satchel::OperationError &error);

private:
    void onAborReply(const FtpReply &reply, bool ascii);
    void fail(OperationError::Kind kind, const QString &message);

    FtpSession *m_session;
    FtpTransferOperation *m_transfer;
    State m_state = State::Idle;
};

} // namespace Satchel::Ftp
