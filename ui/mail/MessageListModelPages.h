// Internal to MessageListModel.cpp and MessageListModelRows.cpp, which together define
// Satchel::Ui::MessageListModel: its private Row and Page, which the row side fills and reads
// and the index side needs complete to construct and destroy m_pages. The RowState bits of
// Row::state are in MessageListModelRows.cpp. Include it from nowhere else.
#pragma once

#include "ui/mail/MessageListModel.h"

#include <QList>
#include <QString>

#include <vector>

namespace Satchel::Ui {

// One message as the list shows it: 96 bytes plus its strings' text.
struct MessageListModel::Row {
    QString subject;
    QString fromName;
    QString fromEmail;
    qint64 date = 0; // ms since the epoch, UTC; meaningful with HasDate
    qint64 size = 0;
    quint16 flagsIndex = 0; // into Page::flagTexts
    quint8 state = 0; // RowState bits
};

// PageSize consecutive rows of the current order.
struct MessageListModel::Page {
    std::vector<Row> rows; // rows[i] is model row first + i
    QList<QString> flagTexts; // the distinct "flags" values of the page (a handful)
    qsizetype bytes = 0;
    quint64 lastUsed = 0;
};

} // namespace Satchel::Ui
