#pragma once

#include <QStyledItemDelegate>

namespace Satchel::Ui {

// Draws the message list's subject indented by the row's thread depth
// (MessageListModel::ThreadDepthRole), so replies sit under what they answer. The
// selection and hover background still fill the whole cell. Deep threads stop
// indenting at MaxIndentLevels, so the subject stays readable.
class ThreadIndentDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int MaxIndentLevels = 12;

    explicit ThreadIndentDelegate(QObject *parent = nullptr);

    // The pixels a row of this depth is indented by (one level is three average characters).
    int indentFor(const QStyleOptionViewItem &option, int depth) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Satchel::Ui
