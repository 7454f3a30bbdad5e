#pragma once

#include "protocols/ftp/FtpTransferOperation.h"
#include "protocols/ftp/NetAscii.h"

#include <QFile>

namespace Satchel::Ftp {

// Downloads one file (RETR, RFC 959 §4.1.3) into "<target>.part" next to the target,
// renamed into place only when the server said 226 AND the data connection ended:
// a broken transfer never leaves a half file where the whole one belongs. With
// resume, an existing .part file is continued from its size (REST, RFC 3659 §5).
class FtpGetOperation : public FtpTransferOperation
{
    Q_OBJECT

public:
    // expectedSize >= 0 (from a listing): a download of another size is not put in place.
    FtpGetOperation(FtpSession *session, QString remotePath, QString localPath, bool resume, QObject *parent = nullptr,
        qint64 expectedSize = -1);

    static QString partialPath(const QString &localPath) { return localPath + QStringLiteral(".part"); }
    qint64 resumedFrom() const { return m_offset; }

protected:
    QList<QByteArray> preparation() const override;
    QByteArray command() const override;
    void prepareData(FtpDataChannel *channel) override;
    bool complete(QString *error) override;
    void abandon() override;

private:
    QString m_remote;
    QString m_local;
    QFile m_file;
    qint64 m_offset = 0;
    qint64 m_expectedSize;
    NetAsciiDecoder m_asciiDecoder;
};

} // namespace Satchel::Ftp
