#pragma once

#include "ui/files/FileController.h"
#include "ui/mail/MailController.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QLineEdit;
class QSettings;
class QStackedWidget;
class QTableView;

namespace Satchel::Accounts {
class AccountStore;
class PasswordVault;
class SiteStore;
} // namespace Satchel::Accounts

namespace Satchel::Net {
class TrustStore;
}

namespace Satchel::Ui {

class ActivityView;
class EmptyStatePane;
class FileArea;
class FolderTreeView;
class MessageReader;

// Satchel's one window: the folder tree (mail accounts and FTP sites) on the left;
// on the right the message list over the reader, and below them the local and remote
// file panes over the transfer-queue strip. An area shows its empty state (an
// EmptyStatePane of the same objectName as the view) until it has something to show:
// no account yet, no folder chosen, no message chosen. The mail views are driven by a
// MailController, the file area by a FileController.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Where the window keeps things; the defaults are the application's. Tests give
    // their own (a temporary settings file, a session-only vault, a temporary cache).
    struct Options {
        // Not owned; both must outlive the window. Null: accounts in QSettings() and
        // passwords in the OS keyring, owned by the window.
        Accounts::AccountStore *accounts = nullptr;
        Accounts::PasswordVault *vault = nullptr;
        QString mailCacheDir; // empty: <QStandardPaths::CacheLocation>/mail
        // Null: a store whose pins ("trust this key") are kept in the window's own
        // settings when it made them (else for this session only).
        std::shared_ptr<Net::TrustStore> trust;
        MailController::PasswordPrompt askPassword; // empty: a password dialog
        MailController::TrustPrompt askTrust; // empty: a CertificateDialog
        // FTP sites: not owned, must outlive the window; null: in the window's settings.
        Accounts::SiteStore *sites = nullptr;
        QString transferQueueDir; // empty: <AppDataLocation>/transfers
        FileController::OverwritePrompt askOverwrite; // empty: an OverwriteDialog
    };

    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    MailController *mailController() const { return m_mail; }
    FileController *fileController() const { return m_files; }
    FileArea *fileArea() const { return m_fileArea; }
    // File > Add Account…: the account dialog; what it gives goes to the store and vault.
    void addAccount();
    // View > Activity… (and the status bar's count): the running requests, with Cancel.
    ActivityView *showActivity();

private:
    void createMenus();
    void createMailToolBar();
    QWidget *createMailArea();
    QWidget *createFileArea(Options &options);
    void connectMail();
    void showMessageMenu(const QPoint &position);
    void updateActivity();
    void showAbout();
    void loadPins();

    std::unique_ptr<QSettings> m_settings; // when the window keeps its own accounts
    Accounts::PasswordVault *m_vault = nullptr;
    Accounts::AccountStore *m_accounts = nullptr;
    std::shared_ptr<Net::TrustStore> m_trust;
    MailController *m_mail = nullptr;
    Accounts::SiteStore *m_sites = nullptr;
    FileController *m_files = nullptr;
    FileArea *m_fileArea = nullptr;

    QStackedWidget *m_folderStack = nullptr;
    EmptyStatePane *m_folderEmpty = nullptr;
    FolderTreeView *m_folderView = nullptr;
    QStackedWidget *m_listStack = nullptr;
    EmptyStatePane *m_listEmpty = nullptr;
    QTableView *m_messageView = nullptr;
    QStackedWidget *m_readerStack = nullptr;
    EmptyStatePane *m_readerEmpty = nullptr;
    MessageReader *m_reader = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_activity = nullptr;
    ActivityView *m_activityView = nullptr;
};

} // namespace Satchel::Ui
