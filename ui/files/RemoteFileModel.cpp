#include "ui/files/RemoteFileModel.h"

#include "protocols/ftp/TransferPlan.h"
#include "protocols/net/BackgroundPriority.h"
#include "ui/files/RemoteDragData.h"

#include <QFileIconProvider>
#include <QLocale>
#include <QMimeData>
#include <QMimeDatabase>
#include <QThread>
#include <QUrl>

#include <algorithm>

namespace Satchel::Ui {

using Ftp::DirectoryEntry;

namespace {

bool isDirectory(const DirectoryEntry &entry)
{
    return entry.type == DirectoryEntry::Type::Directory;
}

} // namespace

RemoteFileModel::RemoteFileModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RemoteFileModel::beginListing(const QString &path)
{
    beginResetModel();
    m_path = path;
    m_listing = true;
    m_entries.clear();
    ++m_generation;
    endResetModel();
}

void RemoteFileModel::appendEntries(const QList<DirectoryEntry> &entries)
{
    if (entries.isEmpty()) {
        return;
    }
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    m_entries.insert(m_entries.end(), entries.cbegin(), entries.cend());
    ++m_generation;
    endInsertRows();
}

void RemoteFileModel::finishListing()
{
    m_listing = false;
    sortRows();
}

void RemoteFileModel::clear()
{
    beginResetModel();
    m_path.clear();
    m_listing = false;
    m_entries.clear();
    ++m_generation;
    endResetModel();
}

const DirectoryEntry *RemoteFileModel::entry(int row) const
{
    return row >= 0 && row < int(m_entries.size()) ? &m_entries[size_t(row)] : nullptr;
}

QString RemoteFileModel::pathOf(int row) const
{
    const DirectoryEntry *e = entry(row);
    return e ? Ftp::joinRemotePath(m_path, e->name) : QString();
}

Ftp::RemoteTarget RemoteFileModel::target(int row) const
{
    const DirectoryEntry *e = entry(row);
    if (!e) {
        return {};
    }
    return { pathOf(row), isDirectory(*e), e->size };
}

int RemoteFileModel::rowOfName(const QString &name) const
{
    const auto it = std::find_if(
        m_entries.cbegin(), m_entries.cend(), [&name](const DirectoryEntry &e) { return e.name == name; });
    return it == m_entries.cend() ? -1 : int(it - m_entries.cbegin());
}

int RemoteFileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RemoteFileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QIcon RemoteFileModel::iconFor(const DirectoryEntry &entry) const
{
    static const QFileIconProvider provider;
    if (isDirectory(entry)) {
        static const QIcon folder = provider.icon(QAbstractFileIconProvider::Folder);
        return folder;
    }
    const qsizetype dot = entry.name.lastIndexOf(QLatin1Char('.'));
    const QString suffix = dot > 0 ? entry.name.mid(dot + 1).toLower() : QString();
    auto it = m_icons.constFind(suffix);
    if (it != m_icons.cend()) {
        return *it;
    }
    // The icon theme's icon for the type the name suggests, else a plain file.
    static const QMimeDatabase mimes;
    const QMimeType type = mimes.mimeTypeForFile(entry.name, QMimeDatabase::MatchExtension);
    QIcon icon = QIcon::fromTheme(type.iconName());
    if (icon.isNull()) {
        icon = QIcon::fromTheme(type.genericIconName(), provider.icon(QAbstractFileIconProvider::File));
    }
    m_icons.insert(suffix, icon);
    return icon;
}

QVariant RemoteFileModel::data(const QModelIndex &index, int role) const
{
    const DirectoryEntry *e = index.isValid() ? entry(index.row()) : nullptr;
    if (!e) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Name:
            return e->name;
        case Size:
            return isDirectory(*e) || e->size < 0 ? QString() : QLocale().formattedDataSize(e->size);
        case Modified:
            return e->modified.isValid() ? QLocale().toString(e->modified.toLocalTime(), QLocale::ShortFormat)
                                         : QString();
        case Permissions:
            return e->permissions;
        default:
            return {};
        }
    case Qt::DecorationRole:
        return index.column() == Name ? QVariant(iconFor(*e)) : QVariant();
    case Qt::ToolTipRole:
        if (e->type == DirectoryEntry::Type::Link && !e->linkTarget.isEmpty()) {
            return tr("%1 → %2").arg(e->name, e->linkTarget);
        }
        return index.column() == Size && e->size >= 0 ? QVariant(tr("%L1 bytes").arg(e->size)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Size ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case PathRole:
        return pathOf(index.row());
    case IsDirectoryRole:
        return isDirectory(*e);
    case SizeRole:
        return e->size;
    case ModifiedRole:
        return e->modified;
    default:
        return {};
    }
}

QVariant RemoteFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name:
        return tr("Name");
    case Size:
        return tr("Size");
    case Modified:
        return tr("Modified");
    case Permissions:
        return tr("Permissions");
    default:
        return {};
    }
}

Qt::ItemFlags RemoteFileModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::ItemIsDropEnabled; // the folder itself, below the last row
    }
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    const DirectoryEntry *e = entry(index.row());
    if (e && isDirectory(*e)) {
        flags |= Qt::ItemIsDropEnabled;
    }
    if (index.column() == Name && !m_listing) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

bool RemoteFileModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const DirectoryEntry *e = index.isValid() ? entry(index.row()) : nullptr;
    if (!e || role != Qt::EditRole || index.column() != Name) {
        return false;
    }
    const QString name = value.toString().trimmed();
    // One name within this folder: a path or an empty name is not a rename.
    if (name.isEmpty() || name == e->name || name.contains(QLatin1Char('/')) || name == QLatin1String(".")
        || name == QLatin1String("..")) {
        return false;
    }
    Q_EMIT renameRequested(pathOf(index.row()), Ftp::joinRemotePath(m_path, name));
    return true;
}

void RemoteFileModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    if (!m_listing) {
        sortRows();
    }
}

namespace {

// The row order for `entries`: folders first, then by `column`, names breaking ties.
std::vector<int> sortedOrder(const std::vector<DirectoryEntry> &entries, int column, bool descending)
{
    auto before = [column, descending](const DirectoryEntry &a, const DirectoryEntry &b) {
        if (isDirectory(a) != isDirectory(b)) {
            return isDirectory(a); // folders first, either way round
        }
        int c = 0;
        switch (column) {
        case RemoteFileModel::Size:
            c = a.size < b.size ? -1 : (a.size > b.size ? 1 : 0);
            break;
        case RemoteFileModel::Modified:
            c = a.modified < b.modified ? -1 : (b.modified < a.modified ? 1 : 0);
            break;
        case RemoteFileModel::Permissions:
            c = a.permissions.compare(b.permissions);
            break;
        default:
            break;
        }
        if (c == 0) {
            c = a.name.compare(b.name, Qt::CaseInsensitive);
        }
        return descending ? c > 0 : c < 0;
    };
    std::vector<int> order(entries.size());
    for (size_t i = 0; i < order.size(); ++i) {
        order[i] = int(i);
    }
    std::stable_sort(order.begin(), order.end(),
        [&entries, &before](int a, int b) { return before(entries[size_t(a)], entries[size_t(b)]); });
    return order;
}

// Above this many rows the order is worked out on a thread of its own: sorting 100,000
// names takes longer than a frame, and the rows are on screen (unsorted) meanwhile.
constexpr size_t kSortInBackground = 5000;

} // namespace

void RemoteFileModel::sortRows()
{
    if (m_entries.size() < 2) {
        return;
    }
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    if (m_entries.size() < kSortInBackground) {
        applyOrder(sortedOrder(m_entries, m_sortColumn, descending));
        return;
    }
    // A copy of the rows (their strings are shared, not copied) goes to the thread.
    waitForSort(); // one at a time
    m_sorting = true;
    m_sortThread
        = QThread::create([this, rows = m_entries, column = m_sortColumn, descending, generation = m_generation] {
              Net::lowerCurrentThreadPriority(); // the GUI thread first when both want a CPU
              std::vector<int> order = sortedOrder(rows, column, descending);
              // Queued to this model on its thread; the model waits for this thread before
              // it goes, so the call cannot outlive it.
              QMetaObject::invokeMethod(
                  this,
                  [this, order = std::move(order), generation] {
                      m_sorting = false;
                      if (m_generation == generation) {
                          applyOrder(order);
                      }
                  },
                  Qt::QueuedConnection);
          });
    m_sortThread->start(QThread::LowPriority);
}

void RemoteFileModel::waitForSort()
{
    if (m_sortThread) {
        m_sortThread->wait();
        delete m_sortThread;
        m_sortThread = nullptr;
    }
}

RemoteFileModel::~RemoteFileModel()
{
    waitForSort();
}

void RemoteFileModel::applyOrder(const std::vector<int> &order)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList oldIndexes = persistentIndexList();
    std::vector<DirectoryEntry> reordered;
    reordered.reserve(m_entries.size());
    std::vector<int> newRow(m_entries.size());
    for (size_t i = 0; i < order.size(); ++i) {
        newRow[size_t(order[i])] = int(i);
        reordered.push_back(std::move(m_entries[size_t(order[i])]));
    }
    m_entries = std::move(reordered);
    ++m_generation;
    QModelIndexList newIndexes;
    newIndexes.reserve(oldIndexes.size());
    for (const QModelIndex &old : oldIndexes) {
        newIndexes.append(index(newRow[size_t(old.row())], old.column()));
    }
    changePersistentIndexList(oldIndexes, newIndexes);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    Q_EMIT sorted();
}

// --- Drag and drop ------------------------------------------------------------------

QStringList RemoteFileModel::mimeTypes() const
{
    return { kMimeType, QStringLiteral("text/uri-list") };
}

QMimeData *RemoteFileModel::mimeData(const QModelIndexList &indexes) const
{
    QByteArray payload = m_siteKey.toUtf8() + '\n';
    QList<int> rows;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && !rows.contains(index.row())) {
            rows.append(index.row());
        }
    }
    QList<Ftp::RemoteTarget> targets;
    for (const int row : std::as_const(rows)) {
        const Ftp::RemoteTarget t = target(row);
        targets.append(t);
        payload += (t.isDirectory ? "d\t" : "f\t") + QByteArray::number(t.size) + '\t' + t.path.toUtf8() + '\n';
    }
    auto *data = new RemoteDragData(targets, m_exporter);
    data->setData(kMimeType, payload);
    return data;
}

QList<Ftp::RemoteTarget> RemoteFileModel::targetsFrom(const QMimeData *data, QString *siteKey)
{
    QList<Ftp::RemoteTarget> targets;
    if (!data || !data->hasFormat(kMimeType)) {
        return targets;
    }
    const QList<QByteArray> lines = data->data(kMimeType).split('\n');
    if (siteKey) {
        *siteKey = QString::fromUtf8(lines.value(0));
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> fields = lines.at(i).split('\t');
        if (fields.size() < 3) {
            continue;
        }
        // A path may itself contain tabs: it is everything after the second one.
        const qsizetype pathStart = fields.at(0).size() + fields.at(1).size() + 2;
        targets.append(
            { QString::fromUtf8(lines.at(i).mid(pathStart)), fields.at(0) == "d", fields.at(1).toLongLong() });
    }
    return targets;
}

QString RemoteFileModel::dropDirectory(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return m_path;
    }
    const DirectoryEntry *e = entry(parent.row());
    return e && isDirectory(*e) ? pathOf(parent.row()) : m_path;
}

bool RemoteFileModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    if (!data || m_path.isEmpty()) {
        return false;
    }
    if (data->hasFormat(kMimeType)) {
        QString site;
        const QList<Ftp::RemoteTarget> sources = targetsFrom(data, &site);
        const QString directory = dropDirectory(parent);
        // A move within this site, to a folder none of them is already in (or is).
        return site == m_siteKey
            && std::any_of(sources.cbegin(), sources.cend(), [&directory](const Ftp::RemoteTarget &t) {
                   return Ftp::remoteParentPath(t.path) != directory && t.path != directory
                       && !directory.startsWith(t.path + QLatin1Char('/'));
               });
    }
    const QList<QUrl> urls = data->urls();
    return !urls.isEmpty() && std::all_of(urls.cbegin(), urls.cend(), [](const QUrl &u) { return u.isLocalFile(); });
}

bool RemoteFileModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent)) {
        return false;
    }
    const QString directory = dropDirectory(parent);
    if (data->hasFormat(kMimeType)) {
        QList<Ftp::RemoteTarget> sources = targetsFrom(data, nullptr);
        sources.removeIf([&directory](const Ftp::RemoteTarget &t) {
            return Ftp::remoteParentPath(t.path) == directory || t.path == directory
                || directory.startsWith(t.path + QLatin1Char('/')); // not into itself
        });
        if (sources.isEmpty()) {
            return false;
        }
        Q_EMIT moveRequested(sources, directory);
        return true;
    }
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        paths.append(url.toLocalFile());
    }
    Q_EMIT uploadRequested(paths, directory);
    // Copy, never Move: the source stays where it is (a view would delete a moved one).
    return true;
}

} // namespace Satchel::Ui
