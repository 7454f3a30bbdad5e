#include "ui/files/LocalFilePane.h"

#include "ui/files/LocalFileModel.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenu>
#include <QTreeView>

namespace Satchel::Ui {

LocalFilePane::LocalFilePane(QWidget *parent)
    : FileBrowserPane(tr("This computer"), parent)
    , m_model(new LocalFileModel(this))
{
    setObjectName(QStringLiteral("localFiles"));
    view()->setObjectName(QStringLiteral("localFileList"));
    view()->setModel(m_model);
    view()->sortByColumn(0, Qt::AscendingOrder);
    view()->header()->resizeSection(0, 240);
    view()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view(), &QWidget::customContextMenuRequested, this, &LocalFilePane::showMenu);
    // QFileSystemModel reads a folder on its own thread; the rows that arrive after the
    // view asked for its order are sorted once the folder is in (folders first).
    connect(m_model, &QFileSystemModel::directoryLoaded, this, [this] {
        const QHeaderView *header = view()->header();
        m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    });

    m_upload = new QAction(tr("&Upload"), this);
    m_upload->setObjectName(QStringLiteral("uploadAction"));
    m_upload->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    addPaneAction(m_upload);
    connect(m_upload, &QAction::triggered, this, [this] {
        const QStringList paths = selectedPaths();
        if (!paths.isEmpty()) {
            Q_EMIT uploadRequested(paths);
        }
    });
}

QStringList LocalFilePane::selectedPaths() const
{
    QStringList paths;
    const QModelIndexList rows = view()->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        paths.append(m_model->filePath(row));
    }
    return paths;
}

void LocalFilePane::refresh()
{
    // QFileSystemModel watches the folder; a refresh only has to show it again.
    showFolder(currentPath());
}

void LocalFilePane::showFolder(const QString &path)
{
    m_model->setRootPath(path);
    m_model->setShownDirectory(path);
    view()->setRootIndex(m_model->index(path));
}

QString LocalFilePane::parentPath(const QString &path) const
{
    const QDir dir(path);
    if (dir.isRoot()) {
        return {};
    }
    return QFileInfo(dir.absolutePath()).absolutePath();
}

QString LocalFilePane::folderAt(int row) const
{
    const QModelIndex index = m_model->index(row, 0, view()->rootIndex());
    return index.isValid() && m_model->isDir(index) ? m_model->filePath(index) : QString();
}

void LocalFilePane::showMenu(const QPoint &position)
{
    QMenu menu(this);
    m_upload->setEnabled(!selectedPaths().isEmpty());
    menu.addAction(m_upload);
    menu.exec(view()->viewport()->mapToGlobal(position));
}

} // namespace Satchel::Ui
