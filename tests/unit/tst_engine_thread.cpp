// The engine-thread host: the engine is created, runs and is deleted on its own
// thread; results reach the GUI thread as batches, at most one per ~16 ms; a trust
// question crosses to the GUI thread and its answer comes back by id; destroying the
// host with work in flight (a stalled response, an unanswered question, a busy
// producer) neither hangs nor crashes; the engine runs below the GUI thread's CPU
// priority.
#include "protocols/net/Connection.h"
#include "protocols/net/EngineThread.h"
#include "protocols/net/ResultBatcher.h"
#include "tests/common/FakeServer.h"
#include "tests/common/TestPki.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <atomic>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using namespace Satchel;
using namespace Satchel::Test;

// Produces numbered results through a ResultBatcher, as an engine produces summaries.
class CountingEngine : public QObject
{
    Q_OBJECT

public:
    explicit CountingEngine(std::atomic<QThread *> *deletedOn)
        : m_deletedOn(deletedOn)
    { }
    ~CountingEngine() override { *m_deletedOn = QThread::currentThread(); }

public Q_SLOTS:
    void start()
    {
        m_batcher
            = std::make_unique<Net::ResultBatcher<int>>(this, [this](QList<int> batch) { Q_EMIT results(batch); });
        Q_EMIT started(QThread::currentThread());
    }

public:
    void produceAtOnce(int count)
    {
        for (int i = 0; i < count; ++i) {
            m_batcher->add(m_next++);
        }
        m_batcher->flush();
        Q_EMIT done();
    }
    // One result per millisecond: a slow producer must still be batched.
    void produceSlowly(int count)
    {
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [this, timer, count]() mutable {
            m_batcher->add(m_next++);
            if (--count == 0) {
                timer->deleteLater();
                m_batcher->flush();
                Q_EMIT done();
            }
        });
        timer->start(1);
    }
    void produceForever()
    {
        for (int i = 0; i < 1000; ++i) {
            m_batcher->add(m_next++);
        }
        QTimer::singleShot(0, this, &CountingEngine::produceForever);
    }

Q_SIGNALS:
    void started(QThread *thread);
    void results(const QList<int> &batch);
    void done();

private:
    std::atomic<QThread *> *m_deletedOn;
    std::unique_ptr<Net::ResultBatcher<int>> m_batcher;
    int m_next = 0;
};

// Owns a Connection made on the worker thread, and forwards its question.
class ConnectingEngine : public QObject
{
    Q_OBJECT

public:
    explicit ConnectingEngine(Net::ConnectionSettings settings)
        : m_settings(std::move(settings))
    { }

public Q_SLOTS:
    void start()
    {
        m_connection = new Net::Connection(m_settings, this);
        connect(m_connection, &Net::Connection::trustQuestion, this, &ConnectingEngine::question);
        connect(m_connection, &Net::Connection::ready, this, [this] {
            m_connection->sendLine("a1 FETCH 1:* ALL");
            m_connection->setResponsePending(true);
            Q_EMIT connected(QThread::currentThread());
        });
        connect(
            m_connection, &Net::Connection::failed, this, [this](const Net::NetError &e) { Q_EMIT failed(e.message); });
        m_connection->open();
    }

public:
    void answer(quint64 id, Net::TrustAnswer answer) { m_connection->answerTrustQuestion(id, answer); }

Q_SIGNALS:
    void question(const Satchel::Net::TrustQuestion &question);
    void connected(QThread *thread);
    void failed(const QString &message);

private:
    Net::ConnectionSettings m_settings;
    Net::Connection *m_connection = nullptr;
};

class TestEngineThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultsArriveOnGuiThreadInBatches_data();
    void resultsArriveOnGuiThreadInBatches();
    void trustQuestionRoundTripsAcrossThreads();
    void shutdownWithWorkInFlight_data();
    void shutdownWithWorkInFlight();
    void engineRunsBelowTheGuiThreadsPriority();
};

void TestEngineThread::resultsArriveOnGuiThreadInBatches_data()
{
    QTest::addColumn<bool>("slowly");
    QTest::addColumn<int>("count");
    QTest::newRow("100,000 results at once") << false << 100000;
    QTest::newRow("300 results, one per ms") << true << 300;
}

void TestEngineThread::resultsArriveOnGuiThreadInBatches()
{
    QFETCH(bool, slowly);
    QFETCH(int, count);
    std::atomic<QThread *> deletedOn { nullptr };
    QThread *engineThread = nullptr;
    QList<int> received;
    int batches = 0;
    bool allOnGuiThread = true;
    bool done = false;
    QElapsedTimer elapsed;
    {
        Net::EngineThread<CountingEngine> host(QStringLiteral("counting"), &deletedOn);
        connect(host.engine(), &CountingEngine::started, this, [&](QThread *t) { engineThread = t; });
        connect(host.engine(), &CountingEngine::results, this, [&](const QList<int> &batch) {
            allOnGuiThread = allOnGuiThread && QThread::currentThread() == thread();
            ++batches;
            received += batch;
        });
        connect(host.engine(), &CountingEngine::done, this, [&] { done = true; });
        host.start();
        elapsed.start();
        host.post([slowly, count](
                      CountingEngine &engine) { slowly ? engine.produceSlowly(count) : engine.produceAtOnce(count); });
        QTRY_VERIFY_WITH_TIMEOUT(done && received.size() == count, 20000);
        QVERIFY(engineThread != nullptr);
        QVERIFY(engineThread != QThread::currentThread());
        QCOMPARE(engineThread, host.thread());
    }
    const qint64 ms = elapsed.elapsed();
    QVERIFY(allOnGuiThread);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(received.at(i), i);
    }
    // At most one batch per 16 ms (plus the final flush), never one signal per result.
    QVERIFY2(batches <= ms / 16 + 2, qPrintable(QStringLiteral("%1 batches in %2 ms").arg(batches).arg(ms)));
    // A burst leaves in few batches. Results that trickle in are held to the rate above
    // only: on a loaded machine the producer's 1 ms ticks may come 16 ms apart, and then
    // one result a batch is right.
    if (!slowly) {
        QVERIFY2(batches * 10 < count, qPrintable(QStringLiteral("%1 batches for %2 results").arg(batches).arg(count)));
    }
    qInfo("%d results in %d batches over %lld ms", count, batches, ms);
    // The engine was deleted on its own thread, after the host went away.
    QCOMPARE(deletedOn.load(), engineThread);
}

void TestEngineThread::trustQuestionRoundTripsAcrossThreads()
{
    FakeServer server(QStringLiteral("S: * OK hi\nC: a1 FETCH 1:* ALL\nSTALL"));
    server.setCertificate(TestPki::selfSigned({ QStringLiteral("127.0.0.1") }));
    server.setImplicitTls(true);
    Net::ConnectionSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = server.start();

    QList<Net::TrustQuestion> questions;
    QThread *connectedOn = nullptr;
    QString failure;
    Net::EngineThread<ConnectingEngine> host(QStringLiteral("connecting"), settings);
    connect(host.engine(), &ConnectingEngine::question, this, [&](const Net::TrustQuestion &q) {
        QCOMPARE(QThread::currentThread(), thread()); // asked on the GUI thread
        questions.append(q);
        host.post([id = q.id](ConnectingEngine &engine) { engine.answer(id, Net::TrustAnswer::TrustOnce); });
    });
    connect(host.engine(), &ConnectingEngine::connected, this, [&](QThread *t) { connectedOn = t; });
    connect(host.engine(), &ConnectingEngine::failed, this, [&](const QString &m) { failure = m; });
    host.start();
    QTRY_VERIFY_WITH_TIMEOUT(connectedOn != nullptr || !failure.isEmpty(), 10000);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(questions.size(), 1);
    QVERIFY(questions.constFirst().id != 0);
    QCOMPARE(connectedOn, host.thread());
    QTRY_COMPARE_WITH_TIMEOUT(server.received(), QList<QByteArray> { "a1 FETCH 1:* ALL" }, 10000);
}

void TestEngineThread::shutdownWithWorkInFlight_data()
{
    QTest::addColumn<QString>("work");
    QTest::newRow("response pending on a stalled server") << QStringLiteral("stalled");
    QTest::newRow("trust question never answered") << QStringLiteral("question");
    QTest::newRow("busy producer") << QStringLiteral("producer");
}

void TestEngineThread::shutdownWithWorkInFlight()
{
    QFETCH(QString, work);
    TestPki pki;
    FakeServer server(QStringLiteral("S: * OK hi\nC: a1 FETCH 1:* ALL\nSTALL"));
    server.setImplicitTls(true);
    Net::ConnectionSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.trust = std::make_shared<Net::TrustStore>();
    if (work == QLatin1String("question")) {
        server.setCertificate(TestPki::selfSigned({ QStringLiteral("127.0.0.1") }));
    } else {
        server.setCertificate(pki.issue({ QStringLiteral("127.0.0.1") }));
        settings.trust->addCaCertificates({ pki.ca().certificate });
    }
    settings.port = server.start();

    QElapsedTimer elapsed;
    qint64 shutdownMs = -1; // the host's destructor: stopping the engine and joining its thread
    if (work == QLatin1String("producer")) {
        std::atomic<QThread *> deletedOn { nullptr };
        int batches = 0;
        QObject guard; // context of the connection: batches still queued after shutdown go nowhere
        {
            Net::EngineThread<CountingEngine> host(QStringLiteral("producer"), &deletedOn);
            connect(host.engine(), &CountingEngine::results, &guard, [&] { ++batches; });
            host.start();
            host.post([](CountingEngine &engine) { engine.produceForever(); });
            QTRY_VERIFY_WITH_TIMEOUT(batches >= 3, 10000);
            elapsed.start();
        }
        shutdownMs = elapsed.elapsed();
        QVERIFY(deletedOn.load() != nullptr);
    } else {
        bool reached = false;
        {
            Net::EngineThread<ConnectingEngine> host(QStringLiteral("connecting"), settings);
            connect(host.engine(), &ConnectingEngine::question, this, [&] { reached = true; });
            connect(host.engine(), &ConnectingEngine::connected, this, [&] { reached = true; });
            host.start();
            QTRY_VERIFY_WITH_TIMEOUT(reached, 10000);
            if (work == QLatin1String("stalled")) {
                QTRY_COMPARE_WITH_TIMEOUT(server.received().size(), 1, 10000);
            }
            elapsed.start();
        }
        shutdownMs = elapsed.elapsed();
        // The connection went with the engine (the server sees it closed soon after).
        QTRY_VERIFY_WITH_TIMEOUT(server.clientGone(), 10000);
    }
    QVERIFY2(shutdownMs < 2000, qPrintable(QStringLiteral("shutdown took %1 ms").arg(shutdownMs)));
}

void TestEngineThread::engineRunsBelowTheGuiThreadsPriority()
{
#if defined(Q_OS_LINUX)
    // The nice value of a thread (Linux keeps one per thread, man 2 setpriority).
    const auto niceOfThisThread = [] {
        errno = 0;
        return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
    };
    const int gui = niceOfThisThread();
    std::atomic<int> engine { -100 };
    std::atomic<QThread *> deletedOn { nullptr };
    {
        Net::EngineThread<CountingEngine> host(QStringLiteral("nice"), &deletedOn);
        host.start();
        host.post([&engine, niceOfThisThread](CountingEngine &) { engine = niceOfThisThread(); });
        QTRY_VERIFY_WITH_TIMEOUT(engine != -100, 10000);
    }
    QCOMPARE(niceOfThisThread(), gui); // the GUI thread's own is untouched
    // 5 above, up to the top (19) for a test run that is niced itself.
    QCOMPARE(engine.load(), std::min(gui + 5, 19));
#else
    // Elsewhere QThread's priorities work, and the engine's thread takes LowPriority.
    std::atomic<int> engine { -1 };
    std::atomic<QThread *> deletedOn { nullptr };
    {
        Net::EngineThread<CountingEngine> host(QStringLiteral("nice"), &deletedOn);
        host.start();
        host.post([&engine](CountingEngine &) { engine = int(QThread::currentThread()->priority()); });
        QTRY_VERIFY_WITH_TIMEOUT(engine != -1, 10000);
    }
    QCOMPARE(engine.load(), int(QThread::LowPriority));
#endif
}

QTEST_GUILESS_MAIN(TestEngineThread)
#include "tst_engine_thread.moc"
