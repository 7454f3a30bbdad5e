#pragma once

#include "protocols/net/LogRedaction.h"
#include "protocols/pop3/Pop3Status.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <string>
#include <string_view>

namespace Satchel::Pop3 {

// One POP3 command in flight (RFC 1939 §3): the line sent, then a status line, then
// for some commands on +OK a multi-line body, which arrives in decoded chunks.
// Pop3Session sends commands in order and hands each its own response; with
// PIPELINING (RFC 2449 §6.6) several are in flight at once.
class Pop3Command
{
public:
    virtual ~Pop3Command() = default;

    virtual QByteArray line() const = 0;
    virtual Net::Secrecy secrecy() const { return Net::Secrecy::Public; }
    // Whether a multi-line body follows this status (only ever on +OK).
    virtual bool expectsBody(const Pop3Status &reply) const
    {
        Q_UNUSED(reply)
        return false;
    }
    // Decoded body bytes (LF line ends). False: a local error; the session stops.
    virtual bool onBodyData(std::string_view chunk)
    {
        Q_UNUSED(chunk)
        return true;
    }
    // The whole body has arrived (the terminating "." line was seen).
    virtual void onBodyEnd() {}

    Pop3Status status;
    QString localError; // set by onBodyData when it returns false
    std::function<void()> onDone; // runs when the response is complete
};

// A command whose answer is one status line: USER, PASS, STLS, DELE, RSET, NOOP, QUIT,
// AUTH PLAIN with an initial response, APOP.
class SimpleCommand : public Pop3Command
{
public:
    explicit SimpleCommand(QByteArray line, Net::Secrecy secrecy = Net::Secrecy::Public)
        : m_line(std::move(line))
        , m_secrecy(secrecy)
    {
    }
    QByteArray line() const override { return m_line; }
    Net::Secrecy secrecy() const override { return m_secrecy; }

private:
    QByteArray m_line;
    Net::Secrecy m_secrecy;
};

// A command whose +OK carries a listing (CAPA, LIST, UIDL): the decoded body is kept,
// bounded, and split into lines when it ends.
class ListingCommand : public Pop3Command
{
public:
    explicit ListingCommand(QByteArray line, qsizetype maxBytes = 64 * 1024 * 1024)
        : m_line(std::move(line))
        , m_maxBytes(maxBytes)
    {
    }
    QByteArray line() const override { return m_line; }
    bool expectsBody(const Pop3Status &s) const override { return s.ok; }
    bool onBodyData(std::string_view chunk) override;
    void onBodyEnd() override;

    QList<QByteArray> lines;

private:
    QByteArray m_line;
    qsizetype m_maxBytes;
    QByteArray m_body;
};

} // namespace Satchel::Pop3
