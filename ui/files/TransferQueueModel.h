#pragma once

#include "protocols/ftp/TransferItem.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>

#include <array>
#include <functional>
#include <optional>

namespace Satchel::Ui {

// The transfer queue as the file window lists it: one row per Ftp::TransferItem, fed
// with the values the engine emits (TransferQueue::itemChanged). The model never calls
// the engine; the view turns the person's actions into requests.
//
// Rows keep the order they arrived in; which item runs next (priority, then the order
// added) is the engine's business. Progress arrives for every running item a few times
// a second, so apply() takes a batch and reports it with as few signals as it can: one
// dataChanged per run of adjacent rows, one rowsInserted for all new ones.
class TransferQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { File, Size, Progress, Rate, TimeLeft, State, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        ProgressRole = Qt::UserRole + 1, // int: 0..1000 (per mille), -1 while the size is unknown
        ItemIdRole, // qint64: TransferItem::id
        StateRole, // int: TransferItem::State
        ErrorRole, // QString: why it failed or was skipped, as the engine said it
    };
    Q_ENUM(Role)

    static constexpr int StateCount = int(Ftp::TransferItem::State::Asking) + 1;

    explicit TransferQueueModel(QObject *parent = nullptr);

    // Upserts by id: known items are replaced in place, new ones appended in the order
    // given (a new id listed twice is added once, with its last value).
    void apply(const QList<Ftp::TransferItem> &items);
    void applyOne(const Ftp::TransferItem &item);
    // Drops the rows whose item is final (done, failed, cancelled, skipped) and returns
    // their ids in the order they were listed.
    QList<qint64> removeFinished();
    // Removes the rows of these items (the queue forgot them); returns the ids removed.
    QList<qint64> removeIds(const QList<qint64> &ids);
    // Forgets every row (the site they belong to was disconnected).
    void clear();

    std::optional<Ftp::TransferItem> item(int row) const;
    // -1 when the id is not listed.
    int rowOf(qint64 id) const;
    int count(Ftp::TransferItem::State state) const;
    bool hasFinished() const;
    // "3 queued, 1 transferring, 2 failed": the states present, in queue order.
    QString summary() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // What the Progress column and ProgressRole show for an item (per mille, -1 unknown).
    static int progressOf(const Ftp::TransferItem &item);
    // What the File column shows: the name of the file where it goes (the local file of
    // a download, the remote one of an upload).
    static QString destinationName(const Ftp::TransferItem &item);

private:
    QList<qint64> removeWhere(const std::function<bool(const Ftp::TransferItem &)> &remove);
    QVariant displayData(const Ftp::TransferItem &item, int column) const;
    QVariant toolTipData(const Ftp::TransferItem &item, int column) const;
    QString stateText(const Ftp::TransferItem &item) const;
    void ensureRowIndex() const;
    void countState(Ftp::TransferItem::State state, int delta);
    void ensureIcons() const;

    QList<Ftp::TransferItem> m_items; // display order
    // id -> row; rebuilt lazily after removals, which shift the rows after them.
    mutable QHash<qint64, int> m_rowOf;
    mutable bool m_rowOfStale = false;
    // Kept as rows come and go, so the summary a view shows on every change is O(1).
    std::array<int, StateCount> m_stateCounts {};
    mutable bool m_iconsReady = false;
    mutable QIcon m_downloadIcon;
    mutable QIcon m_uploadIcon;
};

} // namespace Satchel::Ui
