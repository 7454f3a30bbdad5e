#pragma once

#include <QDialog>

class QPushButton;
class QTreeWidget;

namespace Satchel::Ui {

class MailAccounts;

// View > Activity: the requests the mail engines are working on (syncs, message
// fetches, searches, changes), oldest first, with their account, and Cancel for the
// ones chosen. A cancelled request says "Cancelling…" until its engine has answered:
// one still waiting is dropped at once, a running read stops with its connection, a
// change already being sent to the server finishes. Updated as requests come and go;
// not modal, so it can stay open beside the window.
class ActivityView : public QDialog
{
    Q_OBJECT

public:
    explicit ActivityView(MailAccounts *accounts, QWidget *parent = nullptr);

    // Cancels the selected requests (the Cancel button); returns how many were asked.
    int cancelSelected();

private:
    void refresh();
    void updateButton();

    MailAccounts *m_accounts;
    QTreeWidget *m_list;
    QPushButton *m_cancel;
};

} // namespace Satchel::Ui
