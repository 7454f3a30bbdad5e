// Mailbox names in modified UTF-7 (RFC 3501 §5.1.3): the exact bytes we send, and
// what a broken or hostile server may send instead.
#include "protocols/imap/ModifiedUtf7.h"

#include <QTest>

using namespace Satchel::Imap;

class TestImapMutf7 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void lenientDecode_data();
    void lenientDecode();
    void malformed_data();
    void malformed();
    void loneSurrogateEncodesAsReplacement();
};

void TestImapMutf7::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("ascii") << QStringLiteral("INBOX") << QByteArray("INBOX");
    QTest::newRow("printable ascii edges") << QStringLiteral(" !~/.") << QByteArray(" !~/.");
    QTest::newRow("ampersand") << QStringLiteral("&") << QByteArray("&-");
    QTest::newRow("ampersand in text") << QStringLiteral("Tom & Jerry") << QByteArray("Tom &- Jerry");
    QTest::newRow("ampersand before run") << QStringLiteral("a&ü") << QByteArray("a&-&APw-");
    QTest::newRow("Entwürfe") << QStringLiteral("Entwürfe") << QByteArray("Entw&APw-rfe");
    QTest::newRow("two-unit run") << QStringLiteral("üü") << QByteArray("&APwA,A-");
    QTest::newRow("台北") << QStringLiteral("台北") << QByteArray("&U,BTFw-");
    QTest::newRow("emoji surrogate pair") << QStringLiteral("😀") << QByteArray("&2D3eAA-");
    // RFC 3501 §5.1.3's own example: &U,BTFw- is 台北, &ZeVnLIqe- is 日本語.
    QTest::newRow("rfc 3501 example") << QStringLiteral("~peter/mail/台北/日本語")
                                      << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    QTest::newRow("tab is not printable") << QStringLiteral("a\tb") << QByteArray("a&AAk-b");
    QTest::newRow("DEL is not printable") << QString(QChar(0x7f)) << QByteArray("&AH8-");
}

void TestImapMutf7::roundTrip()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, wire);
    QCOMPARE(encodeMailboxName(name), wire);
    const std::optional<QString> decoded = decodeMailboxName(wire);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, name);
}

void TestImapMutf7::lenientDecode_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("name");
    // The RFC says MUST NOT, but the meaning is plain; rejecting would hide a folder.
    QTest::newRow("run encoding ascii") << QByteArray("&AGE-") << QStringLiteral("a");
    QTest::newRow("run encoding two ascii") << QByteArray("x&AGEAYg-y") << QStringLiteral("xaby");
    QTest::newRow("adjacent runs") << QByteArray("&APw-&APw-") << QStringLiteral("üü");
}

void TestImapMutf7::lenientDecode()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, name);
    const std::optional<QString> decoded = decodeMailboxName(wire);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, name);
}

void TestImapMutf7::malformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("lone ampersand") << QByteArray("&");
    QTest::newRow("unterminated run") << QByteArray("Entw&APw");
    QTest::newRow("unterminated at end of name") << QByteArray("a/&U,BTFw");
    QTest::newRow("invalid base64 char") << QByteArray("&AP!-");
    QTest::newRow("standard base64 slash") << QByteArray("&U/BTFw-");
    QTest::newRow("base64 padding") << QByteArray("&APw=-");
    QTest::newRow("12 bits: odd byte count") << QByteArray("&AA-");
    QTest::newRow("24 bits: odd byte count") << QByteArray("&AAAA-");
    QTest::newRow("6 bits: truncated") << QByteArray("&A-");
    QTest::newRow("nonzero padding bits") << QByteArray("&APx-");
    QTest::newRow("lone high surrogate") << QByteArray("&2D0-");
    QTest::newRow("lone low surrogate") << QByteArray("&3gA-");
    QTest::newRow("low before high") << QByteArray("&3gDYPQ-");
    QTest::newRow("high then bmp char") << QByteArray("&2D0A,A-");
    QTest::newRow("pair split across runs") << QByteArray("&2D0-&3gA-");
    QTest::newRow("raw utf-8") << QByteArray("Entw\xc3\xbcrfe");
    QTest::newRow("raw control char") << QByteArray("a\tb");
    QTest::newRow("raw NUL") << QByteArray("a\0b", 3);
    QTest::newRow("raw DEL") << QByteArray("a\x7f");
    QTest::newRow("8-bit inside run") << QByteArray("&AP\xfc-");
}

void TestImapMutf7::malformed()
{
    QFETCH(QByteArray, wire);
    QVERIFY(!decodeMailboxName(wire).has_value());
}

void TestImapMutf7::loneSurrogateEncodesAsReplacement()
{
    // Not valid text; what we send must still decode.
    const QString lone(QChar(0xd800));
    QCOMPARE(encodeMailboxName(lone), QByteArray("&,,0-"));
    const std::optional<QString> decoded = decodeMailboxName(encodeMailboxName(lone));
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, QString(QChar::ReplacementCharacter));
    const QString reversed = QString(QChar(0xde00)) + QChar(0xd83d);
    QCOMPARE(encodeMailboxName(reversed), QByteArray("&,,3,,Q-"));
}

QTEST_GUILESS_MAIN(TestImapMutf7)
#include "tst_imap_mutf7.moc"
