#include "protocols/ftp/TransferRate.h"

#include <cmath>

namespace Satchel::Ftp {

namespace {
// Weight of the newest sample: with 4 samples a second the figure follows a change
// within about a second and a half.
constexpr double kSmoothing = 0.3;
} // namespace

void TransferRate::sample(qint64 bytes, qint64 msecs)
{
    if (m_lastBytes < 0 || bytes < m_lastBytes) {
        m_lastBytes = bytes;
        m_lastMsecs = msecs;
        return; // first sample, or the transfer restarted
    }
    const qint64 elapsed = msecs - m_lastMsecs;
    if (elapsed <= 0) {
        return;
    }
    const double instant = static_cast<double>(bytes - m_lastBytes) * 1000.0 / static_cast<double>(elapsed);
    m_rate = m_rate == 0 ? instant : kSmoothing * instant + (1 - kSmoothing) * m_rate;
    m_lastBytes = bytes;
    m_lastMsecs = msecs;
}

void TransferRate::reset()
{
    *this = TransferRate();
}

qint64 TransferRate::secondsLeft(qint64 bytes, qint64 total) const
{
    if (total < 0 || m_rate < 1) {
        return -1;
    }
    return static_cast<qint64>(std::ceil(static_cast<double>(std::max<qint64>(total - bytes, 0)) / m_rate));
}

} // namespace Satchel::Ftp
