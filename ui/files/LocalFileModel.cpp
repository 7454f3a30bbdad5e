#include "ui/files/LocalFileModel.h"

#include "ui/files/RemoteFileModel.h"

#include <QMimeData>

namespace Satchel::Ui {

LocalFileModel::LocalFileModel(QObject *parent)
    : QFileSystemModel(parent)
{
    setReadOnly(true);
    // Hidden files stay hidden, as in the desktop's file manager.
    setFilter(QDir::AllEntries | QDir::NoDotAndDotDot);
}

Qt::ItemFlags LocalFileModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QFileSystemModel::flags(index);
    if (!index.isValid() || isDir(index)) {
        flags |= Qt::ItemIsDropEnabled; // read-only as files go, but downloads may land here
    }
    return flags;
}

QStringList LocalFileModel::mimeTypes() const
{
    return { QStringLiteral("text/uri-list"), RemoteFileModel::kMimeType };
}

QString LocalFileModel::dropDirectory(const QModelIndex &parent) const
{
    if (parent.isValid() && isDir(parent)) {
        return filePath(parent);
    }
    return m_shown;
}

bool LocalFileModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    if (!data || !data->hasFormat(RemoteFileModel::kMimeType) || dropDirectory(parent).isEmpty()) {
        return false;
    }
    QString site;
    RemoteFileModel::targetsFrom(data, &site);
    return site == m_siteKey;
}

bool LocalFileModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent)) {
        return false;
    }
    const QList<Ftp::RemoteTarget> sources = RemoteFileModel::targetsFrom(data, nullptr);
    if (sources.isEmpty()) {
        return false;
    }
    Q_EMIT downloadRequested(sources, dropDirectory(parent));
    return true;
}

} // namespace Satchel::Ui
