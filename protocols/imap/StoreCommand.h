#pragma once

#include "protocols/imap/ImapCommand.h"
#include "protocols/imap/ResponseData.h"

namespace Satchel::Imap {

// UID STORE set ±FLAGS (flags) (RFC 9051 §6.4.6). With CONDSTORE and a known
// modseq, UNCHANGEDSINCE (RFC 7162 §3.1.3) makes the change conditional: messages
// changed by someone else meanwhile come back in [MODIFIED set] and keep their flags.
class StoreCommand : public ImapCommand
{
public:
    enum class Mode { Add, Remove, Replace };

    StoreCommand(QByteArray uidSet, Mode mode, QList<QByteArray> flags, quint64 unchangedSince = 0)
        : m_uidSet(std::move(uidSet))
        , m_mode(mode)
        , m_flags(std::move(flags))
        , m_unchangedSince(unchangedSince)
    { }
    QByteArray verb() const override { return "UID STORE"; }
    CommandArgs args(const ImapSession &session) const override;
    bool onUntagged(const Response &response) override;

    QList<FlagUpdate> updated; // the flags as they are now, per UID
    // UIDs whose flags were not changed because they changed since the modseq.
    QList<quint32> modified() const;

private:
    QByteArray m_uidSet;
    Mode m_mode;
    QList<QByteArray> m_flags;
    quint64 m_unchangedSince;
};

// UID COPY set folder (RFC 9051 §6.4.7), UID MOVE set folder (RFC 6851 §3.1). With
// UIDPLUS the OK carries [COPYUID validity source-set dest-set] (RFC 4315 §3).
class CopyCommand : public ImapCommand
{
public:
    CopyCommand(QByteArray uidSet, QString destination, bool move)
        : m_uidSet(std::move(uidSet))
        , m_destination(std::move(destination))
        , m_move(move)
    { }
    QByteArray verb() const override { return m_move ? "UID MOVE" : "UID COPY"; }
    CommandArgs args(const ImapSession &session) const override;
    bool onUntagged(const Response &response) override;

    QByteArray copyUid; // the COPYUID code's arguments, when sent

private:
    QByteArray m_uidSet;
    QString m_destination;
    bool m_move;
};

// UID EXPUNGE set (RFC 4315 §2.1): removes only these \Deleted messages — or, with
// an empty set, EXPUNGE (RFC 9051 §6.4.3): every \Deleted message of the folder.
class ExpungeCommand : public ImapCommand
{
public:
    explicit ExpungeCommand(QByteArray uidSet = {})
        : m_uidSet(std::move(uidSet))
    { }
    QByteArray verb() const override { return m_uidSet.isEmpty() ? "EXPUNGE" : "UID EXPUNGE"; }
    CommandArgs args(const ImapSession &) const override
    {
        return m_uidSet.isEmpty() ? CommandArgs() : CommandArgs().atom(m_uidSet);
    }
    bool onUntagged(const Response &response) override
    {
        if (response.name == "EXPUNGE") {
            ++expunged;
            return true;
        }
        if (response.name == "VANISHED") {
            QString problem;
            if (const auto data = vanishedFrom(response, &problem)) {
                expunged += data->uids.size();
            }
            return true;
        }
        return false;
    }

    qsizetype expunged = 0;

private:
    QByteArray m_uidSet;
};

} // namespace Satchel::Imap
