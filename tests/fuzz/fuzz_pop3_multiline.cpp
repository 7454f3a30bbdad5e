// libFuzzer target for the POP3 multi-line decoder (RFC 1939 §3). Properties checked
// on every input, beyond "no crash, no sanitizer report":
//  - the result does not depend on where the stream is cut (the first byte picks the cut);
//  - the decoder never consumes more than it was given, and stops right after the end;
//  - the output is never longer than the input it consumed (stuffing only removes,
//    CRLF only shrinks to LF);
//  - a Done result ends right after a terminator line.
#include "protocols/pop3/MultiLineDecoder.h"

#include <cstdint>
#include <string>
#include <string_view>

using Satchel::Pop3::MultiLineDecoder;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1) {
        return 0;
    }
    const std::string_view input(reinterpret_cast<const char *>(data) + 1, size - 1);
    const std::size_t cut = input.empty() ? 0 : data[0] % (input.size() + 1);

    MultiLineDecoder whole(1 << 20);
    std::string wholeOut;
    std::size_t wholeUsed = 0;
    const auto wholeStatus = whole.feed(input, wholeOut, wholeUsed);

    MultiLineDecoder split(1 << 20);
    std::string splitOut;
    std::size_t used1 = 0;
    std::size_t used2 = 0;
    auto status = split.feed(input.substr(0, cut), splitOut, used1);
    if (status == MultiLineDecoder::Status::NeedMore) {
        status = split.feed(input.substr(cut), splitOut, used2);
    }

    if (wholeUsed > input.size() || used1 + used2 > input.size()) {
        __builtin_trap();
    }
    if (status != wholeStatus || splitOut != wholeOut || used1 + used2 != wholeUsed) {
        __builtin_trap();
    }
    if (wholeOut.size() > wholeUsed) {
        __builtin_trap();
    }
    if (wholeStatus == MultiLineDecoder::Status::Done) {
        // It ends right after the terminator, which is ".\r\n" or ".\n".
        const std::string_view consumed = input.substr(0, wholeUsed);
        const bool crlf = consumed.size() >= 3 && consumed.substr(consumed.size() - 3) == ".\r\n";
        const bool lf = consumed.size() >= 2 && consumed.substr(consumed.size() - 2) == ".\n";
        if (!crlf && !lf) {
            __builtin_trap();
        }
    }
    return 0;
}
