#include "protocols/ftp/FtpListOperation.h"

#include "protocols/ftp/FtpDataChannel.h"
#include "protocols/ftp/FtpSession.h"
#include "protocols/ftp/ListingParser.h"

namespace Satchel::Ftp {

namespace {
constexpr qint64 kMaxListing = 64 * 1024 * 1024;
constexpr qsizetype kMaxLine = 64 * 1024;
} // namespace

FtpListOperation::FtpListOperation(FtpSession *session, QString path, QObject *parent)
    : FtpTransferOperation(session, parent)
    , m_path(std::move(path))
    , m_mlsd(session->hasFeature("MLST"))
{ }

QByteArray FtpListOperation::command() const
{
    const QByteArray verb = m_mlsd ? QByteArray("MLSD") : QByteArray("LIST");
    return m_path.isEmpty() ? verb : verb + ' ' + m_path.toUtf8();
}

void FtpListOperation::prepareData(FtpDataChannel *channel)
{
    channel->setSink([this](const char *data, qint64 size, QString *error) {
        m_total += size;
        if (m_total > kMaxListing) {
            *error = QStringLiteral("the directory listing is larger than %1 MiB").arg(kMaxListing >> 20);
            return false;
        }
        m_partial.append(data, size);
        qsizetype start = 0;
        qsizetype newline;
        while ((newline = m_partial.indexOf('\n', start)) >= 0) {
            parseLine(m_partial.mid(start, newline - start));
            start = newline + 1;
        }
        m_partial.remove(0, start);
        handOut();
        if (m_partial.size() > kMaxLine) {
            *error = QStringLiteral("a line of the directory listing is longer than %1 KiB").arg(kMaxLine / 1024);
            return false;
        }
        return true;
    });
}

void FtpListOperation::parseLine(const QByteArray &raw)
{
    QByteArray line = raw;
    if (line.endsWith('\r')) {
        line.chop(1);
    }
    if (line.isEmpty()) {
        return;
    }
    const std::optional<DirectoryEntry> entry
        = m_mlsd ? parseMlsdLine(line) : parseListLine(line, QDateTime::currentDateTimeUtc());
    if (!entry) {
        return;
    }
    if (sanitizeRemoteName(entry->name).isEmpty()) {
        ++m_unsafe;
        return;
    }
    m_entries.append(*entry);
}

void FtpListOperation::handOut()
{
    if (m_streaming && !m_entries.isEmpty()) {
        QList<DirectoryEntry> batch;
        batch.swap(m_entries);
        Q_EMIT entriesParsed(batch);
    }
}

bool FtpListOperation::complete(QString *)
{
    if (!m_partial.isEmpty()) {
        parseLine(m_partial); // a last line without its line end
        m_partial.clear();
    }
    handOut();
    return true;
}

} // namespace Satchel::Ftp
