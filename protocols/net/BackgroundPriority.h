#pragma once

namespace Satchel::Net {

// Lowers the calling thread's CPU priority below the GUI thread's (nice + 5 on Linux). Engines and the
// models' helper threads call it first thing on their own thread: when the CPUs are
// busy (a 100,000-message sync, the server on the same machine), the GUI thread, waking
// for a paint or a click, then gets a CPU ahead of them instead of waiting out their
// time slices. Work that has the CPUs to itself runs as fast as before.
void lowerCurrentThreadPriority();

} // namespace Satchel::Net
