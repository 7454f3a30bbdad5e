// The file half of the main window against the real FTP servers, on the offscreen
// platform: vsftpd (explicit FTPS with TLS session reuse required, LIST only) and
// pyftpdlib (implicit FTPS, MLSD). Connect; browse with the keyboard; make a folder;
// drop local files (a file and a folder) on the remote pane and see them arrive on the
// server's disk; drop the same file again and get the overwrite question; download by
// dragging remote rows onto a local folder; rename in place; move a file onto a remote
// folder by drag; read the properties; delete after confirming. A second test shows
// the transfer queue surviving a restart of the window. QAbstractItemModelTester
// watches the remote and the queue models throughout.
#include "protocols/accounts/AccountStore.h"
#include "protocols/accounts/PasswordVault.h"
#include "protocols/accounts/Site.h"
#include "protocols/accounts/SiteStore.h"
#include "protocols/ftp/TransferPlan.h"
#include "protocols/net/TrustStore.h"
#include "tests/common/TestData.h"
#include "tests/common/TestServerEnv.h"
#include "ui/MainWindow.h"
#include "ui/files/FileArea.h"
#include "ui/files/FileController.h"
#include "ui/files/LocalFileModel.h"
#include "ui/files/LocalFilePane.h"
#include "ui/files/RemoteFileModel.h"
#include "ui/files/RemoteFilePane.h"
#include "ui/files/TransferQueueModel.h"
#include "ui/files/TransferQueueView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

#include <memory>

using namespace Satchel;
using namespace Satchel::Test;
using Ftp::TransferItem;
using Ui::MainWindow;
using Ui::RemoteFileModel;

struct FtpServer {
    QString name; // "vsftpd" or "mlsdftp"
    QString prefix; // env keys
    QString portKey;
    Net::TlsPolicy security;
};
Q_DECLARE_METATYPE(FtpServer)

class TestFileWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void workflow_data();
    void workflow();
    void queueSurvivesRestart();
    void cleanup();

private:
    bool openWindow(const FtpServer &server, const QString &queueDir);
    bool connectSite(const FtpServer &server);
    bool waitForListing(const QString &path);
    QModelIndex remoteRow(const QString &name) const;
    QModelIndex localIndex(const QString &path);
    bool dropOnRemote(const QStringList &localPaths, const QModelIndex &onto = {});
    int countState(TransferItem::State state) const;
    QString queueText() const;
    Ui::FileController *files() const { return m_window->fileController(); }
    Ui::RemoteFilePane *remote() const { return m_window->fileArea()->remotePane(); }
    Ui::LocalFilePane *local() const { return m_window->fileArea()->localPane(); }
    RemoteFileModel *remoteModel() const { return remote()->model(); }
    static QByteArray randomBytes(int size);

    std::optional<TestServerEnv> m_vsftpd;
    std::optional<TestServerEnv> m_mlsd;
    QTemporaryDir m_dir;
    std::unique_ptr<Accounts::PasswordVault> m_vault;
    std::unique_ptr<Accounts::AccountStore> m_accounts;
    std::unique_ptr<Accounts::SiteStore> m_sites;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_remoteTester;
    std::unique_ptr<QAbstractItemModelTester> m_queueTester;
    int m_trustAsked = 0;
    int m_overwriteAsked = 0;
    // What the overwrite prompt answers; unset: it keeps the question open.
    std::optional<Ftp::OverwritePolicy> m_overwriteAnswer;
};

namespace {

const TestServerEnv &envOf(
    const FtpServer &server, const std::optional<TestServerEnv> &vsftpd, const std::optional<TestServerEnv> &mlsd)
{
    return server.name == QLatin1String("vsftpd") ? *vsftpd : *mlsd;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

QByteArray TestFileWindow::randomBytes(int size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

void TestFileWindow::initTestCase()
{
    QString error;
    m_vsftpd = TestServerEnv::load(QStringLiteral("vsftpd"), &error);
    QVERIFY2(m_vsftpd.has_value(), qPrintable(error));
    m_mlsd = TestServerEnv::load(QStringLiteral("mlsdftp"), &error);
    QVERIFY2(m_mlsd.has_value(), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

void TestFileWindow::cleanup()
{
    m_remoteTester.reset();
    m_queueTester.reset();
    m_window.reset();
}

bool TestFileWindow::openWindow(const FtpServer &server, const QString &queueDir)
{
    const TestServerEnv &env = envOf(server, m_vsftpd, m_mlsd);
    m_vault = std::make_unique<Accounts::PasswordVault>(
        QStringLiteral("SatchelTest"), Accounts::PasswordVault::Backend::SessionOnly);
    m_accounts
        = std::make_unique<Accounts::AccountStore>(m_dir.filePath(QStringLiteral("accounts.ini")), m_vault.get());
    m_sites = std::make_unique<Accounts::SiteStore>(m_dir.filePath(QStringLiteral("sites.ini")));
    auto trust = std::make_shared<Net::TrustStore>();
    QString error;
    if (!trust->addCaFile(env.value(server.prefix + QStringLiteral("_CA")), &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    MainWindow::Options options;
    options.accounts = m_accounts.get();
    options.vault = m_vault.get();
    options.sites = m_sites.get();
    options.mailCacheDir = m_dir.filePath(QStringLiteral("cache"));
    options.transferQueueDir = queueDir;
    options.trust = trust;
    // The CA is trusted: a question would be a bug. Cancel it and count it.
    options.askTrust = [this](const Net::TrustQuestion &, std::function<void(Net::TrustAnswer)> answer) {
        ++m_trustAsked;
        answer(Net::TrustAnswer::Cancel);
    };
    options.askOverwrite
        = [this](const TransferItem &, qint64, std::function<void(Ftp::OverwritePolicy, bool)> answer) {
              ++m_overwriteAsked;
              if (m_overwriteAnswer) {
                  answer(*m_overwriteAnswer, false);
              }
          };
    m_window = std::make_unique<MainWindow>(options);
    m_window->resize(1200, 800);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get())) {
        return false;
    }
    using Mode = QAbstractItemModelTester::FailureReportingMode;
    m_remoteTester = std::make_unique<QAbstractItemModelTester>(remoteModel(), Mode::QtTest);
    m_queueTester = std::make_unique<QAbstractItemModelTester>(files()->queueModel(), Mode::QtTest);
    return true;
}

bool TestFileWindow::connectSite(const FtpServer &server)
{
    const TestServerEnv &env = envOf(server, m_vsftpd, m_mlsd);
    Accounts::Site site;
    site.name = server.name;
    site.host = QStringLiteral("127.0.0.1");
    site.port = env.port(server.portKey);
    site.security = server.security;
    site.user = env.value(server.prefix + QStringLiteral("_USER"));
    site.connections = 2;
    QSignalSpy connected(files(), &Ui::FileController::siteConnected);
    files()->connectToSite(site, env.value(server.prefix + QStringLiteral("_PASSWORD")));
    if (!connected.wait(20000) && connected.isEmpty()) {
        qWarning("not connected: %s", qPrintable(m_window->statusBar()->currentMessage()));
        return false;
    }
    return waitForListing(connected.constFirst().at(1).toString());
}

bool TestFileWindow::waitForListing(const QString &path)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20000) {
        if (remoteModel()->path() == path && !remoteModel()->isListing()) {
            return true;
        }
        QTest::qWait(20);
    }
    qWarning("no listing of %s (at %s)", qPrintable(path), qPrintable(remoteModel()->path()));
    return false;
}

QModelIndex TestFileWindow::remoteRow(const QString &name) const
{
    const int row = remoteModel()->rowOfName(name);
    return row < 0 ? QModelIndex() : remoteModel()->index(row, RemoteFileModel::Name);
}

QModelIndex TestFileWindow::localIndex(const QString &path)
{
    Ui::LocalFileModel *model = local()->model();
    QModelIndex index = model->index(path);
    // QFileSystemModel reads folders on its own thread: wait for the row.
    for (int i = 0; i < 200 && (!index.isValid() || model->filePath(index) != path); ++i) {
        QTest::qWait(20);
        index = model->index(path);
    }
    return index;
}

bool TestFileWindow::dropOnRemote(const QStringList &localPaths, const QModelIndex &onto)
{
    QModelIndexList indexes;
    for (const QString &path : localPaths) {
        const QModelIndex index = localIndex(path);
        if (!index.isValid()) {
            return false;
        }
        indexes.append(index);
    }
    // What a drag out of the local pane carries (file URLs), dropped as a view drops it.
    std::unique_ptr<QMimeData> data(local()->model()->mimeData(indexes));
    return remoteModel()->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, onto)
        && remoteModel()->dropMimeData(data.get(), Qt::CopyAction, -1, -1, onto);
}

int TestFileWindow::countState(TransferItem::State state) const
{
    return files()->queueModel()->count(state);
}

// The queue as the view shows it, for failure messages.
QString TestFileWindow::queueText() const
{
    const QAbstractItemModel *model = files()->queueModel();
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column) {
            cells.append(model->index(row, column).data().toString());
        }
        rows.append(cells.join(QStringLiteral(" | ")));
    }
    return rows.join(QLatin1Char('\n'));
}

void TestFileWindow::workflow_data()
{
    QTest::addColumn<FtpServer>("server");
    QTest::newRow("vsftpd, explicit FTPS, session reuse, LIST") << FtpServer { QStringLiteral("vsftpd"),
        QStringLiteral("VSFTPD"), QStringLiteral("VSFTPD_PORT"), Net::TlsPolicy::StartTlsRequired };
    QTest::newRow("pyftpdlib, implicit FTPS, MLSD") << FtpServer { QStringLiteral("mlsdftp"), QStringLiteral("MLSDFTP"),
        QStringLiteral("MLSDFTP_IMPLICIT_PORT"), Net::TlsPolicy::ImplicitTls };
}

void TestFileWindow::workflow()
{
    QFETCH(FtpServer, server);
    const TestServerEnv &env = envOf(server, m_vsftpd, m_mlsd);
    const QString serverRoot = env.value(server.prefix + QStringLiteral("_ROOT"));
    QTemporaryDir work;
    QVERIFY(work.isValid());
    m_overwriteAsked = 0;
    m_trustAsked = 0;
    QVERIFY(openWindow(server, work.filePath(QStringLiteral("queue"))));
    QVERIFY(connectSite(server));
    const QString home = remoteModel()->path();
    QVERIFY(!home.isEmpty());

    // A folder that is not there: the listing fails in words (550), the connection it
    // ran on is replaced, and the next listing works.
    remote()->navigate(QStringLiteral("/no such folder here"));
    QVERIFY(waitForListing(QStringLiteral("/no such folder here")));
    QCOMPARE(remoteModel()->rowCount(), 0);
    auto *status = remote()->findChild<QLabel *>(QStringLiteral("remoteStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().startsWith(QStringLiteral("Cannot list /no such folder here")), qPrintable(status->text()));
    remote()->goBack();
    QVERIFY(waitForListing(home));

    // A folder of this run's own, made with New Folder (F7's action), name asked.
    const QString folderName = QStringLiteral("Fenster Test ü %1").arg(server.name);
    if (remoteRow(folderName).isValid()) {
        remote()->view()->setCurrentIndex(remoteRow(folderName));
        remote()->setConfirm([](const QString &) { return true; });
        remote()->findChild<QAction *>(QStringLiteral("deleteRemote"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!remoteRow(folderName).isValid(), 20000);
    }
    remote()->setAskText([&folderName](const QString &, const QString &, const QString &) { return folderName; });
    remote()->findChild<QAction *>(QStringLiteral("newRemoteFolder"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow(folderName).isValid() && !remoteModel()->isListing(), 20000);
    QVERIFY(remoteModel()->data(remoteRow(folderName), RemoteFileModel::IsDirectoryRole).toBool());

    // Into it with the keyboard: the row, then Return.
    remote()->view()->setFocus();
    remote()->view()->setCurrentIndex(remoteRow(folderName));
    QTest::keyClick(remote()->view(), Qt::Key_Return);
    const QString folder = Ftp::joinRemotePath(home, folderName);
    QVERIFY(waitForListing(folder));
    QCOMPARE(remoteModel()->rowCount(), 0);
    QCOMPARE(remote()->pathEdit()->text(), folder);

    // Drop a local file and a local folder (with a non-ASCII name inside) on the pane.
    const QString localDir = work.filePath(QStringLiteral("local"));
    const QByteArray report = randomBytes(300 * 1024);
    const QByteArray photo = randomBytes(40 * 1024);
    QVERIFY(writeFile(localDir + QStringLiteral("/report 2026.txt"), report));
    QVERIFY(writeFile(localDir + QStringLiteral("/photos/Straße ä.jpg"), photo));
    local()->navigate(localDir);
    QVERIFY(dropOnRemote({ localDir + QStringLiteral("/report 2026.txt"), localDir + QStringLiteral("/photos") }));
    QTRY_COMPARE_WITH_TIMEOUT(countState(TransferItem::State::Done), 2, 30000);
    QCOMPARE(countState(TransferItem::State::Failed), 0);
    // The folder shown is listed again once uploads into it are done.
    QTRY_VERIFY_WITH_TIMEOUT(
        remoteRow(QStringLiteral("report 2026.txt")).isValid() && !remoteModel()->isListing(), 20000);
    QVERIFY(remoteRow(QStringLiteral("photos")).isValid());
    const QString onDisk = serverRoot + folder;
    QCOMPARE(readAll(onDisk + QStringLiteral("/report 2026.txt")), report);
    QCOMPARE(readAll(onDisk + QStringLiteral("/photos/Straße ä.jpg")), photo);
    QCOMPARE(remoteModel()->data(remoteRow(QStringLiteral("report 2026.txt")), RemoteFileModel::SizeRole).toLongLong(),
        qint64(report.size()));

    // The same file again: the destination exists, so the person is asked; Skip.
    m_overwriteAnswer = Ftp::OverwritePolicy::Skip;
    QVERIFY(dropOnRemote({ localDir + QStringLiteral("/report 2026.txt") }));
    QTRY_VERIFY2_WITH_TIMEOUT(countState(TransferItem::State::Skipped) == 1, qPrintable(queueText()), 20000);
    QCOMPARE(m_overwriteAsked, 1);
    QCOMPARE(readAll(onDisk + QStringLiteral("/report 2026.txt")), report);

    // Download by dragging both rows onto a local folder.
    const QString downloads = work.filePath(QStringLiteral("downloads"));
    QVERIFY(QDir().mkpath(downloads));
    {
        std::unique_ptr<QMimeData> drag(remoteModel()->mimeData(
            { remoteRow(QStringLiteral("report 2026.txt")), remoteRow(QStringLiteral("photos")) }));
        const QModelIndex target = localIndex(downloads);
        QVERIFY(target.isValid());
        QVERIFY(local()->model()->canDropMimeData(drag.get(), Qt::CopyAction, -1, -1, target));
        QVERIFY(local()->model()->dropMimeData(drag.get(), Qt::CopyAction, -1, -1, target));
    }
    QTRY_COMPARE_WITH_TIMEOUT(countState(TransferItem::State::Done), 4, 30000);
    QCOMPARE(readAll(downloads + QStringLiteral("/report 2026.txt")), report);
    QCOMPARE(readAll(downloads + QStringLiteral("/photos/Straße ä.jpg")), photo);
    QVERIFY(!QFileInfo::exists(downloads + QStringLiteral("/report 2026.txt.part")));

    // Dragged out of the window: the desktop's file manager asks for file URLs at the
    // drop, and gets local copies downloaded there and then (through the queue).
    {
        std::unique_ptr<QMimeData> drag(remoteModel()->mimeData(
            { remoteRow(QStringLiteral("report 2026.txt")), remoteRow(QStringLiteral("photos")) }));
        QVERIFY(drag->hasFormat(QStringLiteral("text/uri-list")));
        const QList<QUrl> urls = drag->urls();
        QCOMPARE(urls.size(), 2);
        QVERIFY(urls.at(0).isLocalFile() && urls.at(1).isLocalFile());
        QCOMPARE(QFileInfo(urls.at(0).toLocalFile()).fileName(), QStringLiteral("report 2026.txt"));
        QCOMPARE(readAll(urls.at(0).toLocalFile()), report);
        QCOMPARE(readAll(urls.at(1).toLocalFile() + QStringLiteral("/Straße ä.jpg")), photo);
        QCOMPARE(countState(TransferItem::State::Done), 6);
        // Asked again (a file manager may), it downloads nothing more.
        QCOMPARE(drag->urls(), urls);
        QCOMPARE(files()->queueModel()->rowCount(), 7);
        QDir(QFileInfo(urls.at(0).toLocalFile()).absolutePath()).removeRecursively();
    }

    // Rename in place (what F2 and typing a name do to the model).
    QVERIFY(remoteModel()->flags(remoteRow(QStringLiteral("report 2026.txt"))) & Qt::ItemIsEditable);
    QVERIFY(remoteModel()->setData(remoteRow(QStringLiteral("report 2026.txt")), QStringLiteral("Bericht.txt")));
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow(QStringLiteral("Bericht.txt")).isValid() && !remoteModel()->isListing(), 20000);
    QVERIFY(!remoteRow(QStringLiteral("report 2026.txt")).isValid());
    QCOMPARE(readAll(onDisk + QStringLiteral("/Bericht.txt")), report);

    // Properties, in words.
    const QString properties = remote()->propertiesText(remoteRow(QStringLiteral("Bericht.txt")).row());
    QVERIFY2(properties.contains(QStringLiteral("307,200")) || properties.contains(QStringLiteral("307200")),
        qPrintable(properties));
    QVERIFY(properties.contains(QStringLiteral("Type: file")));

    // Move: the file's row dropped on the "photos" folder's row.
    {
        std::unique_ptr<QMimeData> drag(remoteModel()->mimeData({ remoteRow(QStringLiteral("Bericht.txt")) }));
        const QModelIndex photos = remoteRow(QStringLiteral("photos"));
        QVERIFY(remoteModel()->canDropMimeData(drag.get(), Qt::MoveAction, -1, -1, photos));
        // Not onto the folder it is already in.
        QVERIFY(!remoteModel()->canDropMimeData(drag.get(), Qt::MoveAction, -1, -1, QModelIndex()));
        QVERIFY(remoteModel()->dropMimeData(drag.get(), Qt::MoveAction, -1, -1, photos));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!remoteRow(QStringLiteral("Bericht.txt")).isValid() && !remoteModel()->isListing(), 20000);
    QCOMPARE(readAll(onDisk + QStringLiteral("/photos/Bericht.txt")), report);

    // Into photos by double-click's keyboard twin, and back with Backspace.
    remote()->view()->setCurrentIndex(remoteRow(QStringLiteral("photos")));
    QTest::keyClick(remote()->view(), Qt::Key_Return);
    QVERIFY(waitForListing(folder + QStringLiteral("/photos")));
    QCOMPARE(remoteModel()->rowCount(), 2);
    QVERIFY(remoteRow(QStringLiteral("Straße ä.jpg")).isValid());
    if (server.name == QLatin1String("vsftpd")) {
        if (qEnvironmentVariableIsSet("SATCHEL_TEST_OUTPUT")) {
            // The README's picture of the file pane in use.
            const QString path = testOutputDir() + QStringLiteral("/mainwindow-files.png");
            QVERIFY(m_window->grab().save(path));
        }
    }
    QTest::keyClick(remote()->view(), Qt::Key_Backspace);
    QVERIFY(waitForListing(folder));

    // A symbolic link in it (made on the server's disk) is deleted as a link, never followed.
    QVERIFY(QFile::link(QStringLiteral("Bericht.txt"), onDisk + QStringLiteral("/photos/link to report")));

    // Delete the folder with everything in it, after saying yes; a "no" first deletes nothing.
    remote()->view()->clearSelection();
    remote()->view()->selectionModel()->select(
        remoteRow(QStringLiteral("photos")), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    int asked = 0;
    remote()->setConfirm([&asked](const QString &question) {
        ++asked;
        return asked > 1 && question.contains(QStringLiteral("everything in them"));
    });
    QAction *remove = remote()->findChild<QAction *>(QStringLiteral("deleteRemote"));
    remove->trigger();
    QCOMPARE(asked, 1);
    QTest::qWait(200);
    QVERIFY(QFileInfo::exists(onDisk + QStringLiteral("/photos/Bericht.txt")));
    remove->trigger();
    QCOMPARE(asked, 2);
    QTRY_VERIFY_WITH_TIMEOUT(!remoteRow(QStringLiteral("photos")).isValid() && !remoteModel()->isListing(), 20000);
    QVERIFY(!QFileInfo::exists(onDisk + QStringLiteral("/photos")));

    // Up (Backspace) and delete the test folder, now empty.
    QTest::keyClick(remote()->view(), Qt::Key_Backspace);
    QVERIFY(waitForListing(home));
    remote()->view()->clearSelection();
    remote()->view()->selectionModel()->select(
        remoteRow(folderName), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    remote()->setConfirm([](const QString &) { return true; });
    remove->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!remoteRow(folderName).isValid() && !remoteModel()->isListing(), 20000);
    QVERIFY(!QFileInfo::exists(onDisk));
    QCOMPARE(m_trustAsked, 0);

    // Clear finished empties the queue view.
    m_window->fileArea()->queueView()->findChild<QAction *>(QStringLiteral("clearFinished"))->trigger();
    QTRY_COMPARE(files()->queueModel()->rowCount(), 0);
}

void TestFileWindow::queueSurvivesRestart()
{
    const FtpServer server { QStringLiteral("mlsdftp"), QStringLiteral("MLSDFTP"), QStringLiteral("MLSDFTP_TLS_PORT"),
        Net::TlsPolicy::StartTlsRequired };
    const QString serverRoot = m_mlsd->value(QStringLiteral("MLSDFTP_ROOT"));
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString queueDir = work.filePath(QStringLiteral("queue"));
    const QString file = work.filePath(QStringLiteral("restart me.bin"));
    const QByteArray first = randomBytes(64 * 1024);
    const QByteArray second = randomBytes(96 * 1024);
    QVERIFY(writeFile(file, first));

    QVERIFY(openWindow(server, queueDir));
    QVERIFY(connectSite(server));
    const QString home = remoteModel()->path();
    const QString onDisk = serverRoot + Ftp::joinRemotePath(home, QStringLiteral("restart me.bin"));
    QFile::remove(onDisk);
    QVERIFY(dropOnRemote({ file }));
    QTRY_COMPARE_WITH_TIMEOUT(countState(TransferItem::State::Done), 1, 20000);
    QCOMPARE(readAll(onDisk), first);

    // Again with other content: the queue asks, and nobody answers before the window closes.
    QVERIFY(writeFile(file, second));
    m_overwriteAsked = 0;
    m_overwriteAnswer.reset();
    QVERIFY(dropOnRemote({ file }));
    QTRY_COMPARE_WITH_TIMEOUT(countState(TransferItem::State::Asking), 1, 20000);
    QCOMPARE(m_overwriteAsked, 1);
    cleanup(); // the window closes; the queue is on disk

    // A new window on the same queue: connecting continues it and asks again.
    m_overwriteAnswer = Ftp::OverwritePolicy::Overwrite;
    QVERIFY(openWindow(server, queueDir));
    QVERIFY(connectSite(server));
    QTRY_COMPARE_WITH_TIMEOUT(countState(TransferItem::State::Done), 2, 20000);
    QCOMPARE(m_overwriteAsked, 2);
    QCOMPARE(readAll(onDisk), second);

    // Cleared items are gone from the queue on disk too.
    m_window->fileArea()->queueView()->findChild<QAction *>(QStringLiteral("clearFinished"))->trigger();
    QTRY_COMPARE(files()->queueModel()->rowCount(), 0);
    cleanup();
    QVERIFY(openWindow(server, queueDir));
    QVERIFY(connectSite(server));
    QTest::qWait(300);
    QCOMPARE(files()->queueModel()->rowCount(), 0);
    QFile::remove(onDisk);
}

QTEST_MAIN(TestFileWindow)
#include "tst_file_window.moc"
