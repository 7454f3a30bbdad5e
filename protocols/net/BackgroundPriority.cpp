#include "protocols/net/BackgroundPriority.h"

#include <QThread>

#if defined(Q_OS_LINUX)
#include <algorithm>
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace Satchel::Net {

namespace {
#if defined(Q_OS_LINUX)
// A nice value of 5 gives the thread a third of a default thread's CPU share (the
// kernel's weights: 1024 at 0, 335 at 5) and shorter claims on a CPU, without starving
// it when the GUI is busy too.
constexpr int kBackgroundNice = 5;
constexpr int kLowestNice = 19;
#endif
} // namespace

void lowerCurrentThreadPriority()
{
#if defined(Q_OS_LINUX)
    // On Linux a nice value belongs to the thread (setpriority on its tid, man 2
    // setpriority, "BUGS"); QThread's priorities map to SCHED_OTHER's one static
    // priority there and change nothing.
    // - Relative to the value the thread started with (its creator's): under "nice 10"
    //   the engines go to 15, never back up to 5, above a GUI thread at 10.
    // - Raising one's own nice value needs no privilege; if it fails anyway, the thread
    //   keeps the value it has.
    // - Threads this one starts later (Qt's host lookups, for one) inherit the value.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (current == -1 && errno != 0) {
        return;
    }
    ::setpriority(PRIO_PROCESS, tid, std::min(current + kBackgroundNice, kLowestNice));
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

} // namespace Satchel::Net
