#include "protocols/imap/ListCommand.h"

#include "protocols/imap/ImapSession.h"

namespace Satchel::Imap {

CommandArgs ListCommand::args(const ImapSession &session) const
{
    m_utf8 = session.utf8Accepted();
    CommandArgs a;
    a.string("").string(m_pattern);
    if (m_kind == Kind::All) {
        const bool specialUse = session.hasCapability("SPECIAL-USE");
        const bool listStatus = session.hasCapability("LIST-STATUS");
        if (specialUse || listStatus) {
            // RFC 5258 §3 LIST-EXTENDED return options.
            a.atom("RETURN").open();
            if (specialUse) {
                a.atom("SPECIAL-USE");
            }
            if (listStatus) {
                a.atom("STATUS").open().atom("MESSAGES").atom("UNSEEN").close();
            }
            a.close();
        }
    }
    return a;
}

bool ListCommand::onUntagged(const Response &response)
{
    if (response.name == verb()) {
        QString problem;
        if (auto folder = listEntryFrom(response, m_utf8, &problem)) {
            folders.append(*folder);
        } else if (error.isEmpty()) {
            error = problem;
        }
        return true;
    }
    if (response.name == "STATUS" && m_kind == Kind::All) {
        QString problem;
        if (auto status = statusFrom(response, m_utf8, &problem)) {
            statuses.insert(status->name, *status);
        }
        return true;
    }
    return false;
}

CommandArgs StatusCommand::args(const ImapSession &session) const
{
    m_utf8 = session.utf8Accepted();
    CommandArgs a;
    a.string(session.encodeMailbox(m_folder))
        .open()
        .atom("MESSAGES")
        .atom("UNSEEN")
        .atom("UIDNEXT")
        .atom("UIDVALIDITY");
    if (session.hasCapability("CONDSTORE") || session.hasCapability("QRESYNC")) {
        a.atom("HIGHESTMODSEQ");
    }
    a.close();
    return a;
}

bool StatusCommand::onUntagged(const Response &response)
{
    if (response.name != "STATUS") {
        return false;
    }
    QString problem;
    status = statusFrom(response, m_utf8, &problem);
    if (!status && error.isEmpty()) {
        error = problem;
    }
    return true;
}

} // namespace Satchel::Imap
