#pragma once

#include <QStyledItemDelegate>

namespace Satchel::Ui {

// Paints TransferQueueModel's Progress column as a progress bar, from ProgressRole
// (per mille) with the column's text ("42 %") on it. An item whose size is unknown
// (-1) shows a busy bar while it runs and an empty one otherwise. Cells without a
// ProgressRole are painted as usual.
class TransferProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TransferProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Satchel::Ui
