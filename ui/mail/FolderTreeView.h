#pragma once

#include <QList>
#include <QSet>
#include <QTreeView>

#include <functional>

namespace Satchel::Ui {

// The folder tree view over a FolderTreeModel. Messages dragged from the message
// list (MessageFilterProxy::mimeType()) can be dropped on a selectable folder of the
// same account: the view only says so (messagesDropped), the MailController moves
// them (copies with Ctrl). It keeps folders open across model resets (a new folder
// list), and opens accounts the first time it sees them.
class FolderTreeView : public QTreeView
{
    Q_OBJECT

public:
    explicit FolderTreeView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

Q_SIGNALS:
    void messagesDropped(const QString &sourceAccountId, const QString &sourceFolder, const QList<quint32> &uids,
        const QModelIndex &target, Qt::DropAction action);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // The folder under the drop position if the dragged messages may go there.
    QModelIndex dropTarget(const QDropEvent *event) const;
    static QString keyOf(const QModelIndex &index);
    void rememberExpanded();
    void restoreExpanded();
    void walk(const QModelIndex &parent, const std::function<void(const QModelIndex &)> &visit) const;

    QSet<QString> m_expanded;
    QSet<QString> m_knownAccounts;
};

} // namespace Satchel::Ui
