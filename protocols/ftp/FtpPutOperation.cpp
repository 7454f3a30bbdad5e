#include "protocols/ftp/FtpPutOperation.h"

#include "protocols/ftp/FtpDataChannel.h"
#include "protocols/ftp/NetAscii.h"

namespace Satchel::Ftp {

FtpPutOperation::FtpPutOperation(
    FtpSession *session, QString localPath, QString remotePath, qint64 resumeFrom, QObject *parent)
    : FtpTransferOperation(session, parent)
    , m_remote(std::move(remotePath))
    , m_file(localPath)
    , m_offset(resumeFrom)
{ }

QByteArray FtpPutOperation::command() const
{
    return (m_offset > 0 && !isAscii() ? QByteArray("APPE ") : QByteArray("STOR ")) + m_remote.toUtf8();
}

void FtpPutOperation::prepareData(FtpDataChannel *channel)
{
    if (!m_file.open(QIODevice::ReadOnly) || (m_offset > 0 && !isAscii() && !m_file.seek(m_offset))) {
        fail(OperationError::Kind::LocalIo,
            QStringLiteral("cannot read %1: %2").arg(m_file.fileName(), m_file.errorString()));
        return;
    }
    if (isAscii()) {
        // Text is converted whole (LF → CRLF); a text file beyond this size is not text.
        constexpr qint64 kMaxAsciiSize = 256 * 1024 * 1024;
        if (m_file.size() > kMaxAsciiSize) {
            fail(OperationError::Kind::LocalIo,
                QStringLiteral("%1 is too large for ASCII type; send it as binary").arg(m_file.fileName()));
            return;
        }
        m_text.setData(toNetAscii(m_file.readAll()));
        m_file.close();
        m_text.open(QIODevice::ReadOnly);
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
    if (m_channel && m_started && (m_file.isOpen() || m_text.isOpen())) {
        m_channel->upload(isAscii() ? static_cast<QIODevice *>(&m_text) : &m_file);
        m_channel = nullptr; // once
    }
}

bool FtpPutOperation::complete(QString *)
{
    m_file.close();
    m_text.close();
    return true;
}

void FtpPutOperation::abandon()
{
    m_file.close();
    m_text.close();
}

} // namespace Satchel::Ftp
