#include "protocols/imap/MailboxOperations.h"

#include "protocols/imap/AppendCommand.h"
#include "protocols/imap/BodyCache.h"
#include "protocols/imap/FetchCommand.h"
#include "protocols/imap/ImapSession.h"
#include "protocols/imap/ListCommand.h"
#include "protocols/imap/SearchCommand.h"
#include "protocols/imap/SearchQuery.h"
#include "protocols/imap/SelectCommand.h"
#include "protocols/imap/StoreCommand.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <limits>

namespace Satchel::Imap {

namespace {

OperationError error(OperationError::Kind kind, const QString &message)
{
    return OperationError { kind, message };
}

} // namespace

MailboxOperations::MailboxOperations(ImapSession &session)
    : m_session(session)
{ }

OperationError MailboxOperations::commandError(const ImapCommand &command, const QString &what)
{
    if (!command.error.isEmpty() && command.isOk()) {
        return error(OperationError::Kind::Protocol, QStringLiteral("%1: %2").arg(what, command.error));
    }
    const QByteArray code = command.result.code.name;
    const QString text = command.failureText();
    // Servers without RFC 5530 codes say it in words (Dovecot: "Mailbox doesn't exist").
    const bool missing = code == "NONEXISTENT" || code == "TRYCREATE" || text.contains(QLatin1String("doesn't exist"))
        || text.contains(QLatin1String("does not exist"))
        || text.contains(QLatin1String("no such"), Qt::CaseInsensitive);
    return error(missing ? OperationError::Kind::NotFound : OperationError::Kind::Refused,
        QStringLiteral("%1: the server said %2").arg(what, text));
}

void MailboxOperations::select(
    const QString &folder, Access access, quint32 expectedUidValidity, std::function<void(Failure)> then)
{
    auto check = [this, folder, expectedUidValidity]() -> Failure {
        const quint32 now = m_session.mailbox().uidValidity;
        if (expectedUidValidity != 0 && now != expectedUidValidity) {
            return error(OperationError::Kind::NotFound,
                QStringLiteral("'%1' was replaced on the server since it was last synchronised (UIDVALIDITY %2, "
                               "now %3); the messages asked for are not there any more")
                    .arg(folder)
                    .arg(expectedUidValidity)
                    .arg(now));
        }
        return std::nullopt;
    };
    const bool enough = access == Access::Read || m_access == Access::Write;
    if (m_hasSelection && m_selected == folder && m_session.isSelected() && enough) {
        then(check());
        return;
    }
    m_hasSelection = false;
    auto select = std::make_shared<SelectCommand>(folder, access == Access::Read);
    select->onDone = [this, select, folder, access, check, then] {
        if (!select->isOk() || !select->error.isEmpty()) {
            then(commandError(*select, QStringLiteral("cannot open folder '%1'").arg(folder)));
            return;
        }
        assumeSelected(folder, access);
        then(check());
    };
    m_session.send(select);
}

void MailboxOperations::assumeSelected(const QString &folder, Access access)
{
    m_selected = folder;
    m_access = access;
    m_hasSelection = true;
}

void MailboxOperations::leave(const QString &folder, std::function<void(Failure)> then)
{
    const QChar delimiter = m_session.hierarchyDelimiter();
    const bool below = !delimiter.isNull() && m_selected.startsWith(folder + delimiter);
    const bool affected = !m_hasSelection || m_selected == folder || below;
    if (!m_session.isSelected() || !affected) {
        then(std::nullopt);
        return;
    }
    m_hasSelection = false;
    if (!m_session.hasCapability("UNSELECT")) {
        then(std::nullopt);
        return;
    }
    auto unselect = std::make_shared<CloseCommand>(false);
    unselect->onDone = [unselect, then] {
        // A refused UNSELECT leaves the folder selected; the command that follows says
        // whether that matters.
        then(std::nullopt);
    };
    m_session.send(unselect);
}

void MailboxOperations::presentUids(const QList<quint32> &uids, std::function<void(Failure, QList<quint32>)> then)
{
    auto search = std::make_shared<SearchCommand>(CommandArgs().atom("UID").atom(formatSequenceSet(uids)));
    search->onDone = [search, then] {
        if (!search->isOk() || !search->error.isEmpty()) {
            then(commandError(*search, QStringLiteral("looking for the messages")), {});
            return;
        }
        QList<quint32> found = search->uids;
        std::sort(found.begin(), found.end());
        then(std::nullopt, found);
    };
    m_session.send(search);
}

void MailboxOperations::storeFlags(const QList<quint32> &uids, const QList<QByteArray> &add,
    const QList<QByteArray> &remove, std::function<void(Failure, QList<FlagUpdate>)> then)
{
    struct State {
        int pending = 0;
        Failure failure;
        QMap<quint32, FlagUpdate> updates; // the last answer per UID wins
    };
    auto state = std::make_shared<State>();
    const QByteArray set = formatSequenceSet(uids);
    const std::pair<StoreCommand::Mode, QList<QByteArray>> stores[]
        = { { StoreCommand::Mode::Add, add }, { StoreCommand::Mode::Remove, remove } };
    std::vector<std::shared_ptr<StoreCommand>> commands;
    for (const auto &[mode, flags] : stores) {
        if (flags.isEmpty()) {
            continue;
        }
        auto store = std::make_shared<StoreCommand>(set, mode, flags);
        ++state->pending;
        store->onDone = [store, state, then] {
            if (!store->isOk() && !state->failure) {
                state->failure = commandError(*store, QStringLiteral("changing flags"));
            }
            for (const FlagUpdate &u : std::as_const(store->updated)) {
                state->updates.insert(u.uid, u);
            }
            if (--state->pending == 0) {
                then(state->failure, state->failure ? QList<FlagUpdate>() : state->updates.values());
            }
        };
        commands.push_back(store);
    }
    if (commands.empty()) {
        then(std::nullopt, {});
        return;
    }
    for (const auto &store : commands) {
        m_session.send(store); // pipelined: +FLAGS, then -FLAGS
    }
}

void MailboxOperations::transfer(
    const QList<quint32> &uids, const QString &destination, bool move, std::function<void(Failure, Removal)> then)
{
    const bool nativeMove = move && m_session.hasCapability("MOVE");
    auto copy = std::make_shared<CopyCommand>(formatSequenceSet(uids), destination, nativeMove);
    copy->onDone = [this, copy, uids, destination, move, nativeMove, then] {
        if (!copy->isOk()) {
            const QString what = move ? QStringLiteral("moving to '%1'") : QStringLiteral("copying to '%1'");
            then(commandError(*copy, what.arg(destination)), {});
            return;
        }
        if (!move) {
            then(std::nullopt, {});
            return;
        }
        if (nativeMove) {
            then(std::nullopt, Removal { true, {} });
            return;
        }
        deleteExactly(uids, then); // RFC 6851 §3.3: the copies are in place
    };
    m_session.send(copy);
}

void MailboxOperations::deleteExactly(const QList<quint32> &uids, std::function<void(Failure, Removal)> then)
{
    const QByteArray set = formatSequenceSet(uids);
    auto store = std::make_shared<StoreCommand>(set, StoreCommand::Mode::Add, QList<QByteArray> { "\\Deleted" });
    store->onDone = [this, store, set, then] {
        if (!store->isOk()) {
            then(commandError(*store, QStringLiteral("marking messages \\Deleted")), {});
            return;
        }
        if (!m_session.hasCapability("UIDPLUS")) {
            then(std::nullopt, Removal { false, store->updated });
            return;
        }
        auto expunge = std::make_shared<ExpungeCommand>(set);
        expunge->onDone = [expunge, then] {
            if (!expunge->isOk()) {
                then(commandError(*expunge, QStringLiteral("expunging the messages")), {});
                return;
            }
            then(std::nullopt, Removal { true, {} });
        };
        m_session.send(expunge);
    };
    m_session.send(store);
}

void MailboxOperations::fetchMessage(quint32 uid, std::function<void(Failure, QByteArray)> then)
{
    struct Body {
        QByteArray bytes;
        bool arrived = false;
        quint64 refusedSize = 0; // over the limit: skipped, not kept
    };
    auto body = std::make_shared<Body>();
    auto fetch = std::make_shared<FetchCommand>(QByteArray::number(uid), QList<QByteArray> { "UID", "BODY.PEEK[]" });
    fetch->setSectionSink([body](quint64 size) -> LiteralSink {
        body->arrived = true;
        if (size > static_cast<quint64>(BodyCache::MaxMessageSize)) {
            body->refusedSize = size;
            return [](QByteArrayView) { return true; }; // read past, keep nothing
        }
        body->bytes.reserve(static_cast<qsizetype>(size));
        return [body](QByteArrayView piece) {
            body->bytes.append(piece);
            return true;
        };
    });
    const QString folder = m_selected;
    fetch->onDone = [fetch, body, uid, folder, then] {
        if (!fetch->isOk() || !fetch->error.isEmpty()) {
            then(commandError(*fetch, QStringLiteral("fetching message %1").arg(uid)), {});
            return;
        }
        if (body->refusedSize > 0) {
            then(error(OperationError::Kind::LocalIo,
                     QStringLiteral("message %1 is %2 MiB; Satchel opens messages of up to %3 MiB")
                         .arg(uid)
                         .arg(body->refusedSize / (1024 * 1024))
                         .arg(BodyCache::MaxMessageSize / (1024 * 1024))),
                {});
            return;
        }
        bool found = body->arrived;
        for (const FetchData &f : std::as_const(fetch->results)) {
            for (const FetchedSection &s : f.sections) {
                if (!s.nil && !s.streamed && f.uid == uid) {
                    // A short body may come as a quoted string, which no sink sees.
                    body->bytes = s.bytes;
                    found = true;
                }
            }
        }
        if (!found) {
            then(error(OperationError::Kind::NotFound,
                     QStringLiteral("there is no message with UID %1 in '%2' any more").arg(uid).arg(folder)),
                {});
            return;
        }
        then(std::nullopt, std::move(body->bytes));
    };
    m_session.send(fetch);
}

void MailboxOperations::search(const SearchQuery &query, std::function<void(Failure, QList<quint32>)> then)
{
    const bool esearch = m_session.hasCapability("ESEARCH");
    auto search = std::make_shared<SearchCommand>(searchCommandArgs(query, m_session.utf8Accepted(), esearch));
    search->onDone = [search, then] {
        if (!search->isOk() || !search->error.isEmpty()) {
            then(commandError(*search, QStringLiteral("searching")), {});
            return;
        }
        QList<quint32> uids = search->uids;
        std::sort(uids.begin(), uids.end());
        uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
        then(std::nullopt, uids);
    };
    m_session.send(search);
}

void MailboxOperations::listFolders(std::function<void(Failure, QList<FolderInfo>, QHash<QString, int>)> then)
{
    auto list = std::make_shared<ListCommand>();
    auto subscribed = std::make_shared<ListCommand>(ListCommand::Kind::Subscribed);
    auto pending = std::make_shared<int>(2);
    auto finish = [list, subscribed, pending, then] {
        if (--*pending > 0) {
            return;
        }
        for (const auto &command : { list, subscribed }) {
            if (!command->isOk() || !command->error.isEmpty()) {
                then(commandError(*command, QStringLiteral("listing the folders")), {}, {});
                return;
            }
        }
        QSet<QString> subscribedNames;
        for (const FolderInfo &f : std::as_const(subscribed->folders)) {
            subscribedNames.insert(f.name);
        }
        QList<FolderInfo> folders = list->folders;
        for (FolderInfo &f : folders) {
            const bool marked = std::any_of(f.attributes.begin(), f.attributes.end(),
                [](const QByteArray &a) { return a.compare("\\Subscribed", Qt::CaseInsensitive) == 0; });
            if (!marked && subscribedNames.contains(f.name)) {
                f.attributes.append("\\Subscribed");
            }
        }
        QHash<QString, int> unread;
        for (auto it = list->statuses.cbegin(); it != list->statuses.cend(); ++it) {
            if (it->items.contains("UNSEEN")) {
                unread.insert(it.key(),
                    static_cast<int>(std::min<quint64>(it->items.value("UNSEEN"), std::numeric_limits<int>::max())));
            }
        }
        then(std::nullopt, folders, unread);
    };
    list->onDone = finish;
    subscribed->onDone = finish;
    m_session.send(list);
    m_session.send(subscribed);
}

void MailboxOperations::run(
    std::shared_ptr<ImapCommand> command, const QString &what, std::function<void(Failure)> then)
{
    command->onDone = [command, what, then] {
        if (!command->isOk() || !command->error.isEmpty()) {
            then(commandError(*command, what));
            return;
        }
        then(std::nullopt);
    };
    m_session.send(std::move(command));
}

} // namespace Satchel::Imap
