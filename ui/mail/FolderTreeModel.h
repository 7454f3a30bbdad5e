#pragma once

#include "protocols/imap/MessageSummary.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace Satchel::Store {
class MailCache;
}

namespace Satchel::Ui {

// What the folder tree shows of one account: its folders as LIST reported them, and
// unread counts by folder name (typically FolderTreeModel::unreadFromCache()).
struct AccountFolders {
    QString accountId;
    QString displayName;
    QList<Imap::FolderInfo> folders;
    QHash<QString, int> unread;
};

// The folder tree: accounts at the top, then each account's folders as a hierarchy
// built from their names and the server's delimiter ("Archive/2025" under "Archive").
// A level the server did not list ("Lists" of "Lists/qt") is shown, not selectable,
// as are \Noselect folders. Under each parent: Inbox, Drafts, Sent, Archive, Junk and
// Trash first, the rest by name. A folder with unread mail is bold, with "(N)".
// One column. The tree is built when setAccounts() is called (cheap even for
// thousands of folders); unread counts change through setUnread().
class FolderTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        FolderNameRole = Qt::UserRole + 1, // QString: the IMAP folder name; empty on accounts
        AccountIdRole, // QString
        SpecialUseRole, // QString: inbox, sent, drafts, trash, junk, archive, or empty
        UnreadRole, // int
        IsAccountRole, // bool
    };
    Q_ENUM(Role)

    explicit FolderTreeModel(QObject *parent = nullptr);
    ~FolderTreeModel() override;

    void setAccounts(const QList<AccountFolders> &accounts);
    // False when the account has no such folder. Emits dataChanged for the folder.
    bool setUnread(const QString &accountId, const QString &folder, int count);

    // The account (folder empty) or one of its folders; invalid when unknown.
    QModelIndex indexOf(const QString &accountId, const QString &folder = QString()) const;

    // Unread counts of the selectable folders, read from the cache (a scan of each
    // folder: call it off the paint path, e.g. after a sync).
    static QHash<QString, int> unreadFromCache(Store::MailCache &cache, const QList<Imap::FolderInfo> &folders);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;

    Node *nodeOf(const QModelIndex &index) const;
    const std::vector<std::unique_ptr<Node>> &childrenOf(const Node *node) const;
    static Node *folderNode(Node *account, QHash<QString, Node *> &byName, const QString &name, QChar delimiter);
    static Node *childNode(Node *parent, QHash<QString, Node *> &byName, const QString &name, const QString &label);
    static void sortChildren(Node *node);
    QIcon iconFor(const Node &node) const;

    std::vector<std::unique_ptr<Node>> m_accounts;
    QHash<QString, QHash<QString, Node *>> m_folders; // account id -> folder key -> node
    mutable QHash<QString, QIcon> m_icons; // by special use; "" a plain folder, "\n" an account
};

} // namespace Satchel::Ui
