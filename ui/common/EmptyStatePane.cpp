#include "ui/common/EmptyStatePane.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Satchel::Ui {

EmptyStatePane::EmptyStatePane(const QString &title, const QString &hint, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_hint(new QLabel(hint, this))
{
    setFrameShape(QFrame::StyledPanel);
    setMinimumSize(160, 80);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_hint, 1);
}

QString EmptyStatePane::title() const
{
    return m_title->text();
}

QString EmptyStatePane::hint() const
{
    return m_hint->text();
}

} // namespace Satchel::Ui
