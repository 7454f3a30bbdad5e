// libFuzzer target for what an FTP server sends as text: reply framing (RFC 959 §4.2)
// and the listing parsers (RFC 3659 MLSD, Unix and DOS LIST). The input is split into
// lines and fed to all of them. Beyond "no crash, no sanitizer report": every reply
// has a code from 100 to 599, and a name that passes sanitizeRemoteName is a single
// path component.
#include "protocols/ftp/FtpReply.h"
#include "protocols/ftp/ListingParser.h"

#include <cstdint>

using namespace Satchel::Ftp;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    static const QDateTime now(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);
    FtpReplyReader reader;
    bool readerFailed = false;
    for (QByteArray line : input.split('\n')) {
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (!readerFailed) {
            const auto status = reader.feed(line);
            if (status == FtpReplyReader::Status::Reply) {
                const FtpReply reply = reader.takeReply();
                if (reply.code < 100 || reply.code > 599) {
                    __builtin_trap();
                }
                (void)reply.text();
            } else if (status == FtpReplyReader::Status::Error) {
                readerFailed = reader.error().isEmpty() ? (__builtin_trap(), true) : true;
            }
        }
        for (const auto &entry : {parseMlsdLine(line), parseListLine(line, now)}) {
            if (!entry) {
                continue;
            }
            const QString safe = sanitizeRemoteName(entry->name);
            if (!safe.isEmpty() && (safe.contains(QLatin1Char('/')) || safe == QLatin1String("..") || safe == QLatin1String("."))) {
                __builtin_trap();
            }
        }
    }
    return 0;
}
