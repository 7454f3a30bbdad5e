#include "ui/files/TransferQueueView.h"

#include "ui/files/TransferProgressDelegate.h"
#include "ui/files/TransferQueueModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Satchel::Ui {

namespace {

using Item = Ftp::TransferItem;
using ItemState = Ftp::TransferItem::State;

// Which selected items an action applies to; the action is enabled when any does.
bool canPause(const Item &item)
{
    return item.state == ItemState::Pending || item.state == ItemState::Running;
}

bool canResume(const Item &item)
{
    return item.state == ItemState::Paused;
}

bool canCancel(const Item &item)
{
    return !item.isFinal();
}

bool canRetry(const Item &item)
{
    return item.state == ItemState::Failed || item.state == ItemState::Cancelled;
}

// A finished item never runs again, so its priority means nothing.
bool canReprioritise(const Item &item)
{
    return !item.isFinal();
}

bool anyApplies(const QList<Item> &items, bool (*applies)(const Item &))
{
    return std::any_of(items.cbegin(), items.cend(), applies);
}

} // namespace

TransferQueueView::TransferQueueView(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeView(this))
    , m_toolBar(new QToolBar(this))
    , m_summary(new QLabel(this))
    , m_menu(new QMenu(this))
    , m_delegate(new TransferProgressDelegate(this))
{
    setObjectName(QStringLiteral("transferQueue"));

    m_list->setObjectName(QStringLiteral("transferList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setAllColumnsShowFocus(true);
    m_list->setItemDelegateForColumn(TransferQueueModel::Progress, m_delegate);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &TransferQueueView::showContextMenu);

    m_toolBar->setObjectName(QStringLiteral("transferToolBar"));
    m_toolBar->setIconSize(QSize(16, 16));
    m_menu->setObjectName(QStringLiteral("transferMenu"));
    m_summary->setObjectName(QStringLiteral("transferSummary"));
    m_summary->setTextFormat(Qt::PlainText);

    m_pause = addQueueAction(QStringLiteral("pauseTransfer"), tr("Pause"), tr("Pause the selected transfers"),
        "media-playback-pause", QStyle::SP_MediaPause);
    m_resume = addQueueAction(QStringLiteral("resumeTransfer"), tr("Resume"), tr("Resume the selected transfers"),
        "media-playback-start", QStyle::SP_MediaPlay);
    m_cancel = addQueueAction(QStringLiteral("cancelTransfer"), tr("Cancel"), tr("Cancel the selected transfers"),
        "process-stop", QStyle::SP_BrowserStop);
    m_retry = addQueueAction(QStringLiteral("retryTransfer"), tr("Retry"),
        tr("Try the selected failed or cancelled transfers again"), "view-refresh", QStyle::SP_BrowserReload);
    m_menu->addSeparator();
    m_toolBar->addSeparator();
    m_raise = addQueueAction(QStringLiteral("raisePriority"), tr("Raise priority"),
        tr("Transfer the selected files sooner"), "go-up", QStyle::SP_ArrowUp);
    m_lower = addQueueAction(QStringLiteral("lowerPriority"), tr("Lower priority"),
        tr("Transfer the selected files later"), "go-down", QStyle::SP_ArrowDown);
    m_menu->addSeparator();
    m_toolBar->addSeparator();
    m_clearFinished = addQueueAction(QStringLiteral("clearFinished"), tr("Clear finished"),
        tr("Remove the finished, failed, cancelled and skipped transfers from the list"), "edit-clear-list",
        QStyle::SP_DialogResetButton);

    // Delete cancels, as it removes in a file list, but only while the focus is in the
    // queue (the list or its tool bar): in a file pane it means deleting files.
    m_cancel->setShortcut(QKeySequence::Delete);
    m_cancel->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_list->addAction(m_cancel);

    connect(m_pause, &QAction::triggered, this, [this] {
        if (const QList<qint64> ids = selectedIdsWhere(canPause); !ids.isEmpty()) {
            Q_EMIT pauseRequested(ids);
        }
    });
    connect(m_resume, &QAction::triggered, this, [this] {
        if (const QList<qint64> ids = selectedIdsWhere(canResume); !ids.isEmpty()) {
            Q_EMIT resumeRequested(ids);
        }
    });
    connect(m_cancel, &QAction::triggered, this, [this] {
        if (const QList<qint64> ids = selectedIdsWhere(canCancel); !ids.isEmpty()) {
            Q_EMIT cancelRequested(ids);
        }
    });
    connect(m_retry, &QAction::triggered, this, [this] {
        if (const QList<qint64> ids = selectedIdsWhere(canRetry); !ids.isEmpty()) {
            Q_EMIT retryRequested(ids);
        }
    });
    connect(m_raise, &QAction::triggered, this, [this] { requestPriority(+1); });
    connect(m_lower, &QAction::triggered, this, [this] { requestPriority(-1); });
    connect(m_clearFinished, &QAction::triggered, this, [this] {
        if (const TransferQueueModel *model = m_model.data(); model && model->hasFinished()) {
            Q_EMIT clearFinishedRequested();
        }
    });

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_toolBar);
    top->addStretch(1);
    top->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);

    updateActions();
    updateSummary();
}

QAction *TransferQueueView::addQueueAction(const QString &objectName, const QString &text, const QString &toolTip,
    const char *themeIcon, QStyle::StandardPixmap fallbackIcon)
{
    auto *action = new QAction(
        QIcon::fromTheme(QString::fromLatin1(themeIcon), style()->standardIcon(fallbackIcon)), text, this);
    action->setObjectName(objectName);
    action->setToolTip(toolTip);
    m_toolBar->addAction(action);
    m_menu->addAction(action);
    return action;
}

void TransferQueueView::setModel(TransferQueueModel *model)
{
    if (TransferQueueModel *old = m_model.data()) {
        old->disconnect(this);
    }
    QItemSelectionModel *oldSelection = m_list->selectionModel();
    m_model = model;
    m_list->setModel(model);
    // setModel() makes a new selection model and leaves the old one to its owner: the
    // list, for one it made itself.
    if (oldSelection && oldSelection != m_list->selectionModel() && oldSelection->parent() == m_list) {
        oldSelection->deleteLater();
    }

    if (model) {
        QHeaderView *header = m_list->header();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(TransferQueueModel::File, QHeaderView::Stretch);

        const auto changed = [this] { modelChanged(); };
        connect(model, &QAbstractItemModel::dataChanged, this, changed);
        connect(model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(model, &QAbstractItemModel::modelReset, this, changed);
        connect(model, &QAbstractItemModel::layoutChanged, this, changed);
    }
    if (QItemSelectionModel *selection = m_list->selectionModel()) {
        connect(selection, &QItemSelectionModel::selectionChanged, this, &TransferQueueView::updateActions);
    }
    modelChanged();
}

QList<Item> TransferQueueView::selectedItems() const
{
    const TransferQueueModel *model = m_model.data();
    const QItemSelectionModel *selection = m_list->selectionModel();
    if (!model || !selection) {
        return {};
    }
    QList<int> rows;
    for (const QModelIndex &index : selection->selectedRows()) {
        rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    QList<Item> items;
    items.reserve(rows.size());
    for (int row : std::as_const(rows)) {
        if (std::optional<Item> item = model->item(row)) {
            items.append(*item);
        }
    }
    return items;
}

QList<qint64> TransferQueueView::selectedIds() const
{
    QList<qint64> ids;
    for (const Item &item : selectedItems()) {
        ids.append(item.id);
    }
    return ids;
}

QList<qint64> TransferQueueView::selectedIdsWhere(bool (*applies)(const Item &)) const
{
    QList<qint64> ids;
    for (const Item &item : selectedItems()) {
        if (applies(item)) {
            ids.append(item.id);
        }
    }
    return ids;
}

void TransferQueueView::requestPriority(int delta)
{
    for (const Item &item : selectedItems()) {
        if (canReprioritise(item)) {
            Q_EMIT priorityRequested(item.id, item.priority + delta);
        }
    }
}

void TransferQueueView::modelChanged()
{
    // A state change of a selected row changes what can be done with it.
    updateActions();
    updateSummary();
}

void TransferQueueView::updateActions()
{
    const QList<Item> items = selectedItems();
    m_pause->setEnabled(anyApplies(items, canPause));
    m_resume->setEnabled(anyApplies(items, canResume));
    m_cancel->setEnabled(anyApplies(items, canCancel));
    m_retry->setEnabled(anyApplies(items, canRetry));
    m_raise->setEnabled(anyApplies(items, canReprioritise));
    m_lower->setEnabled(anyApplies(items, canReprioritise));
    const TransferQueueModel *model = m_model.data();
    m_clearFinished->setEnabled(model && model->hasFinished());
}

void TransferQueueView::updateSummary()
{
    const TransferQueueModel *model = m_model.data();
    m_summary->setText(model ? model->summary() : QString());
}

void TransferQueueView::showContextMenu(const QPoint &position)
{
    updateActions();
    m_menu->popup(m_list->viewport()->mapToGlobal(position));
}

} // namespace Satchel::Ui
