// The message list with threads (View > Threads) over a real mail cache: replies sit
// under what they answer, by In-Reply-To and References, with a missing message's
// replies kept in its place; a thread goes where its first member sorts; toggling
// threads and sorting keep the selection on its messages; a background refresh after a
// sync inserts a new message without a reset when the rest keep their place and depth,
// and resets when a new message moves old ones (a reply that revives an old thread, a
// missing message that arrives). QAbstractItemModelTester watches every change; the
// subject column's delegate indents by depth.
#include "protocols/imap/MessageSummary.h"
#include "protocols/store/MailCache.h"
#include "ui/mail/MessageListModel.h"
#include "ui/mail/ThreadIndentDelegate.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Satchel::Imap::MessageSummary;
using Satchel::Store::MailCache;
using Satchel::Ui::MessageListModel;
using Satchel::Ui::ThreadIndentDelegate;

namespace {

const QString folderName = QStringLiteral("Threads");

// hours after a fixed start: the order of the messages' Date headers.
MessageSummary message(quint32 uid, int hours, const QByteArray &id, const QString &subject,
    const QByteArray &inReplyTo = {}, const QByteArray &references = {})
{
    MessageSummary m;
    m.uid = uid;
    m.flags = { QByteArrayLiteral("\\Seen") };
    m.internalDate = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).addSecs(hours * 3600);
    m.envelope.date = m.internalDate;
    m.envelope.subject = subject;
    m.envelope.messageId = id;
    m.envelope.inReplyTo = inReplyTo;
    m.references = references;
    m.size = 1000;
    return m;
}

// "uid:depth uid:depth ..." in row order.
QString rowsOf(const MessageListModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, MessageListModel::SubjectColumn);
        rows.append(QStringLiteral("%1:%2")
                        .arg(index.data(MessageListModel::UidRole).toUInt())
                        .arg(index.data(MessageListModel::ThreadDepthRole).toInt()));
    }
    return rows.join(u' ');
}

} // namespace

class TestMessageThreads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void flatListHasNoDepths();
    void threadsPutRepliesUnderTheirParents();
    void threadsBeforeTheFolderIsOpened();
    void togglingKeepsTheSelection();
    void sortPlacesThreadsByTheirFirstMember();
    void newMessageAtTheEndIsInsertedWithoutAReset();
    void replyToAnOldThreadMovesItUp();
    void arrivingMissingMessageTakesItsReplies();
    void delegateIndentsByDepth();
    void cacheWithoutRefsThreadsByInReplyTo();

private:
    bool store(const QList<MessageSummary> &messages);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_cachePath;
    std::unique_ptr<MailCache> m_cache;
};

bool TestMessageThreads::store(const QList<MessageSummary> &messages)
{
    Satchel::Imap::MailboxState state;
    state.uidNext = 100;
    state.exists = quint32(messages.size());
    if (!m_cache->storeSummaries(folderName, messages) || !m_cache->setFolderState(folderName, state)) {
        qWarning("%s", qPrintable(m_cache->lastError()));
        return false;
    }
    return true;
}

// A: 1 (the thread's root); 3 answers 1 (In-Reply-To only); 4 answers 3 (References);
// 5 answers a message the folder does not have, which answered 1 (References only).
// B: 2, on its own, newer than 1, 3 and 5.
void TestMessageThreads::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cachePath = m_dir->filePath(QStringLiteral("threads.sqlite"));
    QString error;
    m_cache = MailCache::open(m_cachePath, &error);
    QVERIFY2(m_cache, qPrintable(error));
    QVERIFY2(m_cache->resetFolder(folderName, 7), qPrintable(m_cache->lastError()));
    QVERIFY(store({
        message(1, 10, "<a@x>", QStringLiteral("Alpha")),
        message(2, 50, "<b@x>", QStringLiteral("Aardvark")),
        message(3, 30, "<c@x>", QStringLiteral("Re: Alpha"), "<a@x>"),
        message(4, 60, "<d@x>", QStringLiteral("Re: Re: Alpha"), "<c@x>", "<a@x> <c@x>"),
        message(5, 20, "<e@x>", QStringLiteral("Re: Alpha (via the list)"), {}, "<a@x>\r\n <missing@x>"),
    }));
}

void TestMessageThreads::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

void TestMessageThreads::flatListHasNoDepths()
{
    MessageListModel model;
    QVERIFY2(model.setFolder(m_cachePath, folderName), qPrintable(model.lastError()));
    QVERIFY(!model.isThreaded());
    QCOMPARE(rowsOf(model), QStringLiteral("4:0 2:0 3:0 5:0 1:0")); // newest first
}

void TestMessageThreads::threadsPutRepliesUnderTheirParents()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY2(model.setFolder(m_cachePath, folderName), qPrintable(model.lastError()));
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
    model.setThreaded(true);
    QVERIFY(model.isThreaded());
    QCOMPARE(layouts.count(), 1); // the same messages in another order: no reset
    // Thread A comes first: its newest reply (4) is the newest message. 5's missing
    // parent is not a row; 5 takes its place under 1, before 3 (it is older).
    QCOMPARE(rowsOf(model), QStringLiteral("1:0 5:1 3:1 4:2 2:0"));
    // The row's other columns are the message's own.
    QCOMPARE(model.index(3, MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Re: Re: Alpha"));

    model.setThreaded(false);
    QCOMPARE(rowsOf(model), QStringLiteral("4:0 2:0 3:0 5:0 1:0"));
    QCOMPARE(layouts.count(), 2);
}

void TestMessageThreads::threadsBeforeTheFolderIsOpened()
{
    MessageListModel model;
    model.setThreaded(true); // as the window does from its settings
    QVERIFY(model.isThreaded());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY2(model.setFolder(m_cachePath, folderName), qPrintable(model.lastError()));
    QCOMPARE(rowsOf(model), QStringLiteral("1:0 5:1 3:1 4:2 2:0"));
}

void TestMessageThreads::togglingKeepsTheSelection()
{
    MessageListModel model;
    QVERIFY(model.setFolder(m_cachePath, folderName));
    const QPersistentModelIndex two(model.index(model.rowOfUid(2), MessageListModel::FromColumn));
    const QPersistentModelIndex four(model.index(model.rowOfUid(4), MessageListModel::SubjectColumn));
    QCOMPARE(two.row(), 1);
    QCOMPARE(four.row(), 0);
    model.setThreaded(true);
    QCOMPARE(two.row(), 4);
    QCOMPARE(four.row(), 3);
    QCOMPARE(two.column(), int(MessageListModel::FromColumn));
    model.setThreaded(false);
    QCOMPARE(two.row(), 1);
    QCOMPARE(four.row(), 0);
}

void TestMessageThreads::sortPlacesThreadsByTheirFirstMember()
{
    MessageListModel model;
    QVERIFY(model.setFolder(m_cachePath, folderName));
    model.setThreaded(true);
    // By subject, A to Z: "Aardvark" (2) sorts first, so its thread leads; inside a
    // thread replies stay in date order whatever the column.
    model.sort(MessageListModel::SubjectColumn, Qt::AscendingOrder);
    QCOMPARE(rowsOf(model), QStringLiteral("2:0 1:0 5:1 3:1 4:2"));
    // Z to A: "Re: Re: Alpha" (4) is first, so thread A leads again.
    model.sort(MessageListModel::SubjectColumn, Qt::DescendingOrder);
    QCOMPARE(rowsOf(model), QStringLiteral("1:0 5:1 3:1 4:2 2:0"));
    // Oldest first: 1 is the oldest message of all.
    model.sort(MessageListModel::DateColumn, Qt::AscendingOrder);
    QCOMPARE(rowsOf(model), QStringLiteral("1:0 5:1 3:1 4:2 2:0"));
    QVERIFY(model.isThreaded());
}

void TestMessageThreads::newMessageAtTheEndIsInsertedWithoutAReset()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setThreaded(true);
    QVERIFY(model.setFolder(m_cachePath, folderName));
    // An old message, answered by nothing: a thread of its own, last.
    QVERIFY(store({ message(6, 1, "<f@x>", QStringLiteral("Old news")) }));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    bool done = false;
    model.refreshInBackground({}, [&] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(rowsOf(model), QStringLiteral("1:0 5:1 3:1 4:2 2:0 6:0"));
    // A reply to 3 that is older than 4: inside thread A, whose place and depths stay.
    QVERIFY(store({ message(7, 40, "<g@x>", QStringLiteral("Re: Alpha, too"), "<c@x>", "<a@x> <c@x>") }));
    done = false;
    model.refreshInBackground({}, [&] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(rowsOf(model), QStringLiteral("1:0 5:1 3:1 7:2 4:2 2:0 6:0"));
}

void TestMessageThreads::replyToAnOldThreadMovesItUp()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setThreaded(true);
    QVERIFY(model.setFolder(m_cachePath, folderName));
    const QPersistentModelIndex two(model.index(model.rowOfUid(2), 0));
    // The newest message now answers 2: thread B moves before thread A.
    QVERIFY(store({ message(8, 70, "<h@x>", QStringLiteral("Re: Aardvark"), "<b@x>") }));
    bool done = false;
    model.refreshInBackground({}, [&] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QCOMPARE(rowsOf(model), QStringLiteral("2:0 8:1 1:0 5:1 3:1 4:2"));
    QVERIFY(!two.isValid()); // a reset: the order of the rows that stayed changed
}

void TestMessageThreads::arrivingMissingMessageTakesItsReplies()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setThreaded(true);
    QVERIFY(model.setFolder(m_cachePath, folderName));
    QCOMPARE(rowsOf(model), QStringLiteral("1:0 5:1 3:1 4:2 2:0"));
    // The message 5 answered arrives (a late delivery): 5 moves one level down.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(store({ message(9, 15, "<missing@x>", QStringLiteral("Re: Alpha (late)"), "<a@x>") }));
    bool done = false;
    model.refreshInBackground({}, [&] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QCOMPARE(rowsOf(model), QStringLiteral("1:0 9:1 5:2 3:1 4:2 2:0"));
    QCOMPARE(resets.count(), 1); // the rows kept their order, but 5's depth changed
}

void TestMessageThreads::delegateIndentsByDepth()
{
    MessageListModel model;
    model.setThreaded(true);
    QVERIFY(model.setFolder(m_cachePath, folderName));
    QTableView view;
    ThreadIndentDelegate delegate;
    view.setModel(&model);
    view.setItemDelegateForColumn(MessageListModel::SubjectColumn, &delegate);
    QStyleOptionViewItem option;
    option.initFrom(&view);
    const int level = delegate.indentFor(option, 1);
    QVERIFY(level > 0);
    QCOMPARE(delegate.indentFor(option, 0), 0);
    QCOMPARE(delegate.indentFor(option, 2), 2 * level);
    QCOMPARE(delegate.indentFor(option, 200), ThreadIndentDelegate::MaxIndentLevels * level);
    const QModelIndex root = model.index(0, MessageListModel::SubjectColumn);
    const QModelIndex reply = model.index(3, MessageListModel::SubjectColumn); // depth 2
    QCOMPARE(reply.data(MessageListModel::ThreadDepthRole).toInt(), 2);
    QCOMPARE(
        delegate.sizeHint(option, reply).width() - 2 * level, QStyledItemDelegate().sizeHint(option, reply).width());
    QCOMPARE(delegate.sizeHint(option, root).width(), QStyledItemDelegate().sizeHint(option, root).width());
    // Painting an indented row draws without asking for anything the model lacks.
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.grab().isNull());
}

// A file the engine has not opened since the refs column came (the window reads it
// read-only and cannot add it): threads still work, by In-Reply-To alone.
void TestMessageThreads::cacheWithoutRefsThreadsByInReplyTo()
{
    m_cache.reset(); // its statements name the column
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("drop-refs"));
        db.setDatabaseName(m_cachePath);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("ALTER TABLE messages DROP COLUMN refs")), qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("drop-refs"));
    MessageListModel model;
    model.setThreaded(true);
    QVERIFY2(model.setFolder(m_cachePath, folderName), qPrintable(model.lastError()));
    // 4 answers 3 by In-Reply-To; 5 had only References, so it stands alone now.
    QCOMPARE(rowsOf(model), QStringLiteral("1:0 3:1 4:2 2:0 5:0"));
}

QTEST_MAIN(TestMessageThreads)
#include "tst_message_threads.moc"
