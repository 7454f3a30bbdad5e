#pragma once

#include "protocols/imap/ImapCommand.h"
#include "protocols/imap/ImapSession.h"

#include <QDateTime>

namespace Satchel::Imap {

// APPEND folder [(flags)] [date-time] literal (RFC 9051 §6.3.12). The message goes
// as one literal (non-synchronizing with LITERAL+). With UIDPLUS the OK carries
// [APPENDUID validity uid] (RFC 4315 §3): the new message's UID.
class AppendCommand : public ImapCommand
{
public:
    AppendCommand(QString folder, QByteArray message, QList<QByteArray> flags = {}, QDateTime date = {})
        : m_folder(std::move(folder))
        , m_message(std::move(message))
        , m_flags(std::move(flags))
        , m_date(std::move(date))
    { }
    QByteArray verb() const override { return "APPEND"; }
    CommandArgs args(const ImapSession &session) const override
    {
        CommandArgs a;
        a.string(session.encodeMailbox(m_folder));
        if (!m_flags.isEmpty()) {
            a.open();
            for (const QByteArray &flag : m_flags) {
                a.atom(flag);
            }
            a.close();
        }
        if (m_date.isValid()) {
            a.string(QByteArray(m_date.toString(QStringLiteral("dd-MMM-yyyy hh:mm:ss")).toLatin1() + ' ' + zone()));
        }
        return a.literal(m_message);
    }

    // The UID the server gave the message, 0 when it did not say (no UIDPLUS).
    quint32 appendedUid() const
    {
        if (result.code.name != "APPENDUID") {
            return 0;
        }
        const QList<QByteArray> parts = result.code.args.trimmed().split(' ');
        return parts.size() == 2 ? parts.at(1).toUInt() : 0;
    }

private:
    QByteArray zone() const
    {
        const int offset = m_date.offsetFromUtc() / 60;
        const int a = offset < 0 ? -offset : offset;
        return QByteArray(offset < 0 ? "-" : "+") + QByteArray::number(a / 60).rightJustified(2, '0')
            + QByteArray::number(a % 60).rightJustified(2, '0');
    }

    QString m_folder;
    QByteArray m_message;
    QList<QByteArray> m_flags;
    QDateTime m_date;
};

// IDLE (RFC 2177): after the server's "+", changes arrive as untagged data until
// the client sends DONE. Servers may drop an idle client after 30 minutes (RFC
// 2177 §3), so the owner ends and restarts IDLE before 29.
class IdleCommand : public ImapCommand
{
public:
    QByteArray verb() const override { return "IDLE"; }
    bool exclusive() const override { return true; }
    void onContinuation(const Response &, ImapSession &) override
    {
        m_idling = true;
        if (onIdling) {
            onIdling();
        }
    }
    bool isIdling() const { return m_idling; }

    std::function<void()> onIdling;

private:
    bool m_idling = false;
};

// CLOSE (RFC 9051 §6.4.1: expunges silently) and UNSELECT (RFC 3691: does not).
class CloseCommand : public ImapCommand
{
public:
    explicit CloseCommand(bool expunge)
        : m_expunge(expunge)
    { }
    QByteArray verb() const override { return m_expunge ? "CLOSE" : "UNSELECT"; }
    bool deselects() const override { return true; }

private:
    bool m_expunge;
};

// NOOP (RFC 9051 §6.1.2): a poll for changes, and a keep-alive.
class NoopCommand : public ImapCommand
{
public:
    QByteArray verb() const override { return "NOOP"; }
};

} // namespace Satchel::Imap
