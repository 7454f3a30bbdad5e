#include "ui/mail/OffscreenInsertionGuard.h"

#include "ui/mail/MessageListModel.h"

#include <QAbstractItemView>
#include <QTimer>

namespace Satchel::Ui {

OffscreenInsertionGuard::OffscreenInsertionGuard(QAbstractItemView *view, MessageListModel *model)
    : QObject(view)
    , m_view(view)
    , m_model(model)
{
    // The view's own model (a proxy, maybe filtering): its rows are what is on screen.
    // Connected when the guard is made: the view must have its model by then.
    QAbstractItemModel *shown = view->model();
    if (!shown) {
        return;
    }
    connect(shown, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex &parent, int first, int) {
        if (!parent.isValid()) {
            onRowsAboutToBeInserted(first);
        }
    });
    connect(shown, &QAbstractItemModel::rowsInserted, this, &OffscreenInsertionGuard::releaseWhenDone);
    // A reset, a re-sort or a removal shows other rows: paint them.
    connect(shown, &QAbstractItemModel::modelAboutToBeReset, this, &OffscreenInsertionGuard::release);
    connect(shown, &QAbstractItemModel::layoutAboutToBeChanged, this, &OffscreenInsertionGuard::release);
    connect(shown, &QAbstractItemModel::rowsAboutToBeRemoved, this, &OffscreenInsertionGuard::release);
}

void OffscreenInsertionGuard::onRowsAboutToBeInserted(int first)
{
    QAbstractItemView *view = m_view.data();
    MessageListModel *model = m_model.data();
    if (!view || !model || !model->isInserting() || !view->isVisible()) {
        release();
        return;
    }
    // rowAt() of the viewport's last pixel: -1 when the rows end above it (the view is
    // not full, so new rows are seen at once).
    const int lastShown = view->indexAt(QPoint(0, view->viewport()->height() - 1)).row();
    if (lastShown < 0 || first <= lastShown) {
        release();
        return;
    }
    if (!m_holding) {
        m_holding = true;
        view->viewport()->setUpdatesEnabled(false);
        releaseWhenDone();
    }
}

// Looks at the model once every turn of the event loop while holding, not only after
// the view's model reports rows: a filtering proxy passes on no signal for a chunk
// it shows none of, and a refresh, sort or failed re-read can drop the model's pending
// chunks without a signal at all. The model schedules its next chunk after the signals
// of the last one, so this check, queued first, runs before it.
void OffscreenInsertionGuard::releaseWhenDone()
{
    if (!m_holding || m_checkQueued) {
        return;
    }
    m_checkQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_checkQueued = false;
        const MessageListModel *model = m_model.data();
        if (!model || !model->isInserting()) {
            release();
            return;
        }
        releaseWhenDone(); // still inserting: look again next turn
    });
}

void OffscreenInsertionGuard::release()
{
    if (!m_holding) {
        return;
    }
    m_holding = false;
    if (QAbstractItemView *view = m_view.data()) {
        view->viewport()->setUpdatesEnabled(true); // and one repaint of what it shows
        view->viewport()->update();
    }
}

} // namespace Satchel::Ui
