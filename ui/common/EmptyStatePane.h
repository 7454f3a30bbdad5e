#pragma once

#include <QFrame>

class QLabel;

namespace Satchel::Ui {

// A titled area that says what will appear in it and how to get there, shown until
// the area has content (no account yet, no folder selected, no site connected).
class EmptyStatePane : public QFrame
{
    Q_OBJECT

public:
    EmptyStatePane(const QString &title, const QString &hint, QWidget *parent = nullptr);

    QString title() const;
    QString hint() const;

private:
    QLabel *m_title;
    QLabel *m_hint;
};

} // namespace Satchel::Ui
