// POP3 status lines (RFC 1939 §3, RFC 2449 §8 response codes) and LIST/UIDL/STAT
// lines (RFC 1939 §5, §7), including what a broken or hostile server sends.
#include "protocols/pop3/Pop3Listing.h"
#include "protocols/pop3/Pop3Status.h"

#include <QTest>

using namespace Satchel::Pop3;

class TestPop3Parsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void status_data();
    void status();
    void uidl_data();
    void uidl();
    void list_data();
    void list();
};

void TestPop3Parsing::status_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("ok with text") << QByteArray("+OK 2 200") << true << true << QByteArray() << QByteArray("2 200");
    QTest::newRow("bare ok") << QByteArray("+OK") << true << true << QByteArray() << QByteArray();
    QTest::newRow("err with code") << QByteArray("-ERR [AUTH] Authentication failed.") << true << false
                                   << QByteArray("AUTH") << QByteArray("Authentication failed.");
    QTest::newRow("err in-use") << QByteArray("-ERR [IN-USE] locked") << true << false << QByteArray("IN-USE")
                                << QByteArray("locked");
    QTest::newRow("lower-case ok is not POP3") << QByteArray("+ok") << false << false << QByteArray() << QByteArray();
    QTest::newRow("OKAY is not +OK") << QByteArray("+OKAY") << false << false << QByteArray() << QByteArray();
    QTest::newRow("imap greeting") << QByteArray("* OK IMAP") << false << false << QByteArray() << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << false << QByteArray() << QByteArray();
}

void TestPop3Parsing::status()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    QFETCH(bool, ok);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, text);
    const auto status = parseStatusLine(line);
    QCOMPARE(status.has_value(), valid);
    if (valid) {
        QCOMPARE(status->ok, ok);
        QCOMPARE(status->code, code);
        QCOMPARE(status->text, text);
    }
}

void TestPop3Parsing::uidl_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("number");
    QTest::addColumn<QByteArray>("uidl");
    QTest::newRow("dovecot") << QByteArray("1 000000016b09cb88") << true << 1 << QByteArray("000000016b09cb88");
    QTest::newRow("slashes and dots are just bytes") << QByteArray("2 ../../etc/passwd") << true << 2
                                                     << QByteArray("../../etc/passwd");
    QTest::newRow("70 characters") << QByteArray("3 " + QByteArray(70, 'x')) << true << 3 << QByteArray(70, 'x');
    QTest::newRow("71 characters") << QByteArray("3 " + QByteArray(71, 'x')) << false << 0 << QByteArray();
    QTest::newRow("control character") << QByteArray("4 a\x01z") << false << 0 << QByteArray();
    QTest::newRow("message zero") << QByteArray("0 abc") << false << 0 << QByteArray();
    QTest::newRow("negative") << QByteArray("-1 abc") << false << 0 << QByteArray();
    QTest::newRow("huge number") << QByteArray("99999999999999 abc") << false << 0 << QByteArray();
    QTest::newRow("no uidl") << QByteArray("5") << false << 0 << QByteArray();
}

void TestPop3Parsing::uidl()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    QFETCH(int, number);
    QFETCH(QByteArray, uidl);
    const auto entry = parseUidlLine(line);
    QCOMPARE(entry.has_value(), valid);
    if (valid) {
        QCOMPARE(entry->number, number);
        QCOMPARE(entry->uidl, uidl);
    }
}

void TestPop3Parsing::list_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("size");
    QTest::newRow("plain") << QByteArray("1 463") << true << qint64(463);
    QTest::newRow("large") << QByteArray("7 5000000000") << true << qint64(5000000000);
    QTest::newRow("size not a number") << QByteArray("1 big") << false << qint64(0);
    QTest::newRow("negative size") << QByteArray("1 -5") << false << qint64(0);
}

void TestPop3Parsing::list()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    QFETCH(qint64, size);
    const auto entry = parseListLine(line);
    QCOMPARE(entry.has_value(), valid);
    if (valid) {
        QCOMPARE(entry->size, size);
    }
    QCOMPARE(parseStatText("3 1200")->size, qint64(1200));
}

QTEST_GUILESS_MAIN(TestPop3Parsing)
#include "tst_pop3_parsing.moc"
