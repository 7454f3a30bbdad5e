#pragma once

#include "protocols/imap/ImapCommand.h"
#include "protocols/imap/ResponseData.h"

namespace Satchel::Imap {

// LIST "" "*" (RFC 9051 §6.3.9), asking for special-use attributes (RFC 6154 §5.1)
// and, with LIST-STATUS (RFC 5819), message counts in the same round trip. LSUB
// (RFC 3501 §6.3.9) lists subscribed folders.
class ListCommand : public ImapCommand
{
public:
    enum class Kind { All, Subscribed };
    explicit ListCommand(Kind kind = Kind::All, QByteArray pattern = "*")
        : m_kind(kind)
        , m_pattern(std::move(pattern))
    { }

    QByteArray verb() const override { return m_kind == Kind::All ? "LIST" : "LSUB"; }
    CommandArgs args(const ImapSession &session) const override;
    bool onUntagged(const Response &response) override;

    QList<FolderInfo> folders;
    QHash<QString, StatusData> statuses; // from LIST-STATUS, by folder name

private:
    Kind m_kind;
    QByteArray m_pattern;
    mutable bool m_utf8 = false; // learned when the command is sent
};

// STATUS folder (MESSAGES UNSEEN UIDNEXT UIDVALIDITY [HIGHESTMODSEQ]) (RFC 9051
// §6.3.11; HIGHESTMODSEQ from RFC 7162 §3.1.6).
class StatusCommand : public ImapCommand
{
public:
    explicit StatusCommand(QString folder)
        : m_folder(std::move(folder))
    { }
    QByteArray verb() const override { return "STATUS"; }
    CommandArgs args(const ImapSession &session) const override;
    bool onUntagged(const Response &response) override;

    std::optional<StatusData> status;

private:
    QString m_folder;
    mutable bool m_utf8 = false; // learned when the command is sent
};

} // namespace Satchel::Imap
