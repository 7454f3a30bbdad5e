#include "protocols/pop3/Pop3Command.h"

namespace Satchel::Pop3 {

bool ListingCommand::onBodyData(std::string_view chunk)
{
    if (m_body.size() + static_cast<qsizetype>(chunk.size()) > m_maxBytes) {
        localError = QStringLiteral("the server's %1 listing is larger than %2 MiB")
                         .arg(QString::fromLatin1(m_line), QString::number(m_maxBytes >> 20));
        return false;
    }
    m_body.append(chunk.data(), static_cast<qsizetype>(chunk.size()));
    return true;
}

void ListingCommand::onBodyEnd()
{
    lines = m_body.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty()) {
        lines.removeLast();
    }
    m_body.clear();
}

} // namespace Satchel::Pop3
