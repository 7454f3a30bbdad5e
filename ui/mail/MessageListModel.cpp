#include "ui/mail/MessageListModel.h"

#include "protocols/net/BackgroundPriority.h"
#include "ui/mail/MessageIndexDiff.h"
#include "ui/mail/MessageIndexReader.h"
#include "ui/mail/MessageListModelPages.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace Satchel::Ui {

namespace {

// Whether the rows a diff keeps have the same depth before and after (both lists empty
// without threads). The kept rows are those in neither a removal nor an insertion run,
// in the same order on both sides.
bool keptDepthsEqual(const MessageIndexDiff &diff, const QList<quint8> &before, const QList<quint8> &after)
{
    if (before.isEmpty() && after.isEmpty())
        return true;
    qsizetype oldRow = 0;
    qsizetype newRow = 0;
    qsizetype removal = 0;
    qsizetype insertion = 0;
    while (true) {
        while (removal < diff.removals.size() && oldRow > diff.removals.at(removal).second)
            ++removal;
        if (removal < diff.removals.size() && oldRow >= diff.removals.at(removal).first) {
            oldRow = diff.removals.at(removal).second + 1;
            continue;
        }
        while (insertion < diff.insertions.size() && newRow > diff.insertions.at(insertion).second)
            ++insertion;
        if (insertion < diff.insertions.size() && newRow >= diff.insertions.at(insertion).first) {
            newRow = diff.insertions.at(insertion).second + 1;
            continue;
        }
        const bool oldDone = oldRow >= before.size();
        const bool newDone = newRow >= after.size();
        if (oldDone || newDone)
            return oldDone == newDone;
        if (before.at(oldRow) != after.at(newRow))
            return false;
        ++oldRow;
        ++newRow;
    }
}

} // namespace

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // The status icons now, while the window is being built: the first lookup loads the
    // icon theme and image plugins (~4 ms), which otherwise lands in the turn that shows
    // a first sync's rows. Pixmaps need the GUI application's thread; elsewhere the
    // icons wait for the first paint.
    const QCoreApplication *app = QCoreApplication::instance();
    if (qobject_cast<const QGuiApplication *>(app) && QThread::currentThread() == app->thread()) {
        ensureIcons();
    }
}

MessageListModel::~MessageListModel()
{
    if (QThread *thread = m_indexThread.data()) {
        thread->wait(); // it reads the file only; a few ms at most
    }
    clearPages();
    closeDatabase();
}

bool MessageListModel::openDatabase(const QString &path)
{
    closeDatabase();
    m_cachePath = path;
    // Read-only cannot create the file; say so instead of SQLite's "unable to open".
    const QFileInfo file(path);
    if (!file.isFile()) {
        m_lastError = QStringLiteral("there is no mail cache at %1").arg(path);
        return false;
    }
    m_connectionName = QStringLiteral("satchel-message-list-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    // A reader under WAL is not blocked by the writer; the short busy timeout only bounds
    // the rare wait (WAL recovery) the GUI thread could otherwise sit in for 5 s.
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=100"));
    if (!db.open()) {
        m_lastError = QStringLiteral("cannot open the mail cache at %1: %2").arg(path, db.lastError().text());
        db = QSqlDatabase();
        closeDatabase(); // the next setFolder() tries again
        return false;
    }
    return true;
}

void MessageListModel::closeDatabase()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool MessageListModel::lookUpFolder()
{
    m_folderId = 0;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM folders WHERE name = ?"));
    q.addBindValue(m_folderName);
    if (!q.exec()) {
        m_lastError = QStringLiteral("cannot read the folder \"%1\" from the mail cache at %2: %3")
                          .arg(m_folderName, m_cachePath, q.lastError().text());
        return false;
    }
    if (q.next())
        m_folderId = q.value(0).toLongLong();
    q.finish();
    return true;
}

bool MessageListModel::loadIndex(MessageIndex *index)
{
    *index = {};
    if (m_folderId == 0)
        return true;
    QString error;
    if (!readMessageIndex(QSqlDatabase::database(m_connectionName, false), m_folderId, m_sortColumn, m_sortOrder,
            m_threaded, index, &error)) {
        m_lastError = QStringLiteral("cannot read the messages of \"%1\" from the mail cache at %2: %3")
                          .arg(m_folderName, m_cachePath, error);
        return false;
    }
    return true;
}

void MessageListModel::takeIndex(MessageIndex &&index)
{
    m_uids = std::move(index.uids);
    m_depths = std::move(index.depths);
}

bool MessageListModel::setFolder(
    const QString &cachePath, const QString &folderName, int sortColumn, Qt::SortOrder order)
{
    ++m_indexGeneration;
    ++m_indexVersion;
    m_pendingInsertions.clear(); // rows of an older refresh still to come: not wanted
    m_pendingUids = {}; // a background read for the old folder is no longer wanted
    m_pendingDepths = {};
    beginResetModel();
    clearPages();
    m_uids = {};
    m_depths = {};
    m_folderId = 0;
    m_lastError.clear();
    m_folderName = folderName;
    m_sortColumn = sortColumn >= 0 && sortColumn < ColumnCount ? sortColumn : int(DateColumn);
    m_sortOrder = order;
    const bool open = !m_connectionName.isEmpty() && cachePath == m_cachePath;
    MessageIndex index;
    const bool ok = (open || openDatabase(cachePath)) && lookUpFolder() && loadIndex(&index);
    takeIndex(ok ? std::move(index) : MessageIndex());
    endResetModel();
    return ok;
}

void MessageListModel::refresh()
{
    ++m_indexGeneration;
    ++m_indexVersion;
    m_pendingInsertions.clear(); // rows of an older refresh still to come: not wanted
    m_pendingUids = {};
    m_pendingDepths = {};
    beginResetModel();
    clearPages();
    MessageIndex index;
    m_lastError.clear();
    if (!m_connectionName.isEmpty() && (!lookUpFolder() || !loadIndex(&index)))
        index = {};
    takeIndex(std::move(index));
    endResetModel();
}

void MessageListModel::refreshInBackground(std::function<void()> beforeReset, std::function<void()> done)
{
    if (m_connectionName.isEmpty() || !lookUpFolder() || m_folderId == 0) {
        if (beforeReset) {
            beforeReset();
        }
        refresh();
        if (done) {
            done();
        }
        return;
    }
    const quint64 generation = ++m_indexGeneration;
    const QString path = m_cachePath;
    const qint64 folderId = m_folderId;
    const int column = m_sortColumn;
    const Qt::SortOrder order = m_sortOrder;
    const bool threaded = m_threaded;
    auto index = std::make_shared<MessageIndex>();
    auto error = std::make_shared<QString>();
    auto diff = std::make_shared<std::optional<MessageIndexDiff>>();
    // Rows still to be inserted from an earlier refresh: this one's diff brings them.
    m_pendingInsertions.clear();
    m_pendingUids = {};
    m_pendingDepths = {};
    const QList<quint32> shown = m_uids; // shared, not copied; read only over there
    const QList<quint8> shownDepths = m_depths;
    const quint64 shownVersion = m_indexVersion;
    QThread *thread = QThread::create(
        [path, folderId, column, order, threaded, index, error, diff, shown, shownDepths] {
            Net::lowerCurrentThreadPriority(); // the GUI thread first when both want a CPU
            // Its own connection: a Qt SQL connection belongs to the thread that opened it.
            const QString name = QStringLiteral("message-index-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=1000"));
                if (db.open()) {
                    readMessageIndex(db, folderId, column, order, threaded, index.get(), error.get());
                } else {
                    *error = db.lastError().text();
                }
            }
            QSqlDatabase::removeDatabase(name);
            if (error->isEmpty()) {
                *diff = diffMessageIndex(shown, index->uids);
                // Rows that stay must also keep their indentation; a new message can move
                // an old one into a thread (RFC 5256 §3 step 1C), and then the list resets.
                if (diff->has_value() && !keptDepthsEqual(**diff, shownDepths, index->depths)) {
                    diff->reset();
                }
            }
        });
    m_indexThread = thread;
    connect(thread, &QThread::finished, this,
        [this, thread, generation, index, error, diff, shownVersion, beforeReset, done] {
            thread->deleteLater();
            if (generation != m_indexGeneration) {
                return; // the folder or the order changed meanwhile
            }
            if (beforeReset) {
                beforeReset();
            }
            m_lastError = error->isEmpty()
                ? QString()
                : QStringLiteral("cannot read the messages of \"%1\" from the mail cache at %2: %3")
                      .arg(m_folderName, m_cachePath, *error);
            if (m_lastError.isEmpty() && diff->has_value() && shownVersion == m_indexVersion) {
                applyIndexDiff(**diff, std::move(*index));
            } else {
                beginResetModel();
                clearPages();
                takeIndex(std::move(*index));
                ++m_indexVersion;
                endResetModel();
            }
            if (done) {
                done();
            }
        });
    thread->start();
}

void MessageListModel::applyIndexDiff(const MessageIndexDiff &diff, MessageIndex &&index)
{
    // Pages are cached by row, and a sync may have changed the flags of rows that stay:
    // they are read again when shown.
    clearPages();
    // Removals from the last, so the earlier positions still hold.
    for (auto it = diff.removals.crbegin(); it != diff.removals.crend(); ++it) {
        beginRemoveRows({}, it->first, it->second);
        m_uids.remove(it->first, it->second - it->first + 1);
        if (!m_depths.isEmpty()) {
            m_depths.remove(it->first, it->second - it->first + 1);
        }
        dropPagesFrom(it->first); // a view may have read rows while they were about to go
        endRemoveRows();
    }
    ++m_indexVersion;
    // The rows that stay may show changed flags; with none (a first sync into an empty
    // list) there is nothing to repaint but what is inserted.
    m_repaintAfterInsert = !m_uids.isEmpty();
    m_pendingInsertions = diff.insertions;
    m_pendingUids = std::move(index.uids);
    m_pendingDepths = std::move(index.depths);
    insertPending();
}

// Insertions from the first, so each lands at its final position; at most
// kInsertChunk rows per turn of the event loop: the view's and the proxy's work grows
// with the rows inserted and with the rows already there (100,000 at once, a first sync
// into an empty list, took 16-18 ms; a chunk of 5,000 takes 10-15 ms at 100,000 rows),
// and no turn may take a frame. The rest follows from the event loop; anything else
// that changes the index (another refresh, setFolder, sort) drops it.
void MessageListModel::insertPending()
{
    constexpr int kInsertChunk = 5000;
    // Into an empty list, a screenful first: that turn is also the one that paints the
    // first rows; the rest land below them (OffscreenInsertionGuard keeps those quiet).
    int budget = m_uids.isEmpty() ? PageSize : kInsertChunk;
    while (budget > 0 && !m_pendingInsertions.isEmpty()) {
        auto &[first, last] = m_pendingInsertions.first();
        const int count = std::min(budget, last - first + 1);
        beginInsertRows({}, first, first + count - 1);
        m_uids.insert(first, count, 0);
        std::copy(m_pendingUids.cbegin() + first, m_pendingUids.cbegin() + first + count, m_uids.begin() + first);
        if (!m_pendingDepths.isEmpty()) {
            m_depths.insert(first, count, 0);
            std::copy(
                m_pendingDepths.cbegin() + first, m_pendingDepths.cbegin() + first + count, m_depths.begin() + first);
        }
        // The pages above the new rows still hold the right rows: a first sync into an
        // empty list inserts below the rows on screen, which are then not read again
        // for every chunk's repaint (that re-read was a quarter of each turn).
        dropPagesFrom(first);
        endInsertRows();
        budget -= count;
        first += count;
        if (first > last) {
            m_pendingInsertions.removeFirst();
        }
    }
    const quint64 version = ++m_indexVersion;
    if (!m_pendingInsertions.isEmpty()) {
        QTimer::singleShot(0, this, [this, version] {
            if (m_indexVersion == version) {
                insertPending();
            }
        });
        return;
    }
    m_pendingUids = {};
    m_pendingDepths = {};
    if (m_repaintAfterInsert && !m_uids.isEmpty()) {
        // One signal for every row: the view repaints what it shows, nothing more.
        Q_EMIT dataChanged(index(0, 0), index(int(m_uids.size()) - 1, ColumnCount - 1));
    }
}

void MessageListModel::clear()
{
    ++m_indexGeneration;
    ++m_indexVersion;
    m_pendingInsertions.clear(); // rows of an older refresh still to come: not wanted
    m_pendingUids = {};
    m_pendingDepths = {};
    beginResetModel();
    clearPages();
    m_uids = {};
    m_depths = {};
    m_folderId = 0;
    m_folderName.clear();
    m_lastError.clear();
    closeDatabase();
    m_cachePath.clear();
    endResetModel();
}

void MessageListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount || (column == m_sortColumn && order == m_sortOrder))
        return;
    const int oldColumn = m_sortColumn;
    const Qt::SortOrder oldOrder = m_sortOrder;
    m_sortColumn = column;
    m_sortOrder = order;
    if (!reorder()) {
        m_sortColumn = oldColumn;
        m_sortOrder = oldOrder;
    }
}

void MessageListModel::setThreaded(bool threaded)
{
    if (threaded == m_threaded)
        return;
    m_threaded = threaded;
    if (!reorder())
        m_threaded = !threaded;
}

bool MessageListModel::reorder()
{
    ++m_indexGeneration;
    ++m_indexVersion;
    m_pendingInsertions.clear(); // rows of an older refresh still to come: not wanted
    m_pendingUids = {};
    m_pendingDepths = {};
    if (m_connectionName.isEmpty() || m_folderId == 0)
        return true;

    m_lastError.clear();
    MessageIndex fresh;
    if (!loadIndex(&fresh))
        return false;
    QList<quint32> &uids = fresh.uids;
    if (uids.size() != m_uids.size()) {
        // The engine added or removed messages since the list was read: not a re-ordering.
        beginResetModel();
        clearPages();
        takeIndex(std::move(fresh));
        endResetModel();
        return true;
    }

    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Persistent indexes (the selection, the current row) follow their messages: few of
    // them, so one pass over the new order finds them all.
    const QModelIndexList before = persistentIndexList();
    QHash<quint32, int> newRows;
    newRows.reserve(before.size());
    for (const QModelIndex &index : before)
        newRows.insert(m_uids.at(index.row()), -1);
    int found = 0;
    for (int row = 0; row < uids.size() && found < newRows.size(); ++row) {
        const auto it = newRows.find(uids.at(row));
        if (it != newRows.end()) {
            *it = row;
            ++found;
        }
    }
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const int row = newRows.value(m_uids.at(index.row()), -1);
        after.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
    }
    takeIndex(std::move(fresh));
    clearPages();
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    return true;
}

quint32 MessageListModel::uidAt(int row) const
{
    return row >= 0 && row < m_uids.size() ? m_uids.at(row) : 0;
}

int MessageListModel::rowOfUid(quint32 uid) const
{
    return int(m_uids.indexOf(uid));
}

} // namespace Satchel::Ui
