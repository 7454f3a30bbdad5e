// The mail half of the main window against the real Dovecot, on the offscreen
// platform: an account added to the store (settings in a temporary file, the password
// in a session-only vault, asked once through the injected prompt; the cache in a
// temporary folder) shows in the folder tree with its folders; choosing a folder fills
// the message list, choosing a message shows it in the reader; mark read, unread and
// flag reach the server; a message dragged onto another folder of the tree leaves the
// list and is in that folder on the server, and undo brings it back; View > Threads puts
// replies under their parents (References fetched from the server); the quick search finds a non-ASCII
// subject; a screenshot is saved. The test uses bob's account but only folders of its
// own ("Window-Inbox", "Window-Archive"; INBOX is only read), seeded with satchel-cli.
#include "protocols/accounts/Account.h"
#include "protocols/accounts/AccountStore.h"
#include "protocols/accounts/PasswordVault.h"
#include "protocols/net/TrustStore.h"
#include "tests/common/CliRunner.h"
#include "tests/common/TestData.h"
#include "tests/common/TestServerEnv.h"
#include "tests/ui/MailWindowHarness.h"
#include "ui/MainWindow.h"
#include "ui/common/EmptyStatePane.h"
#include "ui/mail/FolderTreeModel.h"
#include "ui/mail/FolderTreeView.h"
#include "ui/mail/MailAccounts.h"
#include "ui/mail/MailController.h"
#include "ui/mail/MessageFilterProxy.h"
#include "ui/mail/MessageListModel.h"
#include "ui/mail/MessageReader.h"
#include "ui/mail/SafeHtmlView.h"
#include "ui/mail/ThreadIndentDelegate.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Satchel;
using namespace Satchel::Test;
using Satchel::Ui::FolderTreeModel;
using Satchel::Ui::MailController;
using Satchel::Ui::MainWindow;
using Satchel::Ui::MessageListModel;

namespace {

const QString kUser = QStringLiteral("bob");
const QString kInbox = QStringLiteral("Window-Inbox");
const QString kArchive = QStringLiteral("Window-Archive");
const QString kWelcome = QStringLiteral("Welcome to Satchel");
const QString kReport = QStringLiteral("Quarterly report (with attachment)");
const QString kTravelWord = QStringLiteral("Reisepläne");

QString demoMail(const char *name)
{
    return qEnvironmentVariable("SATCHEL_SOURCE_DIR") + QStringLiteral("/tests/data/demo/mail/") + QLatin1String(name);
}

// The flags of a `list --json` record, without \Recent (a per-session flag).
QSet<QString> flagsOf(const QJsonObject &record)
{
    QSet<QString> flags;
    for (const QJsonValue &v : record.value(QStringLiteral("flags")).toArray()) {
        if (v.toString() != QLatin1String("\\Recent")) {
            flags.insert(v.toString());
        }
    }
    return flags;
}

QJsonObject recordWithUid(const QJsonArray &records, qint64 uid)
{
    return recordWhere(records, QStringLiteral("uid"), uid);
}

QStringList subjectsOf(const QJsonArray &records)
{
    return stringsOf(records, QStringLiteral("subject"));
}

QStringList subjectsOf(const QAbstractItemModel *model)
{
    QStringList subjects;
    for (int row = 0; row < model->rowCount(); ++row) {
        subjects.append(model->index(row, MessageListModel::SubjectColumn).data().toString());
    }
    return subjects;
}

int rowWithSubject(const QAbstractItemModel *model, const QString &start)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, MessageListModel::SubjectColumn).data().toString().startsWith(start)) {
            return row;
        }
    }
    return -1;
}

} // namespace

// Fails the test with the CLI's own words when it did not exit 0.
#define CLI_OK(result)                                                                                                 \
    QVERIFY2((result).exitCode == 0,                                                                                   \
        qPrintable(QStringLiteral("exit %1: %2").arg((result).exitCode).arg(QString::fromUtf8((result).err))))

// Waits for the controller's request to end, and fails with its error if it failed.
#define REQUEST_OK(id)                                                                                                 \
    do {                                                                                                               \
        const quint64 request_ = (id);                                                                                 \
        QVERIFY2(request_ != 0, "no request was made");                                                                \
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.finished.contains(request_), 30000);                                             \
        QVERIFY2(m_ui.finished.value(request_).first, qPrintable(m_ui.finished.value(request_).second));               \
    } while (false)

class TestMailWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startsWithEmptyStates();
    void accountShowsInTheFolderTree();
    void choosingTheFolderFillsTheList();
    void choosingAMessageShowsIt();
    void flagsReachTheServer();
    void movingTakesTheMessageOut();
    void undoMovesItBack();
    void quickSearchFindsNonAsciiSubject();
    void threadsShowRepliesUnderTheirParents();
    void savesScreenshot();
    void cleanupTestCase();

private:
    QString password() const { return m_env->value(QStringLiteral("DOVECOT_PASSWORD_") + kUser); }
    CliResult imap(const QStringList &command) const;
    QJsonArray listOf(const QString &folder) const;
    MailController *controller() const { return m_ui.controller(); }
    QTableView *messageList() const { return m_ui.window->findChild<QTableView *>(QStringLiteral("messageList")); }
    Ui::FolderTreeView *folderTree() const
    {
        return m_ui.window->findChild<Ui::FolderTreeView *>(QStringLiteral("folderTree"));
    }
    QLabel *readerHeaders() const
    {
        auto *reader = m_ui.window->findChild<Ui::MessageReader *>(QStringLiteral("reader"));
        return reader ? reader->findChild<QLabel *>(QStringLiteral("readerHeaders")) : nullptr;
    }
    bool openMessage(const QString &subjectStart);

    std::optional<TestServerEnv> m_env;
    QTemporaryDir m_dir;
    std::unique_ptr<Accounts::PasswordVault> m_vault;
    std::unique_ptr<Accounts::AccountStore> m_store;
    MailWindowHarness m_ui;
    QString m_accountId;
};

CliResult TestMailWindow::imap(const QStringList &command) const
{
    CliRunner runner;
    runner.setPassword(password());
    const QString url
        = QStringLiteral("imaps://%1@127.0.0.1:%2").arg(kUser, m_env->value(QStringLiteral("DOVECOT_IMAPS_PORT")));
    return runner.run(QStringList { QStringLiteral("--ca-file"), m_env->value(QStringLiteral("DOVECOT_CA")),
                          QStringLiteral("--json"), QStringLiteral("imap"), url }
        + command);
}

QJsonArray TestMailWindow::listOf(const QString &folder) const
{
    const CliResult r = imap({ QStringLiteral("list"), folder });
    if (r.exitCode != 0 || !r.json().isArray()) {
        qWarning("list %s failed (%d): %s", qPrintable(folder), r.exitCode, r.err.constData());
        return {};
    }
    return r.json().array();
}

// Makes the row current in the message list, as a click does; true once the reader
// shows the message and the request to mark it read has ended.
bool TestMailWindow::openMessage(const QString &subjectStart)
{
    QTableView *list = messageList();
    const int row = rowWithSubject(list->model(), subjectStart);
    if (row < 0) {
        qWarning("no message '%s' in the list: %s", qPrintable(subjectStart),
            qPrintable(subjectsOf(list->model()).join(QStringLiteral(" | "))));
        return false;
    }
    list->setCurrentIndex(list->model()->index(row, MessageListModel::SubjectColumn));
    const bool shown = QTest::qWaitFor(
        [this, &subjectStart] {
            const QLabel *headers = readerHeaders();
            return headers && headers->isVisible() && headers->text().contains(subjectStart)
                && controller()->activity().isEmpty();
        },
        30000);
    if (!shown) {
        const QLabel *headers = readerHeaders();
        qWarning("the reader does not show '%s': headers %s (%s), still running: %s", qPrintable(subjectStart),
            headers ? qPrintable(headers->text()) : "none", headers && headers->isVisible() ? "visible" : "hidden",
            qPrintable(controller()->activity().join(QStringLiteral("; "))));
    }
    return shown;
}

void TestMailWindow::initTestCase()
{
    QString error;
    m_env = TestServerEnv::load(QStringLiteral("dovecot"), &error);
    if (!m_env) {
        QFAIL(qPrintable(error));
    }
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(CliRunner::cliPath()), qPrintable(CliRunner::cliPath()));
    QVERIFY2(QFile::exists(demoMail("01-welcome.eml")), "SATCHEL_SOURCE_DIR must point at the sources");
    QVERIFY(!password().isEmpty());

    // Fresh folders: what an earlier run against the same server left goes first.
    for (const QString &folder : { kInbox, kArchive }) {
        imap({ QStringLiteral("delete"), folder }); // fails when it is not there: fine
        const CliResult created = imap({ QStringLiteral("create"), folder });
        CLI_OK(created);
    }
    for (const char *file : { "01-welcome.eml", "02-travel.eml", "03-report.eml" }) {
        const CliResult appended = imap({ QStringLiteral("append"), kInbox, demoMail(file) });
        CLI_OK(appended);
    }
    QCOMPARE(listOf(kInbox).size(), 3);

    m_vault = std::make_unique<Accounts::PasswordVault>(
        QStringLiteral("SatchelTest"), Accounts::PasswordVault::Backend::SessionOnly);
    m_store = std::make_unique<Accounts::AccountStore>(m_dir.filePath(QStringLiteral("settings.ini")), m_vault.get());
    QVERIFY(m_store->accounts().isEmpty());
    auto trust = std::make_shared<Net::TrustStore>();
    QVERIFY2(trust->addCaFile(m_env->value(QStringLiteral("DOVECOT_CA")), &error), qPrintable(error));

    // The vault has no password: the window asks (once), as it would ask a person.
    QVERIFY(m_ui.open(m_store.get(), m_vault.get(), m_dir.filePath(QStringLiteral("cache")), trust, kUser, password()));
}

void TestMailWindow::startsWithEmptyStates()
{
    // No account yet: the three mail areas show what will appear in them.
    for (const QString &name :
        { QStringLiteral("folderTree"), QStringLiteral("messageList"), QStringLiteral("reader") }) {
        const auto *pane = m_ui.window->findChild<Ui::EmptyStatePane *>(name);
        QVERIFY2(pane && pane->isVisible(), qPrintable(name));
    }
    QVERIFY(!folderTree()->isVisible());
    QVERIFY(!messageList()->isVisible());
    QVERIFY(!controller()->hasAccounts());
    QCOMPARE(m_ui.passwordAsked, 0);
}

void TestMailWindow::accountShowsInTheFolderTree()
{
    Accounts::Account account;
    account.displayName = QStringLiteral("Bob (window test)");
    account.host = QStringLiteral("127.0.0.1");
    account.port = m_env->port(QStringLiteral("DOVECOT_IMAPS_PORT"));
    account.security = Net::TlsPolicy::ImplicitTls;
    account.user = kUser;
    m_accountId = m_store->addOrUpdate(account); // as File > Add Account… does
    QVERIFY(!m_accountId.isEmpty());

    Ui::FolderTreeView *tree = folderTree();
    QVERIFY(tree);
    QTRY_VERIFY(tree->isVisible()); // the empty state gave way
    const FolderTreeModel *folders = controller()->folderModel();
    QTRY_VERIFY_WITH_TIMEOUT(folders->indexOf(m_accountId, kInbox).isValid(), 30000);
    QCOMPARE(folders->rowCount(), 1);
    const QModelIndex accountIndex = folders->index(0, 0);
    QCOMPARE(accountIndex.data(FolderTreeModel::AccountIdRole).toString(), m_accountId);
    QVERIFY2(accountIndex.data().toString().contains(QStringLiteral("Bob (window test)")),
        qPrintable(accountIndex.data().toString()));
    QVERIFY(folders->indexOf(m_accountId, kArchive).isValid());
    QVERIFY(folders->indexOf(m_accountId, QStringLiteral("INBOX")).isValid());
    QCOMPARE(folders->indexOf(m_accountId, QStringLiteral("Trash")).data(FolderTreeModel::SpecialUseRole).toString(),
        QStringLiteral("trash"));
    QVERIFY(tree->isExpanded(accountIndex)); // a new account starts open

    QCOMPARE(m_ui.passwordAsked, 1);
    QVERIFY(m_vault->hasSessionPassword(m_accountId)); // not asked again this session
    QCOMPARE(m_ui.trustAsked, 0);
    QVERIFY(controller()->accounts()->isOnline(m_accountId));
    QVERIFY(QFile::exists(controller()->accounts()->cachePath(m_accountId)));
}

void TestMailWindow::choosingTheFolderFillsTheList()
{
    const QModelIndex folder = controller()->folderModel()->indexOf(m_accountId, kInbox);
    QVERIFY(folder.isValid());
    folderTree()->setCurrentIndex(folder); // as a click does
    QTableView *list = messageList();
    QVERIFY(list);
    QTRY_VERIFY(list->isVisible());
    QCOMPARE(controller()->currentFolder(), kInbox);
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 3, 30000);
    const QStringList subjects = subjectsOf(list->model());
    QVERIFY2(subjects.contains(kWelcome), qPrintable(subjects.join(QStringLiteral(" | "))));
    QVERIFY2(subjects.contains(kReport), qPrintable(subjects.join(QStringLiteral(" | "))));
    QVERIFY2(rowWithSubject(list->model(), kTravelWord) >= 0, qPrintable(subjects.join(QStringLiteral(" | "))));
    // Appended without flags: all three unread, and the tree says so.
    QTRY_COMPARE(
        controller()->folderModel()->indexOf(m_accountId, kInbox).data(FolderTreeModel::UnreadRole).toInt(), 3);
}

void TestMailWindow::choosingAMessageShowsIt()
{
    QVERIFY(openMessage(kReport));
    auto *reader = m_ui.window->findChild<Ui::MessageReader *>(QStringLiteral("reader"));
    QVERIFY(reader && reader->isVisible());
    QVERIFY2(
        reader->view()->toPlainText().contains(QStringLiteral("numbers")), qPrintable(reader->view()->toPlainText()));
    QVERIFY(controller()->shownUid() != 0);
    QCOMPARE(controller()->selectedUids(), QList<quint32> { controller()->shownUid() });
}

void TestMailWindow::flagsReachTheServer()
{
    const quint32 uid = controller()->shownUid();
    QVERIFY(uid != 0);
    // Opening it marked it read (the default), on the server too.
    QVERIFY2(flagsOf(recordWithUid(listOf(kInbox), uid)).contains(QStringLiteral("\\Seen")),
        "opening a message marks it read");
    QTRY_COMPARE(
        controller()->folderModel()->indexOf(m_accountId, kInbox).data(FolderTreeModel::UnreadRole).toInt(), 2);

    const MessageListModel *messages = controller()->messageModel();
    auto roleOf = [messages, uid](int role) { return messages->index(messages->rowOfUid(uid), 0).data(role).toBool(); };

    REQUEST_OK(controller()->markUnread());
    QVERIFY(!flagsOf(recordWithUid(listOf(kInbox), uid)).contains(QStringLiteral("\\Seen")));
    QTRY_VERIFY(roleOf(MessageListModel::IsUnreadRole));
    QCOMPARE(controller()->selectedUids(), QList<quint32> { uid }); // the list was read again, the selection kept

    REQUEST_OK(controller()->markRead());
    QVERIFY(flagsOf(recordWithUid(listOf(kInbox), uid)).contains(QStringLiteral("\\Seen")));
    QTRY_VERIFY(!roleOf(MessageListModel::IsUnreadRole));

    REQUEST_OK(controller()->toggleFlag());
    QSet<QString> flags = flagsOf(recordWithUid(listOf(kInbox), uid));
    QVERIFY(flags.contains(QStringLiteral("\\Flagged")));
    QVERIFY(flags.contains(QStringLiteral("\\Seen")));
    QTRY_VERIFY(roleOf(MessageListModel::IsFlaggedRole));

    REQUEST_OK(controller()->toggleFlag()); // and off again
    flags = flagsOf(recordWithUid(listOf(kInbox), uid));
    QVERIFY(!flags.contains(QStringLiteral("\\Flagged")));
    QTRY_VERIFY(!roleOf(MessageListModel::IsFlaggedRole));
}

void TestMailWindow::movingTakesTheMessageOut()
{
    QVERIFY(openMessage(kWelcome));
    const quint32 uid = controller()->shownUid();
    QCOMPARE(controller()->selectedUids(), QList<quint32> { uid });

    // Dragged from the list onto the archive folder in the tree, as the mouse does: the
    // list's drag data, then enter, move and drop on the folder's row.
    QTableView *list = messageList();
    const QModelIndex row = list->model()->index(rowWithSubject(list->model(), kWelcome), 0);
    std::unique_ptr<QMimeData> dragged(list->model()->mimeData({ row }));
    QVERIFY(dragged);
    Ui::FolderTreeView *tree = folderTree();
    const QModelIndex archive = controller()->folderModel()->indexOf(m_accountId, kArchive);
    QVERIFY(archive.isValid());
    tree->scrollTo(archive);
    const QPoint onArchive = tree->visualRect(archive).center();
    const QPoint onInbox = tree->visualRect(controller()->folderModel()->indexOf(m_accountId, kInbox)).center();
    // What the list offers without a modifier key: a move (the offscreen platform has no
    // drag of its own to work out the proposed action from Move|Copy and the keys).
    const Qt::DropActions actions = Qt::MoveAction;
    QDragEnterEvent enter(onInbox, actions, dragged.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent overInbox(onInbox, actions, dragged.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &overInbox);
    QVERIFY(!overInbox.isAccepted()); // the folder the message is in: no target
    QDragMoveEvent overArchive(onArchive, actions, dragged.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &overArchive);
    QVERIFY(overArchive.isAccepted());
    QCOMPARE(overArchive.dropAction(), Qt::MoveAction);
    QDropEvent drop(onArchive, actions, dragged.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &drop);
    QVERIFY(drop.isAccepted());

    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 2, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(controller()->activity().isEmpty(), 30000);
    QVERIFY(!subjectsOf(list->model()).contains(kWelcome));
    QCOMPARE(controller()->shownUid(), quint32(0)); // the reader let it go
    QTRY_VERIFY(m_ui.window->findChild<Ui::EmptyStatePane *>(QStringLiteral("reader"))->isVisible());

    const QJsonArray archived = listOf(kArchive);
    QCOMPARE(subjectsOf(archived), QStringList { kWelcome });
    QCOMPARE(listOf(kInbox).size(), 2);
    QVERIFY(controller()->canUndo());
    QVERIFY(controller()->action(MailController::Action::Undo)->isEnabled());
}

void TestMailWindow::undoMovesItBack()
{
    REQUEST_OK(controller()->undo()); // the search in the destination; the move back follows
    QTableView *list = messageList();
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 3, 30000);
    QVERIFY(subjectsOf(list->model()).contains(kWelcome));
    QTRY_VERIFY(controller()->activity().isEmpty());
    QVERIFY(listOf(kArchive).isEmpty());
    const QJsonArray inbox = listOf(kInbox);
    QCOMPARE(inbox.size(), 3);
    QVERIFY(subjectsOf(inbox).contains(kWelcome));
    QVERIFY(!controller()->canUndo());
}

void TestMailWindow::quickSearchFindsNonAsciiSubject()
{
    auto *search = m_ui.window->findChild<QLineEdit *>(QStringLiteral("quickSearch"));
    QVERIFY(search && search->isVisible());
    QTableView *list = messageList();
    QCOMPARE(list->model()->rowCount(), 3);

    search->setText(kTravelWord);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 1, 30000);
    QVERIFY2(list->model()->index(0, MessageListModel::SubjectColumn).data().toString().startsWith(kTravelWord),
        qPrintable(list->model()->index(0, MessageListModel::SubjectColumn).data().toString()));
    QVERIFY(controller()->messageProxy()->isFiltering());

    search->clear(); // all of them again
    QTRY_COMPARE(list->model()->rowCount(), 3);
    QVERIFY(!controller()->messageProxy()->isFiltering());
}

void TestMailWindow::threadsShowRepliesUnderTheirParents()
{
    // Two replies to the travel message: the demo's, and one whose only link to it is
    // its References field (its In-Reply-To names a message this folder lacks). That
    // one lands under the travel message only if the engine fetched References.
    QFile crafted(m_dir.filePath(QStringLiteral("reply-by-references.eml")));
    QVERIFY(crafted.open(QIODevice::WriteOnly));
    crafted.write("From: Alice <alice@satchel.example>\r\n"
                  "To: juergen@example.de\r\n"
                  "Subject: Seats on the train\r\n"
                  "Date: Thu, 26 Nov 2026 08:00:00 +0100\r\n"
                  "Message-ID: <seats-4@satchel.example>\r\n"
                  "In-Reply-To: <not-in-this-folder@example.de>\r\n"
                  "References: <travel-2@example.de>\r\n <not-in-this-folder@example.de>\r\n"
                  "\r\n"
                  "Window seats, please.\r\n");
    crafted.close();
    for (const QString &file : { demoMail("05-travel-reply.eml"), crafted.fileName() }) {
        const CliResult appended = imap({ QStringLiteral("append"), kInbox, file });
        CLI_OK(appended);
    }
    REQUEST_OK(controller()->getNewMail());
    QTableView *list = messageList();
    const QAbstractItemModel *model = list->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 5, 30000);
    auto depthOf = [model](int row) {
        return model->index(row, MessageListModel::SubjectColumn).data(MessageListModel::ThreadDepthRole).toInt();
    };
    auto subjectOf = [model](int row) { return model->index(row, MessageListModel::SubjectColumn).data().toString(); };
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(depthOf(row), 0); // no threads yet
    }

    auto *threads = m_ui.window->findChild<QAction *>(QStringLiteral("threadsAction"));
    QVERIFY(threads && threads->isCheckable() && !threads->isChecked());
    threads->trigger(); // View > Threads
    QVERIFY(controller()->messageModel()->isThreaded());
    QCOMPARE(model->rowCount(), 5);
    const int parent = rowWithSubject(model, kTravelWord);
    QVERIFY2(parent >= 0 && parent + 2 < model->rowCount(), qPrintable(subjectsOf(model).join(QStringLiteral(" | "))));
    QCOMPARE(depthOf(parent), 0);
    QVERIFY2(subjectOf(parent + 1).startsWith(QStringLiteral("Re: ") + kTravelWord), qPrintable(subjectOf(parent + 1)));
    QCOMPARE(depthOf(parent + 1), 1);
    QCOMPARE(subjectOf(parent + 2), QStringLiteral("Seats on the train"));
    QCOMPARE(depthOf(parent + 2), 1);
    // The newest message is in this thread, so the thread leads the list.
    QCOMPARE(parent, 0);
    QVERIFY(qobject_cast<Ui::ThreadIndentDelegate *>(list->itemDelegateForColumn(MessageListModel::SubjectColumn)));
}

void TestMailWindow::savesScreenshot()
{
    QVERIFY(openMessage(kTravelWord));
    // More of the list than the window's first layout gives it, so the picture shows
    // the thread (the README uses it).
    auto *mailArea = m_ui.window->findChild<QSplitter *>(QStringLiteral("mailArea"));
    QVERIFY(mailArea);
    if (auto *right = qobject_cast<QSplitter *>(mailArea->parentWidget())) {
        right->setSizes({ 560, 180 }); // the mail area over the file panes
    }
    mailArea->setSizes({ 210, 350 });
    m_ui.window->statusBar()->clearMessage(); // what the search said a moment ago
    const QString path = testOutputDir() + QStringLiteral("/mainwindow-mail.png");
    const QPixmap shot = m_ui.window->grab();
    QCOMPARE(shot.size(), QSize(1200, 800));
    QVERIFY(shot.save(path));
    QCOMPARE(QImage(path).size(), QSize(1200, 800));
    qInfo("screenshot: %s", qPrintable(path));
    QCOMPARE(m_ui.trustAsked, 0);
    QCOMPARE(m_ui.passwordAsked, 1);
}

void TestMailWindow::cleanupTestCase()
{
    m_ui.close(); // stops the engine (its thread is joined)
    if (m_env) {
        for (const QString &folder : { kInbox, kArchive }) {
            imap({ QStringLiteral("delete"), folder });
        }
    }
}

QTEST_MAIN(TestMailWindow)
#include "tst_mail_window.moc"
