#pragma once

#include <QObject>
#include <QString>

namespace Satchel::Ftp {

class FtpSession;

// After a transfer, the copy takes its original's modification time, as `lftp mirror`
// and `rsync -t` do: a download the server's (MDTM, RFC 3659 §3), an upload the local
// file's (MFMT, draft-somers-ftp-mfxx §3, when FEAT offers it). The file is whole
// either way: a server that cannot say or set the time only means the copy keeps the
// time it was written, so this operation never fails; finished() says whether the
// time was kept.
class FtpKeepTimeOperation : public QObject
{
    Q_OBJECT

public:
    enum class Direction { Download, Upload };

    FtpKeepTimeOperation(
        FtpSession *session, Direction direction, QString localPath, QString remotePath, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(bool kept);

private:
    void end(bool kept);

    FtpSession *m_session;
    Direction m_direction;
    QString m_local;
    QString m_remote;
    bool m_done = false;
};

} // namespace Satchel::Ftp
