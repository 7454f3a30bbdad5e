// Certificate trust on a real TLS handshake with the scripted server: system CAs and
// the extra CA verify; self-signed, wrong host name, expired and unknown-CA
// certificates become a question, and Cancel rejects them; pins trust a key whatever
// the chain says; a pinned key that changed is a hard error, never a question;
// "trust this key" stores a pin that the next connection uses.
#include "ConnectionHarness.h"
#include "protocols/net/SpkiPin.h"
#include "tests/common/FakeServer.h"
#include "tests/common/TestPki.h"

#include <QTest>
#include <QTimer>

using namespace Satchel;
using namespace Satchel::Test;
using Net::NetError;
using Net::TrustAnswer;

Q_DECLARE_METATYPE(Satchel::Net::NetError::Kind)

namespace {
enum class CertKind { CaSigned, SelfSigned, WrongHost, Expired, NotYetValid };
enum class PinKind { None, Own, Other };
enum class Outcome { Ready, Untrusted, PinMismatch };
} // namespace
Q_DECLARE_METATYPE(CertKind)
Q_DECLARE_METATYPE(PinKind)
Q_DECLARE_METATYPE(Outcome)

class TestConnectionTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdict_data();
    void verdict();
    void trustPermanentlyStoresPin();
    void trustOnceDoesNotStorePin();
    void untrustedMessageNamesThePin();

private:
    TestCertificate certificate(CertKind kind) const;
    TestPki m_pki;
};

TestCertificate TestConnectionTrust::certificate(CertKind kind) const
{
    const QStringList names{QStringLiteral("127.0.0.1"), QStringLiteral("localhost")};
    switch (kind) {
    case CertKind::CaSigned:
        return m_pki.issue(names);
    case CertKind::SelfSigned:
        return TestPki::selfSigned(names);
    case CertKind::WrongHost:
        return m_pki.issue({QStringLiteral("mail.example.org")});
    case CertKind::Expired:
        return m_pki.issue(names, -30, -1);
    case CertKind::NotYetValid:
        return m_pki.issue(names, 2, 30);
    }
    return TestCertificate();
}

void TestConnectionTrust::verdict_data()
{
    QTest::addColumn<CertKind>("kind");
    QTest::addColumn<bool>("caGiven");
    QTest::addColumn<PinKind>("pin");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("reason");

    QTest::newRow("CA-signed, CA given: trusted") << CertKind::CaSigned << true << PinKind::None << Outcome::Ready << QString();
    QTest::newRow("CA-signed, CA not given: unknown issuer")
        << CertKind::CaSigned << false << PinKind::None << Outcome::Untrusted << QStringLiteral("issuer is not a trusted");
    QTest::newRow("self-signed: rejected")
        << CertKind::SelfSigned << true << PinKind::None << Outcome::Untrusted << QStringLiteral("self-signed");
    QTest::newRow("wrong host name: rejected")
        << CertKind::WrongHost << true << PinKind::None << Outcome::Untrusted << QStringLiteral("not valid for this host");
    QTest::newRow("expired: rejected")
        << CertKind::Expired << true << PinKind::None << Outcome::Untrusted << QStringLiteral("expired");
    QTest::newRow("not yet valid: rejected")
        << CertKind::NotYetValid << true << PinKind::None << Outcome::Untrusted << QStringLiteral("not valid yet");
    QTest::newRow("self-signed, pinned: trusted")
        << CertKind::SelfSigned << false << PinKind::Own << Outcome::Ready << QString();
    QTest::newRow("expired, pinned: trusted") << CertKind::Expired << true << PinKind::Own << Outcome::Ready << QString();
    QTest::newRow("wrong host, pinned: trusted") << CertKind::WrongHost << true << PinKind::Own << Outcome::Ready << QString();
    QTest::newRow("CA-signed, another key pinned: pin mismatch")
        << CertKind::CaSigned << true << PinKind::Other << Outcome::PinMismatch << QStringLiteral("not the one you trusted");
    QTest::newRow("self-signed, another key pinned: pin mismatch")
        << CertKind::SelfSigned << false << PinKind::Other << Outcome::PinMismatch << QStringLiteral("not the one you trusted");
}

void TestConnectionTrust::verdict()
{
    QFETCH(CertKind, kind);
    QFETCH(bool, caGiven);
    QFETCH(PinKind, pin);
    QFETCH(Outcome, outcome);
    QFETCH(QString, reason);

    const TestCertificate serverCert = certificate(kind);
    FakeServer server(QStringLiteral("S: * OK ready"));
    server.setCertificate(serverCert);
    server.setImplicitTls(true);
    const quint16 port = server.start();
    QVERIFY(port != 0);

    auto trust = std::make_shared<Net::TrustStore>();
    if (caGiven) {
        trust->addCaCertificates({m_pki.ca().certificate});
    }
    if (pin == PinKind::Own) {
        trust->addPin(QStringLiteral("127.0.0.1"), port, Net::SpkiPin::of(serverCert.certificate));
    } else if (pin == PinKind::Other) {
        trust->addPin(QStringLiteral("127.0.0.1"), port, Net::SpkiPin::of(TestPki::selfSigned({}).certificate));
    }

    Net::ConnectionSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.policy = Net::TlsPolicy::ImplicitTls;
    settings.trust = trust;
    ConnectionHarness h(settings);
    // Whoever drives the engine answers later, on its own schedule: Cancel here.
    QObject::connect(h.connection.get(), &Net::Connection::trustQuestion, h.connection.get(),
                     [&h](const Net::TrustQuestion &q) {
                         QTimer::singleShot(20, h.connection.get(), [&h, id = q.id] {
                             h.connection->answerTrustQuestion(id, TrustAnswer::Cancel);
                         });
                     });
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(h.isReady || h.hasFailed, 10000);

    switch (outcome) {
    case Outcome::Ready:
        QVERIFY2(h.isReady, qPrintable(h.error.message));
        QVERIFY(h.questions.isEmpty());
        QVERIFY(h.connection->isEncrypted());
        QTRY_COMPARE(h.lines, QList<QByteArray>{"* OK ready"});
        break;
    case Outcome::Untrusted:
        QVERIFY(!h.isReady);
        QCOMPARE(h.questions.size(), 1);
        QVERIFY2(h.questions.constFirst().reasons.join(QLatin1Char(',')).contains(reason),
                 qPrintable(h.questions.constFirst().reasons.join(QLatin1Char(','))));
        QCOMPARE(h.questions.constFirst().pin, Net::SpkiPin::of(serverCert.certificate).toString());
        QCOMPARE(h.questions.constFirst().port, port);
        QVERIFY(!h.questions.constFirst().sha256Fingerprint.isEmpty());
        QCOMPARE(h.error.kind, NetError::Kind::Untrusted);
        QVERIFY(h.error.message.contains(reason));
        QVERIFY(h.lines.isEmpty());
        break;
    case Outcome::PinMismatch:
        QVERIFY(!h.isReady);
        QVERIFY2(h.questions.isEmpty(), "a changed pinned key is an error, never a question");
        QCOMPARE(h.error.kind, NetError::Kind::PinMismatch);
        QVERIFY2(h.error.message.contains(reason), qPrintable(h.error.message));
        QVERIFY(h.lines.isEmpty());
        break;
    }
}

void TestConnectionTrust::trustPermanentlyStoresPin()
{
    const TestCertificate serverCert = TestPki::selfSigned({QStringLiteral("127.0.0.1")});
    FakeServer server(QStringLiteral("S: * OK ready"));
    server.setCertificate(serverCert);
    server.setImplicitTls(true);
    const quint16 port = server.start();
    auto trust = std::make_shared<Net::TrustStore>();
    QStringList stored;
    trust->setOnPinAdded([&stored](const QString &endpoint, const Net::SpkiPin &pin) {
        stored << endpoint + QLatin1Char(' ') + pin.toString();
    });

    Net::ConnectionSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.trust = trust;
    {
        ConnectionHarness first(settings);
        QObject::connect(first.connection.get(), &Net::Connection::trustQuestion, first.connection.get(),
                         [&first](const Net::TrustQuestion &q) {
                             first.connection->answerTrustQuestion(q.id, TrustAnswer::TrustPermanently);
                         });
        first.connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(first.isReady || first.hasFailed, 10000);
        QVERIFY2(first.isReady, qPrintable(first.error.message));
        QCOMPARE(first.questions.size(), 1);
    }
    const QString pin = Net::SpkiPin::of(serverCert.certificate).toString();
    QCOMPARE(stored, QStringList{QStringLiteral("127.0.0.1:%1 %2").arg(port).arg(pin)});

    ConnectionHarness second(settings);
    second.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(second.isReady || second.hasFailed, 10000);
    QVERIFY2(second.isReady, qPrintable(second.error.message));
    QVERIFY2(second.questions.isEmpty(), "a pinned key is trusted without asking again");
}

void TestConnectionTrust::trustOnceDoesNotStorePin()
{
    FakeServer server(QStringLiteral("S: * OK ready"));
    server.setCertificate(TestPki::selfSigned({QStringLiteral("127.0.0.1")}));
    server.setImplicitTls(true);
    const quint16 port = server.start();
    auto trust = std::make_shared<Net::TrustStore>();
    Net::ConnectionSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.trust = trust;
    for (int attempt = 0; attempt < 2; ++attempt) {
        ConnectionHarness h(settings);
        QObject::connect(h.connection.get(), &Net::Connection::trustQuestion, h.connection.get(),
                         [&h](const Net::TrustQuestion &q) { h.connection->answerTrustQuestion(q.id, TrustAnswer::TrustOnce); });
        h.connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(h.isReady || h.hasFailed, 10000);
        QVERIFY2(h.isReady, qPrintable(h.error.message));
        QCOMPARE(h.questions.size(), 1); // asked again on the second connection
    }
    QVERIFY(trust->pinsFor(QStringLiteral("127.0.0.1"), port).isEmpty());
}

void TestConnectionTrust::untrustedMessageNamesThePin()
{
    FakeServer server(QStringLiteral("S: * OK ready"));
    const TestCertificate cert = TestPki::selfSigned({QStringLiteral("127.0.0.1")});
    server.setCertificate(cert);
    server.setImplicitTls(true);
    Net::ConnectionSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = server.start();
    ConnectionHarness h(settings);
    QObject::connect(h.connection.get(), &Net::Connection::trustQuestion, h.connection.get(),
                     [&h](const Net::TrustQuestion &q) { h.connection->answerTrustQuestion(q.id, TrustAnswer::Cancel); });
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(h.hasFailed, 10000);
    const QString expected = QStringLiteral("use --pin %1 to trust this key").arg(Net::SpkiPin::of(cert.certificate).toString());
    QVERIFY2(h.error.message.startsWith(QStringLiteral("certificate for 127.0.0.1 is not trusted (")), qPrintable(h.error.message));
    QVERIFY2(h.error.message.endsWith(expected), qPrintable(h.error.message));
}

QTEST_GUILESS_MAIN(TestConnectionTrust)
#include "tst_connection_trust.moc"
