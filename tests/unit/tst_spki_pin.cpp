// SpkiPin computes the same sha256/BASE64 of the SubjectPublicKeyInfo as the openssl
// command line (the recipe of RFC 7469 §2.4), and parses only well-formed pins.
#include "protocols/net/SpkiPin.h"
#include "tests/common/TestPki.h"

#include <QProcess>
#include <QTest>

using Satchel::Net::SpkiPin;

class TestSpkiPin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesOpenSslCommandLine();
    void roundTrips();
    void parse_data();
    void parse();
    void differentKeysDiffer();
};

void TestSpkiPin::matchesOpenSslCommandLine()
{
    const Satchel::Test::TestCertificate cert = Satchel::Test::TestPki::selfSigned({QStringLiteral("localhost")});
    QProcess shell;
    shell.start(QStringLiteral("sh"), {QStringLiteral("-c"),
                                       QStringLiteral("openssl x509 -pubkey -noout | openssl pkey -pubin -outform der "
                                                      "| openssl dgst -sha256 -binary | base64")});
    QVERIFY(shell.waitForStarted());
    shell.write(cert.certificatePem);
    shell.closeWriteChannel();
    QVERIFY(shell.waitForFinished(10000));
    QCOMPARE(shell.exitCode(), 0);
    const QString expected = QStringLiteral("sha256/") + QString::fromLatin1(shell.readAllStandardOutput().trimmed());
    QCOMPARE(SpkiPin::of(cert.certificate).toString(), expected);
}

void TestSpkiPin::roundTrips()
{
    const SpkiPin pin = SpkiPin::of(Satchel::Test::TestPki::selfSigned({}).certificate);
    QVERIFY(pin.isValid());
    QCOMPARE(SpkiPin::parse(pin.toString()), pin);
}

void TestSpkiPin::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("well-formed") << QStringLiteral("sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=") << true;
    QTest::newRow("no prefix") << QStringLiteral("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=") << false;
    QTest::newRow("sha1 prefix") << QStringLiteral("sha1/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=") << false;
    QTest::newRow("too short") << QStringLiteral("sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF=") << false;
    QTest::newRow("not base64") << QStringLiteral("sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hS!!U=") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestSpkiPin::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(SpkiPin::parse(text).isValid(), valid);
    if (valid) {
        QCOMPARE(SpkiPin::parse(text).toString(), text);
    }
}

void TestSpkiPin::differentKeysDiffer()
{
    const SpkiPin a = SpkiPin::of(Satchel::Test::TestPki::selfSigned({}).certificate);
    const SpkiPin b = SpkiPin::of(Satchel::Test::TestPki::selfSigned({}).certificate);
    QVERIFY(a.isValid() && b.isValid());
    QVERIFY(!(a == b));
}

QTEST_GUILESS_MAIN(TestSpkiPin)
#include "tst_spki_pin.moc"
