// The POP3 multi-line decoder (RFC 1939 §3): byte-stuffing removed, CRLF to LF, the
// "." line ends it, and it stops exactly there so a pipelined response that follows
// stays unread. Every row is also fed one byte at a time and split at every offset:
// the result may not depend on how TCP cut the stream.
#include "protocols/pop3/MultiLineDecoder.h"

#include <QTest>

using Satchel::Pop3::MultiLineDecoder;

class TestPop3MultiLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void missingTerminatorNeverCompletes();
    void tooLargeIsAnError();
};

void TestPop3MultiLine::decode_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<int>("consumed"); // -1: all of it

    QTest::newRow("01 simple") << QByteArray("a\r\nb\r\n.\r\n") << QByteArray("a\nb\n") << -1;
    QTest::newRow("02 empty body") << QByteArray(".\r\n") << QByteArray() << -1;
    QTest::newRow("03 stuffed dot line") << QByteArray("..\r\n.\r\n") << QByteArray(".\n") << -1;
    QTest::newRow("04 stuffed dot text") << QByteArray("..hidden\r\nx\r\n.\r\n") << QByteArray(".hidden\nx\n") << -1;
    QTest::newRow("05 dot inside a line is content") << QByteArray("a.b\r\n .\r\n.\r\n") << QByteArray("a.b\n .\n") << -1;
    QTest::newRow("06 response after the terminator stays unread")
        << QByteArray("x\r\n.\r\n+OK next\r\n") << QByteArray("x\n") << 6;
    QTest::newRow("07 bare LF line ends") << QByteArray("a\nb\n.\n") << QByteArray("a\nb\n") << -1;
    QTest::newRow("08 lone CR inside a line is kept") << QByteArray("a\rb\r\n.\r\n") << QByteArray("a\rb\n") << -1;
    QTest::newRow("09 blank lines") << QByteArray("h: v\r\n\r\n\r\nbody\r\n.\r\n") << QByteArray("h: v\n\n\nbody\n")
                                    << -1;
    QTest::newRow("10 dot CR then text") << QByteArray(".\rx\r\n.\r\n") << QByteArray("\rx\n") << -1;
    QTest::newRow("11 binary bytes pass through") << QByteArray("\x00\xff\x80\r\n.\r\n", 8)
                                                  << QByteArray("\x00\xff\x80\n", 4) << -1;
    QTest::newRow("12 terminator-like text mid-line") << QByteArray("a\r\n.x\r\n.\r\n") << QByteArray("a\nx\n") << -1;
}

void TestPop3MultiLine::decode()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, decoded);
    QFETCH(int, consumed);
    const std::size_t expectedConsumed = consumed < 0 ? std::size_t(wire.size()) : std::size_t(consumed);

    // Whole.
    {
        MultiLineDecoder decoder;
        std::string out;
        std::size_t used = 0;
        QCOMPARE(decoder.feed(std::string_view(wire.constData(), wire.size()), out, used), MultiLineDecoder::Status::Done);
        QCOMPARE(QByteArray::fromStdString(out), decoded);
        QCOMPARE(used, expectedConsumed);
    }
    // Split at every offset.
    for (qsizetype cut = 0; cut <= qsizetype(expectedConsumed); ++cut) {
        MultiLineDecoder decoder;
        std::string out;
        std::size_t used1 = 0;
        std::size_t used2 = 0;
        const auto first = decoder.feed(std::string_view(wire.constData(), cut), out, used1);
        if (first == MultiLineDecoder::Status::Done) {
            QCOMPARE(qsizetype(used1), cut);
        } else {
            QCOMPARE(used1, std::size_t(cut));
            QCOMPARE(decoder.feed(std::string_view(wire.constData() + cut, wire.size() - cut), out, used2),
                     MultiLineDecoder::Status::Done);
        }
        QCOMPARE(QByteArray::fromStdString(out), decoded);
        QCOMPARE(used1 + used2, expectedConsumed);
    }
    // One byte at a time.
    {
        MultiLineDecoder decoder;
        std::string out;
        std::size_t total = 0;
        for (qsizetype i = 0; i < wire.size() && !decoder.isDone(); ++i) {
            std::size_t used = 0;
            decoder.feed(std::string_view(wire.constData() + i, 1), out, used);
            total += used;
        }
        QVERIFY(decoder.isDone());
        QCOMPARE(QByteArray::fromStdString(out), decoded);
        QCOMPARE(total, expectedConsumed);
    }
}

void TestPop3MultiLine::missingTerminatorNeverCompletes()
{
    MultiLineDecoder decoder;
    std::string out;
    std::size_t used = 0;
    QCOMPARE(decoder.feed("Subject: cut\r\n\r\nbody without end\r\n", out, used), MultiLineDecoder::Status::NeedMore);
    QCOMPARE(decoder.feed(".", out, used), MultiLineDecoder::Status::NeedMore);
    QVERIFY(!decoder.isDone());
}

void TestPop3MultiLine::tooLargeIsAnError()
{
    MultiLineDecoder decoder(10);
    std::string out;
    std::size_t used = 0;
    QCOMPARE(decoder.feed("0123456789abcdef\r\n.\r\n", out, used), MultiLineDecoder::Status::TooLarge);
}

QTEST_GUILESS_MAIN(TestPop3MultiLine)
#include "tst_pop3_multiline.moc"
