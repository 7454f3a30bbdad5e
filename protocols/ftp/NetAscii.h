#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Satchel::Ftp {

// ASCII type (RFC 959 §3.1.1.1): on the data connection text lines end in CRLF
// (NVT-ASCII); locally, on this system, in LF. The server converts its side; the
// client converts its own.

// CRLF → LF as the bytes arrive in pieces: a CR at the end of one piece may meet its
// LF in the next. A CR not followed by LF is kept.
class NetAsciiDecoder
{
public:
    QByteArray feed(QByteArrayView piece);
    // The end of the data: a CR still held back is written.
    QByteArray finish();

private:
    bool m_pendingCr = false;
};

// LF → CRLF for a whole text; an LF already preceded by CR is left as it is, so a
// file with CRLF line ends is not given CRCRLF.
QByteArray toNetAscii(QByteArrayView text);

} // namespace Satchel::Ftp
