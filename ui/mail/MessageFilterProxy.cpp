#include "ui/mail/MessageFilterProxy.h"

#include "ui/mail/MessageListModel.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

#include <algorithm>

namespace Satchel::Ui {

namespace {

constexpr quint32 kDragFormat = 1;
// A drop names at most this many messages; a larger count is not ours.
constexpr quint32 kMaxDraggedUids = 1000000;

} // namespace

QByteArray MessageFilterProxy::encodeDrag(const DragPayload &payload)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << kDragFormat << payload.accountId << payload.folder << quint32(payload.uids.size());
    for (const quint32 uid : payload.uids) {
        out << uid;
    }
    return bytes;
}

std::optional<MessageFilterProxy::DragPayload> MessageFilterProxy::decodeDrag(const QMimeData *data)
{
    if (!data || !data->hasFormat(mimeType())) {
        return std::nullopt;
    }
    const QByteArray bytes = data->data(mimeType());
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    quint32 format = 0;
    quint32 count = 0;
    DragPayload payload;
    in >> format >> payload.accountId >> payload.folder >> count;
    // Each UID is 4 bytes: a count the data cannot hold is refused before reserving.
    if (in.status() != QDataStream::Ok || format != kDragFormat || count == 0 || count > kMaxDraggedUids
        || qint64(count) * 4 > bytes.size()) {
        return std::nullopt;
    }
    payload.uids.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        quint32 uid = 0;
        in >> uid;
        if (uid != 0) {
            payload.uids.append(uid);
        }
    }
    if (in.status() != QDataStream::Ok || payload.uids.isEmpty() || payload.accountId.isEmpty()
        || payload.folder.isEmpty()) {
        return std::nullopt;
    }
    return payload;
}

MessageFilterProxy::MessageFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void MessageFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_messages = qobject_cast<MessageListModel *>(model);
    Q_ASSERT(m_messages || !model);
    QSortFilterProxyModel::setSourceModel(model);
}

void MessageFilterProxy::setUidFilter(const QSet<quint32> &uids)
{
    m_filter = uids;
    invalidateFilter();
}

void MessageFilterProxy::clearUidFilter()
{
    if (!m_filter) {
        return;
    }
    m_filter.reset();
    invalidateFilter();
}

quint32 MessageFilterProxy::uidAt(int row) const
{
    if (!m_messages || row < 0 || row >= rowCount()) {
        return 0;
    }
    return m_messages->uidAt(mapToSource(index(row, 0)).row());
}

int MessageFilterProxy::rowOfUid(quint32 uid) const
{
    if (!m_messages || uid == 0) {
        return -1;
    }
    const int sourceRow = m_messages->rowOfUid(uid);
    if (sourceRow < 0) {
        return -1;
    }
    return mapFromSource(m_messages->index(sourceRow, 0)).row();
}

void MessageFilterProxy::sort(int column, Qt::SortOrder order)
{
    // The source sorts in SQL and keeps persistent indexes; this proxy keeps its rows
    // in the source's order (its own sort column stays -1).
    if (m_messages) {
        m_messages->sort(column, order);
    }
}

bool MessageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_filter || sourceParent.isValid() || !m_messages) {
        return true;
    }
    return m_filter->contains(m_messages->uidAt(sourceRow)); // the UID index only: no page is read
}

Qt::ItemFlags MessageFilterProxy::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QSortFilterProxyModel::flags(index);
    if (index.isValid()) {
        flags |= Qt::ItemIsDragEnabled;
    }
    return flags;
}

QStringList MessageFilterProxy::mimeTypes() const
{
    return { mimeType() };
}

QMimeData *MessageFilterProxy::mimeData(const QModelIndexList &indexes) const
{
    if (!m_messages) {
        return nullptr;
    }
    QList<int> rows;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this) {
            rows.append(index.row());
        }
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    DragPayload payload { m_accountId, m_messages->folderName(), {} };
    for (const int row : std::as_const(rows)) {
        if (const quint32 uid = uidAt(row)) {
            payload.uids.append(uid);
        }
    }
    if (payload.uids.isEmpty() || payload.accountId.isEmpty() || payload.folder.isEmpty()) {
        return nullptr;
    }
    auto *data = new QMimeData;
    data->setData(mimeType(), encodeDrag(payload));
    return data;
}

Qt::DropActions MessageFilterProxy::supportedDragActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

} // namespace Satchel::Ui
