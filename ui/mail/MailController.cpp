#include "ui/mail/MailController.h"

#include "protocols/imap/ImapAccountEngine.h"
#include "protocols/pop3/LocalInboxEngine.h"
#include "ui/mail/CacheReader.h"
#include "ui/mail/FolderTreeModel.h"
#include "ui/mail/FolderTreeView.h"
#include "ui/mail/MessageFilterProxy.h"
#include "ui/mail/MessageListModel.h"
#include "ui/mail/MessageReader.h"
#include "ui/mail/OffscreenInsertionGuard.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace Satchel::Ui {

using Imap::ImapAccountEngine;
using Pop3::LocalInboxEngine;

namespace {

// A search starts this long after the last keystroke (Return starts it at once).
constexpr int kSearchDelayMs = 500;
// An undo searches the destination for this many Message-IDs at most (one command).
constexpr qsizetype kMaxUndoMessages = 300;
// Up to this many selected messages are found again after a reload one by one.
constexpr qsizetype kRestoreByLookup = 16;

const QByteArray seenFlag = QByteArrayLiteral("\\Seen");
const QByteArray flaggedFlag = QByteArrayLiteral("\\Flagged");

QString sentence(QString text)
{
    text = text.trimmed();
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
        if (!text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('!')) && !text.endsWith(QLatin1Char('?'))) {
            text += QLatin1Char('.');
        }
    }
    return text;
}

} // namespace

MailController::MailController(
    Accounts::AccountStore *store, Accounts::PasswordVault *vault, Options options, QWidget *window)
    : QObject(window)
    , m_options(std::move(options))
    , m_window(window)
    , m_accounts(nullptr)
    , m_folderModel(new FolderTreeModel(this))
    , m_messageModel(new MessageListModel(this))
    , m_proxy(new MessageFilterProxy(this))
    , m_searchDelay(new QTimer(this))
{
    MailAccounts::Options engines;
    engines.cacheDir = m_options.cacheDir;
    engines.trust = m_options.trust;
    engines.askPassword = m_options.askPassword;
    engines.askTrust = m_options.askTrust;
    m_accounts = new MailAccounts(store, vault, std::move(engines), window);

    m_proxy->setSourceModel(m_messageModel);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        if (m_searchField) {
            search(m_searchField->text());
        }
    });
    createActions();

    connect(m_accounts, &MailAccounts::statusMessage, this, &MailController::statusMessage);
    connect(m_accounts, &MailAccounts::activityChanged, this, &MailController::activityChanged);
    connect(m_accounts, &MailAccounts::accountsChanged, this, &MailController::onAccountsChanged);
    connect(m_accounts, &MailAccounts::foldersListed, this, &MailController::onFoldersListed);
    connect(m_accounts, &MailAccounts::folderSynced, this, &MailController::onFolderSynced);
    connect(m_accounts, &MailAccounts::messageFetched, this, &MailController::onMessageFetched);
    connect(m_accounts, &MailAccounts::searchDone, this, &MailController::onSearchDone);
    connect(m_accounts, &MailAccounts::operationDone, this,
        [this](const QString &, quint64 requestId, bool queued) { onOperationDone(requestId, queued); });
    connect(m_accounts, &MailAccounts::operationFailed, this,
        [this](
            const QString &, quint64 requestId, const OperationError &error) { onOperationFailed(requestId, error); });
    connect(m_accounts, &MailAccounts::requestFinished, this, &MailController::onRequestFinished);
    connect(m_accounts, &MailAccounts::newMail, this, &MailController::onNewMail);
    onAccountsChanged(); // it read the store when it was made
}

MailController::~MailController()
{
    // The engines stop (their threads are joined) before the models they fed go.
    delete m_accounts;
}

// --- Actions --------------------------------------------------------------------

void MailController::createActions()
{
    struct Spec {
        Action which;
        QString text;
        const char *name;
        QString icon;
    };
    const Spec specs[] = {
        { Action::GetNewMail, tr("&Get New Mail"), "getNewMailAction", QStringLiteral("mail-receive") },
        { Action::MarkRead, tr("Mark as &Read"), "markReadAction", QStringLiteral("mail-mark-read") },
        { Action::MarkUnread, tr("Mark as &Unread"), "markUnreadAction", QStringLiteral("mail-mark-unread") },
        { Action::ToggleFlag, tr("&Flag"), "toggleFlagAction", QStringLiteral("mail-mark-important") },
        { Action::Delete, tr("&Delete"), "deleteAction", QStringLiteral("edit-delete") },
        { Action::Undo, tr("&Undo"), "undoAction", QStringLiteral("edit-undo") },
    };
    for (const Spec &spec : specs) {
        auto *created = new QAction(QIcon::fromTheme(spec.icon), spec.text, this);
        created->setObjectName(QLatin1String(spec.name));
        m_actions.insert(spec.which, created);
    }
    QAction *getNewMailAction = m_actions.value(Action::GetNewMail);
    getNewMailAction->setShortcut(QKeySequence::Refresh);
    connect(getNewMailAction, &QAction::triggered, this, [this] { getNewMail(); });
    connect(m_actions.value(Action::MarkRead), &QAction::triggered, this, [this] { markRead(); });
    connect(m_actions.value(Action::MarkUnread), &QAction::triggered, this, [this] { markUnread(); });
    connect(m_actions.value(Action::ToggleFlag), &QAction::triggered, this, [this] { toggleFlag(); });
    QAction *remove = m_actions.value(Action::Delete);
    remove->setShortcut(QKeySequence::Delete);
    // Only where the messages are: Delete in the folder tree must not delete mail.
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(remove, &QAction::triggered, this, [this] { deleteSelected(); });
    QAction *undoAction = m_actions.value(Action::Undo);
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setToolTip(tr("Puts the messages of the last move or delete back where they were"));
    connect(undoAction, &QAction::triggered, this, [this] { undo(); });
    updateActions();
}

void MailController::updateActions()
{
    const bool selection = m_messageView && m_messageView->selectionModel()
        && m_messageView->selectionModel()->hasSelection() && !m_currentFolder.isEmpty();
    m_actions.value(Action::GetNewMail)->setEnabled(m_accounts && hasAccounts());
    for (const Action which : { Action::MarkRead, Action::MarkUnread, Action::ToggleFlag, Action::Delete }) {
        m_actions.value(which)->setEnabled(selection);
    }
    m_actions.value(Action::Undo)->setEnabled(canUndo());
}

void MailController::say(const QString &text, int timeoutMs)
{
    Q_EMIT statusMessage(text, timeoutMs);
}

// --- Requests -------------------------------------------------------------------

quint64 MailController::send(
    Request request, const QString &description, MailAccounts::Call call, MailAccounts::LocalCall local)
{
    request.description = description;
    const quint64 requestId = m_accounts->post(request.accountId, description, std::move(call), std::move(local));
    if (requestId != 0) {
        m_requests.insert(requestId, std::move(request));
    }
    return requestId;
}

quint64 MailController::syncFolder(const QString &accountId, const QString &folder)
{
    if (folder.isEmpty()) {
        return 0;
    }
    return send(
        Request { Kind::Sync, accountId, folder, {}, {} },
        tr("Checking %1 of %2").arg(folder, m_accounts->label(accountId)),
        [folder](ImapAccountEngine &e, quint64 requestId) { e.syncFolder(requestId, folder); },
        [](LocalInboxEngine &e, quint64 requestId) { e.syncFolder(requestId); });
}

quint64 MailController::getNewMail()
{
    quint64 current = 0;
    if (!m_currentFolder.isEmpty() && !m_accounts->isLocalInbox(m_currentAccount)) {
        current = syncFolder(m_currentAccount, m_currentFolder);
    }
    const QStringList ids = m_accounts->ids();
    for (const QString &id : ids) {
        if (!m_accounts->isStarted(id)) {
            m_accounts->askPassword(id, tr("Satchel has no password for %1.").arg(m_accounts->label(id)));
            continue;
        }
        const QString inbox = m_accounts->folderWithRole(id, QStringLiteral("inbox"));
        if (m_accounts->isLocalInbox(id)) {
            // POP3: download into the Maildir; the answer is the inbox's sync.
            send(Request { Kind::Sync, id, inbox, {}, {} }, tr("Getting new mail for %1").arg(m_accounts->label(id)),
                {}, [](LocalInboxEngine &e, quint64 requestId) { e.getNewMail(requestId); });
            continue;
        }
        if (!isCurrent(id, inbox)) {
            syncFolder(id, inbox);
        }
        send(Request { Kind::List, id, {}, {}, {} }, tr("Listing the folders of %1").arg(m_accounts->label(id)),
            [](ImapAccountEngine &e, quint64 requestId) { e.listFolders(requestId); });
    }
    return current;
}

quint64 MailController::setFlags(const QList<quint32> &uids, const QList<QByteArray> &add,
    const QList<QByteArray> &remove, Kind kind, const QString &description)
{
    if (m_currentFolder.isEmpty() || uids.isEmpty()) {
        return 0;
    }
    const QString folder = m_currentFolder;
    return send(
        Request { kind, m_currentAccount, folder, {}, uids }, description,
        [folder, uids, add, remove](
            ImapAccountEngine &e, quint64 requestId) { e.setFlags(requestId, folder, uids, add, remove); },
        [uids, add, remove](LocalInboxEngine &e, quint64 requestId) { e.setFlags(requestId, uids, add, remove); });
}

quint64 MailController::markRead()
{
    const QList<quint32> uids = selectedUids();
    return setFlags(
        uids, { seenFlag }, {}, Kind::Flags, tr("Marking %n message(s) as read", nullptr, int(uids.size())));
}

quint64 MailController::markUnread()
{
    const QList<quint32> uids = selectedUids();
    return setFlags(
        uids, {}, { seenFlag }, Kind::Flags, tr("Marking %n message(s) as unread", nullptr, int(uids.size())));
}

quint64 MailController::toggleFlag()
{
    const QList<quint32> uids = selectedUids();
    // Flags them all when any is not flagged (as Thunderbird does), else clears them all.
    bool allFlagged = false;
    if (m_messageView && m_messageView->selectionModel()) {
        const QModelIndexList rows = m_messageView->selectionModel()->selectedRows();
        allFlagged = !rows.isEmpty() && std::all_of(rows.begin(), rows.end(), [](const QModelIndex &row) {
            return row.data(MessageListModel::IsFlaggedRole).toBool();
        });
    }
    if (allFlagged) {
        return setFlags(uids, {}, { flaggedFlag }, Kind::Flags,
            tr("Removing the flag from %n message(s)", nullptr, int(uids.size())));
    }
    return setFlags(uids, { flaggedFlag }, {}, Kind::Flags, tr("Flagging %n message(s)", nullptr, int(uids.size())));
}

quint64 MailController::deleteSelected()
{
    if (m_currentFolder.isEmpty()) {
        return 0;
    }
    return transfer(Kind::Delete, m_currentAccount, m_currentFolder, selectedUids(),
        m_accounts->folderWithRole(m_currentAccount, QStringLiteral("trash")));
}

quint64 MailController::moveTo(const QString &destination)
{
    return transfer(Kind::Move, m_currentAccount, m_currentFolder, selectedUids(), destination);
}

quint64 MailController::moveMessages(const QList<quint32> &uids, const QModelIndex &destination)
{
    if (destination.data(FolderTreeModel::AccountIdRole).toString() != m_currentAccount) {
        say(tr("Messages can be moved only between folders of one account."));
        return 0;
    }
    return transfer(Kind::Move, m_currentAccount, m_currentFolder, uids,
        destination.data(FolderTreeModel::FolderNameRole).toString());
}

quint64 MailController::copyMessages(const QList<quint32> &uids, const QModelIndex &destination)
{
    if (destination.data(FolderTreeModel::AccountIdRole).toString() != m_currentAccount) {
        say(tr("Messages can be copied only between folders of one account."));
        return 0;
    }
    return transfer(Kind::Copy, m_currentAccount, m_currentFolder, uids,
        destination.data(FolderTreeModel::FolderNameRole).toString());
}

quint64 MailController::transfer(
    Kind kind, const QString &accountId, const QString &from, const QList<quint32> &uids, const QString &to)
{
    if (!m_accounts->contains(accountId) || from.isEmpty() || uids.isEmpty()) {
        return 0;
    }
    if (kind != Kind::Delete) {
        if (to.isEmpty() || to == from) {
            return 0;
        }
        if (!m_accounts->hasFolder(accountId, to)) {
            say(tr("%1 has no folder %2.").arg(m_accounts->label(accountId), to));
            return 0;
        }
    }
    const int n = int(uids.size());
    QString description;
    switch (kind) {
    case Kind::Move:
        description = tr("Moving %n message(s) to %1", nullptr, n).arg(to);
        break;
    case Kind::UndoMove:
        description = tr("Moving %n message(s) back to %1", nullptr, n).arg(to);
        break;
    case Kind::Copy:
        description = tr("Copying %n message(s) to %1", nullptr, n).arg(to);
        break;
    default:
        description = to.isEmpty() || to == from ? tr("Deleting %n message(s)", nullptr, n)
                                                 : tr("Moving %n message(s) to the trash", nullptr, n);
        break;
    }

    // What undo needs is read before the messages leave the folder's cache.
    std::optional<UndoStep> undoStep;
    const bool movesOut = kind == Kind::Move || (kind == Kind::Delete && !to.isEmpty() && to != from);
    if (movesOut) {
        CacheReader *cache = m_accounts->cache(accountId);
        const QList<QByteArray> ids = cache->messageIds(from, uids);
        if (!ids.isEmpty() && ids.size() <= kMaxUndoMessages) {
            undoStep = UndoStep { 0, accountId, from, to, ids, cache->uidNext(to), n };
        }
    }

    MailAccounts::Call call;
    MailAccounts::LocalCall local; // a POP3 inbox has no other folder: only delete
    if (kind == Kind::Copy) {
        call = [from, uids, to](ImapAccountEngine &e, quint64 id) { e.copyMessages(id, from, uids, to); };
    } else if (kind == Kind::Delete) {
        call = [from, uids, to](ImapAccountEngine &e, quint64 id) { e.deleteMessages(id, from, uids, to); };
        local = [uids](LocalInboxEngine &e, quint64 id) { e.deleteMessages(id, uids); };
    } else {
        call = [from, uids, to](ImapAccountEngine &e, quint64 id) { e.moveMessages(id, from, uids, to); };
    }
    const quint64 requestId
        = send(Request { kind, accountId, from, to, uids }, description, std::move(call), std::move(local));
    if (requestId != 0 && kind != Kind::UndoMove && kind != Kind::Copy) {
        // The last move or delete is what undo undoes; one that cannot be undone ends it.
        m_undo = undoStep;
        if (m_undo) {
            m_undo->requestId = requestId;
        }
    }
    updateActions();
    return requestId;
}

quint64 MailController::undo()
{
    if (!m_undo) {
        return 0;
    }
    const UndoStep step = *m_undo;
    m_undo.reset();
    updateActions();
    // SEARCH [UID n:*] OR OR HEADER Message-ID a HEADER Message-ID b HEADER Message-ID c
    QStringList criteria;
    if (step.uidNextBefore > 0) {
        criteria << QStringLiteral("UID") << QStringLiteral("%1:*").arg(step.uidNextBefore);
    }
    for (qsizetype i = 1; i < step.messageIds.size(); ++i) {
        criteria << QStringLiteral("OR");
    }
    for (const QByteArray &messageId : step.messageIds) {
        criteria << QStringLiteral("HEADER") << QStringLiteral("Message-ID") << QString::fromUtf8(messageId);
    }
    const QString where = step.to;
    return send(Request { Kind::UndoSearch, step.accountId, step.to, step.from, {} },
        tr("Finding the %n moved message(s) in %1", nullptr, step.count).arg(step.to),
        [where, criteria](ImapAccountEngine &e, quint64 requestId) { e.search(requestId, where, criteria); });
}

quint64 MailController::search(const QString &text)
{
    const QString wanted = text.trimmed();
    if (wanted == m_searchText && (m_searchRequest != 0 || m_proxy->isFiltering())) {
        return m_searchRequest; // that search is running, or its result is shown
    }
    if (wanted.isEmpty()) {
        clearSearch();
        return 0;
    }
    m_searchText = wanted;
    m_searchRequest = 0;
    if (m_currentFolder.isEmpty()) {
        return 0;
    }
    const QString folder = m_currentFolder;
    const QStringList criteria { QStringLiteral("OR"), QStringLiteral("SUBJECT"), wanted, QStringLiteral("FROM"),
        wanted };
    m_searchRequest = send(
        Request { Kind::Search, m_currentAccount, folder, {}, {} }, tr("Searching %1 for “%2”").arg(folder, wanted),
        [folder, criteria](ImapAccountEngine &e, quint64 requestId) { e.search(requestId, folder, criteria); },
        [wanted](Pop3::LocalInboxEngine &e, quint64 requestId) { e.search(requestId, wanted); });
    return m_searchRequest;
}

void MailController::clearSearch()
{
    m_searchDelay->stop();
    m_searchText.clear();
    m_searchRequest = 0;
    m_proxy->clearUidFilter();
    if (m_searchField && !m_searchField->text().isEmpty()) {
        const QSignalBlocker quiet(m_searchField);
        m_searchField->clear();
    }
}

void MailController::populateMoveMenu(QMenu *menu)
{
    if (m_currentFolder.isEmpty()) {
        return;
    }
    QMenu *moveMenu = menu->addMenu(tr("&Move To"));
    moveMenu->setObjectName(QStringLiteral("moveToMenu"));
    QStringList names;
    const QList<Imap::FolderInfo> folders = m_accounts->folders(m_currentAccount);
    for (const Imap::FolderInfo &folder : folders) {
        if (folder.name != m_currentFolder && m_accounts->hasFolder(m_currentAccount, folder.name)) {
            names.append(folder.name);
        }
    }
    std::sort(
        names.begin(), names.end(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    for (const QString &name : std::as_const(names)) {
        QAction *item = moveMenu->addAction(name);
        connect(item, &QAction::triggered, this, [this, name] { moveTo(name); });
    }
    moveMenu->setEnabled(!names.isEmpty() && !selectedUids().isEmpty());
}

// --- Answers ----------------------------------------------------------------------

void MailController::onAccountsChanged()
{
    if (!m_currentAccount.isEmpty() && !m_accounts->contains(m_currentAccount)) {
        showFolder(QString(), QString()); // its account was removed
    }
    if (m_undo && !m_accounts->contains(m_undo->accountId)) {
        m_undo.reset();
    }
    rebuildFolderTree();
    updateActions();
    Q_EMIT accountsChanged(hasAccounts());
}

void MailController::onFoldersListed(const QString &accountId)
{
    rebuildFolderTree();
    if (!m_autoSelected && m_currentAccount.isEmpty()) {
        m_autoSelected = true; // the first folder list: INBOX is opened, as mail clients do
        selectFolder(accountId, m_accounts->folderWithRole(accountId, QStringLiteral("inbox")));
    }
}

void MailController::onFolderSynced(const QString &accountId, quint64, const QString &folder, int unseen, bool changed)
{
    // The count comes with the result (the engine counted it off this thread).
    if (unseen >= 0) {
        m_folderModel->setUnread(accountId, folder, unseen);
    } else {
        updateUnread(accountId, folder);
    }
    if (!isCurrent(accountId, folder)) {
        return;
    }
    if (changed) {
        reloadList();
    }
    if (!m_searchText.isEmpty() && m_searchRequest == 0) {
        // New mail may match: the filter is a set of UIDs, so the server is asked again.
        const QString text = m_searchText;
        m_searchText.clear();
        search(text);
    }
}

void MailController::onMessageFetched(
    const QString &accountId, quint64 requestId, const QString &folder, quint32 uid, const QByteArray &message)
{
    if (requestId != m_fetchRequest || !isCurrent(accountId, folder)) {
        return; // another message was chosen meanwhile
    }
    m_fetchRequest = 0;
    if (!m_reader) {
        return;
    }
    QString error;
    if (!m_reader->showMessage(message, &error)) {
        clearReader();
        say(tr("This message cannot be shown: %1").arg(sentence(error)), 0);
        return;
    }
    m_shownUid = uid;
    Q_EMIT messageShown(true);
    if (m_options.markReadOnOpen) {
        const int row = m_messageModel->rowOfUid(uid);
        if (row >= 0 && m_messageModel->index(row, 0).data(MessageListModel::IsUnreadRole).toBool()) {
            setFlags({ uid }, { seenFlag }, {}, Kind::MarkOnOpen, tr("Marking the message as read"));
        }
    }
}

void MailController::onSearchDone(
    const QString &accountId, quint64 requestId, const QString &folder, const QList<quint32> &uids)
{
    const Request request = m_requests.value(requestId);
    if (request.kind == Kind::UndoSearch) {
        if (uids.isEmpty()) {
            say(tr("Nothing to undo: the messages are no longer in %1.").arg(request.folder));
            return;
        }
        transfer(Kind::UndoMove, accountId, request.folder, uids, request.destination);
        return;
    }
    if (requestId != m_searchRequest || !isCurrent(accountId, folder)) {
        return;
    }
    m_searchRequest = 0;
    m_proxy->setUidFilter(QSet<quint32>(uids.begin(), uids.end()));
    say(tr("%n message(s) found.", nullptr, m_proxy->rowCount()), 5000);
}

void MailController::onOperationDone(quint64 requestId, bool queued)
{
    const auto it = m_requests.constFind(requestId);
    if (it == m_requests.constEnd()) {
        return;
    }
    const Request request = it.value();
    switch (request.kind) {
    case Kind::Flags:
    case Kind::MarkOnOpen:
        updateUnread(request.accountId, request.folder);
        if (isCurrent(request.accountId, request.folder)) {
            reloadList();
        }
        break;
    case Kind::Move:
    case Kind::UndoMove:
    case Kind::Delete: {
        updateUnread(request.accountId, request.folder);
        if (isCurrent(request.accountId, request.folder)) {
            reloadList();
        }
        if (isCurrent(request.accountId, request.destination)) {
            syncFolder(request.accountId, request.destination); // they come in with their new UIDs
        }
        if (queued) {
            break; // MailAccounts said it is kept for later
        }
        const int n = int(request.uids.size());
        if (request.kind == Kind::UndoMove) {
            say(tr("Undone: %n message(s) moved back to %1.", nullptr, n).arg(request.destination));
        } else if (request.kind == Kind::Delete
            && (request.destination.isEmpty() || request.destination == request.folder)) {
            say(tr("Deleted %n message(s).", nullptr, n));
        } else {
            QString text = tr("Moved %n message(s) to %1.", nullptr, n).arg(request.destination);
            if (canUndo()) {
                text += QLatin1Char(' ') + tr("Undo puts them back.");
            }
            say(text);
        }
        break;
    }
    case Kind::Copy:
        if (!queued) {
            say(tr("Copied %n message(s) to %1.", nullptr, int(request.uids.size())).arg(request.destination));
        }
        if (isCurrent(request.accountId, request.destination)) {
            syncFolder(request.accountId, request.destination);
        }
        break;
    default:
        break;
    }
}

void MailController::onOperationFailed(quint64 requestId, const OperationError &error)
{
    const auto it = m_requests.constFind(requestId);
    if (it == m_requests.constEnd()) {
        return; // requestId 0: MailAccounts said it already
    }
    const Request request = it.value();
    say(tr("%1 did not work: %2").arg(request.description, sentence(error.message)), 0);
    // A change the cache showed at once may be taken back by the failure.
    const bool change = request.kind == Kind::Flags || request.kind == Kind::Move || request.kind == Kind::Delete
        || request.kind == Kind::UndoMove;
    if (change && isCurrent(request.accountId, request.folder)) {
        reloadList();
    }
}

void MailController::onRequestFinished(quint64 requestId, bool ok, const QString &error)
{
    m_requests.remove(requestId);
    if (!ok) {
        if (m_undo && m_undo->requestId == requestId) {
            m_undo.reset();
            updateActions();
        }
        if (requestId == m_fetchRequest) {
            m_fetchRequest = 0;
            m_shownUid = 0;
        }
        if (requestId == m_searchRequest) {
            m_searchRequest = 0;
        }
    }
    Q_EMIT requestFinished(requestId, ok, error);
}

void MailController::onNewMail(
    const QString &accountId, const QString &folder, const QList<Imap::MessageSummary> &messages)
{
    if (messages.isEmpty()) {
        return;
    }
    const int count = int(messages.size());
    Q_EMIT newMailArrived(accountId, folder, count);
    if (!m_options.notifyNewMail || !QSystemTrayIcon::isSystemTrayAvailable()) {
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(m_window ? m_window->windowIcon() : QApplication::windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
        });
    }
    QStringList lines;
    for (const Imap::MessageSummary &message : messages.mid(0, 3)) {
        const QString from = message.envelope.from.isEmpty() ? QString() : message.envelope.from.constFirst().display();
        lines.append(
            from.isEmpty() ? message.envelope.subject : from + QStringLiteral(": ") + message.envelope.subject);
    }
    if (count > 3) {
        lines.append(tr("and %n more", nullptr, count - 3));
    }
    m_tray->showMessage(tr("%n new message(s) for %1", nullptr, count).arg(m_accounts->label(accountId)),
        lines.join(QLatin1Char('\n')), QSystemTrayIcon::Information, 10000);
}

// --- Views ------------------------------------------------------------------------

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
