#include "protocols/net/ProtocolLog.h"

#include <QDateTime>

namespace Satchel::Net {

ProtocolLog::ProtocolLog(LogDialect dialect, QString connectionName)
    : m_dialect(dialect)
    , m_name(std::move(connectionName))
{
}

ProtocolLog::~ProtocolLog() = default;

bool ProtocolLog::openFile(const QString &path, QString *error)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        *error = QStringLiteral("cannot open log file %1: %2").arg(path, file->errorString());
        return false;
    }
    QMutexLocker lock(&m_mutex);
    m_file = std::move(file);
    return true;
}

void ProtocolLog::clientLine(const QByteArray &line, Secrecy secrecy)
{
    write(Direction::Client, redactClientLine(m_dialect, line, secrecy));
}

void ProtocolLog::serverLine(const QByteArray &line)
{
    write(Direction::Server, line);
}

void ProtocolLog::note(const QString &text)
{
    write(Direction::Note, text.toUtf8());
}

QStringList ProtocolLog::recentLines() const
{
    QMutexLocker lock(&m_mutex);
    return m_recent;
}

void ProtocolLog::write(Direction direction, const QByteArray &text)
{
    const char *marker = direction == Direction::Client ? "C:" : direction == Direction::Server ? "S:" : "--";
    // Control characters a hostile server sends must not rewrite the log's lines.
    QByteArray safe = text;
    for (char &c : safe) {
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            c = '?';
        }
    }
    const QString entry = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char(' ')
        + (m_name.isEmpty() ? QString() : m_name + QLatin1Char(' ')) + QLatin1String(marker) + QLatin1Char(' ')
        + QString::fromUtf8(safe);
    QMutexLocker lock(&m_mutex);
    m_recent.append(entry);
    if (m_recent.size() > kRecentLimit) {
        m_recent.removeFirst();
    }
    if (m_file) {
        m_file->write(entry.toUtf8() + '\n');
        m_file->flush();
    }
}

} // namespace Satchel::Net
