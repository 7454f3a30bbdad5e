// The real vsftpd started by tests/servers/vsftpd.sh is up, refuses to log in without
// TLS, and completes AUTH TLS (RFC 4217 §4) with a certificate from the generated CA.
#include "tests/common/TestLineClient.h"
#include "tests/common/TestServerEnv.h"

#include <QTest>

using namespace Satchel::Test;

namespace {
// The last line of an FTP reply is "DDD text"; "DDD-" continues it (RFC 959 §4.2).
bool isFinalReplyLine(const QByteArray &line)
{
    return line.size() >= 4 && line.at(3) == ' ';
}
} // namespace

class TestVsftpdTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginWithoutTlsIsRefused();
    void explicitTlsLogin();

private:
    std::optional<TestServerEnv> m_env;
};

void TestVsftpdTls::initTestCase()
{
    QString error;
    m_env = TestServerEnv::load(QStringLiteral("vsftpd"), &error);
    QVERIFY2(m_env.has_value(), qPrintable(error));
}

void TestVsftpdTls::loginWithoutTlsIsRefused()
{
    TestLineClient client(m_env->value(QStringLiteral("VSFTPD_CA")));
    QVERIFY2(client.connectPlain(m_env->value(QStringLiteral("VSFTPD_HOST")), m_env->port(QStringLiteral("VSFTPD_PORT"))),
             qPrintable(client.error()));
    QVERIFY(client.readLine().startsWith("220"));
    QVERIFY(client.writeLine("USER " + m_env->value(QStringLiteral("VSFTPD_USER")).toUtf8()));
    const QByteArray reply = client.readLine();
    QVERIFY2(reply.startsWith("530"), reply.constData());
}

void TestVsftpdTls::explicitTlsLogin()
{
    TestLineClient client(m_env->value(QStringLiteral("VSFTPD_CA")));
    QVERIFY2(client.connectPlain(m_env->value(QStringLiteral("VSFTPD_HOST")), m_env->port(QStringLiteral("VSFTPD_PORT"))),
             qPrintable(client.error()));
    QVERIFY(client.readLine().startsWith("220"));
    QVERIFY(client.writeLine("AUTH TLS"));
    QVERIFY(client.readLine().startsWith("234"));
    QVERIFY2(client.startTls(), qPrintable(client.error()));
    QVERIFY(client.isEncrypted());

    QVERIFY(client.writeLine("USER " + m_env->value(QStringLiteral("VSFTPD_USER")).toUtf8()));
    QVERIFY(client.readLine().startsWith("331"));
    QVERIFY(client.writeLine("PASS " + m_env->value(QStringLiteral("VSFTPD_PASSWORD")).toUtf8()));
    const QByteArray loggedIn = client.readLine();
    QVERIFY2(loggedIn.startsWith("230"), loggedIn.constData());
    QVERIFY(client.writeLine("PBSZ 0"));
    QVERIFY(client.readLine().startsWith("200"));
    QVERIFY(client.writeLine("PROT P"));
    QVERIFY(client.readLine().startsWith("200"));

    QVERIFY(client.writeLine("FEAT"));
    const auto feat = client.readUntil(isFinalReplyLine);
    QVERIFY(feat.constFirst().startsWith("211-"));
    QVERIFY(feat.contains(" AUTH TLS"));
    QVERIFY2(!feat.contains(" MLST"), "vsftpd has no MLSD; the MLSD server is the other fixture");

    QVERIFY(client.writeLine("PWD"));
    QVERIFY(client.readLine().startsWith("257 \"/\""));
    QVERIFY(client.writeLine("QUIT"));
    QVERIFY(client.readLine().startsWith("221"));
}

QTEST_GUILESS_MAIN(TestVsftpdTls)
#include "tst_vsftpd_tls.moc"
