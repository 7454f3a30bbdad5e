// OffscreenInsertionGuard on a real message list (a mail cache in a temporary folder, a
// shown QTableView over the filter proxy, as the window has them): while a background
// refresh inserts rows below the last visible row, chunk by chunk, the viewport does not
// repaint; it repaints once when the insertion is over; an insertion into a list that
// does not fill the view (the rows land on screen) is not held.
#include "protocols/imap/MessageSummary.h"
#include "protocols/store/MailCache.h"
#include "ui/mail/MessageFilterProxy.h"
#include "ui/mail/MessageListModel.h"
#include "ui/mail/OffscreenInsertionGuard.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Satchel::Imap::MessageSummary;
using Satchel::Store::MailCache;
using Satchel::Ui::MessageFilterProxy;
using Satchel::Ui::MessageListModel;
using Satchel::Ui::OffscreenInsertionGuard;

namespace {

const QString folderName = QStringLiteral("INBOX");

// uid's Date grows with the uid: the newest (highest UID) is the list's first row.
QList<MessageSummary> messages(quint32 first, quint32 last)
{
    QList<MessageSummary> batch;
    for (quint32 uid = first; uid <= last; ++uid) {
        MessageSummary m;
        m.uid = uid;
        m.internalDate = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(uid) * 60);
        m.envelope.date = m.internalDate;
        m.envelope.subject = QStringLiteral("Message %1").arg(uid);
        m.size = 100;
        batch.append(m);
    }
    return batch;
}

// Counts the paint events of a widget.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
        }
        return QObject::eventFilter(watched, event);
    }
};

// Waits until the counted widget has had no paint for quietMs (at most 10 s): what
// setFolder or the last chunk queued is then painted, and counting starts or ends on a
// quiet view however slowly a loaded machine gets through the queue.
bool waitUntilQuiet(const PaintCounter &counter, int quietMs = 200)
{
    QElapsedTimer total;
    total.start();
    for (;;) {
        const int before = counter.paints;
        QTest::qWait(quietMs);
        if (counter.paints == before) {
            return true;
        }
        if (total.elapsed() > 10000) {
            return false;
        }
    }
}

} // namespace

class TestOffscreenInsertionGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void insertionBelowTheScreenIsPaintedOnce();
    void insertionOnScreenIsNotHeld();
    void filteredListIsLetGoWhenLaterChunksShowNothing();

private:
    bool store(quint32 first, quint32 last);
    // Refreshes in the background and waits until every chunk is in, recording whether
    // the viewport's updates were held at any turn of the insertion.
    bool refreshAndWatch(bool *heldOnce);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_cachePath;
    std::unique_ptr<MailCache> m_cache;
    std::unique_ptr<MessageListModel> m_model;
    std::unique_ptr<MessageFilterProxy> m_proxy;
    std::unique_ptr<QTableView> m_view;
    OffscreenInsertionGuard *m_guard = nullptr;
};

bool TestOffscreenInsertionGuard::store(quint32 first, quint32 last)
{
    Satchel::Imap::MailboxState state;
    state.uidNext = last + 1;
    state.exists = last;
    return m_cache->storeSummaries(folderName, messages(first, last)) && m_cache->setFolderState(folderName, state);
}

void TestOffscreenInsertionGuard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cachePath = m_dir->filePath(QStringLiteral("cache.sqlite"));
    QString error;
    m_cache = MailCache::open(m_cachePath, &error);
    QVERIFY2(m_cache, qPrintable(error));
    QVERIFY(m_cache->resetFolder(folderName, 1));
    m_model = std::make_unique<MessageListModel>();
    m_proxy = std::make_unique<MessageFilterProxy>();
    m_proxy->setSourceModel(m_model.get());
    m_view = std::make_unique<QTableView>();
    m_view->setModel(m_proxy.get());
    m_view->verticalHeader()->hide();
    m_guard = new OffscreenInsertionGuard(m_view.get(), m_model.get());
    m_view->resize(600, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestOffscreenInsertionGuard::cleanup()
{
    m_view.reset();
    m_proxy.reset();
    m_model.reset();
    m_cache.reset();
    m_dir.reset();
}

bool TestOffscreenInsertionGuard::refreshAndWatch(bool *heldOnce)
{
    *heldOnce = false;
    bool done = false;
    m_model->refreshInBackground({}, [&done] { done = true; });
    // Each turn of the loop inserts one chunk; look between them.
    const bool finished = QTest::qWaitFor(
        [&] {
            *heldOnce = *heldOnce || m_guard->isHolding();
            return done && !m_model->isInserting() && !m_guard->isHolding();
        },
        10000);
    return finished;
}

void TestOffscreenInsertionGuard::insertionBelowTheScreenIsPaintedOnce()
{
    // A screenful and more: rows 0.. are shown; the older messages go below them.
    QVERIFY(store(20001, 20100));
    QVERIFY(m_model->setFolder(m_cachePath, folderName));
    QTRY_VERIFY(m_view->indexAt(QPoint(0, m_view->viewport()->height() - 1)).isValid());
    const QString firstShown = m_view->model()->index(0, MessageListModel::SubjectColumn).data().toString();
    QCOMPARE(firstShown, QStringLiteral("Message 20100"));

    // 20,000 older messages: four chunks, all below the last visible row.
    QVERIFY(store(1, 20000));
    PaintCounter counter;
    m_view->viewport()->installEventFilter(&counter);
    QVERIFY(waitUntilQuiet(counter));
    counter.paints = 0;
    bool held = false;
    QVERIFY(refreshAndWatch(&held));
    QVERIFY(held);
    QCOMPARE(m_model->rowCount(), 20100);
    QVERIFY(m_view->viewport()->updatesEnabled());
    // Let the last repaint through, then compare: far fewer paints than chunks.
    QTRY_VERIFY(counter.paints >= 1);
    QVERIFY(waitUntilQuiet(counter));
    QVERIFY2(counter.paints <= 2, qPrintable(QString::number(counter.paints)));
    QCOMPARE(m_view->model()->index(0, MessageListModel::SubjectColumn).data().toString(), firstShown);
}

void TestOffscreenInsertionGuard::insertionOnScreenIsNotHeld()
{
    // Five rows do not fill the view: every insertion is seen at once.
    QVERIFY(store(1, 5));
    QVERIFY(m_model->setFolder(m_cachePath, folderName));
    QVERIFY(!m_view->indexAt(QPoint(0, m_view->viewport()->height() - 1)).isValid());
    QVERIFY(store(6, 4000)); // one chunk
    bool held = true;
    QVERIFY(refreshAndWatch(&held));
    QVERIFY(!held);
    QCOMPARE(m_model->rowCount(), 4000);
    // Newer messages come first: the insertion was at the top, on screen.
    QCOMPARE(
        m_view->model()->index(0, MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Message 4000"));
    QVERIFY(m_view->viewport()->updatesEnabled());
}

// A quick search shows a screenful and more; the refresh's first chunk holds one match
// below the last visible row (the view holds), and the later chunks hold none, so the
// filter proxy passes on no signal for them. The view must still be let go.
void TestOffscreenInsertionGuard::filteredListIsLetGoWhenLaterChunksShowNothing()
{
    QVERIFY(store(20001, 20100));
    QVERIFY(m_model->setFolder(m_cachePath, folderName));
    QSet<quint32> found;
    for (quint32 uid = 20001; uid <= 20100; ++uid) {
        found.insert(uid);
    }
    found.insert(19000); // in the first chunk of what comes, below the screen
    m_proxy->setUidFilter(found);
    QCOMPARE(m_view->model()->rowCount(), 100);
    QTRY_VERIFY(m_view->indexAt(QPoint(0, m_view->viewport()->height() - 1)).isValid());
    QVERIFY(store(1, 20000));
    bool held = false;
    QVERIFY2(refreshAndWatch(&held), "the view was not let go after the insertion");
    QVERIFY(held);
    QCOMPARE(m_model->rowCount(), 20100);
    QCOMPARE(m_view->model()->rowCount(), 101);
    QVERIFY(m_view->viewport()->updatesEnabled());
}

QTEST_MAIN(TestOffscreenInsertionGuard)
#include "tst_offscreen_insertion_guard.moc"
