#pragma once

#include "protocols/imap/CommandArgs.h"
#include "protocols/imap/Response.h"
#include "protocols/net/LogRedaction.h"

#include <QString>

#include <functional>

namespace Satchel::Imap {

class ImapSession;

// One IMAP command (RFC 9051 §2.2.1): a tagged line with its arguments, the untagged
// data the server sends while it runs, and its tagged completion. The operation
// classes derive from it; ImapSession sends them, pipelined where safe, and routes
// each response to the command it belongs to.
class ImapCommand
{
public:
    virtual ~ImapCommand() = default;

    // "UID FETCH", "SELECT": what goes after the tag.
    virtual QByteArray verb() const = 0;
    // What follows the verb (may be empty). Called once, when the command is sent.
    virtual CommandArgs args(const ImapSession &session) const
    {
        Q_UNUSED(session)
        return {};
    }
    virtual Net::Secrecy secrecy() const { return Net::Secrecy::Public; }
    // Whether nothing else may be in flight with it (RFC 9051 §5.5): STARTTLS,
    // AUTHENTICATE, IDLE, LOGOUT, and commands that change the selected mailbox.
    virtual bool exclusive() const { return false; }
    // Whether it selects a mailbox (SELECT, EXAMINE): the session then expects
    // mailbox data, and forgets the old mailbox's state.
    virtual bool selects() const { return false; }
    // Whether it leaves the selected state (CLOSE, UNSELECT).
    virtual bool deselects() const { return false; }

    // Untagged data or status while this command runs; true when it was this
    // command's to take. The session has already checked it fits the state.
    virtual bool onUntagged(const Response &response)
    {
        Q_UNUSED(response)
        return false;
    }
    // A "+" continuation that is not for one of our literals (AUTHENTICATE, IDLE).
    virtual void onContinuation(const Response &response, ImapSession &session)
    {
        Q_UNUSED(response)
        Q_UNUSED(session)
    }
    // A literal is about to arrive while this command runs: a sink streams it (a
    // message body written to a file); none keeps it in memory.
    virtual LiteralSink literalSink(quint64 size, QByteArrayView textSoFar)
    {
        Q_UNUSED(size)
        Q_UNUSED(textSoFar)
        return {};
    }
    // The tagged response has arrived (or the session failed: then result is empty).
    virtual void onTagged(const Response &response) { Q_UNUSED(response) }

    bool isOk() const { return result.status == Response::Status::Ok; }
    // The server's words for a NO or BAD, or the local error.
    QString failureText() const;

    QByteArray tag;
    Response result; // the tagged completion (its status, code and text)
    QString error; // set by an operation that found the server's data wrong
    std::function<void()> onDone;
};

// A command whose answer is only its tagged status: CREATE, DELETE, RENAME,
// SUBSCRIBE, UNSUBSCRIBE, EXPUNGE, CLOSE, UNSELECT, NOOP, CHECK, STARTTLS, LOGOUT.
class StatusOnlyCommand : public ImapCommand
{
public:
    StatusOnlyCommand(QByteArray verb, CommandArgs args = {}, bool exclusive = false)
        : m_verb(std::move(verb))
        , m_args(std::move(args))
        , m_exclusive(exclusive)
    { }
    QByteArray verb() const override { return m_verb; }
    CommandArgs args(const ImapSession &) const override { return m_args; }
    bool exclusive() const override { return m_exclusive; }

private:
    QByteArray m_verb;
    CommandArgs m_args;
    bool m_exclusive;
};

} // namespace Satchel::Imap
