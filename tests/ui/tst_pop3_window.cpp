// A POP3 account in the mail half of the main window, against the real Dovecot, on the
// offscreen platform: the account shows in the folder tree with one folder, its local
// inbox (the account's Maildir); Get New Mail downloads what the server has into the
// Maildir and the list shows it; choosing a message shows it in the reader (read from
// its file) and marks it read, which renames the file into cur/ with ":2,S"; Delete
// removes the file. The account is frank's, which no other test uses; the test seeds
// his INBOX itself and leaves it as POP3 found it (nothing is deleted on the server).
#include "protocols/accounts/Account.h"
#include "protocols/accounts/AccountStore.h"
#include "protocols/accounts/PasswordVault.h"
#include "protocols/net/TrustStore.h"
#include "tests/common/CliRunner.h"
#include "tests/common/TestServerEnv.h"
#include "tests/ui/MailWindowHarness.h"
#include "ui/MainWindow.h"
#include "ui/mail/FolderTreeModel.h"
#include "ui/mail/MailController.h"
#include "ui/mail/MessageFilterProxy.h"
#include "ui/mail/MessageListModel.h"
#include "ui/mail/MessageReader.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Satchel;
using namespace Satchel::Test;
using Satchel::Ui::MailController;
using Satchel::Ui::MainWindow;
using Satchel::Ui::MessageListModel;

namespace {

const QString kUser = QStringLiteral("frank");
const char *const kMails[] = { "01-welcome.eml", "02-travel.eml", "03-report.eml" };

QString demoMail(const char *name)
{
    return qEnvironmentVariable("SATCHEL_SOURCE_DIR") + QStringLiteral("/tests/data/demo/mail/") + QLatin1String(name);
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

} // namespace

class TestPop3Window : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void accountShowsItsInboxInTheTree();
    void getNewMailFillsTheList();
    void openingAMessageShowsItAndMarksItRead();
    void quickSearchLooksInTheInbox();
    void deleteRemovesTheFile();

private:
    QString maildir() const { return m_dir.filePath(QStringLiteral("Mail/frank")); }
    MailController *controller() const { return m_ui.controller(); }
    QTableView *messageList() const { return m_ui.window->findChild<QTableView *>(QStringLiteral("messageList")); }
    int rowWithSubject(const QString &start) const;

    std::optional<TestServerEnv> m_env;
    QTemporaryDir m_dir;
    std::unique_ptr<Accounts::PasswordVault> m_vault;
    std::unique_ptr<Accounts::AccountStore> m_store;
    MailWindowHarness m_ui;
    QString m_accountId;
};

int TestPop3Window::rowWithSubject(const QString &start) const
{
    const QAbstractItemModel *model = messageList()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, MessageListModel::SubjectColumn).data().toString().startsWith(start)) {
            return row;
        }
    }
    return -1;
}

void TestPop3Window::initTestCase()
{
    QString error;
    m_env = TestServerEnv::load(QStringLiteral("dovecot"), &error);
    if (!m_env) {
        QFAIL(qPrintable(error));
    }
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(demoMail(kMails[0])), "SATCHEL_SOURCE_DIR must point at the sources");
    const QString password = m_env->value(QStringLiteral("DOVECOT_PASSWORD_") + kUser);
    QVERIFY2(!password.isEmpty(), "the Dovecot script has no user frank");

    // frank's INBOX holds exactly the three demo messages (a run before may have left them).
    QList<QByteArray> messages;
    for (const char *mail : kMails) {
        QFile file(demoMail(mail));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        messages << file.readAll();
    }
    QString output;
    QVERIFY2(seedDovecot(kUser, QStringLiteral("INBOX"), messages, m_dir.path(), &output), qPrintable(output));

    m_vault = std::make_unique<Accounts::PasswordVault>(
        QStringLiteral("SatchelTest"), Accounts::PasswordVault::Backend::SessionOnly);
    m_store = std::make_unique<Accounts::AccountStore>(m_dir.filePath(QStringLiteral("settings.ini")), m_vault.get());
    auto trust = std::make_shared<Net::TrustStore>();
    QVERIFY2(trust->addCaFile(m_env->value(QStringLiteral("DOVECOT_CA")), &error), qPrintable(error));

    QVERIFY(m_ui.open(m_store.get(), m_vault.get(), m_dir.filePath(QStringLiteral("cache")), trust, kUser, password));
}

void TestPop3Window::accountShowsItsInboxInTheTree()
{
    Accounts::Account account;
    account.protocol = Accounts::Account::Protocol::Pop3;
    account.displayName = QStringLiteral("Frank (POP3)");
    account.host = QStringLiteral("127.0.0.1");
    account.port = m_env->port(QStringLiteral("DOVECOT_POP3S_PORT"));
    account.security = Net::TlsPolicy::ImplicitTls;
    account.user = kUser;
    account.maildir = maildir();
    account.deleteAfterDownload = false;
    m_accountId = m_store->addOrUpdate(account);
    QVERIFY(!m_accountId.isEmpty());

    const QAbstractItemModel *tree = controller()->folderModel();
    QTRY_COMPARE_WITH_TIMEOUT(tree->rowCount(), 1, 10000);
    const QModelIndex accountRow = tree->index(0, 0);
    QVERIFY(accountRow.data().toString().contains(QStringLiteral("Frank (POP3)")));
    QTRY_COMPARE_WITH_TIMEOUT(tree->rowCount(accountRow), 1, 10000);
    QVERIFY(controller()->selectFolder(m_accountId, QStringLiteral("INBOX")));
    // The engine starts and looks at the Maildir, which it creates: an empty inbox.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(maildir() + QStringLiteral("/cur")).isDir(), 10000);
    QCOMPARE(messageList()->model()->rowCount(), 0);
}

void TestPop3Window::getNewMailFillsTheList()
{
    const quint64 request = controller()->getNewMail();
    Q_UNUSED(request); // the current folder is the POP3 inbox: its download is the request below
    QTRY_COMPARE_WITH_TIMEOUT(filesIn(maildir() + QStringLiteral("/new")).size(), 3, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(messageList()->model()->rowCount(), 3, 30000);
    QVERIFY(rowWithSubject(QStringLiteral("Welcome to Satchel")) >= 0);
    QVERIFY(rowWithSubject(QStringLiteral("Reisepläne")) >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(controller()->activity().isEmpty(), 30000);
    for (auto it = m_ui.finished.cbegin(); it != m_ui.finished.cend(); ++it) {
        QVERIFY2(it->first, qPrintable(it->second));
    }
    QCOMPARE(m_ui.trustAsked, 0);
}

void TestPop3Window::openingAMessageShowsItAndMarksItRead()
{
    const int row = rowWithSubject(QStringLiteral("Reisepläne"));
    QVERIFY(row >= 0);
    QTableView *list = messageList();
    list->setCurrentIndex(list->model()->index(row, MessageListModel::SubjectColumn));
    auto *reader = m_ui.window->findChild<Ui::MessageReader *>(QStringLiteral("reader"));
    QVERIFY(reader);
    QTRY_VERIFY_WITH_TIMEOUT(reader->findChild<QLabel *>(QStringLiteral("readerHeaders"))
            && reader->findChild<QLabel *>(QStringLiteral("readerHeaders"))->isVisible()
            && reader->findChild<QLabel *>(QStringLiteral("readerHeaders"))
                   ->text()
                   .contains(QStringLiteral("Reisepläne")),
        30000);
    // Opening marks it read: in the Maildir that is the file's name (cur/, ":2,S").
    QTRY_VERIFY_WITH_TIMEOUT(
        filesIn(maildir() + QStringLiteral("/cur")).filter(QStringLiteral(":2,S")).size() == 1, 30000);
    QCOMPARE(filesIn(maildir() + QStringLiteral("/new")).size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(controller()->activity().isEmpty(), 30000);
}

void TestPop3Window::quickSearchLooksInTheInbox()
{
    auto *search = m_ui.window->findChild<QLineEdit *>(QStringLiteral("quickSearch"));
    QVERIFY(search && search->isVisible());
    QTableView *list = messageList();
    QCOMPARE(list->model()->rowCount(), 3);
    search->setText(QStringLiteral("reisepläne")); // another case than the subject's
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 1, 10000);
    QVERIFY(rowWithSubject(QStringLiteral("Reisepläne")) == 0);
    QVERIFY(controller()->messageProxy()->isFiltering());
    search->clear();
    QTRY_COMPARE(list->model()->rowCount(), 3);
    QVERIFY(!controller()->messageProxy()->isFiltering());
}

void TestPop3Window::deleteRemovesTheFile()
{
    const int row = rowWithSubject(QStringLiteral("Welcome to Satchel"));
    QVERIFY(row >= 0);
    QTableView *list = messageList();
    list->setCurrentIndex(list->model()->index(row, MessageListModel::SubjectColumn));
    QTRY_VERIFY_WITH_TIMEOUT(controller()->activity().isEmpty(), 30000);
    const quint64 request = controller()->deleteSelected();
    QVERIFY(request != 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_ui.finished.contains(request), 30000);
    QVERIFY2(m_ui.finished.value(request).first, qPrintable(m_ui.finished.value(request).second));
    QTRY_COMPARE_WITH_TIMEOUT(messageList()->model()->rowCount(), 2, 10000);
    QCOMPARE(
        filesIn(maildir() + QStringLiteral("/new")).size() + filesIn(maildir() + QStringLiteral("/cur")).size(), 2);
    QCOMPARE(rowWithSubject(QStringLiteral("Welcome to Satchel")), -1);
}

QTEST_MAIN(TestPop3Window)
#include "tst_pop3_window.moc"
