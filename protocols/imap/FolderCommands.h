#pragma once

#include "protocols/imap/ImapCommand.h"
#include "protocols/imap/ImapSession.h"

namespace Satchel::Imap {

// The folder-management commands whose answer is their tagged status alone. Each
// names its folder as the person sees it; the session encodes it for the wire.

// CREATE (RFC 9051 §6.3.4).
class CreateCommand : public ImapCommand
{
public:
    explicit CreateCommand(QString folder)
        : m_folder(std::move(folder))
    { }
    QByteArray verb() const override { return "CREATE"; }
    CommandArgs args(const ImapSession &s) const override { return CommandArgs().string(s.encodeMailbox(m_folder)); }

private:
    QString m_folder;
};

// DELETE (RFC 9051 §6.3.5).
class DeleteCommand : public ImapCommand
{
public:
    explicit DeleteCommand(QString folder)
        : m_folder(std::move(folder))
    { }
    QByteArray verb() const override { return "DELETE"; }
    CommandArgs args(const ImapSession &s) const override { return CommandArgs().string(s.encodeMailbox(m_folder)); }

private:
    QString m_folder;
};

// RENAME (RFC 9051 §6.3.6).
class RenameCommand : public ImapCommand
{
public:
    RenameCommand(QString from, QString to)
        : m_from(std::move(from))
        , m_to(std::move(to))
    { }
    QByteArray verb() const override { return "RENAME"; }
    CommandArgs args(const ImapSession &s) const override
    {
        return CommandArgs().string(s.encodeMailbox(m_from)).string(s.encodeMailbox(m_to));
    }

private:
    QString m_from;
    QString m_to;
};

// SUBSCRIBE / UNSUBSCRIBE (RFC 9051 §6.3.7, §6.3.8).
class SubscribeCommand : public ImapCommand
{
public:
    SubscribeCommand(QString folder, bool subscribe)
        : m_folder(std::move(folder))
        , m_subscribe(subscribe)
    { }
    QByteArray verb() const override { return m_subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE"; }
    CommandArgs args(const ImapSession &s) const override { return CommandArgs().string(s.encodeMailbox(m_folder)); }

private:
    QString m_folder;
    bool m_subscribe;
};

} // namespace Satchel::Imap
