#include "protocols/ftp/FtpGetOperation.h"

#include "protocols/ftp/FtpDataChannel.h"

#include <QFileInfo>

#include <cstdio>

namespace Satchel::Ftp {

FtpGetOperation::FtpGetOperation(
    FtpSession *session, QString remotePath, QString localPath, bool resume, QObject *parent, qint64 expectedSize)
    : FtpTransferOperation(session, parent)
    , m_remote(std::move(remotePath))
    , m_local(std::move(localPath))
    , m_file(partialPath(m_local))
    , m_expectedSize(expectedSize)
{
    if (resume && m_file.exists()) {
        m_offset = m_file.size();
    } else {
        QFile::remove(m_file.fileName());
    }
}

QList<QByteArray> FtpGetOperation::preparation() const
{
    // No REST in ASCII type: offsets in converted text do not match the file's.
    return m_offset > 0 && !isAscii() ? QList<QByteArray> { "REST " + QByteArray::number(m_offset) }
                                      : QList<QByteArray> {};
}

QByteArray FtpGetOperation::command() const
{
    return "RETR " + m_remote.toUtf8();
}

void FtpGetOperation::prepareData(FtpDataChannel *channel)
{
    // Unbuffered: the data channel already hands over chunks of 256 KiB and more; a
    // second buffer would only copy them once more.
    if (!m_file.open(QIODevice::Unbuffered
            | (m_offset > 0 ? QIODevice::WriteOnly | QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate))) {
        fail(OperationError::Kind::LocalIo,
            QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
        return;
    }
    if (isAscii() && m_offset > 0) {
        // Resume does not apply to ASCII type: start the file again.
        m_offset = 0;
        if (!m_file.resize(0)) {
            fail(OperationError::Kind::LocalIo,
                QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
            return;
        }
    }
    channel->setSink([this](const char *data, qint64 size, QString *error) {
        if (isAscii()) {
            const QByteArray text = m_asciiDecoder.feed(QByteArrayView(data, size));
            if (m_file.write(text) != text.size()) {
                *error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
                return false;
            }
            return true;
        }
        if (m_file.write(data, size) != size) {
            *error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
            return false;
        }
        return true;
    });
}

bool FtpGetOperation::complete(QString *error)
{
    if (!m_file.isOpen()) { // an empty file: no data at all
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
            *error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
            return false;
        }
    }
    if (isAscii()) {
        const QByteArray tail = m_asciiDecoder.finish();
        if (m_file.write(tail) != tail.size()) {
            *error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
            return false;
        }
    }
    if (!m_file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_file.close();
    // (In ASCII type the local file's line ends differ from the server's: no size check.)
    if (m_expectedSize >= 0 && !isAscii() && QFileInfo(m_file.fileName()).size() != m_expectedSize) {
        *error = QStringLiteral("the download of %1 has %2 bytes, the server listed %3; it was not put in place")
                     .arg(m_remote)
                     .arg(QFileInfo(m_file.fileName()).size())
                     .arg(m_expectedSize);
        QFile::remove(m_file.fileName()); // a wrong prefix must not be resumed either
        return false;
    }
    // rename(2) replaces the target atomically: it is either the old file or the whole new one.
    if (std::rename(QFile::encodeName(m_file.fileName()).constData(), QFile::encodeName(m_local).constData()) != 0) {
        *error = QStringLiteral("cannot move the download into place as %1").arg(m_local);
        return false;
    }
    return true;
}

void FtpGetOperation::abandon()
{
    // A .part file with data stays for --resume; the target was never touched. One
    // that never got a byte (the server refused the file) goes.
    if (m_file.isOpen()) {
        m_file.close();
    }
    if (QFileInfo(m_file.fileName()).size() == 0) {
        QFile::remove(m_file.fileName());
    }
}

} // namespace Satchel::Ftp
