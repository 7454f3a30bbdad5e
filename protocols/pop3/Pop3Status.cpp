#include "protocols/pop3/Pop3Status.h"

namespace Satchel::Pop3 {

std::optional<Pop3Status> parseStatusLine(const QByteArray &line)
{
    Pop3Status status;
    QByteArray rest;
    if (line == "+OK" || line.startsWith("+OK ")) {
        status.ok = true;
        rest = line.mid(4);
    } else if (line == "-ERR" || line.startsWith("-ERR ")) {
        rest = line.mid(5);
    } else {
        return std::nullopt;
    }
    if (rest.startsWith('[')) {
        const qsizetype close = rest.indexOf(']');
        if (close > 1) {
            status.code = rest.mid(1, close - 1).toUpper();
            rest = rest.mid(close + 1).trimmed();
        }
    }
    status.text = rest;
    return status;
}

} // namespace Satchel::Pop3
