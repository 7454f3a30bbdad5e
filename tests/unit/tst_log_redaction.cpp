// What each protocol's client lines look like in the log: passwords and
// authentication payloads replaced, the rest kept.
#include "protocols/net/LogRedaction.h"

#include <QTest>

using namespace Satchel::Net;

class TestLogRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redact_data();
    void redact();
};

void TestLogRedaction::redact_data()
{
    QTest::addColumn<LogDialect>("dialect");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("secret");
    QTest::addColumn<QByteArray>("logged");

    QTest::newRow("imap LOGIN") << LogDialect::Imap << QByteArray("a1 LOGIN alice pw") << true
                                << QByteArray("a1 LOGIN alice <redacted>");
    QTest::newRow("imap login, lower case, even unmarked") << LogDialect::Imap << QByteArray("a1 login alice pw") << false
                                                           << QByteArray("a1 login alice <redacted>");
    QTest::newRow("imap LOGIN with quoted password") << LogDialect::Imap << QByteArray("a1 LOGIN \"alice\" \"p w\"")
                                                     << true << QByteArray("a1 LOGIN \"alice\" <redacted>");
    QTest::newRow("imap AUTHENTICATE with initial response")
        << LogDialect::Imap << QByteArray("a2 AUTHENTICATE PLAIN AGFsaWNlAHB3") << true
        << QByteArray("a2 AUTHENTICATE PLAIN <redacted>");
    QTest::newRow("imap AUTHENTICATE without initial response")
        << LogDialect::Imap << QByteArray("a2 AUTHENTICATE PLAIN") << false << QByteArray("a2 AUTHENTICATE PLAIN");
    QTest::newRow("imap SASL continuation") << LogDialect::Imap << QByteArray("AGFsaWNlAHB3") << true
                                            << QByteArray("<redacted>");
    QTest::newRow("imap SELECT untouched") << LogDialect::Imap << QByteArray("a3 SELECT INBOX") << false
                                           << QByteArray("a3 SELECT INBOX");
    QTest::newRow("pop3 PASS") << LogDialect::Pop3 << QByteArray("PASS pw with spaces") << true
                               << QByteArray("PASS <redacted>");
    QTest::newRow("pop3 USER untouched") << LogDialect::Pop3 << QByteArray("USER alice") << false
                                         << QByteArray("USER alice");
    QTest::newRow("pop3 APOP digest") << LogDialect::Pop3 << QByteArray("APOP alice c4c9334bac560ecc979e58001b3e22fb")
                                      << true << QByteArray("APOP alice <redacted>");
    QTest::newRow("pop3 AUTH PLAIN") << LogDialect::Pop3 << QByteArray("AUTH PLAIN AGFsaWNlAHB3") << true
                                     << QByteArray("AUTH PLAIN <redacted>");
    QTest::newRow("ftp PASS") << LogDialect::Ftp << QByteArray("PASS pw") << true << QByteArray("PASS <redacted>");
    QTest::newRow("ftp pass lower case") << LogDialect::Ftp << QByteArray("pass pw") << false
                                         << QByteArray("pass <redacted>");
    QTest::newRow("ftp ACCT") << LogDialect::Ftp << QByteArray("ACCT billing") << false
                              << QByteArray("ACCT <redacted>");
    QTest::newRow("ftp RETR untouched") << LogDialect::Ftp << QByteArray("RETR a file") << false
                                        << QByteArray("RETR a file");
    QTest::newRow("generic secret") << LogDialect::Generic << QByteArray("anything") << true << QByteArray("<redacted>");
}

void TestLogRedaction::redact()
{
    QFETCH(LogDialect, dialect);
    QFETCH(QByteArray, line);
    QFETCH(bool, secret);
    QFETCH(QByteArray, logged);
    QCOMPARE(redactClientLine(dialect, line, secret ? Secrecy::Secret : Secrecy::Public), logged);
}

QTEST_GUILESS_MAIN(TestLogRedaction)
#include "tst_log_redaction.moc"
