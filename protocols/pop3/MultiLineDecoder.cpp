#include "protocols/pop3/MultiLineDecoder.h"

#include <cstring>

namespace Satchel::Pop3 {

MultiLineDecoder::MultiLineDecoder(std::uint64_t maxOutputBytes)
    : m_max(maxOutputBytes)
{
}

void MultiLineDecoder::reset()
{
    m_state = State::LineStart;
    m_decoded = 0;
}

MultiLineDecoder::Status MultiLineDecoder::feed(std::string_view input, std::string &output, std::size_t &consumed)
{
    const std::size_t startSize = output.size();
    const char *const begin = input.data();
    const char *p = begin;
    const char *const end = begin + input.size();
    auto finish = [&](Status status) {
        consumed = static_cast<std::size_t>(p - begin);
        m_decoded += output.size() - startSize;
        if (status == Status::NeedMore && m_decoded > m_max) {
            return Status::TooLarge;
        }
        return status;
    };

    while (p < end) {
        switch (m_state) {
        case State::LineStart:
            if (*p == '.') {
                m_state = State::DotAtLineStart;
                ++p;
                break;
            }
            m_state = State::InLine;
            break;
        case State::InLine: {
            // The hot path: copy up to the next CR or LF in one go.
            const char *stop = p;
            while (stop < end && *stop != '\r' && *stop != '\n') {
                ++stop;
            }
            output.append(p, static_cast<std::size_t>(stop - p));
            p = stop;
            if (p == end) {
                break;
            }
            if (*p == '\n') {
                output.push_back('\n');
                m_state = State::LineStart;
            } else {
                m_state = State::SawCr;
            }
            ++p;
            break;
        }
        case State::SawCr:
            if (*p == '\n') {
                output.push_back('\n');
                m_state = State::LineStart;
                ++p;
            } else {
                output.push_back('\r'); // a CR inside a line is content
                m_state = State::InLine;
            }
            break;
        case State::DotAtLineStart:
            if (*p == '\r') {
                m_state = State::DotCr;
                ++p;
            } else if (*p == '\n') {
                ++p; // ".\n": a terminator with a bare LF
                m_state = State::Done;
                return finish(Status::Done);
            } else {
                m_state = State::InLine; // byte-stuffed: the leading dot is dropped
            }
            break;
        case State::DotCr:
            if (*p == '\n') {
                ++p;
                m_state = State::Done;
                return finish(Status::Done);
            }
            output.push_back('\r'); // ".\rX": the dot was stuffing, the CR content
            m_state = State::InLine;
            break;
        case State::Done:
            return finish(Status::Done);
        }
        if (m_decoded + (output.size() - startSize) > m_max) {
            return finish(Status::TooLarge);
        }
    }
    return finish(m_state == State::Done ? Status::Done : Status::NeedMore);
}

} // namespace Satchel::Pop3
