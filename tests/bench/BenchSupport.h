#pragma once

// What the window benchmarks share (tests/bench/bench_*_window.cpp): the gaps between
// the ticks of a 1 ms timer on the GUI thread (the event loop's stalls), a paint watch,
// and reading the env files tests/servers scripts write.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace Satchel::Bench {

constexpr double kStallMaxMs = 16;
constexpr double kStallP99Ms = 8;

[[noreturn]] inline void die(const QString &text)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(text));
    std::fflush(stderr);
    std::exit(1);
}

inline double toMs(qint64 ns)
{
    return double(ns) / 1e6;
}

inline QString fmt(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

// KEY=VALUE lines, as tests/servers/*.sh write them; a value may be in double quotes.
inline QHash<QString, QString> readEnvFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        die(QStringLiteral("cannot read the env file %1: %2").arg(path, file.errorString()));
    }
    QHash<QString, QString> values;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const qsizetype eq = line.indexOf(u'=');
        if (line.isEmpty() || line.startsWith(u'#') || eq <= 0) {
            continue;
        }
        QString value = line.mid(eq + 1);
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"')) {
            value = value.mid(1, value.size() - 2);
        }
        values.insert(line.left(eq), value);
    }
    return values;
}

// --- Gaps between the ticks of a 1 ms timer on the GUI thread -------------------------

// Where a gap's time went, from the kernel's account of the GUI thread
// (/proc/thread-self/schedstat, Documentation/scheduler/sched-stats.rst): ranNs on a
// CPU (our code, or the kernel for it), waitedNs runnable but waiting for a CPU (other
// threads and processes had them); the rest it slept (the timer was not due yet, or
// it blocked). -1 when the kernel keeps no such account.
struct Gap {
    qint64 endNs; // since the recorder started
    qint64 ns;
    qint64 ranNs = -1;
    qint64 waitedNs = -1;
};

struct GapStats {
    qsizetype count = 0;
    double maxMs = 0;
    double p99Ms = 0;
    double p50Ms = 0;
    qsizetype over16 = 0;
};

// Nearest rank.
inline double percentile(const std::vector<qint64> &sorted, double q)
{
    if (sorted.empty()) {
        return 0;
    }
    const auto rank = size_t(std::ceil(q * double(sorted.size())));
    return toMs(sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1]);
}

inline GapStats summarize(const std::vector<Gap> &gaps)
{
    std::vector<qint64> ns;
    ns.reserve(gaps.size());
    for (const Gap &g : gaps) {
        ns.push_back(g.ns);
    }
    std::sort(ns.begin(), ns.end());
    GapStats s;
    s.count = qsizetype(ns.size());
    s.maxMs = ns.empty() ? 0 : toMs(ns.back());
    s.p99Ms = percentile(ns, 0.99);
    s.p50Ms = percentile(ns, 0.50);
    s.over16 = std::count_if(ns.begin(), ns.end(), [](qint64 v) { return toMs(v) > kStallMaxMs; });
    return s;
}

class GapRecorder
{
public:
    GapRecorder()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            Gap gap { now, now - m_last };
            qint64 ran = 0;
            qint64 waited = 0;
            if (readSchedstat(&ran, &waited)) {
                if (m_lastRan >= 0) {
                    gap.ranNs = ran - m_lastRan;
                    gap.waitedNs = waited - m_lastWaited;
                }
                m_lastRan = ran;
                m_lastWaited = waited;
            } else {
                m_lastRan = -1;
            }
            m_gaps.push_back(gap);
            m_last = now;
        });
    }
    ~GapRecorder()
    {
        if (m_schedstat >= 0) {
            ::close(m_schedstat);
        }
    }
    GapRecorder(const GapRecorder &) = delete;
    GapRecorder &operator=(const GapRecorder &) = delete;

    // On the GUI thread: the schedstat file opened is this thread's.
    void start()
    {
        m_gaps.clear();
        m_gaps.reserve(1 << 16);
        if (m_schedstat < 0) {
            m_schedstat = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
        }
        m_lastRan = -1;
        qint64 ran = 0;
        qint64 waited = 0;
        if (readSchedstat(&ran, &waited)) {
            m_lastRan = ran;
            m_lastWaited = waited;
        }
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    // Since start().
    qint64 nowNs() const { return m_clock.nsecsElapsed(); }
    const std::vector<Gap> &gaps() const { return m_gaps; }

private:
    // "<ns on a CPU> <ns waiting on a run queue> <timeslices>"
    bool readSchedstat(qint64 *ran, qint64 *waited) const
    {
        char text[96];
        if (m_schedstat < 0) {
            return false;
        }
        const ssize_t n = ::pread(m_schedstat, text, sizeof text - 1, 0);
        if (n <= 0) {
            return false;
        }
        text[n] = '\0';
        char *end = nullptr;
        *ran = qint64(std::strtoull(text, &end, 10));
        *waited = qint64(std::strtoull(end, nullptr, 10));
        return *ran > 0; // a running thread has run: zeros mean the kernel keeps no account
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<Gap> m_gaps;
    int m_schedstat = -1;
    qint64 m_lastRan = -1;
    qint64 m_lastWaited = 0;
};

// Runs the event loop for ms milliseconds.
inline void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Notes that the view's viewport got a paint event. The event is seen before the view
// paints; once processEvents() has returned, the paint is done.
class PaintWatch : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            painted = true;
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace Satchel::Bench
