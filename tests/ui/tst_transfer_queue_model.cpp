// The transfer queue half of the file window, on the offscreen platform.
// TransferQueueModel under QAbstractItemModelTester (Fatal) through batches of new,
// updated and mixed items and removeFinished() of interleaved rows; the text of every
// state and column; progress per mille; the summary; a batch of 1000 new items is one
// rowsInserted and 1000 progress updates are one dataChanged per run of adjacent rows.
// TransferQueueView: the selection's states enable the actions, each action requests
// the selected ids it applies to (Delete cancels), the summary follows the model.
// TransferProgressDelegate paints the progress. OverwriteDialog: each button gives its
// policy, Resume only for a smaller destination, "Apply to all" read back, Escape skips.
#include "protocols/ftp/OverwritePolicy.h"
#include "protocols/ftp/TransferItem.h"
#include "ui/files/OverwriteDialog.h"
#include "ui/files/TransferProgressDelegate.h"
#include "ui/files/TransferQueueModel.h"
#include "ui/files/TransferQueueView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QIcon>
#include <QImage>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QToolBar>
#include <QTreeView>

#include <memory>

using Satchel::Ftp::OverwritePolicy;
using Satchel::Ftp::TransferItem;
using Satchel::Ui::OverwriteDialog;
using Satchel::Ui::TransferProgressDelegate;
using Satchel::Ui::TransferQueueModel;
using Satchel::Ui::TransferQueueView;
using State = Satchel::Ftp::TransferItem::State;
using Direction = Satchel::Ftp::TransferItem::Direction;

namespace {

constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

TransferItem makeItem(qint64 id, State state = State::Pending, qint64 size = 1000, qint64 transferred = 0)
{
    TransferItem item;
    item.id = id;
    item.direction = Direction::Download;
    item.localPath = QStringLiteral("/home/me/Downloads/file%1.bin").arg(id);
    item.remotePath = QStringLiteral("/pub/file%1.bin").arg(id);
    item.size = size;
    item.transferred = transferred;
    item.state = state;
    return item;
}

QList<TransferItem> makeItems(qint64 firstId, int count, State state = State::Pending)
{
    QList<TransferItem> items;
    for (qint64 id = firstId; id < firstId + count; ++id)
        items.append(makeItem(id, state));
    return items;
}

QList<qint64> idsOf(const TransferQueueModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(TransferQueueModel::ItemIdRole).toLongLong());
    return ids;
}

template<class T> T *child(const QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

QStringList actionNames(const QWidget *widget)
{
    QStringList names;
    for (const QAction *action : widget->actions()) {
        if (!action->isSeparator())
            names.append(action->objectName());
    }
    return names;
}

void selectRows(TransferQueueView &view, const QList<int> &rows)
{
    QItemSelectionModel *selection = view.list()->selectionModel();
    QVERIFY(selection);
    selection->clearSelection();
    for (int row : rows) {
        selection->select(view.list()->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

QImage paintProgress(const QModelIndex &index)
{
    TransferProgressDelegate delegate;
    QImage image(120, 20, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QStyleOptionViewItem option;
    option.rect = image.rect();
    option.state = QStyle::State_Enabled;
    option.palette = QApplication::palette();
    option.fontMetrics = QFontMetrics(QApplication::font());
    QPainter painter(&image);
    delegate.paint(&painter, option, index);
    painter.end();
    return image;
}

const QStringList allActions = { QStringLiteral("pauseTransfer"), QStringLiteral("resumeTransfer"),
    QStringLiteral("cancelTransfer"), QStringLiteral("retryTransfer"), QStringLiteral("raisePriority"),
    QStringLiteral("lowerPriority"), QStringLiteral("clearFinished") };

} // namespace

class TestTransferQueueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void passesModelTesterThroughBatches();
    void newItemsAreOneInsert();
    void progressUpdatesSignalOncePerRun_data();
    void progressUpdatesSignalOncePerRun();
    void removeFinishedKeepsTheRestInOrder();
    void stateTexts_data();
    void stateTexts();
    void columnTexts_data();
    void columnTexts();
    void progressRole_data();
    void progressRole();
    void fileColumnShowsTheDestinationAndDirection();
    void toolTipsShowServerTextAsWritten();
    void summaryCountsTheStates();

    void actionsFollowTheSelection_data();
    void actionsFollowTheSelection();
    void clearFinishedAndSummaryFollowTheModel();
    void actionsRequestTheSelectedIds();
    void deleteKeyCancels();
    void delegatePaintsTheProgress();

    void overwriteButtonsGiveTheirPolicy_data();
    void overwriteButtonsGiveTheirPolicy();
    void resumeOnlyForASmallerDestination_data();
    void resumeOnlyForASmallerDestination();
    void overwriteDialogShowsNameSizesAndPath();
    void escapeSkipsOnlyThisFile();
};

void TestTransferQueueModel::initTestCase()
{
    // Sizes and numbers as the tests spell them, whatever the machine's locale.
    QLocale::setDefault(QLocale::c());
    qRegisterMetaType<QList<qint64>>();
    qRegisterMetaType<OverwritePolicy>();
}

void TestTransferQueueModel::passesModelTesterThroughBatches()
{
    TransferQueueModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    QCOMPARE(model.columnCount(), int(TransferQueueModel::ColumnCount));
    QCOMPARE(model.headerData(TransferQueueModel::File, Qt::Horizontal).toString(), QStringLiteral("File"));
    QCOMPARE(model.headerData(TransferQueueModel::TimeLeft, Qt::Horizontal).toString(), QStringLiteral("Time left"));
    QCOMPARE(model.headerData(TransferQueueModel::State, Qt::Horizontal).toString(), QStringLiteral("State"));

    // New items.
    model.apply(makeItems(1, 10));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(idsOf(model), QList<qint64>({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }));

    // Updates only: rows stay where they are, nothing is added.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.apply({ makeItem(3, State::Running, 1000, 500), makeItem(7, State::Paused, 1000, 100) });
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.item(2)->state, State::Running);
    QCOMPARE(model.item(2)->transferred, 500);
    QCOMPARE(model.item(6)->state, State::Paused);

    // Mixed: two updates, three new ones (one listed twice: added once, last value).
    model.apply({ makeItem(11), makeItem(1, State::Done, 1000, 1000), makeItem(12, State::Pending),
        makeItem(12, State::Paused), makeItem(10, State::Failed), makeItem(13) });
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(idsOf(model), QList<qint64>({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 }));
    QCOMPARE(model.item(0)->state, State::Done);
    QCOMPARE(model.item(9)->state, State::Failed);
    QCOMPARE(model.item(11)->state, State::Paused);
    QCOMPARE(model.rowOf(12), 11);
    QCOMPARE(model.rowOf(99), -1);
    QVERIFY(!model.item(13));
    QVERIFY(!model.item(-1));

    // Nothing to apply is no signal at all.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.apply({});
    QCOMPARE(changed.count(), 0);

    // And the removal of what is over, under the tester too.
    QCOMPARE(model.removeFinished(), QList<qint64>({ 1, 10 }));
    QCOMPARE(model.rowCount(), 11);
    model.applyOne(makeItem(2, State::Running));
    QCOMPARE(model.index(model.rowOf(2), TransferQueueModel::State).data().toString(), QStringLiteral("Transferring"));
}

void TestTransferQueueModel::newItemsAreOneInsert()
{
    TransferQueueModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.apply(makeItems(1, 5));
    QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.apply(makeItems(100, 1000));
    QCOMPARE(aboutToInsert.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 5);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1004);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.rowCount(), 1005);
    QCOMPARE(model.rowOf(100), 5);
    QCOMPARE(model.rowOf(1099), 1004);
    QCOMPARE(model.count(State::Pending), 1005);
}

void TestTransferQueueModel::progressUpdatesSignalOncePerRun_data()
{
    QTest::addColumn<QList<int>>("rows"); // the rows updated, in the batch's order
    QTest::addColumn<QList<int>>("runs"); // first, last, first, last, ...

    QList<int> ascending;
    for (int row = 100; row < 1100; ++row)
        ascending.append(row);
    QTest::newRow("1000 adjacent rows: one signal") << ascending << QList<int>({ 100, 1099 });

    QList<int> descending(ascending.crbegin(), ascending.crend());
    QTest::newRow("1000 adjacent rows, listed backwards: one signal") << descending << QList<int>({ 100, 1099 });

    QList<int> twoRuns;
    for (int row = 0; row < 500; ++row)
        twoRuns << row << 1500 + row;
    QTest::newRow("two runs of 500, interleaved in the batch: two signals")
        << twoRuns << QList<int>({ 0, 499, 1500, 1999 });

    QList<int> repeated = ascending;
    repeated.append(ascending);
    QTest::newRow("each of 1000 rows twice: one signal") << repeated << QList<int>({ 100, 1099 });

    QTest::newRow("three lone rows: three signals") << QList<int>({ 7, 3, 5 }) << QList<int>({ 3, 3, 5, 5, 7, 7 });
}

void TestTransferQueueModel::progressUpdatesSignalOncePerRun()
{
    QFETCH(QList<int>, rows);
    QFETCH(QList<int>, runs);

    TransferQueueModel model;
    model.apply(makeItems(1, 2000, State::Running));
    QAbstractItemModelTester tester(&model, Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    QList<TransferItem> batch;
    for (int row : std::as_const(rows)) {
        const qint64 id = row + 1;
        batch.append(makeItem(id, State::Running, 1000, 10 + row % 900));
    }
    model.apply(batch);

    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), runs.size() / 2);
    for (int i = 0; i < changed.count(); ++i) {
        const auto topLeft = changed.at(i).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(i).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), runs.at(2 * i));
        QCOMPARE(bottomRight.row(), runs.at(2 * i + 1));
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), int(TransferQueueModel::ColumnCount) - 1);
    }
    const int row = rows.constFirst();
    QCOMPARE(model.item(row)->transferred, 10 + row % 900);
}

void TestTransferQueueModel::removeFinishedKeepsTheRestInOrder()
{
    TransferQueueModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    // Final rows in four runs between the others: 2-3, 5, 7-8, 10.
    model.apply(
        { makeItem(1, State::Pending), makeItem(2, State::Done), makeItem(3, State::Done), makeItem(4, State::Running),
            makeItem(5, State::Failed), makeItem(6, State::Paused), makeItem(7, State::Cancelled),
            makeItem(8, State::Skipped), makeItem(9, State::Asking), makeItem(10, State::Done) });
    QVERIFY(model.hasFinished());
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    QCOMPARE(model.removeFinished(), QList<qint64>({ 2, 3, 5, 7, 8, 10 }));
    QCOMPARE(removed.count(), 4);
    QCOMPARE(idsOf(model), QList<qint64>({ 1, 4, 6, 9 }));
    QCOMPARE(model.rowOf(1), 0);
    QCOMPARE(model.rowOf(4), 1);
    QCOMPARE(model.rowOf(6), 2);
    QCOMPARE(model.rowOf(9), 3);
    QCOMPARE(model.rowOf(2), -1);
    QCOMPARE(model.count(State::Done), 0);
    QCOMPARE(model.count(State::Failed), 0);
    QCOMPARE(model.count(State::Running), 1);
    QVERIFY(!model.hasFinished());

    // An update after the removal finds its row, a removed id comes back as new.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.apply({ makeItem(9, State::Running), makeItem(5, State::Pending) });
    QCOMPARE(model.item(3)->state, State::Running);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(idsOf(model), QList<qint64>({ 1, 4, 6, 9, 5 }));

    // Nothing final: nothing removed, no signal.
    removed.clear();
    QVERIFY(model.removeFinished().isEmpty());
    QCOMPARE(removed.count(), 0);
}

void TestTransferQueueModel::stateTexts_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("toolTip");

    const QString refused = QStringLiteral("the server refused: 550 Permission denied on /pub/file1.bin");
    QTest::newRow("pending: Queued") << int(State::Pending) << QString() << QStringLiteral("Queued")
                                     << QStringLiteral("Queued");
    QTest::newRow("running: Transferring")
        << int(State::Running) << QString() << QStringLiteral("Transferring") << QStringLiteral("Transferring");
    QTest::newRow("paused: Paused") << int(State::Paused) << QString() << QStringLiteral("Paused")
                                    << QStringLiteral("Paused");
    QTest::newRow("done: Done") << int(State::Done) << QString() << QStringLiteral("Done") << QStringLiteral("Done");
    QTest::newRow("failed: the error, in full in the tool tip")
        << int(State::Failed) << refused << QStringLiteral("Failed: ") + refused << refused;
    QTest::newRow("failed without a reason: Failed")
        << int(State::Failed) << QString() << QStringLiteral("Failed") << QStringLiteral("Failed");
    QTest::newRow("cancelled: Cancelled")
        << int(State::Cancelled) << QString() << QStringLiteral("Cancelled") << QStringLiteral("Cancelled");
    QTest::newRow("skipped: the engine's reason without its own prefix")
        << int(State::Skipped) << QStringLiteral("skipped: it exists with the same size")
        << QStringLiteral("Skipped: it exists with the same size")
        << QStringLiteral("skipped: it exists with the same size");
    QTest::newRow("skipped without a reason: Skipped")
        << int(State::Skipped) << QString() << QStringLiteral("Skipped") << QStringLiteral("Skipped");
    QTest::newRow("asking: Waiting for your answer")
        << int(State::Asking) << QString() << QStringLiteral("Waiting for your answer")
        << QStringLiteral("Waiting for your answer");
}

void TestTransferQueueModel::stateTexts()
{
    QFETCH(int, state);
    QFETCH(QString, error);
    QFETCH(QString, text);
    QFETCH(QString, toolTip);

    TransferItem item = makeItem(1, State(state));
    item.error = error;
    TransferQueueModel model;
    model.applyOne(item);
    const QModelIndex index = model.index(0, TransferQueueModel::State);
    QCOMPARE(index.data().toString(), text);
    QCOMPARE(index.data(Qt::ToolTipRole).toString(), toolTip);
    QCOMPARE(index.data(TransferQueueModel::StateRole).toInt(), state);
    QCOMPARE(index.data(TransferQueueModel::ErrorRole).toString(), error);
    QCOMPARE(index.data(TransferQueueModel::ItemIdRole).toLongLong(), 1);
}

void TestTransferQueueModel::columnTexts_data()
{
    QTest::addColumn<TransferItem>("item");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");

    TransferItem running = makeItem(1, State::Running, 1572864, 524288);
    running.bytesPerSecond = 3355443; // 3.2 MiB
    running.secondsLeft = 65;
    TransferItem paused = running;
    paused.state = State::Paused;
    TransferItem long_ = running;
    long_.secondsLeft = 2 * 3600 + 3 * 60 + 4;
    TransferItem unknownTime = running;
    unknownTime.secondsLeft = -1;
    TransferItem unknownSize = running;
    unknownSize.size = -1;
    TransferItem small = makeItem(2, State::Pending, 512);

    QTest::newRow("size: 1.5 MiB") << running << int(TransferQueueModel::Size) << QStringLiteral("1.5 MiB");
    QTest::newRow("size: 512 bytes") << small << int(TransferQueueModel::Size) << QStringLiteral("512 bytes");
    QTest::newRow("size unknown") << unknownSize << int(TransferQueueModel::Size) << QStringLiteral("unknown");
    QTest::newRow("rate while running: 3.2 MiB/s")
        << running << int(TransferQueueModel::Rate) << QStringLiteral("3.2 MiB/s");
    QTest::newRow("rate while paused: nothing") << paused << int(TransferQueueModel::Rate) << QString();
    QTest::newRow("time left under an hour: 1:05")
        << running << int(TransferQueueModel::TimeLeft) << QStringLiteral("1:05");
    QTest::newRow("time left over an hour: 2:03:04")
        << long_ << int(TransferQueueModel::TimeLeft) << QStringLiteral("2:03:04");
    QTest::newRow("time left unknown: nothing") << unknownTime << int(TransferQueueModel::TimeLeft) << QString();
    QTest::newRow("time left while paused: nothing") << paused << int(TransferQueueModel::TimeLeft) << QString();
    QTest::newRow("progress: 33 %") << running << int(TransferQueueModel::Progress) << QStringLiteral("33 %");
}

void TestTransferQueueModel::columnTexts()
{
    QFETCH(TransferItem, item);
    QFETCH(int, column);
    QFETCH(QString, text);

    TransferQueueModel model;
    model.applyOne(item);
    QCOMPARE(model.index(0, column).data().toString(), text);
}

void TestTransferQueueModel::progressRole_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("transferred");
    QTest::addColumn<int>("permille");
    QTest::addColumn<QString>("text");

    QTest::newRow("42 %") << int(State::Running) << qint64(1000) << qint64(420) << 420 << QStringLiteral("42 %");
    QTest::newRow("not started: 0 %") << int(State::Pending) << qint64(1000) << qint64(0) << 0 << QStringLiteral("0 %");
    QTest::newRow("almost: 99 %, not rounded up to 100 %")
        << int(State::Running) << qint64(1000) << qint64(999) << 999 << QStringLiteral("99 %");
    QTest::newRow("more than the size (the file grew): 100 %")
        << int(State::Running) << qint64(1000) << qint64(1500) << 1000 << QStringLiteral("100 %");
    QTest::newRow("empty file, pending: 0 %")
        << int(State::Pending) << qint64(0) << qint64(0) << 0 << QStringLiteral("0 %");
    QTest::newRow("size unknown, nothing yet: -1 and no text")
        << int(State::Running) << qint64(-1) << qint64(0) << -1 << QString();
    QTest::newRow("size unknown: -1 and what arrived")
        << int(State::Running) << qint64(-1) << qint64(2048) << -1 << QStringLiteral("2.0 KiB");
    QTest::newRow("done with the size unknown: 100 %")
        << int(State::Done) << qint64(-1) << qint64(2048) << 1000 << QStringLiteral("100 %");
    QTest::newRow("failed half way: 50 %")
        << int(State::Failed) << qint64(4096) << qint64(2048) << 500 << QStringLiteral("50 %");
}

void TestTransferQueueModel::progressRole()
{
    QFETCH(int, state);
    QFETCH(qint64, size);
    QFETCH(qint64, transferred);
    QFETCH(int, permille);
    QFETCH(QString, text);

    TransferQueueModel model;
    model.applyOne(makeItem(1, State(state), size, transferred));
    const QModelIndex index = model.index(0, TransferQueueModel::Progress);
    QCOMPARE(index.data(TransferQueueModel::ProgressRole).toInt(), permille);
    QCOMPARE(index.data().toString(), text);
    // Every column answers the role, so a delegate may sit on any of them.
    QCOMPARE(model.index(0, TransferQueueModel::File).data(TransferQueueModel::ProgressRole).toInt(), permille);
}

void TestTransferQueueModel::fileColumnShowsTheDestinationAndDirection()
{
    TransferItem download = makeItem(1);
    download.localPath = QStringLiteral("/home/me/Downloads/report.pdf");
    download.remotePath = QStringLiteral("/pub/reports/2024.pdf");
    TransferItem upload = makeItem(2);
    upload.direction = Direction::Upload;
    upload.localPath = QStringLiteral("/home/me/photo.jpg");
    upload.remotePath = QStringLiteral("/incoming/holiday.jpg");

    TransferQueueModel model;
    model.apply({ download, upload });
    const QModelIndex down = model.index(0, TransferQueueModel::File);
    const QModelIndex up = model.index(1, TransferQueueModel::File);
    QCOMPARE(down.data().toString(), QStringLiteral("report.pdf"));
    QCOMPARE(up.data().toString(), QStringLiteral("holiday.jpg"));

    const QString downTip = down.data(Qt::ToolTipRole).toString();
    QVERIFY2(downTip.contains(QStringLiteral("/pub/reports/2024.pdf")), qPrintable(downTip));
    QVERIFY2(downTip.contains(QDir::toNativeSeparators(download.localPath)), qPrintable(downTip));
    QVERIFY2(downTip.startsWith(QStringLiteral("Download")), qPrintable(downTip));
    const QString upTip = up.data(Qt::ToolTipRole).toString();
    QVERIFY2(upTip.contains(QStringLiteral("/incoming/holiday.jpg")), qPrintable(upTip));
    QVERIFY2(upTip.startsWith(QStringLiteral("Upload")), qPrintable(upTip));

    const auto downIcon = down.data(Qt::DecorationRole).value<QIcon>();
    const auto upIcon = up.data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!downIcon.isNull());
    QVERIFY(!upIcon.isNull());
    QVERIFY(downIcon.cacheKey() != upIcon.cacheKey());
    QCOMPARE(down.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Download: report.pdf"));
    QCOMPARE(up.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Upload: holiday.jpg"));
}

void TestTransferQueueModel::toolTipsShowServerTextAsWritten()
{
    TransferItem item = makeItem(1, State::Failed);
    item.remotePath = QStringLiteral("/pub/<b>bold.txt");
    item.localPath = QStringLiteral("/tmp/<b>bold.txt");
    item.error = QStringLiteral("550 <img src=\"x\"> not allowed");
    TransferQueueModel model;
    model.applyOne(item);

    QCOMPARE(model.index(0, TransferQueueModel::File).data().toString(), QStringLiteral("<b>bold.txt"));
    const QString fileTip = model.index(0, TransferQueueModel::File).data(Qt::ToolTipRole).toString();
    QVERIFY2(fileTip.contains(QStringLiteral("/pub/&lt;b&gt;bold.txt")), qPrintable(fileTip));
    QVERIFY2(!fileTip.contains(QStringLiteral("<b>")), qPrintable(fileTip));
    const QString stateTip = model.index(0, TransferQueueModel::State).data(Qt::ToolTipRole).toString();
    QVERIFY2(stateTip.contains(QStringLiteral("&lt;img src=&quot;x&quot;&gt;")), qPrintable(stateTip));
}

void TestTransferQueueModel::summaryCountsTheStates()
{
    TransferQueueModel model;
    QCOMPARE(model.summary(), QStringLiteral("No transfers"));

    model.apply({ makeItem(1, State::Pending), makeItem(2, State::Failed), makeItem(3, State::Pending),
        makeItem(4, State::Running), makeItem(5, State::Pending), makeItem(6, State::Failed) });
    QCOMPARE(model.count(State::Pending), 3);
    QCOMPARE(model.count(State::Running), 1);
    QCOMPARE(model.count(State::Failed), 2);
    QCOMPARE(model.count(State::Done), 0);
    QCOMPARE(model.summary(), QStringLiteral("3 queued, 1 transferring, 2 failed"));

    model.applyOne(makeItem(1, State::Running));
    QCOMPARE(model.summary(), QStringLiteral("2 queued, 2 transferring, 2 failed"));

    model.apply({ makeItem(3, State::Paused), makeItem(5, State::Asking), makeItem(7, State::Done),
        makeItem(8, State::Cancelled), makeItem(9, State::Skipped) });
    QCOMPARE(model.summary(),
        QStringLiteral(
            "2 transferring, 1 paused, 1 waiting for your answer, 1 done, 2 failed, 1 cancelled, 1 skipped"));

    model.removeFinished();
    QCOMPARE(model.summary(), QStringLiteral("2 transferring, 1 paused, 1 waiting for your answer"));
}

void TestTransferQueueModel::actionsFollowTheSelection_data()
{
    QTest::addColumn<QList<int>>("states"); // the selected rows' states
    QTest::addColumn<bool>("pause");
    QTest::addColumn<bool>("resume");
    QTest::addColumn<bool>("cancel");
    QTest::addColumn<bool>("retry");
    QTest::addColumn<bool>("priority");

    const auto s = [](State state) { return int(state); };
    QTest::newRow("nothing selected: nothing") << QList<int>() << false << false << false << false << false;
    QTest::newRow("queued: pause, cancel, priority")
        << QList<int>({ s(State::Pending) }) << true << false << true << false << true;
    QTest::newRow("transferring: pause, cancel, priority")
        << QList<int>({ s(State::Running) }) << true << false << true << false << true;
    QTest::newRow("paused: resume, cancel, priority")
        << QList<int>({ s(State::Paused) }) << false << true << true << false << true;
    QTest::newRow("waiting for an answer: cancel, priority")
        << QList<int>({ s(State::Asking) }) << false << false << true << false << true;
    QTest::newRow("done: nothing") << QList<int>({ s(State::Done) }) << false << false << false << false << false;
    QTest::newRow("failed: retry") << QList<int>({ s(State::Failed) }) << false << false << false << true << false;
    QTest::newRow("cancelled: retry") << QList<int>({ s(State::Cancelled) }) << false << false << false << true
                                      << false;
    QTest::newRow("skipped: nothing") << QList<int>({ s(State::Skipped) }) << false << false << false << false << false;
    QTest::newRow("transferring and paused: pause, resume, cancel, priority")
        << QList<int>({ s(State::Running), s(State::Paused) }) << true << true << true << false << true;
    QTest::newRow("done and failed: retry")
        << QList<int>({ s(State::Done), s(State::Failed) }) << false << false << false << true << false;
}

void TestTransferQueueModel::actionsFollowTheSelection()
{
    QFETCH(QList<int>, states);
    QFETCH(bool, pause);
    QFETCH(bool, resume);
    QFETCH(bool, cancel);
    QFETCH(bool, retry);
    QFETCH(bool, priority);

    // One item in each state: row r (id r + 1) is in state r.
    TransferQueueModel model;
    QList<TransferItem> items;
    for (int state = 0; state < TransferQueueModel::StateCount; ++state)
        items.append(makeItem(state + 1, State(state)));
    model.apply(items);
    TransferQueueView view;
    view.setModel(&model);
    selectRows(view, states);
    QCOMPARE(view.selectedIds().size(), states.size());

    QCOMPARE(child<QAction>(&view, "pauseTransfer")->isEnabled(), pause);
    QCOMPARE(child<QAction>(&view, "resumeTransfer")->isEnabled(), resume);
    QCOMPARE(child<QAction>(&view, "cancelTransfer")->isEnabled(), cancel);
    QCOMPARE(child<QAction>(&view, "retryTransfer")->isEnabled(), retry);
    QCOMPARE(child<QAction>(&view, "raisePriority")->isEnabled(), priority);
    QCOMPARE(child<QAction>(&view, "lowerPriority")->isEnabled(), priority);
    // The queue holds finished items whatever is selected.
    QVERIFY(child<QAction>(&view, "clearFinished")->isEnabled());
}

void TestTransferQueueModel::clearFinishedAndSummaryFollowTheModel()
{
    TransferQueueModel model;
    model.apply({ makeItem(1, State::Running), makeItem(2, State::Pending) });
    TransferQueueView view;
    QCOMPARE(view.objectName(), QStringLiteral("transferQueue"));
    view.setModel(&model);
    QAction *clear = child<QAction>(&view, "clearFinished");
    QLabel *summary = child<QLabel>(&view, "transferSummary");
    QVERIFY(clear && summary);
    QVERIFY(!clear->isEnabled());
    QCOMPARE(summary->text(), QStringLiteral("1 queued, 1 transferring"));

    // The selected transferring item finishes: the state change reaches the actions.
    selectRows(view, { 0 });
    QVERIFY(child<QAction>(&view, "pauseTransfer")->isEnabled());
    model.applyOne(makeItem(1, State::Done, 1000, 1000));
    QVERIFY(clear->isEnabled());
    QVERIFY(!child<QAction>(&view, "pauseTransfer")->isEnabled());
    QCOMPARE(summary->text(), QStringLiteral("1 queued, 1 done"));

    QSignalSpy clearRequested(&view, &TransferQueueView::clearFinishedRequested);
    clear->trigger();
    QCOMPARE(clearRequested.count(), 1);
    model.removeFinished(); // what the window does on the request
    QVERIFY(!clear->isEnabled());
    QCOMPARE(summary->text(), QStringLiteral("1 queued"));

    model.apply(makeItems(10, 3));
    QCOMPARE(summary->text(), QStringLiteral("4 queued"));
}

void TestTransferQueueModel::actionsRequestTheSelectedIds()
{
    TransferQueueModel model;
    TransferItem running = makeItem(1, State::Running);
    TransferItem paused = makeItem(3, State::Paused);
    paused.priority = 5;
    TransferItem pending = makeItem(5, State::Pending);
    pending.priority = -2;
    model.apply({ running, makeItem(2, State::Done), paused, makeItem(4, State::Failed), pending,
        makeItem(6, State::Cancelled) });
    TransferQueueView view;
    view.setModel(&model);

    const QTreeView *list = child<QTreeView>(&view, "transferList");
    QVERIFY(list);
    QVERIFY(!list->rootIsDecorated());
    QVERIFY(list->uniformRowHeights());
    QCOMPARE(list->selectionMode(), QAbstractItemView::ExtendedSelection);
    QVERIFY(qobject_cast<TransferProgressDelegate *>(list->itemDelegateForColumn(TransferQueueModel::Progress)));
    // The tool bar and the context menu offer the same actions.
    QCOMPARE(actionNames(child<QToolBar>(&view, "transferToolBar")), allActions);
    QCOMPARE(actionNames(child<QMenu>(&view, "transferMenu")), allActions);

    // Selected in reverse: the requests list the ids in the queue's order.
    selectRows(view, { 5, 4, 3, 2, 1, 0 });
    QCOMPARE(view.selectedIds(), QList<qint64>({ 1, 2, 3, 4, 5, 6 }));

    QSignalSpy pauseRequested(&view, &TransferQueueView::pauseRequested);
    QSignalSpy resumeRequested(&view, &TransferQueueView::resumeRequested);
    QSignalSpy cancelRequested(&view, &TransferQueueView::cancelRequested);
    QSignalSpy retryRequested(&view, &TransferQueueView::retryRequested);
    QSignalSpy priorityRequested(&view, &TransferQueueView::priorityRequested);

    child<QAction>(&view, "pauseTransfer")->trigger();
    QCOMPARE(pauseRequested.count(), 1);
    QCOMPARE(pauseRequested.at(0).at(0).value<QList<qint64>>(), QList<qint64>({ 1, 5 }));

    child<QAction>(&view, "resumeTransfer")->trigger();
    QCOMPARE(resumeRequested.count(), 1);
    QCOMPARE(resumeRequested.at(0).at(0).value<QList<qint64>>(), QList<qint64>({ 3 }));

    child<QAction>(&view, "cancelTransfer")->trigger();
    QCOMPARE(cancelRequested.count(), 1);
    QCOMPARE(cancelRequested.at(0).at(0).value<QList<qint64>>(), QList<qint64>({ 1, 3, 5 }));

    child<QAction>(&view, "retryTransfer")->trigger();
    QCOMPARE(retryRequested.count(), 1);
    QCOMPARE(retryRequested.at(0).at(0).value<QList<qint64>>(), QList<qint64>({ 4, 6 }));

    child<QAction>(&view, "raisePriority")->trigger();
    QCOMPARE(priorityRequested.count(), 3);
    const QList<QPair<qint64, int>> raised = { { 1, 1 }, { 3, 6 }, { 5, -1 } };
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(priorityRequested.at(i).at(0).toLongLong(), raised.at(i).first);
        QCOMPARE(priorityRequested.at(i).at(1).toInt(), raised.at(i).second);
    }
    priorityRequested.clear();
    child<QAction>(&view, "lowerPriority")->trigger();
    QCOMPARE(priorityRequested.count(), 3);
    const QList<QPair<qint64, int>> lowered = { { 1, -1 }, { 3, 4 }, { 5, -3 } };
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(priorityRequested.at(i).at(0).toLongLong(), lowered.at(i).first);
        QCOMPARE(priorityRequested.at(i).at(1).toInt(), lowered.at(i).second);
    }

    // A selection of only the done item: the disabled actions request nothing.
    selectRows(view, { 1 });
    child<QAction>(&view, "pauseTransfer")->trigger();
    child<QAction>(&view, "cancelTransfer")->trigger();
    QCOMPARE(pauseRequested.count(), 1);
    QCOMPARE(cancelRequested.count(), 1);
}

void TestTransferQueueModel::deleteKeyCancels()
{
    TransferQueueModel model;
    model.apply({ makeItem(1, State::Done), makeItem(2, State::Running), makeItem(3, State::Pending) });
    TransferQueueView view;
    view.setModel(&model);
    view.resize(600, 300);
    view.show();
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QTreeView *list = view.list();
    list->setFocus();
    QTRY_VERIFY(list->hasFocus());
    selectRows(view, { 1, 2 });

    QSignalSpy cancelRequested(&view, &TransferQueueView::cancelRequested);
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(cancelRequested.count(), 1);
    QCOMPARE(cancelRequested.at(0).at(0).value<QList<qint64>>(), QList<qint64>({ 2, 3 }));
}

void TestTransferQueueModel::delegatePaintsTheProgress()
{
    TransferQueueModel model;
    model.apply({ makeItem(1, State::Pending, 1000, 0), makeItem(2, State::Running, 1000, 1000),
        makeItem(3, State::Running, 1000, 500) });
    const QImage empty = paintProgress(model.index(0, TransferQueueModel::Progress));
    const QImage full = paintProgress(model.index(1, TransferQueueModel::Progress));
    const QImage half = paintProgress(model.index(2, TransferQueueModel::Progress));
    QVERIFY(empty != full);
    QVERIFY(half != full);
    QVERIFY(half != empty);

    TransferProgressDelegate delegate;
    QStyleOptionViewItem option;
    option.fontMetrics = QFontMetrics(QApplication::font());
    QVERIFY(delegate.sizeHint(option, model.index(0, TransferQueueModel::Progress)).width() >= 90);
}

void TestTransferQueueModel::overwriteButtonsGiveTheirPolicy_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<bool>("applyToAll");
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("result");

    QTest::newRow("overwrite") << QStringLiteral("overwriteButton") << false << int(OverwritePolicy::Overwrite)
                               << int(QDialog::Accepted);
    QTest::newRow("overwrite all") << QStringLiteral("overwriteButton") << true << int(OverwritePolicy::Overwrite)
                                   << int(QDialog::Accepted);
    QTest::newRow("resume") << QStringLiteral("resumeButton") << false << int(OverwritePolicy::ResumeIfSmaller)
                            << int(QDialog::Accepted);
    QTest::newRow("rename all") << QStringLiteral("renameButton") << true << int(OverwritePolicy::Rename)
                                << int(QDialog::Accepted);
    QTest::newRow("skip") << QStringLiteral("skipButton") << false << int(OverwritePolicy::Skip)
                          << int(QDialog::Rejected);
    QTest::newRow("skip all") << QStringLiteral("skipButton") << true << int(OverwritePolicy::Skip)
                              << int(QDialog::Rejected);
}

void TestTransferQueueModel::overwriteButtonsGiveTheirPolicy()
{
    QFETCH(QString, button);
    QFETCH(bool, applyToAll);
    QFETCH(int, policy);
    QFETCH(int, result);

    OverwriteDialog dialog(makeItem(7, State::Asking, 1000), 400, nullptr);
    QSignalSpy answered(&dialog, &OverwriteDialog::answered);
    QCheckBox *all = child<QCheckBox>(&dialog, "applyToAll");
    QVERIFY(all);
    QVERIFY(!all->isChecked());
    all->setChecked(applyToAll);
    auto *pushButton = dialog.findChild<QPushButton *>(button);
    QVERIFY(pushButton);
    QVERIFY(pushButton->isEnabled());
    pushButton->click();

    QCOMPARE(int(dialog.policy()), policy);
    QCOMPARE(dialog.applyToAll(), applyToAll);
    QCOMPARE(dialog.result(), result);
    QCOMPARE(answered.count(), 1);
    QCOMPARE(answered.at(0).at(0).toLongLong(), 7);
    QCOMPARE(int(answered.at(0).at(1).value<OverwritePolicy>()), policy);
    QCOMPARE(answered.at(0).at(2).toBool(), applyToAll);
}

void TestTransferQueueModel::resumeOnlyForASmallerDestination_data()
{
    QTest::addColumn<qint64>("destinationSize");
    QTest::addColumn<qint64>("sourceSize");
    QTest::addColumn<bool>("enabled");

    QTest::newRow("smaller: a partial copy") << qint64(400) << qint64(1000) << true;
    QTest::newRow("empty: a partial copy") << qint64(0) << qint64(1000) << true;
    QTest::newRow("same size") << qint64(1000) << qint64(1000) << false;
    QTest::newRow("larger") << qint64(2000) << qint64(1000) << false;
    QTest::newRow("source size unknown") << qint64(400) << qint64(-1) << false;
}

void TestTransferQueueModel::resumeOnlyForASmallerDestination()
{
    QFETCH(qint64, destinationSize);
    QFETCH(qint64, sourceSize);
    QFETCH(bool, enabled);

    OverwriteDialog dialog(makeItem(1, State::Asking, sourceSize), destinationSize, nullptr);
    auto *resume = child<QPushButton>(&dialog, "resumeButton");
    QVERIFY(resume);
    QCOMPARE(resume->isEnabled(), enabled);
    QCOMPARE(OverwriteDialog::canResume(destinationSize, sourceSize), enabled);
    QVERIFY(child<QPushButton>(&dialog, "overwriteButton")->isEnabled());
    QVERIFY(child<QPushButton>(&dialog, "renameButton")->isEnabled());
    QVERIFY(child<QPushButton>(&dialog, "skipButton")->isEnabled());
}

void TestTransferQueueModel::overwriteDialogShowsNameSizesAndPath()
{
    TransferItem download = makeItem(1, State::Asking, 1572864);
    download.localPath = QStringLiteral("/home/me/Downloads/report.pdf");
    OverwriteDialog downloadDialog(download, 1024, nullptr);
    QCOMPARE(child<QLabel>(&downloadDialog, "overwriteHeading")->text(), QStringLiteral("“report.pdf” already exists"));
    QCOMPARE(child<QLabel>(&downloadDialog, "existingSize")->text(), QStringLiteral("1.0 KiB (1024 bytes)"));
    QCOMPARE(child<QLabel>(&downloadDialog, "newSize")->text(), QStringLiteral("1.5 MiB (1572864 bytes)"));
    QCOMPARE(child<QLabel>(&downloadDialog, "destinationPath")->text(),
        QDir::toNativeSeparators(QStringLiteral("/home/me/Downloads/report.pdf")));
    QVERIFY(child<QPushButton>(&downloadDialog, "skipButton")->isDefault());

    TransferItem upload = makeItem(2, State::Asking, -1);
    upload.direction = Direction::Upload;
    upload.remotePath = QStringLiteral("/incoming/holiday.jpg");
    OverwriteDialog uploadDialog(upload, 300, nullptr);
    QCOMPARE(child<QLabel>(&uploadDialog, "overwriteHeading")->text(), QStringLiteral("“holiday.jpg” already exists"));
    QCOMPARE(child<QLabel>(&uploadDialog, "existingSize")->text(), QStringLiteral("300 bytes"));
    QCOMPARE(child<QLabel>(&uploadDialog, "newSize")->text(), QStringLiteral("size unknown"));
    QCOMPARE(child<QLabel>(&uploadDialog, "destinationPath")->text(), QStringLiteral("/incoming/holiday.jpg"));
}

void TestTransferQueueModel::escapeSkipsOnlyThisFile()
{
    OverwriteDialog dialog(makeItem(3, State::Asking, 1000), 400, nullptr);
    QSignalSpy answered(&dialog, &OverwriteDialog::answered);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QCheckBox>(&dialog, "applyToAll")->setChecked(true);
    QTest::keyClick(&dialog, Qt::Key_Escape);

    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(int(dialog.policy()), int(OverwritePolicy::Skip));
    // Closing is no answer for the rest of the queue.
    QVERIFY(!dialog.applyToAll());
    QCOMPARE(answered.count(), 1);
    QCOMPARE(int(answered.at(0).at(1).value<OverwritePolicy>()), int(OverwritePolicy::Skip));
    QCOMPARE(answered.at(0).at(2).toBool(), false);
}

QTEST_MAIN(TestTransferQueueModel)
#include "tst_transfer_queue_model.moc"
