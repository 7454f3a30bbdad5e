#include "ui/files/FileBrowserPane.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Satchel::Ui {

FileBrowserPane::FileBrowserPane(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_toolBar(new QToolBar(this))
    , m_pathEdit(new QLineEdit(this))
    , m_view(new QTreeView(this))
{
    auto *heading = new QLabel(title, this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);

    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addWidget(heading);
    m_back = m_toolBar->addAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("Back"));
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_forward = m_toolBar->addAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("Forward"));
    m_forward->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_up = m_toolBar->addAction(style()->standardIcon(QStyle::SP_FileDialogToParent), tr("Up"));
    m_up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    QAction *reload = m_toolBar->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"));
    reload->setShortcut(QKeySequence::Refresh);
    for (QAction *action : { m_back, m_forward, m_up, reload }) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(m_back, &QAction::triggered, this, &FileBrowserPane::goBack);
    connect(m_forward, &QAction::triggered, this, &FileBrowserPane::goForward);
    connect(m_up, &QAction::triggered, this, &FileBrowserPane::goUp);
    connect(reload, &QAction::triggered, this, &FileBrowserPane::refresh);

    auto *editPath = new QAction(tr("Edit Path"), this);
    editPath->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    editPath->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(editPath);
    connect(editPath, &QAction::triggered, this, [this] {
        m_pathEdit->setFocus();
        m_pathEdit->selectAll();
    });

    m_pathEdit->setObjectName(QStringLiteral("pathBar"));
    m_pathEdit->setClearButtonEnabled(false);
    connect(m_pathEdit, &QLineEdit::returnPressed, this, [this] {
        const QString path = m_pathEdit->text().trimmed();
        if (!path.isEmpty() && path != m_path) {
            navigate(path);
        }
        m_view->setFocus();
    });

    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true); // 100,000 rows lay out in no time
    m_view->setSortingEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->installEventFilter(this);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString folder = folderAt(index.row());
        if (!folder.isEmpty()) {
            navigate(folder);
        }
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_pathEdit);
    layout->addWidget(m_view);
    updateNavigation();
}

void FileBrowserPane::addPaneAction(QAction *action)
{
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
}

bool FileBrowserPane::eventFilter(QObject *watched, QEvent *event)
{
    // While a name is edited the keys go to the editor, not to the view.
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            openCurrent();
            return true;
        }
        if (key->key() == Qt::Key_Backspace && key->modifiers() == Qt::NoModifier) {
            goUp();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FileBrowserPane::openCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const QString folder = current.isValid() ? folderAt(current.row()) : QString();
    if (!folder.isEmpty()) {
        navigate(folder);
    }
}

void FileBrowserPane::navigate(const QString &path)
{
    // A new step forgets the steps one had gone back over, as a browser does.
    m_history = m_history.mid(0, m_index + 1);
    if (m_history.isEmpty() || m_history.constLast() != path) {
        m_history.append(path);
    }
    m_index = m_history.size() - 1;
    go(path);
}

void FileBrowserPane::goBack()
{
    if (canGoBack()) {
        go(m_history.at(--m_index));
    }
}

void FileBrowserPane::goForward()
{
    if (canGoForward()) {
        go(m_history.at(++m_index));
    }
}

void FileBrowserPane::goUp()
{
    const QString parent = parentPath(m_path);
    if (!parent.isEmpty() && parent != m_path) {
        navigate(parent);
    }
}

void FileBrowserPane::go(const QString &path)
{
    m_path = path;
    m_pathEdit->setText(path);
    updateNavigation();
    showFolder(path);
    Q_EMIT pathChanged(path);
}

void FileBrowserPane::updateNavigation()
{
    m_back->setEnabled(canGoBack());
    m_forward->setEnabled(canGoForward());
    const QString parent = m_path.isEmpty() ? QString() : parentPath(m_path);
    m_up->setEnabled(!parent.isEmpty() && parent != m_path);
}

} // namespace Satchel::Ui
