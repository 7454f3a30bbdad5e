#include "protocols/net/LogRedaction.h"

#include <QList>

namespace Satchel::Net {

namespace {

const QByteArray kRedacted("<redacted>");

// Keeps the first `keep` space-separated words of `line` and redacts the rest, if
// there is a rest.
QByteArray keepWords(const QByteArray &line, int keep)
{
    qsizetype pos = 0;
    for (int i = 0; i < keep; ++i) {
        const qsizetype space = line.indexOf(' ', pos);
        if (space < 0) {
            return line;
        }
        pos = space + 1;
    }
    return line.left(pos) + kRedacted;
}

QByteArray word(const QByteArray &line, int index)
{
    const QList<QByteArray> words = line.split(' ');
    return words.value(index).toUpper();
}

} // namespace

QByteArray redactClientLine(LogDialect dialect, const QByteArray &line, Secrecy secrecy)
{
    switch (dialect) {
    case LogDialect::Imap: {
        const QByteArray command = word(line, 1);
        if (command == "LOGIN") {
            return keepWords(line, 3); // tag LOGIN user <redacted>
        }
        if (command == "AUTHENTICATE") {
            return keepWords(line, 3); // tag AUTHENTICATE MECH <redacted initial response>
        }
        break;
    }
    case LogDialect::Pop3: {
        const QByteArray command = word(line, 0);
        if (command == "PASS") {
            return keepWords(line, 1);
        }
        if (command == "AUTH" || command == "APOP") {
            return keepWords(line, 2);
        }
        break;
    }
    case LogDialect::Ftp: {
        const QByteArray command = word(line, 0);
        if (command == "PASS" || command == "ACCT") {
            return keepWords(line, 1);
        }
        break;
    }
    case LogDialect::Generic:
        break;
    }
    return secrecy == Secrecy::Secret ? kRedacted : line;
}

} // namespace Satchel::Net
