#include "ui/mail/MessageListModel.h"

#include "protocols/store/MailCache.h"
#include "ui/mail/MessageIndexDiff.h"
#include "ui/mail/MessageIndexReader.h"

#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFont>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStyle>
#include <QTimer>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <initializer_list>
#include <vector>

namespace Satchel::Ui {

namespace {

enum RowState : quint8 {
    Present = 0x01, // the page query returned the row
    Seen = 0x02,
    Flagged = 0x04,
    Answered = 0x08,
    Deleted = 0x10,
    Attachment = 0x20,
    HasDate = 0x40,
};

// The heap a string's text takes: Qt 6's 16-byte header, the UTF-16 and a terminator,
// and what malloc adds (an 8-byte chunk header, 16-byte granules).
qsizetype stringBytes(const QString &text)
{
    if (text.capacity() <= 0)
        return 0;
    const qsizetype requested = 16 + (text.capacity() + 1) * qsizetype(sizeof(char16_t));
    return (requested + 8 + 15) & ~qsizetype(15);
}

quint8 stateOfFlags(const QString &flags)
{
    using Store::MailCache;
    quint8 state = Present;
    if (MailCache::hasFlag(flags, u"\\Seen"))
        state |= Seen;
    if (MailCache::hasFlag(flags, u"\\Flagged"))
        state |= Flagged;
    if (MailCache::hasFlag(flags, u"\\Answered"))
        state |= Answered;
    if (MailCache::hasFlag(flags, u"\\Deleted"))
        state |= Deleted;
    if (MailCache::hasFlag(flags, u"$HasAttachment"))
        state |= Attachment;
    return state;
}

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

QIcon themedIcon(std::initializer_list<const char *> names, const QIcon &fallback)
{
    for (const char *name : names) {
        const QString themeName = QString::fromLatin1(name);
        if (QIcon::hasThemeIcon(themeName))
            return QIcon::fromTheme(themeName);
    }
    return fallback;
}

// Drawn when neither the icon theme nor the style has an icon: the list must still
// show which messages are flagged or unread.
QIcon paintedIcon(const QColor &color, bool flag)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (flag) {
        painter.setPen(QPen(color.darker(140), 1.5));
        painter.drawLine(QPointF(4, 2), QPointF(4, 14));
        QPainterPath banner;
        banner.moveTo(4.5, 2.5);
        banner.lineTo(13, 5);
        banner.lineTo(4.5, 8.5);
        banner.closeSubpath();
        painter.fillPath(banner, color);
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QPointF(8, 8), 3.5, 3.5);
    }
    painter.end();
    return QIcon(pixmap);
}

QIcon styleIcon(QStyle::StandardPixmap pixmap)
{
    // QApplication::style() needs a QApplication, not just a QGuiApplication.
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return {};
    return QApplication::style()->standardIcon(pixmap);
}

} // namespace

// One message as the list shows it: 96 bytes plus its strings' text.
struct MessageListModel::Row {
    QString subject;
    QString fromName;
    QString fromEmail;
    qint64 date = 0; // ms since the epoch, UTC; meaningful with HasDate
    qint64 size = 0;
    quint16 flagsIndex = 0; // into Page::flagTexts
    quint8 state = 0; // RowState bits
};

// PageSize consecutive rows of the current order.
struct MessageListModel::Page {
    std::vector<Row> rows; // rows[i] is model row first + i
    QList<QString> flagTexts; // the distinct "flags" values of the page (a handful)
    qsizetype bytes = 0;
    quint64 lastUsed = 0;
};

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

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
    int budget = kInsertChunk;
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

void MessageListModel::dropPagesFrom(int row)
{
    const int firstPage = row / PageSize;
    for (auto it = m_pages.begin(); it != m_pages.end();) {
        if (it->first < firstPage) {
            ++it;
            continue;
        }
        if (it->second.get() == m_lastPage) {
            m_lastPage = nullptr;
            m_lastPageIndex = -1;
        }
        m_cachedBytes -= it->second->bytes;
        it = m_pages.erase(it);
    }
}

void MessageListModel::clearPages()
{
    m_pages.clear();
    m_lastPage = nullptr;
    m_lastPageIndex = -1;
    m_cachedBytes = 0;
}

void MessageListModel::setPageCacheLimit(int pages)
{
    m_maxPages = std::max(1, pages);
    evictPages(m_lastPageIndex);
}

quint32 MessageListModel::uidAt(int row) const
{
    return row >= 0 && row < m_uids.size() ? m_uids.at(row) : 0;
}

int MessageListModel::rowOfUid(quint32 uid) const
{
    return int(m_uids.indexOf(uid));
}

qsizetype MessageListModel::bytesPerMessage() const
{
    if (m_uids.isEmpty())
        return 0;
    const qsizetype total = qsizetype(sizeof(*this)) + m_uids.capacity() * qsizetype(sizeof(quint32))
        + m_depths.capacity() + m_cachedBytes;
    return total / m_uids.size();
}

const MessageListModel::Row *MessageListModel::rowAt(int row, const Page **pageOut) const
{
    const int pageIndex = row / PageSize;
    Page *page = m_lastPage;
    if (!page || m_lastPageIndex != pageIndex) {
        const auto it = m_pages.find(pageIndex);
        page = it != m_pages.end() ? it->second.get() : loadPage(pageIndex);
        m_lastPage = page;
        m_lastPageIndex = pageIndex;
    }
    page->lastUsed = ++m_useTick;
    *pageOut = page;
    const size_t offset = size_t(row - pageIndex * PageSize);
    if (offset >= page->rows.size()) {
        return nullptr; // read while the rows were changing: shown empty until repainted
    }
    const Row &r = page->rows[offset];
    return (r.state & Present) ? &r : nullptr;
}

MessageListModel::Page *MessageListModel::loadPage(int pageIndex) const
{
    const int first = pageIndex * PageSize;
    const int count = std::min(PageSize, int(m_uids.size()) - first);
    auto page = std::make_unique<Page>();
    page->rows.resize(size_t(std::max(count, 0)));

    // Where each UID of the page goes; the query returns them in key order.
    QHash<quint32, int> positions;
    positions.reserve(count);
    // Integers only: the folder id and UIDs read from the database.
    QString sql = QStringLiteral("SELECT uid, flags, coalesce(date, internaldate), size, subject, from_name,"
                                 " from_email FROM messages WHERE folder_id = %1 AND uid IN (")
                      .arg(m_folderId);
    sql.reserve(sql.size() + count * 8);
    for (int i = 0; i < count; ++i) {
        const quint32 uid = m_uids.at(first + i);
        positions.insert(uid, i);
        if (i > 0)
            sql += u',';
        sql += QString::number(uid);
    }
    sql += u')';

    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (count > 0 && !q.exec(sql)) {
        // The rows stay empty until refresh(): asking again on every paint would not help.
        m_lastError = QStringLiteral("cannot read messages of \"%1\" from the mail cache at %2: %3")
                          .arg(m_folderName, m_cachePath, q.lastError().text());
    } else if (count > 0) {
        QHash<QString, std::pair<quint16, quint8>> flagStates; // text -> index, state bits
        while (q.next()) {
            const int at = positions.value(q.value(0).toUInt(), -1);
            if (at < 0)
                continue;
            Row &row = page->rows[size_t(at)];
            const QString flags = q.value(1).toString();
            auto state = flagStates.constFind(flags);
            if (state == flagStates.constEnd()) {
                state = flagStates.insert(flags, { quint16(page->flagTexts.size()), stateOfFlags(flags) });
                page->flagTexts.append(flags);
            }
            row.flagsIndex = state->first;
            row.state = state->second;
            const QVariant date = q.value(2);
            if (!date.isNull()) {
                row.date = date.toLongLong();
                row.state |= HasDate;
            }
            row.size = q.value(3).toLongLong();
            row.subject = q.value(4).toString();
            row.fromName = q.value(5).toString();
            row.fromEmail = q.value(6).toString();
        }
    }
    q.finish();

    qsizetype bytes = qsizetype(sizeof(Page)) + qsizetype(page->rows.capacity() * sizeof(Row))
        + page->flagTexts.capacity() * qsizetype(sizeof(QString));
    for (const QString &text : std::as_const(page->flagTexts))
        bytes += stringBytes(text);
    for (const Row &row : page->rows)
        bytes += stringBytes(row.subject) + stringBytes(row.fromName) + stringBytes(row.fromEmail);
    page->bytes = bytes + 32; // and the hash node that holds the page
    m_cachedBytes += page->bytes;

    Page *raw = page.get();
    m_pages[pageIndex] = std::move(page);
    evictPages(pageIndex);
    return raw;
}

// Drops least recently used pages, never `keep`, while over the page limit or the
// byte budget (CacheBytesPerMessage per message of the folder).
void MessageListModel::evictPages(int keep) const
{
    const qsizetype budget = qsizetype(m_uids.size()) * CacheBytesPerMessage;
    const size_t floor = size_t(std::min(MinCachedPages, m_maxPages));
    while (m_pages.size() > floor && (m_pages.size() > size_t(m_maxPages) || m_cachedBytes > budget)) {
        auto oldest = m_pages.end();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->first != keep && (oldest == m_pages.end() || it->second->lastUsed < oldest->second->lastUsed))
                oldest = it;
        }
        if (oldest == m_pages.end())
            return;
        if (oldest->second.get() == m_lastPage) {
            m_lastPage = nullptr;
            m_lastPageIndex = -1;
        }
        m_cachedBytes -= oldest->second->bytes;
        m_pages.erase(oldest);
    }
}

void MessageListModel::ensureIcons() const
{
    if (m_iconsReady)
        return;
    m_iconsReady = true;
    m_flaggedIcon = themedIcon(
        { "mail-mark-important", "emblem-important", "flag-red", "flag" }, paintedIcon(QColor(0xd3, 0x2f, 0x2f), true));
    m_unreadIcon = themedIcon({ "mail-unread", "mail-mark-unread" }, paintedIcon(QColor(0x2a, 0x7a, 0xd5), false));
    const auto orPainted
        = [](const QIcon &icon, const QColor &color) { return icon.isNull() ? paintedIcon(color, false) : icon; };
    m_answeredIcon = themedIcon(
        { "mail-replied", "mail-reply-sender" }, orPainted(styleIcon(QStyle::SP_ArrowBack), QColor(0x6a, 0x3d, 0x9a)));
    m_attachmentIcon = themedIcon(
        { "mail-attachment", "paperclip" }, orPainted(styleIcon(QStyle::SP_FileIcon), QColor(0x55, 0x55, 0x55)));
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_uids.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

Qt::ItemFlags MessageListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

QVariant MessageListModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case SubjectColumn:
        return row.subject.isEmpty() ? tr("(no subject)") : row.subject;
    case FromColumn:
        return row.fromName.isEmpty() ? row.fromEmail : row.fromName;
    case DateColumn: {
        if (!(row.state & HasDate))
            return QString();
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(row.date, Qt::UTC).toLocalTime();
        // Today's mail shows the time only, as mail clients do.
        if (local.date() == QDate::currentDate())
            return QLocale().toString(local.time(), QLocale::ShortFormat);
        return QLocale().toString(local, QLocale::ShortFormat);
    }
    case SizeColumn:
        return QLocale().formattedDataSize(row.size, 1, QLocale::DataSizeTraditionalFormat);
    default:
        return {};
    }
}

QVariant MessageListModel::toolTipData(const Row &row, int column) const
{
    switch (column) {
    case StatusColumn: {
        QStringList states;
        states << ((row.state & Seen) ? tr("Read") : tr("Unread"));
        if (row.state & Flagged)
            states << tr("Flagged");
        if (row.state & Answered)
            states << tr("Answered");
        if (row.state & Deleted)
            states << tr("Marked as deleted");
        if (row.state & Attachment)
            states << tr("Has attachments");
        return states.join(QStringLiteral(", "));
    }
    case SubjectColumn:
        return row.subject;
    case FromColumn:
        if (row.fromName.isEmpty())
            return row.fromEmail;
        return row.fromEmail.isEmpty() ? row.fromName : row.fromName + QStringLiteral(" <") + row.fromEmail + u'>';
    case DateColumn:
        if (!(row.state & HasDate))
            return tr("No date");
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.date, Qt::UTC).toLocalTime(), QLocale::LongFormat);
    case SizeColumn:
        return tr("%1 bytes").arg(QLocale().toString(row.size));
    default:
        return {};
    }
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_uids.size() || index.column() >= ColumnCount)
        return {};
    if (role == UidRole)
        return m_uids.at(index.row());
    if (role == ThreadDepthRole)
        return m_depths.isEmpty() ? 0 : int(m_depths.at(index.row()));
    const Page *page = nullptr;
    const Row *row = rowAt(index.row(), &page);
    if (!row)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*row, column);
    case Qt::ToolTipRole:
        return toolTipData(*row, column);
    case Qt::FontRole: {
        const bool unread = !(row->state & Seen);
        const bool deleted = row->state & Deleted;
        if (!unread && !deleted)
            return {};
        QFont font;
        font.setBold(unread);
        font.setStrikeOut(deleted);
        return font;
    }
    case Qt::DecorationRole:
        if (column == StatusColumn) {
            ensureIcons();
            if (row->state & Flagged)
                return m_flaggedIcon;
            if (!(row->state & Seen))
                return m_unreadIcon;
            if (row->state & Answered)
                return m_answeredIcon;
        } else if (column == SubjectColumn && (row->state & Attachment)) {
            ensureIcons();
            return m_attachmentIcon;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == SizeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case FlagsRole: {
        QStringList flags;
        const QString text = page->flagTexts.value(row->flagsIndex);
        for (QStringView flag : QStringView(text).tokenize(u' ', Qt::SkipEmptyParts))
            flags.append(flag.toString());
        return flags;
    }
    case IsUnreadRole:
        return !(row->state & Seen);
    case IsFlaggedRole:
        return bool(row->state & Flagged);
    case IsAnsweredRole:
        return bool(row->state & Answered);
    case IsDeletedRole:
        return bool(row->state & Deleted);
    case HasAttachmentRole:
        return bool(row->state & Attachment);
    case DateTimeRole:
        return (row->state & HasDate) ? QDateTime::fromMSecsSinceEpoch(row->date, Qt::UTC) : QDateTime();
    case SizeRole:
        return row->size;
    case FromEmailRole:
        return row->fromEmail;
    default:
        return {};
    }
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case SubjectColumn:
            return tr("Subject");
        case FromColumn:
            return tr("From");
        case DateColumn:
            return tr("Date");
        case SizeColumn:
            return tr("Size");
        default:
            return QString();
        }
    }
    if (role == Qt::ToolTipRole && section == StatusColumn)
        return tr("Flagged and unread");
    if (role == Qt::TextAlignmentRole && section == SizeColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(UidRole, "uid");
    names.insert(FlagsRole, "flags");
    names.insert(IsUnreadRole, "isUnread");
    names.insert(IsFlaggedRole, "isFlagged");
    names.insert(IsAnsweredRole, "isAnswered");
    names.insert(IsDeletedRole, "isDeleted");
    names.insert(HasAttachmentRole, "hasAttachment");
    names.insert(DateTimeRole, "dateTime");
    names.insert(SizeRole, "size");
    names.insert(FromEmailRole, "fromEmail");
    names.insert(ThreadDepthRole, "threadDepth");
    return names;
}

} // namespace Satchel::Ui
