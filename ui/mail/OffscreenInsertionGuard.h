#pragma once

#include <QObject>
#include <QPointer>

class QAbstractItemView;

namespace Satchel::Ui {

class MessageListModel;

// Keeps a message list view from repainting for rows inserted below what it shows.
// MessageListModel inserts a big sync's rows in chunks, one per turn of the event loop,
// and a QTableView repaints its whole viewport after every insertion (a relayout), which
// reshapes the text of every visible row: most of each turn's time when the rows land
// off screen. While the model is still inserting, and only while the first row of an
// insertion is below the last visible row, the viewport's updates are held; they are
// let go (one repaint) when the model has finished, or when an insertion reaches the
// rows on screen. The scroll bar is not held, so it still grows as rows come in.
class OffscreenInsertionGuard : public QObject
{
    Q_OBJECT

public:
    // Neither is owned; the guard is the view's child and stops when either goes.
    OffscreenInsertionGuard(QAbstractItemView *view, MessageListModel *model);

    bool isHolding() const { return m_holding; }

private:
    void onRowsAboutToBeInserted(int first);
    void releaseWhenDone();
    void release();

    QPointer<QAbstractItemView> m_view;
    QPointer<MessageListModel> m_model;
    bool m_holding = false;
    bool m_checkQueued = false;
};

} // namespace Satchel::Ui
