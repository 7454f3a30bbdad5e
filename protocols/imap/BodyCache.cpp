#include "protocols/imap/BodyCache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <vector>

namespace Satchel::Imap {

namespace {

constexpr QFileDevice::Permissions kOwnerOnlyDir
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

bool makePrivateDir(const QString &path)
{
    if (!QDir().mkpath(path)) {
        return false;
    }
    QFile::setPermissions(path, kOwnerOnlyDir);
    return true;
}

} // namespace

BodyCache::BodyCache(const QString &mailCachePath, qint64 limit)
    : m_root(mailCachePath + QStringLiteral(".bodies"))
    , m_limit(limit)
{ }

QString BodyCache::folderDir(const QString &folder) const
{
    const QByteArray hash = QCryptographicHash::hash(folder.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return m_root + QLatin1Char('/') + QString::fromLatin1(hash);
}

QString BodyCache::pathFor(const QString &folder, quint32 uidValidity, quint32 uid) const
{
    return folderDir(folder) + QStringLiteral("/%1-%2.eml").arg(uidValidity).arg(uid);
}

std::optional<QByteArray> BodyCache::read(const QString &folder, quint32 uidValidity, quint32 uid) const
{
    if (uidValidity == 0 || uid == 0) {
        return std::nullopt;
    }
    QFile file(pathFor(folder, uidValidity, uid));
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxMessageSize) {
        return std::nullopt;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return std::nullopt;
    }
    return bytes;
}

bool BodyCache::write(
    const QString &folder, quint32 uidValidity, quint32 uid, const QByteArray &message, QString *error)
{
    if (uidValidity == 0 || uid == 0) {
        *error = QStringLiteral("a message is kept only with its UID and UIDVALIDITY");
        return false;
    }
    if (message.size() > MaxMessageSize) {
        *error = QStringLiteral("the message is larger than %1 bytes").arg(MaxMessageSize);
        return false;
    }
    const QString dir = folderDir(folder);
    if (!makePrivateDir(m_root) || !makePrivateDir(dir)) {
        *error = QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    const QString path = pathFor(folder, uidValidity, uid);
    const qint64 before = sizeOnDisk() - (QFileInfo::exists(path) ? QFileInfo(path).size() : 0);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(message) != message.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    m_size = before + message.size();
    if (m_size > m_limit) {
        trim();
    }
    return true;
}

void BodyCache::remove(const QString &folder, quint32 uidValidity, const QList<quint32> &uids)
{
    for (const quint32 uid : uids) {
        const QString path = pathFor(folder, uidValidity, uid);
        const qint64 size = QFileInfo(path).size();
        if (QFile::remove(path) && m_size >= 0) {
            m_size -= size;
        }
    }
}

void BodyCache::removeFolder(const QString &folder)
{
    QDir dir(folderDir(folder));
    if (dir.exists()) {
        dir.removeRecursively();
        m_size = -1; // counted again when next needed
    }
}

qint64 BodyCache::sizeOnDisk()
{
    if (m_size < 0) {
        m_size = 0;
        QDirIterator it(m_root, { QStringLiteral("*.eml") }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            m_size += it.fileInfo().size();
        }
    }
    return m_size;
}

void BodyCache::trim()
{
    struct Entry {
        QDateTime written;
        qint64 size;
        QString path;
    };
    std::vector<Entry> entries;
    qint64 total = 0;
    QDirIterator it(m_root, { QStringLiteral("*.eml") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        entries.push_back(Entry { info.lastModified(), info.size(), info.filePath() });
        total += info.size();
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.written < b.written; });
    // Down to 90% of the limit, so that the next few writes do not walk the tree again.
    const qint64 target = m_limit / 10 * 9;
    for (const Entry &entry : entries) {
        if (total <= target) {
            break;
        }
        if (QFile::remove(entry.path)) {
            total -= entry.size;
        }
    }
    m_size = total;
}

} // namespace Satchel::Imap
