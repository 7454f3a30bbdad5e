// MailController: construction, the QActions and when they are enabled, sending requests to
// the engines (send(), syncFolder()) and the engines' answers: folder lists, syncs, fetched
// messages, operations done or failed, requests finished, new mail. The operations the person
// asks for (get new mail, flags, delete, move, copy, undo, the quick search and its answer) are
// in MailControllerOperations.cpp; the views (attach(), the folder shown, the message list and
// its selection, opening a message in the reader) in MailControllerViews.cpp.
#include "ui/mail/MailController.h"

#include "protocols/imap/ImapAccountEngine.h"
#include "protocols/pop3/LocalInboxEngine.h"
#include "ui/mail/FolderTreeModel.h"
#include "ui/mail/MailControllerPrivate.h"
#include "ui/mail/MessageFilterProxy.h"
#include "ui/mail/MessageListModel.h"
#include "ui/mail/MessageReader.h"

#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QWidget>

namespace Satchel::Ui {

using Imap::ImapAccountEngine;
using Pop3::LocalInboxEngine;

namespace {

// A search starts this long after the last keystroke (Return starts it at once).
constexpr int kSearchDelayMs = 500;

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

} // namespace Satchel::Ui
