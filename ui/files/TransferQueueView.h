#pragma once

#include "protocols/ftp/TransferItem.h"
#include "ui/files/TransferQueueModel.h"

#include <QList>
#include <QPointer>
#include <QStyle>
#include <QWidget>

class QAction;
class QLabel;
class QMenu;
class QToolBar;
class QTreeView;

namespace Satchel::Ui {

class TransferProgressDelegate;

// The transfer queue pane of the file window: the list of transfers over a
// TransferQueueModel, a tool bar and a context menu to pause, resume, cancel (also the
// Delete key), retry and reprioritise the selected transfers and to clear the finished
// ones, and a line that sums the queue up. The view changes nothing itself: each
// action is a request signal, carrying only the selected items it applies to (pausing
// a selection of running and done items pauses the running ones), for whoever drives
// the engine.
class TransferQueueView : public QWidget
{
    Q_OBJECT

public:
    explicit TransferQueueView(QWidget *parent = nullptr);

    // The view does not own the model.
    void setModel(TransferQueueModel *model);
    TransferQueueModel *model() const { return m_model.data(); }
    QTreeView *list() const { return m_list; }

    // The ids of the selected rows, in row order.
    QList<qint64> selectedIds() const;

Q_SIGNALS:
    void pauseRequested(const QList<qint64> &ids);
    void resumeRequested(const QList<qint64> &ids);
    void cancelRequested(const QList<qint64> &ids);
    void retryRequested(const QList<qint64> &ids);
    // Once per selected unfinished item: its priority one higher or one lower.
    void priorityRequested(qint64 id, int priority);
    void clearFinishedRequested();

private:
    QAction *addQueueAction(const QString &objectName, const QString &text, const QString &toolTip,
        const char *themeIcon, QStyle::StandardPixmap fallbackIcon);
    QList<Ftp::TransferItem> selectedItems() const;
    QList<qint64> selectedIdsWhere(bool (*applies)(const Ftp::TransferItem &)) const;
    void requestPriority(int delta);
    void modelChanged();
    void updateActions();
    void updateSummary();
    void showContextMenu(const QPoint &position);

    QPointer<TransferQueueModel> m_model;
    QTreeView *m_list;
    QToolBar *m_toolBar;
    QLabel *m_summary;
    QMenu *m_menu;
    TransferProgressDelegate *m_delegate;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_raise = nullptr;
    QAction *m_lower = nullptr;
    QAction *m_clearFinished = nullptr;
};

} // namespace Satchel::Ui
