#include "ui/mail/ThreadIndentDelegate.h"

#include "ui/mail/MessageListModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace Satchel::Ui {

ThreadIndentDelegate::ThreadIndentDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

int ThreadIndentDelegate::indentFor(const QStyleOptionViewItem &option, int depth) const
{
    const int levels = std::clamp(depth, 0, MaxIndentLevels);
    return levels * 3 * option.fontMetrics.averageCharWidth();
}

void ThreadIndentDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int indent = indentFor(option, index.data(MessageListModel::ThreadDepthRole).toInt());
    if (indent <= 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The background first, over the whole cell; then the item in the indented rect,
    // whose own background covers only part of it with the same brush.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &background, painter, widget);
    QStyleOptionViewItem indented = option;
    indented.rect.setLeft(option.rect.left() + indent);
    QStyledItemDelegate::paint(painter, indented, index);
}

QSize ThreadIndentDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += indentFor(option, index.data(MessageListModel::ThreadDepthRole).toInt());
    return size;
}

} // namespace Satchel::Ui
