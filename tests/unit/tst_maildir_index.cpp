// A POP3 account's Maildir as a cached folder: UIDs follow delivery order, survive a
// flag rename and a reopen, grow and are never reused (not even when the map is lost);
// flags come from the ":2," info and are written back sorted, keeping letters that are
// not ours; summaries carry decoded headers like an IMAP ENVELOPE, and a file that is
// not mail at all still gets a row. syncMaildirIntoCache keeps a real MailCache in step.
#include "protocols/store/MailCache.h"
#include "protocols/store/MaildirCacheSync.h"
#include "protocols/store/MaildirIndex.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Satchel;
using namespace Satchel::Store;

namespace {

using FlagMap = QHash<quint32, QList<QByteArray>>;

// What a cache holding only flags would look like after applying the changes.
void apply(const MaildirIndex::Changes &changes, FlagMap *cache)
{
    for (const quint32 uid : changes.removed) {
        cache->remove(uid);
    }
    for (const Imap::FlagUpdate &update : changes.flags) {
        cache->insert(update.uid, update.flags);
    }
    for (const Imap::MessageSummary &summary : changes.added) {
        cache->insert(summary.uid, summary.flags);
    }
}

// A reader that caches only flags: what its last scan changed (already applied to
// `flags`) and, when the scan failed, why.
struct Reader {
    FlagMap flags;
    MaildirIndex::Changes changes;
    QString error;

    // Scans `index` against the cached flags and applies what it found to them.
    bool scan(MaildirIndex &index)
    {
        if (!index.scan(flags, &changes, &error)) {
            return false;
        }
        apply(changes, &flags);
        return true;
    }
};

QList<quint32> uidsOf(const QList<Imap::MessageSummary> &summaries)
{
    QList<quint32> uids;
    for (const Imap::MessageSummary &summary : summaries) {
        uids.append(summary.uid);
    }
    return uids;
}

QString uniqueNameOf(const QString &path)
{
    return QFileInfo(path).fileName().section(QLatin1Char(':'), 0, 0);
}

QString displayOf(const QList<Imap::Address> &addresses)
{
    QStringList shown;
    for (const Imap::Address &address : addresses) {
        shown.append(address.display());
    }
    return shown.join(QStringLiteral(", "));
}

QByteArray mail(const QByteArray &subject)
{
    return "From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: " + subject
        + "\r\nDate: Tue, 14 Nov 2023 22:13:20 +0100\r\n\r\nHello.\r\n";
}

const QDateTime kDelivered(QDate(2023, 11, 15), QTime(8, 0), Qt::UTC);
const QString kFolder = QStringLiteral("INBOX");

} // namespace

class TestMaildirIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void uidsFollowDeliveryOrder_data();
    void uidsFollowDeliveryOrder();
    void uidStaysThroughRenameAndReopen();
    void uidsGrowAndAreNeverReused();
    void lostMapNeverReusesCachedUids();
    void flagsFromNames_data();
    void flagsFromNames();
    void namesWithFlags_data();
    void namesWithFlags();
    void setFlagsRenamesIntoCur();
    void removeDeletesTheFile();
    void summariesCarryTheHeaders_data();
    void summariesCarryTheHeaders();
    void summariesCarryReferences_data();
    void summariesCarryReferences();
    void hugeReferencesAreCutLikeImaps();
    void malformedFilesStillGetARow_data();
    void malformedFilesStillGetARow();
    void oddNamesAndFilesAreSkipped();
    void mapKeepsAnyNameAndRefusesAnotherFormat();
    void missingMaildirIsAnError();
    void syncKeepsTheCacheInStep();
    void syncResetsAFolderOfAnotherUidValidity();

private:
    // Writes a message file by hand, as a delivery agent or another reader would.
    bool put(const QString &relative, const QByteArray &bytes, const QDateTime &modified = kDelivered) const
    {
        QFile file(m_root + QLatin1Char('/') + relative);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush()) {
            return false;
        }
        return file.setFileTime(modified, QFileDevice::FileModificationTime);
    }
    bool exists(const QString &relative) const { return QFile::exists(m_root + QLatin1Char('/') + relative); }
    std::unique_ptr<MaildirIndex> openIndex() const { return std::make_unique<MaildirIndex>(m_root, m_mapPath); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    QString m_mapPath;
};

void TestMaildirIndex::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = m_dir->filePath(QStringLiteral("Mail"));
    m_mapPath = m_dir->filePath(QStringLiteral("cache/account.maildir-uids"));
    for (const char *sub : { "tmp", "new", "cur" }) {
        QVERIFY(QDir().mkpath(m_root + QLatin1Char('/') + QLatin1String(sub)));
    }
}

void TestMaildirIndex::uidsFollowDeliveryOrder_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QStringList>("order"); // unique names by UID

    QTest::newRow("seconds, then microseconds as numbers")
        << QStringList { QStringLiteral("new/1700000000.M40P7Q2.host"), QStringLiteral("new/1700000000.M5P7Q1.host"),
               QStringLiteral("new/1699999999.M999999P7Q9.host") }
        << QStringList { QStringLiteral("1699999999.M999999P7Q9.host"), QStringLiteral("1700000000.M5P7Q1.host"),
               QStringLiteral("1700000000.M40P7Q2.host") };
    QTest::newRow("a longer time is a later one")
        << QStringList { QStringLiteral("new/1000000000.M1P2.host"), QStringLiteral("new/999999999.M1P2.host") }
        << QStringList { QStringLiteral("999999999.M1P2.host"), QStringLiteral("1000000000.M1P2.host") };
    QTest::newRow("the counter orders one microsecond")
        << QStringList { QStringLiteral("new/1700000000.M5P7Q10.host"), QStringLiteral("new/1700000000.M5P7Q9.host") }
        << QStringList { QStringLiteral("1700000000.M5P7Q9.host"), QStringLiteral("1700000000.M5P7Q10.host") };
    QTest::newRow("new/ and cur/ together")
        << QStringList { QStringLiteral("cur/1700000002.M1P2.host:2,S"), QStringLiteral("new/1700000001.M1P2.host") }
        << QStringList { QStringLiteral("1700000001.M1P2.host"), QStringLiteral("1700000002.M1P2.host") };
    QTest::newRow("names without a time go last") << QStringList { QStringLiteral("new/zzz-by-hand"),
        QStringLiteral("new/1700000000.M1P2.host"), QStringLiteral("new/abc-by-hand") }
                                                  << QStringList { QStringLiteral("1700000000.M1P2.host"),
                                                         QStringLiteral("abc-by-hand"), QStringLiteral("zzz-by-hand") };
}

void TestMaildirIndex::uidsFollowDeliveryOrder()
{
    QFETCH(QStringList, files);
    QFETCH(QStringList, order);
    for (const QString &file : std::as_const(files)) {
        QVERIFY(put(file, mail("hi")));
    }
    auto index = openIndex();
    Reader reader;
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QVERIFY(reader.changes.removed.isEmpty() && reader.changes.flags.isEmpty());
    QCOMPARE(reader.changes.added.size(), order.size());
    for (qsizetype i = 0; i < order.size(); ++i) {
        const quint32 uid = reader.changes.added.at(i).uid;
        QCOMPARE(uid, quint32(i + 1));
        QCOMPARE(uniqueNameOf(index->pathOf(uid)), order.at(i));
    }
    QCOMPARE(index->nextUid(), quint32(order.size() + 1));
}

void TestMaildirIndex::uidStaysThroughRenameAndReopen()
{
    QVERIFY(put(QStringLiteral("new/1700000000.M1P2.host"), mail("one")));
    QVERIFY(put(QStringLiteral("new/1700000001.M1P2.host"), mail("two")));
    auto index = openIndex();
    Reader reader;
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QCOMPARE(uidsOf(reader.changes.added), (QList<quint32> { 1, 2 }));

    // Another reader marks the first one seen: new/NAME -> cur/NAME:2,S (the spec's move).
    QVERIFY(QFile::rename(m_root + QStringLiteral("/new/1700000000.M1P2.host"),
        m_root + QStringLiteral("/cur/1700000000.M1P2.host:2,S")));
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QVERIFY(reader.changes.added.isEmpty());
    QVERIFY(reader.changes.removed.isEmpty());
    QCOMPARE(reader.changes.flags.size(), 1);
    QCOMPARE(reader.changes.flags.at(0).uid, 1u);
    QCOMPARE(reader.changes.flags.at(0).flags, QByteArrayList { "\\Seen" });
    QCOMPARE(index->pathOf(1), m_root + QStringLiteral("/cur/1700000000.M1P2.host:2,S"));

    // Another instance reading the same map knows the same UIDs.
    auto reopened = openIndex();
    QVERIFY2(reader.scan(*reopened), qPrintable(reader.error));
    QVERIFY(reader.changes.isEmpty());
    QCOMPARE(reopened->pathOf(1), m_root + QStringLiteral("/cur/1700000000.M1P2.host:2,S"));
    QCOMPARE(reopened->pathOf(2), m_root + QStringLiteral("/new/1700000001.M1P2.host"));
    QCOMPARE(reopened->messageCount(), qsizetype(2));
}

void TestMaildirIndex::uidsGrowAndAreNeverReused()
{
    QVERIFY(put(QStringLiteral("new/1700000000.M1P2.host"), mail("a")));
    QVERIFY(put(QStringLiteral("new/1700000001.M1P2.host"), mail("b")));
    auto index = openIndex();
    Reader reader;
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));

    // The message with the highest UID goes; its UID must not come back.
    QVERIFY(QFile::remove(index->pathOf(2)));
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QCOMPARE(reader.changes.removed, QList<quint32> { 2 });
    QVERIFY(reader.changes.added.isEmpty() && reader.changes.flags.isEmpty());
    QVERIFY(index->pathOf(2).isEmpty());

    auto reopened = openIndex();
    QVERIFY2(reader.scan(*reopened), qPrintable(reader.error));
    QVERIFY(reader.changes.isEmpty());
    QVERIFY(put(QStringLiteral("new/1700000002.M1P2.host"), mail("c")));
    QVERIFY2(reader.scan(*reopened), qPrintable(reader.error));
    QCOMPARE(uidsOf(reader.changes.added), QList<quint32> { 3 });

    // remove() leaves the map file to the next scan; a reader of the stale map still
    // drops the message and does not hand its UID out again.
    QString error;
    QVERIFY2(reopened->remove(3, &error), qPrintable(error));
    QVERIFY(!exists(QStringLiteral("new/1700000002.M1P2.host")));
    auto third = openIndex();
    QVERIFY(put(QStringLiteral("new/1700000003.M1P2.host"), mail("d")));
    QVERIFY2(reader.scan(*third), qPrintable(reader.error));
    QCOMPARE(reader.changes.removed, QList<quint32> { 3 });
    QCOMPARE(uidsOf(reader.changes.added), QList<quint32> { 4 });
    QCOMPARE(third->nextUid(), 5u);
}

void TestMaildirIndex::lostMapNeverReusesCachedUids()
{
    QVERIFY(put(QStringLiteral("new/1700000000.M1P2.host"), mail("a")));
    QVERIFY(put(QStringLiteral("cur/1700000001.M1P2.host:2,S"), mail("b")));
    Reader reader;
    QVERIFY2(reader.scan(*openIndex()), qPrintable(reader.error));
    QVERIFY(QFile::remove(m_mapPath));

    // The cache still holds 1 and 2; they may not name other messages now.
    auto index = openIndex();
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QCOMPARE(reader.changes.removed, (QList<quint32> { 1, 2 }));
    QCOMPARE(uidsOf(reader.changes.added), (QList<quint32> { 3, 4 }));
    QCOMPARE(uniqueNameOf(index->pathOf(3)), QStringLiteral("1700000000.M1P2.host"));
}

void TestMaildirIndex::flagsFromNames_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QByteArrayList>("flags");

    QTest::newRow("new/ has no flags") << QStringLiteral("new/1700000000.M1P2.host:2,S") << QByteArrayList {};
    QTest::newRow("cur/ without info") << QStringLiteral("cur/1700000000.M1P2.host") << QByteArrayList {};
    QTest::newRow(":2, and no letters") << QStringLiteral("cur/1700000000.M1P2.host:2,") << QByteArrayList {};
    QTest::newRow(":2,S") << QStringLiteral("cur/1700000000.M1P2.host:2,S") << QByteArrayList { "\\Seen" };
    QTest::newRow(":2,FRS") << QStringLiteral("cur/1700000000.M1P2.host:2,FRS")
                            << QByteArrayList { "\\Flagged", "\\Answered", "\\Seen" };
    QTest::newRow(":2,ST") << QStringLiteral("cur/1700000000.M1P2.host:2,ST")
                           << QByteArrayList { "\\Seen", "\\Deleted" };
    QTest::newRow(":2,DFPRST") << QStringLiteral("cur/1700000000.M1P2.host:2,DFPRST")
                               << QByteArrayList { "\\Draft", "\\Flagged", "\\Answered", "\\Seen", "\\Deleted" };
    QTest::newRow("letters out of order")
        << QStringLiteral("cur/1700000000.M1P2.host:2,SF") << QByteArrayList { "\\Flagged", "\\Seen" };
    QTest::newRow("keyword letters are no system flags")
        << QStringLiteral("cur/1700000000.M1P2.host:2,Sab") << QByteArrayList { "\\Seen" };
    QTest::newRow("experimental :1, info") << QStringLiteral("cur/1700000000.M1P2.host:1,S") << QByteArrayList {};
}

void TestMaildirIndex::flagsFromNames()
{
    QFETCH(QString, relative);
    QFETCH(QByteArrayList, flags);
    if (relative.startsWith(QLatin1String("cur/"))) {
        QCOMPARE(flagsFromMaildirInfo(relative.mid(4)), flags);
    }
    QVERIFY(put(relative, mail("x")));
    auto index = openIndex();
    Reader reader;
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QCOMPARE(reader.changes.added.size(), 1);
    QCOMPARE(reader.changes.added.at(0).flags, flags);
}

void TestMaildirIndex::namesWithFlags_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArrayList>("flags");
    QTest::addColumn<QString>("expected");

    QTest::newRow("info added") << QStringLiteral("x.host") << QByteArrayList { "\\Seen" }
                                << QStringLiteral("x.host:2,S");
    QTest::newRow("letters in ASCII order")
        << QStringLiteral("x.host") << QByteArrayList { "\\Seen", "\\Flagged", "\\Answered" }
        << QStringLiteral("x.host:2,FRS");
    QTest::newRow("every system flag") << QStringLiteral("x.host:2,S")
                                       << QByteArrayList { "\\Deleted", "\\Draft", "\\Seen", "\\Answered", "\\Flagged" }
                                       << QStringLiteral("x.host:2,DFRST");
    QTest::newRow("unknown letters kept")
        << QStringLiteral("x.host:2,PSa") << QByteArrayList { "\\Draft" } << QStringLiteral("x.host:2,DPa");
    QTest::newRow("flags in any case") << QStringLiteral("x.host") << QByteArrayList { "\\SEEN", "\\flagged" }
                                       << QStringLiteral("x.host:2,FS");
    QTest::newRow("flags without a letter")
        << QStringLiteral("x.host:2,S") << QByteArrayList { "$Junk", "\\Recent" } << QStringLiteral("x.host:2,");
    QTest::newRow("experimental info replaced")
        << QStringLiteral("x.host:1,whatever") << QByteArrayList { "\\Seen" } << QStringLiteral("x.host:2,S");
    QTest::newRow("no flags") << QStringLiteral("x.host:2,FS") << QByteArrayList {} << QStringLiteral("x.host:2,");
}

void TestMaildirIndex::namesWithFlags()
{
    QFETCH(QString, name);
    QFETCH(QByteArrayList, flags);
    QFETCH(QString, expected);
    QCOMPARE(withMaildirFlags(name, flags), expected);
}

void TestMaildirIndex::setFlagsRenamesIntoCur()
{
    QVERIFY(put(QStringLiteral("new/1700000000.M1P2.host"), mail("a")));
    QVERIFY(put(QStringLiteral("cur/1700000001.M1P2.host:2,PS"), mail("b")));
    auto index = openIndex();
    Reader reader;
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));

    QString error;
    QVERIFY2(index->setFlags(1, { "\\Seen", "\\Flagged" }, {}, &error), qPrintable(error));
    QCOMPARE(index->pathOf(1), m_root + QStringLiteral("/cur/1700000000.M1P2.host:2,FS"));
    QVERIFY(exists(QStringLiteral("cur/1700000000.M1P2.host:2,FS")));
    QVERIFY(!exists(QStringLiteral("new/1700000000.M1P2.host")));
    QVERIFY2(index->setFlags(1, {}, { "\\seen" }, &error), qPrintable(error));
    QCOMPARE(index->pathOf(1), m_root + QStringLiteral("/cur/1700000000.M1P2.host:2,F"));

    // P ("passed") has no IMAP system flag; it stays.
    QVERIFY2(index->setFlags(2, { "\\Answered" }, {}, &error), qPrintable(error));
    QVERIFY(exists(QStringLiteral("cur/1700000001.M1P2.host:2,PRS")));
    QVERIFY2(index->setFlags(2, {}, { "\\Seen" }, &error), qPrintable(error));
    QVERIFY(exists(QStringLiteral("cur/1700000001.M1P2.host:2,PR")));

    // Moved by another program since: found again by its unique name.
    QVERIFY(QFile::rename(m_root + QStringLiteral("/cur/1700000001.M1P2.host:2,PR"),
        m_root + QStringLiteral("/cur/1700000001.M1P2.host:2,PRS")));
    QVERIFY2(index->setFlags(2, { "\\Flagged" }, {}, &error), qPrintable(error));
    QVERIFY(exists(QStringLiteral("cur/1700000001.M1P2.host:2,FPRS")));

    QVERIFY(!index->setFlags(99, { "\\Seen" }, {}, &error));
    QVERIFY2(error.contains(QStringLiteral("99")), qPrintable(error));

    // Same messages, same UIDs, the new flags.
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QVERIFY(reader.changes.added.isEmpty() && reader.changes.removed.isEmpty());
    QCOMPARE(reader.changes.flags.size(), 2);
    QCOMPARE(reader.changes.flags.at(0).uid, 1u);
    QCOMPARE(reader.changes.flags.at(0).flags, QByteArrayList { "\\Flagged" });
    QCOMPARE(reader.changes.flags.at(1).uid, 2u);
    QCOMPARE(reader.changes.flags.at(1).flags, (QByteArrayList { "\\Flagged", "\\Answered", "\\Seen" }));
}

void TestMaildirIndex::removeDeletesTheFile()
{
    QVERIFY(put(QStringLiteral("cur/1700000000.M1P2.host:2,S"), mail("a")));
    auto index = openIndex();
    Reader reader;
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QString error;
    QVERIFY2(index->remove(1, &error), qPrintable(error));
    QVERIFY(!exists(QStringLiteral("cur/1700000000.M1P2.host:2,S")));
    QVERIFY(index->pathOf(1).isEmpty());
    QCOMPARE(index->messageCount(), qsizetype(0));
    QVERIFY(!index->remove(1, &error));
}

void TestMaildirIndex::summariesCarryTheHeaders_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QDateTime>("date");
    QTest::addColumn<QByteArray>("messageId");

    QTest::newRow("plain") << QByteArray("From: Alice Example <alice@example.org>\r\n"
                                         "To: bob@example.org, Carol <carol@example.org>\r\n"
                                         "Subject: Lunch?\r\n"
                                         "Date: Tue, 14 Nov 2023 22:13:20 +0100\r\n"
                                         "Message-ID: <lunch@example.org>\r\n"
                                         "\r\n"
                                         "At noon.\r\n")
                           << QStringLiteral("Lunch?") << QStringLiteral("Alice Example <alice@example.org>")
                           << QStringLiteral("bob@example.org, Carol <carol@example.org>")
                           << QDateTime(QDate(2023, 11, 14), QTime(21, 13, 20), Qt::UTC)
                           << QByteArray("<lunch@example.org>");
    QTest::newRow("RFC 2047 encoded words, LF line ends")
        << QByteArray("From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <j@example.org>\n"
                      "Subject: =?UTF-8?B?R3LDvMOfZQ==?=\n"
                      "Date: 1 Jan 2024 00:00:00 +0000\n"
                      "\n"
                      "Hallo\n")
        << QStringLiteral("Grüße") << QStringLiteral("Jürgen Müller <j@example.org>") << QString()
        << QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC) << QByteArray();
    QTest::newRow("folded subject, quoted name")
        << QByteArray("Subject: =?UTF-8?Q?Gr=C3=BC?=\r\n =?UTF-8?Q?=C3=9Fe?= aus\r\n Berlin\r\n"
                      "From: \"Doe, John\" <john@example.org>\r\n"
                      "\r\n")
        << QStringLiteral("Grüße aus Berlin") << QStringLiteral("Doe, John <john@example.org>") << QString()
        << QDateTime() << QByteArray();
    QTest::newRow("8-bit UTF-8 subject") << QByteArray("Subject: Gr\xC3\xBC\xC3\x9F"
                                                       "e\r\n\r\n")
                                         << QStringLiteral("Grüße") << QString() << QString() << QDateTime()
                                         << QByteArray();
    QTest::newRow("names in any case, the first field counts")
        << QByteArray("SUBJECT: first\r\nsubject: second\r\nfrom: a@example.org\r\nMESSAGE-id: <x@y>\r\n\r\n")
        << QStringLiteral("first") << QStringLiteral("a@example.org") << QString() << QDateTime()
        << QByteArray("<x@y>");
    QTest::newRow("a group lists its members")
        << QByteArray("From: Team: a@example.org, B <b@example.org>;\r\nTo: undisclosed-recipients:;\r\n\r\n")
        << QString() << QStringLiteral("a@example.org, B <b@example.org>") << QString() << QDateTime() << QByteArray();
}

void TestMaildirIndex::summariesCarryTheHeaders()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, subject);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QDateTime, date);
    QFETCH(QByteArray, messageId);
    QVERIFY(put(QStringLiteral("new/1700000000.M1P2.host"), raw));
    auto index = openIndex();
    Reader reader;
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QCOMPARE(reader.changes.added.size(), 1);
    const Imap::MessageSummary &s = reader.changes.added.at(0);
    QCOMPARE(s.envelope.subject, subject);
    QCOMPARE(displayOf(s.envelope.from), from);
    QCOMPARE(displayOf(s.envelope.to), to);
    QCOMPARE(s.envelope.date.isValid(), date.isValid());
    if (date.isValid()) {
        QCOMPARE(s.envelope.date.toMSecsSinceEpoch(), date.toMSecsSinceEpoch());
    }
    QCOMPARE(s.envelope.messageId, messageId);
    QCOMPARE(s.size, quint64(raw.size()));
    QCOMPARE(s.internalDate, kDelivered);
    QCOMPARE(s.internalDate.timeSpec(), Qt::UTC);
    QVERIFY(s.flags.isEmpty());
}

void TestMaildirIndex::summariesCarryReferences_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("references");
    QTest::addColumn<QByteArray>("inReplyTo");

    // Unfolding removes the line break and keeps the white space after it (RFC 5322 §2.2.3).
    QTest::newRow("folded over three lines")
        << QByteArray("From: a@example.org\r\nReferences: <a@example.org>\r\n <b@example.org>\r\n\t<c@example.org>\r\n"
                      "In-Reply-To: <c@example.org>\r\nSubject: Re: x\r\n\r\nbody\r\n")
        << QByteArray("<a@example.org> <b@example.org>\t<c@example.org>") << QByteArray("<c@example.org>");
    QTest::newRow("lower case, LF line ends, blanks around")
        << QByteArray("references:   <a@example.org>\n <b@example.org>  \n\nbody\n")
        << QByteArray("<a@example.org> <b@example.org>") << QByteArray();
    QTest::newRow("absent, In-Reply-To folded")
        << QByteArray("Subject: Re: x\r\nIn-Reply-To:\r\n <p@example.org>\r\n\r\nReferences: <body@example.org>\r\n")
        << QByteArray() << QByteArray("<p@example.org>");
    QTest::newRow("a later duplicate does not count")
        << QByteArray("References: <first@example.org>\r\nSubject: x\r\nREFERENCES: <second@example.org>\r\n"
                      " <third@example.org>\r\n\r\n")
        << QByteArray("<first@example.org>") << QByteArray();
}

void TestMaildirIndex::summariesCarryReferences()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, references);
    QFETCH(QByteArray, inReplyTo);
    QVERIFY(put(QStringLiteral("new/1700000000.M1P2.host"), raw));
    auto index = openIndex();
    Reader reader;
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QCOMPARE(reader.changes.added.size(), 1);
    const Imap::MessageSummary &s = reader.changes.added.at(0);
    QCOMPARE(s.references, references);
    QCOMPARE(s.envelope.inReplyTo, inReplyTo);
}

// A sender controls a POP3 message's References: 3,000 ids (90 KB) are cut to the first
// id and the newest ids, as the IMAP path cuts them, so neither the cache nor threading
// carries the whole field.
void TestMaildirIndex::hugeReferencesAreCutLikeImaps()
{
    QByteArrayList ids;
    for (int n = 0; n < 3000; ++n) {
        ids.append("<" + QByteArray::number(n).rightJustified(8, '0') + "@references.example.org>");
    }
    const QByteArray raw = "Subject: long thread\r\nReferences: " + ids.join("\r\n ") + "\r\n\r\nbody\r\n";
    QVERIFY(raw.size() < MaildirIndex::MaxHeaderBytes);
    QVERIFY(put(QStringLiteral("new/1700000000.M1P2.host"), raw));
    auto index = openIndex();
    Reader reader;
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QCOMPARE(reader.changes.added.size(), 1);
    const QByteArray kept = reader.changes.added.at(0).references;
    QVERIFY2(kept.size() <= 8192 && kept.size() > 8000, qPrintable(QString::number(kept.size())));
    const QByteArrayList pieces = kept.split(' ');
    QCOMPARE(pieces.first(), ids.first());
    // The rest is the newest ids, whole and in order, up to the last.
    const QByteArrayList newest = ids.mid(ids.size() - (pieces.size() - 1));
    QCOMPARE(pieces.mid(1), newest);
}

void TestMaildirIndex::malformedFilesStillGetARow_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("subject");

    QByteArray junk(3000, '\0');
    for (qsizetype i = 0; i < junk.size(); ++i) {
        junk[i] = static_cast<char>(i % 5 == 0 ? 0 : 0x80 | (i * 7 % 128));
    }
    QByteArray endless = "Subject: early\r\n";
    while (endless.size() < MaildirIndex::MaxHeaderBytes + 64 * 1024) {
        endless += "X-Filler: " + QByteArray(100, 'a') + "\r\n";
    }
    endless += "Subject: too late\r\n\r\nbody\r\n";

    QTest::newRow("empty file") << QByteArray() << QString();
    QTest::newRow("a body and no header") << QByteArray("\r\nSubject: not a header\r\n") << QString();
    QTest::newRow("binary junk") << junk << QString();
    QTest::newRow("lines without colons") << QByteArray("this is not\r\na header\r\n\r\nbody") << QString();
    QTest::newRow("empty fields, unreadable date")
        << QByteArray("From: \r\nDate: not a date at all\r\nSubject:\r\n\r\n") << QString();
    QTest::newRow("a header that does not end") << endless << QStringLiteral("early");
    QTest::newRow("no line end at all") << QByteArray("Subject: cut off") << QStringLiteral("cut off");
}

void TestMaildirIndex::malformedFilesStillGetARow()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, subject);
    QVERIFY(put(QStringLiteral("new/1700000000.M1P2.host"), raw));
    auto index = openIndex();
    Reader reader;
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QCOMPARE(reader.changes.added.size(), 1);
    const Imap::MessageSummary &s = reader.changes.added.at(0);
    QCOMPARE(s.uid, 1u);
    QCOMPARE(s.envelope.subject, subject);
    QVERIFY(s.envelope.from.isEmpty());
    QVERIFY(!s.envelope.date.isValid());
    QCOMPARE(s.size, quint64(raw.size()));
    QCOMPARE(s.internalDate, kDelivered); // what the list shows when there is no Date
}

void TestMaildirIndex::oddNamesAndFilesAreSkipped()
{
    QVERIFY(put(QStringLiteral("cur/:2,S"), mail("no unique name")));
    QVERIFY(put(QStringLiteral("new/.hidden"), mail("dot file")));
    QVERIFY(put(QStringLiteral("tmp/1700000000.M9P2.host"), mail("still being delivered")));
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/new/1700000000.M8P2.host")));
    QVERIFY(put(QStringLiteral("new/1700000000.M1P2.host"), mail("real")));
    // A reader that crashed between copying and deleting: one message, the cur/ copy.
    QVERIFY(put(QStringLiteral("new/1700000001.M1P2.host"), mail("twice")));
    QVERIFY(put(QStringLiteral("cur/1700000001.M1P2.host:2,S"), mail("twice")));

    auto index = openIndex();
    Reader reader;
    QVERIFY2(reader.scan(*index), qPrintable(reader.error));
    QCOMPARE(uidsOf(reader.changes.added), (QList<quint32> { 1, 2 }));
    QCOMPARE(reader.changes.added.at(0).envelope.subject, QStringLiteral("real"));
    QCOMPARE(index->pathOf(2), m_root + QStringLiteral("/cur/1700000001.M1P2.host:2,S"));
    QCOMPARE(reader.changes.added.at(1).flags, QByteArrayList { "\\Seen" });
}

void TestMaildirIndex::mapKeepsAnyNameAndRefusesAnotherFormat()
{
    // '%', TAB and LF are legal in a file name and must not break the map's lines.
    const QString odd = QStringLiteral("1700000000.M1P2.we%25ird\tname\nhost");
    QVERIFY(put(QStringLiteral("new/") + odd, mail("odd")));
    QVERIFY(put(QStringLiteral("new/1700000001.M1P2.host"), mail("plain")));
    Reader reader;
    QVERIFY2(reader.scan(*openIndex()), qPrintable(reader.error));

    QFile map(m_mapPath);
    QVERIFY(map.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = map.readAll().split('\n');
    map.close();
    QCOMPARE(lines.value(0), QByteArray("satchel-maildir-uids 1"));
    QCOMPARE(lines.value(1), QByteArray("next\t3"));
    QCOMPARE(lines.value(2), QByteArray("1\t1700000000.M1P2.we%2525ird%09name%0Ahost"));
    QCOMPARE(lines.value(3), QByteArray("2\t1700000001.M1P2.host"));

    auto reopened = openIndex();
    QVERIFY2(reader.scan(*reopened), qPrintable(reader.error));
    QVERIFY(reader.changes.isEmpty());
    QCOMPARE(reopened->pathOf(1), m_root + QStringLiteral("/new/") + odd);

    // A map this version cannot read is not silently started afresh.
    QVERIFY(map.open(QIODevice::WriteOnly | QIODevice::Truncate));
    map.write("satchel-maildir-uids 9\nnext\t3\n");
    map.close();
    QVERIFY(!reader.scan(*openIndex()));
    QVERIFY2(reader.error.contains(m_mapPath) && reader.error.contains(QStringLiteral("format 9")),
        qPrintable(reader.error));
    QVERIFY(map.open(QIODevice::WriteOnly | QIODevice::Truncate));
    map.write("hello\n");
    map.close();
    QVERIFY(!reader.scan(*openIndex()));
    QVERIFY2(reader.error.contains(m_mapPath), qPrintable(reader.error));
}

void TestMaildirIndex::missingMaildirIsAnError()
{
    MaildirIndex index(m_dir->filePath(QStringLiteral("nowhere")), m_mapPath);
    Reader reader;
    QVERIFY(!reader.scan(index));
    QVERIFY2(reader.error.contains(QStringLiteral("nowhere/new")), qPrintable(reader.error));
    QVERIFY(!QFile::exists(m_mapPath));
}

void TestMaildirIndex::syncKeepsTheCacheInStep()
{
    QString error;
    auto cache = MailCache::open(m_dir->filePath(QStringLiteral("account.sqlite")), &error);
    QVERIFY2(cache, qPrintable(error));
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(put(QStringLiteral("new/170000000%1.M1P2.host").arg(i), mail("new " + QByteArray::number(i))));
    }
    QVERIFY(put(QStringLiteral("cur/1700000004.M1P2.host:2,S"), mail("seen")));
    QVERIFY(put(QStringLiteral("cur/1700000005.M1P2.host:2,FS"), mail("flagged")));
    auto index = openIndex();

    int unseen = -1;
    QVERIFY2(syncMaildirIntoCache(*index, *cache, kFolder, &unseen, &error), qPrintable(error));
    QCOMPARE(unseen, 3);
    QCOMPARE(cache->uids(kFolder), (QList<quint32> { 1, 2, 3, 4, 5 }));
    const std::optional<CachedFolder> folder = cache->folder(kFolder);
    QVERIFY(folder);
    QCOMPARE(folder->uidValidity, MaildirIndex::UidValidity);
    QCOMPARE(folder->uidNext, 6u);
    QCOMPARE(folder->messageCount, qint64(5));
    const QList<Imap::MessageSummary> first = cache->summaries(kFolder);
    QCOMPARE(first.at(0).uid, 5u);
    QCOMPARE(first.at(0).envelope.subject, QStringLiteral("flagged"));
    QCOMPARE(first.at(0).flags, (QByteArrayList { "\\Flagged", "\\Seen" }));
    QCOMPARE(first.at(0).envelope.from,
        (QList<Imap::Address> { { QStringLiteral("Alice"), QStringLiteral("alice@example.org") } }));

    // Nothing changed: nothing to do.
    QVERIFY2(syncMaildirIntoCache(*index, *cache, kFolder, &unseen, &error), qPrintable(error));
    QCOMPARE(unseen, 3);
    MaildirIndex::Changes changes;
    QVERIFY2(index->scan(cache->flagsByUid(kFolder), &changes, &error), qPrintable(error));
    QVERIFY(changes.isEmpty());
    QCOMPARE(cache->summaries(kFolder).size(), first.size());

    // Read in Satchel: the file moves to cur/, the cache follows.
    QVERIFY2(index->setFlags(1, { "\\Seen" }, {}, &error), qPrintable(error));
    QVERIFY2(syncMaildirIntoCache(*index, *cache, kFolder, &unseen, &error), qPrintable(error));
    QCOMPARE(unseen, 2);
    QCOMPARE(cache->flagsByUid(kFolder).value(1), QByteArrayList { "\\Seen" });

    // Deleted by another program, and by Satchel.
    QVERIFY(QFile::remove(index->pathOf(2)));
    QVERIFY2(index->remove(4, &error), qPrintable(error));
    QVERIFY2(syncMaildirIntoCache(*index, *cache, kFolder, &unseen, &error), qPrintable(error));
    QCOMPARE(unseen, 1);
    QCOMPARE(cache->uids(kFolder), (QList<quint32> { 1, 3, 5 }));

    // A later delivery gets the next UID.
    QVERIFY(put(QStringLiteral("new/1700000006.M1P2.host"), mail("later")));
    QVERIFY2(syncMaildirIntoCache(*index, *cache, kFolder, nullptr, &error), qPrintable(error));
    QCOMPARE(cache->uids(kFolder), (QList<quint32> { 1, 3, 5, 6 }));
    QCOMPARE(cache->unseenCount(kFolder), qint64(2));
}

void TestMaildirIndex::syncResetsAFolderOfAnotherUidValidity()
{
    QString error;
    auto cache = MailCache::open(m_dir->filePath(QStringLiteral("account.sqlite")), &error);
    QVERIFY2(cache, qPrintable(error));
    QVERIFY(cache->resetFolder(kFolder, 7));
    Imap::MessageSummary stale;
    stale.uid = 1;
    stale.envelope.subject = QStringLiteral("stale");
    QVERIFY(cache->storeSummaries(kFolder, { stale }));
    QVERIFY(put(QStringLiteral("new/1700000000.M1P2.host"), mail("fresh")));

    auto index = openIndex();
    int unseen = -1;
    QVERIFY2(syncMaildirIntoCache(*index, *cache, kFolder, &unseen, &error), qPrintable(error));
    const std::optional<CachedFolder> folder = cache->folder(kFolder);
    QVERIFY(folder);
    QCOMPARE(folder->uidValidity, MaildirIndex::UidValidity);
    const QList<Imap::MessageSummary> all = cache->summaries(kFolder);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.at(0).envelope.subject, QStringLiteral("fresh"));
    QCOMPARE(unseen, 1);
}

QTEST_GUILESS_MAIN(TestMaildirIndex)
#include "tst_maildir_index.moc"
