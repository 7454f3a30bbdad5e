#include "protocols/imap/MessageChanges.h"

#include "protocols/imap/BodyCache.h"
#include "protocols/imap/ImapSession.h"
#include "protocols/store/MailCache.h"

#include <QRegularExpression>

#include <algorithm>

namespace Satchel::Imap {

namespace {

using Access = MailboxOperations::Access;
using Kind = MailChange::Kind;

bool validFlag(const QByteArray &flag)
{
    // RFC 9051 §9 flag: a system flag or a keyword atom. Anything else could change
    // the command it is sent in.
    static const QRegularExpression shape(QStringLiteral("^\\\\?[A-Za-z0-9$_.:!#&'+,/;<=>?@^`|~-]+$"));
    return shape.match(QString::fromLatin1(flag)).hasMatch();
}

} // namespace

MessageChanges::MessageChanges(Store::MailCache &cache, BodyCache &bodies, Hooks hooks)
    : m_cache(cache)
    , m_bodies(bodies)
    , m_hooks(std::move(hooks))
{ }

QString MessageChanges::problemWith(const MailChange &change)
{
    if (change.folder.isEmpty()) {
        return QStringLiteral("which folder are the messages in?");
    }
    if (change.uids.isEmpty() || change.uids.contains(0)) {
        return QStringLiteral("which messages? (no UIDs were given, or UID 0)");
    }
    if (change.kind == Kind::SetFlags) {
        if (change.add.isEmpty() && change.remove.isEmpty()) {
            return QStringLiteral("no flag to set or clear was given");
        }
        for (const QByteArray &flag : change.add + change.remove) {
            if (!validFlag(flag)) {
                return QStringLiteral("'%1' is not an IMAP flag").arg(QString::fromUtf8(flag));
            }
        }
    }
    if (change.kind == Kind::Move || change.kind == Kind::Copy) {
        if (change.destination.isEmpty()) {
            return QStringLiteral("which folder should the messages go to?");
        }
        if (change.destination == change.folder) {
            return QStringLiteral("the messages are in '%1' already").arg(change.folder);
        }
    }
    return {};
}

quint32 MessageChanges::cachedUidValidity(const QString &folder)
{
    const auto cached = m_cache.folder(folder, Store::MailCache::Count::OnlyWhetherAny);
    return cached ? cached->uidValidity : 0;
}

void MessageChanges::run(
    MailboxOperations &ops, const MailChange &change, bool replaying, std::function<void(Failure)> done)
{
    // The UIDs came from the cache: they name messages only under its UIDVALIDITY.
    const quint32 validity = cachedUidValidity(change.folder);
    const Access access = change.kind == Kind::Copy ? Access::Read : Access::Write;
    ops.select(
        change.folder, access, validity, [this, &ops, change, replaying, validity, done](const Failure &failure) {
            if (failure) {
                if (validity != 0 && ops.session().isSelected() && ops.session().mailbox().uidValidity != validity) {
                    m_hooks.resync(change.folder); // the folder was replaced: its cache starts over
                }
                done(failure);
                return;
            }
            ops.presentUids(change.uids,
                [this, &ops, change, replaying, done](const Failure &lookup, const QList<quint32> &present) {
                    if (lookup) {
                        done(lookup);
                        return;
                    }
                    QList<quint32> asked = change.uids;
                    std::sort(asked.begin(), asked.end());
                    QList<quint32> gone;
                    std::set_difference(
                        asked.begin(), asked.end(), present.begin(), present.end(), std::back_inserter(gone));
                    if (!gone.isEmpty() && !m_cache.removeUids(change.folder, gone)) {
                        m_hooks.note(m_cache.lastError());
                    }
                    if (present.isEmpty()) {
                        if (replaying && change.removesMessages()) {
                            done(std::nullopt); // moved or deleted already, as it was meant to be
                            return;
                        }
                        done(OperationError { OperationError::Kind::NotFound,
                            QStringLiteral("the messages are no longer in '%1' (deleted or moved by another client)")
                                .arg(change.folder) });
                        return;
                    }
                    apply(ops, change, present, done);
                });
        });
}

void MessageChanges::apply(
    MailboxOperations &ops, const MailChange &change, const QList<quint32> &present, std::function<void(Failure)> done)
{
    const QString folder = change.folder;
    switch (change.kind) {
    case Kind::SetFlags:
        ops.storeFlags(present, change.add, change.remove,
            [this, folder, done](const Failure &failure, const QList<FlagUpdate> &updates) {
                if (!failure) {
                    storeFlags(folder, updates);
                }
                done(failure);
            });
        return;
    case Kind::Copy: {
        const QString destination = change.destination;
        ops.transfer(present, destination, false,
            [this, destination, done](const Failure &failure, const MailboxOperations::Removal &) {
                if (!failure) {
                    m_hooks.resync(destination);
                }
                done(failure);
            });
        return;
    }
    case Kind::Move:
    case Kind::Delete:
        break;
    }
    if (change.kind == Kind::Move || change.movesToTrash()) {
        const QString destination = change.destination;
        ops.transfer(present, destination, true,
            [this, folder, destination, present, done](const Failure &failure, const MailboxOperations::Removal &how) {
                if (!failure) {
                    removed(folder, present, how);
                    m_hooks.resync(destination);
                }
                done(failure);
            });
        return;
    }
    ops.deleteExactly(
        present, [this, folder, present, done](const Failure &failure, const MailboxOperations::Removal &how) {
            if (!failure) {
                removed(folder, present, how);
            }
            done(failure);
        });
}

void MessageChanges::removed(const QString &folder, const QList<quint32> &uids, const MailboxOperations::Removal &how)
{
    if (!how.expunged) {
        storeFlags(folder, how.flagged); // still there, marked \Deleted
        return;
    }
    const quint32 validity = cachedUidValidity(folder);
    if (!m_cache.removeUids(folder, uids)) {
        m_hooks.note(m_cache.lastError());
    }
    m_bodies.remove(folder, validity, uids);
}

void MessageChanges::storeFlags(const QString &folder, const QList<FlagUpdate> &updates)
{
    // A cache that cannot be written only shows old flags until the next sync.
    if (!m_cache.updateFlags(folder, updates)) {
        m_hooks.note(m_cache.lastError());
    }
}

} // namespace Satchel::Imap
