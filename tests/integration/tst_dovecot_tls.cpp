// The real Dovecot started by tests/servers/dovecot.sh is up, and speaks IMAP and POP3
// over implicit TLS and over STARTTLS/STLS, verified against the CA generated per run.
#include "tests/common/TestLineClient.h"
#include "tests/common/TestServerEnv.h"

#include <QTest>

using namespace Satchel::Test;

class TestDovecotTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void imapLogin_data();
    void imapLogin();
    void imapWrongPasswordIsRefused();
    void pop3Login_data();
    void pop3Login();
    void untrustedCaIsRejected();

private:
    std::optional<TestServerEnv> m_env;
    QString m_host;
};

void TestDovecotTls::initTestCase()
{
    QString error;
    m_env = TestServerEnv::load(QStringLiteral("dovecot"), &error);
    QVERIFY2(m_env.has_value(), qPrintable(error));
    m_host = m_env->value(QStringLiteral("DOVECOT_HOST"));
    QVERIFY(!m_host.isEmpty());
}

void TestDovecotTls::imapLogin_data()
{
    QTest::addColumn<bool>("implicitTls");
    QTest::newRow("imaps implicit TLS") << true;
    QTest::newRow("imap STARTTLS") << false;
}

void TestDovecotTls::imapLogin()
{
    QFETCH(bool, implicitTls);
    TestLineClient client(m_env->value(QStringLiteral("DOVECOT_CA")));
    if (implicitTls) {
        QVERIFY2(client.connectImplicitTls(m_host, m_env->port(QStringLiteral("DOVECOT_IMAPS_PORT"))),
                 qPrintable(client.error()));
        QVERIFY(client.readLine().startsWith("* OK"));
    } else {
        QVERIFY2(client.connectPlain(m_host, m_env->port(QStringLiteral("DOVECOT_IMAP_PORT"))),
                 qPrintable(client.error()));
        const QByteArray greeting = client.readLine();
        QVERIFY2(greeting.startsWith("* OK") && greeting.contains("STARTTLS"), greeting.constData());
        QVERIFY(!client.isEncrypted());
        QVERIFY(client.writeLine("s1 STARTTLS"));
        QVERIFY(client.readLine().startsWith("s1 OK"));
        QVERIFY2(client.startTls(), qPrintable(client.error()));
    }
    QVERIFY(client.isEncrypted());
    QCOMPARE(client.peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0), QStringLiteral("localhost"));

    QVERIFY(client.writeLine("c1 CAPABILITY"));
    const auto caps = client.readUntil([](const QByteArray &l) { return l.startsWith("c1 "); });
    QCOMPARE(caps.size(), 2);
    QVERIFY(caps.at(0).contains("AUTH=PLAIN"));
    QVERIFY2(!caps.at(0).contains("STARTTLS"), "STARTTLS must not be offered once TLS is on");
    QVERIFY(caps.at(1).startsWith("c1 OK"));

    const QByteArray login = "l1 LOGIN alice " + m_env->value(QStringLiteral("DOVECOT_PASSWORD_alice")).toUtf8();
    QVERIFY(client.writeLine(login));
    // Dovecot may send an untagged CAPABILITY first; the tagged reply is what counts.
    const QByteArray reply = client.readUntil([](const QByteArray &l) { return l.startsWith("l1 "); }).constLast();
    QVERIFY2(reply.startsWith("l1 OK"), reply.constData());
    QVERIFY(client.writeLine("x1 LOGOUT"));
    const auto bye = client.readUntil([](const QByteArray &l) { return l.startsWith("x1 "); });
    QVERIFY(bye.constLast().startsWith("x1 OK"));
}

void TestDovecotTls::imapWrongPasswordIsRefused()
{
    TestLineClient client(m_env->value(QStringLiteral("DOVECOT_CA")));
    QVERIFY2(client.connectImplicitTls(m_host, m_env->port(QStringLiteral("DOVECOT_IMAPS_PORT"))),
             qPrintable(client.error()));
    QVERIFY(client.readLine().startsWith("* OK"));
    QVERIFY(client.writeLine("l1 LOGIN alice not-the-password"));
    const QByteArray reply = client.readLine();
    QVERIFY2(reply.startsWith("l1 NO"), reply.constData());
}

void TestDovecotTls::pop3Login_data()
{
    QTest::addColumn<bool>("implicitTls");
    QTest::newRow("pop3s implicit TLS") << true;
    QTest::newRow("pop3 STLS") << false;
}

void TestDovecotTls::pop3Login()
{
    QFETCH(bool, implicitTls);
    TestLineClient client(m_env->value(QStringLiteral("DOVECOT_CA")));
    if (implicitTls) {
        QVERIFY2(client.connectImplicitTls(m_host, m_env->port(QStringLiteral("DOVECOT_POP3S_PORT"))),
                 qPrintable(client.error()));
        QVERIFY(client.readLine().startsWith("+OK"));
    } else {
        QVERIFY2(client.connectPlain(m_host, m_env->port(QStringLiteral("DOVECOT_POP3_PORT"))),
                 qPrintable(client.error()));
        QVERIFY(client.readLine().startsWith("+OK"));
        QVERIFY(client.writeLine("CAPA"));
        const auto capa = client.readUntil([](const QByteArray &l) { return l == "."; });
        QVERIFY2(capa.contains("STLS"), "Dovecot's plaintext POP3 port must offer STLS");
        QVERIFY(client.writeLine("STLS"));
        QVERIFY(client.readLine().startsWith("+OK"));
        QVERIFY2(client.startTls(), qPrintable(client.error()));
    }
    QVERIFY(client.isEncrypted());
    QVERIFY(client.writeLine("USER bob"));
    QVERIFY(client.readLine().startsWith("+OK"));
    QVERIFY(client.writeLine("PASS " + m_env->value(QStringLiteral("DOVECOT_PASSWORD_bob")).toUtf8()));
    const QByteArray reply = client.readLine();
    QVERIFY2(reply.startsWith("+OK"), reply.constData());
    QVERIFY(client.writeLine("STAT"));
    QVERIFY(client.readLine().startsWith("+OK "));
    QVERIFY(client.writeLine("QUIT"));
    QVERIFY(client.readLine().startsWith("+OK"));
}

void TestDovecotTls::untrustedCaIsRejected()
{
    // Without the generated CA the server certificate chains to nothing we trust.
    TestLineClient client(QString{});
    QVERIFY(!client.connectImplicitTls(m_host, m_env->port(QStringLiteral("DOVECOT_IMAPS_PORT"))));
    QVERIFY(!client.isEncrypted());
}

QTEST_GUILESS_MAIN(TestDovecotTls)
#include "tst_dovecot_tls.moc"
