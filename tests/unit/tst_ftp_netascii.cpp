// ASCII type line-end conversion (RFC 959 §3.1.1.1): CRLF → LF on download however the
// bytes are split into pieces, LF → CRLF on upload without doubling an existing CR.
#include "protocols/ftp/NetAscii.h"

#include <QTest>

using namespace Satchel::Ftp;

class TestFtpNetAscii : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void encode_data();
    void encode();
};

void TestFtpNetAscii::decode_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("local");
    QTest::newRow("crlf lines") << QByteArray("one\r\ntwo\r\n") << QByteArray("one\ntwo\n");
    QTest::newRow("lone cr kept") << QByteArray("a\rb\r\n") << QByteArray("a\rb\n");
    QTest::newRow("cr at the very end") << QByteArray("end\r") << QByteArray("end\r");
    QTest::newRow("bare lf kept") << QByteArray("x\ny") << QByteArray("x\ny");
    QTest::newRow("cr cr lf") << QByteArray("a\r\r\nb") << QByteArray("a\r\nb");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("utf-8 text") << QByteArray("Grüße\r\nKöln\r\n") << QByteArray("Grüße\nKöln\n");
}

void TestFtpNetAscii::decode()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, local);
    // Every split into two pieces, and byte by byte, gives the same text.
    for (qsizetype cut = 0; cut <= wire.size(); ++cut) {
        NetAsciiDecoder decoder;
        QByteArray out = decoder.feed(wire.left(cut));
        out += decoder.feed(wire.mid(cut));
        out += decoder.finish();
        QCOMPARE(out, local);
    }
    NetAsciiDecoder decoder;
    QByteArray out;
    for (const char c : wire) {
        out += decoder.feed(QByteArrayView(&c, 1));
    }
    out += decoder.finish();
    QCOMPARE(out, local);
}

void TestFtpNetAscii::encode_data()
{
    QTest::addColumn<QByteArray>("local");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("lf lines") << QByteArray("one\ntwo\n") << QByteArray("one\r\ntwo\r\n");
    QTest::newRow("already crlf") << QByteArray("one\r\ntwo\r\n") << QByteArray("one\r\ntwo\r\n");
    QTest::newRow("leading lf") << QByteArray("\nx") << QByteArray("\r\nx");
    QTest::newRow("no line end") << QByteArray("text") << QByteArray("text");
    QTest::newRow("lone cr kept") << QByteArray("a\rb") << QByteArray("a\rb");
}

void TestFtpNetAscii::encode()
{
    QFETCH(QByteArray, local);
    QFETCH(QByteArray, wire);
    QCOMPARE(toNetAscii(local), wire);
}

QTEST_GUILESS_MAIN(TestFtpNetAscii)
#include "tst_ftp_netascii.moc"
