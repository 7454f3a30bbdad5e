#include "ui/mail/ActivityView.h"

#include "ui/mail/MailAccounts.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Satchel::Ui {

namespace {
constexpr int kRequestIdRole = Qt::UserRole + 1;
} // namespace

ActivityView::ActivityView(MailAccounts *accounts, QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_list(new QTreeWidget(this))
    , m_cancel(new QPushButton(tr("&Cancel Request"), this))
{
    setObjectName(QStringLiteral("activityView"));
    setWindowTitle(tr("Activity"));
    m_list->setObjectName(QStringLiteral("activityList"));
    m_list->setHeaderLabels({ tr("Request"), tr("Account"), tr("State") });
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_cancel->setObjectName(QStringLiteral("cancelRequestButton"));
    connect(m_cancel, &QPushButton::clicked, this, &ActivityView::cancelSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ActivityView::updateButton);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("What the mail accounts are working on:"), this));
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(560, 300);

    connect(m_accounts, &MailAccounts::activityChanged, this, &ActivityView::refresh);
    refresh();
}

void ActivityView::refresh()
{
    // The selection is kept by request id across the rebuild.
    QSet<quint64> selected;
    for (const QTreeWidgetItem *item : m_list->selectedItems()) {
        selected.insert(item->data(0, kRequestIdRole).toULongLong());
    }
    m_list->clear();
    for (const MailAccounts::Activity &activity : m_accounts->activities()) {
        auto *item = new QTreeWidgetItem(m_list,
            { activity.description, activity.account, activity.cancelling ? tr("Cancelling…") : tr("Running") });
        item->setData(0, kRequestIdRole, activity.requestId);
        item->setSelected(selected.contains(activity.requestId));
    }
    if (m_list->topLevelItemCount() == 0) {
        auto *idle = new QTreeWidgetItem(m_list, { tr("Nothing is running."), QString(), QString() });
        idle->setFlags(Qt::NoItemFlags);
    }
    updateButton();
}

void ActivityView::updateButton()
{
    bool any = false;
    for (const QTreeWidgetItem *item : m_list->selectedItems()) {
        any = any || item->data(0, kRequestIdRole).toULongLong() != 0;
    }
    m_cancel->setEnabled(any);
}

int ActivityView::cancelSelected()
{
    QList<quint64> ids;
    for (const QTreeWidgetItem *item : m_list->selectedItems()) {
        if (const quint64 id = item->data(0, kRequestIdRole).toULongLong()) {
            ids.append(id);
        }
    }
    int asked = 0;
    for (const quint64 id : std::as_const(ids)) {
        asked += m_accounts->cancel(id) ? 1 : 0;
    }
    return asked;
}

} // namespace Satchel::Ui
