#include "protocols/ftp/TransferPlan.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace Satchel::Ftp {

QString remoteParentPath(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash < 0) {
        return {};
    }
    return slash == 0 ? QStringLiteral("/") : path.left(slash);
}

QString joinRemotePath(const QString &directory, const QString &name)
{
    if (directory.isEmpty()) {
        return name;
    }
    if (directory.endsWith(QLatin1Char('/'))) {
        return directory + name;
    }
    return directory + QLatin1Char('/') + name;
}

TransferPlan planTreeDownload(const QString &remoteRoot, const QList<FtpTreeListOperation::Entry> &tree,
    const QString &localRoot, OverwritePolicy overwrite)
{
    TransferPlan plan;
    plan.directories.append(localRoot);
    const QDir root(localRoot);
    for (const auto &[relative, entry] : tree) {
        const QString target = root.filePath(relative);
        if (entry.type == DirectoryEntry::Type::Directory) {
            plan.directories.append(target);
            continue;
        }
        if (entry.type != DirectoryEntry::Type::File) {
            continue; // links are not followed, devices are not files
        }
        TransferItem item;
        item.direction = TransferItem::Direction::Download;
        item.remotePath = joinRemotePath(remoteRoot, relative);
        item.localPath = target;
        item.size = entry.size;
        item.overwrite = overwrite;
        plan.items.append(item);
    }
    std::sort(plan.directories.begin(), plan.directories.end()); // parents before children
    return plan;
}

TransferPlan planTreeUpload(const QString &localRoot, const QString &remoteRoot, OverwritePolicy overwrite)
{
    TransferPlan plan;
    QStringList relativeDirs { QString() };
    const QFileInfo root(localRoot);
    const QDir base(root.absoluteFilePath());
    QDirIterator it(localRoot, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString relative = base.relativeFilePath(info.absoluteFilePath());
        if (info.isDir()) {
            relativeDirs.append(relative);
        } else if (info.isFile()) {
            TransferItem item;
            item.direction = TransferItem::Direction::Upload;
            item.localPath = info.filePath();
            item.remotePath = joinRemotePath(remoteRoot, relative);
            item.size = info.size();
            item.overwrite = overwrite;
            plan.items.append(item);
        }
    }
    std::sort(relativeDirs.begin(), relativeDirs.end());
    for (const QString &relative : std::as_const(relativeDirs)) {
        plan.directories.append(relative.isEmpty() ? remoteRoot : joinRemotePath(remoteRoot, relative));
    }
    return plan;
}

} // namespace Satchel::Ftp
