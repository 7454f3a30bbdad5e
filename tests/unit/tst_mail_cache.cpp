// The IMAP offline cache: summaries come back with their text intact, flag updates count
// only real changes, a new UIDVALIDITY empties only its own folder, and the file is WAL,
// versioned, persistent, and refused when a newer Satchel wrote it. The queue of changes
// made offline keeps every field and its order across a reopen, and a cache file made
// before the queue or the References column existed gets its table and column.
#include "protocols/store/MailCache.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Satchel;
using namespace Satchel::Store;

namespace {

Imap::MessageSummary message(quint32 uid, const QString &subject, QList<QByteArray> flags = {})
{
    Imap::MessageSummary m;
    m.uid = uid;
    m.flags = std::move(flags);
    m.internalDate = QDateTime(QDate(2024, 3, 1), QTime(10, 0), Qt::OffsetFromUTC, 3600).addSecs(uid);
    m.size = 1000 + uid;
    m.envelope.date = QDateTime(QDate(2024, 3, 1), QTime(8, 30), Qt::UTC).addSecs(uid);
    m.envelope.subject = subject;
    m.envelope.from = { { QStringLiteral("Sender %1").arg(uid), QStringLiteral("sender%1@example.org").arg(uid) } };
    m.envelope.to = { { QString(), QStringLiteral("me@example.org") } };
    m.envelope.messageId = "<" + QByteArray::number(uid) + "@example.org>";
    return m;
}

// Runs one statement on its own connection to the file, as another program would see it.
QVariant scalar(const QString &path, const QString &statement)
{
    const QString connection = QUuid::createUuid().toString();
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(statement) && q.next())
                result = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

// The names of a table's columns, in order, as PRAGMA table_info lists them.
QStringList columnsOf(const QString &path, const QString &table)
{
    const QString connection = QUuid::createUuid().toString();
    QStringList names;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table))) {
                while (q.next())
                    names.append(q.value(1).toString());
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return names;
}

} // namespace

class TestMailCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void summariesRoundTrip();
    void storingNeedsTheFolderFirst();
    void flagUpdatesCountRealChanges();
    void removingUids();
    void resetDropsOnlyThatFolder();
    void folderState();
    void removingAFolderRemovesItsMessages();
    void unseenCountAndHasFlag();
    void unseenCountFollowsEveryWriter();
    void walModeIsOn();
    void reopeningKeepsEverything();
    void newerFormatIsRefused();
    void unusablePathsAreRefusedInWords_data();
    void unusablePathsAreRefusedInWords();
    void largeBatch();
    void queuedChangesRoundTrip();
    void queuedChangesAreRemovedBySeq();
    void unreadableQueuedUidsComeBackEmpty();
    void oldCacheGetsTheQueueTable();
    void referencesRoundTrip();
    void oldCacheGetsTheRefsColumn();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<MailCache> openCache()
    {
        QString error;
        auto cache = MailCache::open(m_path, &error);
        if (!cache)
            qWarning("%s", qPrintable(error));
        return cache;
    }
};

void TestMailCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("account.sqlite"));
}

void TestMailCache::summariesRoundTrip()
{
    auto cache = openCache();
    QVERIFY(cache);
    QVERIFY2(cache->resetFolder(QStringLiteral("Entwürfe/日本"), 7), qPrintable(cache->lastError()));

    Imap::MessageSummary rich
        = message(42, QStringLiteral("Grüße aus Köln — 日本語のテスト ✓"), { "\\Seen", "$Label1" });
    rich.modseq = 912345678901ULL;
    rich.envelope.from = { { QStringLiteral("Zoë Ünal"), QStringLiteral("zoe@example.de") } };
    rich.envelope.to = { { QStringLiteral("Doe, Jane"), QStringLiteral("jane@example.org") },
        { QString(), QStringLiteral("bare@example.org") },
        { QStringLiteral("Ярослав"), QStringLiteral("jaro@example.ru") } };
    rich.envelope.cc
        = { { QStringLiteral("Ünsal"), QStringLiteral("u@example.tr") }, { QString(), QStringLiteral("x@y.z") } };
    rich.envelope.inReplyTo = "<parent@example.org>";
    Imap::MessageSummary plain = message(5, QStringLiteral("plain"));
    plain.envelope.date = QDateTime(); // an unreadable Date header
    plain.envelope.from.clear();
    QVERIFY2(
        cache->storeSummaries(QStringLiteral("Entwürfe/日本"), { plain, rich, message(9, QStringLiteral("nine")) }),
        qPrintable(cache->lastError()));

    const QList<Imap::MessageSummary> all = cache->summaries(QStringLiteral("Entwürfe/日本"));
    QVERIFY(cache->lastError().isEmpty());
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).uid, 42u); // newest first
    QCOMPARE(all.at(1).uid, 9u);
    QCOMPARE(all.at(2).uid, 5u);

    const Imap::MessageSummary &back = all.at(0);
    QCOMPARE(back.envelope.subject, rich.envelope.subject);
    QCOMPARE(back.flags, rich.flags);
    QCOMPARE(back.internalDate, rich.internalDate);
    QCOMPARE(back.internalDate.toMSecsSinceEpoch(), rich.internalDate.toMSecsSinceEpoch());
    QCOMPARE(back.envelope.date, rich.envelope.date);
    QCOMPARE(back.size, rich.size);
    QCOMPARE(back.modseq, rich.modseq);
    QCOMPARE(back.envelope.from, rich.envelope.from);
    QCOMPARE(back.envelope.to, rich.envelope.to);
    QCOMPARE(back.envelope.cc, rich.envelope.cc);
    QCOMPARE(back.envelope.messageId, QByteArray("<42@example.org>"));
    QCOMPARE(back.envelope.inReplyTo, QByteArray("<parent@example.org>"));

    QVERIFY(!all.at(2).envelope.date.isValid());
    QVERIFY(all.at(2).envelope.from.isEmpty());
    QVERIFY(all.at(2).flags.isEmpty());
    QVERIFY(all.at(2).internalDate.isValid());

    // The column the message list shows is the display form.
    QCOMPARE(scalar(m_path, QStringLiteral("SELECT recipients FROM messages WHERE uid = 42")).toString(),
        QStringLiteral("Doe, Jane <jane@example.org>, bare@example.org, Ярослав <jaro@example.ru>"));
    QVERIFY(scalar(m_path, QStringLiteral("SELECT date FROM messages WHERE uid = 5")).isNull());

    QCOMPARE(cache->summaries(QStringLiteral("Entwürfe/日本"), 2).size(), 2);
    QCOMPARE(cache->uids(QStringLiteral("Entwürfe/日本")), (QList<quint32> { 5, 9, 42 }));
    QVERIFY(cache->uids(QStringLiteral("Nowhere")).isEmpty());
    QVERIFY(cache->lastError().isEmpty());

    // Storing a UID again replaces the row.
    QVERIFY(cache->storeSummaries(QStringLiteral("Entwürfe/日本"), { message(9, QStringLiteral("nine, again")) }));
    QCOMPARE(
        cache->summaries(QStringLiteral("Entwürfe/日本"), 2).at(1).envelope.subject, QStringLiteral("nine, again"));
    QCOMPARE(cache->folder(QStringLiteral("Entwürfe/日本"))->messageCount, 3);
}

void TestMailCache::storingNeedsTheFolderFirst()
{
    auto cache = openCache();
    QVERIFY(cache);
    QVERIFY(!cache->storeSummaries(QStringLiteral("INBOX"), { message(1, QStringLiteral("orphan")) }));
    QVERIFY2(cache->lastError().contains(QStringLiteral("\"INBOX\"")), qPrintable(cache->lastError()));
    QVERIFY2(cache->lastError().contains(m_path), qPrintable(cache->lastError()));
    QVERIFY(!cache->folder(QStringLiteral("INBOX")).has_value());
    // The failed transaction was rolled back: the next write works.
    QVERIFY(cache->resetFolder(QStringLiteral("INBOX"), 1));
    QVERIFY(cache->storeSummaries(QStringLiteral("INBOX"), { message(1, QStringLiteral("now")) }));
    QCOMPARE(cache->uids(QStringLiteral("INBOX")), QList<quint32> { 1 });
}

void TestMailCache::flagUpdatesCountRealChanges()
{
    auto cache = openCache();
    QVERIFY(cache);
    const QString inbox = QStringLiteral("INBOX");
    QVERIFY(cache->resetFolder(inbox, 1));
    QVERIFY(cache->storeSummaries(inbox,
        { message(1, QStringLiteral("a"), { "\\Seen" }), message(2, QStringLiteral("b")),
            message(3, QStringLiteral("c"), { "\\Flagged" }) }));

    MailCache::FlagChanges changes;
    QVERIFY2(cache->updateFlags(inbox,
                 { { 1, { "\\Seen" }, 0 }, // unchanged
                     { 2, { "\\Seen", "\\Answered" }, 0 }, // changed
                     { 3, { "\\Flagged" }, 77 }, // same flags, newer modseq
                     { 99, { "\\Deleted" }, 0 } }, // not cached
                 &changes),
        qPrintable(cache->lastError()));
    QCOMPARE(changes.changed, 2);

    const QHash<quint32, QList<QByteArray>> flags = cache->flagsByUid(inbox);
    QCOMPARE(flags.size(), 3);
    QCOMPARE(flags.value(1), QList<QByteArray> { "\\Seen" });
    QCOMPARE(flags.value(2), (QList<QByteArray> { "\\Seen", "\\Answered" }));
    QCOMPARE(flags.value(3), QList<QByteArray> { "\\Flagged" });
    QVERIFY(!flags.contains(99));

    // A mod-sequence never goes backwards; 0 (no CONDSTORE) keeps the stored one.
    QVERIFY(cache->updateFlags(inbox, { { 3, {}, 5 } }, &changes));
    QCOMPARE(changes.changed, 1);
    const auto three = cache->summaries(inbox, 1);
    QCOMPARE(three.at(0).modseq, 77u);
    QVERIFY(three.at(0).flags.isEmpty());

    // Nothing to do is not an error, and changes nothing.
    QVERIFY(cache->updateFlags(inbox, { { 3, {}, 0 } }, &changes));
    QCOMPARE(changes.changed, 0);
    QVERIFY(cache->updateFlags(QStringLiteral("Unknown"), { { 3, {}, 0 } }, &changes));
    QCOMPARE(changes.changed, 0);
}

void TestMailCache::removingUids()
{
    auto cache = openCache();
    QVERIFY(cache);
    const QString inbox = QStringLiteral("INBOX");
    QVERIFY(cache->resetFolder(inbox, 1));
    QList<Imap::MessageSummary> batch;
    for (quint32 uid = 1; uid <= 10; ++uid)
        batch.append(message(uid, QStringLiteral("m%1").arg(uid)));
    QVERIFY(cache->storeSummaries(inbox, batch));

    int removed = -1;
    QVERIFY2(cache->removeUids(inbox, { 2, 4, 6, 11 }, &removed), qPrintable(cache->lastError()));
    QCOMPARE(removed, 3);
    QCOMPARE(cache->uids(inbox), (QList<quint32> { 1, 3, 5, 7, 8, 9, 10 }));
    QCOMPARE(cache->folder(inbox)->messageCount, 7);
}

void TestMailCache::resetDropsOnlyThatFolder()
{
    auto cache = openCache();
    QVERIFY(cache);
    const QString inbox = QStringLiteral("INBOX");
    const QString sent = QStringLiteral("Gesendete Objekte");
    QVERIFY(cache->resetFolder(inbox, 100));
    QVERIFY(cache->resetFolder(sent, 200));
    QVERIFY(cache->storeSummaries(inbox, { message(1, QStringLiteral("i1")), message(2, QStringLiteral("i2")) }));
    QVERIFY(cache->storeSummaries(sent, { message(1, QStringLiteral("s1")), message(3, QStringLiteral("s3")) }));
    QVERIFY(cache->setFolderState(inbox, Imap::MailboxState { 2, 100, 3, 555 }));
    const qint64 inboxId = cache->folder(inbox)->id;

    QVERIFY2(cache->resetFolder(inbox, 101), qPrintable(cache->lastError()));

    const std::optional<CachedFolder> reset = cache->folder(inbox);
    QVERIFY(reset);
    QCOMPARE(reset->id, inboxId);
    QCOMPARE(reset->uidValidity, 101u);
    QCOMPARE(reset->messageCount, 0);
    QCOMPARE(reset->highestModSeq, 0u); // belonged to UIDVALIDITY 100
    QCOMPARE(reset->uidNext, 0u);
    QVERIFY(!reset->syncedAt.isValid());
    QVERIFY(cache->uids(inbox).isEmpty());

    QCOMPARE(cache->uids(sent), (QList<quint32> { 1, 3 }));
    QCOMPARE(cache->folder(sent)->uidValidity, 200u);
    QCOMPARE(cache->summaries(sent).at(0).envelope.subject, QStringLiteral("s3"));
}

void TestMailCache::folderState()
{
    auto cache = openCache();
    QVERIFY(cache);
    const QString inbox = QStringLiteral("INBOX");
    QVERIFY(!cache->setFolderState(inbox, Imap::MailboxState { 1, 9, 2, 0 }));
    QVERIFY2(cache->lastError().contains(QStringLiteral("not in the cache")), qPrintable(cache->lastError()));

    QVERIFY(cache->resetFolder(inbox, 9));
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY2(cache->setFolderState(inbox, Imap::MailboxState { 12, 9, 40, 123456789012ULL }),
        qPrintable(cache->lastError()));
    const std::optional<CachedFolder> f = cache->folder(inbox);
    QVERIFY(f);
    QCOMPARE(f->uidValidity, 9u);
    QCOMPARE(f->uidNext, 40u);
    QCOMPARE(f->highestModSeq, 123456789012ULL);
    QCOMPARE(f->exists, 12u);
    QVERIFY(f->syncedAt >= before);
    QVERIFY(f->syncedAt <= QDateTime::currentDateTimeUtc().addSecs(1));

    // A state from another UIDVALIDITY must not be recorded over the old messages.
    QVERIFY(!cache->setFolderState(inbox, Imap::MailboxState { 12, 10, 41, 0 }));
    QVERIFY2(cache->lastError().contains(QStringLiteral("UIDVALIDITY changed from 9 to 10")),
        qPrintable(cache->lastError()));
    QCOMPARE(cache->folder(inbox)->uidNext, 40u);
}

void TestMailCache::removingAFolderRemovesItsMessages()
{
    auto cache = openCache();
    QVERIFY(cache);
    QVERIFY(cache->resetFolder(QStringLiteral("Old"), 1));
    QVERIFY(cache->resetFolder(QStringLiteral("Kept"), 1));
    QVERIFY(cache->storeSummaries(QStringLiteral("Old"), { message(1, QStringLiteral("x")) }));
    QVERIFY(cache->storeSummaries(QStringLiteral("Kept"), { message(1, QStringLiteral("y")) }));
    QVERIFY(cache->removeFolder(QStringLiteral("Old")));
    QVERIFY(!cache->folder(QStringLiteral("Old")));
    // ON DELETE CASCADE only works with foreign_keys=ON on the connection.
    QCOMPARE(scalar(m_path, QStringLiteral("SELECT count(*) FROM messages")).toInt(), 1);
    QCOMPARE(cache->uids(QStringLiteral("Kept")), QList<quint32> { 1 });
}

void TestMailCache::unseenCountAndHasFlag()
{
    auto cache = openCache();
    QVERIFY(cache);
    const QString inbox = QStringLiteral("INBOX");
    QVERIFY(cache->resetFolder(inbox, 1));
    QVERIFY(cache->storeSummaries(inbox,
        { message(1, QStringLiteral("a"), { "\\Seen" }), message(2, QStringLiteral("b")),
            message(3, QStringLiteral("c"), { "\\Flagged", "\\SEEN" }),
            message(4, QStringLiteral("d"), { "\\Seenish" }) }));
    QCOMPARE(cache->unseenCount(inbox), 2);
    QVERIFY(cache->lastError().isEmpty());
    QCOMPARE(cache->unseenCount(QStringLiteral("Unknown")), 0);

    QVERIFY(MailCache::hasFlag(u"\\Flagged \\Seen", u"\\seen"));
    QVERIFY(!MailCache::hasFlag(u"\\Seenish", u"\\Seen"));
    QVERIFY(!MailCache::hasFlag(u"", u"\\Seen"));
}

// unseenCount() remembers its answer while nothing wrote messages: it must still see a
// write of its own connection and one of another (the engine's writer thread, another
// process), and a write that changed nothing must not make it count again wrongly.
void TestMailCache::unseenCountFollowsEveryWriter()
{
    auto cache = openCache();
    QVERIFY(cache);
    const QString inbox = QStringLiteral("INBOX");
    QVERIFY(cache->resetFolder(inbox, 1));
    QVERIFY(cache->storeSummaries(
        inbox, { message(1, QStringLiteral("a")), message(2, QStringLiteral("b")), message(3, QStringLiteral("c")) }));
    QCOMPARE(cache->unseenCount(inbox), 3);
    QCOMPARE(cache->unseenCount(inbox), 3); // remembered

    // Its own writes.
    QVERIFY(cache->updateFlags(inbox, { Imap::FlagUpdate { 1, { "\\Seen" }, 0 } }));
    QCOMPARE(cache->unseenCount(inbox), 2);
    int removed = 0;
    QVERIFY(cache->removeUids(inbox, { 2 }, &removed));
    QCOMPARE(cache->unseenCount(inbox), 1);
    QVERIFY(cache->storeSummaries(inbox, { message(4, QStringLiteral("d")) }));
    QCOMPARE(cache->unseenCount(inbox), 2);
    QVERIFY(cache->updateFlags(inbox, {})); // nothing
    QCOMPARE(cache->unseenCount(inbox), 2);

    // Another connection to the same file, as the writer thread is.
    {
        auto other = openCache();
        QVERIFY(other);
        QVERIFY(other->updateFlags(inbox, { Imap::FlagUpdate { 3, { "\\Seen" }, 0 } }));
        QVERIFY(other->storeSummaries(inbox, { message(5, QStringLiteral("e")), message(6, QStringLiteral("f")) }));
    }
    QCOMPARE(cache->unseenCount(inbox), 3); // 4, 5, 6
    QVERIFY(cache->resetFolder(inbox, 2));
    QCOMPARE(cache->unseenCount(inbox), 0);
}

void TestMailCache::walModeIsOn()
{
    auto cache = openCache();
    QVERIFY(cache);
    QVERIFY(cache->resetFolder(QStringLiteral("INBOX"), 1));
    QCOMPARE(scalar(m_path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(m_path, QStringLiteral("PRAGMA user_version")).toInt(), MailCache::SchemaVersion);
    QVERIFY(QFile::exists(m_path + QStringLiteral("-wal")));
}

void TestMailCache::reopeningKeepsEverything()
{
    {
        auto cache = openCache();
        QVERIFY(cache);
        QVERIFY(cache->resetFolder(QStringLiteral("INBOX"), 33));
        QVERIFY(cache->storeSummaries(QStringLiteral("INBOX"),
            { message(7, QStringLiteral("Ça persiste"), { "\\Seen" }), message(8, QStringLiteral("b")) }));
        QVERIFY(cache->setFolderState(QStringLiteral("INBOX"), Imap::MailboxState { 2, 33, 9, 4 }));
    }
    auto cache = openCache();
    QVERIFY(cache);
    const std::optional<CachedFolder> f = cache->folder(QStringLiteral("INBOX"));
    QVERIFY(f);
    QCOMPARE(f->uidValidity, 33u);
    QCOMPARE(f->uidNext, 9u);
    QCOMPARE(f->highestModSeq, 4u);
    QCOMPARE(f->messageCount, 2);
    const auto all = cache->summaries(QStringLiteral("INBOX"));
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(1).envelope.subject, QStringLiteral("Ça persiste"));
    QCOMPARE(all.at(1).flags, QList<QByteArray> { "\\Seen" });

    // Two instances on one file (the engine and the window) see each other's writes.
    auto second = openCache();
    QVERIFY(second);
    QVERIFY(second->removeUids(QStringLiteral("INBOX"), { 8 }));
    QCOMPARE(cache->uids(QStringLiteral("INBOX")), QList<quint32> { 7 });
}

void TestMailCache::newerFormatIsRefused()
{
    scalar(m_path, QStringLiteral("PRAGMA user_version = 2"));
    QCOMPARE(scalar(m_path, QStringLiteral("PRAGMA user_version")).toInt(), 2);

    QString error;
    QVERIFY(!MailCache::open(m_path, &error));
    QVERIFY2(error.contains(QStringLiteral("newer version of Satchel")), qPrintable(error));
    QVERIFY2(error.contains(m_path), qPrintable(error));
    // Left exactly as found: no tables, no switch to WAL.
    QCOMPARE(scalar(m_path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("delete"));
    QCOMPARE(scalar(m_path, QStringLiteral("SELECT count(*) FROM sqlite_master")).toInt(), 0);
}

void TestMailCache::unusablePathsAreRefusedInWords_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QString>("because");
    QTest::newRow("missing folder") << QStringLiteral("no/such/dir/account.sqlite") << QStringLiteral("does not exist");
    QTest::newRow("parent is a file") << QStringLiteral("plain-file/account.sqlite") << QStringLiteral("not a folder");
    QTest::newRow("path is a folder") << QStringLiteral("a-folder") << QStringLiteral("not a file");
    QTest::newRow("not a database") << QStringLiteral("plain-file") << QStringLiteral("not a database");
}

void TestMailCache::unusablePathsAreRefusedInWords()
{
    QFETCH(QString, relative);
    QFETCH(QString, because);
    QFile file(m_dir->filePath(QStringLiteral("plain-file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("a-folder")));

    const QString path = m_dir->filePath(relative);
    QString error;
    QVERIFY(!MailCache::open(path, &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot open the mail cache at ") + path + u':'), qPrintable(error));
    QVERIFY2(error.contains(because), qPrintable(error));
}

void TestMailCache::largeBatch()
{
    auto cache = openCache();
    QVERIFY(cache);
    const QString inbox = QStringLiteral("INBOX");
    QVERIFY(cache->resetFolder(inbox, 1));
    constexpr int count = 100000;
    QList<Imap::MessageSummary> batch;
    batch.reserve(count);
    for (int i = 1; i <= count; ++i) {
        Imap::MessageSummary m = message(quint32(i), QStringLiteral("Message number %1").arg(i),
            i % 3 ? QList<QByteArray> { "\\Seen" } : QList<QByteArray> {});
        m.modseq = quint64(i);
        batch.append(std::move(m));
    }
    // Speed is measured by tests/bench/bench_imap_sync.sh, not here: this checks that a
    // batch this large is stored whole and reads back.
    QVERIFY2(cache->storeSummaries(inbox, batch), qPrintable(cache->lastError()));
    QCOMPARE(cache->folder(inbox)->messageCount, count);
    QCOMPARE(cache->unseenCount(inbox), count / 3);
    const QList<quint32> uids = cache->uids(inbox);
    QCOMPARE(uids.size(), count);
    QCOMPARE(uids.constFirst(), 1u);
    QCOMPARE(uids.constLast(), quint32(count));
}

void TestMailCache::queuedChangesRoundTrip()
{
    QList<quint32> many;
    for (quint32 uid = 1; uid <= 20000; ++uid)
        many.append(uid * 7);
    many.append(4294967295u); // the largest UID: a 32-bit number (RFC 9051 §2.3.1.1)
    // kind is the queue's number; the cache keeps it as it is.
    QueuedChange flags { 0, 1, QStringLiteral("Entwürfe/日本 \"Privat\""), many, { "\\Seen", "\\Flagged", "$Label1" },
        { "\\Answered", "\\Recent" }, QString() };
    QueuedChange move { 0, 2, QStringLiteral("INBOX"), { 42 }, {}, {}, QStringLiteral("Archiv/Größe & 100 %") };
    QueuedChange trash { 0, 4, QStringLiteral("Входящие"), { 3, 1, 2 }, {}, {}, QStringLiteral("Корзина") };
    QueuedChange expunge { 0, 4, QStringLiteral("INBOX"), { 9 }, {}, {}, QString() };
    {
        auto cache = openCache();
        QVERIFY(cache);
        QVERIFY(cache->queuedChanges().isEmpty());
        QVERIFY(cache->lastError().isEmpty());
        for (QueuedChange *change : { &flags, &move, &trash, &expunge }) {
            const std::optional<qint64> seq = cache->appendQueuedChange(*change);
            QVERIFY2(seq, qPrintable(cache->lastError()));
            change->seq = *seq;
        }
        QVERIFY(flags.seq < move.seq && move.seq < trash.seq && trash.seq < expunge.seq);
    }

    // A new instance on the file, as after a restart.
    auto cache = openCache();
    QVERIFY(cache);
    const QList<QueuedChange> back = cache->queuedChanges();
    QVERIFY2(cache->lastError().isEmpty(), qPrintable(cache->lastError()));
    QCOMPARE(back.size(), 4);
    QCOMPARE(back.at(0).seq, flags.seq);
    QCOMPARE(back.at(0).kind, 1);
    QCOMPARE(back.at(0).folder, flags.folder);
    QCOMPARE(back.at(0).uids.size(), many.size());
    QCOMPARE(back.at(0).uids, many);
    QCOMPARE(back.at(0).flagsAdd, flags.flagsAdd);
    QCOMPARE(back.at(0).flagsRemove, flags.flagsRemove); // \Recent too: it is not the server's state
    QVERIFY(back.at(0).destination.isEmpty());
    QCOMPARE(back.at(1).folder, QStringLiteral("INBOX"));
    QCOMPARE(back.at(1).destination, QStringLiteral("Archiv/Größe & 100 %"));
    QVERIFY(back.at(1).flagsAdd.isEmpty() && back.at(1).flagsRemove.isEmpty());
    QCOMPARE(back.at(2).uids, (QList<quint32> { 3, 1, 2 })); // as given, not sorted
    QCOMPARE(back.at(2).folder, QStringLiteral("Входящие"));
    QCOMPARE(back.at(2).destination, QStringLiteral("Корзина"));
    QVERIFY(back == (QList<QueuedChange> { flags, move, trash, expunge }));
    // The folder's text is stored as it is: what another program reading the file sees.
    QCOMPARE(
        scalar(m_path, QStringLiteral("SELECT folder FROM pending_changes WHERE seq = %1").arg(flags.seq)).toString(),
        flags.folder);
    QCOMPARE(scalar(m_path, QStringLiteral("SELECT flags_add FROM pending_changes WHERE seq = %1").arg(flags.seq))
                 .toString(),
        QStringLiteral("\\Seen \\Flagged $Label1"));
}

void TestMailCache::queuedChangesAreRemovedBySeq()
{
    auto cache = openCache();
    QVERIFY(cache);
    QList<qint64> seqs;
    for (quint32 uid = 1; uid <= 3; ++uid) {
        const std::optional<qint64> seq
            = cache->appendQueuedChange({ 0, 1, QStringLiteral("INBOX"), { uid }, { "\\Seen" }, {}, {} });
        QVERIFY2(seq, qPrintable(cache->lastError()));
        seqs.append(*seq);
    }

    QVERIFY2(cache->removeQueuedChange(seqs.at(1)), qPrintable(cache->lastError()));
    QList<QueuedChange> left = cache->queuedChanges();
    QCOMPARE(left.size(), 2);
    QCOMPARE(left.at(0).seq, seqs.at(0));
    QCOMPARE(left.at(0).uids, QList<quint32> { 1 });
    QCOMPARE(left.at(1).seq, seqs.at(2));
    QCOMPARE(left.at(1).uids, QList<quint32> { 3 });

    // Gone already: not an error, and nothing else goes.
    QVERIFY(cache->removeQueuedChange(seqs.at(1)));
    QVERIFY(cache->lastError().isEmpty());
    QCOMPARE(cache->queuedChanges().size(), 2);

    // The last one removed, then a new one: its seq is not one given before, so a seq
    // held in memory can never name a later change.
    QVERIFY(cache->removeQueuedChange(seqs.at(2)));
    QVERIFY(cache->removeQueuedChange(seqs.at(0)));
    QVERIFY(cache->queuedChanges().isEmpty());
    const std::optional<qint64> next
        = cache->appendQueuedChange({ 0, 2, QStringLiteral("INBOX"), { 4 }, {}, {}, QStringLiteral("Archive") });
    QVERIFY2(next, qPrintable(cache->lastError()));
    QVERIFY(*next > seqs.at(2));
    left = cache->queuedChanges();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).seq, *next);
}

void TestMailCache::unreadableQueuedUidsComeBackEmpty()
{
    auto cache = openCache();
    QVERIFY(cache);
    const std::optional<qint64> seq
        = cache->appendQueuedChange({ 0, 1, QStringLiteral("INBOX"), { 1, 2, 3 }, { "\\Seen" }, {}, {} });
    QVERIFY(seq);
    // A UID list half read would send the change to fewer messages than were meant.
    scalar(m_path, QStringLiteral("UPDATE pending_changes SET uids = '1 two 3' WHERE seq = %1").arg(*seq));
    const QList<QueuedChange> back = cache->queuedChanges();
    QVERIFY(cache->lastError().isEmpty());
    QCOMPARE(back.size(), 1);
    QVERIFY(back.at(0).uids.isEmpty());
    QCOMPARE(back.at(0).flagsAdd, QList<QByteArray> { "\\Seen" });
}

void TestMailCache::oldCacheGetsTheQueueTable()
{
    {
        auto cache = openCache();
        QVERIFY(cache);
        QVERIFY(cache->resetFolder(QStringLiteral("INBOX"), 5));
        QVERIFY(cache->storeSummaries(QStringLiteral("INBOX"), { message(1, QStringLiteral("kept")) }));
    }
    // A file written before the queue existed: version 1, without the table.
    scalar(m_path, QStringLiteral("DROP TABLE pending_changes"));
    const QString hasTable
        = QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'pending_changes'");
    QCOMPARE(scalar(m_path, hasTable).toInt(), 0);

    auto cache = openCache();
    QVERIFY(cache);
    QCOMPARE(scalar(m_path, hasTable).toInt(), 1);
    QCOMPARE(scalar(m_path, QStringLiteral("PRAGMA user_version")).toInt(), MailCache::SchemaVersion);
    QCOMPARE(cache->uids(QStringLiteral("INBOX")), QList<quint32> { 1 });
    QVERIFY(cache->queuedChanges().isEmpty());
    QVERIFY(cache->lastError().isEmpty());
    const std::optional<qint64> seq
        = cache->appendQueuedChange({ 0, 1, QStringLiteral("INBOX"), { 1 }, { "\\Flagged" }, {}, {} });
    QVERIFY2(seq, qPrintable(cache->lastError()));
    QCOMPARE(cache->queuedChanges().size(), 1);

    // Opening again finds the table there and leaves the queue alone.
    auto second = openCache();
    QVERIFY(second);
    QCOMPARE(second->queuedChanges().size(), 1);
}

void TestMailCache::referencesRoundTrip()
{
    // Longer than any other text column, and with the ids of a long thread.
    QByteArrayList ids;
    for (int i = 1; i <= 250; ++i)
        ids.append(QByteArray("<thread." + QByteArray::number(i) + "@lists.example.org>"));
    Imap::MessageSummary reply = message(2, QStringLiteral("Re: lunch"));
    reply.envelope.inReplyTo = ids.constLast();
    reply.references = ids.join(' ');
    const Imap::MessageSummary root = message(1, QStringLiteral("lunch"));
    {
        auto cache = openCache();
        QVERIFY(cache);
        QVERIFY(cache->resetFolder(QStringLiteral("INBOX"), 1));
        QVERIFY2(cache->storeSummaries(QStringLiteral("INBOX"), { root, reply }), qPrintable(cache->lastError()));
        const QList<Imap::MessageSummary> all = cache->summaries(QStringLiteral("INBOX"));
        QVERIFY(cache->lastError().isEmpty());
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).uid, 2u);
        QCOMPARE(all.at(0).references, reply.references);
        QCOMPARE(all.at(0).envelope.inReplyTo, ids.constLast());
        QVERIFY(all.at(1).references.isEmpty());
    }
    // In the file: the text as given, and NULL for a message without the field.
    QCOMPARE(scalar(m_path, QStringLiteral("SELECT refs FROM messages WHERE uid = 2")).toString(),
        QString::fromLatin1(reply.references));
    QCOMPARE(scalar(m_path, QStringLiteral("SELECT refs IS NULL FROM messages WHERE uid = 1")).toInt(), 1);

    // Kept across a reopen, and replaced with the row.
    auto cache = openCache();
    QVERIFY(cache);
    QCOMPARE(cache->summaries(QStringLiteral("INBOX"), 1).at(0).references, reply.references);
    reply.references = "<other@example.org>";
    QVERIFY(cache->storeSummaries(QStringLiteral("INBOX"), { reply }));
    QCOMPARE(cache->summaries(QStringLiteral("INBOX"), 1).at(0).references, QByteArray("<other@example.org>"));
}

void TestMailCache::oldCacheGetsTheRefsColumn()
{
    // A file as version 1 wrote it before "refs" existed: its schema, a folder and a message.
    const QStringList version1 = {
        QStringLiteral("CREATE TABLE folders (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, uidvalidity INTEGER,"
                       " uidnext INTEGER, highestmodseq INTEGER, exists_count INTEGER, synced_at INTEGER)"),
        QStringLiteral("CREATE TABLE messages (folder_id INTEGER REFERENCES folders(id) ON DELETE CASCADE, uid INTEGER,"
                       " flags TEXT, internaldate INTEGER, size INTEGER, modseq INTEGER, date INTEGER, subject TEXT,"
                       " from_name TEXT, from_email TEXT, recipients TEXT, cc TEXT, message_id TEXT, in_reply_to TEXT,"
                       " PRIMARY KEY (folder_id, uid)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX messages_by_date ON messages (folder_id, date)"),
        QStringLiteral("PRAGMA user_version=1"),
        QStringLiteral("INSERT INTO folders (id, name, uidvalidity, uidnext, highestmodseq, exists_count, synced_at)"
                       " VALUES (1, 'INBOX', 5, 8, 0, 1, NULL)"),
        QStringLiteral("INSERT INTO messages (folder_id, uid, flags, internaldate, size, modseq, date, subject,"
                       " from_name, from_email, recipients, cc, message_id, in_reply_to)"
                       " VALUES (1, 7, '\\Seen', 1709283600000, 1007, 0, 1709281800000, 'written by version 1',"
                       " 'Old', 'old@example.org', 'me@example.org', NULL, '<7@example.org>', '<6@example.org>')"),
    };
    {
        const QString connection = QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &statement : version1)
                QVERIFY2(q.exec(statement), qPrintable(statement));
        }
        QSqlDatabase::removeDatabase(connection);
    }
    QVERIFY(!columnsOf(m_path, QStringLiteral("messages")).contains(QStringLiteral("refs")));

    auto cache = openCache();
    QVERIFY(cache);
    const QStringList columns = columnsOf(m_path, QStringLiteral("messages"));
    QCOMPARE(columns.count(QStringLiteral("refs")), 1);
    QCOMPARE(columns.size(), 15);
    QCOMPARE(scalar(m_path, QStringLiteral("PRAGMA user_version")).toInt(), MailCache::SchemaVersion);

    QList<Imap::MessageSummary> all = cache->summaries(QStringLiteral("INBOX"));
    QVERIFY2(cache->lastError().isEmpty(), qPrintable(cache->lastError()));
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.at(0).uid, 7u);
    QCOMPARE(all.at(0).envelope.subject, QStringLiteral("written by version 1"));
    QCOMPARE(all.at(0).envelope.inReplyTo, QByteArray("<6@example.org>"));
    QVERIFY(all.at(0).references.isEmpty());

    Imap::MessageSummary fresh = message(8, QStringLiteral("new"));
    fresh.references = "<5@example.org> <6@example.org> <7@example.org>";
    QVERIFY2(cache->storeSummaries(QStringLiteral("INBOX"), { fresh }), qPrintable(cache->lastError()));
    all = cache->summaries(QStringLiteral("INBOX"));
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).references, fresh.references);
    QVERIFY(all.at(1).references.isEmpty());

    // Opening again (while the first is open, as the engine and the window do) finds the
    // column there and adds no second one.
    auto second = openCache();
    QVERIFY(second);
    QCOMPARE(columnsOf(m_path, QStringLiteral("messages")), columns);
    QCOMPARE(second->summaries(QStringLiteral("INBOX"), 1).at(0).references, fresh.references);
    cache.reset();
    second.reset();
    auto third = openCache();
    QVERIFY(third);
    QCOMPARE(columnsOf(m_path, QStringLiteral("messages")), columns);
}

QTEST_GUILESS_MAIN(TestMailCache)
#include "tst_mail_cache.moc"
