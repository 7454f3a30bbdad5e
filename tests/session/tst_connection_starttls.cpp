// The STARTTLS rules every protocol shares, shown with the transcript of each
// protocol's upgrade (IMAP STARTTLS, RFC 9051 §6.2.1; POP3 STLS, RFC 2595 §4;
// FTP AUTH TLS, RFC 4217 §4):
//  - bytes the server sends in the same segment as its positive reply are refused,
//    and never reach the reader (STARTTLS injection);
//  - without injection the upgrade verifies the certificate and completes;
//  - with STARTTLS required, a refused or missing upgrade sends no credentials.
#include "ConnectionHarness.h"
#include "tests/common/FakeServer.h"
#include "tests/common/TestPki.h"

#include <QTest>

using namespace Satchel;
using namespace Satchel::Test;
using Net::NetError;

class TestConnectionStartTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upgrade_data();
    void upgrade();
    void credentialsNeverSentWithoutTls_data();
    void credentialsNeverSentWithoutTls();
    void plainPolicySendsWhatThePersonChose();

private:
    Net::ConnectionSettings settings(quint16 port, Net::TlsPolicy policy) const;
    TestPki m_pki;
};

Net::ConnectionSettings TestConnectionStartTls::settings(quint16 port, Net::TlsPolicy policy) const
{
    Net::ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = port;
    s.policy = policy;
    s.trust = std::make_shared<Net::TrustStore>();
    s.trust->addCaCertificates({m_pki.ca().certificate});
    return s;
}

void TestConnectionStartTls::upgrade_data()
{
    QTest::addColumn<QByteArray>("greeting");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QByteArray>("injected"); // empty: nothing injected
    QTest::addColumn<QByteArray>("afterTls"); // what the client sends once TLS is up

    QTest::newRow("IMAP STARTTLS, injected untagged line")
        << QByteArray("* OK [CAPABILITY IMAP4rev1 STARTTLS] hi") << QByteArray("s1 STARTTLS")
        << QByteArray("s1 OK Begin TLS") << QByteArray("* CAPABILITY IMAP4rev1 AUTH=PLAIN") << QByteArray("c1 CAPABILITY");
    QTest::newRow("POP3 STLS, injected reply") << QByteArray("+OK POP3 ready") << QByteArray("STLS")
                                               << QByteArray("+OK Begin TLS") << QByteArray("+OK injected")
                                               << QByteArray("CAPA");
    QTest::newRow("FTP AUTH TLS, injected 230") << QByteArray("220 FTP ready") << QByteArray("AUTH TLS")
                                                << QByteArray("234 Proceed") << QByteArray("230 Logged in")
                                                << QByteArray("PBSZ 0");
    QTest::newRow("IMAP STARTTLS, clean") << QByteArray("* OK [CAPABILITY IMAP4rev1 STARTTLS] hi")
                                          << QByteArray("s1 STARTTLS") << QByteArray("s1 OK Begin TLS") << QByteArray()
                                          << QByteArray("c1 CAPABILITY");
    QTest::newRow("POP3 STLS, clean") << QByteArray("+OK POP3 ready") << QByteArray("STLS") << QByteArray("+OK Begin TLS")
                                      << QByteArray() << QByteArray("CAPA");
    QTest::newRow("FTP AUTH TLS, clean") << QByteArray("220 FTP ready") << QByteArray("AUTH TLS")
                                         << QByteArray("234 Proceed") << QByteArray() << QByteArray("PBSZ 0");
}

void TestConnectionStartTls::upgrade()
{
    QFETCH(QByteArray, greeting);
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, reply);
    QFETCH(QByteArray, injected);
    QFETCH(QByteArray, afterTls);

    QString script = QStringLiteral("S: %1\nC: %2\nS: %3\n").arg(QString::fromUtf8(greeting), QString::fromUtf8(command),
                                                                QString::fromUtf8(reply));
    if (!injected.isEmpty()) {
        script += QStringLiteral("S: %1\n").arg(QString::fromUtf8(injected)); // same write, same segment
    }
    script += QStringLiteral("TLS\nC: %1\nS: protected reply\nSTALL\n").arg(QString::fromUtf8(afterTls));
    FakeServer server(script);
    server.setCertificate(m_pki.issue({QStringLiteral("127.0.0.1")}));
    ConnectionHarness h(settings(server.start(), Net::TlsPolicy::StartTlsRequired));

    // The protocol's part: read the greeting, send the upgrade command, read lines one
    // at a time and call startTls() right after the positive reply, as a protocol does.
    int step = 0;
    QObject::connect(h.connection.get(), &Net::Connection::ready, h.connection.get(),
                     [&] { h.connection->sendLine(command); });
    QObject::disconnect(h.connection.get(), &Net::Connection::readyRead, h.connection.get(), nullptr);
    QObject::connect(h.connection.get(), &Net::Connection::readyRead, h.connection.get(), [&] {
        QByteArray line;
        while (step != 1 && h.connection->readLine(&line) == Net::Connection::LineStatus::Line) {
            h.lines.append(line);
            if (step == 0 && line == reply) {
                step = 1;
                h.connection->startTls();
            }
        }
    });
    QObject::connect(h.connection.get(), &Net::Connection::tlsEstablished, h.connection.get(), [&] {
        step = 2;
        h.connection->sendLine(afterTls);
    });
    h.connection->open();

    if (!injected.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(h.hasFailed, 10000);
        QCOMPARE(h.error.kind, NetError::Kind::Protocol);
        QVERIFY2(h.error.message.contains(QStringLiteral("STARTTLS injection")), qPrintable(h.error.message));
        QVERIFY(!h.tlsUp);
        QVERIFY2(!h.lines.contains(injected), "injected bytes must never reach the reader");
        QCOMPARE(h.lines, (QList<QByteArray>{greeting, reply}));
        QVERIFY(!server.received().contains(afterTls));
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(h.lines.contains("protected reply") || h.hasFailed, 10000);
        QVERIFY2(!h.hasFailed, qPrintable(h.error.message));
        QVERIFY(h.tlsUp);
        QVERIFY(h.connection->isEncrypted());
        QCOMPARE(server.received(), (QList<QByteArray>{command, afterTls}));
        QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
    }
}

void TestConnectionStartTls::credentialsNeverSentWithoutTls_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QByteArray>("upgradeCommand"); // empty: the server did not offer one
    QTest::addColumn<QByteArray>("credentials");

    QTest::newRow("IMAP: STARTTLS refused") << QStringLiteral("S: * OK hi\nC: s1 STARTTLS\nS: s1 NO not today\nSTALL")
                                            << QByteArray("s1 STARTTLS") << QByteArray("a1 LOGIN alice hunter2");
    QTest::newRow("IMAP: STARTTLS not offered") << QStringLiteral("S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\nSTALL")
                                                << QByteArray() << QByteArray("a1 LOGIN alice hunter2");
    QTest::newRow("POP3: STLS refused") << QStringLiteral("S: +OK hi\nC: STLS\nS: -ERR no TLS\nSTALL") << QByteArray("STLS")
                                        << QByteArray("PASS hunter2");
    QTest::newRow("FTP: AUTH TLS refused") << QStringLiteral("S: 220 hi\nC: AUTH TLS\nS: 500 unknown command\nSTALL")
                                           << QByteArray("AUTH TLS") << QByteArray("PASS hunter2");
}

void TestConnectionStartTls::credentialsNeverSentWithoutTls()
{
    QFETCH(QString, script);
    QFETCH(QByteArray, upgradeCommand);
    QFETCH(QByteArray, credentials);

    FakeServer server(script);
    ConnectionHarness h(settings(server.start(), Net::TlsPolicy::StartTlsRequired));
    QObject::connect(h.connection.get(), &Net::Connection::ready, h.connection.get(), [&] {
        if (!upgradeCommand.isEmpty()) {
            h.connection->sendLine(upgradeCommand);
        }
    });
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(h.lines.size() >= (upgradeCommand.isEmpty() ? 1 : 2), 10000);
    // A protocol that ignored the refusal and went on would try to log in: the layer stops it.
    QVERIFY(!h.connection->sendLine(credentials, Net::Secrecy::Secret));
    QTRY_VERIFY_WITH_TIMEOUT(h.hasFailed, 10000);
    QCOMPARE(h.error.kind, NetError::Kind::Tls);
    QVERIFY2(h.error.message.contains(QStringLiteral("refusing to send credentials")), qPrintable(h.error.message));
    // Once the server has seen the connection end, it has seen everything we sent.
    QTRY_VERIFY_WITH_TIMEOUT(server.clientGone(), 10000);
    const QList<QByteArray> expected = upgradeCommand.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{upgradeCommand};
    QCOMPARE(server.received(), expected);
}

void TestConnectionStartTls::plainPolicySendsWhatThePersonChose()
{
    FakeServer server(QStringLiteral("S: * OK hi\nC: a1 LOGIN alice hunter2\nS: a1 OK\nSTALL"));
    ConnectionHarness h(settings(server.start(), Net::TlsPolicy::Plain));
    QObject::connect(h.connection.get(), &Net::Connection::ready, h.connection.get(),
                     [&] { QVERIFY(h.connection->sendLine("a1 LOGIN alice hunter2", Net::Secrecy::Secret)); });
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(h.lines.contains("a1 OK"), 10000);
    QVERIFY(!h.hasFailed);
    QVERIFY(server.errors().isEmpty());
}

QTEST_GUILESS_MAIN(TestConnectionStartTls)
#include "tst_connection_starttls.moc"
