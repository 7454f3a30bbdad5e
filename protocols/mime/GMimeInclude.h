#pragma once

// The one way to include GMime. glib's headers use `signals` as an identifier, which
// Qt defines as a keyword macro unless QT_NO_KEYWORDS is set; push it out of the way
// so this header works in any translation unit.
#pragma push_macro("signals")
#undef signals
#include <gmime/gmime.h>
#pragma pop_macro("signals")
