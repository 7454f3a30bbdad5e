#include "protocols/imap/StoreCommand.h"

#include "protocols/imap/ImapSession.h"

namespace Satchel::Imap {

CommandArgs StoreCommand::args(const ImapSession &session) const
{
    CommandArgs a;
    a.atom(m_uidSet);
    if (m_unchangedSince > 0 && session.hasCapability("CONDSTORE")) {
        a.open().atom("UNCHANGEDSINCE").atom(QByteArray::number(m_unchangedSince)).close();
    }
    a.atom(m_mode == Mode::Add ? "+FLAGS" : m_mode == Mode::Remove ? "-FLAGS" : "FLAGS");
    a.open();
    for (const QByteArray &flag : m_flags) {
        a.atom(flag);
    }
    a.close();
    return a;
}

bool StoreCommand::onUntagged(const Response &response)
{
    if (response.name != "FETCH") {
        return false;
    }
    QString problem;
    const auto data = fetchFrom(response, &problem);
    if (!data || data->uid == 0 || !data->hasFlags) {
        return false; // not an answer to this STORE: let the session report it
    }
    updated.append(FlagUpdate { data->uid, data->flags, data->modseq });
    return true;
}

QList<quint32> StoreCommand::modified() const
{
    if (result.code.name != "MODIFIED") {
        return {};
    }
    return parseSequenceSet(result.code.args.trimmed()).value_or(QList<quint32>());
}

CommandArgs CopyCommand::args(const ImapSession &session) const
{
    return CommandArgs().atom(m_uidSet).string(session.encodeMailbox(m_destination));
}

bool CopyCommand::onUntagged(const Response &response)
{
    // RFC 6851 §4.3: MOVE reports [COPYUID ...] in an untagged OK before the expunges.
    if (response.status == Response::Status::Ok && response.code.name == "COPYUID") {
        copyUid = response.code.args;
        return true;
    }
    if (m_move && (response.name == "EXPUNGE" || response.name == "VANISHED")) {
        return true;
    }
    return false;
}

} // namespace Satchel::Imap
