// The remote pane's model and the local pane's drops, on the offscreen platform.
// RemoteFileModel under QAbstractItemModelTester (Fatal) whenever it changes: a listing
// in batches (one rowsInserted each) sorted once it ends, folders first, names ignoring
// case; every column's sort in both directions keeps folders first; a sort asked for
// while listing waits for the end; 6000 entries sort on a thread of their own, with a
// persistent index following its row. The text and roles of each column, the flags, a
// rename asked for only for a good name, the drag's payload read back (a tab in a name,
// a folder, the site), drops of local files as uploads, of this site's rows as moves,
// and the drops refused. LocalFileModel: remote rows dropped on a folder or below the
// last row ask for a download there, file URLs are refused.
#include "protocols/ftp/DirectoryEntry.h"
#include "protocols/ftp/FtpSiteEngine.h"
#include "protocols/ftp/TransferPlan.h"
#include "ui/files/LocalFileModel.h"
#include "ui/files/RemoteFileModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QMimeData>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using Satchel::Ftp::DirectoryEntry;
using Satchel::Ftp::RemoteTarget;
using Satchel::Ui::LocalFileModel;
using Satchel::Ui::RemoteFileModel;

namespace {

constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

const QString siteA = QStringLiteral("ftp://me@ftp.example.org:21");
const QString siteB = QStringLiteral("ftp://me@mirror.example.org:21");

const Qt::ItemFlags rowFlags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;

QDateTime day(int year, int month, int dayOfMonth)
{
    return QDateTime(QDate(year, month, dayOfMonth), QTime(12, 0), Qt::UTC);
}

DirectoryEntry fileEntry(const QString &name, qint64 size, const QDateTime &modified = {})
{
    DirectoryEntry e;
    e.name = name;
    e.type = DirectoryEntry::Type::File;
    e.size = size;
    e.modified = modified;
    e.permissions = QStringLiteral("rw-r--r--");
    return e;
}

DirectoryEntry folderEntry(const QString &name, const QDateTime &modified = {})
{
    DirectoryEntry e;
    e.name = name;
    e.type = DirectoryEntry::Type::Directory;
    e.size = 4096;
    e.modified = modified;
    e.permissions = QStringLiteral("rwxr-xr-x");
    return e;
}

DirectoryEntry linkEntry(const QString &name, const QString &target, qint64 size, const QDateTime &modified = {})
{
    DirectoryEntry e;
    e.name = name;
    e.type = DirectoryEntry::Type::Link;
    e.size = size;
    e.modified = modified;
    e.linkTarget = target;
    e.permissions = QStringLiteral("rwxrwxrwx");
    return e;
}

// As a server might send them: mixed case, folders among the files, a link. The folders
// (4096 bytes) are neither the smallest nor the largest, nor the oldest nor the newest.
QList<DirectoryEntry> sevenEntries()
{
    return { fileEntry(QStringLiteral("zeta.txt"), 300, day(2024, 3, 1)),
        folderEntry(QStringLiteral("Alpha"), day(2024, 4, 1)),
        fileEntry(QStringLiteral("beta.TXT"), 8192, day(2024, 1, 1)),
        folderEntry(QStringLiteral("docs"), day(2024, 2, 1)),
        fileEntry(QStringLiteral("Gamma.bin"), 50, day(2024, 5, 1)),
        linkEntry(QStringLiteral("link"), QStringLiteral("zeta.txt"), 10, day(2023, 12, 1)),
        fileEntry(QStringLiteral("Readme"), 8192, day(2024, 6, 1)) };
}

const QStringList arrivalOrder = { QStringLiteral("zeta.txt"), QStringLiteral("Alpha"), QStringLiteral("beta.TXT"),
    QStringLiteral("docs"), QStringLiteral("Gamma.bin"), QStringLiteral("link"), QStringLiteral("Readme") };
const QStringList byName = { QStringLiteral("Alpha"), QStringLiteral("docs"), QStringLiteral("beta.TXT"),
    QStringLiteral("Gamma.bin"), QStringLiteral("link"), QStringLiteral("Readme"), QStringLiteral("zeta.txt") };
const QStringList bySizeDescending = { QStringLiteral("docs"), QStringLiteral("Alpha"), QStringLiteral("Readme"),
    QStringLiteral("beta.TXT"), QStringLiteral("zeta.txt"), QStringLiteral("Gamma.bin"), QStringLiteral("link") };

// The folder /pub of site A, and its subfolder docs.
QList<DirectoryEntry> pubEntries()
{
    return { folderEntry(QStringLiteral("docs")), folderEntry(QStringLiteral("incoming")),
        fileEntry(QStringLiteral("zeta.txt"), 300), fileEntry(QStringLiteral("readme.txt"), 1200) };
}

QList<DirectoryEntry> docsEntries()
{
    return { folderEntry(QStringLiteral("sub")), fileEntry(QStringLiteral("manual.pdf"), 2048) };
}

QList<DirectoryEntry> entriesOf(const QString &path)
{
    return path == QLatin1String("/pub/docs") ? docsEntries() : pubEntries();
}

void list(RemoteFileModel &model, const QString &path, const QList<DirectoryEntry> &entries)
{
    model.beginListing(path);
    model.appendEntries(entries);
    model.finishListing();
}

QStringList namesOf(const RemoteFileModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, RemoteFileModel::Name).data().toString());
    return names;
}

QModelIndex indexOf(const RemoteFileModel &model, const QString &name, int column = RemoteFileModel::Name)
{
    const int row = model.rowOfName(name);
    return row < 0 ? QModelIndex() : model.index(row, column);
}

// "d 4096 /pub/docs": kind, size and path, to compare targets as text.
QString describe(const RemoteTarget &target)
{
    return (target.isDirectory ? QStringLiteral("d ") : QStringLiteral("f ")) + QString::number(target.size) + u' '
        + target.path;
}

QStringList describe(const QList<RemoteTarget> &targets)
{
    QStringList described;
    for (const RemoteTarget &target : targets)
        described.append(describe(target));
    return described;
}

// What a drag of the rows `names` out of the folder `path` of `site` carries.
std::unique_ptr<QMimeData> dragOf(const QString &site, const QString &path, const QStringList &names)
{
    RemoteFileModel source;
    QAbstractItemModelTester tester(&source, Fatal);
    source.setSiteKey(site);
    list(source, path, entriesOf(path));
    QModelIndexList indexes;
    for (const QString &name : names) {
        const QModelIndex index = indexOf(source, name);
        if (!index.isValid())
            qWarning("no row named %s in %s", qPrintable(name), qPrintable(path));
        indexes.append(index);
    }
    return std::unique_ptr<QMimeData>(source.mimeData(indexes));
}

// The listing from 6000 entries in a scrambled order: the k-th (k = i * 7919 mod 6000,
// 7919 being prime to 6000) is named "entry k" or "Entry k" (every third), a folder
// when k is a multiple of 50.
constexpr int BigCount = 6000;

int bigK(int arrival)
{
    return int((qint64(arrival) * 7919) % BigCount);
}

QString bigName(int k)
{
    return (k % 3 == 0 ? QStringLiteral("Entry ") : QStringLiteral("entry "))
        + QString::number(k).rightJustified(4, u'0');
}

DirectoryEntry bigEntry(int k)
{
    return k % 50 == 0 ? folderEntry(bigName(k)) : fileEntry(bigName(k), k);
}

} // namespace

class TestRemoteFileModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void listsInBatchesAndSortsAtTheEnd_data();
    void listsInBatchesAndSortsAtTheEnd();
    void sortKeepsFoldersFirst_data();
    void sortKeepsFoldersFirst();
    void sortWhileListingWaitsForTheEnd();
    void bigListingSortsInTheBackground();

    void dataOfColumnsAndRoles_data();
    void dataOfColumnsAndRoles();
    void pathRoleJoinsFolderAndName_data();
    void pathRoleJoinsFolderAndName();
    void flagsFollowListingAndType_data();
    void flagsFollowListingAndType();
    void renameAsksOnlyForAGoodName_data();
    void renameAsksOnlyForAGoodName();

    void dragCarriesRowsAndSite();
    void localFilesDropAsUploads_data();
    void localFilesDropAsUploads();
    void rowsOfThisSiteDropAsMoves_data();
    void rowsOfThisSiteDropAsMoves();
    void movesThatAreRefused_data();
    void movesThatAreRefused();

    void localPaneDownloadsRemoteRows_data();
    void localPaneDownloadsRemoteRows();
};

void TestRemoteFileModel::initTestCase()
{
    // Sizes as the tests spell them, whatever the machine's locale.
    QLocale::setDefault(QLocale::c());
    qRegisterMetaType<QList<RemoteTarget>>();
}

void TestRemoteFileModel::listsInBatchesAndSortsAtTheEnd_data()
{
    QTest::addColumn<QList<int>>("batches"); // how many entries each batch brings

    QTest::newRow("all seven in one batch: one insert") << QList<int>({ 7 });
    QTest::newRow("batches of 2, 3 and 2: three inserts") << QList<int>({ 2, 3, 2 });
    QTest::newRow("one entry per batch: seven inserts") << QList<int>({ 1, 1, 1, 1, 1, 1, 1 });
}

void TestRemoteFileModel::listsInBatchesAndSortsAtTheEnd()
{
    QFETCH(QList<int>, batches);

    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    list(model, QStringLiteral("/old"), { fileEntry(QStringLiteral("stale.txt"), 1) });
    QCOMPARE(model.rowCount(), 1);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy layoutChanged(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy sorted(&model, &RemoteFileModel::sorted);

    // A new listing starts empty, in one reset.
    model.beginListing(QStringLiteral("/pub"));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.path(), QStringLiteral("/pub"));
    QVERIFY(model.isListing());
    QCOMPARE(model.rowOfName(QStringLiteral("stale.txt")), -1);

    // Each batch is one insert after the rows already there, in the server's order.
    const QList<DirectoryEntry> entries = sevenEntries();
    int first = 0;
    for (qsizetype batch = 0; batch < batches.size(); ++batch) {
        const int count = batches.at(batch);
        model.appendEntries(entries.mid(first, count));
        QCOMPARE(inserted.count(), int(batch) + 1);
        QCOMPARE(inserted.last().at(1).toInt(), first);
        QCOMPARE(inserted.last().at(2).toInt(), first + count - 1);
        first += count;
        QCOMPARE(model.rowCount(), first);
        QVERIFY(model.isListing());
    }
    QCOMPARE(namesOf(model), arrivalOrder);
    QCOMPARE(layoutChanged.count(), 0);
    QCOMPARE(sorted.count(), 0);

    // The end of the listing sorts: folders first, then names ignoring case.
    model.finishListing();
    QVERIFY(!model.isListing());
    QVERIFY(!model.isSorting()); // seven rows: sorted at once
    QCOMPARE(layoutChanged.count(), 1);
    QCOMPARE(sorted.count(), 1);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(inserted.count(), int(batches.size()));
    QCOMPARE(namesOf(model), byName);
    QCOMPARE(model.rowOfName(QStringLiteral("docs")), 1);
    QCOMPARE(model.rowOfName(QStringLiteral("zeta.txt")), 6);
}

void TestRemoteFileModel::sortKeepsFoldersFirst_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("name, descending: folders still first")
        << int(RemoteFileModel::Name) << int(Qt::DescendingOrder)
        << QStringList { QStringLiteral("docs"), QStringLiteral("Alpha"), QStringLiteral("zeta.txt"),
               QStringLiteral("Readme"), QStringLiteral("link"), QStringLiteral("Gamma.bin"),
               QStringLiteral("beta.TXT") };
    QTest::newRow("size, ascending: folders before smaller files, equal sizes by name")
        << int(RemoteFileModel::Size) << int(Qt::AscendingOrder)
        << QStringList { QStringLiteral("Alpha"), QStringLiteral("docs"), QStringLiteral("link"),
               QStringLiteral("Gamma.bin"), QStringLiteral("zeta.txt"), QStringLiteral("beta.TXT"),
               QStringLiteral("Readme") };
    QTest::newRow("size, descending: folders before larger files")
        << int(RemoteFileModel::Size) << int(Qt::DescendingOrder) << bySizeDescending;
    QTest::newRow("modified, ascending: folders before older files")
        << int(RemoteFileModel::Modified) << int(Qt::AscendingOrder)
        << QStringList { QStringLiteral("docs"), QStringLiteral("Alpha"), QStringLiteral("link"),
               QStringLiteral("beta.TXT"), QStringLiteral("zeta.txt"), QStringLiteral("Gamma.bin"),
               QStringLiteral("Readme") };
    QTest::newRow("modified, descending: folders before newer files")
        << int(RemoteFileModel::Modified) << int(Qt::DescendingOrder)
        << QStringList { QStringLiteral("Alpha"), QStringLiteral("docs"), QStringLiteral("Readme"),
               QStringLiteral("Gamma.bin"), QStringLiteral("zeta.txt"), QStringLiteral("beta.TXT"),
               QStringLiteral("link") };
}

void TestRemoteFileModel::sortKeepsFoldersFirst()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, names);

    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    // Sorted once by name first, so every row shows a change of order.
    list(model, QStringLiteral("/pub"), sevenEntries());
    QCOMPARE(namesOf(model), byName);
    const QPersistentModelIndex zeta = indexOf(model, QStringLiteral("zeta.txt"), RemoteFileModel::Size);
    QSignalSpy layoutChanged(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy sorted(&model, &RemoteFileModel::sorted);

    model.sort(column, Qt::SortOrder(order));
    QCOMPARE(layoutChanged.count(), 1);
    QCOMPARE(sorted.count(), 1);
    QCOMPARE(namesOf(model), names);
    QVERIFY(zeta.isValid());
    QCOMPARE(zeta.row(), int(names.indexOf(QStringLiteral("zeta.txt"))));
    QCOMPARE(zeta.column(), int(RemoteFileModel::Size));
    QCOMPARE(zeta.data(RemoteFileModel::PathRole).toString(), QStringLiteral("/pub/zeta.txt"));
}

void TestRemoteFileModel::sortWhileListingWaitsForTheEnd()
{
    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    QSignalSpy layoutChanged(&model, &QAbstractItemModel::layoutChanged);
    const QList<DirectoryEntry> entries = sevenEntries();

    model.beginListing(QStringLiteral("/pub"));
    model.appendEntries(entries.mid(0, 4));
    model.sort(RemoteFileModel::Size, Qt::DescendingOrder);
    QCOMPARE(layoutChanged.count(), 0);
    QCOMPARE(namesOf(model), arrivalOrder.mid(0, 4));

    model.appendEntries(entries.mid(4));
    QCOMPARE(layoutChanged.count(), 0);
    QCOMPARE(namesOf(model), arrivalOrder);

    // The order asked for while listing is the one the end of the listing applies.
    model.finishListing();
    QCOMPARE(layoutChanged.count(), 1);
    QCOMPARE(namesOf(model), bySizeDescending);
}

void TestRemoteFileModel::bigListingSortsInTheBackground()
{
    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy layoutChanged(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy sorted(&model, &RemoteFileModel::sorted);

    model.beginListing(QStringLiteral("/big"));
    QList<DirectoryEntry> batch;
    for (int arrival = 0; arrival < BigCount; ++arrival) {
        batch.append(bigEntry(bigK(arrival)));
        if (batch.size() == 1000) {
            model.appendEntries(batch);
            batch.clear();
        }
    }
    QCOMPARE(inserted.count(), BigCount / 1000);
    QCOMPARE(model.rowCount(), BigCount);

    // Row 1 is the second one the server sent.
    const QString secondSent = QStringLiteral("entry 1919");
    QCOMPARE(bigName(bigK(1)), secondSent);
    const QPersistentModelIndex kept(model.index(1, RemoteFileModel::Size));
    QCOMPARE(kept.data(RemoteFileModel::PathRole).toString(), QStringLiteral("/big/") + secondSent);

    // The listing is over, the rows are not sorted yet.
    model.finishListing();
    QVERIFY(!model.isListing());
    QVERIFY(model.isSorting());
    QCOMPARE(sorted.count(), 0);
    QCOMPARE(layoutChanged.count(), 0);
    QCOMPARE(model.index(1, RemoteFileModel::Name).data().toString(), secondSent);
    QCOMPARE(kept.row(), 1);

    QVERIFY(sorted.wait(20000));
    QVERIFY(!model.isSorting());
    QCOMPARE(sorted.count(), 1);
    QCOMPARE(layoutChanged.count(), 1);

    // The 120 folders by name, then the files by name, case ignored.
    QStringList expected;
    for (int k = 0; k < BigCount; k += 50)
        expected.append(bigName(k));
    for (int k = 0; k < BigCount; ++k) {
        if (k % 50 != 0)
            expected.append(bigName(k));
    }
    QCOMPARE(namesOf(model), expected);
    QCOMPARE(model.index(1, RemoteFileModel::Name).data().toString(), bigName(50));
    QVERIFY(model.index(119, RemoteFileModel::Name).data(RemoteFileModel::IsDirectoryRole).toBool());
    QVERIFY(!model.index(120, RemoteFileModel::Name).data(RemoteFileModel::IsDirectoryRole).toBool());

    // The index taken before the sort is on its entry's new row.
    QVERIFY(kept.isValid());
    QCOMPARE(kept.row(), int(expected.indexOf(secondSent)));
    QCOMPARE(kept.row(), model.rowOfName(secondSent));
    QCOMPARE(kept.column(), int(RemoteFileModel::Size));
    QCOMPARE(kept.data(RemoteFileModel::PathRole).toString(), QStringLiteral("/big/") + secondSent);
    QCOMPARE(kept.data(RemoteFileModel::SizeRole).toLongLong(), qint64(1919));
}

void TestRemoteFileModel::dataOfColumnsAndRoles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("role");
    QTest::addColumn<QVariant>("expected");

    const int display = Qt::DisplayRole;
    QTest::newRow("name, display: the name")
        << QStringLiteral("docs") << int(RemoteFileModel::Name) << display << QVariant(QStringLiteral("docs"));
    QTest::newRow("name, edit: the name as it is") << QStringLiteral("report.pdf") << int(RemoteFileModel::Name)
                                                   << int(Qt::EditRole) << QVariant(QStringLiteral("report.pdf"));
    QTest::newRow("size of a folder: empty")
        << QStringLiteral("docs") << int(RemoteFileModel::Size) << display << QVariant(QString());
    QTest::newRow("size of a file: formatted") << QStringLiteral("report.pdf") << int(RemoteFileModel::Size) << display
                                               << QVariant(QStringLiteral("1.50 KiB"));
    QTest::newRow("size of a small file: in bytes") << QStringLiteral("small.txt") << int(RemoteFileModel::Size)
                                                    << display << QVariant(QStringLiteral("300 bytes"));
    QTest::newRow("size unknown: empty") << QStringLiteral("unknown.bin") << int(RemoteFileModel::Size) << display
                                         << QVariant(QString());
    QTest::newRow("tool tip of a link: name → target")
        << QStringLiteral("current") << int(RemoteFileModel::Name) << int(Qt::ToolTipRole)
        << QVariant(QStringLiteral("current → releases/2.0"));
    QTest::newRow("a folder is a directory") << QStringLiteral("docs") << int(RemoteFileModel::Name)
                                             << int(RemoteFileModel::IsDirectoryRole) << QVariant(true);
    QTest::newRow("a file is not") << QStringLiteral("report.pdf") << int(RemoteFileModel::Name)
                                   << int(RemoteFileModel::IsDirectoryRole) << QVariant(false);
    QTest::newRow("a link is not") << QStringLiteral("current") << int(RemoteFileModel::Name)
                                   << int(RemoteFileModel::IsDirectoryRole) << QVariant(false);
    QTest::newRow("size role of a file: its bytes") << QStringLiteral("report.pdf") << int(RemoteFileModel::Size)
                                                    << int(RemoteFileModel::SizeRole) << QVariant(qint64(1536));
    QTest::newRow("size role of a folder: as listed") << QStringLiteral("docs") << int(RemoteFileModel::Name)
                                                      << int(RemoteFileModel::SizeRole) << QVariant(qint64(4096));
    QTest::newRow("size role unknown: -1") << QStringLiteral("unknown.bin") << int(RemoteFileModel::Name)
                                           << int(RemoteFileModel::SizeRole) << QVariant(qint64(-1));
}

void TestRemoteFileModel::dataOfColumnsAndRoles()
{
    QFETCH(QString, name);
    QFETCH(int, column);
    QFETCH(int, role);
    QFETCH(QVariant, expected);

    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    list(model, QStringLiteral("/pub"),
        { folderEntry(QStringLiteral("docs")), fileEntry(QStringLiteral("report.pdf"), 1536),
            fileEntry(QStringLiteral("small.txt"), 300), fileEntry(QStringLiteral("unknown.bin"), -1),
            linkEntry(QStringLiteral("current"), QStringLiteral("releases/2.0"), 12) });

    const QModelIndex index = indexOf(model, name, column);
    QVERIFY(index.isValid());
    QCOMPARE(index.data(role), expected);
}

void TestRemoteFileModel::pathRoleJoinsFolderAndName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a folder: one slash between") << QStringLiteral("/pub") << QStringLiteral("/pub/readme.txt");
    QTest::newRow("the root: no double slash") << QStringLiteral("/") << QStringLiteral("/readme.txt");
    QTest::newRow("a folder ending in a slash: no double slash")
        << QStringLiteral("/pub/") << QStringLiteral("/pub/readme.txt");
}

void TestRemoteFileModel::pathRoleJoinsFolderAndName()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);

    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    list(model, path, { fileEntry(QStringLiteral("readme.txt"), 10), folderEntry(QStringLiteral("docs")) });

    const QModelIndex index = indexOf(model, QStringLiteral("readme.txt"), RemoteFileModel::Size);
    QVERIFY(index.isValid());
    QCOMPARE(index.data(RemoteFileModel::PathRole).toString(), expected);
    QCOMPARE(index.data(RemoteFileModel::PathRole).toString(),
        Satchel::Ftp::joinRemotePath(path, QStringLiteral("readme.txt")));
    QCOMPARE(indexOf(model, QStringLiteral("docs")).data(RemoteFileModel::PathRole).toString(),
        Satchel::Ftp::joinRemotePath(path, QStringLiteral("docs")));
}

void TestRemoteFileModel::flagsFollowListingAndType_data()
{
    QTest::addColumn<QString>("name"); // empty: below the last row (no index)
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("listing");
    QTest::addColumn<uint>("expected");

    const int name = RemoteFileModel::Name;
    const int size = RemoteFileModel::Size;
    QTest::newRow("a file's name while listing: not editable")
        << QStringLiteral("zeta.txt") << name << true << rowFlags.toInt();
    QTest::newRow("a file's name once listed: editable")
        << QStringLiteral("zeta.txt") << name << false << (rowFlags | Qt::ItemIsEditable).toInt();
    QTest::newRow("a folder's name while listing: drop-enabled, not editable")
        << QStringLiteral("docs") << name << true << (rowFlags | Qt::ItemIsDropEnabled).toInt();
    QTest::newRow("a folder's name once listed: drop-enabled and editable")
        << QStringLiteral("docs") << name << false << (rowFlags | Qt::ItemIsDropEnabled | Qt::ItemIsEditable).toInt();
    QTest::newRow("a folder's size: drop-enabled, never editable")
        << QStringLiteral("docs") << size << false << (rowFlags | Qt::ItemIsDropEnabled).toInt();
    QTest::newRow("a file's size: neither") << QStringLiteral("zeta.txt") << size << false << rowFlags.toInt();
    QTest::newRow("below the last row: drop-enabled only")
        << QString() << name << false << Qt::ItemFlags(Qt::ItemIsDropEnabled).toInt();
    QTest::newRow("below the last row while listing: drop-enabled only")
        << QString() << name << true << Qt::ItemFlags(Qt::ItemIsDropEnabled).toInt();
}

void TestRemoteFileModel::flagsFollowListingAndType()
{
    QFETCH(QString, name);
    QFETCH(int, column);
    QFETCH(bool, listing);
    QFETCH(uint, expected);

    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.beginListing(QStringLiteral("/pub"));
    model.appendEntries(pubEntries());
    if (!listing)
        model.finishListing();
    QCOMPARE(model.isListing(), listing);

    const QModelIndex index = name.isEmpty() ? QModelIndex() : indexOf(model, name, column);
    QCOMPARE(index.isValid(), !name.isEmpty());
    QCOMPARE(uint(model.flags(index).toInt()), expected);
}

void TestRemoteFileModel::renameAsksOnlyForAGoodName_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("to");

    QTest::newRow("a new name: asked for")
        << QStringLiteral("renamed.txt") << true << QStringLiteral("/pub/renamed.txt");
    QTest::newRow("spaces around it: dropped")
        << QStringLiteral("  renamed.txt ") << true << QStringLiteral("/pub/renamed.txt");
    QTest::newRow("empty: refused") << QString() << false << QString();
    QTest::newRow("only spaces: refused") << QStringLiteral("   ") << false << QString();
    QTest::newRow("unchanged: refused") << QStringLiteral("zeta.txt") << false << QString();
    QTest::newRow("a path: refused") << QStringLiteral("a/b") << false << QString();
    QTest::newRow("dot: refused") << QStringLiteral(".") << false << QString();
    QTest::newRow("dot dot: refused") << QStringLiteral("..") << false << QString();
}

void TestRemoteFileModel::renameAsksOnlyForAGoodName()
{
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    QFETCH(QString, to);

    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    list(model, QStringLiteral("/pub"), pubEntries());
    QSignalSpy renameRequested(&model, &RemoteFileModel::renameRequested);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex index = indexOf(model, QStringLiteral("zeta.txt"));
    QVERIFY(index.isValid());

    QCOMPARE(model.setData(index, value, Qt::EditRole), accepted);
    QCOMPARE(renameRequested.count(), accepted ? 1 : 0);
    if (accepted) {
        QCOMPARE(renameRequested.at(0).at(0).toString(), QStringLiteral("/pub/zeta.txt"));
        QCOMPARE(renameRequested.at(0).at(1).toString(), to);
    }
    // Asked for, not done: the row keeps its name until the folder is listed again.
    QCOMPARE(changed.count(), 0);
    QCOMPARE(index.data().toString(), QStringLiteral("zeta.txt"));
}

void TestRemoteFileModel::dragCarriesRowsAndSite()
{
    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.setSiteKey(siteA);
    const QString tabbed = QStringLiteral("tab\there.txt");
    list(model, QStringLiteral("/pub"),
        { fileEntry(tabbed, 42), folderEntry(QStringLiteral("docs")), fileEntry(QStringLiteral("zeta.txt"), 300) });
    QVERIFY(model.mimeTypes().contains(RemoteFileModel::kMimeType));

    // Two cells of the same row are one row; the folder comes second as it was picked.
    const QModelIndexList indexes = { indexOf(model, tabbed), indexOf(model, tabbed, RemoteFileModel::Size),
        indexOf(model, QStringLiteral("docs")) };
    const std::unique_ptr<QMimeData> data(model.mimeData(indexes));
    QVERIFY(data);
    QVERIFY(data->hasFormat(RemoteFileModel::kMimeType));

    QString site;
    const QList<RemoteTarget> targets = RemoteFileModel::targetsFrom(data.get(), &site);
    QCOMPARE(site, siteA);
    QCOMPARE(describe(targets),
        QStringList({ QStringLiteral("f 42 /pub/tab\there.txt"), QStringLiteral("d 4096 /pub/docs") }));
    QCOMPARE(targets.at(0).path, QStringLiteral("/pub/") + tabbed);
    QVERIFY(!targets.at(0).isDirectory);
    QVERIFY(targets.at(1).isDirectory);

    // Another site's rows say so.
    const std::unique_ptr<QMimeData> other = dragOf(siteB, QStringLiteral("/pub"), { QStringLiteral("zeta.txt") });
    QCOMPARE(describe(RemoteFileModel::targetsFrom(other.get(), &site)),
        QStringList({ QStringLiteral("f 300 /pub/zeta.txt") }));
    QCOMPARE(site, siteB);
}

void TestRemoteFileModel::localFilesDropAsUploads_data()
{
    QTest::addColumn<QList<QUrl>>("urls");
    QTest::addColumn<QString>("onto"); // a row's name; empty: below the last row
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("directory");

    const QList<QUrl> local = { QUrl::fromLocalFile(QStringLiteral("/home/me/report.pdf")),
        QUrl::fromLocalFile(QStringLiteral("/home/me/holiday photos")) };
    QTest::newRow("local files below the last row: into the folder shown")
        << local << QString() << true << QStringLiteral("/pub");
    QTest::newRow("local files on a folder row: into that folder")
        << local << QStringLiteral("docs") << true << QStringLiteral("/pub/docs");
    QTest::newRow("a web address: refused")
        << QList<QUrl>({ QUrl(QStringLiteral("https://example.org/report.pdf")) }) << QString() << false << QString();
    QTest::newRow("local files with a web address among them: refused")
        << (local + QList<QUrl>({ QUrl(QStringLiteral("https://example.org/report.pdf")) })) << QStringLiteral("docs")
        << false << QString();
}

void TestRemoteFileModel::localFilesDropAsUploads()
{
    QFETCH(QList<QUrl>, urls);
    QFETCH(QString, onto);
    QFETCH(bool, accepted);
    QFETCH(QString, directory);

    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.setSiteKey(siteA);
    list(model, QStringLiteral("/pub"), pubEntries());
    QSignalSpy uploadRequested(&model, &RemoteFileModel::uploadRequested);
    QSignalSpy moveRequested(&model, &RemoteFileModel::moveRequested);

    QMimeData data;
    data.setUrls(urls);
    const QModelIndex parent = onto.isEmpty() ? QModelIndex() : indexOf(model, onto);
    QCOMPARE(parent.isValid(), !onto.isEmpty());

    QCOMPARE(model.canDropMimeData(&data, Qt::CopyAction, -1, -1, parent), accepted);
    QCOMPARE(model.dropMimeData(&data, Qt::CopyAction, -1, -1, parent), accepted);
    QCOMPARE(moveRequested.count(), 0);
    QCOMPARE(uploadRequested.count(), accepted ? 1 : 0);
    if (accepted) {
        QCOMPARE(uploadRequested.at(0).at(0).toStringList(),
            QStringList({ QStringLiteral("/home/me/report.pdf"), QStringLiteral("/home/me/holiday photos") }));
        QCOMPARE(uploadRequested.at(0).at(1).toString(), directory);
    }
    // Nothing changes here until the folder is listed again.
    QCOMPARE(namesOf(model).size(), pubEntries().size());
}

void TestRemoteFileModel::rowsOfThisSiteDropAsMoves_data()
{
    QTest::addColumn<QString>("from"); // the folder the rows are dragged out of
    QTest::addColumn<QStringList>("dragged");
    QTest::addColumn<QString>("shown"); // the folder they are dropped in
    QTest::addColumn<QString>("onto"); // a row's name; empty: below the last row
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<QString>("directory");

    const QString pub = QStringLiteral("/pub");
    QTest::newRow("a file on a folder row: into that folder")
        << pub << QStringList({ QStringLiteral("zeta.txt") }) << pub << QStringLiteral("docs")
        << QStringList({ QStringLiteral("f 300 /pub/zeta.txt") }) << QStringLiteral("/pub/docs");
    QTest::newRow("a file and a folder on another folder row: both into it")
        << pub << QStringList({ QStringLiteral("zeta.txt"), QStringLiteral("incoming") }) << pub
        << QStringLiteral("docs")
        << QStringList({ QStringLiteral("f 300 /pub/zeta.txt"), QStringLiteral("d 4096 /pub/incoming") })
        << QStringLiteral("/pub/docs");
    QTest::newRow("a folder among the rows dropped on it: the others move")
        << pub << QStringList({ QStringLiteral("docs"), QStringLiteral("zeta.txt") }) << pub << QStringLiteral("docs")
        << QStringList({ QStringLiteral("f 300 /pub/zeta.txt") }) << QStringLiteral("/pub/docs");
    QTest::newRow("rows of a subfolder below the last row of its parent: up into it")
        << QStringLiteral("/pub/docs") << QStringList({ QStringLiteral("manual.pdf") }) << pub << QString()
        << QStringList({ QStringLiteral("f 2048 /pub/docs/manual.pdf") }) << pub;
}

void TestRemoteFileModel::rowsOfThisSiteDropAsMoves()
{
    QFETCH(QString, from);
    QFETCH(QStringList, dragged);
    QFETCH(QString, shown);
    QFETCH(QString, onto);
    QFETCH(QStringList, sources);
    QFETCH(QString, directory);

    const std::unique_ptr<QMimeData> data = dragOf(siteA, from, dragged);
    QCOMPARE(RemoteFileModel::targetsFrom(data.get(), nullptr).size(), dragged.size());

    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.setSiteKey(siteA);
    list(model, shown, entriesOf(shown));
    QSignalSpy moveRequested(&model, &RemoteFileModel::moveRequested);
    QSignalSpy uploadRequested(&model, &RemoteFileModel::uploadRequested);
    const QModelIndex parent = onto.isEmpty() ? QModelIndex() : indexOf(model, onto);
    QCOMPARE(parent.isValid(), !onto.isEmpty());

    QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, -1, -1, parent));
    QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, -1, -1, parent));
    QCOMPARE(uploadRequested.count(), 0);
    QCOMPARE(moveRequested.count(), 1);
    QCOMPARE(describe(moveRequested.at(0).at(0).value<QList<RemoteTarget>>()), sources);
    QCOMPARE(moveRequested.at(0).at(1).toString(), directory);
    // Asked for, not done.
    QCOMPARE(namesOf(model).size(), entriesOf(shown).size());
}

void TestRemoteFileModel::movesThatAreRefused_data()
{
    QTest::addColumn<QString>("site"); // the site the rows are dragged from
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("dragged");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("onto");
    QTest::addColumn<bool>("refusedBeforeTheDrop"); // canDropMimeData already says no

    const QString pub = QStringLiteral("/pub");
    QTest::newRow("rows below the last row of the folder they are in")
        << siteA << pub << QStringList({ QStringLiteral("zeta.txt"), QStringLiteral("incoming") }) << pub << QString()
        << true;
    QTest::newRow("a folder on its own row")
        << siteA << pub << QStringList({ QStringLiteral("docs") }) << pub << QStringLiteral("docs") << true;
    QTest::newRow("a folder below the last row of itself")
        << siteA << pub << QStringList({ QStringLiteral("docs") }) << QStringLiteral("/pub/docs") << QString() << true;
    QTest::newRow("a folder on a subfolder of its own")
        << siteA << pub << QStringList({ QStringLiteral("docs") }) << QStringLiteral("/pub/docs")
        << QStringLiteral("sub") << false;
    QTest::newRow("another site's rows on a folder row")
        << siteB << pub << QStringList({ QStringLiteral("zeta.txt") }) << pub << QStringLiteral("docs") << true;
    QTest::newRow("another site's rows below the last row of another folder")
        << siteB << QStringLiteral("/pub/docs") << QStringList({ QStringLiteral("manual.pdf") }) << pub << QString()
        << true;
}

void TestRemoteFileModel::movesThatAreRefused()
{
    QFETCH(QString, site);
    QFETCH(QString, from);
    QFETCH(QStringList, dragged);
    QFETCH(QString, shown);
    QFETCH(QString, onto);
    QFETCH(bool, refusedBeforeTheDrop);

    const std::unique_ptr<QMimeData> data = dragOf(site, from, dragged);
    QCOMPARE(RemoteFileModel::targetsFrom(data.get(), nullptr).size(), dragged.size());

    RemoteFileModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.setSiteKey(siteA);
    list(model, shown, entriesOf(shown));
    QSignalSpy moveRequested(&model, &RemoteFileModel::moveRequested);
    QSignalSpy uploadRequested(&model, &RemoteFileModel::uploadRequested);
    const QModelIndex parent = onto.isEmpty() ? QModelIndex() : indexOf(model, onto);
    QCOMPARE(parent.isValid(), !onto.isEmpty());

    if (refusedBeforeTheDrop)
        QVERIFY(!model.canDropMimeData(data.get(), Qt::MoveAction, -1, -1, parent));
    QVERIFY(!model.dropMimeData(data.get(), Qt::MoveAction, -1, -1, parent));
    QCOMPARE(moveRequested.count(), 0);
    QCOMPARE(uploadRequested.count(), 0);
}

void TestRemoteFileModel::localPaneDownloadsRemoteRows_data()
{
    QTest::addColumn<bool>("remoteRows"); // else file URLs
    QTest::addColumn<QString>("onto"); // a folder under the temporary one; empty: below the last row
    QTest::addColumn<bool>("shown"); // the temporary folder is the one shown
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("directory"); // under the temporary folder; "." for itself

    QTest::newRow("remote rows on a folder: downloaded into it")
        << true << QStringLiteral("downloads") << false << true << QStringLiteral("downloads");
    QTest::newRow("remote rows below the last row: downloaded to the folder shown")
        << true << QString() << true << true << QStringLiteral(".");
    QTest::newRow("remote rows below the last row, no folder shown: refused")
        << true << QString() << false << false << QString();
    QTest::newRow("file URLs on a folder: refused")
        << false << QStringLiteral("downloads") << true << false << QString();
    QTest::newRow("file URLs below the last row: refused") << false << QString() << true << false << QString();
}

void TestRemoteFileModel::localPaneDownloadsRemoteRows()
{
    QFETCH(bool, remoteRows);
    QFETCH(QString, onto);
    QFETCH(bool, shown);
    QFETCH(bool, accepted);
    QFETCH(QString, directory);

    QTemporaryDir temporary;
    QVERIFY2(temporary.isValid(), qPrintable(temporary.errorString()));
    const QString root = temporary.path();
    QVERIFY(QDir(root).mkdir(QStringLiteral("downloads")));
    QFile notes(root + QStringLiteral("/notes.txt"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("notes\n");
    notes.close();

    std::unique_ptr<QMimeData> data;
    if (remoteRows) {
        data = dragOf(siteA, QStringLiteral("/pub"), { QStringLiteral("docs"), QStringLiteral("zeta.txt") });
    } else {
        data = std::make_unique<QMimeData>();
        data->setUrls({ QUrl::fromLocalFile(root + QStringLiteral("/notes.txt")) });
    }

    LocalFileModel local;
    local.setSiteKey(siteA); // the connected site: its rows may be dropped here
    local.setRootPath(root);
    if (shown)
        local.setShownDirectory(root);
    QPersistentModelIndex parent;
    if (!onto.isEmpty()) {
        // QFileSystemModel reads the folder on a thread of its own.
        const QString folder = root + u'/' + onto;
        QTRY_VERIFY(local.index(folder).isValid() && local.isDir(local.index(folder)));
        parent = local.index(folder);
        QCOMPARE(local.filePath(parent), folder);
    }
    QVERIFY(local.flags(parent).testFlag(Qt::ItemIsDropEnabled));
    QSignalSpy downloadRequested(&local, &LocalFileModel::downloadRequested);

    QCOMPARE(local.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, parent), accepted);
    QCOMPARE(local.dropMimeData(data.get(), Qt::CopyAction, -1, -1, parent), accepted);
    QCOMPARE(downloadRequested.count(), accepted ? 1 : 0);
    if (accepted) {
        // Rows of another site mean nothing on the connected one: refused.
        const std::unique_ptr<QMimeData> other
            = dragOf(QStringLiteral("another site"), QStringLiteral("/pub"), { QStringLiteral("zeta.txt") });
        QVERIFY(!local.canDropMimeData(other.get(), Qt::CopyAction, -1, -1, parent));
        QVERIFY(!local.dropMimeData(other.get(), Qt::CopyAction, -1, -1, parent));
        QCOMPARE(downloadRequested.count(), 1);
        QCOMPARE(describe(downloadRequested.at(0).at(0).value<QList<RemoteTarget>>()),
            QStringList({ QStringLiteral("d 4096 /pub/docs"), QStringLiteral("f 300 /pub/zeta.txt") }));
        const QString expectedDirectory = directory == QLatin1String(".") ? root : root + u'/' + directory;
        QCOMPARE(downloadRequested.at(0).at(1).toString(), expectedDirectory);
    }
}

QTEST_MAIN(TestRemoteFileModel)
#include "tst_remote_file_model.moc"
