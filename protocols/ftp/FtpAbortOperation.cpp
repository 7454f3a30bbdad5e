#include "protocols/ftp/FtpAbortOperation.h"

#include "protocols/ftp/FtpSession.h"
#include "protocols/ftp/FtpTransferOperation.h"

#include <QPointer>
#include <QTimer>

#include <chrono>

namespace Satchel::Ftp {

namespace {
constexpr std::chrono::milliseconds kReplyWait { 5000 };
} // namespace

FtpAbortOperation::FtpAbortOperation(FtpSession *session, FtpTransferOperation *transfer, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_transfer(transfer)
{
    connect(m_session, &FtpSession::failed, this, [this](const OperationError &e) { fail(e.kind, e.message); });
}

void FtpAbortOperation::start()
{
    m_state = State::Aborting;
    // A server that answers ABOR with one reply instead of two (RFC 959 §4.1.3) leaves
    // ABOR's answer missing: after a short wait the connection is given up, not the
    // session's whole response timeout.
    QTimer::singleShot(kReplyWait, this, [this] {
        fail(OperationError::Kind::Network,
            QStringLiteral("the server did not answer ABOR within %1 s").arg(kReplyWait.count() / 1000));
    });
    const bool ascii = m_transfer->isAscii();
    m_transfer->abort(); // resets the data connection; no signal follows from it
    if (!m_transfer->stoppedCleanly()) {
        fail(OperationError::Kind::Tls,
            QStringLiteral("the data connection was stopped in its TLS handshake; the connection is made anew"));
        return;
    }
    const QPointer<FtpAbortOperation> self(this);
    m_session->abortFor(m_transfer, [self, ascii](const FtpReply &reply) {
        if (FtpAbortOperation *op = self.data()) {
            op->onAborReply(reply, ascii);
        }
    });
}

void FtpAbortOperation::onAborReply(const FtpReply &reply, bool ascii)
{
    if (m_state != State::Aborting) {
        return;
    }
    // RFC 959 §4.2: 225 (data connection open, no transfer) and 226 (closed) both mean
    // the server is ready for the next command.
    if (!reply.isPositive()) {
        fail(OperationError::Kind::Refused, QStringLiteral("ABOR: %1 %2").arg(reply.code).arg(reply.text()));
        return;
    }
    if (ascii) {
        // The stopped transfer may have switched to TYPE A; the next one expects binary.
        m_session->command("TYPE I", [](const FtpReply &) {});
    }
    m_state = State::Done;
    Q_EMIT succeeded();
}

void FtpAbortOperation::fail(OperationError::Kind kind, const QString &message)
{
    if (m_state != State::Aborting) {
        return;
    }
    m_state = State::Failed;
    Q_EMIT failed({ kind, message });
}

} // namespace Satchel::Ftp
