#pragma once

#include "protocols/net/LogRedaction.h"

#include <QFile>
#include <QMutex>
#include <QStringList>

#include <memory>

namespace Satchel::Net {

// One connection's protocol log: time, direction and line, with client secrets
// redacted before anything is stored. Writes to a file (appending, so several
// connections can share one --log FILE) and keeps the last lines in memory for the
// activity view and tests. Safe to share between threads.
class ProtocolLog
{
public:
    enum class Direction { Client, Server, Note };

    explicit ProtocolLog(LogDialect dialect, QString connectionName = {});
    ~ProtocolLog();

    // false with `error` in words if the file cannot be opened.
    bool openFile(const QString &path, QString *error);

    void clientLine(const QByteArray &line, Secrecy secrecy);
    void serverLine(const QByteArray &line);
    void note(const QString &text);

    QStringList recentLines() const;

private:
    void write(Direction direction, const QByteArray &text);

    LogDialect m_dialect;
    QString m_name;
    mutable QMutex m_mutex;
    std::unique_ptr<QFile> m_file;
    QStringList m_recent;
    static constexpr int kRecentLimit = 500;
};

} // namespace Satchel::Net
