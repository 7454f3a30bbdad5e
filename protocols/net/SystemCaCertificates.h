#pragma once

#include <QList>
#include <QSslCertificate>

namespace Satchel::Net {

// The system's CA certificates, read once per process. Reading them costs 200-285 ms
// (288 certificates on Debian 12), so the first call must happen on an engine
// thread, never on the GUI thread; later calls return the cached list.
QList<QSslCertificate> systemCaCertificates();

} // namespace Satchel::Net
