#pragma once

#include "protocols/ftp/FtpTransferOperation.h"

#include <QBuffer>
#include <QFile>

namespace Satchel::Ftp {

// Uploads one file: STOR (RFC 959 §4.1.3), or with resume APPE from the size the
// server already has (the offset is asked with SIZE, RFC 3659 §4, by the caller).
// Bytes go out only once the data connection is ready AND the server has said the
// transfer starts (150/125): a server that gets data before it has read the command
// may reset the connection (pyftpdlib does).
class FtpPutOperation : public FtpTransferOperation
{
    Q_OBJECT

public:
    FtpPutOperation(
        FtpSession *session, QString localPath, QString remotePath, qint64 resumeFrom = 0, QObject *parent = nullptr);

protected:
    QByteArray command() const override;
    void prepareData(FtpDataChannel *channel) override;
    void transferStarted() override;
    bool complete(QString *error) override;
    void abandon() override;

private:
    void maybeSend();

    QString m_remote;
    FtpDataChannel *m_channel = nullptr;
    bool m_started = false;
    QFile m_file;
    QBuffer m_text; // ASCII type: the converted text
    qint64 m_offset;
};

} // namespace Satchel::Ftp
