#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace Satchel::Pop3 {

// The body of a POP3 multi-line response (RFC 1939 §3), decoded as it streams in:
// lines end in CRLF; a line that begins with "." had a "." prepended by the server
// (byte-stuffing), which is removed; the line "." alone ends the response. Output
// lines end in LF, as Maildir files do. Bare LF line ends are tolerated, a lone CR
// inside a line is kept.
//
// Push bytes with feed(); it stops right after the terminating line and reports how
// many bytes it consumed, so what follows (the next pipelined response) stays with the
// caller. Plain C++ without Qt, so the fuzz target can build it alone.
class MultiLineDecoder
{
public:
    enum class Status { NeedMore, Done, TooLarge };

    explicit MultiLineDecoder(std::uint64_t maxOutputBytes = std::uint64_t(1) << 31);

    // Decodes from `input`, appending decoded bytes to `output`. `consumed` is set
    // to how many input bytes were used (all of them unless Done or TooLarge).
    Status feed(std::string_view input, std::string &output, std::size_t &consumed);

    bool isDone() const { return m_state == State::Done; }
    std::uint64_t decodedBytes() const { return m_decoded; }
    void reset();

private:
    enum class State { LineStart, InLine, SawCr, DotAtLineStart, DotCr, Done };
    State m_state = State::LineStart;
    std::uint64_t m_decoded = 0;
    std::uint64_t m_max;
};

} // namespace Satchel::Pop3
