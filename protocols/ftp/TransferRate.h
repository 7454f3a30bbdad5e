#pragma once

#include <QtGlobal>

namespace Satchel::Ftp {

// Bytes per second and time left for one transfer, for people: sampled a few times a
// second (the queue batches progress), smoothed so the figure does not jump with
// every network hiccup (an exponential moving average, as FileZilla and curl show).
class TransferRate
{
public:
    // `bytes` transferred so far at `msecs` (any monotonic clock).
    void sample(qint64 bytes, qint64 msecs);
    void reset();

    // 0 until two samples are apart in time.
    qint64 bytesPerSecond() const { return static_cast<qint64>(m_rate); }
    // Seconds left for `total` bytes; -1 when unknown (no rate yet or no total).
    qint64 secondsLeft(qint64 bytes, qint64 total) const;

private:
    double m_rate = 0;
    qint64 m_lastBytes = -1;
    qint64 m_lastMsecs = 0;
};

} // namespace Satchel::Ftp
