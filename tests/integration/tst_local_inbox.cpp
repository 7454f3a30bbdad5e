// The local inbox engine of a POP3 account against the real Dovecot, as the mail window
// drives it: on its own thread (EngineThread), requests posted as queued calls, results
// read from queued signals, and what it did checked in the Maildir it writes, in its mail
// cache (a second MailCache on the test's thread, only read from) and on the server.
//
// The account is alice's. POP3 sees INBOX only (RFC 1939 has one mailbox per user), and
// no other test puts mail into alice's INBOX or counts it: tst_imap_cli's folder tests
// use her other folders, tst_dovecot_tls only logs her in, carol belongs to
// tst_pop3_cli. This test seeds its own messages; the last test downloads them with
// deleteAfterDownload, which leaves alice's INBOX empty again, as a fresh server has it
// (and as initTestCase makes it when an interrupted run left mail there).
#include "protocols/net/EngineThread.h"
#include "protocols/pop3/LocalInboxEngine.h"
#include "protocols/store/MailCache.h"
#include "tests/common/CliRunner.h"
#include "tests/common/TestData.h"
#include "tests/common/TestServerEnv.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <functional>
#include <memory>

using namespace Satchel;
using namespace Satchel::Pop3;
using namespace Satchel::Test;

namespace {

constexpr int kTimeout = 20000; // ms; a download of a few messages on loopback takes milliseconds
const QString kInbox = QStringLiteral("INBOX");
const QString kUser = QStringLiteral("alice");

// The seeded messages: what the POP3 transfer and the header parsing must get right.
struct Seed {
    const char *name;
    QString subject; // as the list shows it, RFC 2047 words decoded
    QByteArray bytes;
};

QList<Seed> seeds()
{
    return {
        { "plain", QStringLiteral("Lunch on Friday"),
            "From: Anna Berg <anna@example.org>\r\nTo: alice@example.org\r\nSubject: Lunch on Friday\r\n"
            "Date: Mon, 23 Nov 2026 09:15:00 +0100\r\nMessage-ID: <local-inbox-1@example.org>\r\n\r\n"
            "At noon?\r\n" },
        { "quoted-printable words, LF line ends", QStringLiteral("Grüße aus Köln"),
            "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.de>\nTo: alice@example.org\n"
            "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=\nDate: Tue, 24 Nov 2026 18:02:11 +0100\n"
            "Message-ID: <local-inbox-2@example.de>\nContent-Type: text/plain; charset=utf-8\n"
            "Content-Transfer-Encoding: 8bit\n\nGr\xc3\xbc\xc3\x9f"
            "e aus K\xc3\xb6ln!\n" },
        { "base64 words", QStringLiteral("Reisepläne für Dezember ✈"),
            "From: travel@example.org\r\nTo: alice@example.org\r\n"
            "Subject: =?UTF-8?B?UmVpc2VwbMOkbmUgZsO8ciBEZXplbWJlciDinIg=?=\r\n"
            "Date: Wed, 25 Nov 2026 07:00:00 +0000\r\nMessage-ID: <local-inbox-3@example.org>\r\n\r\nBon voyage\r\n" },
        { "dot-stuffed lines", QStringLiteral("Dots"),
            "From: dots@example.org\r\nTo: alice@example.org\r\nSubject: Dots\r\n"
            "Date: Thu, 26 Nov 2026 12:00:00 +0000\r\nMessage-ID: <local-inbox-4@example.org>\r\n\r\n"
            ".\r\n..\r\n.leading dot\r\nend\r\n" },
    };
}

struct SyncedResult {
    QString folder;
    int unseen = -1;
    bool changed = false;
};

// Records what an engine emits. It lives on the test's thread, so every signal of the
// engine arrives queued, the way the mail window gets them.
class Recorder : public QObject
{
public:
    void attach(LocalInboxEngine *engine)
    {
        connect(engine, &LocalInboxEngine::folderSynced, this,
            [this](quint64 id, const QString &folder, int unseen, bool changed) {
                if (id == 0) {
                    ownSyncs.append({ folder, unseen, changed });
                } else {
                    synced.insert(id, { folder, unseen, changed });
                }
            });
        connect(engine, &LocalInboxEngine::messageFetched, this,
            [this](quint64 id, const QString &folder, quint32, const QByteArray &message) {
                fetched.insert(id, message);
                fetchedFolders.insert(id, folder);
            });
        connect(engine, &LocalInboxEngine::operationDone, this, [this](quint64 id) { done.insert(id); });
        connect(engine, &LocalInboxEngine::searchDone, this,
            [this](quint64 id, const QString &, const QList<quint32> &uids) { found.insert(id, uids); });
        connect(engine, &LocalInboxEngine::operationFailed, this,
            [this](quint64 id, const OperationError &e) { failures.insert(id, e); });
        connect(engine, &LocalInboxEngine::newMail, this,
            [this](const QString &folder, const QList<Imap::MessageSummary> &messages) {
                newMailFolders.append(folder);
                newMail.append(messages);
            });
        connect(engine, &LocalInboxEngine::trustQuestion, this,
            [this](const Net::TrustQuestion &question) { questions.append(question); });
    }

    bool answered(quint64 id) const
    {
        return synced.contains(id) || fetched.contains(id) || done.contains(id) || found.contains(id)
            || failures.contains(id);
    }
    // For failure messages: what went wrong so far.
    QString story() const
    {
        QStringList lines;
        for (auto it = failures.cbegin(); it != failures.cend(); ++it) {
            lines.append(QStringLiteral("request %1 failed: %2").arg(it.key()).arg(it->message));
        }
        return lines.isEmpty() ? QStringLiteral("(no errors)") : lines.join(QLatin1Char('\n'));
    }

    QList<SyncedResult> ownSyncs; // by the engine itself (requestId 0)
    QHash<quint64, SyncedResult> synced;
    QHash<quint64, QByteArray> fetched;
    QHash<quint64, QString> fetchedFolders;
    QSet<quint64> done;
    QHash<quint64, QList<quint32>> found; // searchDone
    QHash<quint64, OperationError> failures;
    QStringList newMailFolders;
    QList<QList<Imap::MessageSummary>> newMail; // one entry per newMail signal
    QList<Net::TrustQuestion> questions;
};

using EngineHost = Net::EngineThread<LocalInboxEngine>;

// One engine on its thread, with its recorder and its files.
struct Engine {
    Recorder recorder;
    std::unique_ptr<EngineHost> host;
    LocalInboxEngine::Options options;
    template<class Call> void post(Call &&call) { host->post(std::forward<Call>(call)); }
};

QStringList subjectsOf(const QList<Imap::MessageSummary> &messages)
{
    QStringList subjects;
    for (const Imap::MessageSummary &m : messages) {
        subjects.append(m.envelope.subject);
    }
    subjects.sort();
    return subjects;
}

QStringList seededSubjects()
{
    QStringList subjects;
    for (const Seed &seed : seeds()) {
        subjects.append(seed.subject);
    }
    subjects.sort();
    return subjects;
}

QStringList messageFiles(const QString &maildir, const QString &sub)
{
    return QDir(maildir + u'/' + sub).entryList(QDir::Files);
}

} // namespace

// Fails with everything the engine reported when a wait runs out.
#define WAIT_FOR(engine, condition)                                                                                    \
    QTRY_VERIFY2_WITH_TIMEOUT((condition), qPrintable((engine).recorder.story()), kTimeout)

class TestLocalInbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void syncOfAnEmptyMaildir();
    void getNewMailDownloadsAndAnnounces();
    void fetchGivesTheFileBytes_data();
    void fetchGivesTheFileBytes();
    void fetchOfAnUnknownUidIsNotFound();
    void searchLooksAtSubjectAndSender_data();
    void searchLooksAtSubjectAndSender();
    void setSeenMovesTheFileIntoCur();
    void setFlagsNamesTheMessageThatFailed();
    void deleteRemovesFileAndRow();
    void secondGetNewMailFetchesNothing();
    void oversizedMessageIsRefused();
    void missingMaildirIsNotAnEmptyOne();
    void failuresHaveWords_data();
    void failuresHaveWords();
    void trustQuestionIsForwarded_data();
    void trustQuestionIsForwarded();
    void deleteAfterDownloadEmptiesTheServer();

private:
    Pop3Session::Options session(quint16 port, const QString &password, bool trusted) const;
    std::unique_ptr<Engine> startEngine(const QString &dir, Pop3Session::Options options, bool deleteAfterDownload);
    quint64 post(Engine &e, const std::function<void(LocalInboxEngine &, quint64)> &call);
    bool seed();
    // The message files alice's INBOX has on the server, as Dovecot keeps them.
    QSet<QByteArray> serverCopies() const;
    // Downloads with deleteAfterDownload into a throwaway Maildir: alice's INBOX empties.
    bool drainServer(QString *why);
    Store::MailCache &cache();
    quint32 uidOf(const QString &subject);
    // The file of a UID, through the engine's UID map (MaildirIndex.h has its format).
    QString fileOf(quint32 uid) const;

    std::optional<TestServerEnv> m_env;
    QTemporaryDir m_dir;
    std::shared_ptr<Net::TrustStore> m_trust;
    quint16 m_pop3s = 0;
    std::unique_ptr<Engine> m_engine; // the main engine
    std::unique_ptr<Store::MailCache> m_cache; // the test's own reader of its cache
    quint64 m_nextId = 1;
    int m_scratch = 0;
};

Pop3Session::Options TestLocalInbox::session(quint16 port, const QString &password, bool trusted) const
{
    Pop3Session::Options o;
    o.connection.host = m_env->value(QStringLiteral("DOVECOT_HOST"));
    o.connection.port = port;
    o.connection.policy = Net::TlsPolicy::ImplicitTls;
    o.connection.trust = trusted ? m_trust : nullptr; // null: system CAs only, which do not know the test CA
    o.connection.connectTimeout = std::chrono::seconds(10);
    o.connection.responseTimeout = std::chrono::seconds(10);
    o.credentials = { kUser, password };
    return o;
}

std::unique_ptr<Engine> TestLocalInbox::startEngine(
    const QString &dir, Pop3Session::Options options, bool deleteAfterDownload)
{
    auto engine = std::make_unique<Engine>();
    engine->options.session = std::move(options);
    engine->options.maildir = dir + QStringLiteral("/Maildir"); // made by the engine
    engine->options.cachePath = dir + QStringLiteral("/cache/alice.sqlite"); // the folder too
    engine->options.uidMapPath = dir + QStringLiteral("/cache/alice.maildir-uids");
    engine->options.deleteAfterDownload = deleteAfterDownload;
    engine->host = std::make_unique<EngineHost>(QStringLiteral("local-inbox"), engine->options);
    engine->recorder.attach(engine->host->engine()); // before start(): nothing is missed
    engine->host->start();
    return engine;
}

quint64 TestLocalInbox::post(Engine &e, const std::function<void(LocalInboxEngine &, quint64)> &call)
{
    const quint64 id = m_nextId++;
    e.post([call, id](LocalInboxEngine &engine) { call(engine, id); });
    return id;
}

bool TestLocalInbox::seed()
{
    QList<QByteArray> messages;
    for (const Seed &s : seeds()) {
        messages << s.bytes;
    }
    QString output;
    const bool ok = seedDovecot(kUser, kInbox, messages, m_dir.path(), &output);
    if (!ok) {
        qWarning("seeding failed: %s", qPrintable(output));
    }
    return ok;
}

QSet<QByteArray> TestLocalInbox::serverCopies() const
{
    QSet<QByteArray> copies;
    const QString maildir = m_env->value(QStringLiteral("DOVECOT_STATE")) + QStringLiteral("/home/alice/Maildir");
    for (const QString &sub : { QStringLiteral("new"), QStringLiteral("cur") }) {
        for (const QString &name : messageFiles(maildir, sub)) {
            copies.insert(readAll(maildir + u'/' + sub + u'/' + name));
        }
    }
    return copies;
}

bool TestLocalInbox::drainServer(QString *why)
{
    const QString dir = m_dir.filePath(QStringLiteral("drain-%1").arg(++m_scratch));
    const std::unique_ptr<Engine> e
        = startEngine(dir, session(m_pop3s, m_env->value(QStringLiteral("DOVECOT_PASSWORD_alice")), true), true);
    const quint64 id = post(*e, [](LocalInboxEngine &engine, quint64 requestId) { engine.getNewMail(requestId); });
    if (!QTest::qWaitFor([&] { return e->recorder.answered(id); }, kTimeout)) {
        *why = QStringLiteral("no answer in time");
        return false;
    }
    *why = e->recorder.story();
    return e->recorder.synced.contains(id) && serverCopies().isEmpty();
}

Store::MailCache &TestLocalInbox::cache()
{
    if (!m_cache) {
        QString error;
        m_cache = Store::MailCache::open(m_engine->options.cachePath, &error);
        if (!m_cache) {
            qFatal("cannot open the engine's cache: %s", qPrintable(error));
        }
    }
    return *m_cache;
}

quint32 TestLocalInbox::uidOf(const QString &subject)
{
    for (const Imap::MessageSummary &m : cache().summaries(kInbox)) {
        if (m.envelope.subject == subject) {
            return m.uid;
        }
    }
    return 0;
}

QString TestLocalInbox::fileOf(quint32 uid) const
{
    // "UID<TAB>unique-name" lines; the message is new/NAME or cur/NAME:2,FLAGS.
    const QList<QByteArray> lines = readAll(m_engine->options.uidMapPath).split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() != 2 || fields.at(0) != QByteArray::number(uid)) {
            continue;
        }
        const QString name = QString::fromUtf8(QByteArray::fromPercentEncoding(fields.at(1)));
        const QString maildir = m_engine->options.maildir;
        if (QFile::exists(maildir + QStringLiteral("/new/") + name)) {
            return maildir + QStringLiteral("/new/") + name;
        }
        for (const QString &file : messageFiles(maildir, QStringLiteral("cur"))) {
            if (file == name || file.startsWith(name + u':')) {
                return maildir + QStringLiteral("/cur/") + file;
            }
        }
    }
    return {};
}

void TestLocalInbox::initTestCase()
{
    QString error;
    m_env = TestServerEnv::load(QStringLiteral("dovecot"), &error);
    QVERIFY2(m_env.has_value(), qPrintable(error));
    QVERIFY(m_dir.isValid());
    QVERIFY(!m_env->value(QStringLiteral("DOVECOT_PASSWORD_alice")).isEmpty());
    m_pop3s = m_env->port(QStringLiteral("DOVECOT_POP3S_PORT"));
    QVERIFY(m_pop3s != 0);
    m_trust = std::make_shared<Net::TrustStore>();
    QVERIFY2(m_trust->addCaFile(m_env->value(QStringLiteral("DOVECOT_CA")), &error), qPrintable(error));

    if (!serverCopies().isEmpty()) {
        // Left by a run that stopped before its last test (a fresh server has none).
        QVERIFY2(drainServer(&error), qPrintable(error));
    }
    QVERIFY(seed());
    QCOMPARE(serverCopies().size(), seeds().size());

    m_engine = startEngine(m_dir.filePath(QStringLiteral("main")),
        session(m_pop3s, m_env->value(QStringLiteral("DOVECOT_PASSWORD_alice")), true), false);
}

void TestLocalInbox::cleanupTestCase()
{
    m_cache.reset();
    m_engine.reset();
    if (m_env && !serverCopies().isEmpty()) {
        // A test failed before the last one emptied alice's INBOX: leave it as found.
        QString why;
        if (!drainServer(&why)) {
            qWarning("could not empty alice's INBOX: %s", qPrintable(why));
        }
    }
}

void TestLocalInbox::syncOfAnEmptyMaildir()
{
    Engine &e = *m_engine;
    QVERIFY(!QFile::exists(e.options.maildir));
    const quint64 id = post(e, [](LocalInboxEngine &engine, quint64 requestId) { engine.syncFolder(requestId); });
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY2(e.recorder.synced.contains(id), qPrintable(e.recorder.story()));
    QCOMPARE(e.recorder.synced.value(id).folder, kInbox);
    QCOMPARE(e.recorder.synced.value(id).unseen, 0);
    QVERIFY(!e.recorder.synced.value(id).changed);
    // A new account's Maildir is made, with all three folders of the spec.
    for (const char *sub : { "new", "cur", "tmp" }) {
        QVERIFY2(QFileInfo(e.options.maildir + u'/' + QLatin1String(sub)).isDir(), sub);
    }
    const std::optional<Store::CachedFolder> folder = cache().folder(kInbox);
    QVERIFY(folder);
    QCOMPARE(folder->messageCount, qint64(0));
}

void TestLocalInbox::getNewMailDownloadsAndAnnounces()
{
    Engine &e = *m_engine;
    const qsizetype n = seeds().size();
    const quint64 id = post(e, [](LocalInboxEngine &engine, quint64 requestId) { engine.getNewMail(requestId); });
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY2(e.recorder.synced.contains(id), qPrintable(e.recorder.story()));
    const SyncedResult synced = e.recorder.synced.value(id);
    QCOMPARE(synced.folder, kInbox);
    QCOMPARE(synced.unseen, int(n));
    QVERIFY(synced.changed);

    // Announced once, before the answer, with the decoded subjects.
    QCOMPARE(e.recorder.newMail.size(), 1);
    QCOMPARE(e.recorder.newMailFolders, QStringList { kInbox });
    QCOMPARE(e.recorder.newMail.constFirst().size(), n);
    QCOMPARE(subjectsOf(e.recorder.newMail.constFirst()), seededSubjects());

    // In the cache the window reads, unseen.
    const QList<Imap::MessageSummary> rows = cache().summaries(kInbox);
    QVERIFY2(cache().lastError().isEmpty(), qPrintable(cache().lastError()));
    QCOMPARE(rows.size(), n);
    QCOMPARE(subjectsOf(rows), seededSubjects());
    QCOMPARE(cache().unseenCount(kInbox), qint64(n));

    // In the Maildir: delivered into new/, nothing left half-written in tmp/, and
    // byte for byte what Dovecot keeps.
    QCOMPARE(messageFiles(e.options.maildir, QStringLiteral("new")).size(), n);
    QVERIFY(messageFiles(e.options.maildir, QStringLiteral("tmp")).isEmpty());
    QSet<QByteArray> local;
    for (const QString &name : messageFiles(e.options.maildir, QStringLiteral("new"))) {
        local.insert(readAll(e.options.maildir + QStringLiteral("/new/") + name));
    }
    QCOMPARE(local, serverCopies());
    QCOMPARE(serverCopies().size(), n); // left on the server: deleteAfterDownload is off
}

void TestLocalInbox::fetchGivesTheFileBytes_data()
{
    QTest::addColumn<QString>("subject");
    for (const Seed &s : seeds()) {
        QTest::newRow(s.name) << s.subject;
    }
}

void TestLocalInbox::fetchGivesTheFileBytes()
{
    QFETCH(QString, subject);
    Engine &e = *m_engine;
    const quint32 uid = uidOf(subject);
    QVERIFY2(uid != 0, qPrintable(subject));
    const QString file = fileOf(uid);
    QVERIFY2(!file.isEmpty(), "the UID map names the message's file");

    const quint64 id
        = post(e, [uid](LocalInboxEngine &engine, quint64 requestId) { engine.fetchMessage(requestId, uid); });
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY2(e.recorder.fetched.contains(id), qPrintable(e.recorder.story()));
    QCOMPARE(e.recorder.fetchedFolders.value(id), kInbox);
    const QByteArray bytes = e.recorder.fetched.value(id);
    QVERIFY(!bytes.isEmpty());
    QCOMPARE(bytes, readAll(file));
    QVERIFY(serverCopies().contains(bytes));
    // Reading is not reading it: still unseen, still in new/.
    QVERIFY2(file.contains(QStringLiteral("/new/")), qPrintable(file));
    QCOMPARE(fileOf(uid), file);
}

void TestLocalInbox::fetchOfAnUnknownUidIsNotFound()
{
    Engine &e = *m_engine;
    const quint64 id
        = post(e, [](LocalInboxEngine &engine, quint64 requestId) { engine.fetchMessage(requestId, 999); });
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY(e.recorder.failures.contains(id));
    const OperationError error = e.recorder.failures.value(id);
    QCOMPARE(error.kind, OperationError::Kind::NotFound);
    QVERIFY2(error.message.contains(QStringLiteral("999")), qPrintable(error.message));
}

void TestLocalInbox::searchLooksAtSubjectAndSender_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("subjects"); // of the messages found
    QTest::newRow("subject word") << QStringLiteral("friday") << QStringList { QStringLiteral("Lunch on Friday") };
    // Case is ignored beyond ASCII: Ä matches the decoded ä of an RFC 2047 subject.
    QTest::newRow("non-ascii, other case")
        << QStringLiteral("REISEPLÄNE") << QStringList { QStringLiteral("Reisepläne für Dezember ✈") };
    QTest::newRow("sender name") << QStringLiteral("jürgen") << QStringList { QStringLiteral("Grüße aus Köln") };
    QTest::newRow("sender address") << QStringLiteral("dots@example") << QStringList { QStringLiteral("Dots") };
    QTest::newRow("nothing") << QStringLiteral("no such words") << QStringList {};
}

// POP3 has no SEARCH (RFC 1939): the quick search looks in the cache.
void TestLocalInbox::searchLooksAtSubjectAndSender()
{
    QFETCH(QString, text);
    QFETCH(QStringList, subjects);
    Engine &e = *m_engine;
    QList<quint32> expected;
    for (const QString &subject : std::as_const(subjects)) {
        expected.append(uidOf(subject));
        QVERIFY2(expected.constLast() != 0, qPrintable(subject));
    }
    const quint64 id = post(e, [text](LocalInboxEngine &engine, quint64 requestId) { engine.search(requestId, text); });
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY2(e.recorder.found.contains(id), qPrintable(e.recorder.story()));
    QCOMPARE(e.recorder.found.value(id), expected);
}

void TestLocalInbox::setSeenMovesTheFileIntoCur()
{
    Engine &e = *m_engine;
    const qsizetype n = seeds().size();
    const quint32 uid = uidOf(QStringLiteral("Lunch on Friday"));
    QVERIFY(uid != 0);
    const QString before = fileOf(uid);
    QVERIFY2(before.contains(QStringLiteral("/new/")), qPrintable(before));

    // By name, as a GUI may call it: the slot's argument types are registered.
    const quint64 id = m_nextId++;
    const QList<quint32> uids { uid };
    const QList<QByteArray> add { "\\Seen" };
    const QList<QByteArray> none;
    QVERIFY(QMetaObject::invokeMethod(e.host->engine(), "setFlags", Qt::QueuedConnection, Q_ARG(quint64, id),
        Q_ARG(QList<quint32>, uids), Q_ARG(QList<QByteArray>, add), Q_ARG(QList<QByteArray>, none)));
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY2(e.recorder.done.contains(id), qPrintable(e.recorder.story()));

    // The Maildir way to say "seen": moved from new/ to cur/, info ":2,S".
    const QString after = fileOf(uid);
    QVERIFY2(after.contains(QStringLiteral("/cur/")) && after.endsWith(QStringLiteral(":2,S")), qPrintable(after));
    QVERIFY(!QFile::exists(before));
    QCOMPARE(cache().flagsByUid(kInbox).value(uid), QList<QByteArray> { "\\Seen" });

    // The cache already says what the files say: the next sync finds nothing to change.
    const quint64 sync = post(e, [](LocalInboxEngine &engine, quint64 requestId) { engine.syncFolder(requestId); });
    WAIT_FOR(e, e.recorder.answered(sync));
    QVERIFY2(e.recorder.synced.contains(sync), qPrintable(e.recorder.story()));
    QCOMPARE(e.recorder.synced.value(sync).unseen, int(n - 1));
    QVERIFY(!e.recorder.synced.value(sync).changed);
}

void TestLocalInbox::setFlagsNamesTheMessageThatFailed()
{
    Engine &e = *m_engine;
    const quint32 uid = uidOf(QStringLiteral("Grüße aus Köln"));
    QVERIFY(uid != 0);
    // One message that is there and one that is not: the first is changed all the same.
    const quint64 id = post(e, [uid](LocalInboxEngine &engine, quint64 requestId) {
        engine.setFlags(requestId, { uid, 999 }, { "\\flagged" }, {});
    });
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY(e.recorder.failures.contains(id));
    const OperationError error = e.recorder.failures.value(id);
    QCOMPARE(error.kind, OperationError::Kind::NotFound);
    QVERIFY2(error.message.contains(QStringLiteral("999")), qPrintable(error.message));

    // Matched without regard to case (RFC 9051 §9); in cur/ now, but not seen.
    const QString file = fileOf(uid);
    QVERIFY2(file.contains(QStringLiteral("/cur/")) && file.endsWith(QStringLiteral(":2,F")), qPrintable(file));
    QCOMPARE(cache().flagsByUid(kInbox).value(uid), QList<QByteArray> { "\\Flagged" });
    QCOMPARE(cache().unseenCount(kInbox), qint64(seeds().size() - 1));
}

void TestLocalInbox::deleteRemovesFileAndRow()
{
    Engine &e = *m_engine;
    const qsizetype n = seeds().size();
    const quint32 uid = uidOf(QStringLiteral("Dots"));
    QVERIFY(uid != 0);
    const QString file = fileOf(uid);
    QVERIFY(QFile::exists(file));

    const quint64 id
        = post(e, [uid](LocalInboxEngine &engine, quint64 requestId) { engine.deleteMessages(requestId, { uid }); });
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY2(e.recorder.done.contains(id), qPrintable(e.recorder.story()));
    QVERIFY(!QFile::exists(file));
    QVERIFY(!cache().uids(kInbox).contains(uid));
    QCOMPARE(cache().uids(kInbox).size(), n - 1);

    // Deleting it again: it is gone, which is what was asked.
    const quint64 again
        = post(e, [uid](LocalInboxEngine &engine, quint64 requestId) { engine.deleteMessages(requestId, { uid }); });
    WAIT_FOR(e, e.recorder.answered(again));
    QVERIFY2(e.recorder.done.contains(again), qPrintable(e.recorder.story()));

    const quint64 sync = post(e, [](LocalInboxEngine &engine, quint64 requestId) { engine.syncFolder(requestId); });
    WAIT_FOR(e, e.recorder.answered(sync));
    QVERIFY2(e.recorder.synced.contains(sync), qPrintable(e.recorder.story()));
    QCOMPARE(e.recorder.synced.value(sync).unseen, int(n - 2)); // one seen, one deleted
    QVERIFY(!e.recorder.synced.value(sync).changed);
    // Only the local copy went: POP3 mail on the server is the account's business.
    QCOMPARE(serverCopies().size(), n);
}

void TestLocalInbox::secondGetNewMailFetchesNothing()
{
    Engine &e = *m_engine;
    const qsizetype n = seeds().size();
    const qsizetype announced = e.recorder.newMail.size();
    // Two at once: the second waits for the first and is answered by its own run.
    const quint64 first = post(e, [](LocalInboxEngine &engine, quint64 requestId) { engine.getNewMail(requestId); });
    const quint64 second = post(e, [](LocalInboxEngine &engine, quint64 requestId) { engine.getNewMail(requestId); });
    WAIT_FOR(e, e.recorder.answered(first) && e.recorder.answered(second));
    for (const quint64 id : { first, second }) {
        QVERIFY2(e.recorder.synced.contains(id), qPrintable(e.recorder.story()));
        QCOMPARE(e.recorder.synced.value(id).unseen, int(n - 2));
        QVERIFY(!e.recorder.synced.value(id).changed);
    }
    QCOMPARE(e.recorder.newMail.size(), announced);
    // The UIDL ledger remembers the deleted message as saved: not downloaded again.
    QCOMPARE(messageFiles(e.options.maildir, QStringLiteral("new")).size()
            + messageFiles(e.options.maildir, QStringLiteral("cur")).size(),
        n - 1);
    QCOMPARE(cache().uids(kInbox).size(), n - 1);
}

void TestLocalInbox::oversizedMessageIsRefused()
{
    Engine &e = *m_engine;
    const qsizetype n = seeds().size();
    // Delivered by another program: a header, then a body that is a hole in the file
    // (sparse: it costs no disk), one byte over the limit.
    const QString path = e.options.maildir + QStringLiteral("/new/1800000000.M1P1.oversized");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write("From: big@example.org\nSubject: Too big\n\n") > 0);
        QVERIFY(f.resize(LocalInboxEngine::MaxMessageSize + 1));
    }
    const quint64 sync = post(e, [](LocalInboxEngine &engine, quint64 requestId) { engine.syncFolder(requestId); });
    WAIT_FOR(e, e.recorder.answered(sync));
    QVERIFY2(e.recorder.synced.contains(sync), qPrintable(e.recorder.story()));
    QVERIFY(e.recorder.synced.value(sync).changed);
    QCOMPARE(e.recorder.synced.value(sync).unseen, int(n - 1));
    QCOMPARE(cache().uids(kInbox).size(), n);
    const quint32 uid = uidOf(QStringLiteral("Too big"));
    QCOMPARE(uid, cache().uids(kInbox).constLast()); // UIDs grow: the newest has the highest

    const quint64 id
        = post(e, [uid](LocalInboxEngine &engine, quint64 requestId) { engine.fetchMessage(requestId, uid); });
    WAIT_FOR(e, e.recorder.answered(id));
    QVERIFY(e.recorder.failures.contains(id));
    QCOMPARE(e.recorder.failures.value(id).kind, OperationError::Kind::LocalIo);
    QVERIFY2(e.recorder.failures.value(id).message.contains(QStringLiteral("up to 64 MiB")),
        qPrintable(e.recorder.failures.value(id).message));

    const quint64 removed
        = post(e, [uid](LocalInboxEngine &engine, quint64 requestId) { engine.deleteMessages(requestId, { uid }); });
    WAIT_FOR(e, e.recorder.answered(removed));
    QVERIFY2(e.recorder.done.contains(removed), qPrintable(e.recorder.story()));
    QVERIFY(!QFile::exists(path));
}

void TestLocalInbox::missingMaildirIsNotAnEmptyOne()
{
    Engine &e = *m_engine;
    const qsizetype cached = cache().uids(kInbox).size();
    QVERIFY(cached > 0);
    // As if its disk were not mounted: the cache lists messages the Maildir cannot show.
    const QString away = e.options.maildir + QStringLiteral(".away");
    QVERIFY(QDir().rename(e.options.maildir, away));
    const quint64 id = post(e, [](LocalInboxEngine &engine, quint64 requestId) { engine.syncFolder(requestId); });
    WAIT_FOR(e, e.recorder.answered(id));
    const bool back = QDir().rename(away, e.options.maildir);
    QVERIFY(back);
    QVERIFY(e.recorder.failures.contains(id));
    QCOMPARE(e.recorder.failures.value(id).kind, OperationError::Kind::LocalIo);
    QVERIFY2(e.recorder.failures.value(id).message.contains(QStringLiteral("is missing")),
        qPrintable(e.recorder.failures.value(id).message));
    // Neither made anew nor emptied.
    QCOMPARE(cache().uids(kInbox).size(), cached);

    const quint64 again = post(e, [](LocalInboxEngine &engine, quint64 requestId) { engine.syncFolder(requestId); });
    WAIT_FOR(e, e.recorder.answered(again));
    QVERIFY2(e.recorder.synced.contains(again), qPrintable(e.recorder.story()));
    QVERIFY(!e.recorder.synced.value(again).changed);
}

void TestLocalInbox::failuresHaveWords_data()
{
    QTest::addColumn<quint16>("port");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("words");
    const QString good = m_env->value(QStringLiteral("DOVECOT_PASSWORD_alice"));
    QTest::newRow("wrong password") << m_pop3s << QStringLiteral("not-the-password")
                                    << int(OperationError::Kind::Authentication)
                                    << QStringLiteral("the server refused the login of alice");
    QTest::newRow("nothing listening") << quint16(1) << good << int(OperationError::Kind::Network)
                                       << QStringLiteral("127.0.0.1:1 refused the connection");
}

void TestLocalInbox::failuresHaveWords()
{
    QFETCH(quint16, port);
    QFETCH(QString, password);
    QFETCH(int, kind);
    QFETCH(QString, words);
    const QString dir = m_dir.filePath(QStringLiteral("failing-%1").arg(++m_scratch));
    const std::unique_ptr<Engine> e = startEngine(dir, session(port, password, true), false);
    const quint64 id = post(*e, [](LocalInboxEngine &engine, quint64 requestId) { engine.getNewMail(requestId); });
    WAIT_FOR(*e, e->recorder.answered(id));
    QVERIFY(e->recorder.failures.contains(id));
    const OperationError error = e->recorder.failures.value(id);
    QCOMPARE(int(error.kind), kind);
    QVERIFY2(error.message.contains(words), qPrintable(error.message));
    QVERIFY2(!error.message.contains(password), "no password in messages");
    QVERIFY(e->recorder.newMail.isEmpty());
    QVERIFY(messageFiles(e->options.maildir, QStringLiteral("new")).isEmpty());
}

void TestLocalInbox::trustQuestionIsForwarded_data()
{
    QTest::addColumn<Net::TrustAnswer>("answer");
    QTest::addColumn<bool>("downloads");
    QTest::newRow("cancel") << Net::TrustAnswer::Cancel << false;
    QTest::newRow("trust once") << Net::TrustAnswer::TrustOnce << true;
}

void TestLocalInbox::trustQuestionIsForwarded()
{
    QFETCH(Net::TrustAnswer, answer);
    QFETCH(bool, downloads);
    // Without the test CA the certificate is trusted by nobody: the person is asked.
    const QString dir = m_dir.filePath(QStringLiteral("asking-%1").arg(++m_scratch));
    const std::unique_ptr<Engine> e
        = startEngine(dir, session(m_pop3s, m_env->value(QStringLiteral("DOVECOT_PASSWORD_alice")), false), false);
    const quint64 id = post(*e, [](LocalInboxEngine &engine, quint64 requestId) { engine.getNewMail(requestId); });
    WAIT_FOR(*e, !e->recorder.questions.isEmpty() || e->recorder.answered(id));
    QCOMPARE(e->recorder.questions.size(), 1);
    const Net::TrustQuestion question = e->recorder.questions.constFirst();
    QCOMPARE(question.port, m_pop3s);
    QVERIFY(!question.reasons.isEmpty());
    QVERIFY(!e->recorder.answered(id)); // waiting for the person, not failed

    e->post([question, answer](LocalInboxEngine &engine) { engine.answerTrustQuestion(question.id, answer); });
    WAIT_FOR(*e, e->recorder.answered(id));
    if (downloads) {
        // A Maildir and ledger of its own: everything on the server is new to it.
        QVERIFY2(e->recorder.synced.contains(id), qPrintable(e->recorder.story()));
        QCOMPARE(e->recorder.synced.value(id).unseen, int(serverCopies().size()));
    } else {
        QVERIFY(e->recorder.failures.contains(id));
        QCOMPARE(e->recorder.failures.value(id).kind, OperationError::Kind::Tls);
        QVERIFY2(e->recorder.failures.value(id).message.contains(QStringLiteral("not trusted")),
            qPrintable(e->recorder.failures.value(id).message));
    }
}

void TestLocalInbox::deleteAfterDownloadEmptiesTheServer()
{
    const qsizetype n = seeds().size();
    QCOMPARE(serverCopies().size(), n);
    const QString dir = m_dir.filePath(QStringLiteral("deleting"));
    const std::unique_ptr<Engine> e
        = startEngine(dir, session(m_pop3s, m_env->value(QStringLiteral("DOVECOT_PASSWORD_alice")), true), true);
    const quint64 id = post(*e, [](LocalInboxEngine &engine, quint64 requestId) { engine.getNewMail(requestId); });
    WAIT_FOR(*e, e->recorder.answered(id));
    QVERIFY2(e->recorder.synced.contains(id), qPrintable(e->recorder.story()));
    QCOMPARE(e->recorder.synced.value(id).unseen, int(n));
    QCOMPARE(e->recorder.newMail.size(), 1);
    QCOMPARE(subjectsOf(e->recorder.newMail.constFirst()), seededSubjects());
    // Saved here first, then deleted there (and committed by QUIT, RFC 1939 §6).
    QCOMPARE(messageFiles(e->options.maildir, QStringLiteral("new")).size(), n);
    QVERIFY2(serverCopies().isEmpty(), "alice's INBOX is empty again, as the test found it");

    // Nothing left to download, nothing changed.
    const quint64 again = post(*e, [](LocalInboxEngine &engine, quint64 requestId) { engine.getNewMail(requestId); });
    WAIT_FOR(*e, e->recorder.answered(again));
    QVERIFY2(e->recorder.synced.contains(again), qPrintable(e->recorder.story()));
    QVERIFY(!e->recorder.synced.value(again).changed);
    QCOMPARE(e->recorder.synced.value(again).unseen, int(n));
}

QTEST_GUILESS_MAIN(TestLocalInbox)
#include "tst_local_inbox.moc"
