// The IMAP account engine against the real Dovecot, as the mail window drives it: on
// its own thread (EngineThread), requests posted as queued calls, results read from
// queued signals, and what it did checked on the server (satchel-cli, another
// process) and in the cache file it wrote (read here with Qt SQL, read-only).
// User dave, in folders of this run only ("Engine-<id>-..."): tst_imap_cli uses dave
// too, in folders of its own. A relay in front of Dovecot lets one test take the
// server away and bring it back, to see offline changes queued and then replayed, and
// another quit the engine in between, to see the queue kept in the cache file.
#include "protocols/imap/BodyCache.h"
#include "protocols/imap/ImapAccountEngine.h"
#include "protocols/net/EngineThread.h"
#include "tests/common/CliRunner.h"
#include "tests/common/TestData.h"
#include "tests/common/TestServerEnv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Satchel;
using namespace Satchel::Imap;
using namespace Satchel::Test;

namespace {

constexpr int kTimeout = 20000; // ms; a request on loopback takes milliseconds

QString demoMail(const char *name)
{
    return qEnvironmentVariable("SATCHEL_SOURCE_DIR") + QStringLiteral("/tests/data/demo/mail/") + QLatin1String(name);
}

// Records what an engine emits. It lives on the test's thread, so every signal of the
// engine arrives queued, the way the mail window gets them.
class Recorder : public QObject
{
public:
    void attach(ImapAccountEngine *engine)
    {
        connect(engine, &ImapAccountEngine::connected, this, [this] { ++connects; });
        connect(engine, &ImapAccountEngine::connectionLost, this, [this](const OperationError &e) { lost.append(e); });
        connect(engine, &ImapAccountEngine::foldersListed, this,
            [this](const QList<FolderInfo> &folders, const QHash<QString, int> &unread) {
                listings.append(folders);
                lastUnread = unread;
            });
        connect(engine, &ImapAccountEngine::folderSynced, this,
            [this](quint64 id, const QString &folder, const FolderSync::Result &result) {
                if (id == 0) {
                    ownSyncs.append(folder);
                } else {
                    synced.insert(id, result);
                }
            });
        connect(engine, &ImapAccountEngine::messageFetched, this,
            [this](quint64 id, const QString &, quint32, const QByteArray &message) { fetched.insert(id, message); });
        connect(engine, &ImapAccountEngine::searchDone, this,
            [this](quint64 id, const QString &, const QList<quint32> &uids) { searches.insert(id, uids); });
        connect(engine, &ImapAccountEngine::operationDone, this, [this](quint64 id) { done.insert(id); });
        connect(engine, &ImapAccountEngine::operationQueued, this, [this](quint64 id) { queued.insert(id); });
        connect(engine, &ImapAccountEngine::operationFailed, this,
            [this](quint64 id, const OperationError &e) { failures.insert(id, e); });
        connect(engine, &ImapAccountEngine::watching, this, [this](const QString &folder) { watching.append(folder); });
        connect(engine, &ImapAccountEngine::newMail, this,
            [this](const QString &folder, const QList<MessageSummary> &messages) {
                for (const MessageSummary &m : messages) {
                    newMail.append({ folder, m.envelope.subject });
                }
            });
    }

    bool answered(quint64 id) const
    {
        return done.contains(id) || failures.contains(id) || synced.contains(id) || fetched.contains(id)
            || searches.contains(id) || queued.contains(id);
    }
    // For failure messages: what went wrong so far.
    QString story() const
    {
        QStringList lines;
        for (const OperationError &e : lost) {
            lines.append(QStringLiteral("connection lost: ") + e.message);
        }
        for (auto it = failures.cbegin(); it != failures.cend(); ++it) {
            lines.append(QStringLiteral("request %1 failed: %2").arg(it.key()).arg(it->message));
        }
        return lines.isEmpty() ? QStringLiteral("(no errors)") : lines.join(QLatin1Char('\n'));
    }

    int connects = 0;
    QList<OperationError> lost;
    QList<QList<FolderInfo>> listings;
    QHash<QString, int> lastUnread;
    QStringList ownSyncs; // folders synced by the engine itself (requestId 0)
    QHash<quint64, FolderSync::Result> synced;
    QHash<quint64, QByteArray> fetched;
    QHash<quint64, QList<quint32>> searches;
    QSet<quint64> done;
    QSet<quint64> queued;
    QHash<quint64, OperationError> failures;
    QStringList watching;
    QList<std::pair<QString, QString>> newMail; // folder, subject
};

using EngineHost = Net::EngineThread<ImapAccountEngine>;

// One engine on its thread, with its recorder.
struct Engine {
    Recorder recorder;
    std::unique_ptr<EngineHost> host;
    template<class Call> void post(Call &&call) { host->post(std::forward<Call>(call)); }
};

// A TCP relay on loopback in front of a server: stop() takes the server away (every
// relayed connection is reset, new ones are refused), listen() on the same port brings
// it back. Lives on the test's thread; QTRY_ waits keep it running.
class TcpRelay : public QObject
{
public:
    explicit TcpRelay(quint16 target)
        : m_target(target)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &TcpRelay::accept);
    }

    bool listen(quint16 port = 0)
    {
        if (!m_server.listen(QHostAddress::LocalHost, port)) {
            return false;
        }
        m_port = m_server.serverPort();
        return true;
    }
    quint16 port() const { return m_port; }
    // Bytes the clients have sent on towards the server, all connections together.
    qint64 bytesUpstream() const { return m_bytesUpstream; }

    // Held: what the server sends waits in the relay (the client hears nothing; a
    // command it sent stays unanswered); released, it all goes through.
    void hold(bool held)
    {
        m_held = held;
        if (!held) {
            for (const auto &[client, upstream] : std::as_const(m_pairs)) {
                if (client && upstream) {
                    pipe(upstream, client);
                }
            }
        }
    }

    void stop()
    {
        m_server.close();
        for (QTcpSocket *socket : std::as_const(m_sockets)) {
            socket->abort();
            socket->deleteLater();
        }
        m_sockets.clear();
    }

private:
    // Passes on what `from` has, once `to` is connected; returns how many bytes.
    static qint64 pipe(QTcpSocket *from, QTcpSocket *to)
    {
        if (to->state() == QAbstractSocket::ConnectedState && from->bytesAvailable() > 0) {
            return to->write(from->readAll());
        }
        return 0;
    }

    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            client->setParent(this);
            auto *upstream = new QTcpSocket(this);
            m_sockets << client << upstream;
            // Each pair dies together (stop()); a socket as the context ends its lambdas with it.
            const auto up = [this, client, upstream] { m_bytesUpstream += pipe(client, upstream); };
            connect(client, &QTcpSocket::readyRead, upstream, up);
            connect(upstream, &QTcpSocket::connected, client, up);
            connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
                if (!m_held) {
                    pipe(upstream, client);
                }
            });
            m_pairs.append(std::make_pair(QPointer<QTcpSocket>(client), QPointer<QTcpSocket>(upstream)));
            connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
            connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            upstream->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }

    QTcpServer m_server;
    quint16 m_target;
    quint16 m_port = 0;
    QList<QTcpSocket *> m_sockets;
    QList<std::pair<QPointer<QTcpSocket>, QPointer<QTcpSocket>>> m_pairs;
    bool m_held = false;
    qint64 m_bytesUpstream = 0;
};

// Reads the cache file the engine writes, read-only, as the message list does.
class CacheReader
{
public:
    explicit CacheReader(QString path)
        : m_path(std::move(path))
    { }

    // UID -> flags text, of one folder.
    QHash<quint32, QString> flags(const QString &folder) const
    {
        QHash<quint32, QString> rows;
        query(QStringLiteral("SELECT m.uid, m.flags FROM messages m JOIN folders f ON f.id = m.folder_id"
                             " WHERE f.name = ?"),
            { folder }, [&rows](QSqlQuery &q) { rows.insert(q.value(0).toUInt(), q.value(1).toString()); });
        return rows;
    }
    QHash<quint32, QString> subjects(const QString &folder) const
    {
        QHash<quint32, QString> rows;
        query(QStringLiteral("SELECT m.uid, m.subject FROM messages m JOIN folders f ON f.id = m.folder_id"
                             " WHERE f.name = ?"),
            { folder }, [&rows](QSqlQuery &q) { rows.insert(q.value(0).toUInt(), q.value(1).toString()); });
        return rows;
    }
    quint32 uidValidity(const QString &folder) const
    {
        quint32 validity = 0;
        query(QStringLiteral("SELECT uidvalidity FROM folders WHERE name = ?"), { folder },
            [&validity](QSqlQuery &q) { validity = q.value(0).toUInt(); });
        return validity;
    }
    // The offline change queue, oldest first, as "kind:uids" (1 set flags, 2 move).
    QStringList queued() const
    {
        QStringList rows;
        query(QStringLiteral("SELECT kind, uids FROM pending_changes ORDER BY seq"), {},
            [&rows](QSqlQuery &q) { rows.append(QString::number(q.value(0).toInt()) + u':' + q.value(1).toString()); });
        return rows;
    }

private:
    void query(const QString &sql, const QVariantList &values, const std::function<void(QSqlQuery &)> &row) const
    {
        static int serial = 0;
        const QString connection = QStringLiteral("engine-cache-%1").arg(++serial);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(m_path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (!db.open()) {
                qWarning("cannot open %s: %s", qPrintable(m_path), qPrintable(db.lastError().text()));
            } else {
                QSqlQuery q(db);
                q.prepare(sql);
                for (const QVariant &value : values) {
                    q.addBindValue(value);
                }
                if (!q.exec()) {
                    qWarning("cache query failed: %s", qPrintable(q.lastError().text()));
                }
                while (q.next()) {
                    row(q);
                }
                q.finish();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(connection);
    }

    QString m_path;
};

} // namespace

// Fails with everything the engine reported when a wait runs out.
#define WAIT_FOR(engine, condition)                                                                                    \
    QTRY_VERIFY2_WITH_TIMEOUT((condition), qPrintable((engine).recorder.story()), kTimeout)

class TestImapEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startListsFoldersAndSyncsInbox();
    void syncFillsTheCache();
    void fetchGivesTheExactBytesAndKeepsThem();
    void setFlagsReachesServerAndCache();
    void searchFindsNonAsciiSubject();
    void moveAndDelete();
    void newMailWhileWatching();
    void offlineChangesAreReplayedOnReconnect();
    void offlineChangesSurviveARestart();
    void cancelStopsWaitingAndRunningRequests();
    void unreachableServerFailsInWords();

private:
    std::unique_ptr<Engine> startEngine(quint16 port, const QString &cachePath);
    ImapSession::Options options(quint16 port) const;
    QString folder(const char *suffix) const { return m_prefix + QLatin1String(suffix); }
    bool mkfolder(const QString &name) const;
    bool seed(const QString &name, const QStringList &files) const;
    CliResult cli(const QStringList &command) const;
    // UID -> flags (without \Recent) of the folder, as the server has them now.
    QHash<quint32, QSet<QString>> serverFlags(const QString &name) const;
    QString writeMessage(const QString &name, const QByteArray &bytes);

    std::optional<TestServerEnv> m_env;
    QTemporaryDir m_dir;
    QString m_prefix;
    quint16 m_imaps = 0;
    std::shared_ptr<Net::TrustStore> m_trust;
    std::unique_ptr<Engine> m_engine; // the main engine, on the real port
    QString m_cachePath;
    quint64 m_nextId = 1;
};

void TestImapEngine::initTestCase()
{
    QString error;
    m_env = TestServerEnv::load(QStringLiteral("dovecot"), &error);
    QVERIFY2(m_env.has_value(), qPrintable(error));
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(CliRunner::cliPath()), qPrintable(CliRunner::cliPath()));
    QVERIFY2(QFile::exists(demoMail("02-travel.eml")), "SATCHEL_SOURCE_DIR must point at the sources");
    QVERIFY(!m_env->value(QStringLiteral("DOVECOT_PASSWORD_dave")).isEmpty());
    m_imaps = m_env->port(QStringLiteral("DOVECOT_IMAPS_PORT"));
    m_trust = std::make_shared<Net::TrustStore>();
    QVERIFY2(m_trust->addCaFile(m_env->value(QStringLiteral("DOVECOT_CA")), &error), qPrintable(error));

    // Folders of this run only: a second run against the same server starts clean.
    m_prefix = QStringLiteral("Engine-%1-").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    for (const char *name : { "Main", "Archive", "Watch", "Offline", "Restart", "Restart-Moved" }) {
        QVERIFY(mkfolder(folder(name)));
    }
    // Main: UIDs 1 welcome, 2 travel (a non-ASCII subject), 3 report.
    QVERIFY(seed(folder("Main"), { demoMail("01-welcome.eml"), demoMail("02-travel.eml"), demoMail("03-report.eml") }));
    QVERIFY(
        seed(folder("Offline"), { demoMail("01-welcome.eml"), demoMail("02-travel.eml"), demoMail("03-report.eml") }));
    QVERIFY(
        seed(folder("Restart"), { demoMail("01-welcome.eml"), demoMail("02-travel.eml"), demoMail("03-report.eml") }));

    m_cachePath = m_dir.filePath(QStringLiteral("cache/dave.sqlite")); // the folder does not exist yet
    m_engine = startEngine(m_imaps, m_cachePath);
}

ImapSession::Options TestImapEngine::options(quint16 port) const
{
    ImapSession::Options o;
    o.connection.host = m_env->value(QStringLiteral("DOVECOT_HOST"));
    o.connection.port = port;
    o.connection.policy = Net::TlsPolicy::ImplicitTls;
    o.connection.trust = m_trust;
    o.connection.connectTimeout = std::chrono::seconds(10);
    o.credentials = { QStringLiteral("dave"), m_env->value(QStringLiteral("DOVECOT_PASSWORD_dave")) };
    return o;
}

std::unique_ptr<Engine> TestImapEngine::startEngine(quint16 port, const QString &cachePath)
{
    auto engine = std::make_unique<Engine>();
    engine->host = std::make_unique<EngineHost>(QStringLiteral("imap-engine"), options(port), cachePath);
    engine->recorder.attach(engine->host->engine()); // before start(): nothing is missed
    engine->host->start();
    return engine;
}

bool TestImapEngine::mkfolder(const QString &name) const
{
    QString output;
    const bool ok = runServerScript(QStringLiteral("dovecot.sh"),
        { QStringLiteral("mkfolder"), qEnvironmentVariable("SATCHEL_TEST_SERVERS") + QStringLiteral("/dovecot"),
            QStringLiteral("dave"), name },
        &output);
    if (!ok) {
        qWarning("mkfolder %s failed: %s", qPrintable(name), qPrintable(output));
    }
    return ok;
}

bool TestImapEngine::seed(const QString &name, const QStringList &files) const
{
    QString output;
    const bool ok = runServerScript(QStringLiteral("dovecot.sh"),
        QStringList { QStringLiteral("seed"), qEnvironmentVariable("SATCHEL_TEST_SERVERS") + QStringLiteral("/dovecot"),
            QStringLiteral("dave"), name }
            + files,
        &output);
    if (!ok) {
        qWarning("seeding %s failed: %s", qPrintable(name), qPrintable(output));
    }
    return ok;
}

CliResult TestImapEngine::cli(const QStringList &command) const
{
    CliRunner runner;
    runner.setPassword(m_env->value(QStringLiteral("DOVECOT_PASSWORD_dave")));
    const QString url = QStringLiteral("imaps://dave@127.0.0.1:%1").arg(m_imaps);
    return runner.run(QStringList { QStringLiteral("--ca-file"), m_env->value(QStringLiteral("DOVECOT_CA")),
                          QStringLiteral("--json"), QStringLiteral("imap"), url }
        + command);
}

QHash<quint32, QSet<QString>> TestImapEngine::serverFlags(const QString &name) const
{
    QHash<quint32, QSet<QString>> flags;
    const CliResult r = cli({ QStringLiteral("list"), name });
    if (r.exitCode != 0 || !r.json().isArray()) {
        qWarning("list %s failed (%d): %s", qPrintable(name), r.exitCode, r.err.constData());
        return flags;
    }
    for (const QJsonValue &v : r.json().array()) {
        QSet<QString> set;
        for (const QJsonValue &f : v.toObject().value(QStringLiteral("flags")).toArray()) {
            if (f.toString() != QLatin1String("\\Recent")) {
                set.insert(f.toString());
            }
        }
        flags.insert(static_cast<quint32>(v.toObject().value(QStringLiteral("uid")).toInteger()), set);
    }
    return flags;
}

QString TestImapEngine::writeMessage(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
        return {};
    }
    return path;
}

void TestImapEngine::startListsFoldersAndSyncsInbox()
{
    Engine &e = *m_engine;
    WAIT_FOR(e, e.recorder.connects == 1 && !e.recorder.listings.isEmpty());
    QStringList names;
    FolderInfo main;
    for (const FolderInfo &f : std::as_const(e.recorder.listings.constFirst())) {
        names.append(f.name);
        if (f.name == folder("Main")) {
            main = f;
        }
    }
    for (const QString &name : { QStringLiteral("INBOX"), folder("Main"), folder("Archive"), folder("Watch") }) {
        QVERIFY2(names.contains(name), qPrintable(name + QStringLiteral(" not in ") + names.join(u',')));
    }
    // mkfolder subscribes (doveadm mailbox create -s): LSUB shows it.
    QVERIFY2(main.attributes.contains("\\Subscribed"), qPrintable(QString::fromUtf8(main.attributes.join(' '))));
    // Dovecot has LIST-STATUS: the counts come with the list.
    QCOMPARE(e.recorder.lastUnread.value(folder("Main"), -1), 3);
    // Then INBOX, by the engine itself.
    WAIT_FOR(e, e.recorder.ownSyncs.contains(QStringLiteral("INBOX")));
    QVERIFY2(e.recorder.failures.isEmpty() && e.recorder.lost.isEmpty(), qPrintable(e.recorder.story()));
    QVERIFY(QFile::exists(m_cachePath));
}

void TestImapEngine::syncFillsTheCache()
{
    Engine &e = *m_engine;
    const quint64 id = m_nextId++;
    const QString main = folder("Main");
    e.post([id, main](ImapAccountEngine &engine) { engine.syncFolder(id, main); });
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY2(e.recorder.synced.contains(id), qPrintable(e.recorder.story()));
    const FolderSync::Result result = e.recorder.synced.value(id);
    QCOMPARE(result.total, 3);
    QCOMPARE(result.added, 3);
    QVERIFY(result.fullResync);

    const CacheReader cache(m_cachePath);
    const QHash<quint32, QString> subjects = cache.subjects(main);
    QCOMPARE(subjects.size(), 3);
    QCOMPARE(subjects.value(1), QStringLiteral("Welcome to Satchel"));
    QCOMPARE(subjects.value(2), QStringLiteral("Reisepläne für Dezember ✈"));
    QVERIFY(cache.uidValidity(main) > 0);

    // Again: nothing new, nothing changed.
    const quint64 again = m_nextId++;
    e.post([again, main](ImapAccountEngine &engine) { engine.syncFolder(again, main); });
    WAIT_FOR(e, e.recorder.answered(again));
    QVERIFY2(e.recorder.synced.contains(again), qPrintable(e.recorder.story()));
    QCOMPARE(e.recorder.synced.value(again).added, 0);
    QCOMPARE(e.recorder.synced.value(again).total, 3);
    QVERIFY(!e.recorder.synced.value(again).fullResync);
}

void TestImapEngine::fetchGivesTheExactBytesAndKeepsThem()
{
    Engine &e = *m_engine;
    const QString main = folder("Main");
    const QByteArray travel = crlf(readAll(demoMail("02-travel.eml")));
    QVERIFY(!travel.isEmpty());

    const quint64 id = m_nextId++;
    e.post([id, main](ImapAccountEngine &engine) { engine.fetchMessage(id, main, 2); });
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY2(e.recorder.fetched.contains(id), qPrintable(e.recorder.story()));
    QCOMPARE(e.recorder.fetched.value(id), travel);

    // Kept next to the cache, under the folder's UIDVALIDITY.
    const QString kept = BodyCache(m_cachePath).pathFor(main, CacheReader(m_cachePath).uidValidity(main), 2);
    QVERIFY2(kept.startsWith(m_cachePath + QStringLiteral(".bodies/")), qPrintable(kept));
    QVERIFY2(QFile::exists(kept), qPrintable(kept));
    QCOMPARE(readAll(kept), travel);
    QVERIFY2(!kept.contains(main), "the folder name must not become part of the path");

    // The second fetch is served from that file: change it and see the change.
    const QByteArray marker = "Subject: from the body cache\r\n\r\nmarker\r\n";
    {
        QFile f(kept);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(marker), qint64(marker.size()));
    }
    const quint64 second = m_nextId++;
    e.post([second, main](ImapAccountEngine &engine) { engine.fetchMessage(second, main, 2); });
    WAIT_FOR(e, e.recorder.answered(second));
    QCOMPARE(e.recorder.fetched.value(second), marker);
    {
        QFile f(kept);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(travel), qint64(travel.size()));
    }

    // A UID the folder does not have: NotFound, in words.
    const quint64 missing = m_nextId++;
    e.post([missing, main](ImapAccountEngine &engine) { engine.fetchMessage(missing, main, 999); });
    WAIT_FOR(e, e.recorder.answered(missing));
    QVERIFY(e.recorder.failures.contains(missing));
    QCOMPARE(e.recorder.failures.value(missing).kind, OperationError::Kind::NotFound);
    QVERIFY2(e.recorder.failures.value(missing).message.contains(QStringLiteral("999")),
        qPrintable(e.recorder.failures.value(missing).message));
}

void TestImapEngine::setFlagsReachesServerAndCache()
{
    Engine &e = *m_engine;
    const QString main = folder("Main");

    // By name, as a GUI may call it: the slot's argument types are registered.
    const quint64 id = m_nextId++;
    const QList<quint32> uids { 1 };
    const QList<QByteArray> add { "\\Flagged", "\\Seen" };
    const QList<QByteArray> none;
    QVERIFY(QMetaObject::invokeMethod(e.host->engine(), "setFlags", Qt::QueuedConnection, Q_ARG(quint64, id),
        Q_ARG(QString, main), Q_ARG(QList<quint32>, uids), Q_ARG(QList<QByteArray>, add),
        Q_ARG(QList<QByteArray>, none)));
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY2(e.recorder.done.contains(id), qPrintable(e.recorder.story()));

    QHash<quint32, QSet<QString>> server = serverFlags(main);
    QVERIFY(server.value(1).contains(QStringLiteral("\\Flagged")));
    QVERIFY(server.value(1).contains(QStringLiteral("\\Seen")));
    QVERIFY(!server.value(2).contains(QStringLiteral("\\Flagged")));
    QString cached = CacheReader(m_cachePath).flags(main).value(1);
    QVERIFY2(
        cached.contains(QStringLiteral("\\Flagged")) && cached.contains(QStringLiteral("\\Seen")), qPrintable(cached));

    const quint64 clear = m_nextId++;
    e.post([clear, main](ImapAccountEngine &engine) { engine.setFlags(clear, main, { 1 }, {}, { "\\Seen" }); });
    WAIT_FOR(e, e.recorder.answered(clear));
    QVERIFY2(e.recorder.done.contains(clear), qPrintable(e.recorder.story()));
    server = serverFlags(main);
    QCOMPARE(server.value(1), QSet<QString> { QStringLiteral("\\Flagged") });
    cached = CacheReader(m_cachePath).flags(main).value(1);
    QVERIFY2(
        cached.contains(QStringLiteral("\\Flagged")) && !cached.contains(QStringLiteral("\\Seen")), qPrintable(cached));

    // Something that is not a flag is refused before anything is sent.
    const quint64 bad = m_nextId++;
    e.post([bad, main](ImapAccountEngine &engine) { engine.setFlags(bad, main, { 1 }, { "\\Seen) UID 1:*" }, {}); });
    WAIT_FOR(e, e.recorder.answered(bad));
    QVERIFY(e.recorder.failures.contains(bad));
    QVERIFY(!serverFlags(main).value(1).contains(QStringLiteral("\\Seen")));
}

void TestImapEngine::searchFindsNonAsciiSubject()
{
    Engine &e = *m_engine;
    const QString main = folder("Main");
    const quint64 id = m_nextId++;
    e.post([id, main](ImapAccountEngine &engine) {
        engine.search(id, main, { QStringLiteral("SUBJECT"), QStringLiteral("Reisepläne") });
    });
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY2(e.recorder.searches.contains(id), qPrintable(e.recorder.story()));
    QCOMPARE(e.recorder.searches.value(id), QList<quint32> { 2 });

    const quint64 flagged = m_nextId++;
    e.post([flagged, main](ImapAccountEngine &engine) { engine.search(flagged, main, { QStringLiteral("FLAGGED") }); });
    WAIT_FOR(e, e.recorder.answered(flagged));
    QCOMPARE(e.recorder.searches.value(flagged), QList<quint32> { 1 });

    const quint64 bad = m_nextId++;
    e.post([bad, main](ImapAccountEngine &engine) { engine.search(bad, main, { QStringLiteral("BOGUS") }); });
    WAIT_FOR(e, e.recorder.answered(bad));
    QVERIFY(e.recorder.failures.contains(bad));
    QVERIFY2(e.recorder.failures.value(bad).message.contains(QStringLiteral("BOGUS")),
        qPrintable(e.recorder.failures.value(bad).message));
}

void TestImapEngine::moveAndDelete()
{
    Engine &e = *m_engine;
    const QString main = folder("Main");
    const QString archive = folder("Archive");

    const quint64 move = m_nextId++;
    e.post([move, main, archive](ImapAccountEngine &engine) { engine.moveMessages(move, main, { 3 }, archive); });
    WAIT_FOR(e, e.recorder.answered(move));
    QVERIFY2(e.recorder.done.contains(move), qPrintable(e.recorder.story()));
    const QHash<quint32, QSet<QString>> kept = serverFlags(main);
    QCOMPARE(QSet<quint32>(kept.keyBegin(), kept.keyEnd()), (QSet<quint32> { 1, 2 }));
    const CliResult archived = cli({ QStringLiteral("list"), archive });
    QCOMPARE(archived.exitCode, 0);
    QCOMPARE(archived.json().array().size(), 1);
    QCOMPARE(archived.json().array().at(0).toObject().value(QStringLiteral("subject")).toString(),
        QStringLiteral("Quarterly report (with attachment)"));
    QVERIFY(!CacheReader(m_cachePath).flags(main).contains(3));

    // The same UID again: it is not there any more.
    const quint64 again = m_nextId++;
    e.post([again, main, archive](ImapAccountEngine &engine) { engine.moveMessages(again, main, { 3 }, archive); });
    WAIT_FOR(e, e.recorder.answered(again));
    QVERIFY(e.recorder.failures.contains(again));
    QCOMPARE(e.recorder.failures.value(again).kind, OperationError::Kind::NotFound);

    // Delete without a trash folder: \Deleted and UID EXPUNGE of exactly that message.
    const quint64 del = m_nextId++;
    e.post([del, main](ImapAccountEngine &engine) { engine.deleteMessages(del, main, { 1 }, QString()); });
    WAIT_FOR(e, e.recorder.answered(del));
    QVERIFY2(e.recorder.done.contains(del), qPrintable(e.recorder.story()));
    const QHash<quint32, QSet<QString>> left = serverFlags(main);
    QCOMPARE(QSet<quint32>(left.keyBegin(), left.keyEnd()), QSet<quint32> { 2 });
    const QHash<quint32, QString> cached = CacheReader(m_cachePath).flags(main);
    QCOMPARE(QSet<quint32>(cached.keyBegin(), cached.keyEnd()), QSet<quint32> { 2 });
}

void TestImapEngine::newMailWhileWatching()
{
    Engine &e = *m_engine;
    const QString watched = folder("Watch");
    e.post([watched](ImapAccountEngine &engine) { engine.watch(watched); });
    WAIT_FOR(e, e.recorder.watching.contains(watched));

    const QString subject = QStringLiteral("Engine watch %1").arg(QUuid::createUuid().toString(QUuid::Id128));
    const QString file = writeMessage(QStringLiteral("watch.eml"),
        "From: Someone <someone@example.org>\r\nTo: dave@example.org\r\nSubject: " + subject.toUtf8()
            + "\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\nNew mail while watching.\r\n");
    QVERIFY(!file.isEmpty());
    // Another process delivers it.
    const CliResult appended = cli({ QStringLiteral("append"), watched, file });
    QVERIFY2(appended.exitCode == 0, appended.err.constData());

    WAIT_FOR(e, e.recorder.newMail.contains(std::pair { watched, subject }));
    // Announced once it is in the cache.
    QVERIFY(e.recorder.ownSyncs.contains(watched));
    QVERIFY(CacheReader(m_cachePath).subjects(watched).values().contains(subject));
}

void TestImapEngine::offlineChangesAreReplayedOnReconnect()
{
    TcpRelay relay(m_imaps);
    QVERIFY(relay.listen());
    const QString cachePath = m_dir.filePath(QStringLiteral("relayed/dave.sqlite"));
    const QString offline = folder("Offline");
    {
        std::unique_ptr<Engine> relayed = startEngine(relay.port(), cachePath);
        Engine &e = *relayed;
        WAIT_FOR(e, e.recorder.connects == 1 && e.recorder.ownSyncs.contains(QStringLiteral("INBOX")));
        e.post([offline](ImapAccountEngine &engine) { engine.syncFolder(1, offline); });
        WAIT_FOR(e, e.recorder.synced.contains(1));
        // Opened once: readable offline later (unreachableServerFailsInWords).
        e.post([offline](ImapAccountEngine &engine) { engine.fetchMessage(2, offline, 1); });
        WAIT_FOR(e, e.recorder.fetched.contains(2));

        relay.stop();
        WAIT_FOR(e, !e.recorder.lost.isEmpty());
        QCOMPARE(e.recorder.lost.constFirst().kind, OperationError::Kind::Network);

        e.post([offline](ImapAccountEngine &engine) { engine.setFlags(3, offline, { 1 }, { "\\Flagged" }, {}); });
        e.post([offline](ImapAccountEngine &engine) { engine.deleteMessages(4, offline, { 2 }, QString()); });
        WAIT_FOR(e, e.recorder.queued.contains(3) && e.recorder.queued.contains(4));
        // In the cache at once; not on the server yet.
        const CacheReader cache(cachePath);
        QVERIFY2(cache.flags(offline).value(1).contains(QStringLiteral("\\Flagged")),
            qPrintable(cache.flags(offline).value(1)));
        QVERIFY(!cache.flags(offline).contains(2));
        QHash<quint32, QSet<QString>> server = serverFlags(offline);
        QVERIFY(!server.value(1).contains(QStringLiteral("\\Flagged")));
        QVERIFY(server.contains(2));

        // The server comes back: the engine reconnects by itself and replays, in order.
        QVERIFY(relay.listen(relay.port()));
        WAIT_FOR(e, e.recorder.done.contains(3) && e.recorder.done.contains(4));
        QVERIFY(e.recorder.connects >= 2);
        server = serverFlags(offline);
        QVERIFY(server.value(1).contains(QStringLiteral("\\Flagged")));
        QVERIFY(!server.contains(2));
        QVERIFY(server.contains(3));
        // Then the folder is read again, and the cache shows the server's state.
        WAIT_FOR(e, e.recorder.ownSyncs.contains(offline));
        const QHash<quint32, QString> cached = cache.flags(offline);
        QCOMPARE(QSet<quint32>(cached.keyBegin(), cached.keyEnd()), (QSet<quint32> { 1, 3 }));
        QVERIFY(cached.value(1).contains(QStringLiteral("\\Flagged")));
    }
    relay.stop();
}

void TestImapEngine::offlineChangesSurviveARestart()
{
    TcpRelay relay(m_imaps);
    QVERIFY(relay.listen());
    const QString cachePath = m_dir.filePath(QStringLiteral("restarted/dave.sqlite"));
    const QString restart = folder("Restart");
    const QString moved = folder("Restart-Moved");
    const CacheReader cache(cachePath);
    const QStringList bothQueued { QStringLiteral("1:1"), QStringLiteral("2:2") };
    {
        std::unique_ptr<Engine> before = startEngine(relay.port(), cachePath);
        Engine &e = *before;
        WAIT_FOR(e, e.recorder.connects == 1 && e.recorder.ownSyncs.contains(QStringLiteral("INBOX")));
        e.post([restart](ImapAccountEngine &engine) { engine.syncFolder(1, restart); });
        WAIT_FOR(e, e.recorder.synced.contains(1));

        relay.stop();
        WAIT_FOR(e, !e.recorder.lost.isEmpty());
        e.post([restart](ImapAccountEngine &engine) { engine.setFlags(2, restart, { 1 }, { "\\Flagged" }, {}); });
        e.post([restart, moved](ImapAccountEngine &engine) { engine.moveMessages(3, restart, { 2 }, moved); });
        WAIT_FOR(e, e.recorder.queued.contains(2) && e.recorder.queued.contains(3));
        // Written to the file as they are queued (a failure to would be said with id 0).
        QVERIFY2(!e.recorder.failures.contains(0), qPrintable(e.recorder.story()));
        QCOMPARE(cache.queued(), bothQueued);
    } // Satchel quits before the server is back.

    // Kept in the file, not on the server yet; the cache shows them as that run left it.
    QCOMPARE(cache.queued(), bothQueued);
    QHash<quint32, QSet<QString>> server = serverFlags(restart);
    QVERIFY(!server.value(1).contains(QStringLiteral("\\Flagged")));
    QVERIFY(server.contains(2));
    QVERIFY2(
        cache.flags(restart).value(1).contains(QStringLiteral("\\Flagged")), qPrintable(cache.flags(restart).value(1)));
    QVERIFY(!cache.flags(restart).contains(2));

    // The next run, on the same cache, with the server back: the changes are replayed
    // after its first login, and then the folder they touched is read again.
    QVERIFY(relay.listen(relay.port()));
    std::unique_ptr<Engine> after = startEngine(relay.port(), cachePath);
    Engine &e = *after;
    WAIT_FOR(e, e.recorder.connects == 1 && e.recorder.ownSyncs.contains(restart));
    QVERIFY2(e.recorder.failures.isEmpty(), qPrintable(e.recorder.story()));
    // Nobody in this run asked for them: nothing is answered (ids 2 and 3 were the
    // earlier run's, and a new run may give them to requests of its own).
    QVERIFY(e.recorder.done.isEmpty());

    server = serverFlags(restart);
    QVERIFY(server.value(1).contains(QStringLiteral("\\Flagged")));
    QVERIFY(!server.contains(2));
    QVERIFY(server.contains(3));
    const CliResult arrived = cli({ QStringLiteral("list"), moved });
    QCOMPARE(arrived.exitCode, 0);
    QCOMPARE(arrived.json().array().size(), 1);
    QCOMPARE(arrived.json().array().at(0).toObject().value(QStringLiteral("subject")).toString(),
        QStringLiteral("Reisepläne für Dezember ✈"));

    QVERIFY2(cache.queued().isEmpty(), qPrintable(cache.queued().join(u',')));
    const QHash<quint32, QString> cached = cache.flags(restart);
    QCOMPARE(QSet<quint32>(cached.keyBegin(), cached.keyEnd()), (QSet<quint32> { 1, 3 }));
    QVERIFY(cached.value(1).contains(QStringLiteral("\\Flagged")));

    after.reset();
    relay.stop();
}

// Cancel: a request still waiting is dropped; a running sync (its commands sent, the
// answers held back in the relay) stops with its connection, and a new one logs in at
// once for what comes next. Each is answered as cancelled.
void TestImapEngine::cancelStopsWaitingAndRunningRequests()
{
    TcpRelay relay(m_imaps);
    QVERIFY(relay.listen());
    const QString cachePath = m_dir.filePath(QStringLiteral("cancelled/dave.sqlite"));
    const QString offline = folder("Offline");
    std::unique_ptr<Engine> relayed = startEngine(relay.port(), cachePath);
    Engine &e = *relayed;
    WAIT_FOR(e, e.recorder.connects == 1 && e.recorder.ownSyncs.contains(QStringLiteral("INBOX")));

    // This engine watches no folder: its one connection is quiet now, so what goes
    // upstream from here on is request 10's SELECT.
    QVERIFY(e.recorder.watching.isEmpty());
    relay.hold(true);
    const qint64 sentBefore = relay.bytesUpstream();
    e.post([offline](ImapAccountEngine &engine) { engine.syncFolder(10, offline); });
    e.post([](ImapAccountEngine &engine) { engine.syncFolder(11, QStringLiteral("INBOX")); });
    // Request 10 runs once its SELECT is out; 11 waits behind it.
    QTRY_VERIFY_WITH_TIMEOUT(relay.bytesUpstream() > sentBefore, 10000);
    QTest::qWait(200);
    QVERIFY(!e.recorder.answered(10) && !e.recorder.answered(11));

    e.post([](ImapAccountEngine &engine) { engine.cancel(11); });
    WAIT_FOR(e, e.recorder.failures.contains(11));
    QCOMPARE(e.recorder.failures.value(11).kind, OperationError::Kind::Cancelled);
    QVERIFY(!e.recorder.answered(10));

    e.post([](ImapAccountEngine &engine) { engine.cancel(10); });
    WAIT_FOR(e, e.recorder.failures.contains(10));
    QCOMPARE(e.recorder.failures.value(10).kind, OperationError::Kind::Cancelled);
    QVERIFY(!e.recorder.synced.contains(10));

    // The account goes on: a new connection, and the same sync works when asked again.
    relay.hold(false);
    WAIT_FOR(e, e.recorder.connects >= 2);
    e.post([offline](ImapAccountEngine &engine) { engine.syncFolder(12, offline); });
    WAIT_FOR(e, e.recorder.synced.contains(12));
    // An unknown request (already answered) is ignored.
    e.post([](ImapAccountEngine &engine) { engine.cancel(10); });
    QTest::qWait(200);
    QCOMPARE(e.recorder.failures.count(), 2);
    relayed.reset();
    relay.stop();
}

void TestImapEngine::unreachableServerFailsInWords()
{
    // A port nobody listens on.
    quint16 deadPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        deadPort = probe.serverPort();
    }
    // The cache of the previous test: its folder was synced, one message opened.
    const QString cachePath = m_dir.filePath(QStringLiteral("relayed/dave.sqlite"));
    const QString offline = folder("Offline");
    std::unique_ptr<Engine> unreachable = startEngine(deadPort, cachePath);
    Engine &e = *unreachable;
    WAIT_FOR(e, !e.recorder.lost.isEmpty());
    const OperationError lost = e.recorder.lost.constFirst();
    QCOMPARE(lost.kind, OperationError::Kind::Network);
    QVERIFY2(lost.message.contains(QStringLiteral("refused")), qPrintable(lost.message));
    QCOMPARE(e.recorder.connects, 0);

    // A request that needs the server fails at once, saying why.
    e.post([offline](ImapAccountEngine &engine) { engine.syncFolder(1, offline); });
    WAIT_FOR(e, e.recorder.answered(1));
    QVERIFY(e.recorder.failures.contains(1));
    const OperationError failed = e.recorder.failures.value(1);
    QCOMPARE(failed.kind, OperationError::Kind::Network);
    QVERIFY2(failed.message.contains(QStringLiteral("offline")) && failed.message.contains(QStringLiteral("refused")),
        qPrintable(failed.message));

    // A flag change is applied to the cache and queued.
    e.post([offline](ImapAccountEngine &engine) { engine.setFlags(2, offline, { 1 }, { "$Engine" }, {}); });
    WAIT_FOR(e, e.recorder.answered(2));
    QVERIFY2(e.recorder.queued.contains(2), qPrintable(e.recorder.story()));
    const QString flags = CacheReader(cachePath).flags(offline).value(1);
    QVERIFY2(flags.contains(QStringLiteral("$Engine")), qPrintable(flags));

    // A message opened before is readable offline; one never opened is not.
    e.post([offline](ImapAccountEngine &engine) { engine.fetchMessage(3, offline, 1); });
    WAIT_FOR(e, e.recorder.answered(3));
    QCOMPARE(e.recorder.fetched.value(3), crlf(readAll(demoMail("01-welcome.eml"))));
    e.post([offline](ImapAccountEngine &engine) { engine.fetchMessage(4, offline, 3); });
    WAIT_FOR(e, e.recorder.answered(4));
    QVERIFY(e.recorder.failures.contains(4));
    QVERIFY2(e.recorder.failures.value(4).message.contains(QStringLiteral("offline")),
        qPrintable(e.recorder.failures.value(4).message));
}

QTEST_GUILESS_MAIN(TestImapEngine)
#include "tst_imap_engine.moc"
