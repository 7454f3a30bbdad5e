#include "protocols/imap/SelectCommand.h"

#include "protocols/imap/ImapSession.h"

namespace Satchel::Imap {

CommandArgs SelectCommand::args(const ImapSession &session) const
{
    CommandArgs a;
    a.string(session.encodeMailbox(m_folder));
    if (m_resync.uidValidity != 0 && session.isEnabled("QRESYNC")) {
        // RFC 7162 §3.2.5.1: (QRESYNC (uidvalidity modseq [known-uids]))
        a.open()
            .atom("QRESYNC")
            .open()
            .atom(QByteArray::number(m_resync.uidValidity))
            .atom(QByteArray::number(m_resync.modseq));
        if (!m_resync.knownUids.isEmpty()) {
            a.atom(m_resync.knownUids);
        }
        a.close().close();
    } else if (m_condstore && session.hasCapability("CONDSTORE")) {
        a.open().atom("CONDSTORE").close();
    }
    return a;
}

bool SelectCommand::onUntagged(const Response &response)
{
    if (response.name == "VANISHED") {
        QString problem;
        const auto data = vanishedFrom(response, &problem);
        if (data) {
            vanished += data->uids;
        } else if (error.isEmpty()) {
            error = problem;
        }
        return true;
    }
    if (response.name == "FETCH") {
        QString problem;
        const auto data = fetchFrom(response, &problem);
        if (!data || data->uid == 0) {
            if (error.isEmpty()) {
                error = data ? QStringLiteral("a FETCH during SELECT without a UID") : problem;
            }
            return true;
        }
        changed.append(FlagUpdate { data->uid, data->flags, data->modseq });
        return true;
    }
    // EXISTS, FLAGS and the OK codes are the session's; nothing else is ours.
    return response.name == "EXISTS" || response.name == "RECENT" || response.name == "FLAGS";
}

} // namespace Satchel::Imap
