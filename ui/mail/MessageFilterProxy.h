#pragma once

#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

#include <optional>

class QMimeData;

namespace Satchel::Ui {

class MessageListModel;

// What the message list view shows of a MessageListModel: all of it, or only the
// messages a quick search found (a set of UIDs from the server's SEARCH). Sorting is
// the source model's (SQL ORDER BY over the cache), not the proxy's: sort() passes
// the column on, so 100,000 rows are never compared here.
// The rows are also the drag source for moving mail: mimeData() carries the account,
// the folder and the UIDs as MimeType, which FolderTreeView accepts.
class MessageFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    struct DragPayload {
        QString accountId;
        QString folder;
        QList<quint32> uids;
    };

    static QString mimeType() { return QStringLiteral("application/x-satchel-uids"); }
    // nullopt when the data holds no (well-formed) payload.
    static std::optional<DragPayload> decodeDrag(const QMimeData *data);
    static QByteArray encodeDrag(const DragPayload &payload);

    explicit MessageFilterProxy(QObject *parent = nullptr);

    // Must be a MessageListModel.
    void setSourceModel(QAbstractItemModel *model) override;
    MessageListModel *messages() const { return m_messages; }

    // The account the shown folder belongs to (for drags).
    void setAccountId(const QString &accountId) { m_accountId = accountId; }
    QString accountId() const { return m_accountId; }

    // Shows only these messages; clearUidFilter() shows all again.
    void setUidFilter(const QSet<quint32> &uids);
    void clearUidFilter();
    bool isFiltering() const { return m_filter.has_value(); }

    // 0 when the row is out of range.
    quint32 uidAt(int row) const;
    // -1 when the message is not shown.
    int rowOfUid(quint32 uid) const;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    MessageListModel *m_messages = nullptr;
    QString m_accountId;
    std::optional<QSet<quint32>> m_filter;
};

} // namespace Satchel::Ui
