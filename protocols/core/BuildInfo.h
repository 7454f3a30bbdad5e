#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace Satchel {

// The version of Satchel and of the libraries it runs on, as `--version` and the
// About dialog show them. Asking for the TLS library loads Qt's TLS backend, so call
// this off the GUI thread's start-up path.
struct BuildInfo {
    static QString satchelVersion();
    // (component, version) pairs: Qt, TLS backend, TLS library, GMime.
    static QList<QPair<QString, QString>> components();
};

} // namespace Satchel
