#include "ui/MainWindow.h"

#include "ui/common/EmptyStatePane.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>

namespace Satchel::Ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Satchel"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/satchel.svg")));

    auto *folderTree = new EmptyStatePane(
        tr("Folders"), tr("Mail accounts and FTP sites appear here once you add them."), this);
    folderTree->setObjectName(QStringLiteral("folderTree"));

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(createMailArea());
    right->addWidget(createFileArea());
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->setObjectName(QStringLiteral("mainSplitter"));
    main->addWidget(folderTree);
    main->addWidget(right);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 4);
    setCentralWidget(main);

    createMenus();
    statusBar()->showMessage(tr("Ready"));
    resize(1200, 800);
}

QWidget *MainWindow::createMailArea()
{
    auto *messageList = new EmptyStatePane(tr("Messages"), tr("Choose a folder to see its messages."), this);
    messageList->setObjectName(QStringLiteral("messageList"));
    auto *reader = new EmptyStatePane(tr("Reader"), tr("Choose a message to read it here."), this);
    reader->setObjectName(QStringLiteral("reader"));

    auto *mail = new QSplitter(Qt::Vertical, this);
    mail->setObjectName(QStringLiteral("mailArea"));
    mail->addWidget(messageList);
    mail->addWidget(reader);
    return mail;
}

QWidget *MainWindow::createFileArea()
{
    auto *local = new EmptyStatePane(tr("Local files"), tr("Files on this computer."), this);
    local->setObjectName(QStringLiteral("localFiles"));
    auto *remote = new EmptyStatePane(tr("Remote files"), tr("Connect to an FTP site to browse it."), this);
    remote->setObjectName(QStringLiteral("remoteFiles"));

    auto *panes = new QSplitter(Qt::Horizontal, this);
    panes->addWidget(local);
    panes->addWidget(remote);

    auto *queue = new EmptyStatePane(tr("Transfers"), tr("Drag files between the panes to queue transfers."), this);
    queue->setObjectName(QStringLiteral("transferQueue"));

    auto *files = new QSplitter(Qt::Vertical, this);
    files->setObjectName(QStringLiteral("fileArea"));
    files->addWidget(panes);
    files->addWidget(queue);
    files->setStretchFactor(0, 3);
    files->setStretchFactor(1, 1);
    return files;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
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

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *about = help->addAction(tr("&About Satchel"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Satchel"),
                       tr("<h3>Satchel %1</h3><p>Mail over IMAP and POP3, files over FTP and FTPS, in one window.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace Satchel::Ui
