#include "protocols/ftp/FtpReply.h"

namespace Satchel::Ftp {

QString FtpReply::text() const
{
    QStringList parts;
    for (const QByteArray &line : lines) {
        const QString t = QString::fromUtf8(line).trimmed();
        if (!t.isEmpty()) {
            parts << t;
        }
    }
    return parts.join(QLatin1Char(' '));
}

std::optional<int> replyCode(const QByteArray &line)
{
    if (line.size() < 3 || line.at(0) < '1' || line.at(0) > '5' || line.at(1) < '0' || line.at(1) > '9' || line.at(2) < '0'
        || line.at(2) > '9') {
        return std::nullopt;
    }
    return (line.at(0) - '0') * 100 + (line.at(1) - '0') * 10 + (line.at(2) - '0');
}

FtpReplyReader::Status FtpReplyReader::feed(const QByteArray &line)
{
    const std::optional<int> code = replyCode(line);
    if (m_code == 0) {
        // The first line of a reply: "DDD" alone, "DDD text" or "DDD-text".
        if (!code || (line.size() > 3 && line.at(3) != ' ' && line.at(3) != '-')) {
            m_error = QStringLiteral("the server sent a line that is not an FTP reply: '%1'")
                          .arg(QString::fromUtf8(line.left(80)));
            return Status::Error;
        }
        m_reply = FtpReply{*code, {line.mid(4)}};
        if (line.size() > 3 && line.at(3) == '-') {
            m_code = *code;
            return Status::NeedMore;
        }
        m_done = std::move(m_reply);
        m_reply = {};
        return Status::Reply;
    }
    if (code && *code == m_code && line.size() >= 4 && line.at(3) == ' ') {
        m_reply.lines.append(line.mid(4));
        m_code = 0;
        m_done = std::move(m_reply);
        m_reply = {};
        return Status::Reply;
    }
    if (m_reply.lines.size() >= kMaxLines) {
        m_error = QStringLiteral("the server sent a reply of more than %1 lines").arg(kMaxLines);
        return Status::Error;
    }
    // Inside a multi-line reply; RFC 959 §4.2 lets such lines start with anything.
    // "DDD-" repeated on every line is common; the prefix is dropped then.
    m_reply.lines.append(code && *code == m_code && line.size() >= 4 && line.at(3) == '-' ? line.mid(4) : line);
    return Status::NeedMore;
}

FtpReply FtpReplyReader::takeReply()
{
    FtpReply reply = std::move(m_done);
    m_done = {};
    return reply;
}

} // namespace Satchel::Ftp
