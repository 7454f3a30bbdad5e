// Local delivery for POP3: the Maildir writer (tmp/ -> new/, unique names, nothing
// left behind when a delivery is abandoned) and the UIDL ledger (pending/saved rows
// that survive reopening, pruning of what left the server).
#include "protocols/store/MaildirWriter.h"
#include "protocols/store/UidlLedger.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Satchel::Store;

class TestPop3Store : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliveryMovesIntoNew();
    void abandonedDeliveryLeavesNothing();
    void namesAreUnique();
    void containsFindsMovedAndFlaggedCopies();
    void ledgerRoundTrip();
    void ledgerForgetsWhatLeftTheServer();

private:
    static QStringList files(const QString &dir) { return QDir(dir).entryList(QDir::Files); }
};

void TestPop3Store::deliveryMovesIntoNew()
{
    QTemporaryDir dir;
    MaildirWriter writer(dir.filePath(QStringLiteral("Mail")));
    QString error;
    QVERIFY2(writer.ensureExists(&error), qPrintable(error));
    auto delivery = writer.begin(&error);
    QVERIFY2(delivery, qPrintable(error));
    QVERIFY(delivery->write("Subject: hi\n\nbody\n", &error));
    QVERIFY(delivery->finishWriting(&error));
    QCOMPARE(files(writer.root() + QStringLiteral("/tmp")), QStringList{delivery->uniqueName()});
    QVERIFY(files(writer.root() + QStringLiteral("/new")).isEmpty());
    QVERIFY(writer.syncData(&error));
    QVERIFY(delivery->moveToNew(&error));
    QVERIFY(writer.syncNewDirectory(&error));
    QVERIFY(files(writer.root() + QStringLiteral("/tmp")).isEmpty());
    QFile file(writer.root() + QStringLiteral("/new/") + delivery->uniqueName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("Subject: hi\n\nbody\n"));
    QCOMPARE(delivery->size(), qint64(18));
    QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
}

void TestPop3Store::abandonedDeliveryLeavesNothing()
{
    QTemporaryDir dir;
    MaildirWriter writer(dir.path());
    QString error;
    QVERIFY(writer.ensureExists(&error));
    {
        auto delivery = writer.begin(&error);
        QVERIFY(delivery->write("half a mess", &error));
    }
    QVERIFY(files(dir.path() + QStringLiteral("/tmp")).isEmpty());
    QVERIFY(files(dir.path() + QStringLiteral("/new")).isEmpty());
}

void TestPop3Store::namesAreUnique()
{
    QTemporaryDir dir;
    MaildirWriter writer(dir.path());
    QString error;
    QVERIFY(writer.ensureExists(&error));
    QSet<QString> names;
    std::vector<std::unique_ptr<MaildirWriter::Delivery>> open;
    for (int i = 0; i < 500; ++i) {
        open.push_back(writer.begin(&error));
        QVERIFY2(open.back(), qPrintable(error));
        const QString name = open.back()->uniqueName();
        QVERIFY(!name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char(':')));
        names.insert(name);
    }
    QCOMPARE(names.size(), 500);
}

void TestPop3Store::containsFindsMovedAndFlaggedCopies()
{
    QTemporaryDir dir;
    MaildirWriter writer(dir.path());
    QString error;
    QVERIFY(writer.ensureExists(&error));
    auto delivery = writer.begin(&error);
    QVERIFY(delivery->finishWriting(&error) && delivery->moveToNew(&error));
    const QString name = delivery->uniqueName();
    QVERIFY(writer.contains(name));
    // A mail reader moves it to cur/ and appends its flags.
    QVERIFY(QFile::rename(dir.filePath(QStringLiteral("new/") + name), dir.filePath(QStringLiteral("cur/") + name + QStringLiteral(":2,S"))));
    QVERIFY(writer.contains(name));
    QVERIFY(!writer.contains(name.left(name.size() - 1)));
    QVERIFY(!writer.contains(QStringLiteral("../") + name));
    writer.remove(name);
    QVERIFY(!writer.contains(name));
}

void TestPop3Store::ledgerRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    QString error;
    {
        UidlLedger ledger;
        QVERIFY2(ledger.open(path, &error), qPrintable(error));
        QVERIFY(ledger.record(QStringLiteral("bob@h:1"),
                              {{"uid-1", {UidlLedger::State::Pending, QStringLiteral("f1"), 10, false, 100}},
                               {"../../x", {UidlLedger::State::Saved, QStringLiteral("f2"), 20, true, 200}}},
                              &error));
        QVERIFY(ledger.record(QStringLiteral("other@h:1"), {{"uid-1", {UidlLedger::State::Saved, QStringLiteral("o"), 1, false, 1}}},
                              &error));
    }
    UidlLedger reopened;
    QVERIFY(reopened.open(path, &error));
    const auto entries = reopened.entries(QStringLiteral("bob@h:1"), &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.value("uid-1").state, UidlLedger::State::Pending);
    QCOMPARE(entries.value("uid-1").file, QStringLiteral("f1"));
    QCOMPARE(entries.value("../../x").state, UidlLedger::State::Saved);
    QCOMPARE(entries.value("../../x").partial, true);
    QCOMPARE(entries.value("../../x").savedAt, qint64(200));
    QCOMPARE(reopened.entries(QStringLiteral("other@h:1"), &error).size(), 1);
}

void TestPop3Store::ledgerForgetsWhatLeftTheServer()
{
    QTemporaryDir dir;
    UidlLedger ledger;
    QString error;
    QVERIFY(ledger.open(dir.filePath(QStringLiteral("l.sqlite")), &error));
    const QString account = QStringLiteral("a@h:1");
    QVERIFY(ledger.record(account,
                          {{"keep", {UidlLedger::State::Saved, QStringLiteral("k"), 1, false, 1}},
                           {"gone", {UidlLedger::State::Saved, QStringLiteral("g"), 1, false, 1}},
                           {"pending-gone", {UidlLedger::State::Pending, QStringLiteral("p"), 1, false, 1}}},
                          &error));
    QVERIFY(ledger.forgetAllExcept(account, {"keep"}, &error));
    const auto entries = ledger.entries(account, &error);
    // Pending rows stay: their files decide on the next run.
    QCOMPARE(QSet<QByteArray>(entries.keyBegin(), entries.keyEnd()), (QSet<QByteArray>{"keep", "pending-gone"}));
}

QTEST_GUILESS_MAIN(TestPop3Store)
#include "tst_pop3_store.moc"
