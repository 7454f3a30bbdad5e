#include "protocols/ftp/FtpKeepTimeOperation.h"

#include "protocols/ftp/FtpCommandOperation.h"
#include "protocols/ftp/FtpSession.h"

#include <QFile>
#include <QFileInfo>

namespace Satchel::Ftp {

FtpKeepTimeOperation::FtpKeepTimeOperation(
    FtpSession *session, Direction direction, QString localPath, QString remotePath, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_direction(direction)
    , m_local(std::move(localPath))
    , m_remote(std::move(remotePath))
{
    // A connection that fails now still leaves the file whole: done, time not kept.
    connect(m_session, &FtpSession::failed, this, [this] { end(false); });
}

void FtpKeepTimeOperation::start()
{
    if (m_direction == Direction::Download) {
        m_session->command("MDTM " + m_remote.toUtf8(), [this](const FtpReply &reply) {
            const QDateTime modified = reply.code == 213 ? parseFtpTime(reply.text()) : QDateTime();
            bool kept = false;
            if (modified.isValid()) {
                // Opened without writing, so closing it does not set the time again.
                QFile file(m_local);
                kept = file.open(QIODevice::Append) && file.setFileTime(modified, QFileDevice::FileModificationTime);
            }
            end(kept);
        });
        return;
    }
    const QDateTime modified = QFileInfo(m_local).lastModified().toUTC();
    if (!m_session->hasFeature("MFMT") || !modified.isValid()) {
        end(false);
        return;
    }
    const QByteArray stamp = modified.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
    m_session->command(
        "MFMT " + stamp + ' ' + m_remote.toUtf8(), [this](const FtpReply &reply) { end(reply.code == 213); });
}

void FtpKeepTimeOperation::end(bool kept)
{
    if (!m_done) {
        m_done = true;
        Q_EMIT finished(kept);
    }
}

} // namespace Satchel::Ftp
