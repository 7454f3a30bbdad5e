#include "ui/MainWindow.h"

#include "protocols/accounts/AccountStore.h"
#include "protocols/accounts/PasswordVault.h"
#include "protocols/accounts/SiteStore.h"
#include "protocols/net/SpkiPin.h"
#include "protocols/net/TrustStore.h"
#include "ui/common/EmptyStatePane.h"
#include "ui/files/FileArea.h"
#include "ui/mail/AccountDialog.h"
#include "ui/mail/ActivityView.h"
#include "ui/mail/FolderTreeView.h"
#include "ui/mail/MessageListModel.h"
#include "ui/mail/MessageReader.h"
#include "ui/mail/ThreadIndentDelegate.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace Satchel::Ui {

namespace {

const QString pinsKey = QStringLiteral("trust/pins"); // "host:port sha256/..." per entry
const QString threadsKey = QStringLiteral("mail/threads"); // View > Threads, on or off

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(Options(), parent)
{ }

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Satchel"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/satchel.svg")));

    m_vault = options.vault;
    m_accounts = options.accounts;
    if (!m_accounts) {
        m_settings = std::make_unique<QSettings>();
        if (!m_vault) {
            m_vault = new Accounts::PasswordVault(this);
        }
        m_accounts = new Accounts::AccountStore(m_settings.get(), m_vault, this);
    } else if (!m_vault) {
        m_vault = new Accounts::PasswordVault(this);
    }
    m_trust = options.trust;
    if (!m_trust) {
        m_trust = std::make_shared<Net::TrustStore>();
        loadPins();
    }

    MailController::Options mail;
    mail.cacheDir = options.mailCacheDir;
    mail.trust = m_trust;
    mail.askPassword = options.askPassword;
    mail.askTrust = options.askTrust;
    m_mail = new MailController(m_accounts, m_vault, std::move(mail), this);
    if (m_settings && m_settings->value(threadsKey).toBool()) {
        m_mail->messageModel()->setThreaded(true); // before the first folder is read
    }

    m_folderEmpty
        = new EmptyStatePane(tr("Folders"), tr("Mail accounts and FTP sites appear here once you add them."), this);
    m_folderEmpty->setObjectName(QStringLiteral("folderTree"));
    m_folderView = new FolderTreeView(this);
    m_folderView->setObjectName(QStringLiteral("folderTree"));
    m_folderStack = new QStackedWidget(this);
    m_folderStack->setObjectName(QStringLiteral("folderStack"));
    m_folderStack->addWidget(m_folderEmpty);
    m_folderStack->addWidget(m_folderView);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(createMailArea());
    right->addWidget(createFileArea(options));
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->setObjectName(QStringLiteral("mainSplitter"));
    main->addWidget(m_folderStack);
    main->addWidget(right);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 4);
    setCentralWidget(main);

    m_mail->attach(m_folderView, m_messageView, m_reader, m_search);
    connectMail();
    createMenus();
    createMailToolBar();

    m_activity = new QLabel(this);
    m_activity->setObjectName(QStringLiteral("activityLabel"));
    m_activity->setTextFormat(Qt::RichText);
    connect(m_activity, &QLabel::linkActivated, this, &MainWindow::showActivity);
    statusBar()->addPermanentWidget(m_activity);
    updateActivity();
    statusBar()->showMessage(tr("Ready"));
    resize(1200, 800);
}

MainWindow::~MainWindow()
{
    // The engines stop first (their threads are joined), so nothing calls the pin hook
    // or posts to this window while it is being taken apart.
    delete m_mail;
    m_mail = nullptr;
    delete m_files;
    m_files = nullptr;
    if (m_settings) {
        m_trust->setOnPinAdded({});
    }
}

void MainWindow::loadPins()
{
    if (!m_settings) {
        return; // pins of this session only
    }
    const QStringList entries = m_settings->value(pinsKey).toStringList();
    for (const QString &entry : entries) {
        const qsizetype space = entry.lastIndexOf(QLatin1Char(' '));
        const QString endpoint = entry.left(space);
        const qsizetype colon = endpoint.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        const uint port = colon > 0 ? endpoint.mid(colon + 1).toUInt(&portOk) : 0;
        const Net::SpkiPin pin = Net::SpkiPin::parse(entry.mid(space + 1));
        if (space <= 0 || !portOk || port == 0 || port > 65535 || !pin.isValid()) {
            continue; // not one we wrote
        }
        m_trust->addPin(endpoint.left(colon), quint16(port), pin);
    }
    // Set after loading, so loading does not write them again. Engines call it on their
    // threads: the write happens on this one.
    m_trust->setOnPinAdded([this](const QString &endpoint, const Net::SpkiPin &pin) {
        const QString entry = endpoint + QLatin1Char(' ') + pin.toString();
        QMetaObject::invokeMethod(
            this,
            [this, entry] {
                QStringList stored = m_settings->value(pinsKey).toStringList();
                if (!stored.contains(entry)) {
                    stored.append(entry);
                    m_settings->setValue(pinsKey, stored);
                    m_settings->sync();
                }
            },
            Qt::QueuedConnection);
    });
}

QWidget *MainWindow::createMailArea()
{
    m_listEmpty = new EmptyStatePane(tr("Messages"), tr("Choose a folder to see its messages."), this);
    m_listEmpty->setObjectName(QStringLiteral("messageList"));
    m_messageView = new QTableView(this);
    m_messageView->setObjectName(QStringLiteral("messageList"));
    m_messageView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_messageView->setItemDelegateForColumn(MessageListModel::SubjectColumn, new ThreadIndentDelegate(m_messageView));
    connect(m_messageView, &QWidget::customContextMenuRequested, this, &MainWindow::showMessageMenu);
    m_listStack = new QStackedWidget(this);
    m_listStack->setObjectName(QStringLiteral("messageListStack"));
    m_listStack->addWidget(m_listEmpty);
    m_listStack->addWidget(m_messageView);

    m_readerEmpty = new EmptyStatePane(tr("Reader"), tr("Choose a message to read it here."), this);
    m_readerEmpty->setObjectName(QStringLiteral("reader"));
    m_reader = new MessageReader(this);
    m_reader->setObjectName(QStringLiteral("reader"));
    m_readerStack = new QStackedWidget(this);
    m_readerStack->setObjectName(QStringLiteral("readerStack"));
    m_readerStack->addWidget(m_readerEmpty);
    m_readerStack->addWidget(m_reader);

    auto *mail = new QSplitter(Qt::Vertical, this);
    mail->setObjectName(QStringLiteral("mailArea"));
    mail->addWidget(m_listStack);
    mail->addWidget(m_readerStack);
    mail->setStretchFactor(0, 2);
    mail->setStretchFactor(1, 3);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("quickSearch"));
    m_search->setPlaceholderText(tr("Search subject or sender"));
    m_search->setToolTip(tr("Asks the server; Return searches at once."));
    m_search->setMaximumWidth(320);
    return mail;
}

QWidget *MainWindow::createFileArea(Options &options)
{
    m_sites = options.sites;
    if (!m_sites) {
        m_sites
            = m_settings ? new Accounts::SiteStore(m_settings.get(), this) : new Accounts::SiteStore(QString(), this);
    }
    FileController::Options files;
    files.queueDir = options.transferQueueDir;
    files.trust = m_trust;
    files.askOverwrite = std::move(options.askOverwrite);
    if (options.askTrust) {
        files.askTrust = std::move(options.askTrust);
    }
    m_files = new FileController(m_vault, std::move(files), this);
    connect(m_files, &FileController::statusMessage, this,
        [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    m_fileArea = new FileArea(m_files, m_sites, m_vault, this);
    return m_fileArea;
}

void MainWindow::connectMail()
{
    connect(m_mail, &MailController::statusMessage, this,
        [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    connect(m_mail, &MailController::accountsChanged, this, [this](bool any) {
        m_folderStack->setCurrentWidget(any ? static_cast<QWidget *>(m_folderView) : m_folderEmpty);
    });
    connect(m_mail, &MailController::folderChanged, this, [this](const QString &, const QString &folder) {
        m_listStack->setCurrentWidget(folder.isEmpty() ? static_cast<QWidget *>(m_listEmpty) : m_messageView);
    });
    connect(m_mail, &MailController::messageShown, this, [this](bool shown) {
        m_readerStack->setCurrentWidget(shown ? static_cast<QWidget *>(m_reader) : m_readerEmpty);
    });
    connect(m_mail, &MailController::activityChanged, this, &MainWindow::updateActivity);
    connect(m_vault, &Accounts::PasswordVault::keyringUnavailable, this,
        [this](const QString &text) { statusBar()->showMessage(text, 0); });
    // The controller may have accounts already (it read the store when it was made).
    m_folderStack->setCurrentWidget(m_mail->hasAccounts() ? static_cast<QWidget *>(m_folderView) : m_folderEmpty);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *add = file->addAction(tr("&Add Account…"));
    add->setObjectName(QStringLiteral("addAccountAction"));
    connect(add, &QAction::triggered, this, &MainWindow::addAccount);
    QAction *sites = file->addAction(tr("&Site Manager…"));
    sites->setObjectName(QStringLiteral("siteManagerAction"));
    sites->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    connect(sites, &QAction::triggered, m_fileArea, &FileArea::openSiteManager);
    file->addAction(m_mail->action(MailController::Action::GetNewMail));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *statusBarToggle = view->addAction(tr("&Status Bar"));
    statusBarToggle->setCheckable(true);
    statusBarToggle->setChecked(true);
    connect(statusBarToggle, &QAction::toggled, this, [this](bool on) { statusBar()->setVisible(on); });
    QAction *threads = view->addAction(tr("&Threads"));
    threads->setObjectName(QStringLiteral("threadsAction"));
    threads->setCheckable(true);
    threads->setChecked(m_mail->messageModel()->isThreaded());
    threads->setToolTip(tr("Show replies under the messages they answer"));
    connect(threads, &QAction::toggled, this, [this, threads](bool on) {
        MessageListModel *model = m_mail->messageModel();
        model->setThreaded(on);
        if (model->isThreaded() != on) { // the cache could not be read: say so, show what is
            const QSignalBlocker quiet(threads);
            threads->setChecked(model->isThreaded());
            statusBar()->showMessage(model->lastError(), 10000);
            return;
        }
        if (m_settings) {
            m_settings->setValue(threadsKey, on);
        }
    });
    QAction *activity = view->addAction(tr("&Activity…"));
    activity->setObjectName(QStringLiteral("activityAction"));
    connect(activity, &QAction::triggered, this, &MainWindow::showActivity);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *about = help->addAction(tr("&About Satchel"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMailToolBar()
{
    QToolBar *bar = addToolBar(tr("Mail"));
    bar->setObjectName(QStringLiteral("mailToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    using Action = MailController::Action;
    bar->addAction(m_mail->action(Action::GetNewMail));
    bar->addSeparator();
    for (const Action which : { Action::MarkRead, Action::MarkUnread, Action::ToggleFlag, Action::Delete }) {
        bar->addAction(m_mail->action(which));
    }
    bar->addAction(m_mail->action(Action::Undo));
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_search);
}

void MainWindow::showMessageMenu(const QPoint &position)
{
    using Action = MailController::Action;
    QMenu menu(this);
    for (const Action which : { Action::MarkRead, Action::MarkUnread, Action::ToggleFlag }) {
        menu.addAction(m_mail->action(which));
    }
    menu.addSeparator();
    m_mail->populateMoveMenu(&menu);
    menu.addAction(m_mail->action(Action::Delete));
    menu.addAction(m_mail->action(Action::Undo));
    menu.exec(m_messageView->viewport()->mapToGlobal(position));
}

void MainWindow::updateActivity()
{
    const QStringList running = m_mail->activity();
    // A link: clicking it opens the activity view.
    m_activity->setText(running.isEmpty()
            ? QString()
            : QStringLiteral("<a href=\"activity\">%1</a>")
                  .arg(tr("%n request(s) running", nullptr, int(running.size())).toHtmlEscaped()));
    m_activity->setToolTip(running.join(QLatin1Char('\n')));
}

ActivityView *MainWindow::showActivity()
{
    if (!m_activityView) {
        m_activityView = new ActivityView(m_mail->accounts(), this);
    }
    m_activityView->show();
    m_activityView->raise();
    return m_activityView;
}

void MainWindow::addAccount()
{
    AccountDialog dialog(this);
    dialog.setTrustStore(m_trust);
    if (!m_vault->keyringAvailable()) {
        dialog.setPasswordNote(m_vault->keyringUnavailableText());
    }
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const Accounts::Account account = dialog.account();
    const QString password = dialog.password();
    if (!password.isEmpty()) {
        // Into the session memory at once, so the engine started below finds it.
        QPointer<MainWindow> self(this);
        m_vault->writePassword(account.id, password, [self](const Accounts::VaultResult &result) {
            if (self && !result.ok && !result.error.isEmpty()) {
                self->statusBar()->showMessage(result.error, 0);
            }
        });
    }
    m_accounts->addOrUpdate(account); // the controller starts its engine (AccountStore::changed)
    if (!m_accounts->lastError().isEmpty()) {
        statusBar()->showMessage(tr("The account could not be saved: %1").arg(m_accounts->lastError()), 0);
    } else if (account.protocol == Accounts::Account::Protocol::Pop3) {
        statusBar()->showMessage(
            tr("%1 is saved. Its inbox is in the folder tree; Get New Mail downloads its mail.").arg(account.label()),
            0);
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Satchel"),
        tr("<h3>Satchel %1</h3><p>Mail over IMAP and POP3, files over FTP and FTPS, in one window.</p>")
            .arg(QApplication::applicationVersion()));
}

} // namespace Satchel::Ui
