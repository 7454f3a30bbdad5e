#include "protocols/imap/CommandArgs.h"

namespace Satchel::Imap {

namespace {
// A quoted string longer than this goes as a literal: servers bound line length
// (RFC 9051 §4 recommends at least 8000 octets; Dovecot allows 64 KiB).
constexpr qsizetype kMaxQuoted = 1000;
} // namespace

void CommandArgs::separate()
{
    if (!m_afterOpen) {
        m_texts.last().append(' ');
    }
    m_afterOpen = false;
}

CommandArgs &CommandArgs::atom(QByteArrayView token)
{
    separate();
    m_texts.last().append(token);
    return *this;
}

bool CommandArgs::isQuotable(QByteArrayView bytes)
{
    if (bytes.size() > kMaxQuoted) {
        return false;
    }
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        // RFC 9051 §9 QUOTED-CHAR: any 7-bit TEXT-CHAR (no CR, LF, NUL).
        if (u == 0 || u == '\r' || u == '\n' || u >= 0x80) {
            return false;
        }
    }
    return true;
}

CommandArgs &CommandArgs::string(QByteArrayView bytes)
{
    if (!isQuotable(bytes)) {
        return literal(bytes);
    }
    separate();
    QByteArray &text = m_texts.last();
    text.append('"');
    for (const char c : bytes) {
        if (c == '"' || c == '\\') {
            text.append('\\');
        }
        text.append(c);
    }
    text.append('"');
    return *this;
}

CommandArgs &CommandArgs::literal(QByteArrayView bytes)
{
    separate();
    m_literals.append(bytes.toByteArray());
    m_texts.append(QByteArray());
    return *this;
}

CommandArgs &CommandArgs::open()
{
    separate();
    m_texts.last().append('(');
    m_afterOpen = true;
    return *this;
}

CommandArgs &CommandArgs::close()
{
    m_texts.last().append(')');
    m_afterOpen = false;
    return *this;
}

CommandArgs &CommandArgs::append(const CommandArgs &other)
{
    for (qsizetype i = 0; i < other.m_texts.size(); ++i) {
        if (i == 0) {
            if (!other.m_texts.first().isEmpty()) {
                separate();
                m_texts.last().append(other.m_texts.first());
            }
        } else {
            m_literals.append(other.m_literals.at(i - 1));
            m_texts.append(other.m_texts.at(i));
        }
    }
    if (other.m_texts.size() > 1 || !other.m_texts.first().isEmpty()) {
        m_afterOpen = other.m_afterOpen;
    }
    return *this;
}

QByteArray CommandArgs::display() const
{
    QByteArray out = m_texts.first();
    for (qsizetype i = 0; i < m_literals.size(); ++i) {
        out += '{' + QByteArray::number(m_literals.at(i).size()) + '}' + m_texts.at(i + 1);
    }
    return out;
}

} // namespace Satchel::Imap
