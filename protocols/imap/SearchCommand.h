#pragma once

#include "protocols/imap/ImapCommand.h"
#include "protocols/imap/ResponseData.h"

namespace Satchel::Imap {

// UID SEARCH (RFC 9051 §6.4.4) with criteria already encoded (SearchQuery builds
// them, with CHARSET UTF-8 when needed). With ESEARCH (RFC 4731) the answer comes
// as one compact "* ESEARCH ... ALL set" instead of every number.
class SearchCommand : public ImapCommand
{
public:
    explicit SearchCommand(CommandArgs criteria)
        : m_criteria(std::move(criteria))
    { }
    QByteArray verb() const override { return "UID SEARCH"; }
    CommandArgs args(const ImapSession &) const override { return m_criteria; }
    bool onUntagged(const Response &response) override
    {
        if (response.name != "SEARCH" && response.name != "ESEARCH") {
            return false;
        }
        QString problem;
        if (const auto found = searchResultsFrom(response, &problem)) {
            uids += *found;
        } else if (error.isEmpty()) {
            error = problem;
        }
        return true;
    }

    QList<quint32> uids;

private:
    CommandArgs m_criteria;
};

} // namespace Satchel::Imap
