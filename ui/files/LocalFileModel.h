#pragma once

#include "protocols/ftp/FtpSiteEngine.h"

#include <QFileSystemModel>

namespace Satchel::Ui {

// The local pane's model: the file system (QFileSystemModel, read-only: the pane
// browses and drags, it does not move local files about), which also takes drops of
// remote rows (RemoteFileModel::kMimeType) on a folder or on the folder shown, and
// asks for their download there. Its own rows drag as file URLs, which the remote
// pane and the desktop's file manager both understand.
class LocalFileModel : public QFileSystemModel
{
    Q_OBJECT

public:
    explicit LocalFileModel(QObject *parent = nullptr);

    // The connected site (RemoteFileModel::siteKey): rows of another site are refused,
    // their paths mean nothing on this one.
    void setSiteKey(const QString &key) { m_siteKey = key; }
    // The folder the pane shows: a drop below the last row lands here.
    void setShownDirectory(const QString &path) { m_shown = path; }

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    bool canDropMimeData(
        const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(
        const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

Q_SIGNALS:
    void downloadRequested(const QList<Satchel::Ftp::RemoteTarget> &sources, const QString &localDirectory);

private:
    QString dropDirectory(const QModelIndex &parent) const;

    QString m_shown;
    QString m_siteKey;
};

} // namespace Satchel::Ui
