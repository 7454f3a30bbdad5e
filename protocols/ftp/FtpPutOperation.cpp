#include "protocols/ftp/FtpPutOperation.h"

#include "protocols/ftp/FtpDataChannel.h"

namespace Satchel::Ftp {

FtpPutOperation::FtpPutOperation(FtpSession *session, QString localPath, QString remotePath, qint64 resumeFrom,
                                 QObject *parent)
    : FtpTransferOperation(session, parent)
    , m_remote(std::move(remotePath))
    , m_file(localPath)
    , m_offset(resumeFrom)
{
}

QByteArray FtpPutOperation::command() const
{
    return (m_offset > 0 ? QByteArray("APPE ") : QByteArray("STOR ")) + m_remote.toUtf8();
}

void FtpPutOperation::prepareData(FtpDataChannel *channel)
{
    if (!m_file.open(QIODevice::ReadOnly) || (m_offset > 0 && !m_file.seek(m_offset))) {
        fail(OperationError::Kind::LocalIo, QStringLiteral("cannot read %1: %2").arg(m_file.fileName(), m_file.errorString()));
        return;
    }
    m_channel = channel;
    maybeSend();
}

void FtpPutOperation::transferStarted()
{
    m_started = true;
    maybeSend();
}

void FtpPutOperation::maybeSend()
{
    if (m_channel && m_started && m_file.isOpen()) {
        m_channel->upload(&m_file);
        m_channel = nullptr; // once
    }
}

bool FtpPutOperation::complete(QString *)
{
    m_file.close();
    return true;
}

void FtpPutOperation::abandon()
{
    m_file.close();
}

} // namespace Satchel::Ftp
