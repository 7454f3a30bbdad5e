#include "ui/mail/FolderTreeView.h"

#include "ui/mail/FolderTreeModel.h"
#include "ui/mail/MessageFilterProxy.h"

#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMimeData>

namespace Satchel::Ui {

FolderTreeView::FolderTreeView(QWidget *parent)
    : QTreeView(parent)
{
    setHeaderHidden(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DropOnly);
    setDropIndicatorShown(false); // the cursor says whether a folder takes the messages
    setAutoExpandDelay(700);
}

void FolderTreeView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model()) {
        old->disconnect(this);
    }
    QTreeView::setModel(model);
    if (!model) {
        return;
    }
    // Connected after the view's own handling, so the view is reset when this runs.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &FolderTreeView::rememberExpanded);
    connect(model, &QAbstractItemModel::modelReset, this, &FolderTreeView::restoreExpanded);
    restoreExpanded();
}

QString FolderTreeView::keyOf(const QModelIndex &index)
{
    return index.data(FolderTreeModel::AccountIdRole).toString() + QLatin1Char('\n')
        + index.data(FolderTreeModel::FolderNameRole).toString();
}

void FolderTreeView::walk(const QModelIndex &parent, const std::function<void(const QModelIndex &)> &visit) const
{
    const QAbstractItemModel *m = model();
    const int rows = m->rowCount(parent);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex child = m->index(row, 0, parent);
        visit(child);
        if (m->hasChildren(child)) {
            walk(child, visit);
        }
    }
}

void FolderTreeView::rememberExpanded()
{
    if (!model()) {
        return;
    }
    // Only nodes with children can be open or closed: an account without its folders
    // yet keeps the state it is to have once they arrive.
    walk({}, [this](const QModelIndex &index) {
        if (!model()->hasChildren(index)) {
            return;
        }
        if (isExpanded(index)) {
            m_expanded.insert(keyOf(index));
        } else {
            m_expanded.remove(keyOf(index));
        }
    });
}

void FolderTreeView::restoreExpanded()
{
    if (!model()) {
        return;
    }
    walk({}, [this](const QModelIndex &index) {
        const bool account = index.data(FolderTreeModel::IsAccountRole).toBool();
        const QString key = keyOf(index);
        if (account && !m_knownAccounts.contains(key)) {
            m_knownAccounts.insert(key); // a new account starts open
            m_expanded.insert(key);
        }
        if (m_expanded.contains(key) && !isExpanded(index)) {
            expand(index);
        }
    });
}

QModelIndex FolderTreeView::dropTarget(const QDropEvent *event) const
{
    const auto payload = MessageFilterProxy::decodeDrag(event->mimeData());
    if (!payload) {
        return {};
    }
    const QModelIndex target = indexAt(event->position().toPoint());
    if (!target.isValid() || !(target.flags() & Qt::ItemIsSelectable)) {
        return {};
    }
    const QString folder = target.data(FolderTreeModel::FolderNameRole).toString();
    if (folder.isEmpty() || folder == payload->folder
        || target.data(FolderTreeModel::AccountIdRole).toString() != payload->accountId) {
        return {}; // an account, the folder they are in, or another account
    }
    return target;
}

void FolderTreeView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!event->mimeData()->hasFormat(MessageFilterProxy::mimeType())) {
        event->ignore();
        return;
    }
    // Accepted for now, so move events follow; each says whether here is a target.
    event->acceptProposedAction();
    setState(QAbstractItemView::DraggingState);
}

void FolderTreeView::dragMoveEvent(QDragMoveEvent *event)
{
    QTreeView::dragMoveEvent(event); // auto-scroll and auto-expand; it knows no drop of its own
    const QModelIndex target = dropTarget(event);
    if (!target.isValid()) {
        event->ignore(visualRect(indexAt(event->position().toPoint())));
        return;
    }
    event->setDropAction(event->proposedAction() == Qt::CopyAction ? Qt::CopyAction : Qt::MoveAction);
    event->accept(visualRect(target));
}

void FolderTreeView::dropEvent(QDropEvent *event)
{
    stopAutoScroll();
    setState(QAbstractItemView::NoState);
    const QModelIndex target = dropTarget(event);
    const auto payload = MessageFilterProxy::decodeDrag(event->mimeData());
    if (!target.isValid() || !payload) {
        event->ignore();
        return;
    }
    const Qt::DropAction action = event->proposedAction() == Qt::CopyAction ? Qt::CopyAction : Qt::MoveAction;
    event->setDropAction(action);
    event->accept();
    Q_EMIT messagesDropped(payload->accountId, payload->folder, payload->uids, target, action);
}

} // namespace Satchel::Ui
