// MailController: the views - attach(), the folder tree and the folder it shows, the message
// list (selectedUids(), reloads that keep the selection) and opening a message in the reader,
// and the unread counts in the tree. Construction, the actions, send() and the engines'
// answers are in MailController.cpp; the operations (flags, delete, move, copy, undo, the quick
// search) in MailControllerOperations.cpp.
#include "protocols/imap/ImapAccountEngine.h"
#include "protocols/pop3/LocalInboxEngine.h"
#include "ui/mail/FolderTreeModel.h"
#include "ui/mail/FolderTreeView.h"
#include "ui/mail/MailController.h"
#include "ui/mail/MessageFilterProxy.h"
#include "ui/mail/MessageListModel.h"
#include "ui/mail/MessageReader.h"
#include "ui/mail/OffscreenInsertionGuard.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace Satchel::Ui {

using Imap::ImapAccountEngine;
using Pop3::LocalInboxEngine;

namespace {

// Up to this many selected messages are found again after a reload one by one.
constexpr qsizetype kRestoreByLookup = 16;

} // namespace

void MailController::attach(FolderTreeView *folders, QTableView *messages, MessageReader *reader, QLineEdit *search)
{
    m_folderView = folders;
    if (folders) {
        folders->setModel(m_folderModel);
        connect(folders->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onFolderActivated(current); });
        connect(folders, &FolderTreeView::messagesDropped, this,
            [this](const QString &accountId, const QString &folder, const QList<quint32> &uids,
                const QModelIndex &target, Qt::DropAction dropAction) {
                if (target.data(FolderTreeModel::AccountIdRole).toString() != accountId) {
                    say(tr("Messages can be moved only between folders of one account."));
                    return;
                }
                transfer(dropAction == Qt::CopyAction ? Kind::Copy : Kind::Move, accountId, folder, uids,
                    target.data(FolderTreeModel::FolderNameRole).toString());
            });
    }
    m_messageView = messages;
    if (messages) {
        messages->setModel(m_proxy);
        new OffscreenInsertionGuard(messages, m_messageModel); // the view's child
        messages->setSelectionBehavior(QAbstractItemView::SelectRows);
        messages->setSelectionMode(QAbstractItemView::ExtendedSelection);
        messages->setDragEnabled(true);
        messages->setDragDropMode(QAbstractItemView::DragOnly);
        messages->setDefaultDropAction(Qt::MoveAction);
        messages->setShowGrid(false);
        messages->setWordWrap(false);
        messages->verticalHeader()->hide();
        messages->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        QHeaderView *header = messages->horizontalHeader();
        // Fixed starting widths: ResizeToContents would read rows of the cache to measure.
        const int character = messages->fontMetrics().averageCharWidth();
        header->resizeSection(MessageListModel::StatusColumn, 6 * character);
        header->resizeSection(MessageListModel::FromColumn, 24 * character);
        header->resizeSection(MessageListModel::DateColumn, 18 * character);
        header->resizeSection(MessageListModel::SizeColumn, 9 * character);
        header->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);
        header->setSortIndicator(m_messageModel->sortColumn(), m_messageModel->sortOrder());
        messages->setSortingEnabled(true); // the source model sorts (MessageFilterProxy::sort)
        connect(messages->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentMessageChanged(current); });
        connect(
            messages->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MailController::updateActions);
        messages->addAction(m_actions.value(Action::Delete)); // its shortcut works in the list
    }
    m_reader = reader;
    m_searchField = search;
    if (search) {
        search->setClearButtonEnabled(true);
        connect(search, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (text.trimmed().isEmpty()) {
                clearSearch();
            } else {
                m_searchDelay->start();
            }
        });
        connect(search, &QLineEdit::returnPressed, this, [this] {
            m_searchDelay->stop();
            if (m_searchField) {
                this->search(m_searchField->text());
            }
        });
    }
    rebuildFolderTree();
    updateActions();
}

bool MailController::isCurrent(const QString &accountId, const QString &folder) const
{
    return !folder.isEmpty() && accountId == m_currentAccount && folder == m_currentFolder;
}

void MailController::rebuildFolderTree()
{
    QList<AccountFolders> accounts;
    const QStringList ids = m_accounts->ids();
    for (const QString &id : ids) {
        accounts.append(AccountFolders { id, m_accounts->label(id), m_accounts->folders(id), m_accounts->unread(id) });
    }
    m_folderModel->setAccounts(accounts);
    // The reset cleared the tree's selection: the shown folder is selected again (the
    // handler sees that nothing changed).
    if (m_folderView && !m_currentAccount.isEmpty()) {
        const QModelIndex index = m_folderModel->indexOf(m_currentAccount, m_currentFolder);
        if (index.isValid()) {
            m_folderView->setCurrentIndex(index);
        }
    }
}

bool MailController::selectFolder(const QString &accountId, const QString &folder)
{
    const QModelIndex index = m_folderModel->indexOf(accountId, folder);
    if (!index.isValid()) {
        return false;
    }
    if (QTreeView *view = m_folderView.data()) {
        view->setCurrentIndex(index);
        view->scrollTo(index);
    }
    onFolderActivated(index); // nothing happens when the view's signal did it
    return true;
}

void MailController::onFolderActivated(const QModelIndex &index)
{
    if (!index.isValid()) {
        return; // the tree was reset; rebuildFolderTree() selects the folder again
    }
    const QString accountId = index.data(FolderTreeModel::AccountIdRole).toString();
    const bool selectable = index.flags() & Qt::ItemIsSelectable;
    const QString folder = selectable ? index.data(FolderTreeModel::FolderNameRole).toString() : QString();
    showFolder(accountId, folder);
}

void MailController::showFolder(const QString &accountId, const QString &folder)
{
    if (accountId == m_currentAccount && folder == m_currentFolder) {
        return;
    }
    m_currentAccount = accountId;
    m_currentFolder = folder;
    clearSearch();
    clearReader();
    m_proxy->setAccountId(accountId);
    if (!m_accounts->contains(accountId) || folder.isEmpty()) {
        m_messageModel->clear();
        m_listOpen = false;
        Q_EMIT folderChanged(accountId, QString());
        updateActions();
        return;
    }
    // What the cache has, at once; the sync brings the rest (then reloadList()).
    m_listOpen = m_messageModel->setFolder(
        m_accounts->cachePath(accountId), folder, m_messageModel->sortColumn(), m_messageModel->sortOrder());
    Q_EMIT folderChanged(accountId, folder);
    syncFolder(accountId, folder);
    updateActions();
}

QList<quint32> MailController::selectedUids() const
{
    QList<quint32> uids;
    if (!m_messageView || !m_messageView->selectionModel()) {
        return uids;
    }
    QModelIndexList rows = m_messageView->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &row : std::as_const(rows)) {
        if (const quint32 uid = m_proxy->uidAt(row.row())) {
            uids.append(uid);
        }
    }
    return uids;
}

void MailController::reloadList()
{
    if (!m_accounts->contains(m_currentAccount) || m_currentFolder.isEmpty()) {
        return;
    }
    QItemSelectionModel *selection = m_messageView ? m_messageView->selectionModel() : nullptr;
    const QList<quint32> selected = selectedUids();
    const quint32 current = selection ? m_proxy->uidAt(selection->currentIndex().row()) : 0;
    if (m_listOpen) {
        // The index is read off this thread (a folder that a sync has just filled may
        // hold 100,000 messages: ~35 ms), and the selection is put back once the new
        // rows are in.
        const QPointer<MailController> self(this);
        m_messageModel->refreshInBackground(
            [self] {
                if (MailController *that = self.data()) {
                    that->m_reloading = true;
                }
            },
            [self, selected, current] {
                if (MailController *that = self.data()) {
                    that->afterReload(selected, current);
                }
            });
        return;
    }
    m_reloading = true;
    if (m_listOpen) {
        m_messageModel->refresh();
    } else {
        m_listOpen = m_messageModel->setFolder(m_accounts->cachePath(m_currentAccount), m_currentFolder,
            m_messageModel->sortColumn(), m_messageModel->sortOrder());
    }
    afterReload(selected, current);
}

void MailController::afterReload(const QList<quint32> &selected, quint32 current)
{
    QItemSelectionModel *selection = m_messageView ? m_messageView->selectionModel() : nullptr;
    if (selection && (!selected.isEmpty() || current != 0)) {
        // The same messages are selected again (a reset cleared the selection; rows
        // inserted and removed kept it, and this changes nothing then).
        QHash<quint32, int> rowOf;
        if (selected.size() > kRestoreByLookup) {
            for (int row = 0; row < m_proxy->rowCount(); ++row) {
                rowOf.insert(m_proxy->uidAt(row), row);
            }
        }
        const auto find
            = [this, &rowOf](quint32 uid) { return rowOf.isEmpty() ? m_proxy->rowOfUid(uid) : rowOf.value(uid, -1); };
        QItemSelection restored;
        const int lastColumn = m_proxy->columnCount() - 1;
        for (const quint32 uid : selected) {
            const int row = find(uid);
            if (row >= 0) {
                restored.select(m_proxy->index(row, 0), m_proxy->index(row, lastColumn));
            }
        }
        const int currentRow = find(current);
        if (currentRow >= 0) {
            selection->setCurrentIndex(m_proxy->index(currentRow, 0), QItemSelectionModel::NoUpdate);
        } else {
            // The current message went (moved, deleted): the view moved "current" to a
            // neighbour while the rows were removed, which is not a message the person
            // chose; with none current, choosing any row opens it.
            selection->clearCurrentIndex();
        }
        selection->select(restored, QItemSelectionModel::ClearAndSelect);
    }
    m_reloading = false;
    if (m_shownUid != 0 && m_messageModel->rowOfUid(m_shownUid) < 0) {
        clearReader(); // moved or deleted
    }
    updateActions();
}

void MailController::onCurrentMessageChanged(const QModelIndex &current)
{
    if (m_reloading || !current.isValid() || m_currentFolder.isEmpty()) {
        return;
    }
    const quint32 uid = m_proxy->uidAt(current.row());
    if (uid == 0 || uid == m_shownUid) {
        return;
    }
    const QString folder = m_currentFolder;
    m_fetchRequest = send(
        Request { Kind::Fetch, m_currentAccount, folder, {}, { uid } }, tr("Opening a message in %1").arg(folder),
        [folder, uid](ImapAccountEngine &e, quint64 requestId) { e.fetchMessage(requestId, folder, uid); },
        [uid](LocalInboxEngine &e, quint64 requestId) { e.fetchMessage(requestId, uid); });
    m_shownUid = m_fetchRequest != 0 ? uid : 0; // what the reader is about to show
}

void MailController::clearReader()
{
    m_shownUid = 0;
    m_fetchRequest = 0;
    Q_EMIT messageShown(false);
}

void MailController::updateUnread(const QString &accountId, const QString &folder)
{
    if (const std::optional<int> count = m_accounts->refreshUnread(accountId, folder)) {
        m_folderModel->setUnread(accountId, folder, *count);
    }
}

} // namespace Satchel::Ui
