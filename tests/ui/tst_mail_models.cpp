// The mail window's models over a real mail cache (Store::MailCache in a temporary
// folder, 5,000 messages with varied flags, dates, subjects, senders and sizes):
// QAbstractItemModelTester on both; the message list's default order (newest first),
// every column's sort in both directions, persistent indexes across a sort, unread in
// bold, flags as roles, lazy bounded pages, the memory budget, refresh after a sync;
// the folder tree's hierarchy, special-use roles and icons, unread counts and "(N)".
#include "protocols/imap/MessageSummary.h"
#include "protocols/store/MailCache.h"
#include "ui/mail/FolderTreeModel.h"
#include "ui/mail/MessageIndexDiff.h"
#include "ui/mail/MessageListModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QFont>
#include <QIcon>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <utility>

using Satchel::Imap::FolderInfo;
using Satchel::Imap::MessageSummary;
using Satchel::Store::MailCache;
using Satchel::Ui::AccountFolders;
using Satchel::Ui::FolderTreeModel;
using Satchel::Ui::MessageListModel;

namespace {

constexpr quint32 MessageCount = 5000;
const QString inboxName = QStringLiteral("INBOX");

QDateTime baseDate()
{
    return QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
}

// UIDs 1..5000 get the minutes of a permutation of 0..4999 (7919 is prime to 5000),
// so date order is not UID order; later UIDs (added by the refresh test) are newer.
qint64 minuteOf(quint32 uid)
{
    return uid <= MessageCount ? (qint64(uid) * 7919) % MessageCount : qint64(uid);
}

QDateTime dateOf(quint32 uid)
{
    return baseDate().addSecs(minuteOf(uid) * 60);
}

bool isUnread(quint32 uid)
{
    return uid % 3 == 0;
}

bool isFlagged(quint32 uid)
{
    return uid % 10 == 0;
}

bool hasAttachment(quint32 uid)
{
    return uid % 7 == 0;
}

bool isDeleted(quint32 uid)
{
    return uid % 13 == 0;
}

// Mixed case: the sort ignores it.
QString subjectOf(quint32 uid)
{
    static const char *const words[] = { "alpha", "Bravo", "charlie", "Delta", "echo", "Foxtrot", "golf", "Hotel" };
    return QString::fromLatin1(words[uid % 8]) + u' ' + QString::number(uid);
}

// Every fifth sender has no name: the list shows (and sorts by) the address.
QString fromNameOf(quint32 uid)
{
    static const char *const names[] = { "Zoe", "adam", "Bob", "carol", "Dave", "eve" };
    return uid % 5 == 0 ? QString() : QString::fromLatin1(names[uid % 6]);
}

QString fromEmailOf(quint32 uid)
{
    return QStringLiteral("user%1@example.org").arg(uid % 50);
}

QString fromShownOf(quint32 uid)
{
    return fromNameOf(uid).isEmpty() ? fromEmailOf(uid) : fromNameOf(uid);
}

qint64 sizeOf(quint32 uid)
{
    return 1000 + (qint64(uid) * 37) % 5000;
}

MessageSummary summaryOf(quint32 uid)
{
    MessageSummary m;
    m.uid = uid;
    if (!isUnread(uid))
        m.flags.append(QByteArrayLiteral("\\Seen"));
    if (isFlagged(uid))
        m.flags.append(QByteArrayLiteral("\\Flagged"));
    if (hasAttachment(uid))
        m.flags.append(QByteArrayLiteral("$HasAttachment"));
    if (isDeleted(uid))
        m.flags.append(QByteArrayLiteral("\\Deleted"));
    m.internalDate = dateOf(uid);
    m.size = quint64(sizeOf(uid));
    m.envelope.date = dateOf(uid);
    m.envelope.subject = subjectOf(uid);
    m.envelope.from.append(Satchel::Imap::Address { fromNameOf(uid), fromEmailOf(uid) });
    m.envelope.to.append(Satchel::Imap::Address { QString(), QStringLiteral("me@example.org") });
    return m;
}

bool storeMessages(MailCache &cache, const QString &folder, quint32 first, quint32 last)
{
    QList<MessageSummary> batch;
    for (quint32 uid = first; uid <= last; ++uid)
        batch.append(summaryOf(uid));
    Satchel::Imap::MailboxState state;
    state.uidNext = last + 1;
    state.exists = last;
    return cache.storeSummaries(folder, batch) && cache.setFolderState(folder, state);
}

// What a column sorts by, with the UID as the tie-break; unused parts stay equal.
struct SortKey {
    int flagged = 0;
    int unread = 0;
    QString text;
    qint64 number = 0;
    quint32 uid = 0;
};

SortKey keyOf(const MessageListModel &model, int row, int column)
{
    const QModelIndex index = model.index(row, column);
    SortKey key;
    key.uid = model.uidAt(row);
    switch (column) {
    case MessageListModel::StatusColumn:
        key.flagged = index.data(MessageListModel::IsFlaggedRole).toBool() ? 1 : 0;
        key.unread = index.data(MessageListModel::IsUnreadRole).toBool() ? 1 : 0;
        key.number = index.data(MessageListModel::DateTimeRole).toDateTime().toMSecsSinceEpoch();
        break;
    case MessageListModel::SubjectColumn:
    case MessageListModel::FromColumn:
        key.text = index.data().toString();
        break;
    case MessageListModel::DateColumn:
        key.number = index.data(MessageListModel::DateTimeRole).toDateTime().toMSecsSinceEpoch();
        break;
    case MessageListModel::SizeColumn:
        key.number = index.data(MessageListModel::SizeRole).toLongLong();
        break;
    }
    return key;
}

// < 0 when a comes first in ascending order.
int compareKeys(const SortKey &a, const SortKey &b)
{
    if (a.flagged != b.flagged)
        return a.flagged < b.flagged ? -1 : 1;
    if (a.unread != b.unread)
        return a.unread < b.unread ? -1 : 1;
    if (const int byText = a.text.compare(b.text, Qt::CaseInsensitive); byText != 0)
        return byText;
    if (a.number != b.number)
        return a.number < b.number ? -1 : 1;
    if (a.uid != b.uid)
        return a.uid < b.uid ? -1 : 1;
    return 0;
}

FolderInfo folderInfo(const QString &name, const QString &role = QString(), const QList<QByteArray> &attributes = {},
    QChar delimiter = u'/')
{
    FolderInfo folder;
    folder.name = name;
    folder.wireName = name.toUtf8();
    folder.delimiter = delimiter;
    folder.attributes = attributes;
    folder.role = role;
    return folder;
}

QList<AccountFolders> testAccounts()
{
    AccountFolders work;
    work.accountId = QStringLiteral("work");
    work.displayName = QStringLiteral("Work");
    // Not in display order, children before (or without) their parents.
    work.folders = {
        folderInfo(QStringLiteral("Projects"), {}, { QByteArrayLiteral("\\Noselect") }),
        folderInfo(QStringLiteral("Archive/2025")),
        folderInfo(QStringLiteral("Trash"), QStringLiteral("trash"), { QByteArrayLiteral("\\Trash") }),
        folderInfo(QStringLiteral("Lists/qt/dev")),
        folderInfo(QStringLiteral("Sent"), QStringLiteral("sent"), { QByteArrayLiteral("\\Sent") }),
        folderInfo(QStringLiteral("Archive"), QStringLiteral("archive"), { QByteArrayLiteral("\\Archive") }),
        folderInfo(QStringLiteral("INBOX/Receipts")),
        folderInfo(QStringLiteral("Junk"), QStringLiteral("junk"), { QByteArrayLiteral("\\Junk") }),
        folderInfo(QStringLiteral("Archive/2024")),
        folderInfo(QStringLiteral("Drafts"), QStringLiteral("drafts"), { QByteArrayLiteral("\\Drafts") }),
        folderInfo(inboxName, QStringLiteral("inbox")),
    };
    work.unread = { { inboxName, 3 }, { QStringLiteral("Archive/2025"), 2 }, { QStringLiteral("Lists/qt/dev"), 1 } };

    AccountFolders home;
    home.accountId = QStringLiteral("home");
    home.displayName = QStringLiteral("Home");
    home.folders = { folderInfo(QStringLiteral("INBOX.Family"), {}, {}, u'.'),
        folderInfo(QStringLiteral("Inbox"), QStringLiteral("inbox"), {}, u'.') };
    return { work, home };
}

} // namespace

class TestMailModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void messageListPassesModelTester();
    void newestMessageComesFirst();
    void sortsByEveryColumn_data();
    void sortsByEveryColumn();
    void sortKeepsPersistentIndexesOnTheirMessages();
    void rowsShowTheirMessage();
    void unreadIsBoldAndFlagsAreRoles();
    void pagesLoadLazilyAndStayBounded();
    void staysUnder350BytesPerMessage();
    void refreshShowsWhatASyncChanged();
    void refreshInBackgroundKeepsRowsUntilTheNewIndexIsIn();
    void refreshInBackgroundInsertsAndRemovesWithoutAReset();
    void indexDiff_data();
    void indexDiff();
    void unknownFolderIsEmptyAndMissingFileIsAnError();

    void folderTreePassesModelTester();
    void folderTreeBuildsTheHierarchy();
    void folderTreeSpecialUseRolesAndIcons();
    void folderTreeUnreadCounts();
    void unreadCountsFromTheCache();

private:
    QTemporaryDir m_dir;
    QString m_cachePath;
    std::unique_ptr<MailCache> m_cache; // the engine's side: it writes, the models read
};

void TestMailModels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cachePath = m_dir.filePath(QStringLiteral("account.sqlite"));
    QString error;
    m_cache = MailCache::open(m_cachePath, &error);
    QVERIFY2(m_cache, qPrintable(error));
    QVERIFY2(m_cache->resetFolder(inboxName, 1), qPrintable(m_cache->lastError()));
    QVERIFY2(storeMessages(*m_cache, inboxName, 1, MessageCount), qPrintable(m_cache->lastError()));
}

void TestMailModels::cleanupTestCase()
{
    m_cache.reset();
}

void TestMailModels::messageListPassesModelTester()
{
    MessageListModel model;
    QVERIFY2(model.setFolder(m_cachePath, inboxName), qPrintable(model.lastError()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), int(MessageCount));
    QCOMPARE(model.columnCount(), int(MessageListModel::ColumnCount));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.headerData(MessageListModel::SubjectColumn, Qt::Horizontal).toString(), QStringLiteral("Subject"));
    QCOMPARE(model.headerData(MessageListModel::SizeColumn, Qt::Horizontal).toString(), QStringLiteral("Size"));

    // The tester watches the layout change of a sort and the reset of a refresh.
    model.sort(MessageListModel::SubjectColumn, Qt::AscendingOrder);
    model.refresh();
    model.sort(MessageListModel::DateColumn, Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), int(MessageCount));
    QCOMPARE(model.sortColumn(), int(MessageListModel::DateColumn));
}

void TestMailModels::newestMessageComesFirst()
{
    quint32 newest = 1;
    quint32 oldest = 1;
    for (quint32 uid = 1; uid <= MessageCount; ++uid) {
        if (minuteOf(uid) > minuteOf(newest))
            newest = uid;
        if (minuteOf(uid) < minuteOf(oldest))
            oldest = uid;
    }
    QVERIFY(newest != MessageCount); // the test means something only if date order is not UID order

    QElapsedTimer timer;
    timer.start();
    MessageListModel model;
    QVERIFY2(model.setFolder(m_cachePath, inboxName), qPrintable(model.lastError()));
    const QString firstSubject = model.index(0, MessageListModel::SubjectColumn).data().toString();
    qInfo("%u messages: first row after %lld ms", MessageCount, timer.elapsed());

    QCOMPARE(model.sortColumn(), int(MessageListModel::DateColumn));
    QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
    QCOMPARE(model.uidAt(0), newest);
    QCOMPARE(firstSubject, subjectOf(newest));
    QCOMPARE(model.index(0, 0).data(MessageListModel::DateTimeRole).toDateTime(), dateOf(newest));
    QCOMPARE(model.uidAt(int(MessageCount) - 1), oldest);
    QCOMPARE(model.rowOfUid(newest), 0);
    QCOMPARE(model.rowOfUid(MessageCount + 1), -1);
    QCOMPARE(model.uidAt(int(MessageCount)), 0u);
}

void TestMailModels::sortsByEveryColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("ascending");
    QTest::newRow("status descending: flagged, then unread, then newest")
        << int(MessageListModel::StatusColumn) << false;
    QTest::newRow("status ascending") << int(MessageListModel::StatusColumn) << true;
    QTest::newRow("subject ascending, ignoring case") << int(MessageListModel::SubjectColumn) << true;
    QTest::newRow("subject descending") << int(MessageListModel::SubjectColumn) << false;
    QTest::newRow("from ascending: name, else address") << int(MessageListModel::FromColumn) << true;
    QTest::newRow("from descending") << int(MessageListModel::FromColumn) << false;
    QTest::newRow("date ascending: oldest first") << int(MessageListModel::DateColumn) << true;
    QTest::newRow("date descending") << int(MessageListModel::DateColumn) << false;
    QTest::newRow("size ascending") << int(MessageListModel::SizeColumn) << true;
    QTest::newRow("size descending") << int(MessageListModel::SizeColumn) << false;
}

void TestMailModels::sortsByEveryColumn()
{
    QFETCH(int, column);
    QFETCH(bool, ascending);
    const Qt::SortOrder order = ascending ? Qt::AscendingOrder : Qt::DescendingOrder;

    MessageListModel model;
    QVERIFY2(model.setFolder(m_cachePath, inboxName), qPrintable(model.lastError()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.sort(column, order);
    QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(model.sortOrder(), order);
    QCOMPARE(model.rowCount(), int(MessageCount));

    SortKey previous = keyOf(model, 0, column);
    for (int row = 1; row < model.rowCount(); ++row) {
        const SortKey key = keyOf(model, row, column);
        const int comparison = compareKeys(previous, key);
        QVERIFY2(ascending ? comparison < 0 : comparison > 0,
            qPrintable(QStringLiteral("row %1 (UID %2, \"%3\", %4) is out of order after UID %5 (\"%6\", %7)")
                           .arg(row)
                           .arg(key.uid)
                           .arg(key.text)
                           .arg(key.number)
                           .arg(previous.uid)
                           .arg(previous.text)
                           .arg(previous.number)));
        previous = key;
    }

    // Opening the folder in that order gives the same list.
    MessageListModel opened;
    QVERIFY(opened.setFolder(m_cachePath, inboxName, column, order));
    for (int row = 0; row < model.rowCount(); row += 97)
        QCOMPARE(opened.uidAt(row), model.uidAt(row));
}

void TestMailModels::sortKeepsPersistentIndexesOnTheirMessages()
{
    MessageListModel model;
    QVERIFY(model.setFolder(m_cachePath, inboxName));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint32 uid = model.uidAt(42);
    const QPersistentModelIndex kept(model.index(42, MessageListModel::SubjectColumn));
    QSignalSpy layoutChanged(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.sort(MessageListModel::SizeColumn, Qt::AscendingOrder);
    QCOMPARE(layoutChanged.count(), 1);
    QCOMPARE(reset.count(), 0);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.column(), int(MessageListModel::SubjectColumn));
    QCOMPARE(model.uidAt(kept.row()), uid);
    QCOMPARE(kept.data(MessageListModel::UidRole).toUInt(), uid);
    QCOMPARE(kept.data().toString(), subjectOf(uid));

    // The same order again reads nothing and changes nothing.
    model.sort(MessageListModel::SizeColumn, Qt::AscendingOrder);
    QCOMPARE(layoutChanged.count(), 1);
    // An unknown column is ignored.
    model.sort(MessageListModel::ColumnCount, Qt::AscendingOrder);
    QCOMPARE(model.sortColumn(), int(MessageListModel::SizeColumn));
    QCOMPARE(layoutChanged.count(), 1);
}

void TestMailModels::rowsShowTheirMessage()
{
    MessageListModel model;
    QVERIFY(model.setFolder(m_cachePath, inboxName));
    for (int row = 0; row < model.rowCount(); row += 7) {
        const quint32 uid = model.uidAt(row);
        QVERIFY(uid >= 1 && uid <= MessageCount);
        QCOMPARE(model.index(row, MessageListModel::StatusColumn).data(MessageListModel::UidRole).toUInt(), uid);
        QCOMPARE(model.index(row, MessageListModel::SubjectColumn).data().toString(), subjectOf(uid));
        QCOMPARE(model.index(row, MessageListModel::FromColumn).data().toString(), fromShownOf(uid));
        QCOMPARE(model.index(row, MessageListModel::FromColumn).data(MessageListModel::FromEmailRole).toString(),
            fromEmailOf(uid));
        QCOMPARE(
            model.index(row, MessageListModel::SizeColumn).data(MessageListModel::SizeRole).toLongLong(), sizeOf(uid));
        QCOMPARE(model.index(row, MessageListModel::DateColumn).data(MessageListModel::DateTimeRole).toDateTime(),
            dateOf(uid));
        QVERIFY(!model.index(row, MessageListModel::DateColumn).data().toString().isEmpty());
        QVERIFY(!model.index(row, MessageListModel::SizeColumn).data().toString().isEmpty());
    }
    const QString tip = model.index(0, MessageListModel::FromColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(fromEmailOf(model.uidAt(0))), qPrintable(tip));
}

void TestMailModels::unreadIsBoldAndFlagsAreRoles()
{
    MessageListModel model;
    QVERIFY(model.setFolder(m_cachePath, inboxName));
    int bold = 0;
    int flagged = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const quint32 uid = model.uidAt(row);
        const QModelIndex subject = model.index(row, MessageListModel::SubjectColumn);
        const QFont font = qvariant_cast<QFont>(subject.data(Qt::FontRole));
        QCOMPARE(font.bold(), isUnread(uid));
        QCOMPARE(font.strikeOut(), isDeleted(uid));
        QCOMPARE(subject.data(MessageListModel::IsUnreadRole).toBool(), isUnread(uid));
        QCOMPARE(subject.data(MessageListModel::IsFlaggedRole).toBool(), isFlagged(uid));
        QCOMPARE(subject.data(MessageListModel::IsDeletedRole).toBool(), isDeleted(uid));
        QCOMPARE(subject.data(MessageListModel::HasAttachmentRole).toBool(), hasAttachment(uid));
        const QStringList flags = subject.data(MessageListModel::FlagsRole).toStringList();
        QCOMPARE(flags.contains(QStringLiteral("\\Seen")), !isUnread(uid));
        QCOMPARE(flags.contains(QStringLiteral("\\Flagged")), isFlagged(uid));
        // The status column shows a flag or an unread mark; the subject an attachment.
        const QIcon status
            = qvariant_cast<QIcon>(model.index(row, MessageListModel::StatusColumn).data(Qt::DecorationRole));
        QCOMPARE(!status.isNull(), isFlagged(uid) || isUnread(uid));
        QCOMPARE(!qvariant_cast<QIcon>(subject.data(Qt::DecorationRole)).isNull(), hasAttachment(uid));
        bold += font.bold() ? 1 : 0;
        flagged += subject.data(MessageListModel::IsFlaggedRole).toBool() ? 1 : 0;
    }
    QCOMPARE(bold, int(MessageCount / 3));
    QCOMPARE(flagged, int(MessageCount / 10));
}

void TestMailModels::pagesLoadLazilyAndStayBounded()
{
    MessageListModel model;
    QVERIFY(model.setFolder(m_cachePath, inboxName));
    QCOMPARE(model.cachedPageCount(), 0); // only the UID index was read

    const int last = model.rowCount() - 1;
    QCOMPARE(model.index(last, MessageListModel::SubjectColumn).data().toString(), subjectOf(model.uidAt(last)));
    QCOMPARE(model.cachedPageCount(), 1);
    QCOMPARE(model.index(0, MessageListModel::FromColumn).data().toString(), fromShownOf(model.uidAt(0)));
    QCOMPARE(model.cachedPageCount(), 2);
    QCOMPARE(model.index(MessageListModel::PageSize - 1, MessageListModel::FromColumn).data().toString(),
        fromShownOf(model.uidAt(MessageListModel::PageSize - 1)));
    QCOMPARE(model.cachedPageCount(), 2);

    // Scrolling through everything with room for three pages: old pages go, and come
    // back right when asked again.
    model.setPageCacheLimit(3);
    QVERIFY(model.cachedPageCount() <= 3);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, MessageListModel::SubjectColumn).data().toString(), subjectOf(model.uidAt(row)));
        QVERIFY(model.cachedPageCount() <= 3);
    }
    QCOMPARE(model.index(0, MessageListModel::SubjectColumn).data().toString(), subjectOf(model.uidAt(0)));
    QCOMPARE(model.index(4999, MessageListModel::SizeColumn).data(MessageListModel::SizeRole).toLongLong(),
        sizeOf(model.uidAt(4999)));
}

void TestMailModels::staysUnder350BytesPerMessage()
{
    MessageListModel model;
    QVERIFY(model.setFolder(m_cachePath, inboxName));
    // The index alone: a UID per message.
    QVERIFY2(model.bytesPerMessage() <= 5, qPrintable(QString::number(model.bytesPerMessage())));

    // Every row read, every column.
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column)
            QVERIFY(model.index(row, column).data(Qt::ToolTipRole).isValid());
    }
    const qsizetype perMessage = model.bytesPerMessage();
    qInfo("%u messages, all rows read: %lld bytes per message in %d cached pages", MessageCount,
        static_cast<long long>(perMessage), model.cachedPageCount());
    QVERIFY(model.cachedPageCount() >= MessageListModel::MinCachedPages);
    QVERIFY2(perMessage > 4, qPrintable(QString::number(perMessage)));
    QVERIFY2(perMessage <= 350, qPrintable(QString::number(perMessage)));
}

void TestMailModels::refreshInBackgroundKeepsRowsUntilTheNewIndexIsIn()
{
    const QString folder = QStringLiteral("Background");
    QVERIFY(m_cache->resetFolder(folder, 9));
    QVERIFY2(storeMessages(*m_cache, folder, 1, 50), qPrintable(m_cache->lastError()));
    MessageListModel model;
    QVERIFY(model.setFolder(m_cachePath, folder));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 50);
    QVERIFY2(storeMessages(*m_cache, folder, MessageCount + 1, MessageCount + 20), qPrintable(m_cache->lastError()));

    int before = -1;
    bool done = false;
    model.refreshInBackground([&] { before = model.rowCount(); }, [&] { done = true; });
    QCOMPARE(model.rowCount(), 50); // the old rows stay while the index is read
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QCOMPARE(before, 50);
    QCOMPARE(model.rowCount(), 70);
    QVERIFY(model.rowOfUid(MessageCount + 20) >= 0);
    QVERIFY(model.rowOfUid(1) >= 0);
    QVERIFY(model.lastError().isEmpty());

    // A newer setFolder() wins: the older read's result is dropped.
    bool staleApplied = false;
    model.refreshInBackground({}, [&] { staleApplied = true; });
    QVERIFY(model.setFolder(m_cachePath, inboxName));
    QTest::qWait(300);
    QVERIFY(!staleApplied);
    QCOMPARE(model.rowCount(), MessageCount);
}

// A sync that added and removed messages (the order of the rest unchanged) shows as
// rows inserted and removed, not as a reset: the view keeps its place and the selection
// its messages. A re-sorted index still resets.
void TestMailModels::refreshInBackgroundInsertsAndRemovesWithoutAReset()
{
    const QString folder = QStringLiteral("Incremental");
    QVERIFY(m_cache->resetFolder(folder, 11));
    QVERIFY2(storeMessages(*m_cache, folder, 1, 100), qPrintable(m_cache->lastError()));
    MessageListModel model;
    QVERIFY(model.setFolder(m_cachePath, folder));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 100);
    const quint32 kept = model.uidAt(10);
    const QPersistentModelIndex selected(model.index(10, MessageListModel::SubjectColumn));

    QVERIFY2(storeMessages(*m_cache, folder, 101, 130), qPrintable(m_cache->lastError()));
    int removed = 0;
    QVERIFY2(
        m_cache->removeUids(folder, { model.uidAt(0), model.uidAt(50) }, &removed), qPrintable(m_cache->lastError()));
    QCOMPARE(removed, 2);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy gone(&model, &QAbstractItemModel::rowsRemoved);
    bool done = false;
    model.refreshInBackground({}, [&] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(gone.count(), 2);
    QVERIFY(inserted.count() >= 1);
    QCOMPARE(model.rowCount(), 128);
    QVERIFY(selected.isValid());
    QCOMPARE(model.uidAt(selected.row()), kept);
    // The rows are those of a full read, in the same order.
    MessageListModel fresh;
    QVERIFY(fresh.setFolder(m_cachePath, folder));
    for (int row = 0; row < fresh.rowCount(); ++row) {
        QCOMPARE(model.uidAt(row), fresh.uidAt(row));
    }

    // Nothing changed: no signal at all.
    done = false;
    inserted.clear();
    model.refreshInBackground({}, [&] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 0);
}

void TestMailModels::indexDiff_data()
{
    using Uids = QList<quint32>;
    QTest::addColumn<Uids>("before");
    QTest::addColumn<Uids>("after");
    QTest::addColumn<int>("runs"); // -1: no diff (the model resets)
    QTest::newRow("nothing changed") << Uids { 5, 4, 3 } << Uids { 5, 4, 3 } << 0;
    QTest::newRow("new mail on top") << Uids { 5, 4, 3 } << Uids { 7, 6, 5, 4, 3 } << 1;
    QTest::newRow("a first sync's batch below") << Uids {} << Uids { 9, 8, 7 } << 1;
    QTest::newRow("one removed in the middle") << Uids { 5, 4, 3, 2 } << Uids { 5, 3, 2 } << 1;
    QTest::newRow("removed and added, interleaved") << Uids { 9, 7, 5, 3, 1 } << Uids { 10, 9, 6, 5, 1, 0 } << 5;
    QTest::newRow("everything gone") << Uids { 3, 2, 1 } << Uids {} << 1;
    QTest::newRow("re-sorted: no diff") << Uids { 1, 2, 3 } << Uids { 3, 2, 1 } << -1;
    Uids alternate;
    Uids every;
    for (quint32 uid = 0; uid < 400; ++uid) {
        every.append(uid);
        if (uid % 2 == 0) {
            alternate.append(uid);
        }
    }
    QTest::newRow("200 runs: too many, no diff") << alternate << every << -1;
}

// Applying the runs to the old index, as the model does, gives the new one.
void TestMailModels::indexDiff()
{
    QFETCH(QList<quint32>, before);
    QFETCH(QList<quint32>, after);
    QFETCH(int, runs);
    const std::optional<Satchel::Ui::MessageIndexDiff> diff = Satchel::Ui::diffMessageIndex(before, after);
    QCOMPARE(diff.has_value(), runs >= 0);
    if (!diff) {
        return;
    }
    QCOMPARE(int(diff->removals.size() + diff->insertions.size()), runs);
    QList<quint32> rows = before;
    for (auto it = diff->removals.crbegin(); it != diff->removals.crend(); ++it) {
        rows.remove(it->first, it->second - it->first + 1);
    }
    for (const auto &[first, last] : diff->insertions) {
        for (int row = first; row <= last; ++row) {
            rows.insert(row, after.at(row));
        }
    }
    QCOMPARE(rows, after);
}

void TestMailModels::refreshShowsWhatASyncChanged()
{
    const QString folder = QStringLiteral("Refresh");
    QVERIFY(m_cache->resetFolder(folder, 7));
    QVERIFY2(storeMessages(*m_cache, folder, 1, 100), qPrintable(m_cache->lastError()));

    MessageListModel model;
    QVERIFY(model.setFolder(m_cachePath, folder));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 100);
    const int rowOfThree = model.rowOfUid(3);
    QVERIFY(rowOfThree >= 0);
    QVERIFY(model.index(rowOfThree, 0).data(MessageListModel::IsUnreadRole).toBool());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // The engine syncs: ten new messages (newer than all), UID 3 read elsewhere.
    QVERIFY2(storeMessages(*m_cache, folder, MessageCount + 1, MessageCount + 10), qPrintable(m_cache->lastError()));
    Satchel::Imap::FlagUpdate seen;
    seen.uid = 3;
    seen.flags = { QByteArrayLiteral("\\Seen") };
    QVERIFY(m_cache->updateFlags(folder, { seen }));
    QCOMPARE(model.rowCount(), 100); // nothing moves until the window asks

    model.refresh();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 110);
    QCOMPARE(model.uidAt(0), MessageCount + 10);
    QCOMPARE(model.uidAt(9), MessageCount + 1);
    QCOMPARE(model.index(0, MessageListModel::SubjectColumn).data().toString(), subjectOf(MessageCount + 10));
    QVERIFY(!model.index(model.rowOfUid(3), 0).data(MessageListModel::IsUnreadRole).toBool());

    // Expunged on the server.
    int removed = 0;
    QVERIFY(m_cache->removeUids(folder, { MessageCount + 10 }, &removed));
    QCOMPARE(removed, 1);
    model.refresh();
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 109);
    QCOMPARE(model.uidAt(0), MessageCount + 9);
    QCOMPARE(model.rowOfUid(MessageCount + 10), -1);
}

void TestMailModels::unknownFolderIsEmptyAndMissingFileIsAnError()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setFolder(m_cachePath, QStringLiteral("Not synced yet")));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.bytesPerMessage(), qsizetype(0));
    QVERIFY(model.lastError().isEmpty());

    const QString missing = m_dir.filePath(QStringLiteral("missing.sqlite"));
    QVERIFY(!model.setFolder(missing, inboxName));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY2(model.lastError().contains(QStringLiteral("missing.sqlite")), qPrintable(model.lastError()));
    QVERIFY(!QFile::exists(missing)); // read-only: nothing created

    // And back to a real folder on the same model.
    QVERIFY(model.setFolder(m_cachePath, inboxName));
    QCOMPARE(model.rowCount(), int(MessageCount));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestMailModels::folderTreePassesModelTester()
{
    FolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccounts(testAccounts());
    QAbstractItemModelTester filled(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.setUnread(QStringLiteral("work"), QStringLiteral("Trash"), 4)); // the testers check dataChanged
    model.setAccounts({});
    QCOMPARE(model.rowCount(), 0);
}

void TestMailModels::folderTreeBuildsTheHierarchy()
{
    FolderTreeModel model;
    model.setAccounts(testAccounts());
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex work = model.index(0, 0);
    QCOMPARE(work.data().toString(), QStringLiteral("Work"));
    QVERIFY(work.data(FolderTreeModel::IsAccountRole).toBool());
    QCOMPARE(work.data(FolderTreeModel::AccountIdRole).toString(), QStringLiteral("work"));
    QVERIFY(work.data(FolderTreeModel::FolderNameRole).toString().isEmpty());
    QCOMPARE(model.indexOf(QStringLiteral("work")), work);

    // Special-use folders first, in the usual order, then the rest by name.
    QStringList top;
    for (int row = 0; row < model.rowCount(work); ++row)
        top << model.index(row, 0, work).data(FolderTreeModel::FolderNameRole).toString();
    QCOMPARE(top,
        QStringList({ inboxName, QStringLiteral("Drafts"), QStringLiteral("Sent"), QStringLiteral("Archive"),
            QStringLiteral("Junk"), QStringLiteral("Trash"), QStringLiteral("Lists"), QStringLiteral("Projects") }));

    const QModelIndex archive = model.indexOf(QStringLiteral("work"), QStringLiteral("Archive"));
    QVERIFY(archive.isValid());
    QCOMPARE(model.rowCount(archive), 2);
    const QModelIndex y2025 = model.index(1, 0, archive);
    QCOMPARE(
        model.index(0, 0, archive).data(FolderTreeModel::FolderNameRole).toString(), QStringLiteral("Archive/2024"));
    QCOMPARE(y2025.data(FolderTreeModel::FolderNameRole).toString(), QStringLiteral("Archive/2025"));
    QCOMPARE(y2025.data().toString(), QStringLiteral("2025 (2)"));
    QCOMPARE(y2025.parent(), archive);
    QCOMPARE(model.indexOf(QStringLiteral("work"), QStringLiteral("Archive/2025")), y2025);
    QVERIFY(model.flags(y2025) & Qt::ItemNeverHasChildren);

    // Levels the server did not list are there, but cannot be opened; \Noselect neither.
    const QModelIndex lists = model.indexOf(QStringLiteral("work"), QStringLiteral("Lists"));
    const QModelIndex dev = model.indexOf(QStringLiteral("work"), QStringLiteral("Lists/qt/dev"));
    QVERIFY(lists.isValid() && dev.isValid());
    QCOMPARE(dev.parent().parent(), lists);
    QCOMPARE(dev.parent().data().toString(), QStringLiteral("qt"));
    QCOMPARE(dev.data().toString(), QStringLiteral("dev (1)"));
    QVERIFY(model.flags(lists) & Qt::ItemIsEnabled);
    QVERIFY(!(model.flags(lists) & Qt::ItemIsSelectable));
    QVERIFY(model.flags(dev) & Qt::ItemIsSelectable);
    QVERIFY(!(model.flags(model.indexOf(QStringLiteral("work"), QStringLiteral("Projects"))) & Qt::ItemIsSelectable));

    // INBOX has children too; in the other account the delimiter is '.' and INBOX is
    // spelt "Inbox" (the name is case-insensitive).
    const QModelIndex inbox = model.indexOf(QStringLiteral("work"), inboxName);
    QCOMPARE(model.rowCount(inbox), 1);
    QCOMPARE(model.index(0, 0, inbox).data().toString(), QStringLiteral("Receipts"));
    const QModelIndex home = model.index(1, 0);
    QCOMPARE(model.rowCount(home), 1);
    const QModelIndex homeInbox = model.indexOf(QStringLiteral("home"), inboxName);
    QCOMPARE(homeInbox, model.index(0, 0, home));
    QCOMPARE(homeInbox.data().toString(), QStringLiteral("Inbox"));
    QCOMPARE(model.indexOf(QStringLiteral("home"), QStringLiteral("INBOX.Family")).parent(), homeInbox);
    QVERIFY(!model.indexOf(QStringLiteral("home"), QStringLiteral("Archive")).isValid());
    QVERIFY(!model.indexOf(QStringLiteral("nobody")).isValid());
}

void TestMailModels::folderTreeSpecialUseRolesAndIcons()
{
    FolderTreeModel model;
    model.setAccounts(testAccounts());
    const QList<std::pair<QString, QString>> expected = {
        { inboxName, QStringLiteral("inbox") },
        { QStringLiteral("Sent"), QStringLiteral("sent") },
        { QStringLiteral("Drafts"), QStringLiteral("drafts") },
        { QStringLiteral("Trash"), QStringLiteral("trash") },
        { QStringLiteral("Junk"), QStringLiteral("junk") },
        { QStringLiteral("Archive"), QStringLiteral("archive") },
        { QStringLiteral("Archive/2025"), QString() },
    };
    for (const auto &[name, role] : expected) {
        const QModelIndex folder = model.indexOf(QStringLiteral("work"), name);
        QVERIFY2(folder.isValid(), qPrintable(name));
        QCOMPARE(folder.data(FolderTreeModel::SpecialUseRole).toString(), role);
        QCOMPARE(folder.data(FolderTreeModel::AccountIdRole).toString(), QStringLiteral("work"));
        QVERIFY2(!qvariant_cast<QIcon>(folder.data(Qt::DecorationRole)).isNull(), qPrintable(name));
    }
    QVERIFY(!qvariant_cast<QIcon>(model.index(0, 0).data(Qt::DecorationRole)).isNull());
    // A LIST without a role for INBOX still gets it.
    AccountFolders bare;
    bare.accountId = QStringLiteral("bare");
    bare.folders = { folderInfo(inboxName) };
    model.setAccounts({ bare });
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("bare")); // no display name: the id
    QCOMPARE(model.indexOf(QStringLiteral("bare"), inboxName).data(FolderTreeModel::SpecialUseRole).toString(),
        QStringLiteral("inbox"));
}

void TestMailModels::folderTreeUnreadCounts()
{
    FolderTreeModel model;
    model.setAccounts(testAccounts());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex inbox = model.indexOf(QStringLiteral("work"), inboxName);
    const QModelIndex trash = model.indexOf(QStringLiteral("work"), QStringLiteral("Trash"));
    QCOMPARE(inbox.data().toString(), QStringLiteral("Inbox (3)"));
    QCOMPARE(inbox.data(FolderTreeModel::UnreadRole).toInt(), 3);
    QVERIFY(qvariant_cast<QFont>(inbox.data(Qt::FontRole)).bold());
    QCOMPARE(trash.data().toString(), QStringLiteral("Trash"));
    QVERIFY(!qvariant_cast<QFont>(trash.data(Qt::FontRole)).bold());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setUnread(QStringLiteral("work"), QStringLiteral("Trash"), 5));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), QModelIndex(trash));
    QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(Qt::DisplayRole));
    QCOMPARE(trash.data().toString(), QStringLiteral("Trash (5)"));
    QVERIFY(qvariant_cast<QFont>(trash.data(Qt::FontRole)).bold());

    QVERIFY(model.setUnread(QStringLiteral("work"), inboxName, 0));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(inbox.data().toString(), QStringLiteral("Inbox"));
    QVERIFY(!qvariant_cast<QFont>(inbox.data(Qt::FontRole)).bold());

    // No change, unknown folder, unknown account: no signal.
    QVERIFY(model.setUnread(QStringLiteral("work"), QStringLiteral("Trash"), 5));
    QVERIFY(!model.setUnread(QStringLiteral("work"), QStringLiteral("Nope"), 1));
    QVERIFY(!model.setUnread(QStringLiteral("nobody"), inboxName, 1));
    QCOMPARE(changed.count(), 2);
}

void TestMailModels::unreadCountsFromTheCache()
{
    const QString counted = QStringLiteral("Counted");
    QVERIFY(m_cache->resetFolder(counted, 3));
    QVERIFY2(storeMessages(*m_cache, counted, 1, 30), qPrintable(m_cache->lastError()));
    const QList<FolderInfo> folders = {
        folderInfo(inboxName, QStringLiteral("inbox")),
        folderInfo(counted),
        folderInfo(QStringLiteral("Parent"), {}, { QByteArrayLiteral("\\Noselect") }),
        folderInfo(QStringLiteral("Never synced")),
    };
    const QHash<QString, int> unread = FolderTreeModel::unreadFromCache(*m_cache, folders);
    QCOMPARE(unread.value(inboxName), int(MessageCount / 3));
    QCOMPARE(unread.value(counted), 10);
    QCOMPARE(unread.value(QStringLiteral("Never synced"), -1), 0);
    QVERIFY(!unread.contains(QStringLiteral("Parent")));

    FolderTreeModel model;
    model.setAccounts({ AccountFolders { QStringLiteral("acct"), QStringLiteral("Account"), folders, unread } });
    QCOMPARE(model.indexOf(QStringLiteral("acct"), counted).data().toString(), QStringLiteral("Counted (10)"));
}

QTEST_MAIN(TestMailModels)
#include "tst_mail_models.moc"
