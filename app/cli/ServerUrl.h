#pragma once

#include "protocols/net/TlsPolicy.h"

#include <QString>

#include <optional>

namespace Satchel::Cli {

// A server as the command line names it (../shared/CLI.md, "Addressing a server"):
// imaps:// pop3s:// ftps:// are implicit TLS; imap:// pop3:// ftp:// require the
// STARTTLS/STLS/AUTH TLS upgrade, or with --insecure-plain speak plaintext.
struct ServerUrl {
    QString protocol; // "imap", "pop3", "ftp"
    QString user;     // percent-decoded
    QString host;
    quint16 port = 0;
    Net::TlsPolicy policy = Net::TlsPolicy::ImplicitTls;
};

// `protocol` is the word before the URL; the scheme must belong to it.
std::optional<ServerUrl> parseServerUrl(const QString &protocol, const QString &text, bool insecurePlain,
                                        QString *error);

} // namespace Satchel::Cli
