#include "protocols/store/MaildirWriter.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHostInfo>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace Satchel::Store {

namespace {

// The host part of a Maildir name: "/" and ":" are encoded as the spec says.
QString safeHostName()
{
    QString host = QHostInfo::localHostName();
    if (host.isEmpty()) {
        host = QStringLiteral("localhost");
    }
    host.replace(QLatin1Char('/'), QStringLiteral("\\057"));
    host.replace(QLatin1Char(':'), QStringLiteral("\\072"));
    return host;
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool syncDirectory(const QString &path, QString *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, errnoText());
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    if (!ok) {
        *error = QStringLiteral("cannot sync %1: %2").arg(path, errnoText());
    }
    ::close(fd);
    return ok;
}

} // namespace

MaildirWriter::MaildirWriter(QString root)
    : m_root(std::move(root))
{
}

MaildirWriter::~MaildirWriter()
{
    if (m_syncFd >= 0) {
        ::close(m_syncFd);
    }
}

bool MaildirWriter::ensureExists(QString *error)
{
    for (const QString &sub : {QString(), QStringLiteral("/tmp"), QStringLiteral("/new"), QStringLiteral("/cur")}) {
        const QString path = m_root + sub;
        if (QFileInfo(path).isDir()) {
            continue;
        }
        if (!QDir().mkpath(path)) {
            *error = QStringLiteral("cannot create the Maildir folder %1").arg(path);
            return false;
        }
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    if (m_syncFd < 0) {
        const QString tmp = m_root + QStringLiteral("/tmp");
        m_syncFd = ::open(QFile::encodeName(tmp).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (m_syncFd < 0) {
            *error = QStringLiteral("cannot open %1: %2").arg(tmp, errnoText());
            return false;
        }
    }
    return true;
}

std::unique_ptr<MaildirWriter::Delivery> MaildirWriter::begin(QString *error)
{
    static const QString host = safeHostName();
    static std::atomic<quint64> counter{0};
    const qint64 usecs = QDateTime::currentMSecsSinceEpoch() * 1000;
    // time.MusecPpidQcounter.host: unique for this host, process and moment.
    const QString name = QStringLiteral("%1.M%2P%3Q%4.%5")
                             .arg(usecs / 1000000)
                             .arg(usecs % 1000000)
                             .arg(::getpid())
                             .arg(++counter)
                             .arg(host);
    std::unique_ptr<Delivery> delivery(new Delivery(m_root, name));
    delivery->m_file.setFileName(delivery->tmpPath());
    if (!delivery->m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *error = QStringLiteral("cannot create %1: %2").arg(delivery->tmpPath(), delivery->m_file.errorString());
        return nullptr;
    }
    delivery->m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return delivery;
}

bool MaildirWriter::syncData(QString *error) const
{
    // syncfs(2) flushes the whole filesystem in one journal commit: far cheaper than
    // an fsync per message when a batch of hundreds is made durable at once. The
    // descriptor was opened before the first write, so a write-back error that hit
    // any of the batch's files is reported here (Linux 5.8 and later).
    if (m_syncFd < 0) {
        *error = QStringLiteral("the Maildir %1 was not prepared").arg(m_root);
        return false;
    }
    if (::syncfs(m_syncFd) != 0) {
        *error = QStringLiteral("cannot write %1 to disk: %2").arg(m_root, errnoText());
        return false;
    }
    return true;
}

bool MaildirWriter::syncNewDirectory(QString *error) const
{
    return syncDirectory(m_root + QStringLiteral("/new"), error) && syncDirectory(m_root + QStringLiteral("/cur"), error);
}

bool MaildirWriter::contains(const QString &uniqueName) const
{
    if (uniqueName.isEmpty() || uniqueName.contains(QLatin1Char('/'))) {
        return false;
    }
    if (QFileInfo::exists(m_root + QStringLiteral("/new/") + uniqueName)) {
        return true;
    }
    const QDir cur(m_root + QStringLiteral("/cur"));
    return !cur.entryList({uniqueName, uniqueName + QStringLiteral(":*")}, QDir::Files).isEmpty();
}

void MaildirWriter::remove(const QString &uniqueName) const
{
    if (uniqueName.isEmpty() || uniqueName.contains(QLatin1Char('/'))) {
        return;
    }
    QFile::remove(m_root + QStringLiteral("/new/") + uniqueName);
    const QDir cur(m_root + QStringLiteral("/cur"));
    const QStringList matches = cur.entryList({uniqueName, uniqueName + QStringLiteral(":*")}, QDir::Files);
    for (const QString &name : matches) {
        QFile::remove(cur.filePath(name));
    }
}

MaildirWriter::Delivery::Delivery(QString root, QString name)
    : m_root(std::move(root))
    , m_name(std::move(name))
{
}

MaildirWriter::Delivery::~Delivery()
{
    if (!m_inNew) {
        discard();
    }
}

QString MaildirWriter::Delivery::tmpPath() const
{
    return m_root + QStringLiteral("/tmp/") + m_name;
}

bool MaildirWriter::Delivery::write(std::string_view bytes, QString *error)
{
    const qint64 written = m_file.write(bytes.data(), static_cast<qint64>(bytes.size()));
    if (written != static_cast<qint64>(bytes.size())) {
        *error = QStringLiteral("cannot write %1: %2").arg(tmpPath(), m_file.errorString());
        return false;
    }
    m_size += written;
    return true;
}

bool MaildirWriter::Delivery::finishWriting(QString *error)
{
    if (!m_file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(tmpPath(), m_file.errorString());
        return false;
    }
    m_file.close();
    return true;
}

bool MaildirWriter::Delivery::moveToNew(QString *error)
{
    const QString target = m_root + QStringLiteral("/new/") + m_name;
    // renameat2 with RENAME_NOREPLACE: never copies, and never replaces a message
    // that somehow already has this name.
    if (::renameat2(AT_FDCWD, QFile::encodeName(tmpPath()).constData(), AT_FDCWD, QFile::encodeName(target).constData(),
                    RENAME_NOREPLACE)
        != 0) {
        *error = QStringLiteral("cannot move %1 into new/: %2").arg(m_name, errnoText());
        return false;
    }
    m_inNew = true;
    return true;
}

void MaildirWriter::Delivery::discard()
{
    if (m_file.isOpen()) {
        m_file.close();
    }
    if (!m_inNew) {
        QFile::remove(tmpPath());
    }
}

} // namespace Satchel::Store
