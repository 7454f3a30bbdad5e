#include "ui/files/TransferProgressDelegate.h"

#include "protocols/ftp/TransferItem.h"
#include "ui/files/TransferQueueModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionProgressBar>

#include <algorithm>

namespace Satchel::Ui {

namespace {

// Wide enough for a bar that reads as one next to "100 %".
constexpr int kMinimumWidth = 90;
// Keeps the bar off the row's edges, so adjacent rows' bars do not touch.
constexpr int kMargin = 2;

} // namespace

TransferProgressDelegate::TransferProgressDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void TransferProgressDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant progress = index.data(TransferQueueModel::ProgressRole);
    if (!progress.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // The cell itself (selection, focus, alternate rows) without its text: the bar
    // carries the text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    const QWidget *widget = cell.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    QStyleOptionProgressBar bar;
    if (widget)
        bar.initFrom(widget);
    bar.rect = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    bar.state = (option.state & QStyle::State_Enabled) | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = 0;
    const int permille = progress.toInt();
    if (permille >= 0) {
        bar.progress = std::min(permille, 1000);
    } else if (index.data(TransferQueueModel::StateRole).toInt() == int(Ftp::TransferItem::State::Running)) {
        // minimum == maximum is the style's busy (indeterminate) bar.
        bar.maximum = 0;
    }
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = !bar.text.isEmpty();
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QSize TransferProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize hint = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(TransferQueueModel::ProgressRole).isValid())
        hint.setWidth(std::max(hint.width(), kMinimumWidth));
    return hint;
}

} // namespace Satchel::Ui
