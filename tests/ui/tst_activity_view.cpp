// View > Activity lists what the mail engines are working on and cancels it: an
// account whose server accepts the connection and then says nothing (the engine waits
// for its greeting), so every request waits; the view shows them with their account,
// Cancel answers them as cancelled in words, and the list empties. The status bar's
// count is a link to the same view.
#include "protocols/accounts/Account.h"
#include "protocols/accounts/AccountStore.h"
#include "protocols/accounts/PasswordVault.h"
#include "protocols/accounts/SiteStore.h"
#include "protocols/imap/ImapAccountEngine.h"
#include "ui/MainWindow.h"
#include "ui/mail/ActivityView.h"
#include "ui/mail/MailAccounts.h"
#include "ui/mail/MailController.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Satchel;
using Satchel::Ui::MailAccounts;

class TestActivityView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsAndCancelsWaitingRequests();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QTcpServer m_silent; // accepts, then never says a word
    QList<QTcpSocket *> m_held;
    std::unique_ptr<Accounts::PasswordVault> m_vault;
    std::unique_ptr<Accounts::AccountStore> m_store;
    std::unique_ptr<Accounts::SiteStore> m_sites;
    std::unique_ptr<Ui::MainWindow> m_window;
    QString m_accountId;
};

void TestActivityView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_silent.listen(QHostAddress::LocalHost));
    connect(&m_silent, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_silent.nextPendingConnection()) {
            m_held.append(socket); // kept open, never answered
        }
    });
    m_vault = std::make_unique<Accounts::PasswordVault>(
        QStringLiteral("SatchelTest"), Accounts::PasswordVault::Backend::SessionOnly);
    m_store = std::make_unique<Accounts::AccountStore>(m_dir.filePath(QStringLiteral("accounts.ini")), m_vault.get());
    m_sites = std::make_unique<Accounts::SiteStore>(m_dir.filePath(QStringLiteral("sites.ini")));
    Accounts::Account account;
    account.displayName = QStringLiteral("Silent server");
    account.host = QStringLiteral("127.0.0.1");
    account.port = m_silent.serverPort();
    account.security = Net::TlsPolicy::ImplicitTls;
    account.user = QStringLiteral("carol");
    m_accountId = m_store->addOrUpdate(account);
    QVERIFY(!m_accountId.isEmpty());

    Ui::MainWindow::Options options;
    options.accounts = m_store.get();
    options.vault = m_vault.get();
    options.sites = m_sites.get();
    options.mailCacheDir = m_dir.filePath(QStringLiteral("cache"));
    options.transferQueueDir = m_dir.filePath(QStringLiteral("queue"));
    options.askPassword
        = [](const Accounts::Account &, const QString &) -> std::optional<QString> { return QStringLiteral("secret"); };
    m_window = std::make_unique<Ui::MainWindow>(options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestActivityView::listsAndCancelsWaitingRequests()
{
    MailAccounts *accounts = m_window->mailController()->accounts();
    QTRY_VERIFY(accounts->isStarted(m_accountId));
    QSignalSpy finished(accounts, &MailAccounts::requestFinished);
    const quint64 sync = accounts->post(m_accountId, QStringLiteral("Synchronising Archive"),
        [](Imap::ImapAccountEngine &e, quint64 id) { e.syncFolder(id, QStringLiteral("Archive")); });
    const quint64 search
        = accounts->post(m_accountId, QStringLiteral("Searching INBOX"), [](Imap::ImapAccountEngine &e, quint64 id) {
              e.search(id, QStringLiteral("INBOX"), { QStringLiteral("ALL") });
          });
    QVERIFY(sync != 0 && search != 0);

    // The status bar counts them, as a link to the view.
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("activityLabel"));
    QVERIFY(label);
    QTRY_VERIFY(label->text().contains(QStringLiteral("href")));
    Ui::ActivityView *view = m_window->showActivity();
    QVERIFY(view && view->isVisible());
    auto *list = view->findChild<QTreeWidget *>(QStringLiteral("activityList"));
    auto *cancel = view->findChild<QPushButton *>(QStringLiteral("cancelRequestButton"));
    QVERIFY(list && cancel);
    QStringList rows;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        rows.append(list->topLevelItem(i)->text(0) + QLatin1Char('|') + list->topLevelItem(i)->text(1));
    }
    QVERIFY2(rows.contains(QStringLiteral("Synchronising Archive|Silent server")), qPrintable(rows.join(u',')));
    QVERIFY2(rows.contains(QStringLiteral("Searching INBOX|Silent server")), qPrintable(rows.join(u',')));
    QVERIFY(!cancel->isEnabled()); // nothing chosen yet

    // Choose both and cancel: each is answered, as cancelled.
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QString text = list->topLevelItem(i)->text(0);
        if (text == QLatin1String("Synchronising Archive") || text == QLatin1String("Searching INBOX")) {
            list->topLevelItem(i)->setSelected(true);
        }
    }
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 2, 5000);
    QSet<quint64> answered;
    for (const QList<QVariant> &signal : std::as_const(finished)) {
        const quint64 id = signal.at(0).toULongLong();
        if (id == sync || id == search) {
            answered.insert(id);
            QCOMPARE(signal.at(1).toBool(), false);
            QCOMPARE(signal.at(2).toString(), QStringLiteral("cancelled"));
        }
    }
    QCOMPARE(answered, (QSet<quint64> { sync, search }));
    QVERIFY(!accounts->isRunning(sync) && !accounts->isRunning(search));
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        QVERIFY(list->topLevelItem(i)->text(0) != QLatin1String("Synchronising Archive"));
    }
    QVERIFY(!accounts->cancel(sync)); // already answered
}

void TestActivityView::cleanupTestCase()
{
    m_window.reset();
    qDeleteAll(m_held);
}

QTEST_MAIN(TestActivityView)
#include "tst_activity_view.moc"
