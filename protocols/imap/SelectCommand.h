#pragma once

#include "protocols/imap/ImapCommand.h"
#include "protocols/imap/ResponseData.h"

namespace Satchel::Imap {

// SELECT / EXAMINE (RFC 9051 §6.3.2, §6.3.3). The mailbox state (EXISTS,
// UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ, flags) is kept by the session as the
// untagged data arrives. With QRESYNC (RFC 7162 §3.2.5) the server also sends what
// changed since a known modseq: VANISHED (EARLIER) and FETCH responses, kept here.
class SelectCommand : public ImapCommand
{
public:
    struct Resync {
        quint32 uidValidity = 0;
        quint64 modseq = 0;
        QByteArray knownUids; // optional: the UIDs the client has, as a set
    };

    explicit SelectCommand(QString folder, bool readOnly = false)
        : m_folder(std::move(folder))
        , m_readOnly(readOnly)
    { }

    // Ask for QRESYNC data (only when QRESYNC is enabled).
    void setResync(Resync resync) { m_resync = std::move(resync); }
    // Ask for CONDSTORE so HIGHESTMODSEQ is reported (RFC 7162 §3.1.8).
    void setCondstore(bool on) { m_condstore = on; }

    QByteArray verb() const override { return m_readOnly ? "EXAMINE" : "SELECT"; }
    CommandArgs args(const ImapSession &session) const override;
    bool selects() const override { return true; }
    bool onUntagged(const Response &response) override;

    QString folder() const { return m_folder; }
    QList<quint32> vanished; // QRESYNC: UIDs gone since the modseq
    QList<FlagUpdate> changed; // QRESYNC: flags changed since the modseq
    bool resyncRequested() const { return m_resync.uidValidity != 0; }

private:
    QString m_folder;
    bool m_readOnly;
    bool m_condstore = false;
    Resync m_resync;
};

} // namespace Satchel::Imap
