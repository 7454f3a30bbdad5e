#include "ui/files/TransferQueueModel.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QStyle>
#include <QTextDocument>

#include <algorithm>
#include <initializer_list>

namespace Satchel::Ui {

namespace {

using Item = Ftp::TransferItem;
using ItemState = Ftp::TransferItem::State;

int stateIndex(ItemState state)
{
    const int index = int(state);
    return index >= 0 && index < TransferQueueModel::StateCount ? index : -1;
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1);
}

// "1:05" under an hour, "2:03:04" from one.
QString timeLeftText(qint64 seconds)
{
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const qint64 secs = seconds % 60;
    const QLatin1Char zero('0');
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, zero).arg(secs, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(minutes).arg(secs, 2, 10, zero);
}

// The engine words a skip as "skipped: it already exists"; the column already says
// "Skipped: ", so the engine's own prefix goes.
QString skipReason(const QString &error)
{
    static const QString prefix = QStringLiteral("skipped: ");
    return error.startsWith(prefix, Qt::CaseInsensitive) ? error.mid(prefix.size()) : error;
}

// A tool tip guesses rich text from its content, and paths and errors come from
// servers: text that looks like HTML is escaped, so a file named "<img src=…>" shows
// as it is named.
QString plainToolTip(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

QIcon themedIcon(std::initializer_list<const char *> names, QStyle::StandardPixmap fallback)
{
    for (const char *name : names) {
        const QString themeName = QString::fromLatin1(name);
        if (QIcon::hasThemeIcon(themeName))
            return QIcon::fromTheme(themeName);
    }
    // QApplication::style() needs a QApplication, not just a QGuiApplication.
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return {};
    return QApplication::style()->standardIcon(fallback);
}

} // namespace

TransferQueueModel::TransferQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void TransferQueueModel::countState(ItemState state, int delta)
{
    if (const int index = stateIndex(state); index >= 0)
        m_stateCounts[size_t(index)] += delta;
}

void TransferQueueModel::ensureRowIndex() const
{
    if (!m_rowOfStale)
        return;
    m_rowOf.clear();
    m_rowOf.reserve(m_items.size());
    for (int row = 0; row < int(m_items.size()); ++row)
        m_rowOf.insert(m_items.at(row).id, row);
    m_rowOfStale = false;
}

void TransferQueueModel::apply(const QList<Item> &items)
{
    if (items.isEmpty())
        return;
    ensureRowIndex();

    QList<int> changedRows;
    QList<Item> added;
    QHash<qint64, qsizetype> addedAt; // id -> index in added
    for (const Item &item : items) {
        if (const auto known = m_rowOf.constFind(item.id); known != m_rowOf.constEnd()) {
            Item &row = m_items[*known];
            countState(row.state, -1);
            countState(item.state, +1);
            row = item;
            changedRows.append(*known);
        } else if (const auto pending = addedAt.constFind(item.id); pending != addedAt.constEnd()) {
            added[*pending] = item;
        } else {
            addedAt.insert(item.id, added.size());
            added.append(item);
        }
    }

    // One signal per run of adjacent rows: a progress tick touches every running item,
    // and they are usually next to each other at the head of the queue.
    std::sort(changedRows.begin(), changedRows.end());
    changedRows.erase(std::unique(changedRows.begin(), changedRows.end()), changedRows.end());
    for (qsizetype i = 0; i < changedRows.size();) {
        qsizetype end = i + 1;
        while (end < changedRows.size() && changedRows.at(end) == changedRows.at(end - 1) + 1)
            ++end;
        Q_EMIT dataChanged(index(changedRows.at(i), 0), index(changedRows.at(end - 1), ColumnCount - 1));
        i = end;
    }

    if (added.isEmpty())
        return;
    const int first = int(m_items.size());
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    m_items.reserve(m_items.size() + added.size());
    m_rowOf.reserve(m_items.size() + added.size());
    for (const Item &item : std::as_const(added)) {
        m_rowOf.insert(item.id, int(m_items.size()));
        countState(item.state, +1);
        m_items.append(item);
    }
    endInsertRows();
}

void TransferQueueModel::applyOne(const Item &item)
{
    apply({ item });
}

void TransferQueueModel::clear()
{
    beginResetModel();
    m_items.clear();
    m_rowOf.clear();
    m_rowOfStale = false;
    m_stateCounts.fill(0);
    endResetModel();
}

QList<qint64> TransferQueueModel::removeFinished()
{
    return removeWhere([](const Item &item) { return item.isFinal(); });
}

QList<qint64> TransferQueueModel::removeIds(const QList<qint64> &ids)
{
    const QSet<qint64> gone(ids.cbegin(), ids.cend());
    return removeWhere([&gone](const Item &item) { return gone.contains(item.id); });
}

QList<qint64> TransferQueueModel::removeWhere(const std::function<bool(const Item &)> &remove)
{
    QList<qint64> removed;
    for (const Item &item : std::as_const(m_items)) {
        if (remove(item))
            removed.append(item.id);
    }
    if (removed.isEmpty())
        return removed;

    // From the back, so the rows of the runs still to remove keep their numbers.
    int row = int(m_items.size()) - 1;
    while (row >= 0) {
        if (!remove(m_items.at(row))) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && remove(m_items.at(row - 1)))
            --row;
        const int first = row;
        beginRemoveRows(QModelIndex(), first, last);
        for (int r = first; r <= last; ++r)
            countState(m_items.at(r).state, -1);
        m_items.remove(first, last - first + 1);
        m_rowOfStale = true;
        endRemoveRows();
        --row;
    }
    return removed;
}

std::optional<Item> TransferQueueModel::item(int row) const
{
    if (row < 0 || row >= int(m_items.size()))
        return std::nullopt;
    return m_items.at(row);
}

int TransferQueueModel::rowOf(qint64 id) const
{
    ensureRowIndex();
    return m_rowOf.value(id, -1);
}

int TransferQueueModel::count(ItemState state) const
{
    const int index = stateIndex(state);
    return index >= 0 ? m_stateCounts[size_t(index)] : 0;
}

bool TransferQueueModel::hasFinished() const
{
    return count(ItemState::Done) + count(ItemState::Failed) + count(ItemState::Cancelled) + count(ItemState::Skipped)
        > 0;
}

QString TransferQueueModel::summary() const
{
    if (m_items.isEmpty())
        return tr("No transfers");
    QStringList parts;
    const auto add = [&parts, this](ItemState state, const QString &text) {
        if (count(state) > 0)
            parts.append(text);
    };
    // What still needs the connection or the person first, then what is over.
    add(ItemState::Pending, tr("%n queued", nullptr, count(ItemState::Pending)));
    add(ItemState::Running, tr("%n transferring", nullptr, count(ItemState::Running)));
    add(ItemState::Paused, tr("%n paused", nullptr, count(ItemState::Paused)));
    add(ItemState::Asking, tr("%n waiting for your answer", nullptr, count(ItemState::Asking)));
    add(ItemState::Done, tr("%n done", nullptr, count(ItemState::Done)));
    add(ItemState::Failed, tr("%n failed", nullptr, count(ItemState::Failed)));
    add(ItemState::Cancelled, tr("%n cancelled", nullptr, count(ItemState::Cancelled)));
    add(ItemState::Skipped, tr("%n skipped", nullptr, count(ItemState::Skipped)));
    return parts.join(QStringLiteral(", "));
}

QString TransferQueueModel::destinationName(const Item &item)
{
    if (item.direction == Item::Direction::Download) {
        const QString name = QFileInfo(item.localPath).fileName();
        return name.isEmpty() ? QDir::toNativeSeparators(item.localPath) : name;
    }
    // Remote paths always use '/'.
    const QString name = item.remotePath.section(u'/', -1);
    return name.isEmpty() ? item.remotePath : name;
}

int TransferQueueModel::progressOf(const Item &item)
{
    if (item.state == ItemState::Done)
        return 1000;
    if (item.size < 0)
        return -1;
    if (item.size == 0)
        return 0;
    const qint64 transferred = std::clamp<qint64>(item.transferred, 0, item.size);
    // transferred <= size, so the product fits as long as size < 2^53 bytes.
    return int(transferred * 1000 / item.size);
}

QString TransferQueueModel::stateText(const Item &item) const
{
    switch (item.state) {
    case ItemState::Pending:
        return tr("Queued");
    case ItemState::Running:
        return tr("Transferring");
    case ItemState::Paused:
        return tr("Paused");
    case ItemState::Done:
        return tr("Done");
    case ItemState::Failed:
        return item.error.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(item.error);
    case ItemState::Cancelled:
        return tr("Cancelled");
    case ItemState::Skipped: {
        const QString reason = skipReason(item.error);
        return reason.isEmpty() ? tr("Skipped") : tr("Skipped: %1").arg(reason);
    }
    case ItemState::Asking:
        return tr("Waiting for your answer");
    }
    return {};
}

void TransferQueueModel::ensureIcons() const
{
    if (m_iconsReady)
        return;
    m_iconsReady = true;
    m_downloadIcon = themedIcon({ "download", "go-down" }, QStyle::SP_ArrowDown);
    m_uploadIcon = themedIcon({ "upload", "go-up" }, QStyle::SP_ArrowUp);
}

int TransferQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int TransferQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

Qt::ItemFlags TransferQueueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

QVariant TransferQueueModel::displayData(const Item &item, int column) const
{
    const bool running = item.state == ItemState::Running;
    switch (column) {
    case File:
        return destinationName(item);
    case Size:
        return item.size < 0 ? tr("unknown") : sizeText(item.size);
    case Progress: {
        const int permille = progressOf(item);
        if (permille >= 0)
            return tr("%1 %").arg(QLocale().toString(permille / 10));
        // Without a size there is no share to show; what has arrived is the next best.
        return item.transferred > 0 ? sizeText(item.transferred) : QString();
    }
    case Rate:
        return running && item.bytesPerSecond > 0 ? tr("%1/s").arg(sizeText(item.bytesPerSecond)) : QString();
    case TimeLeft:
        return running && item.secondsLeft >= 0 ? timeLeftText(item.secondsLeft) : QString();
    case State:
        return stateText(item);
    default:
        return {};
    }
}

QVariant TransferQueueModel::toolTipData(const Item &item, int column) const
{
    switch (column) {
    case File: {
        const QString local = QDir::toNativeSeparators(item.localPath);
        if (item.direction == Item::Direction::Download)
            return plainToolTip(tr("Download from %1\nto %2").arg(item.remotePath, local));
        return plainToolTip(tr("Upload from %1\nto %2").arg(local, item.remotePath));
    }
    case Size:
        return item.size < 0 ? tr("The size is not known yet") : tr("%1 bytes").arg(QLocale().toString(item.size));
    case Progress:
        if (item.size < 0)
            return tr("%1 bytes transferred").arg(QLocale().toString(item.transferred));
        return tr("%1 of %2 bytes transferred")
            .arg(QLocale().toString(item.transferred), QLocale().toString(item.size));
    case State:
        if ((item.state == ItemState::Failed || item.state == ItemState::Skipped) && !item.error.isEmpty())
            return plainToolTip(item.error);
        return stateText(item);
    default:
        return {};
    }
}

QVariant TransferQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_items.size()) || index.column() >= ColumnCount)
        return {};
    const Item &item = m_items.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(item, column);
    case Qt::ToolTipRole:
        return toolTipData(item, column);
    case Qt::AccessibleTextRole:
        // The arrow icon is all a sighted person needs to tell the directions apart.
        if (column == File) {
            return item.direction == Item::Direction::Download ? tr("Download: %1").arg(destinationName(item))
                                                               : tr("Upload: %1").arg(destinationName(item));
        }
        return {};
    case Qt::DecorationRole:
        if (column == File) {
            ensureIcons();
            return item.direction == Item::Direction::Download ? m_downloadIcon : m_uploadIcon;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Size || column == Rate || column == TimeLeft)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        if (column == Progress)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return {};
    case ProgressRole:
        return progressOf(item);
    case ItemIdRole:
        return item.id;
    case StateRole:
        return int(item.state);
    case ErrorRole:
        return item.error;
    default:
        return {};
    }
}

QVariant TransferQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case File:
            return tr("File");
        case Size:
            return tr("Size");
        case Progress:
            return tr("Progress");
        case Rate:
            return tr("Rate");
        case TimeLeft:
            return tr("Time left");
        case State:
            return tr("State");
        default:
            return QString();
        }
    }
    if (role == Qt::TextAlignmentRole && (section == Size || section == Rate || section == TimeLeft))
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

QHash<int, QByteArray> TransferQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ProgressRole, "progress");
    names.insert(ItemIdRole, "itemId");
    names.insert(StateRole, "state");
    names.insert(ErrorRole, "error");
    return names;
}

} // namespace Satchel::Ui
