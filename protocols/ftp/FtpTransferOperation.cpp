#include "protocols/ftp/FtpTransferOperation.h"

#include "protocols/ftp/FtpDataChannel.h"
#include "protocols/ftp/FtpSession.h"

namespace Satchel::Ftp {

FtpTransferOperation::FtpTransferOperation(FtpSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(m_session, &FtpSession::failed, this, [this](const OperationError &e) { fail(e.kind, e.message); });
}

FtpTransferOperation::~FtpTransferOperation() = default;

OperationError::Kind FtpTransferOperation::kindFor(const FtpReply &reply) const
{
    if (reply.code == 550) {
        return OperationError::Kind::NotFound; // 450 (busy) stays Refused: it is transient
    }
    if (reply.code == 530) {
        return OperationError::Kind::Authentication;
    }
    return OperationError::Kind::Refused;
}

void FtpTransferOperation::start()
{
    m_state = State::OpeningData;
    if (m_ascii) {
        // TYPE A for this transfer only; TYPE I (the session's) is set again when it ends.
        m_session->commandFor(this, "TYPE A", [this](const FtpReply &r) {
            if (!r.isPositive() && m_state == State::OpeningData) {
                fail(kindFor(r), QStringLiteral("TYPE A: %1 %2").arg(r.code).arg(r.text()));
            }
        });
    }
    // REST goes before EPSV/PASV. RFC 3659 §5.3 asks for it right before RETR, but
    // pyftpdlib drops a protected data connection that was opened before a REST; vsftpd
    // and pyftpdlib both honour a REST that precedes the passive command.
    for (const QByteArray &line : preparation()) {
        m_session->commandFor(this, line, [this, line](const FtpReply &r) {
            // REST answers 350; anything else means no resume here.
            if (!r.isPositive() && !r.isIntermediate() && m_state == State::OpeningData) {
                fail(kindFor(r), QStringLiteral("%1: %2 %3").arg(QString::fromUtf8(line)).arg(r.code).arg(r.text()));
            }
        });
    }
    m_channel = new FtpDataChannel(m_session, this);
    connect(m_channel, &FtpDataChannel::connected, this, &FtpTransferOperation::onDataConnected);
    connect(m_channel, &FtpDataChannel::ready, this, [this] {
        m_dataReady = true;
        if (m_state == State::Commanded) {
            prepareData(m_channel);
        }
    });
    connect(m_channel, &FtpDataChannel::progressed, this, [this](qint64 bytes) {
        // A long transfer is not a silent server: the final reply may take as long as
        // the data does, so data moving keeps the control connection's timer fresh.
        if (m_state == State::Commanded && !m_replyOk) {
            m_session->connection()->setResponsePending(true);
        }
        Q_EMIT progressed(bytes);
    });
    connect(m_channel, &FtpDataChannel::failed, this, [this](const OperationError &e) { fail(e.kind, e.message); });
    connect(m_channel, &FtpDataChannel::eof, this, [this] {
        m_dataEnded = true;
        maybeComplete();
    });
    m_channel->open();
}

void FtpTransferOperation::onDataConnected()
{
    if (m_state != State::OpeningData) {
        return;
    }
    m_state = State::Commanded;

    m_session->commandFor(
        this, command(),
        [this](const FtpReply &reply) {
            if (!reply.isPositive()) {
                fail(kindFor(reply),
                    QStringLiteral("%1: %2 %3").arg(QString::fromUtf8(command())).arg(reply.code).arg(reply.text()));
                return;
            }
            m_replyOk = true;
            maybeComplete();
        },
        [this](const FtpReply &) {
            if (m_state == State::Commanded) {
                transferStarted();
            }
        });
    // In active mode some servers (pyftpdlib) connect as soon as EPRT is accepted,
    // before the command: the data side may already be ready.
    if (m_dataReady) {
        prepareData(m_channel);
    }
}

void FtpTransferOperation::maybeComplete()
{
    if (m_state != State::Commanded || !m_replyOk || !m_dataEnded) {
        return;
    }
    QString error;
    if (!complete(&error)) {
        fail(OperationError::Kind::LocalIo, error);
        return;
    }
    m_state = State::Done;
    restoreBinaryType();
    Q_EMIT succeeded();
}

void FtpTransferOperation::restoreBinaryType()
{
    if (m_ascii) {
        // Queued before anything the next operation sends, so it runs in binary again.
        m_session->command("TYPE I", [](const FtpReply &) {});
    }
}

void FtpTransferOperation::abort()
{
    if (m_state == State::Done || m_state == State::Failed) {
        return;
    }
    m_state = State::Failed;
    if (m_channel) {
        m_channel->abort();
    }
    abandon();
}

bool FtpTransferOperation::stoppedCleanly() const
{
    return !m_channel || m_channel->stoppedCleanly();
}

void FtpTransferOperation::fail(OperationError::Kind kind, const QString &message)
{
    if (m_state == State::Done || m_state == State::Failed) {
        return;
    }
    abort(); // the same stop, then the failure is reported
    if (m_session->connection()->state() == Net::Connection::State::Ready) {
        restoreBinaryType();
    }
    Q_EMIT failed({ kind, message });
}

} // namespace Satchel::Ftp
