// Bounded waiting and bounded reading: each timeout fires and says what happened in
// words; an overlong line and a connection closed or reset mid-stream are errors in
// words; close() with work in flight ends cleanly.
#include "ConnectionHarness.h"
#include "tests/common/FakeServer.h"
#include "tests/common/TestPki.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Satchel;
using namespace Satchel::Test;
using namespace std::chrono_literals;
using Net::NetError;

class TestConnectionTimeouts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tcpConnectTimeout();
    void tlsHandshakeTimeout();
    void responseTimeout();
    void responseTimerRestartsOnData();
    void idleTimeout();
    void lineTooLong();
    void lineOfExactlyTheMaximumLength();
    void closeWhileConnectingEndsEverything();
    void serverGoesAway_data();
    void serverGoesAway();
    void connectionRefused();
    void closeWithWorkInFlight();

private:
    static Net::ConnectionSettings plain(quint16 port);
};

Net::ConnectionSettings TestConnectionTimeouts::plain(quint16 port)
{
    Net::ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = port;
    s.policy = Net::TlsPolicy::Plain;
    // Generous: only the tests of a timeout shorten the one they are about, so a loaded
    // machine's stall cannot fail the others.
    s.connectTimeout = 10s;
    s.responseTimeout = 10s;
    return s;
}

void TestConnectionTimeouts::tcpConnectTimeout()
{
    // A listening socket whose accept queue is full: Linux drops further SYNs, so the
    // TCP connect itself never completes.
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(listener >= 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
    QCOMPARE(::listen(listener, 0), 0);
    socklen_t len = sizeof addr;
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &len);
    const quint16 port = ntohs(addr.sin_port);
    // Fill the queue (backlog 0 still admits one) with connections nobody accepts.
    QList<int> fillers;
    for (int i = 0; i < 3; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        fillers << fd;
    }

    Net::ConnectionSettings s = plain(port);
    s.connectTimeout = 300ms;
    ConnectionHarness h(s);
    QElapsedTimer elapsed;
    elapsed.start();
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(h.hasFailed || h.isReady, 10000);
    for (int fd : fillers) {
        ::close(fd);
    }
    ::close(listener);
    QVERIFY(!h.isReady);
    QCOMPARE(h.error.kind, NetError::Kind::Timeout);
    QCOMPARE(h.error.message, QStringLiteral("could not connect to 127.0.0.1:%1 within 0.3 s").arg(port));
    QVERIFY(elapsed.elapsed() < 5000);
}

void TestConnectionTimeouts::tlsHandshakeTimeout()
{
    // The server accepts TCP and then says nothing: the implicit-TLS handshake stalls.
    FakeServer server(QStringLiteral("STALL"));
    Net::ConnectionSettings s = plain(server.start());
    s.policy = Net::TlsPolicy::ImplicitTls;
    s.connectTimeout = 300ms;
    ConnectionHarness h(s);
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(h.hasFailed, 10000);
    QCOMPARE(h.error.kind, NetError::Kind::Timeout);
    QCOMPARE(h.error.message,
        QStringLiteral("the TLS handshake with 127.0.0.1:%1 did not complete within 0.3 s").arg(s.port));
}

void TestConnectionTimeouts::responseTimeout()
{
    FakeServer server(QStringLiteral("S: * OK hi\nC: a1 NOOP\nSTALL"));
    Net::ConnectionSettings s = plain(server.start());
    s.responseTimeout = 300ms;
    ConnectionHarness h(s);
    QObject::connect(h.connection.get(), &Net::Connection::ready, h.connection.get(), [&] {
        h.connection->sendLine("a1 NOOP");
        h.connection->setResponsePending(true);
    });
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(h.hasFailed, 10000);
    QCOMPARE(h.error.kind, NetError::Kind::Timeout);
    QCOMPARE(h.error.message, QStringLiteral("127.0.0.1:%1 did not answer within 0.3 s").arg(server.serverPort()));
    QCOMPARE(h.lines, QList<QByteArray> { "* OK hi" });
}

void TestConnectionTimeouts::responseTimerRestartsOnData()
{
    // A slow but living server (one line per 300 ms for 2.4 s, timeout 1.5 s) is not a
    // timeout. The margin is wide: server and client share this thread, and a stall
    // delays the pacer and makes the client's timer due at once.
    FakeServer server(QStringLiteral("S: * OK hi\nC: a1 FETCH\nSTALL"));
    Net::ConnectionSettings s = plain(server.start());
    s.responseTimeout = 1500ms;
    ConnectionHarness h(s);
    QObject::connect(h.connection.get(), &Net::Connection::ready, h.connection.get(), [&] {
        h.connection->sendLine("a1 FETCH");
        h.connection->setResponsePending(true);
    });
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(server.received().size() == 1, 10000);
    // Pace the server by hand: a line every 300 ms, eight times (2.4 s in all).
    auto *socket = server.findChild<QSslSocket *>();
    QVERIFY(socket);
    int sent = 0;
    QTimer pacer;
    QObject::connect(&pacer, &QTimer::timeout, socket, [&] {
        socket->write("* " + QByteArray::number(sent) + " FETCH\r\n");
        if (++sent == 8) {
            pacer.stop();
        }
    });
    pacer.start(300);
    QTRY_COMPARE_WITH_TIMEOUT(h.lines.size(), 9, 10000);
    QVERIFY2(!h.hasFailed, qPrintable(h.error.message));
    h.connection->setResponsePending(false);
}

void TestConnectionTimeouts::idleTimeout()
{
    FakeServer server(QStringLiteral("S: * OK hi\nSTALL"));
    Net::ConnectionSettings s = plain(server.start());
    s.idleTimeout = 200ms;
    ConnectionHarness h(s);
    QSignalSpy idle(h.connection.get(), &Net::Connection::idleTimedOut);
    h.connection->open();
    QVERIFY(idle.wait(5000));
    QVERIFY(h.isReady);
    QVERIFY2(!h.hasFailed, "an idle connection is the protocol's to keep alive or close");
    QCOMPARE(h.connection->state(), Net::Connection::State::Ready);
}

void TestConnectionTimeouts::lineTooLong()
{
    FakeServer server(QStringLiteral("S> ") + QString(5000, QLatin1Char('x')) + QStringLiteral("\nSTALL"));
    Net::ConnectionSettings s = plain(server.start());
    s.maxLineLength = 1024;
    ConnectionHarness h(s);
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(h.hasFailed, 10000);
    QCOMPARE(h.error.kind, NetError::Kind::Protocol);
    QCOMPARE(h.error.message, QStringLiteral("127.0.0.1:%1 sent a line longer than 1024 bytes").arg(s.port));
    QVERIFY(h.lines.isEmpty());
}

void TestConnectionTimeouts::lineOfExactlyTheMaximumLength()
{
    const QString longest(1024, QLatin1Char('x'));
    FakeServer server(QStringLiteral("S: %1\nS: next\nSTALL").arg(longest));
    Net::ConnectionSettings s = plain(server.start());
    s.maxLineLength = 1024;
    ConnectionHarness h(s);
    h.connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(h.lines.size(), 2, 10000);
    QCOMPARE(h.lines.at(0), longest.toLatin1());
    QCOMPARE(h.lines.at(1), QByteArray("next"));
    QVERIFY(!h.hasFailed);
}

void TestConnectionTimeouts::closeWhileConnectingEndsEverything()
{
    // close() before the handshake is done: no trust question, no ready(), ever.
    FakeServer server(QStringLiteral("S: * OK hi\nSTALL"));
    server.setCertificate(TestPki::selfSigned({ QStringLiteral("127.0.0.1") }));
    server.setImplicitTls(true);
    Net::ConnectionSettings s = plain(server.start());
    s.policy = Net::TlsPolicy::ImplicitTls;
    ConnectionHarness h(s);
    QSignalSpy closed(h.connection.get(), &Net::Connection::closed);
    h.connection->open();
    h.connection->close();
    QVERIFY(closed.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(server.connectionCount() == 0 || server.clientGone(), 5000);
    QVERIFY(!h.isReady);
    QVERIFY(h.questions.isEmpty());
    QVERIFY(!h.hasFailed);
    QCOMPARE(h.connection->state(), Net::Connection::State::Closed);
}

void TestConnectionTimeouts::serverGoesAway_data()
{
    QTest::addColumn<QString>("script");
    QTest::newRow("close mid-stream") << QStringLiteral(
        "S: * OK hi\nC: a1 FETCH\nS> * 1 FETCH (BODY[] {100}\\r\\npartial\nCLOSE");
    QTest::newRow("reset mid-stream") << QStringLiteral(
        "S: * OK hi\nC: a1 FETCH\nS> * 1 FETCH (BODY[] {100}\\r\\npartial\nRESET");
}

void TestConnectionTimeouts::serverGoesAway()
{
    QFETCH(QString, script);
    FakeServer server(script);
    Net::ConnectionSettings s = plain(server.start());
    s.responseTimeout = 10s; // the server's going away must be reported as such, not as silence
    ConnectionHarness h(s);
    QObject::connect(h.connection.get(), &Net::Connection::ready, h.connection.get(), [&] {
        h.connection->sendLine("a1 FETCH");
        h.connection->setResponsePending(true);
    });
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(h.hasFailed, 10000);
    // What arrived before the end was delivered; the partial literal is not a line.
    QCOMPARE(h.lines, (QList<QByteArray> { "* OK hi", "* 1 FETCH (BODY[] {100}" }));
    QVERIFY2(h.error.kind == NetError::Kind::Network, qPrintable(h.error.message));
    QVERIFY2(h.error.message.startsWith(QStringLiteral("127.0.0.1:%1 closed the connection").arg(server.serverPort()))
            || h.error.message.startsWith(QStringLiteral("connection to 127.0.0.1:%1 failed").arg(server.serverPort())),
        qPrintable(h.error.message));
}

void TestConnectionTimeouts::connectionRefused()
{
    quint16 port = 0;
    {
        FakeServer server(QStringLiteral("STALL"));
        port = server.start();
    } // closed: nothing listens there now
    ConnectionHarness h(plain(port));
    h.connection->open();
    QTRY_VERIFY_WITH_TIMEOUT(h.hasFailed, 10000);
    QCOMPARE(h.error.kind, NetError::Kind::Network);
    QCOMPARE(h.error.message, QStringLiteral("127.0.0.1:%1 refused the connection").arg(port));
}

void TestConnectionTimeouts::closeWithWorkInFlight()
{
    FakeServer server(QStringLiteral("S: * OK hi\nC: a1 FETCH\nSTALL"));
    ConnectionHarness h(plain(server.start()));
    QSignalSpy closed(h.connection.get(), &Net::Connection::closed);
    QObject::connect(h.connection.get(), &Net::Connection::ready, h.connection.get(), [&] {
        h.connection->sendLine("a1 FETCH");
        h.connection->setResponsePending(true);
        h.connection->close();
    });
    h.connection->open();
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(server.clientGone(), 10000);
    QVERIFY2(!h.hasFailed, "a requested close is not a failure, and the response timer is off");
    QCOMPARE(server.received(), QList<QByteArray> { "a1 FETCH" }); // what was queued still went out
}

QTEST_GUILESS_MAIN(TestConnectionTimeouts)
#include "tst_connection_timeouts.moc"
