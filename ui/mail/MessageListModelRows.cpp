// MessageListModel: the row side - the cache of pages of rows read from the mail cache when
// a view asks for them (rowAt(), loadPage(), eviction, bytesPerMessage()), the status icons,
// and what data(), headerData(), flags() and roleNames() give the views. The index of UIDs
// (setFolder(), refresh(), sort(), threads) is in MessageListModel.cpp.
#include "protocols/store/MailCache.h"
#include "ui/mail/MessageListModel.h"
#include "ui/mail/MessageListModelPages.h"

#include <QApplication>
#include <QDateTime>
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
#include <QVariant>

#include <algorithm>
#include <initializer_list>

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
