#include "protocols/imap/FetchCommand.h"

#include "protocols/imap/ImapSession.h"

namespace Satchel::Imap {

CommandArgs FetchCommand::args(const ImapSession &session) const
{
    CommandArgs a;
    a.atom(m_uidSet).open();
    for (const QByteArray &item : m_items) {
        a.atom(item);
    }
    if (m_changedSince > 0 && session.isEnabled("CONDSTORE") && !m_items.contains("MODSEQ")) {
        a.atom("MODSEQ");
    }
    a.close();
    if (m_changedSince > 0 && (session.isEnabled("CONDSTORE") || session.isEnabled("QRESYNC"))) {
        a.open().atom("CHANGEDSINCE").atom(QByteArray::number(m_changedSince));
        if (m_vanished && session.isEnabled("QRESYNC")) {
            a.atom("VANISHED");
        }
        a.close();
    }
    return a;
}

bool FetchCommand::onUntagged(const Response &response)
{
    if (response.name == "VANISHED" && m_vanished) {
        QString problem;
        if (const auto data = vanishedFrom(response, &problem); data && data->earlier) {
            vanished += data->uids;
            return true;
        }
        return false; // a live expunge during the fetch is the session's to report
    }
    if (response.name != "FETCH") {
        return false;
    }
    QString problem;
    std::optional<FetchData> data = fetchFrom(response, &problem);
    if (!data) {
        if (error.isEmpty()) {
            error = problem;
        }
        return true;
    }
    if (data->uid == 0) {
        // RFC 9051 §6.4.9: a UID FETCH answer always carries the UID. Without it
        // this is an unsolicited flag change (someone else's), not ours.
        return false;
    }
    if (m_handler) {
        m_handler(std::move(*data));
    } else {
        results.append(std::move(*data));
    }
    return true;
}

LiteralSink FetchCommand::literalSink(quint64 size, QByteArrayView textSoFar)
{
    if (!m_sinkFactory) {
        return {};
    }
    // textSoFar ends with "<item> {N}": stream only the value of a body section.
    QByteArrayView head = textSoFar;
    const qsizetype brace = head.lastIndexOf('{');
    if (brace <= 0) {
        return {};
    }
    head = head.first(brace).trimmed();
    const qsizetype space = head.lastIndexOf(' ');
    const QByteArrayView item = space < 0 ? head : head.sliced(space + 1);
    const qsizetype paren = item.lastIndexOf('(');
    const QByteArrayView name = paren < 0 ? item : item.sliced(paren + 1);
    if (!(name.startsWith("BODY[") || name.startsWith("body[") || name.startsWith("BINARY["))
        || !textSoFar.startsWith("* ")) {
        return {};
    }
    return m_sinkFactory(size);
}

} // namespace Satchel::Imap
