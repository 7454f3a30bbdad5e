#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Satchel::Imap {

// The arguments of one IMAP command, encoded for the wire (RFC 9051 §4.3): text
// pieces with literals between them. A literal is sent as "{N}" and waits for the
// server's "+" (or "{N+}" without waiting, RFC 7888 LITERAL+), so the session needs
// the pieces apart. Arguments are separated by one space, except right after "(".
class CommandArgs
{
public:
    // An atom or any other token sent as is (a flag, a sequence set, a keyword).
    // The caller guarantees it holds no CR, LF or NUL.
    CommandArgs &atom(QByteArrayView token);
    // A string argument (RFC 9051 §4.3 astring): a quoted string when it is short
    // 7-bit text without CR/LF/NUL, else a literal. Never an atom, so no token the
    // server gives meaning to ("NIL", "\Seen") can be smuggled in.
    CommandArgs &string(QByteArrayView bytes);
    // Always a literal: message bodies for APPEND, 8-bit search text.
    CommandArgs &literal(QByteArrayView bytes);
    CommandArgs &open(); // "("
    CommandArgs &close(); // ")"
    CommandArgs &append(const CommandArgs &other);

    // texts().size() == literals().size() + 1: text, literal, text, literal, ..., text.
    const QList<QByteArray> &texts() const { return m_texts; }
    const QList<QByteArray> &literals() const { return m_literals; }
    bool hasLiterals() const { return !m_literals.isEmpty(); }
    // The whole command as one line, literals shown as "{N}" only: for logs and tests.
    QByteArray display() const;

    static bool isQuotable(QByteArrayView bytes);

private:
    void separate();

    QList<QByteArray> m_texts { QByteArray() };
    QList<QByteArray> m_literals;
    bool m_afterOpen = true; // no space before the first argument
};

} // namespace Satchel::Imap
