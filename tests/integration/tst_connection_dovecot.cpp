// protocols/net/Connection against the real Dovecot: implicit TLS and STARTTLS/STLS
// both verify the server against the CA generated for this run; without that CA the
// certificate is a trust question, and Cancel fails the connection in words.
#include "protocols/net/Connection.h"
#include "tests/common/TestServerEnv.h"

#include <QSslCertificate>
#include <QTest>

using namespace Satchel;
using namespace Satchel::Test;

class TestConnectionDovecot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verifiesAgainstGeneratedCa_data();
    void verifiesAgainstGeneratedCa();
    void unknownCaIsAQuestion();

private:
    std::optional<TestServerEnv> m_env;
};

void TestConnectionDovecot::initTestCase()
{
    QString error;
    m_env = TestServerEnv::load(QStringLiteral("dovecot"), &error);
    QVERIFY2(m_env.has_value(), qPrintable(error));
}

void TestConnectionDovecot::verifiesAgainstGeneratedCa_data()
{
    QTest::addColumn<QString>("portKey");
    QTest::addColumn<Net::TlsPolicy>("policy");
    QTest::addColumn<QByteArray>("upgrade");      // STARTTLS command, or empty
    QTest::addColumn<QByteArray>("upgradeReply"); // its positive reply's prefix
    QTest::addColumn<QByteArray>("probe");        // a command sent over TLS
    QTest::addColumn<QByteArray>("probeReply");

    QTest::newRow("IMAP implicit TLS") << QStringLiteral("DOVECOT_IMAPS_PORT") << Net::TlsPolicy::ImplicitTls
                                       << QByteArray() << QByteArray() << QByteArray("c1 CAPABILITY")
                                       << QByteArray("c1 OK");
    QTest::newRow("IMAP STARTTLS") << QStringLiteral("DOVECOT_IMAP_PORT") << Net::TlsPolicy::StartTlsRequired
                                   << QByteArray("s1 STARTTLS") << QByteArray("s1 OK") << QByteArray("c1 CAPABILITY")
                                   << QByteArray("c1 OK");
    QTest::newRow("POP3 implicit TLS") << QStringLiteral("DOVECOT_POP3S_PORT") << Net::TlsPolicy::ImplicitTls
                                       << QByteArray() << QByteArray() << QByteArray("CAPA") << QByteArray("+OK");
    QTest::newRow("POP3 STLS") << QStringLiteral("DOVECOT_POP3_PORT") << Net::TlsPolicy::StartTlsRequired
                               << QByteArray("STLS") << QByteArray("+OK") << QByteArray("CAPA") << QByteArray("+OK");
}

void TestConnectionDovecot::verifiesAgainstGeneratedCa()
{
    QFETCH(QString, portKey);
    QFETCH(Net::TlsPolicy, policy);
    QFETCH(QByteArray, upgrade);
    QFETCH(QByteArray, upgradeReply);
    QFETCH(QByteArray, probe);
    QFETCH(QByteArray, probeReply);

    Net::ConnectionSettings settings;
    settings.host = m_env->value(QStringLiteral("DOVECOT_HOST"));
    settings.port = m_env->port(portKey);
    settings.policy = policy;
    settings.trust = std::make_shared<Net::TrustStore>();
    QString error;
    QVERIFY2(settings.trust->addCaFile(m_env->value(QStringLiteral("DOVECOT_CA")), &error), qPrintable(error));
    Net::Connection connection(settings);

    enum class Step { Greeting, Upgrading, Probing, Done } step = Step::Greeting;
    QString failure;
    int questions = 0;
    QList<QByteArray> lines;
    connect(&connection, &Net::Connection::failed, this, [&](const Net::NetError &e) { failure = e.message; });
    connect(&connection, &Net::Connection::trustQuestion, this, [&] { ++questions; });
    connect(&connection, &Net::Connection::tlsEstablished, this, [&] {
        step = Step::Probing;
        connection.sendLine(probe);
    });
    connect(&connection, &Net::Connection::readyRead, this, [&] {
        QByteArray line;
        while (step != Step::Upgrading && step != Step::Done
               && connection.readLine(&line) == Net::Connection::LineStatus::Line) {
            lines.append(line);
            if (step == Step::Greeting && lines.size() == 1) {
                if (upgrade.isEmpty()) {
                    step = Step::Probing;
                    connection.sendLine(probe);
                } else {
                    connection.sendLine(upgrade);
                }
            } else if (step == Step::Greeting && line.startsWith(upgradeReply)) {
                step = Step::Upgrading;
                connection.startTls();
            } else if (step == Step::Probing && line.startsWith(probeReply)) {
                step = Step::Done;
            }
        }
    });
    connection.open();
    QTRY_VERIFY_WITH_TIMEOUT(step == Step::Done || !failure.isEmpty(), 10000);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(questions, 0);
    QVERIFY(connection.isEncrypted());
    QCOMPARE(connection.socket()->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0),
             QStringLiteral("localhost"));
    connection.close();
}

void TestConnectionDovecot::unknownCaIsAQuestion()
{
    Net::ConnectionSettings settings;
    settings.host = m_env->value(QStringLiteral("DOVECOT_HOST"));
    settings.port = m_env->port(QStringLiteral("DOVECOT_IMAPS_PORT"));
    settings.trust = std::make_shared<Net::TrustStore>(); // system CAs only
    Net::Connection connection(settings);
    QList<Net::TrustQuestion> questions;
    Net::NetError failure;
    bool failed = false;
    connect(&connection, &Net::Connection::trustQuestion, this, [&](const Net::TrustQuestion &q) {
        questions.append(q);
        connection.answerTrustQuestion(q.id, Net::TrustAnswer::Cancel);
    });
    connect(&connection, &Net::Connection::failed, this, [&](const Net::NetError &e) {
        failure = e;
        failed = true;
    });
    connection.open();
    QTRY_VERIFY_WITH_TIMEOUT(failed, 10000);
    QCOMPARE(questions.size(), 1);
    QCOMPARE(questions.constFirst().issuer, QStringLiteral("Satchel Test CA Satchel Test"));
    QVERIFY(questions.constFirst().names.contains(QStringLiteral("127.0.0.1")));
    QCOMPARE(failure.kind, Net::NetError::Kind::Untrusted);
    QVERIFY2(failure.message.contains(QStringLiteral("issuer is not a trusted authority")), qPrintable(failure.message));
}

QTEST_GUILESS_MAIN(TestConnectionDovecot)
#include "tst_connection_dovecot.moc"
