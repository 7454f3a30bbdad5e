#include "protocols/ftp/NetAscii.h"

namespace Satchel::Ftp {

QByteArray NetAsciiDecoder::feed(QByteArrayView piece)
{
    QByteArray out;
    out.reserve(piece.size() + 1);
    qsizetype i = 0;
    if (m_pendingCr) {
        m_pendingCr = false;
        if (piece.isEmpty()) {
            m_pendingCr = true;
            return out;
        }
        if (piece.front() != '\n') {
            out.append('\r');
        }
    }
    for (; i < piece.size(); ++i) {
        const char c = piece[i];
        if (c == '\r') {
            if (i + 1 == piece.size()) {
                m_pendingCr = true; // decided by the next piece
                break;
            }
            if (piece[i + 1] == '\n') {
                continue; // CRLF: the LF follows
            }
        }
        out.append(c);
    }
    return out;
}

QByteArray NetAsciiDecoder::finish()
{
    const bool cr = m_pendingCr;
    m_pendingCr = false;
    return cr ? QByteArray(1, '\r') : QByteArray();
}

QByteArray toNetAscii(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size() + text.size() / 32 + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' && (i == 0 || text[i - 1] != '\r')) {
            out.append('\r');
        }
        out.append(c);
    }
    return out;
}

} // namespace Satchel::Ftp
