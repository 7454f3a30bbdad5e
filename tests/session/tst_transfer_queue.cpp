// The FTP transfer queue against a scripted server: a transient failure (4xx) is
// retried after a backoff, resuming what the first attempt got, and then succeeds; a permanent one (550) fails with its
// words at once; priority decides the order; a paused item waits and a cancelled
// one ends the queue; the queue survives a restart through its SQLite store; a running
// item that is paused or cancelled is stopped with ABOR and its connection kept.
#include "protocols/ftp/TransferQueue.h"
#include "protocols/store/TransferQueueStore.h"
#include "tests/common/FakeServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Satchel;
using namespace Satchel::Ftp;
using namespace Satchel::Test;

namespace {

const char *kLogin = "S: 220 ready\nC: FEAT\nS: 211 no features\n"
                     "C: USER bob\nS: 331 pw\nC: PASS pw\nS: 230 in\nC: TYPE I\nS: 200 binary\n";

// Serves `payload` on every data connection.
class DataServer : public QTcpServer
{
public:
    explicit DataServer(QByteArray payload)
        : m_payload(std::move(payload))
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                s->write(m_payload);
                s->disconnectFromHost();
            }
        });
    }
    QString epsv() const
    {
        return QStringLiteral("C: EPSV\nS: 229 Entering Extended Passive Mode (|||%1|)\n").arg(serverPort());
    }

private:
    QByteArray m_payload;
};

// Serves `chunks` pieces of `chunk` bytes, one every `everyMs`: a transfer slow enough
// to be watched.
class SlowDataServer : public QTcpServer
{
public:
    SlowDataServer(int chunks, int chunk, int everyMs)
        : m_chunks(chunks)
        , m_chunk(chunk)
        , m_every(everyMs)
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                auto *timer = new QTimer(s);
                auto sent = std::make_shared<int>(0);
                connect(timer, &QTimer::timeout, s, [this, s, timer, sent] {
                    s->write(QByteArray(m_chunk, 'x'));
                    if (++*sent == m_chunks) {
                        timer->stop();
                        s->disconnectFromHost();
                    }
                });
                timer->start(m_every);
            }
        });
    }
    QString epsv() const
    {
        return QStringLiteral("C: EPSV\nS: 229 Entering Extended Passive Mode (|||%1|)\n").arg(serverPort());
    }

private:
    int m_chunks;
    int m_chunk;
    int m_every;
};

FtpSession::Options optionsFor(FakeServer &server)
{
    FtpSession::Options o;
    o.connection.host = QStringLiteral("127.0.0.1");
    o.connection.port = server.serverPort();
    o.connection.policy = Net::TlsPolicy::Plain;
    o.credentials = { QStringLiteral("bob"), QStringLiteral("pw") };
    return o;
}

TransferItem download(const QString &remote, const QString &local, int priority = 0)
{
    TransferItem item;
    item.direction = TransferItem::Direction::Download;
    item.remotePath = remote;
    item.localPath = local;
    item.priority = priority;
    return item;
}

} // namespace

class TestTransferQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transientFailureIsRetriedWithBackoff();
    void permanentFailureFailsAtOnce();
    void priorityDecidesTheOrder();
    void pausedWaitsCancelledEnds();
    void survivesARestart();
    void progressIsBatchedWithRateAndTimeLeft();
    void pausingARunningItemAbortsAndKeepsTheConnection();
    void abortRefusedDropsTheConnection();
    void pausedWhileAskingAsksAgainWhenResumed();

private:
    QTemporaryDir m_dir;
};

void TestTransferQueue::transientFailureIsRetriedWithBackoff()
{
    // The first attempt gets "hel" and then 451; the retry resumes after those 3
    // bytes (REST 3) and gets the rest.
    DataServer first("hel");
    DataServer rest("lo");
    // A failed attempt retires its connection: the retry comes on a new one.
    FakeServer server(QStringList {
        QString::fromLatin1(kLogin) + first.epsv() + QStringLiteral("C: RETR a.txt\nS: 451 try again later\nSTALL"),
        QString::fromLatin1(kLogin) + QStringLiteral("C: REST 3\nS: 350 Restarting at 3\n") + rest.epsv()
            + QStringLiteral("C: RETR a.txt\nS: 150 ok\nS: 226 done\nC: QUIT\nS: 221 bye\n") });
    server.start();
    TransferQueue queue(optionsFor(server), 1);
    QSignalSpy done(&queue, &TransferQueue::allDone);
    QElapsedTimer clock;
    clock.start();
    const qint64 id = queue.add(download(QStringLiteral("a.txt"), m_dir.filePath(QStringLiteral("a.txt"))));
    QVERIFY(done.wait(15000));
    QVERIFY2(queue.item(id).state == TransferItem::State::Done,
        qPrintable(queue.item(id).error + QStringLiteral(" / sent: ") + QString::fromUtf8(server.received().join(" | "))
            + QStringLiteral(" / ") + server.errors().join(QLatin1Char(';'))));
    QCOMPARE(queue.item(id).attempts, 2);
    QVERIFY2(clock.elapsed() >= 1000, "the retry waits for its backoff");
    QFile f(m_dir.filePath(QStringLiteral("a.txt")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("hello"));
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
}

void TestTransferQueue::permanentFailureFailsAtOnce()
{
    DataServer data("x");
    FakeServer server(QString::fromLatin1(kLogin) + data.epsv()
        + QStringLiteral("C: RETR gone.txt\nS: 550 No such file\nC: QUIT\nS: 221 bye\n"));
    server.start();
    TransferQueue queue(optionsFor(server), 1);
    QSignalSpy done(&queue, &TransferQueue::allDone);
    const qint64 id = queue.add(download(QStringLiteral("gone.txt"), m_dir.filePath(QStringLiteral("gone.txt"))));
    QVERIFY(done.wait(10000));
    QCOMPARE(queue.item(id).state, TransferItem::State::Failed);
    QCOMPARE(queue.item(id).attempts, 1);
    QCOMPARE(queue.item(id).error, QStringLiteral("RETR gone.txt: 550 No such file"));
    QCOMPARE(queue.item(id).errorKind, OperationError::Kind::NotFound);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("gone.txt"))));
}

void TestTransferQueue::priorityDecidesTheOrder()
{
    DataServer data("p");
    FakeServer server(QString::fromLatin1(kLogin) + data.epsv()
        + QStringLiteral("C: RETR urgent\nS: 150 ok\nS: 226 done\n") + data.epsv()
        + QStringLiteral("C: RETR later\nS: 150 ok\nS: 226 done\nC: QUIT\nS: 221 bye\n"));
    server.start();
    TransferQueue queue(optionsFor(server), 1);
    QSignalSpy done(&queue, &TransferQueue::allDone);
    queue.add(download(QStringLiteral("later"), m_dir.filePath(QStringLiteral("later")), 0));
    queue.add(download(QStringLiteral("urgent"), m_dir.filePath(QStringLiteral("urgent")), 5));
    QVERIFY(done.wait(10000));
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
}

void TestTransferQueue::pausedWaitsCancelledEnds()
{
    DataServer data("q");
    FakeServer server(QString::fromLatin1(kLogin) + data.epsv()
        + QStringLiteral("C: RETR one\nS: 150 ok\nS: 226 done\nC: QUIT\nS: 221 bye\n"));
    server.start();
    TransferQueue queue(optionsFor(server), 1);
    QSignalSpy done(&queue, &TransferQueue::allDone);
    const qint64 one = queue.add(download(QStringLiteral("one"), m_dir.filePath(QStringLiteral("one"))));
    const qint64 two = queue.add(download(QStringLiteral("two"), m_dir.filePath(QStringLiteral("two"))));
    queue.pause(two);
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(one).state, TransferItem::State::Done, 10000);
    QCOMPARE(queue.item(two).state, TransferItem::State::Paused);
    QVERIFY(queue.isIdle());
    QCOMPARE(done.size(), 0); // a paused item is not finished
    QVERIFY(!server.received().contains("RETR two"));
    queue.cancel(two);
    QVERIFY(done.wait(10000));
    QCOMPARE(queue.item(two).state, TransferItem::State::Cancelled);
}

void TestTransferQueue::survivesARestart()
{
    const QString storePath = m_dir.filePath(QStringLiteral("queue.sqlite"));
    QString error;
    {
        // The queue of a run that stopped: one item was running, one waiting.
        Store::TransferQueueStore store;
        QVERIFY2(store.open(storePath, &error), qPrintable(error));
        TransferItem running = download(QStringLiteral("r1"), m_dir.filePath(QStringLiteral("r1")));
        running.id = 7;
        running.state = TransferItem::State::Running;
        TransferItem waiting = download(QStringLiteral("r2"), m_dir.filePath(QStringLiteral("r2")));
        waiting.id = 8;
        QVERIFY(store.save(running, &error) && store.save(waiting, &error));
    }
    DataServer data("restored");
    FakeServer server(QString::fromLatin1(kLogin) + data.epsv() + QStringLiteral("C: RETR r1\nS: 150 ok\nS: 226 done\n")
        + data.epsv() + QStringLiteral("C: RETR r2\nS: 150 ok\nS: 226 done\nC: QUIT\nS: 221 bye\n"));
    server.start();
    Store::TransferQueueStore store;
    QVERIFY(store.open(storePath, &error));
    TransferQueue queue(optionsFor(server), 1, &store);
    QSignalSpy done(&queue, &TransferQueue::allDone);
    QVERIFY2(queue.restore(&error), qPrintable(error));
    QVERIFY(done.wait(10000));
    QCOMPARE(queue.item(7).state, TransferItem::State::Done);
    QCOMPARE(queue.item(8).state, TransferItem::State::Done);
    const QList<TransferItem> stored = store.load(&error);
    QCOMPARE(stored.size(), 2);
    QVERIFY(std::all_of(
        stored.cbegin(), stored.cend(), [](const TransferItem &i) { return i.state == TransferItem::State::Done; }));
    // New items continue the numbering instead of overwriting stored rows.
    QCOMPARE(queue.add(download(QStringLiteral("r3"), m_dir.filePath(QStringLiteral("r3")))), qint64(9));
}

// While an item runs, itemChanged reports its bytes, rate and time left, batched: a
// transfer of 1.5 s with data every 100 ms gives a handful of reports, not one per chunk.
void TestTransferQueue::progressIsBatchedWithRateAndTimeLeft()
{
    SlowDataServer data(15, 100'000, 100);
    FakeServer server(QString::fromLatin1(kLogin) + data.epsv()
        + QStringLiteral("C: RETR slow.bin\nS: 150 here it comes\nS: 226 done\nSTALL"));
    server.start();
    QTemporaryDir dir;
    TransferQueue queue(optionsFor(server), 1);
    QList<TransferItem> running;
    connect(&queue, &TransferQueue::itemChanged, this, [&running](const TransferItem &item) {
        if (item.state == TransferItem::State::Running && item.transferred > 0) {
            running.append(item);
        }
    });
    QSignalSpy done(&queue, &TransferQueue::allDone);
    TransferItem item = download(QStringLiteral("slow.bin"), dir.filePath(QStringLiteral("slow.bin")));
    item.size = 15 * 100'000;
    queue.add(item);
    QVERIFY(done.wait(10000));
    QCOMPARE(queue.items().constFirst().state, TransferItem::State::Done);
    QVERIFY2(running.size() >= 3, qPrintable(QString::number(running.size())));
    QVERIFY2(running.size() <= 10, qPrintable(QString::number(running.size()))); // 15 chunks, batched
    const TransferItem &later = running.at(running.size() / 2);
    QVERIFY(later.bytesPerSecond > 100'000 && later.bytesPerSecond < 10'000'000);
    QVERIFY(later.secondsLeft >= 0 && later.secondsLeft <= 3);
    QVERIFY(std::is_sorted(running.cbegin(), running.cend(),
        [](const TransferItem &a, const TransferItem &b) { return a.transferred < b.transferred; }));
    QCOMPARE(queue.items().constFirst().bytesPerSecond, 0); // not running any more
}

// RFC 959 §4.1.3: a running transfer that is paused is stopped with ABOR after its data
// connection was reset; the server answers the transfer (426) and ABOR (226), and the
// same logged-in connection then takes the next item.
void TestTransferQueue::pausingARunningItemAbortsAndKeepsTheConnection()
{
    SlowDataServer slow(200, 1000, 20); // four seconds of data unless stopped
    DataServer quick("two");
    FakeServer server(QString::fromLatin1(kLogin) + slow.epsv()
        + QStringLiteral("C: RETR big\nS: 150 here it comes\n"
                         "C: ABOR\nS: 426 Connection closed; transfer aborted.\nS: 226 ABOR successful\n")
        + quick.epsv() + QStringLiteral("C: RETR two\nS: 150 ok\nS: 226 done\nC: QUIT\nS: 221 bye\n"));
    server.start();
    QTemporaryDir dir;
    TransferQueue queue(optionsFor(server), 1);
    QSignalSpy done(&queue, &TransferQueue::allDone);
    const qint64 big = queue.add(download(QStringLiteral("big"), dir.filePath(QStringLiteral("big"))));
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(big).transferred > 0, 10000);
    queue.pause(big);
    QCOMPARE(queue.item(big).state, TransferItem::State::Paused);
    const qint64 two = queue.add(download(QStringLiteral("two"), dir.filePath(QStringLiteral("two"))));
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(two).state, TransferItem::State::Done, 10000);
    QCOMPARE(queue.connectionsOpened(), 1);
    QCOMPARE(server.connectionCount(), 1);
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
    QFile got(dir.filePath(QStringLiteral("two")));
    QVERIFY(got.open(QIODevice::ReadOnly));
    QCOMPARE(got.readAll(), QByteArray("two"));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("big")))); // only its partial file
    queue.cancel(big);
    QVERIFY(done.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(server.scriptFinished(), 5000); // QUIT went out on the same connection
}

// A server that refuses ABOR leaves the connection in an unknown state: it is dropped
// and the next item gets a fresh one.
void TestTransferQueue::abortRefusedDropsTheConnection()
{
    SlowDataServer slow(200, 1000, 20);
    DataServer quick("two");
    FakeServer server(QStringList { QString::fromLatin1(kLogin) + slow.epsv()
            + QStringLiteral("C: RETR big\nS: 150 here it comes\nC: ABOR\nS: 426 aborted\nS: 502 ABOR not implemented\n"
                             "STALL"),
        QString::fromLatin1(kLogin) + quick.epsv()
            + QStringLiteral("C: RETR two\nS: 150 ok\nS: 226 done\nC: QUIT\nS: 221 bye\n") });
    server.start();
    QTemporaryDir dir;
    TransferQueue queue(optionsFor(server), 1);
    const qint64 big = queue.add(download(QStringLiteral("big"), dir.filePath(QStringLiteral("big"))));
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(big).transferred > 0, 10000);
    queue.cancel(big);
    const qint64 two = queue.add(download(QStringLiteral("two"), dir.filePath(QStringLiteral("two"))));
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(two).state, TransferItem::State::Done, 10000);
    QCOMPARE(queue.item(big).state, TransferItem::State::Cancelled);
    QCOMPARE(queue.connectionsOpened(), 2);
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
}

// An item stopped before its transfer began (here: waiting for the overwrite answer)
// looks at its destination again when resumed: its policy still protects the file.
void TestTransferQueue::pausedWhileAskingAsksAgainWhenResumed()
{
    FakeServer server(QString::fromLatin1(kLogin) + QStringLiteral("STALL"));
    server.start();
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("kept"));
    {
        QFile mine(target);
        QVERIFY(mine.open(QIODevice::WriteOnly) && mine.write("mine") == 4);
    }
    TransferQueue queue(optionsFor(server), 1);
    QSignalSpy questions(&queue, &TransferQueue::overwriteQuestion);
    TransferItem item = download(QStringLiteral("kept"), target);
    item.overwrite = OverwritePolicy::Ask;
    item.size = 10;
    const qint64 id = queue.add(item);
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(id).state, TransferItem::State::Asking, 10000);
    queue.pause(id);
    QCOMPARE(queue.item(id).state, TransferItem::State::Paused);
    queue.resume(id);
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(id).state, TransferItem::State::Asking, 10000);
    QCOMPARE(questions.size(), 2);
    QVERIFY(!server.received().contains("RETR kept"));
    QFile after(target);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), QByteArray("mine"));
}

QTEST_GUILESS_MAIN(TestTransferQueue)
#include "tst_transfer_queue.moc"
