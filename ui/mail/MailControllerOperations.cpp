// MailController: the operations the person asks for, each of which builds a request for the
// engines - get new mail, mark read or unread, flag, delete, move and copy (transfer(), which
// drops on the folder tree also use), undo, the quick search and its answer (onSearchDone(),
// which also carries an undo on to its move back) and the "Move To" menu. Construction, the
// actions, send() and the other answers are in MailController.cpp; the views in
// MailControllerViews.cpp.
#include "protocols/imap/ImapAccountEngine.h"
#include "protocols/pop3/LocalInboxEngine.h"
#include "ui/mail/CacheReader.h"
#include "ui/mail/FolderTreeModel.h"
#include "ui/mail/MailController.h"
#include "ui/mail/MailControllerPrivate.h"
#include "ui/mail/MessageFilterProxy.h"
#include "ui/mail/MessageListModel.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace Satchel::Ui {

using Imap::ImapAccountEngine;
using Pop3::LocalInboxEngine;

namespace {

// An undo searches the destination for this many Message-IDs at most (one command).
constexpr qsizetype kMaxUndoMessages = 300;

const QByteArray flaggedFlag = QByteArrayLiteral("\\Flagged");

} // namespace

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

} // namespace Satchel::Ui
