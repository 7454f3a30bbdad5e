#pragma once

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>
#include <QPointer>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

namespace Satchel::Ui {

struct MessageIndex;
struct MessageIndexDiff;

// The message list of one folder, read from the account's offline mail cache (the
// SQLite file Store::MailCache writes). Built for 100,000 messages:
//
// - setFolder(), sort() and refresh() read only the folder's compact index: the UIDs in
//   display order (4 bytes a message), straight from SQL's ORDER BY (date order walks
//   the covering index messages_by_date).
// - The columns of a row (subject, sender, date, size, flags) are read when a view asks
//   for them, a page of PageSize rows at a time, into a small LRU cache of pages that
//   stays under CacheBytesPerMessage bytes per message of the folder (and MaxCachedPages
//   pages), so a view pays only for the rows it shows.
//
// The model opens its own read-only connection to the file (a unique Qt SQL connection
// name), on the thread that calls setFolder() - the GUI thread. It only reads: the sync
// engine writes through its own MailCache and WAL lets both run at once. A message the
// engine deleted after the index was read shows as an empty row until refresh().
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StatusColumn, SubjectColumn, FromColumn, DateColumn, SizeColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        UidRole = Qt::UserRole + 1, // quint32
        FlagsRole, // QStringList, as the server spells them (\Seen, \Flagged, $Junk, ...)
        IsUnreadRole, // bool: no \Seen
        IsFlaggedRole, // bool: \Flagged
        IsAnsweredRole, // bool: \Answered
        IsDeletedRole, // bool: \Deleted (marked, not yet expunged)
        HasAttachmentRole, // bool: the $HasAttachment keyword (set by Dovecot, Fastmail, ...)
        DateTimeRole, // QDateTime, UTC: the Date header, else INTERNALDATE; invalid when neither
        SizeRole, // qint64: RFC822.SIZE in bytes
        FromEmailRole, // QString: the first From address
        ThreadDepthRole, // int: how far a reply is indented in its thread; 0 without threads
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 200;
    static constexpr int MaxCachedPages = 50;
    // The pages always kept, whatever the budget: more than a screenful.
    static constexpr int MinCachedPages = 4;
    // What cached pages may hold, on average over the folder's messages; with the 4 bytes
    // of the index this keeps the model under the 350 bytes a message.
    static constexpr qsizetype CacheBytesPerMessage = 300;

    explicit MessageListModel(QObject *parent = nullptr);
    ~MessageListModel() override;

    // Shows folderName of the cache at cachePath, sorted by sortColumn. An unknown folder
    // (not synced yet) is an empty list. False, with lastError() set and an empty list,
    // when the file cannot be read.
    bool setFolder(const QString &cachePath, const QString &folderName, int sortColumn = DateColumn,
        Qt::SortOrder order = Qt::DescendingOrder);
    // Reads the folder again (after a sync): a model reset.
    void refresh();
    // The same, with the UID index read on a thread of its own: at 100,000 messages the
    // read takes ~35 ms, too long for the GUI thread (DESIGN.md: it never stalls). The
    // model keeps showing the old rows until the new index is in; then `beforeReset`
    // runs, the rows that came and went are inserted and removed (or, when the order
    // changed, the model resets), and `done` runs. A newer refresh or setFolder() makes an
    // older one's result be dropped.
    void refreshInBackground(std::function<void()> beforeReset = {}, std::function<void()> done = {});
    // A background refresh is reading the index, or its rows are still being inserted.
    bool isUpdating() const { return m_indexThread || !m_pendingInsertions.isEmpty(); }
    // Rows of a background refresh are still being inserted, a chunk a turn.
    bool isInserting() const { return !m_pendingInsertions.isEmpty(); }
    // Shows nothing and closes the database connection.
    void clear();

    QString cachePath() const { return m_cachePath; }
    QString folderName() const { return m_folderName; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    QString lastError() const { return m_lastError; }

    // 0 when row is out of range.
    quint32 uidAt(int row) const;
    // -1 when the UID is not listed (a linear search).
    int rowOfUid(quint32 uid) const;

    // What the model holds, divided by the number of messages: the UID index plus the
    // cached pages (an estimate of their heap use). 0 for an empty list.
    qsizetype bytesPerMessage() const;
    int cachedPageCount() const { return int(m_pages.size()); }
    // For tests and benchmarks: at most this many pages (at least 1) are kept.
    void setPageCacheLimit(int pages);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Reads the index again in the new order; persistent indexes (the selection) follow
    // their messages. Subject and sender compare ignoring ASCII case (SQLite's NOCASE).
    // With threads the order places threads (where their first member sorts) and
    // replies stay under their parents, oldest first.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Groups replies under the messages they answer (References, In-Reply-To; see
    // threadMessages()), or shows the plain sorted list again. Like sort(), the
    // selection follows its messages. Costs one more byte a message (the depths).
    void setThreaded(bool threaded);
    bool isThreaded() const { return m_threaded; }

private:
    struct Row;
    struct Page;

    bool openDatabase(const QString &path);
    void closeDatabase();
    bool lookUpFolder();
    bool loadIndex(MessageIndex *index);
    void takeIndex(MessageIndex &&index);
    // Reads the index again after the order or threading changed: a layout change
    // that keeps the selection, or a reset when messages came or went meanwhile.
    bool reorder();
    void clearPages();
    // Forgets the cached pages that hold row or any later row (rows moved from there on).
    void dropPagesFrom(int row);
    void applyIndexDiff(const MessageIndexDiff &diff, MessageIndex &&index);
    void insertPending();
    const Row *rowAt(int row, const Page **page) const;
    Page *loadPage(int pageIndex) const;
    void evictPages(int keep) const;
    void ensureIcons() const;
    QVariant displayData(const Row &row, int column) const;
    QVariant toolTipData(const Row &row, int column) const;

    QString m_cachePath;
    QString m_folderName;
    QString m_connectionName; // empty while no database is open
    quint64 m_indexGeneration = 0; // which background index read is still wanted
    QPointer<QThread> m_indexThread;
    mutable QString m_lastError; // a page read fails inside data()
    qint64 m_folderId = 0; // 0: no such folder in the cache
    int m_sortColumn = DateColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    int m_maxPages = MaxCachedPages;
    bool m_threaded = false;
    QList<quint32> m_uids; // display order
    QList<quint8> m_depths; // with threads, the indentation of each row of m_uids; else empty
    quint64 m_indexVersion = 0; // bumped whenever m_uids changes
    QList<std::pair<int, int>> m_pendingInsertions; // runs (final rows) not inserted yet
    QList<quint32> m_pendingUids; // the index they come from
    QList<quint8> m_pendingDepths;
    bool m_repaintAfterInsert = false;

    mutable std::unordered_map<int, std::unique_ptr<Page>> m_pages;
    mutable Page *m_lastPage = nullptr;
    mutable int m_lastPageIndex = -1;
    mutable quint64 m_useTick = 0;
    mutable qsizetype m_cachedBytes = 0;
    mutable bool m_iconsReady = false;
    mutable QIcon m_flaggedIcon;
    mutable QIcon m_unreadIcon;
    mutable QIcon m_answeredIcon;
    mutable QIcon m_attachmentIcon;
};

} // namespace Satchel::Ui
