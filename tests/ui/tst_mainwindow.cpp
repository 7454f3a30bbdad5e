// The first window opens on the offscreen platform with its three areas, menus,
// status bar and icon; a screenshot is saved for people to look at; the German
// translation is compiled in and applies.
#include "tests/common/TestServerEnv.h"
#include "ui/MainWindow.h"
#include "ui/common/EmptyStatePane.h"
#include "ui/common/Translations.h"

#include <QApplication>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>

using Satchel::Ui::EmptyStatePane;
using Satchel::Ui::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hasTheThreeAreas();
    void hasMenusStatusBarAndIcon();
    void savesScreenshot();
    void germanTranslationApplies();
};

void TestMainWindow::hasTheThreeAreas()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The mail areas say what will appear in them until there is an account.
    const QStringList areas { QStringLiteral("folderTree"), QStringLiteral("messageList"), QStringLiteral("reader") };
    for (const QString &name : areas) {
        auto *pane = window.findChild<EmptyStatePane *>(name);
        QVERIFY2(pane, qPrintable(name));
        QVERIFY2(pane->isVisible(), qPrintable(name));
        QVERIFY2(pane->width() > 50 && pane->height() > 40, qPrintable(name));
    }
    // The file panes are there at once: this computer's files, the server (not
    // connected yet) and the transfer queue.
    for (const QString &name :
        { QStringLiteral("localFiles"), QStringLiteral("remoteFiles"), QStringLiteral("transferQueue") }) {
        auto *pane = window.findChild<QWidget *>(name);
        QVERIFY2(pane, qPrintable(name));
        QVERIFY2(pane->isVisible(), qPrintable(name));
        QVERIFY2(pane->width() > 50 && pane->height() > 40, qPrintable(name));
    }
    // The folder tree is left of the mail area, and mail sits above the file panes.
    const auto *tree = window.findChild<EmptyStatePane *>(QStringLiteral("folderTree"));
    const auto *list = window.findChild<EmptyStatePane *>(QStringLiteral("messageList"));
    const auto *local = window.findChild<QWidget *>(QStringLiteral("localFiles"));
    QVERIFY(tree->mapTo(&window, QPoint()).x() < list->mapTo(&window, QPoint()).x());
    QVERIFY(list->mapTo(&window, QPoint()).y() < local->mapTo(&window, QPoint()).y());
}

void TestMainWindow::hasMenusStatusBarAndIcon()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList menus;
    const auto actions = window.menuBar()->actions();
    for (const QAction *action : actions) {
        menus << action->text();
    }
    QCOMPARE(menus, (QStringList { QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help") }));
    QVERIFY(window.statusBar()->isVisible());
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Ready"));
    // The SVG icon renders: the svg icon engine and the resource are both there.
    const QImage icon = window.windowIcon().pixmap(64, 64).toImage();
    QVERIFY(!icon.isNull());
    QCOMPARE(icon.width(), 64);
    QVERIFY(icon.pixelColor(32, 48).alpha() > 0);
}

void TestMainWindow::savesScreenshot()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString path = Satchel::Test::testOutputDir() + QStringLiteral("/mainwindow.png");
    const QPixmap shot = window.grab();
    QCOMPARE(shot.size(), QSize(1200, 800));
    QVERIFY(shot.save(path));
    QImage reread(path);
    QCOMPARE(reread.size(), QSize(1200, 800));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestMainWindow::germanTranslationApplies()
{
    QVERIFY(Satchel::Ui::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
    MainWindow window;
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), QStringLiteral("&Datei"));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Bereit"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
