// The second FTP server (pyftpdlib, tests/servers/mlsdftp.sh) is up: it offers and
// serves MLSD (RFC 3659 §7) on its plain port and requires AUTH TLS (RFC 4217) on its
// FTPS port, with a certificate from the generated CA.
#include "tests/common/TestLineClient.h"
#include "tests/common/TestServerEnv.h"

#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

using namespace Satchel::Test;

namespace {
bool isFinalReplyLine(const QByteArray &line)
{
    return line.size() >= 4 && line.at(3) == ' ';
}
} // namespace

class TestMlsdFtpTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void plainPortServesMlsd();
    void tlsPortRequiresAuthTls();

private:
    bool login(TestLineClient &client);

    std::optional<TestServerEnv> m_env;
    QString m_host;
};

void TestMlsdFtpTls::initTestCase()
{
    QString error;
    m_env = TestServerEnv::load(QStringLiteral("mlsdftp"), &error);
    QVERIFY2(m_env.has_value(), qPrintable(error));
    m_host = m_env->value(QStringLiteral("MLSDFTP_HOST"));
}

bool TestMlsdFtpTls::login(TestLineClient &client)
{
    return client.writeLine("USER " + m_env->value(QStringLiteral("MLSDFTP_USER")).toUtf8())
        && client.readLine().startsWith("331")
        && client.writeLine("PASS " + m_env->value(QStringLiteral("MLSDFTP_PASSWORD")).toUtf8())
        && client.readLine().startsWith("230");
}

void TestMlsdFtpTls::plainPortServesMlsd()
{
    QFile sample(m_env->value(QStringLiteral("MLSDFTP_ROOT")) + QStringLiteral("/mlsd-probe.txt"));
    QVERIFY(sample.open(QIODevice::WriteOnly));
    QCOMPARE(sample.write("twelve bytes"), 12);
    sample.close();

    TestLineClient client(m_env->value(QStringLiteral("MLSDFTP_CA")));
    QVERIFY2(client.connectPlain(m_host, m_env->port(QStringLiteral("MLSDFTP_PLAIN_PORT"))), qPrintable(client.error()));
    QVERIFY(client.readLine().startsWith("220"));
    QVERIFY(client.writeLine("FEAT"));
    const auto feat = client.readUntil(isFinalReplyLine);
    const bool hasMlst = std::any_of(feat.cbegin(), feat.cend(), [](const QByteArray &l) { return l.startsWith(" MLST "); });
    QVERIFY2(hasMlst, "the second FTP server must offer MLSD");
    QVERIFY(login(client));

    QVERIFY(client.writeLine("EPSV"));
    const QByteArray epsv = client.readLine();
    const auto match = QRegularExpression(QStringLiteral(R"(^229 .*\(\|\|\|(\d+)\|\))")).match(QString::fromLatin1(epsv));
    QVERIFY2(match.hasMatch(), epsv.constData());
    QTcpSocket data;
    data.connectToHost(m_host, match.captured(1).toUShort());
    QVERIFY(data.waitForConnected(10000));
    QVERIFY(client.writeLine("MLSD"));
    // 125 (data connection already open) or 150 (about to open), RFC 959 §4.2.
    const QByteArray preliminary = client.readLine();
    QVERIFY2(preliminary.startsWith("125") || preliminary.startsWith("150"), preliminary.constData());
    QByteArray listing;
    while (data.state() == QAbstractSocket::ConnectedState && data.waitForReadyRead(10000)) {
        listing += data.readAll();
    }
    listing += data.readAll();
    QVERIFY(client.readLine().startsWith("226"));
    QVERIFY2(listing.contains("type=file;") && listing.contains("size=12;") && listing.contains(" mlsd-probe.txt\r\n"),
             listing.constData());
    QVERIFY(client.writeLine("QUIT"));
    QVERIFY(client.readLine().startsWith("221"));
}

void TestMlsdFtpTls::tlsPortRequiresAuthTls()
{
    {
        TestLineClient client(m_env->value(QStringLiteral("MLSDFTP_CA")));
        QVERIFY(client.connectPlain(m_host, m_env->port(QStringLiteral("MLSDFTP_TLS_PORT"))));
        QVERIFY(client.readLine().startsWith("220"));
        QVERIFY(client.writeLine("USER " + m_env->value(QStringLiteral("MLSDFTP_USER")).toUtf8()));
        const QByteArray refused = client.readLine();
        QVERIFY2(refused.startsWith("550") || refused.startsWith("530") || refused.startsWith("534"), refused.constData());
    }
    TestLineClient client(m_env->value(QStringLiteral("MLSDFTP_CA")));
    QVERIFY(client.connectPlain(m_host, m_env->port(QStringLiteral("MLSDFTP_TLS_PORT"))));
    QVERIFY(client.readLine().startsWith("220"));
    QVERIFY(client.writeLine("AUTH TLS"));
    QVERIFY(client.readLine().startsWith("234"));
    QVERIFY2(client.startTls(), qPrintable(client.error()));
    QVERIFY(client.isEncrypted());
    QVERIFY(login(client));
    QVERIFY(client.writeLine("PBSZ 0"));
    QVERIFY(client.readLine().startsWith("200"));
    QVERIFY(client.writeLine("PROT P"));
    QVERIFY(client.readLine().startsWith("200"));
    QVERIFY(client.writeLine("QUIT"));
    QVERIFY(client.readLine().startsWith("221"));
}

QTEST_GUILESS_MAIN(TestMlsdFtpTls)
#include "tst_mlsdftp_tls.moc"
