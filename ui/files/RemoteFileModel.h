#pragma once

#include "protocols/ftp/DirectoryEntry.h"
#include "protocols/ftp/FtpSiteEngine.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QThread>
#include <QUrl>

#include <functional>
#include <optional>
#include <vector>

namespace Satchel::Ui {

// The remote pane's model: one remote folder as the FTP engine lists it. The folder is
// listed when it is opened (beginListing), its rows arrive in the engine's batches
// (one insert per batch, so the first rows of a 100,000-entry folder show while the
// rest is still coming) and are sorted once the listing ends: folders first, then by
// the chosen column. It holds plain values only; the controller talks to the engine.
//
// Drag and drop: rows drag as kMimeType (site, then one line per entry); a drop of
// local files (file URLs, from the local pane or the desktop's file manager) asks for
// an upload, a drop of this site's rows on one of its folders asks for a move. Editing
// a name asks for a rename. What is asked goes out as signals; nothing changes here
// until the controller lists the folder again.
class RemoteFileModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Size, Modified, Permissions, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, IsDirectoryRole, SizeRole, ModifiedRole };

    static inline const QString kMimeType = QStringLiteral("application/x-satchel-remote-files");

    explicit RemoteFileModel(QObject *parent = nullptr);
    ~RemoteFileModel() override;

    // Whose rows these are: drags carry it, so rows of another site are not "moved".
    void setSiteKey(const QString &key) { m_siteKey = key; }
    QString siteKey() const { return m_siteKey; }
    // Makes local copies of dragged rows for a drop outside Satchel (RemoteDragData).
    void setDragExporter(std::function<QList<QUrl>(const QList<Ftp::RemoteTarget> &)> exporter)
    {
        m_exporter = std::move(exporter);
    }

    QString path() const { return m_path; }
    bool isListing() const { return m_listing; }
    // A large folder is sorted on a thread of its own after its listing: until sorted()
    // its rows are in the order the server sent them.
    bool isSorting() const { return m_sorting; }
    void beginListing(const QString &path);
    void appendEntries(const QList<Ftp::DirectoryEntry> &entries);
    void finishListing();
    void clear();

    const Ftp::DirectoryEntry *entry(int row) const;
    QString pathOf(int row) const;
    Ftp::RemoteTarget target(int row) const;
    int rowOfName(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(
        const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(
        const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction | Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction | Qt::MoveAction; }

    // The rows a drag of kMimeType carries, when it comes from the site `siteKey`.
    static QList<Ftp::RemoteTarget> targetsFrom(const QMimeData *data, QString *siteKey);

Q_SIGNALS:
    void sorted();
    void renameRequested(const QString &from, const QString &to);
    void uploadRequested(const QStringList &localPaths, const QString &remoteDirectory);
    void moveRequested(const QList<Satchel::Ftp::RemoteTarget> &sources, const QString &remoteDirectory);

private:
    QString dropDirectory(const QModelIndex &parent) const;
    QIcon iconFor(const Ftp::DirectoryEntry &entry) const;
    void sortRows();
    void applyOrder(const std::vector<int> &order);
    void waitForSort();

    QString m_siteKey;
    std::function<QList<QUrl>(const QList<Ftp::RemoteTarget> &)> m_exporter;
    QString m_path;
    bool m_listing = false;
    std::vector<Ftp::DirectoryEntry> m_entries;
    int m_sortColumn = Name;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    mutable QHash<QString, QIcon> m_icons; // by suffix: the MIME lookup is not free
    // Bumped whenever the rows change: a sort worked out on another thread for older
    // rows is not applied.
    quint64 m_generation = 0;
    QThread *m_sortThread = nullptr;
    bool m_sorting = false;
};

} // namespace Satchel::Ui
