#pragma once

#include "protocols/pop3/Pop3Command.h"

namespace Satchel::Pop3 {

// RETR n (RFC 1939 §7) or TOP n lines (RFC 1939 §7, optional): the message streams
// to a sink chunk by chunk as it arrives, never held whole in memory.
class RetrCommand : public Pop3Command
{
public:
    using Sink = std::function<bool(std::string_view chunk, QString *error)>;

    // lines < 0: RETR; else TOP n lines.
    RetrCommand(int number, Sink sink, int topLines = -1)
        : m_number(number)
        , m_topLines(topLines)
        , m_sink(std::move(sink))
    {
    }

    QByteArray line() const override
    {
        if (m_topLines < 0) {
            return "RETR " + QByteArray::number(m_number);
        }
        return "TOP " + QByteArray::number(m_number) + ' ' + QByteArray::number(m_topLines);
    }
    bool expectsBody(const Pop3Status &s) const override { return s.ok; }
    bool onBodyData(std::string_view chunk) override { return m_sink(chunk, &localError); }
    void onBodyEnd() override { m_complete = true; }

    int number() const { return m_number; }
    // True only when the terminating line arrived: a body cut short is not a message.
    bool isComplete() const { return m_complete; }

private:
    int m_number;
    int m_topLines;
    Sink m_sink;
    bool m_complete = false;
};

} // namespace Satchel::Pop3
