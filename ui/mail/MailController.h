#pragma once

#include "ui/mail/MailAccounts.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QAction;
class QLineEdit;
class QMenu;
class QModelIndex;
class QSystemTrayIcon;
class QTableView;
class QTimer;
class QWidget;

namespace Satchel::Ui {

class FolderTreeModel;
class FolderTreeView;
class MessageFilterProxy;
class MessageListModel;
class MessageReader;

// The mail half of the main window, on the GUI thread. It makes no network call of
// its own: it asks the accounts' engines through MailAccounts (the facade that owns
// them, one worker thread each) and applies their answers to the models and views:
//
// - the folder lists feed the FolderTreeModel; choosing a folder shows its cache in the
//   MessageListModel at once and asks for a sync, after which (folderSynced) the list
//   is read again, keeping the selection;
// - choosing a message fetches it into the MessageReader and marks it read
//   (Options::markReadOnOpen);
// - the actions (also as QActions) change flags, delete (into the account's \Trash
//   folder, else \Deleted + expunge), move (also by dropping on the FolderTreeView) and
//   undo the last move or delete. Undo finds the moved messages again in the
//   destination by their Message-ID (SEARCH HEADER Message-ID, limited to UIDs from the
//   destination's UIDNEXT before the move when the cache knows it) and moves them back:
//   messages without a Message-ID, and deletes that expunged, cannot be undone, and a
//   copy of the same message already in the destination goes back with them;
// - the quick search asks the server (SEARCH OR SUBJECT text FROM text) and filters the
//   list to the UIDs it found (MessageFilterProxy);
// - new mail in INBOX (which each engine watches) is announced through the system tray
//   when the desktop has one; failures are said in words (statusMessage).
class MailController : public QObject
{
    Q_OBJECT

public:
    using PasswordPrompt = MailAccounts::PasswordPrompt;
    using TrustPrompt = MailAccounts::TrustPrompt;

    struct Options {
        QString cacheDir; // empty: <QStandardPaths::CacheLocation>/mail
        std::shared_ptr<Net::TrustStore> trust; // shared by every engine; null: system CAs only
        PasswordPrompt askPassword; // empty: a QInputDialog
        TrustPrompt askTrust; // empty: a CertificateDialog
        bool markReadOnOpen = true;
        bool notifyNewMail = true; // through QSystemTrayIcon, when the desktop has a tray
    };

    enum class Action { GetNewMail, MarkRead, MarkUnread, ToggleFlag, Delete, Undo };
    Q_ENUM(Action)

    // Neither `store` nor `vault` is owned; both must outlive the controller. `window`
    // parents the dialogs and the controller.
    MailController(Accounts::AccountStore *store, Accounts::PasswordVault *vault, Options options, QWidget *window);
    ~MailController() override;

    // Binds the views (each may be null): the tree and the list get their models here.
    void attach(FolderTreeView *folders, QTableView *messages, MessageReader *reader, QLineEdit *search);

    MailAccounts *accounts() const { return m_accounts; }
    FolderTreeModel *folderModel() const { return m_folderModel; }
    MessageListModel *messageModel() const { return m_messageModel; }
    MessageFilterProxy *messageProxy() const { return m_proxy; }
    QAction *action(Action which) const { return m_actions.value(which); }

    bool hasAccounts() const { return !m_accounts->ids().isEmpty(); }
    QString currentAccountId() const { return m_currentAccount; }
    QString currentFolder() const { return m_currentFolder; }
    // Shows the folder (selecting it in the tree when one is attached). False when the
    // account or folder is unknown.
    bool selectFolder(const QString &accountId, const QString &folder);
    // UIDs of the selected messages, in list order.
    QList<quint32> selectedUids() const;
    // The message the reader shows (or is about to); 0 for none.
    quint32 shownUid() const { return m_shownUid; }

    // The actions; each returns the id of the request it made, 0 when it made none
    // (nothing selected, no such folder, account not started).
    quint64 getNewMail();
    quint64 markRead();
    quint64 markUnread();
    quint64 toggleFlag();
    quint64 deleteSelected();
    quint64 moveTo(const QString &destination);
    // These UIDs of the current folder to the folder at `destination`, an index of
    // folderModel() (where they were dropped, say). Within one account only.
    quint64 moveMessages(const QList<quint32> &uids, const QModelIndex &destination);
    quint64 copyMessages(const QList<quint32> &uids, const QModelIndex &destination);
    bool canUndo() const { return m_undo.has_value(); }
    // Starts undoing the last move or delete: a search in the destination; the move
    // back follows when it is answered.
    quint64 undo();
    // Filters the list to what the server finds for `text`; empty text shows all.
    quint64 search(const QString &text);
    void clearSearch();

    // Adds a "Move To" submenu with the current account's folders.
    void populateMoveMenu(QMenu *menu);

    // Requests sent and not answered yet, in words (the activity list).
    QStringList activity() const { return m_accounts->activity(); }
    void setMarkReadOnOpen(bool on) { m_options.markReadOnOpen = on; }

Q_SIGNALS:
    // Words for the status bar; timeout 0 keeps them until the next message.
    void statusMessage(const QString &text, int timeoutMs);
    // Whether there is any IMAP account (the window swaps its empty states).
    void accountsChanged(bool any);
    // The folder the list shows; empty folder: none (an account, or nothing, is chosen).
    void folderChanged(const QString &accountId, const QString &folder);
    // A message is shown in the reader (true), or the reader is empty again (false).
    void messageShown(bool shown);
    // Every request ends here once: ok, or not with the reason in words.
    void requestFinished(quint64 requestId, bool ok, const QString &error);
    void activityChanged();
    void newMailArrived(const QString &accountId, const QString &folder, int count);

private:
    enum class Kind { List, Sync, Fetch, Flags, MarkOnOpen, Move, Copy, Delete, Search, UndoSearch, UndoMove };
    // What a request was for; kept until it ends.
    struct Request {
        Kind kind = Kind::List;
        QString accountId;
        QString folder;
        QString destination; // Move, Copy, Delete (the trash), UndoSearch (where they go back)
        QList<quint32> uids;
        QString description; // "Moving 2 messages to Archive"
    };
    struct UndoStep {
        quint64 requestId = 0; // the move or delete it undoes
        QString accountId;
        QString from;
        QString to;
        QList<QByteArray> messageIds;
        quint32 uidNextBefore = 0;
        int count = 0;
    };

    void createActions();
    quint64 send(
        Request request, const QString &description, MailAccounts::Call call, MailAccounts::LocalCall local = {});
    quint64 syncFolder(const QString &accountId, const QString &folder);
    quint64 setFlags(const QList<quint32> &uids, const QList<QByteArray> &add, const QList<QByteArray> &remove,
        Kind kind, const QString &description);
    quint64 transfer(
        Kind kind, const QString &accountId, const QString &from, const QList<quint32> &uids, const QString &to);

    // Answers from the engines.
    void onAccountsChanged();
    void onFoldersListed(const QString &accountId);
    void onFolderSynced(const QString &accountId, quint64 requestId, const QString &folder, int unseen, bool changed);
    void onMessageFetched(
        const QString &accountId, quint64 requestId, const QString &folder, quint32 uid, const QByteArray &message);
    void onSearchDone(const QString &accountId, quint64 requestId, const QString &folder, const QList<quint32> &uids);
    void onOperationDone(quint64 requestId, bool queued);
    void onOperationFailed(quint64 requestId, const OperationError &error);
    void onRequestFinished(quint64 requestId, bool ok, const QString &error);
    void onNewMail(const QString &accountId, const QString &folder, const QList<Imap::MessageSummary> &messages);

    // Views.
    void rebuildFolderTree();
    void onFolderActivated(const QModelIndex &index);
    void showFolder(const QString &accountId, const QString &folder);
    void reloadList();
    void afterReload(const QList<quint32> &selected, quint32 current);
    void onCurrentMessageChanged(const QModelIndex &current);
    void clearReader();
    void updateUnread(const QString &accountId, const QString &folder);
    void updateActions();
    bool isCurrent(const QString &accountId, const QString &folder) const;
    void say(const QString &text, int timeoutMs = 8000);

    Options m_options;
    QPointer<QWidget> m_window;
    MailAccounts *m_accounts;
    QHash<quint64, Request> m_requests;

    FolderTreeModel *m_folderModel;
    MessageListModel *m_messageModel;
    MessageFilterProxy *m_proxy;
    QPointer<FolderTreeView> m_folderView;
    QPointer<QTableView> m_messageView;
    QPointer<MessageReader> m_reader;
    QPointer<QLineEdit> m_searchField;
    QTimer *m_searchDelay;
    QMap<Action, QAction *> m_actions;

    QString m_currentAccount;
    QString m_currentFolder;
    bool m_listOpen = false; // setFolder() succeeded for the current folder
    bool m_reloading = false; // the list is being read again: selection changes are ours
    bool m_autoSelected = false; // INBOX was chosen for the person once
    quint32 m_shownUid = 0;
    quint64 m_fetchRequest = 0;
    quint64 m_searchRequest = 0;
    QString m_searchText;
    std::optional<UndoStep> m_undo;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace Satchel::Ui
