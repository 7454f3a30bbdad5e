#pragma once

#include "protocols/imap/ImapCommand.h"
#include "protocols/imap/ResponseData.h"

#include <functional>

namespace Satchel::Imap {

// UID FETCH set items (RFC 9051 §6.4.5, §6.4.9) — summaries (UID FLAGS RFC822.SIZE
// INTERNALDATE ENVELOPE), structure (BODYSTRUCTURE) or body sections
// (BODY.PEEK[section]<partial>, which never sets \Seen). With CONDSTORE the
// CHANGEDSINCE modifier (RFC 7162 §3.1.4.1) asks only for what changed, and with
// QRESYNC the VANISHED modifier (RFC 7162 §3.2.6) also reports expunged UIDs.
class FetchCommand : public ImapCommand
{
public:
    // What the message list needs; MODSEQ is added when CONDSTORE is on. withReferences
    // adds the References field, which ENVELOPE lacks (RFC 9051 §7.5.2) and threading
    // needs (RFC 5256 §3); PEEK, so it never sets \Seen.
    static QList<QByteArray> summaryItems(bool withReferences = false)
    {
        QList<QByteArray> items { "UID", "FLAGS", "RFC822.SIZE", "INTERNALDATE", "ENVELOPE" };
        if (withReferences) {
            items.append(referencesItem());
        }
        return items;
    }
    static QByteArray referencesItem() { return "BODY.PEEK[HEADER.FIELDS (REFERENCES)]"; }

    FetchCommand(QByteArray uidSet, QList<QByteArray> items)
        : m_uidSet(std::move(uidSet))
        , m_items(std::move(items))
    { }

    void setChangedSince(quint64 modseq, bool reportVanished)
    {
        m_changedSince = modseq;
        m_vanished = reportVanished;
    }
    // Each FETCH response as it arrives; without it, they are collected in `results`.
    void setHandler(std::function<void(FetchData &&)> handler) { m_handler = std::move(handler); }
    // Streams body sections (any literal that is the value of a BODY[...] item) to a
    // sink instead of memory: a whole message to a file.
    void setSectionSink(std::function<LiteralSink(quint64 size)> factory) { m_sinkFactory = std::move(factory); }

    QByteArray verb() const override { return "UID FETCH"; }
    CommandArgs args(const ImapSession &session) const override;
    bool onUntagged(const Response &response) override;
    LiteralSink literalSink(quint64 size, QByteArrayView textSoFar) override;

    QList<FetchData> results;
    QList<quint32> vanished; // with the VANISHED modifier

private:
    QByteArray m_uidSet;
    QList<QByteArray> m_items;
    quint64 m_changedSince = 0;
    bool m_vanished = false;
    std::function<void(FetchData &&)> m_handler;
    std::function<LiteralSink(quint64)> m_sinkFactory;
};

} // namespace Satchel::Imap
