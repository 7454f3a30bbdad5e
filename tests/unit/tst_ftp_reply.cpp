// FTP reply framing (RFC 959 §4.2) and the passive-mode replies (RFC 2428 EPSV,
// RFC 959 PASV): single and multi-line replies, continuation lines that look like
// replies, malformed first lines, the line-count bound; ports from EPSV and PASV.
#include "protocols/ftp/FtpDataChannel.h"
#include "protocols/ftp/FtpReply.h"

#include <QTest>

using namespace Satchel::Ftp;

class TestFtpReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framing_data();
    void framing();
    void tooManyLines();
    void ports_data();
    void ports();
};

void TestFtpReply::framing_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<int>("code");    // 0: error expected
    QTest::addColumn<int>("count");   // text lines in the reply
    QTest::addColumn<QString>("text");

    QTest::newRow("01 single line") << QList<QByteArray>{"220 Service ready"} << 220 << 1 << QStringLiteral("Service ready");
    QTest::newRow("02 code alone") << QList<QByteArray>{"200"} << 200 << 1 << QString();
    QTest::newRow("03 multi-line FEAT") << QList<QByteArray>{"211-Features:", " MLST size*;", " UTF8", "211 End"} << 211 << 4
                                        << QStringLiteral("Features: MLST size*; UTF8 End");
    QTest::newRow("04 inner line with another code") << QList<QByteArray>{"230-Welcome", "220 not the end", "230 Done"}
                                                     << 230 << 3 << QStringLiteral("Welcome 220 not the end Done");
    QTest::newRow("05 inner line with same code and dash") << QList<QByteArray>{"250-a", "250-b", "250 c"} << 250 << 3
                                                           << QStringLiteral("a b c");
    QTest::newRow("06 not a reply") << QList<QByteArray>{"hello world"} << 0 << 0 << QString();
    QTest::newRow("07 code without separator") << QList<QByteArray>{"220x"} << 0 << 0 << QString();
    QTest::newRow("08 code out of range") << QList<QByteArray>{"620 nope"} << 0 << 0 << QString();
    QTest::newRow("09 empty line") << QList<QByteArray>{""} << 0 << 0 << QString();
}

void TestFtpReply::framing()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(int, code);
    QFETCH(int, count);
    QFETCH(QString, text);
    FtpReplyReader reader;
    FtpReplyReader::Status status = FtpReplyReader::Status::NeedMore;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        status = reader.feed(lines.at(i));
        if (i + 1 < lines.size()) {
            QCOMPARE(status, FtpReplyReader::Status::NeedMore);
        }
    }
    if (code == 0) {
        QCOMPARE(status, FtpReplyReader::Status::Error);
        QVERIFY(reader.error().startsWith(QStringLiteral("the server sent a line that is not an FTP reply")));
        return;
    }
    QCOMPARE(status, FtpReplyReader::Status::Reply);
    const FtpReply reply = reader.takeReply();
    QCOMPARE(reply.code, code);
    QCOMPARE(reply.lines.size(), count);
    QCOMPARE(reply.text(), text);
    QVERIFY(!reader.inMultiLine());
}

void TestFtpReply::tooManyLines()
{
    FtpReplyReader reader;
    QCOMPARE(reader.feed("211-start"), FtpReplyReader::Status::NeedMore);
    FtpReplyReader::Status status = FtpReplyReader::Status::NeedMore;
    for (int i = 0; i < FtpReplyReader::kMaxLines + 1 && status == FtpReplyReader::Status::NeedMore; ++i) {
        status = reader.feed(" more");
    }
    QCOMPARE(status, FtpReplyReader::Status::Error);
    QCOMPARE(reader.error(), QStringLiteral("the server sent a reply of more than 10000 lines"));
}

void TestFtpReply::ports_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("epsv");
    QTest::addColumn<int>("port");
    QTest::newRow("epsv") << QStringLiteral("Entering Extended Passive Mode (|||50123|)") << true << 50123;
    QTest::newRow("epsv other delimiter") << QStringLiteral("ok (!!!2121!)") << true << 2121;
    QTest::newRow("epsv port too big") << QStringLiteral("(|||70000|)") << true << 0;
    QTest::newRow("epsv garbage") << QStringLiteral("Entering Extended Passive Mode") << true << 0;
    QTest::newRow("pasv") << QStringLiteral("Entering Passive Mode (127,0,0,1,195,80)") << false << 195 * 256 + 80;
    QTest::newRow("pasv other host, same port rule") << QStringLiteral("=192,168,1,2,4,1") << false << 1025;
    QTest::newRow("pasv byte out of range") << QStringLiteral("(127,0,0,1,300,1)") << false << 0;
    QTest::newRow("pasv zero port") << QStringLiteral("(127,0,0,1,0,0)") << false << 0;
}

void TestFtpReply::ports()
{
    QFETCH(QString, text);
    QFETCH(bool, epsv);
    QFETCH(int, port);
    QCOMPARE(int(epsv ? epsvPort(text) : pasvPort(text)), port);
}

QTEST_GUILESS_MAIN(TestFtpReply)
#include "tst_ftp_reply.moc"
