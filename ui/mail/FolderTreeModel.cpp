#include "ui/mail/FolderTreeModel.h"

#include "protocols/store/MailCache.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QStyle>

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <limits>

namespace Satchel::Ui {

namespace {

const QString accountIconKey = QStringLiteral("\n");

bool hasAttribute(const QList<QByteArray> &attributes, const char *wanted)
{
    return std::any_of(attributes.begin(), attributes.end(),
        [wanted](const QByteArray &attribute) { return attribute.compare(wanted, Qt::CaseInsensitive) == 0; });
}

bool isInboxName(QStringView name)
{
    return name.compare(u"INBOX", Qt::CaseInsensitive) == 0;
}

// INBOX is case-insensitive (RFC 9051 §5.1), also as the first level of a longer name;
// other names are compared exactly.
QString folderKey(const QString &name)
{
    if (name.size() >= 5 && isInboxName(QStringView(name).first(5))
        && (name.size() == 5 || !name.at(5).isLetterOrNumber()))
        return QStringLiteral("INBOX") + QStringView(name).sliced(5);
    return name;
}

int roleRank(const QString &role)
{
    static const char *const order[] = { "inbox", "drafts", "sent", "archive", "junk", "trash" };
    for (int i = 0; i < int(std::size(order)); ++i) {
        if (role == QLatin1String(order[i]))
            return i;
    }
    return int(std::size(order));
}

QIcon styleIcon(QStyle::StandardPixmap pixmap)
{
    // QApplication::style() needs a QApplication, not just a QGuiApplication.
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return {};
    return QApplication::style()->standardIcon(pixmap);
}

// The last resort when neither the theme nor the style has a folder icon.
QIcon paintedFolderIcon()
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0x8a, 0x6d, 0x1f));
    painter.setBrush(QColor(0xe8, 0xc0, 0x5a));
    painter.drawRect(1, 4, 13, 9);
    painter.drawRect(1, 2, 5, 2);
    painter.end();
    return QIcon(pixmap);
}

QIcon themedIcon(std::initializer_list<const char *> names, QStyle::StandardPixmap fallback)
{
    for (const char *name : names) {
        const QString themeName = QString::fromLatin1(name);
        if (QIcon::hasThemeIcon(themeName))
            return QIcon::fromTheme(themeName);
    }
    QIcon icon = styleIcon(fallback);
    if (icon.isNull())
        icon = styleIcon(QStyle::SP_DirIcon);
    return icon.isNull() ? paintedFolderIcon() : icon;
}

} // namespace

struct FolderTreeModel::Node {
    Node *parent = nullptr; // null for an account
    int row = 0;
    bool account = false;
    bool selectable = false; // listed by the server and not \Noselect
    QString accountId;
    QString label; // the last level of the name, or the account's display name
    QString name; // the full IMAP name; empty for an account
    QString role;
    int unread = 0;
    std::vector<std::unique_ptr<Node>> children;
};

FolderTreeModel::FolderTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

FolderTreeModel::~FolderTreeModel() = default;

void FolderTreeModel::setAccounts(const QList<AccountFolders> &accounts)
{
    beginResetModel();
    m_accounts.clear();
    m_folders.clear();
    for (const AccountFolders &account : accounts) {
        auto node = std::make_unique<Node>();
        node->account = true;
        node->selectable = true;
        node->accountId = account.accountId;
        node->label = account.displayName.isEmpty() ? account.accountId : account.displayName;
        QHash<QString, Node *> &byName = m_folders[account.accountId];
        for (const Imap::FolderInfo &info : account.folders) {
            if (info.name.isEmpty())
                continue;
            Node *folder = folderNode(node.get(), byName, info.name, info.delimiter);
            folder->name = info.name; // the server's spelling, where INBOX matched case-insensitively
            folder->selectable
                = !hasAttribute(info.attributes, "\\Noselect") && !hasAttribute(info.attributes, "\\NonExistent");
            folder->role = info.role.isEmpty() && isInboxName(info.name) ? QStringLiteral("inbox") : info.role;
            folder->unread = std::max(0, account.unread.value(info.name, 0));
        }
        sortChildren(node.get());
        node->row = int(m_accounts.size());
        m_accounts.push_back(std::move(node));
    }
    endResetModel();
}

// The node of `name`, creating it and any level above it the server did not list.
FolderTreeModel::Node *FolderTreeModel::folderNode(
    Node *account, QHash<QString, Node *> &byName, const QString &name, QChar delimiter)
{
    Node *parent = account;
    qsizetype labelStart = 0;
    if (!delimiter.isNull()) {
        // A delimiter at the start, at the end or doubled makes no level of its own.
        for (qsizetype cut = name.indexOf(delimiter, 1); cut > 0 && cut < name.size() - 1;
             cut = name.indexOf(delimiter, cut + 1)) {
            if (name.at(cut - 1) == delimiter)
                continue;
            parent = childNode(parent, byName, name.left(cut), name.mid(labelStart, cut - labelStart));
            labelStart = cut + 1;
        }
    }
    return childNode(parent, byName, name, name.mid(labelStart));
}

FolderTreeModel::Node *FolderTreeModel::childNode(
    Node *parent, QHash<QString, Node *> &byName, const QString &name, const QString &label)
{
    const QString key = folderKey(name);
    if (Node *existing = byName.value(key))
        return existing;
    auto node = std::make_unique<Node>();
    node->parent = parent;
    node->accountId = parent->accountId;
    node->name = name;
    node->label = label.isEmpty() ? name : label;
    Node *raw = node.get();
    parent->children.push_back(std::move(node));
    byName.insert(key, raw);
    return raw;
}

void FolderTreeModel::sortChildren(Node *node)
{
    std::stable_sort(node->children.begin(), node->children.end(),
        [](const std::unique_ptr<Node> &a, const std::unique_ptr<Node> &b) {
            const int rankA = roleRank(a->role);
            const int rankB = roleRank(b->role);
            if (rankA != rankB)
                return rankA < rankB;
            const int byLabel = a->label.compare(b->label, Qt::CaseInsensitive);
            return byLabel != 0 ? byLabel < 0 : a->label < b->label;
        });
    for (size_t i = 0; i < node->children.size(); ++i) {
        node->children[i]->row = int(i);
        sortChildren(node->children[i].get());
    }
}

bool FolderTreeModel::setUnread(const QString &accountId, const QString &folder, int count)
{
    const auto account = m_folders.constFind(accountId);
    if (account == m_folders.constEnd())
        return false;
    Node *node = account->value(folderKey(folder));
    if (!node)
        return false;
    count = std::max(count, 0);
    if (node->unread == count)
        return true;
    node->unread = count;
    const QModelIndex changed = createIndex(node->row, 0, node);
    Q_EMIT dataChanged(changed, changed, { Qt::DisplayRole, Qt::FontRole, Qt::ToolTipRole, UnreadRole });
    return true;
}

QModelIndex FolderTreeModel::indexOf(const QString &accountId, const QString &folder) const
{
    if (folder.isEmpty()) {
        for (const auto &account : m_accounts) {
            if (account->accountId == accountId)
                return createIndex(account->row, 0, account.get());
        }
        return {};
    }
    const auto account = m_folders.constFind(accountId);
    if (account == m_folders.constEnd())
        return {};
    Node *node = account->value(folderKey(folder));
    return node ? createIndex(node->row, 0, node) : QModelIndex();
}

QHash<QString, int> FolderTreeModel::unreadFromCache(Store::MailCache &cache, const QList<Imap::FolderInfo> &folders)
{
    QHash<QString, int> unread;
    for (const Imap::FolderInfo &folder : folders) {
        if (hasAttribute(folder.attributes, "\\Noselect") || hasAttribute(folder.attributes, "\\NonExistent"))
            continue;
        const qint64 count = cache.unseenCount(folder.name);
        unread.insert(folder.name, int(std::min<qint64>(count, std::numeric_limits<int>::max())));
    }
    return unread;
}

FolderTreeModel::Node *FolderTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

const std::vector<std::unique_ptr<FolderTreeModel::Node>> &FolderTreeModel::childrenOf(const Node *node) const
{
    return node ? node->children : m_accounts;
}

QModelIndex FolderTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const auto &children = childrenOf(nodeOf(parent));
    if (size_t(row) >= children.size())
        return {};
    return createIndex(row, 0, children[size_t(row)].get());
}

QModelIndex FolderTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || !node->parent)
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int FolderTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(nodeOf(parent)).size());
}

int FolderTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool FolderTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags FolderTreeModel::flags(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled;
    if (node->selectable)
        flags |= Qt::ItemIsSelectable;
    if (node->children.empty())
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QIcon FolderTreeModel::iconFor(const Node &node) const
{
    const QString key = node.account ? accountIconKey : node.role;
    auto it = m_icons.constFind(key);
    if (it != m_icons.constEnd())
        return *it;
    QIcon icon;
    if (node.account)
        icon = themedIcon({ "network-server", "folder-remote" }, QStyle::SP_DriveNetIcon);
    else if (node.role == u"inbox")
        icon = themedIcon({ "mail-folder-inbox", "mail-inbox" }, QStyle::SP_DirHomeIcon);
    else if (node.role == u"sent")
        icon = themedIcon({ "mail-folder-sent", "mail-sent", "mail-send" }, QStyle::SP_ArrowRight);
    else if (node.role == u"drafts")
        icon = themedIcon({ "mail-folder-drafts", "document-edit", "accessories-text-editor" }, QStyle::SP_FileIcon);
    else if (node.role == u"trash")
        icon = themedIcon({ "user-trash", "mail-folder-trash" }, QStyle::SP_TrashIcon);
    else if (node.role == u"junk")
        icon = themedIcon({ "mail-folder-junk", "mail-mark-junk" }, QStyle::SP_MessageBoxWarning);
    else if (node.role == u"archive")
        icon = themedIcon({ "mail-folder-archive", "folder-archive", "archive" }, QStyle::SP_DriveHDIcon);
    else
        icon = themedIcon({ "folder-mail", "folder" }, QStyle::SP_DirIcon);
    m_icons.insert(key, icon);
    return icon;
}

QVariant FolderTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        // INBOX is the one name every server has; people call it "Inbox".
        const bool inbox = !node->account && node->parent->account && folderKey(node->name) == u"INBOX";
        const QString label = inbox ? tr("Inbox") : node->label;
        if (node->unread > 0)
            return QString(label + QStringLiteral(" (") + QLocale().toString(node->unread) + u')');
        return label;
    }
    case Qt::ToolTipRole:
        if (node->account)
            return node->label;
        if (node->unread > 0)
            return tr("%1, %2 unread").arg(node->name, QLocale().toString(node->unread));
        return node->name;
    case Qt::FontRole:
        if (node->unread > 0 || node->account) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        return iconFor(*node);
    case FolderNameRole:
        return node->name;
    case AccountIdRole:
        return node->accountId;
    case SpecialUseRole:
        return node->role;
    case UnreadRole:
        return node->unread;
    case IsAccountRole:
        return node->account;
    default:
        return {};
    }
}

QHash<int, QByteArray> FolderTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(FolderNameRole, "folderName");
    names.insert(AccountIdRole, "accountId");
    names.insert(SpecialUseRole, "specialUse");
    names.insert(UnreadRole, "unread");
    names.insert(IsAccountRole, "isAccount");
    return names;
}

} // namespace Satchel::Ui
