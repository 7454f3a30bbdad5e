#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Satchel::Accounts {
class PasswordVault;
class SiteStore;
} // namespace Satchel::Accounts

namespace Satchel::Ui {

class FileController;
class LocalFilePane;
class QuickConnectBar;
class RemoteFilePane;
class TransferQueueView;

// The file half of the window: a connect bar (Site Manager…, quick connect, the site
// connected and Disconnect), the local and remote panes side by side, and the
// transfer queue under them. The FileController does the work.
class FileArea : public QWidget
{
    Q_OBJECT

public:
    FileArea(FileController *controller, Accounts::SiteStore *sites, Accounts::PasswordVault *vault,
        QWidget *parent = nullptr);

    LocalFilePane *localPane() const { return m_local; }
    RemoteFilePane *remotePane() const { return m_remote; }
    TransferQueueView *queueView() const { return m_queue; }
    QuickConnectBar *quickConnect() const { return m_quick; }

    // Site > Site Manager…: the dialog; Connect there connects.
    void openSiteManager();

private:
    FileController *m_controller;
    Accounts::SiteStore *m_sites;
    Accounts::PasswordVault *m_vault;
    LocalFilePane *m_local;
    RemoteFilePane *m_remote;
    TransferQueueView *m_queue;
    QuickConnectBar *m_quick;
    QLabel *m_siteLabel;
    QPushButton *m_disconnect;
};

} // namespace Satchel::Ui
