#pragma once

#include "protocols/ftp/DirectoryEntry.h"
#include "protocols/ftp/FtpTransferOperation.h"

namespace Satchel::Ftp {

// Lists a directory: MLSD (RFC 3659 §7) when the server offers MLST, else LIST
// (RFC 959 §4.1.3) parsed by format. The listing is bounded (64 MiB) and parsed line
// by line as it arrives; entries whose names could not be a single local path
// component are dropped and counted.
class FtpListOperation : public FtpTransferOperation
{
    Q_OBJECT

public:
    FtpListOperation(FtpSession *session, QString path, QObject *parent = nullptr);

    // Streaming: entries go out in entriesParsed() as each piece of the listing is
    // parsed (a window shows the first rows of a huge directory at once) and are not
    // kept, so entries() stays empty. Set before start().
    void setStreaming(bool streaming) { m_streaming = streaming; }
    QList<DirectoryEntry> entries() const { return m_entries; }
    int unsafeNamesDropped() const { return m_unsafe; }
    bool usedMlsd() const { return m_mlsd; }

Q_SIGNALS:
    void entriesParsed(const QList<Satchel::Ftp::DirectoryEntry> &entries);

protected:
    QByteArray command() const override;
    void prepareData(FtpDataChannel *channel) override;
    bool complete(QString *error) override;

private:
    void parseLine(const QByteArray &line);
    void handOut();

    QString m_path;
    bool m_mlsd;
    QByteArray m_partial;
    qint64 m_total = 0;
    QList<DirectoryEntry> m_entries;
    int m_unsafe = 0;
    bool m_streaming = false;
};

} // namespace Satchel::Ftp
