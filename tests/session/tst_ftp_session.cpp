// FTP against scripted servers: the TLS rules of RFC 4217 (a 230 greeting, a refused
// AUTH TLS, bytes injected after 234: all failures before any credential), the full
// TLS login with PBSZ/PROT; PASV naming another address (the client connects only to
// the control connection's peer); malformed and overlong replies; a transfer broken
// mid-way leaves no file where the download belongs; a stalled server times out in words;
// a protected data connection must show the certificate accepted on the control one.
#include "protocols/ftp/FtpGetOperation.h"
#include "protocols/ftp/FtpListOperation.h"
#include "protocols/ftp/FtpSession.h"
#include "tests/common/FakeServer.h"
#include "tests/common/TestPki.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/socket.h>

using namespace Satchel;
using namespace Satchel::Ftp;
using namespace Satchel::Test;
using namespace std::chrono_literals;

namespace {

const char *kPlainLogin = "S: 220 ready\n"
                          "C: FEAT\n"
                          "S: 211-Features\nS:  MLST type*;size*;modify*;\nS:  UTF8\nS: 211 End\n"
                          "C: USER bob\nS: 331 password please\n"
                          "C: PASS pw\nS: 230 logged in\n"
                          "C: OPTS UTF8 ON\nS: 200 ok\n"
                          "C: TYPE I\nS: 200 binary\n";

// A data-connection listener on 127.0.0.1: sends `payload` to whoever connects, then
// closes it, or resets it when `reset` is set.
class DataServer : public QTcpServer
{
public:
    DataServer(QByteArray payload, bool reset)
        : m_payload(std::move(payload))
        , m_reset(reset)
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                ++connections;
                s->write(m_payload);
                s->flush();
                if (m_reset) {
                    // Mid-transfer: the client is connected and reading when the reset comes.
                    QTimer::singleShot(100, s, [s] {
                        const linger hard { 1, 0 };
                        ::setsockopt(
                            static_cast<int>(s->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
                        s->abort();
                    });
                } else {
                    s->disconnectFromHost();
                }
            }
        });
    }
    QString pasvTuple(const char *host) const
    {
        return QStringLiteral("%1,%2,%3").arg(QLatin1String(host)).arg(serverPort() / 256).arg(serverPort() % 256);
    }
    int connections = 0;

private:
    QByteArray m_payload;
    bool m_reset;
};

// A protected data-connection listener: TLS server side with `certificate`, then sends
// `payload` and ends TLS with close_notify.
class TlsDataServer : public QTcpServer
{
public:
    TlsDataServer(TestCertificate certificate, QByteArray payload)
        : m_certificate(std::move(certificate))
        , m_payload(std::move(payload))
    {
        listen(QHostAddress::LocalHost, 0);
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(m_certificate.certificate);
        socket->setPrivateKey(m_certificate.key);
        connect(socket, &QSslSocket::encrypted, socket, [this, socket] {
            socket->write(m_payload);
            socket->disconnectFromHost();
        });
        socket->startServerEncryption();
    }

private:
    TestCertificate m_certificate;
    QByteArray m_payload;
};

struct Outcome {
    bool loggedIn = false;
    std::optional<OperationError> error;
};

// How a transfer ended: it succeeded, failed with `error`, or did neither in time.
struct Result {
    bool ok = false;
    std::optional<OperationError> error;
    bool ended() const { return ok || error; }
};

} // namespace

class TestFtpSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tlsRules_data();
    void tlsRules();
    void tlsLoginProtectsData();
    void repliesThatAreNotFtp_data();
    void repliesThatAreNotFtp();
    void pasvAddressIsIgnored();
    void brokenTransferLeavesNoFile_data();
    void brokenTransferLeavesNoFile();
    void stalledServerTimesOut();
    void activeModeAcceptsOnlyTheServer();
    void dataConnectionMustShowTheControlCertificate_data();
    void dataConnectionMustShowTheControlCertificate();
    void keepAliveOnlyWhenIdle();

private:
    std::unique_ptr<FtpSession> session(
        FakeServer &server, Net::TlsPolicy policy, std::chrono::milliseconds timeout = 10s);
    Outcome login(FtpSession &s);
    Result run(FtpTransferOperation &operation);
    TestPki m_pki;
};

std::unique_ptr<FtpSession> TestFtpSession::session(
    FakeServer &server, Net::TlsPolicy policy, std::chrono::milliseconds timeout)
{
    FtpSession::Options options;
    options.connection.host = QStringLiteral("127.0.0.1");
    options.connection.port = server.serverPort() ? server.serverPort() : server.start();
    options.connection.policy = policy;
    options.connection.responseTimeout = timeout;
    options.connection.connectTimeout = 5s;
    options.connection.trust = std::make_shared<Net::TrustStore>();
    options.connection.trust->addCaCertificates({ m_pki.ca().certificate });
    options.credentials = { QStringLiteral("bob"), QStringLiteral("pw") };
    return std::make_unique<FtpSession>(options);
}

Outcome TestFtpSession::login(FtpSession &s)
{
    Outcome outcome;
    // The connections end with this function: a later signal must not reach `outcome`.
    QObject context;
    connect(&s, &FtpSession::loggedIn, &context, [&] { outcome.loggedIn = true; });
    connect(&s, &FtpSession::failed, &context, [&](const OperationError &e) { outcome.error = e; });
    s.open();
    if (!QTest::qWaitFor([&] { return outcome.loggedIn || outcome.error; }, 10000)) {
        qWarning("login timed out");
    }
    return outcome;
}

// Starts `operation` and waits (10 s at most) until it succeeded or failed.
Result TestFtpSession::run(FtpTransferOperation &operation)
{
    Result result;
    QObject receiver; // the connections end with `result`
    connect(&operation, &FtpTransferOperation::succeeded, &receiver, [&] { result.ok = true; });
    connect(&operation, &FtpTransferOperation::failed, &receiver, [&](const OperationError &e) { result.error = e; });
    operation.start();
    if (!QTest::qWaitFor([&] { return result.ended(); }, 10000)) {
        qWarning("transfer timed out");
    }
    return result;
}

void TestFtpSession::tlsRules_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<OperationError::Kind>("kind");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QList<QByteArray>>("sent");
    QTest::newRow("230 greeting before TLS")
        << QStringLiteral("S: 230 welcome, you are logged in\nSTALL") << OperationError::Kind::Tls
        << QStringLiteral("logged in without credentials before TLS") << QList<QByteArray> {};
    QTest::newRow("AUTH TLS refused") << QStringLiteral("S: 220 hi\nC: AUTH TLS\nS: 500 unknown command\nSTALL")
                                      << OperationError::Kind::Tls
                                      << QStringLiteral("refused AUTH TLS (500 unknown command)")
                                      << QList<QByteArray> { "AUTH TLS" };
    QTest::newRow("bytes injected after 234")
        << QStringLiteral("S: 220 hi\nC: AUTH TLS\nS: 234 go ahead\nS: 230 injected\nSTALL")
        << OperationError::Kind::Protocol << QStringLiteral("STARTTLS injection") << QList<QByteArray> { "AUTH TLS" };
}

void TestFtpSession::tlsRules()
{
    QFETCH(QString, script);
    QFETCH(OperationError::Kind, kind);
    QFETCH(QString, words);
    QFETCH(QList<QByteArray>, sent);
    FakeServer server(script);
    server.setCertificate(m_pki.issue({ QStringLiteral("127.0.0.1") }));
    auto s = session(server, Net::TlsPolicy::StartTlsRequired);
    const Outcome outcome = login(*s);
    QVERIFY(!outcome.loggedIn);
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->kind, kind);
    QVERIFY2(outcome.error->message.contains(words), qPrintable(outcome.error->message));
    QTRY_VERIFY_WITH_TIMEOUT(server.clientGone(), 5000);
    QCOMPARE(server.received(), sent);
}

void TestFtpSession::tlsLoginProtectsData()
{
    FakeServer server(QStringLiteral("S: 220 hi\nC: AUTH TLS\nS: 234 go ahead\nTLS\n"
                                     "C: FEAT\nS: 211-Features\nS:  AUTH TLS\nS:  PBSZ\nS:  PROT\nS: 211 End\n"
                                     "C: USER bob\nS: 331 pw\nC: PASS pw\nS: 230 in\n"
                                     "C: PBSZ 0\nS: 200 ok\nC: PROT P\nS: 200 private\n"
                                     "C: TYPE I\nS: 200 binary\nSTALL"));
    server.setCertificate(m_pki.issue({ QStringLiteral("127.0.0.1") }));
    auto s = session(server, Net::TlsPolicy::StartTlsRequired);
    const Outcome outcome = login(*s);
    QVERIFY2(outcome.loggedIn, outcome.error ? qPrintable(outcome.error->message) : "timeout");
    QVERIFY(s->dataProtected());
    QVERIFY(s->hasFeature("PBSZ"));
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
}

void TestFtpSession::repliesThatAreNotFtp_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("words");
    QTest::newRow("malformed reply") << QStringLiteral("S: 220 hi\nC: FEAT\nS: hello there\nSTALL")
                                     << QStringLiteral(
                                            "the server sent a line that is not an FTP reply: 'hello there'");
    QTest::newRow("overlong reply line") << QStringLiteral("S: 220 hi\nC: FEAT\nS> 211 ")
            + QString(70000, QLatin1Char('x'))
            + QStringLiteral("\nSTALL") << QStringLiteral("sent a line longer than 65536 bytes");
    QTest::newRow("reply nobody asked for") << QStringLiteral("S: 220 hi\nS: 200 surprise\nSTALL")
                                            << QStringLiteral("a reply nobody asked for: 200 surprise");
}

void TestFtpSession::repliesThatAreNotFtp()
{
    QFETCH(QString, script);
    QFETCH(QString, words);
    FakeServer server(script);
    auto s = session(server, Net::TlsPolicy::Plain);
    const Outcome outcome = login(*s);
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->kind, OperationError::Kind::Protocol);
    QVERIFY2(outcome.error->message.contains(words), qPrintable(outcome.error->message));
}

void TestFtpSession::pasvAddressIsIgnored()
{
    // PASV names 127.0.0.9, where nothing listens; the data listener is on 127.0.0.1,
    // the control connection's peer. Only a client that ignores the address finds it.
    DataServer data("type=file;size=3;modify=20261127120000; a.txt\r\ntype=dir; sub dir\r\n", false);
    FakeServer server(QString::fromLatin1(kPlainLogin)
        + QStringLiteral("C: EPSV\nS: 500 no EPSV here\nC: PASV\nS: 227 Entering Passive Mode (%1)\n"
                         "C: MLSD\nS: 150 here it comes\nS: 226 done\nSTALL")
              .arg(data.pasvTuple("127,0,0,9")));
    auto s = session(server, Net::TlsPolicy::Plain);
    QVERIFY(login(*s).loggedIn);
    FtpListOperation list(s.get(), QString());
    const Result result = run(list);
    QVERIFY(result.ended());
    QVERIFY2(result.ok, result.error ? qPrintable(result.error->message) : "");
    QCOMPARE(data.connections, 1);
    QCOMPARE(list.entries().size(), 2);
    QCOMPARE(list.entries().at(0).name, QStringLiteral("a.txt"));
    QCOMPARE(list.entries().at(1).name, QStringLiteral("sub dir"));
}

void TestFtpSession::brokenTransferLeavesNoFile_data()
{
    QTest::addColumn<bool>("reset");
    QTest::addColumn<QString>("finalReply");
    QTest::addColumn<OperationError::Kind>("kind");
    QTest::newRow("reset mid-transfer, 426")
        << true << QStringLiteral("S: 426 Connection closed; transfer aborted\n") << OperationError::Kind::Refused;
    QTest::newRow("clean close but 451") << false << QStringLiteral("S: 451 local error in processing\n")
                                         << OperationError::Kind::Refused;
}

void TestFtpSession::brokenTransferLeavesNoFile()
{
    QFETCH(bool, reset);
    QFETCH(QString, finalReply);
    QFETCH(OperationError::Kind, kind);
    DataServer data(QByteArray(100000, 'd'), reset);
    FakeServer server(QString::fromLatin1(kPlainLogin)
        + QStringLiteral("C: EPSV\nS: 229 Entering Extended Passive Mode (|||%1|)\n"
                         "C: RETR big.bin\nS: 150 sending\n")
              .arg(data.serverPort())
        + finalReply + QStringLiteral("STALL"));
    auto s = session(server, Net::TlsPolicy::Plain);
    QVERIFY(login(*s).loggedIn);
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("big.bin"));
    QFile existing(target);
    QVERIFY(existing.open(QIODevice::WriteOnly) && existing.write("the old file") == 12);
    existing.close();
    FtpGetOperation get(s.get(), QStringLiteral("big.bin"), target, false);
    const Result result = run(get);
    QVERIFY(result.ended());
    QVERIFY(!result.ok);
    QCOMPARE(result.error->kind, kind);
    QVERIFY2(result.error->message.startsWith(QStringLiteral("RETR big.bin: 4")), qPrintable(result.error->message));
    // The old file is untouched: a broken download never takes its place.
    QFile after(target);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), QByteArray("the old file"));
}

void TestFtpSession::dataConnectionMustShowTheControlCertificate_data()
{
    QTest::addColumn<bool>("sameCertificate");
    QTest::newRow("the control connection's certificate") << true;
    // Valid and from the same trusted CA, yet not the certificate accepted on the
    // control connection: a data connection is checked against that one only (RFC 4217
    // §10.2 lets a resumed session skip verification, so nothing else would catch it).
    QTest::newRow("another certificate from the same CA") << false;
}

void TestFtpSession::dataConnectionMustShowTheControlCertificate()
{
    QFETCH(bool, sameCertificate);
    const TestCertificate control = m_pki.issue({ QStringLiteral("127.0.0.1") });
    const QByteArray payload(300'000, 'p');
    TlsDataServer data(sameCertificate ? control : m_pki.issue({ QStringLiteral("127.0.0.1") }), payload);
    FakeServer server(QStringLiteral("S: 220 hi\nC: AUTH TLS\nS: 234 go ahead\nTLS\n"
                                     "C: FEAT\nS: 211-Features\nS:  AUTH TLS\nS:  PBSZ\nS:  PROT\nS: 211 End\n"
                                     "C: USER bob\nS: 331 pw\nC: PASS pw\nS: 230 in\n"
                                     "C: PBSZ 0\nS: 200 ok\nC: PROT P\nS: 200 private\n"
                                     "C: TYPE I\nS: 200 binary\n"
                                     "C: EPSV\nS: 229 Entering Extended Passive Mode (|||%1|)\n"
                                     "C: RETR f.bin\nS: 150 sending\nS: 226 done\nSTALL")
                          .arg(data.serverPort()));
    server.setCertificate(control);
    auto s = session(server, Net::TlsPolicy::StartTlsRequired);
    QVERIFY(login(*s).loggedIn);
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("f.bin"));
    FtpGetOperation get(s.get(), QStringLiteral("f.bin"), target, false);
    const Result result = run(get);
    QVERIFY(result.ended());
    if (sameCertificate) {
        QVERIFY2(result.ok, result.error ? qPrintable(result.error->message) : "");
        QFile got(target);
        QVERIFY(got.open(QIODevice::ReadOnly));
        QCOMPARE(got.readAll(), payload);
        return;
    }
    QVERIFY(!result.ok);
    QCOMPARE(result.error->kind, OperationError::Kind::Tls);
    QVERIFY2(
        result.error->message.contains(QStringLiteral("different certificate")), qPrintable(result.error->message));
    QVERIFY(!QFile::exists(target));
}

void TestFtpSession::stalledServerTimesOut()
{
    FakeServer server(QStringLiteral("S: 220 hi\nC: FEAT\nS: 211 none\nC: USER bob\nSTALL"));
    auto s = session(server, Net::TlsPolicy::Plain, 300ms);
    const Outcome outcome = login(*s);
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->kind, OperationError::Kind::Network);
    QCOMPARE(
        outcome.error->message, QStringLiteral("127.0.0.1:%1 did not answer within 0.3 s").arg(server.serverPort()));
}

void TestFtpSession::activeModeAcceptsOnlyTheServer()
{
    // Active mode: we listen, the server is told where (EPRT), and only a connection
    // from the control connection's peer is taken. Here 127.0.0.2 connects first.
    FakeServer server(QString::fromLatin1(kPlainLogin)
        + QStringLiteral("C~ ^EPRT \\|1\\|127\\.0\\.0\\.1\\|\\d+\\|$\nS: 200 EPRT ok\nC: MLSD\nS: 150 opening\nSTALL"));
    FtpSession::Options options;
    options.connection.host = QStringLiteral("127.0.0.1");
    options.connection.port = server.start();
    options.connection.policy = Net::TlsPolicy::Plain;
    options.credentials = { QStringLiteral("bob"), QStringLiteral("pw") };
    options.activeMode = true;
    FtpSession s(options);
    QVERIFY(login(s).loggedIn);
    FtpListOperation list(&s, QString());
    std::optional<OperationError> error;
    connect(&list, &FtpListOperation::failed, this, [&](const OperationError &e) { error = e; });
    list.start();
    QTRY_VERIFY_WITH_TIMEOUT(server.received().contains("MLSD"), 10000);
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
    QByteArray eprt;
    for (const QByteArray &line : server.received()) {
        if (line.startsWith("EPRT")) {
            eprt = line;
        }
    }
    const quint16 port = eprt.split('|').value(3).toUShort();
    QVERIFY(port != 0);
    QTcpSocket intruder;
    QVERIFY(intruder.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
    intruder.connectToHost(QHostAddress::LocalHost, port);
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 10000);
    QCOMPARE(error->kind, OperationError::Kind::Protocol);
    QCOMPARE(error->message, QStringLiteral("the data connection came from 127.0.0.2, not from the server 127.0.0.1"));
}

// An idle control connection gets NOOP after the keep-alive interval (RFC 959 §4.1.3),
// again and again; a connection with a command waiting for its reply does not.
void TestFtpSession::keepAliveOnlyWhenIdle()
{
    FakeServer server(QString::fromLatin1(kPlainLogin)
        + QStringLiteral("C: NOOP\nS: 200 still here\nC: NOOP\nS: 200 still here\n"
                         "C: PWD\nSTALL"));
    server.setCertificate(m_pki.issue({ QStringLiteral("127.0.0.1") }));
    FtpSession::Options options;
    options.connection.host = QStringLiteral("127.0.0.1");
    options.connection.port = server.start();
    options.connection.policy = Net::TlsPolicy::Plain;
    options.connection.responseTimeout = 10s;
    options.credentials = { QStringLiteral("bob"), QStringLiteral("pw") };
    options.keepAlive = 150ms;
    FtpSession s(options);
    const Outcome outcome = login(s);
    QVERIFY(outcome.loggedIn);
    // Event by event, so that PWD goes out in the turn the second NOOP does: a check every
    // 50 ms (QTRY) could miss that moment on a loaded machine and see a third NOOP.
    QElapsedTimer waited;
    waited.start();
    QTimer deadline; // wakes the wait below even if the session has gone quiet for good
    deadline.setSingleShot(true);
    deadline.start(5000);
    while (s.keepAlivesSent() < 2 && waited.elapsed() < 5000) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    QCOMPARE(s.keepAlivesSent(), 2);
    // A command in flight: no keep-alive, however long the server takes.
    s.command("PWD", [](const FtpReply &) {});
    QTest::qWait(600);
    QCOMPARE(s.keepAlivesSent(), 2);
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(u'\n')));
    QCOMPARE(server.received().count("NOOP"), 2);
}

QTEST_GUILESS_MAIN(TestFtpSession)
#include "tst_ftp_session.moc"
