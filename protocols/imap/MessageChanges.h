#pragma once

#include "protocols/imap/MailboxOperations.h"
#include "protocols/imap/PendingChanges.h"

#include <functional>

namespace Satchel::Store {
class MailCache;
} // namespace Satchel::Store

namespace Satchel::Imap {

class BodyCache;

// Makes one MailChange on the server (setFlags, move, copy, delete) and then keeps
// the mail cache in step with what the server answered: the flags it reports, the
// messages that left the folder. Messages the server no longer has are dropped from
// the cache too; when none of the change's messages is left, the change fails as
// NotFound - except a replayed move or delete, whose aim is already reached.
// The folders that received messages are handed to `resync` (a quick FolderSync).
class MessageChanges
{
public:
    struct Hooks {
        std::function<void(const QString &folder)> resync;
        std::function<void(const QString &text)> note; // problems that fail nothing
    };

    MessageChanges(Store::MailCache &cache, BodyCache &bodies, Hooks hooks);

    // Why the change cannot be sent at all (no UIDs, a flag that is not one, ...), in
    // words; empty when it can.
    static QString problemWith(const MailChange &change);

    // Runs on `ops` (its session logged in, nothing else running). `done` is not called
    // when the session fails meanwhile.
    void run(MailboxOperations &ops, const MailChange &change, bool replaying, std::function<void(Failure)> done);

private:
    void apply(MailboxOperations &ops, const MailChange &change, const QList<quint32> &present,
        std::function<void(Failure)> done);
    void removed(const QString &folder, const QList<quint32> &uids, const MailboxOperations::Removal &how);
    void storeFlags(const QString &folder, const QList<FlagUpdate> &updates);
    quint32 cachedUidValidity(const QString &folder);

    Store::MailCache &m_cache;
    BodyCache &m_bodies;
    Hooks m_hooks;
};

} // namespace Satchel::Imap
