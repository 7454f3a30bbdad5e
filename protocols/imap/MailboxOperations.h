#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/imap/MessageSummary.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Satchel::Imap {

class ImapCommand;
class ImapSession;
struct SearchQuery;

using Failure = std::optional<OperationError>;

// The IMAP commands behind one request of the account engine, on its logged-in
// primary session: select a folder, check UIDs, store flags, copy/move, delete,
// fetch a message, search, list folders. Each call sends its commands and calls
// `then` once with the outcome: an empty Failure, or the error in words. If the
// session fails meanwhile, `then` is never called (the session's failed() is the
// answer; the engine handles it). One request at a time: the engine serializes them,
// so the selected folder is always the one the running request selected.
class MailboxOperations
{
public:
    enum class Access { Read, Write }; // EXAMINE or SELECT (RFC 9051 §6.3.3, §6.3.2)

    // How messages left a folder: expunged, or (a server without UIDPLUS, RFC 4315)
    // only flagged \Deleted, with their flags as the server now has them.
    struct Removal {
        bool expunged = false;
        QList<FlagUpdate> flagged;
    };

    explicit MailboxOperations(ImapSession &session);

    ImapSession &session() const { return m_session; }

    // SELECT (Write) or EXAMINE (Read) the folder, unless it is selected so already.
    // A non-zero expectedUidValidity must be the folder's UIDVALIDITY: otherwise the
    // folder was recreated since the caller's UIDs were read (RFC 9051 §2.3.1.1), and
    // they would name other messages - a NotFound failure.
    void select(const QString &folder, Access access, quint32 expectedUidValidity, std::function<void(Failure)> then);
    // A FolderSync selected the folder itself (it EXAMINEs), or a command may have
    // changed what is selected: the next select() knows.
    void assumeSelected(const QString &folder, Access access);
    void forgetSelection() { m_hasSelection = false; }
    bool isSelected(const QString &folder) const { return m_hasSelection && m_selected == folder; }
    // UNSELECT (RFC 3691) when the folder, or one below it, is selected: before it is
    // deleted or renamed. Without UNSELECT the selection is only forgotten.
    void leave(const QString &folder, std::function<void(Failure)> then);

    // Which of `uids` are in the selected folder: UID commands silently skip UIDs that
    // do not exist (RFC 9051 §6.4.8), so this is how a vanished message is noticed.
    void presentUids(const QList<quint32> &uids, std::function<void(Failure, QList<quint32>)> then);
    // UID STORE +FLAGS / -FLAGS (RFC 9051 §6.4.6); `then` gets the flags as they are now.
    void storeFlags(const QList<quint32> &uids, const QList<QByteArray> &add, const QList<QByteArray> &remove,
        std::function<void(Failure, QList<FlagUpdate>)> then);
    // UID COPY, or UID MOVE (RFC 6851) - without MOVE: COPY, then \Deleted and UID
    // EXPUNGE of exactly these (RFC 6851 §3.3). For a copy, the Removal is empty.
    void transfer(
        const QList<quint32> &uids, const QString &destination, bool move, std::function<void(Failure, Removal)> then);
    // UID STORE +FLAGS (\Deleted), then UID EXPUNGE of exactly these (RFC 4315 §2.1).
    // Without UIDPLUS a plain EXPUNGE would also remove what others marked, so the
    // messages stay flagged.
    void deleteExactly(const QList<quint32> &uids, std::function<void(Failure, Removal)> then);
    // UID FETCH uid (BODY.PEEK[]) (RFC 9051 §6.4.5): the raw message, which stays
    // unseen. Messages over BodyCache::MaxMessageSize are refused before allocating.
    void fetchMessage(quint32 uid, std::function<void(Failure, QByteArray)> then);
    // UID SEARCH (ESEARCH when offered); the UIDs sorted.
    void search(const SearchQuery &query, std::function<void(Failure, QList<quint32>)> then);
    // LIST and LSUB (RFC 3501 §6.3.9): subscribed folders get the \Subscribed
    // attribute (RFC 5258 §3.4); unread counts come from LIST-STATUS (RFC 5819).
    void listFolders(std::function<void(Failure, QList<FolderInfo>, QHash<QString, int>)> then);
    // Any command whose answer is its status (CREATE, RENAME, NOOP, ...).
    void run(std::shared_ptr<ImapCommand> command, const QString &what, std::function<void(Failure)> then);

    // A NO or BAD in words, NotFound when the server says the folder is not there
    // (RFC 5530 NONEXISTENT / TRYCREATE, or Dovecot's words), else Refused.
    static OperationError commandError(const ImapCommand &command, const QString &what);

private:
    ImapSession &m_session;
    QString m_selected;
    Access m_access = Access::Read;
    bool m_hasSelection = false;
};

} // namespace Satchel::Imap
