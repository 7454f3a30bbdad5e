// The message reader on the offscreen platform: headers, body, attachments; an HTML
// message with remote images, a stylesheet and a background makes NO network request
// (a listening socket on loopback that the HTML points at sees no connection) until
// the person allows it, and then it does; the inline cid: image is shown; a link opens
// only after confirmation; plain-text toggle, view source, saving; a screenshot.
#include "tests/common/TestServerEnv.h"
#include "ui/mail/MessageReader.h"
#include "ui/mail/SafeHtmlView.h"

#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using Satchel::Ui::MessageReader;

class TestMessageReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsHeadersBodyAndAttachments();
    void htmlMakesNoNetworkRequestUntilAllowed();
    void trustedSenderLoadsWithoutAsking();
    void inlineCidImageIsShown();
    void linksOpenOnlyAfterConfirmation();
    void plainTextToggleAndSource();
    void savesAttachmentAtomically();
    void refusesLocalFiles();
    void brokenMessageIsAnErrorInWords();

private:
    static QByteArray file(const QString &name);
    static QByteArray trackedHtml(quint16 port);
};

QByteArray TestMessageReader::file(const QString &name)
{
    QFile f(qEnvironmentVariable("SATCHEL_SOURCE_DIR") + QStringLiteral("/tests/data/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray TestMessageReader::trackedHtml(quint16 port)
{
    const QByteArray base = "http://127.0.0.1:" + QByteArray::number(port);
    return "From: Shop <news@shop.example>\r\nTo: reader@example.org\r\nSubject: Tracked\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
           "<html><head><link rel=\"stylesheet\" href=\"" + base + "/style.css\"></head><body>"
           "<p>Hello <a href=\"https://shop.example/offer\">offer</a></p>"
           "<img src=\"" + base + "/pixel.gif\" width=\"1\" height=\"1\">"
           "<table background=\"" + base + "/bg.png\"><tr><td>t</td></tr></table>"
           "</body></html>\r\n";
}

void TestMessageReader::showsHeadersBodyAndAttachments()
{
    MessageReader reader;
    reader.resize(900, 700);
    QString error;
    QVERIFY2(reader.showMessage(file(QStringLiteral("mime/04-nested-multipart.eml")), &error), qPrintable(error));
    reader.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reader));
    const QString headers = reader.findChild<QLabel *>(QStringLiteral("readerHeaders"))->text();
    QVERIFY(headers.contains(QStringLiteral("Alice &lt;alice@example.org&gt;")));
    QVERIFY(headers.contains(QStringLiteral("Nested: mixed &gt; related &gt; alternative")));
    QVERIFY(reader.view()->toPlainText().contains(QStringLiteral("The HTML version.")));
    const auto *attachments = reader.findChild<QListWidget *>(QStringLiteral("readerAttachments"));
    QVERIFY(attachments->isVisible());
    QCOMPARE(attachments->count(), 2);
    QVERIFY(attachments->item(0)->text().startsWith(QStringLiteral("The forwarded one.eml (message/rfc822")));
    QVERIFY(attachments->item(1)->text().startsWith(QStringLiteral("inner.zip (application/zip")));
    const QString shot = Satchel::Test::testOutputDir() + QStringLiteral("/message-reader.png");
    QVERIFY(reader.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));
}

void TestMessageReader::htmlMakesNoNetworkRequestUntilAllowed()
{
    QTcpServer tracker;
    QVERIFY(tracker.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    connect(&tracker, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = tracker.nextPendingConnection()) {
            ++connections;
            s->close();
        }
    });

    MessageReader reader;
    reader.resize(900, 700);
    QString error;
    QVERIFY2(reader.showMessage(trackedHtml(tracker.serverPort()), &error), qPrintable(error));
    reader.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reader));
    reader.grab(); // paint: every resource the document wants has been asked for now
    // A negative check needs a window: a request, had one been made, reaches a
    // listening socket on loopback within milliseconds; give it a generous 300 ms.
    QTest::qWait(300);
    QCOMPARE(connections, 0);
    QCOMPARE(reader.blockedRemoteCount(), 3);
    auto *bar = reader.findChild<QWidget *>(QStringLiteral("remoteContentBar"));
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->findChild<QLabel *>()->text(), QStringLiteral("3 remote item(s) blocked to protect your privacy."));

    // The positive control: once the person allows it, the same socket is reached.
    reader.allowRemoteContent();
    QTRY_VERIFY_WITH_TIMEOUT(connections >= 1, 10000);
    QVERIFY(!bar->isVisible());
}

void TestMessageReader::trustedSenderLoadsWithoutAsking()
{
    QTcpServer tracker;
    QVERIFY(tracker.listen(QHostAddress::LocalHost, 0));
    MessageReader reader;
    QSet<QString> changed;
    connect(&reader, &MessageReader::trustedSendersChanged, this, [&](const QSet<QString> &s) { changed = s; });
    QString error;
    QVERIFY(reader.showMessage(trackedHtml(tracker.serverPort()), &error));
    QCOMPARE(tracker.hasPendingConnections(), false);
    reader.trustCurrentSender();
    QCOMPARE(changed, QSet<QString>{QStringLiteral("news@shop.example")});
    QTRY_VERIFY_WITH_TIMEOUT(tracker.hasPendingConnections(), 10000);

    QTcpServer second;
    QVERIFY(second.listen(QHostAddress::LocalHost, 0));
    MessageReader another;
    another.setTrustedSenders(changed);
    QVERIFY(another.showMessage(trackedHtml(second.serverPort()), &error));
    QTRY_VERIFY_WITH_TIMEOUT(second.hasPendingConnections(), 10000);
}

void TestMessageReader::inlineCidImageIsShown()
{
    MessageReader reader;
    reader.resize(900, 500);
    QString error;
    QVERIFY(reader.showMessage(file(QStringLiteral("mime/09-html-remote.eml")), &error));
    reader.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reader));
    QVERIFY(reader.grab().save(Satchel::Test::testOutputDir() + QStringLiteral("/message-reader-remote-blocked.png")));
    const QVariant image = reader.view()->document()->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("cid:inline-logo")));
    QVERIFY(image.isValid());
    QCOMPARE(image.value<QImage>().size(), QSize(1, 1));
    // Scripts, frames and handlers are gone; the remote pixel, stylesheet and background are blocked.
    QVERIFY(!reader.view()->toHtml().contains(QStringLiteral("alert")));
    QCOMPARE(reader.blockedRemoteCount(), 3);
}

void TestMessageReader::linksOpenOnlyAfterConfirmation()
{
    MessageReader reader;
    QList<QUrl> asked;
    QList<QUrl> opened;
    bool answer = false;
    reader.setLinkHandlers([&](const QUrl &u) { asked << u; return answer; }, [&](const QUrl &u) { opened << u; });
    QString error;
    QVERIFY(reader.showMessage(file(QStringLiteral("mime/09-html-remote.eml")), &error));
    const QUrl offer(QStringLiteral("https://shop.example/offer"));
    Q_EMIT reader.view()->anchorClicked(offer);
    QCOMPARE(asked, QList<QUrl>{offer});
    QVERIFY(opened.isEmpty());
    answer = true;
    Q_EMIT reader.view()->anchorClicked(offer);
    QCOMPARE(opened, QList<QUrl>{offer});
    Q_EMIT reader.view()->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    QCOMPARE(asked.size(), 2); // not even asked: only http(s) and mailto leave the reader
}

void TestMessageReader::plainTextToggleAndSource()
{
    MessageReader reader;
    QString error;
    QVERIFY(reader.showMessage(file(QStringLiteral("mime/04-nested-multipart.eml")), &error));
    QVERIFY(reader.view()->toPlainText().contains(QStringLiteral("The HTML version.")));
    reader.setPreferPlainText(true);
    QVERIFY(reader.view()->toPlainText().contains(QStringLiteral("The plain version, with a logo")));
    reader.showSource();
    auto *dialog = reader.findChild<QDialog *>(QStringLiteral("messageSourceDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QPlainTextEdit *>()->toPlainText().startsWith(QStringLiteral("From: Alice <alice@example.org>")));
}

void TestMessageReader::savesAttachmentAtomically()
{
    MessageReader reader;
    QString error;
    QVERIFY(reader.showMessage(file(QStringLiteral("mime/02-rfc2231-filenames.eml")), &error));
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("rates.pdf"));
    QVERIFY2(reader.saveAttachment(QStringLiteral("2"), target, &error), qPrintable(error));
    QFile f(target);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("%PDF-1.4"));
    QVERIFY(!reader.saveAttachment(QStringLiteral("2"), dir.filePath(QStringLiteral("missing/dir/x.pdf")), &error));
    QVERIFY(error.startsWith(QStringLiteral("Cannot write")));
}

void TestMessageReader::refusesLocalFiles()
{
    MessageReader reader;
    QString error;
    QVERIFY(reader.showMessage("From: a@b\r\nSubject: local\r\nContent-Type: text/html\r\n\r\n"
                               "<img src=\"file:///etc/hostname\"><img src=\"/etc/hostname\"><link rel=stylesheet href=\"qrc:/x.css\">",
                               &error));
    QVERIFY(reader.view()->refusedLocalRequests() >= 2);
    QCOMPARE(reader.blockedRemoteCount(), 0);
}

void TestMessageReader::brokenMessageIsAnErrorInWords()
{
    MessageReader reader;
    QString error;
    QByteArray many;
    for (int i = 0; i < 1001; ++i) {
        many += "X-A: b\r\n";
    }
    QVERIFY(!reader.showMessage(many + "\r\n", &error));
    QCOMPARE(error, QStringLiteral("the message has more than 1000 header fields"));
}

QTEST_MAIN(TestMessageReader)
#include "tst_message_reader.moc"
