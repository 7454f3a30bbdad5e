#pragma once

#include "protocols/imap/ImapCommand.h"
#include "protocols/imap/ImapSession.h"

namespace Satchel::Imap {

// LOGIN user password (RFC 9051 §6.2.3). Both go as strings (quoted or literal),
// never as atoms; the whole command is a secret for the log.
class LoginCommand : public ImapCommand
{
public:
    LoginCommand(QByteArray user, QByteArray password)
        : m_user(std::move(user))
        , m_password(std::move(password))
    { }
    QByteArray verb() const override { return "LOGIN"; }
    CommandArgs args(const ImapSession &) const override { return CommandArgs().string(m_user).string(m_password); }
    Net::Secrecy secrecy() const override { return Net::Secrecy::Secret; }
    bool exclusive() const override { return true; }

private:
    QByteArray m_user;
    QByteArray m_password;
};

// AUTHENTICATE PLAIN (RFC 9051 §6.2.2, RFC 4616): the initial response on the
// command line when SASL-IR is offered (RFC 4959), else after the server's "+".
class AuthenticatePlainCommand : public ImapCommand
{
public:
    AuthenticatePlainCommand(const QByteArray &user, const QByteArray &password, bool initialResponse)
        : m_payload(QByteArray(QByteArray(1, '\0') + user + QByteArray(1, '\0') + password).toBase64())
        , m_initialResponse(initialResponse)
        , m_sent(initialResponse)
    { }
    QByteArray verb() const override { return "AUTHENTICATE"; }
    CommandArgs args(const ImapSession &) const override
    {
        CommandArgs a;
        a.atom("PLAIN");
        if (m_initialResponse) {
            // RFC 4959 §3: an empty initial response is sent as "=".
            a.atom(m_payload.isEmpty() ? QByteArray("=") : m_payload);
        }
        return a;
    }
    Net::Secrecy secrecy() const override { return Net::Secrecy::Secret; }
    bool exclusive() const override { return true; }
    void onContinuation(const Response &, ImapSession &session) override
    {
        if (m_sent) {
            // RFC 9051 §6.2.2: a second challenge for PLAIN is wrong; "*" cancels.
            session.sendContinuationLine("*", Net::Secrecy::Public);
            return;
        }
        m_sent = true;
        session.sendContinuationLine(m_payload, Net::Secrecy::Secret);
    }

private:
    QByteArray m_payload;
    bool m_initialResponse;
    bool m_sent;
};

} // namespace Satchel::Imap
