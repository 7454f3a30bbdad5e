// The protocol log records every line of a real session with time and direction,
// and never the password: LOGIN, AUTHENTICATE, PASS, AUTH and APOP payloads are
// redacted by rule, and any line the protocol marks Secret is redacted whole.
#include "ConnectionHarness.h"
#include "tests/common/FakeServer.h"
#include "tests/common/TestPki.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Satchel;
using namespace Satchel::Test;

class TestConnectionLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionLogHasNoSecrets_data();
    void sessionLogHasNoSecrets();
};

void TestConnectionLog::sessionLogHasNoSecrets_data()
{
    QTest::addColumn<Net::LogDialect>("dialect");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("continuation"); // a second Secret line (SASL), may be empty
    QTest::addColumn<QByteArray>("loggedAs");

    const QByteArray plainB64 = QByteArray("\0alice\0S3cr3t-pw", 16).toBase64();
    QTest::newRow("IMAP LOGIN") << Net::LogDialect::Imap << QByteArray("a1 LOGIN alice S3cr3t-pw") << QByteArray()
                                << QByteArray("C: a1 LOGIN alice <redacted>");
    QTest::newRow("IMAP AUTHENTICATE PLAIN, SASL-IR")
        << Net::LogDialect::Imap << QByteArray("a1 AUTHENTICATE PLAIN " + plainB64) << QByteArray()
        << QByteArray("C: a1 AUTHENTICATE PLAIN <redacted>");
    QTest::newRow("IMAP AUTHENTICATE PLAIN, continuation")
        << Net::LogDialect::Imap << QByteArray("a1 AUTHENTICATE PLAIN") << plainB64 << QByteArray("C: <redacted>");
    QTest::newRow("POP3 PASS") << Net::LogDialect::Pop3 << QByteArray("PASS S3cr3t-pw") << QByteArray()
                               << QByteArray("C: PASS <redacted>");
    QTest::newRow("POP3 AUTH PLAIN") << Net::LogDialect::Pop3 << QByteArray("AUTH PLAIN " + plainB64) << QByteArray()
                                     << QByteArray("C: AUTH PLAIN <redacted>");
    QTest::newRow("FTP PASS") << Net::LogDialect::Ftp << QByteArray("PASS S3cr3t-pw") << QByteArray()
                              << QByteArray("C: PASS <redacted>");
    QTest::newRow("generic Secret line") << Net::LogDialect::Generic << QByteArray("S3cr3t-pw") << QByteArray()
                                         << QByteArray("C: <redacted>");
}

void TestConnectionLog::sessionLogHasNoSecrets()
{
    QFETCH(Net::LogDialect, dialect);
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, continuation);
    QFETCH(QByteArray, loggedAs);

    TestPki pki;
    QString script = QStringLiteral("S: hello\nC: %1\n").arg(QString::fromUtf8(command));
    if (!continuation.isEmpty()) {
        script += QStringLiteral("S: +\nC: %1\n").arg(QString::fromUtf8(continuation));
    }
    script += QStringLiteral("S: done\nSTALL");
    FakeServer server(script);
    server.setCertificate(pki.issue({QStringLiteral("127.0.0.1")}));
    server.setImplicitTls(true);

    QTemporaryDir dir;
    const QString logPath = dir.filePath(QStringLiteral("protocol.log"));
    auto log = std::make_shared<Net::ProtocolLog>(dialect, QStringLiteral("test"));
    QString error;
    QVERIFY2(log->openFile(logPath, &error), qPrintable(error));

    Net::ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.start();
    s.trust = std::make_shared<Net::TrustStore>();
    s.trust->addCaCertificates({pki.ca().certificate});
    s.log = log;
    ConnectionHarness h(s);
    QObject::connect(h.connection.get(), &Net::Connection::ready, h.connection.get(),
                     [&] { h.connection->sendLine(command, Net::Secrecy::Secret); });
    QObject::disconnect(h.connection.get(), &Net::Connection::readyRead, h.connection.get(), nullptr);
    QObject::connect(h.connection.get(), &Net::Connection::readyRead, h.connection.get(), [&] {
        QByteArray line;
        while (h.connection->readLine(&line) == Net::Connection::LineStatus::Line) {
            h.lines.append(line);
            if (line == "+") {
                h.connection->sendLine(continuation, Net::Secrecy::Secret);
            }
        }
    });
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(h.lines.contains("done") || h.hasFailed, 10000);
    QVERIFY2(!h.hasFailed, qPrintable(h.error.message));
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));

    QFile file(logPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(!text.contains("S3cr3t-pw"), text.constData());
    QVERIFY2(!text.contains(QByteArray("S3cr3t-pw").toBase64()), text.constData());
    QVERIFY2(!text.contains(QByteArray("\0alice\0S3cr3t-pw", 16).toBase64()), text.constData());
    QVERIFY2(text.contains(QByteArray(" test " + loggedAs + "\n")), text.constData());
    // Every entry: ISO time, connection name, direction.
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    static const QRegularExpression entry(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z test (C:|S:|--) )"));
    for (const QString &line : lines) {
        QVERIFY2(entry.match(line).hasMatch(), qPrintable(line));
    }
    QVERIFY(text.contains(" test S: hello\n"));
    QCOMPARE(log->recentLines().size(), lines.size());
}

QTEST_GUILESS_MAIN(TestConnectionLog)
#include "tst_connection_log.moc"
