#include "ui/files/RemoteFilePane.h"

#include "protocols/ftp/TransferPlan.h"
#include "ui/files/RemoteFileModel.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Satchel::Ui {

RemoteFilePane::RemoteFilePane(QWidget *parent)
    : FileBrowserPane(tr("Server"), parent)
    , m_model(new RemoteFileModel(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("remoteFiles"));
    view()->setObjectName(QStringLiteral("remoteFileList"));
    view()->setModel(m_model);
    view()->sortByColumn(RemoteFileModel::Name, Qt::AscendingOrder);
    view()->header()->resizeSection(RemoteFileModel::Name, 240);
    view()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view(), &QWidget::customContextMenuRequested, this, &RemoteFilePane::showMenu);
    m_status->setObjectName(QStringLiteral("remoteStatus"));
    layout()->addWidget(m_status);

    m_askText = [this](const QString &title, const QString &label, const QString &initial) {
        return QInputDialog::getText(this, title, label, QLineEdit::Normal, initial);
    };
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Delete"), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };

    m_newFolder = new QAction(tr("New &Folder…"), this);
    m_newFolder->setObjectName(QStringLiteral("newRemoteFolder"));
    m_newFolder->setShortcut(QKeySequence(Qt::Key_F7));
    connect(m_newFolder, &QAction::triggered, this, &RemoteFilePane::newFolder);
    m_rename = new QAction(tr("&Rename"), this);
    m_rename->setObjectName(QStringLiteral("renameRemote"));
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    connect(m_rename, &QAction::triggered, this, [this] {
        const QModelIndex current = view()->currentIndex();
        if (current.isValid()) {
            view()->edit(current.siblingAtColumn(RemoteFileModel::Name));
        }
    });
    m_delete = new QAction(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteRemote"));
    m_delete->setShortcut(QKeySequence::Delete);
    connect(m_delete, &QAction::triggered, this, &RemoteFilePane::removeSelected);
    m_properties = new QAction(tr("&Properties"), this);
    m_properties->setObjectName(QStringLiteral("remoteProperties"));
    m_properties->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Return));
    connect(m_properties, &QAction::triggered, this, &RemoteFilePane::showProperties);
    m_download = new QAction(tr("Down&load"), this);
    m_download->setObjectName(QStringLiteral("downloadAction"));
    m_download->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_download, &QAction::triggered, this, [this] {
        const QList<Ftp::RemoteTarget> targets = selectedTargets();
        if (!targets.isEmpty()) {
            Q_EMIT downloadRequested(targets);
        }
    });
    for (QAction *action : { m_newFolder, m_rename, m_delete, m_properties, m_download }) {
        addPaneAction(action);
    }
    toolBar()->addAction(m_newFolder);
    connect(view()->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RemoteFilePane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RemoteFilePane::updateActions);
    updateActions();
}

QList<Ftp::RemoteTarget> RemoteFilePane::selectedTargets() const
{
    QList<Ftp::RemoteTarget> targets;
    const QModelIndexList rows = view()->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        targets.append(m_model->target(row.row()));
    }
    return targets;
}

void RemoteFilePane::refresh()
{
    if (!currentPath().isEmpty()) {
        Q_EMIT listRequested(currentPath());
    }
}

void RemoteFilePane::setStatus(const QString &text)
{
    m_status->setText(text);
}

void RemoteFilePane::showFolder(const QString &path)
{
    Q_EMIT listRequested(path);
}

QString RemoteFilePane::parentPath(const QString &path) const
{
    if (path.isEmpty() || path == QLatin1String("/")) {
        return {};
    }
    QString trimmed = path;
    while (trimmed.size() > 1 && trimmed.endsWith(QLatin1Char('/'))) {
        trimmed.chop(1);
    }
    const qsizetype slash = trimmed.lastIndexOf(QLatin1Char('/'));
    if (slash < 0) {
        return {}; // a relative path: the server's own idea of "up" is not ours to guess
    }
    return slash == 0 ? QStringLiteral("/") : trimmed.left(slash);
}

QString RemoteFilePane::folderAt(int row) const
{
    const Ftp::DirectoryEntry *entry = m_model->entry(row);
    return entry && entry->type == Ftp::DirectoryEntry::Type::Directory ? m_model->pathOf(row) : QString();
}

void RemoteFilePane::newFolder()
{
    if (currentPath().isEmpty()) {
        return;
    }
    const QString name = m_askText(tr("New Folder"), tr("Name of the new folder:"), tr("New folder")).trimmed();
    if (name.isEmpty()) {
        return;
    }
    if (name.contains(QLatin1Char('/')) || name == QLatin1String(".") || name == QLatin1String("..")) {
        setStatus(tr("“%1” cannot be a folder name: it must be one name, without “/”.").arg(name));
        return;
    }
    Q_EMIT makeDirectoryRequested(Ftp::joinRemotePath(currentPath(), name));
}

void RemoteFilePane::removeSelected()
{
    const QList<Ftp::RemoteTarget> targets = selectedTargets();
    if (targets.isEmpty()) {
        return;
    }
    const bool anyFolder
        = std::any_of(targets.cbegin(), targets.cend(), [](const Ftp::RemoteTarget &t) { return t.isDirectory; });
    QString question = targets.size() == 1 ? tr("Delete “%1” from the server?").arg(targets.constFirst().path)
                                           : tr("Delete these %n items from the server?", nullptr, int(targets.size()));
    if (anyFolder) {
        question += QLatin1Char(' ') + tr("Folders are deleted with everything in them.");
    }
    if (m_confirm(question)) {
        Q_EMIT removeRequested(targets);
    }
}

QString RemoteFilePane::propertiesText(int row) const
{
    const Ftp::DirectoryEntry *entry = m_model->entry(row);
    if (!entry) {
        return {};
    }
    QStringList lines;
    lines << tr("Path: %1").arg(m_model->pathOf(row));
    switch (entry->type) {
    case Ftp::DirectoryEntry::Type::Directory:
        lines << tr("Type: folder");
        break;
    case Ftp::DirectoryEntry::Type::Link:
        lines << tr("Type: link to %1").arg(entry->linkTarget.isEmpty() ? tr("(unknown)") : entry->linkTarget);
        break;
    case Ftp::DirectoryEntry::Type::File:
        lines << tr("Type: file");
        break;
    case Ftp::DirectoryEntry::Type::Other:
        lines << tr("Type: other");
        break;
    }
    if (entry->size >= 0) {
        lines << tr("Size: %1 (%L2 bytes)").arg(QLocale().formattedDataSize(entry->size)).arg(entry->size);
    }
    lines << tr("Modified: %1")
                 .arg(entry->modified.isValid() ? QLocale().toString(entry->modified.toLocalTime(), QLocale::LongFormat)
                                                : tr("unknown"));
    lines << tr("Permissions: %1").arg(entry->permissions.isEmpty() ? tr("unknown") : entry->permissions);
    return lines.join(QLatin1Char('\n'));
}

void RemoteFilePane::showProperties()
{
    const QModelIndex current = view()->currentIndex();
    if (!current.isValid()) {
        return;
    }
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Properties"), propertiesText(current.row()), QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("remotePropertiesBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void RemoteFilePane::showMenu(const QPoint &position)
{
    updateActions();
    QMenu menu(this);
    menu.addAction(m_download);
    menu.addSeparator();
    menu.addAction(m_newFolder);
    menu.addAction(m_rename);
    menu.addAction(m_delete);
    menu.addSeparator();
    menu.addAction(m_properties);
    menu.exec(view()->viewport()->mapToGlobal(position));
}

void RemoteFilePane::updateActions()
{
    const bool any = view()->selectionModel() && view()->selectionModel()->hasSelection();
    m_newFolder->setEnabled(!currentPath().isEmpty());
    m_rename->setEnabled(any);
    m_delete->setEnabled(any);
    m_properties->setEnabled(any);
    m_download->setEnabled(any);
}

} // namespace Satchel::Ui
