#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Satchel::Ftp {

// One FTP reply (RFC 959 §4.2): a three-digit code and its text lines.
struct FtpReply {
    int code = 0;
    QList<QByteArray> lines; // the text of each line, without the code prefix
    QString text() const;    // the lines joined, for messages in words

    bool isPreliminary() const { return code >= 100 && code < 200; }
    bool isPositive() const { return code >= 200 && code < 300; }
    bool isIntermediate() const { return code >= 300 && code < 400; }
    bool isTransientError() const { return code >= 400 && code < 500; }
    bool isPermanentError() const { return code >= 500 && code < 600; }
};

// Framing of FTP replies, one line at a time (RFC 959 §4.2): "DDD text" is a whole
// reply; "DDD-text" opens a multi-line reply that ends at the first line starting with
// the same code and a space. Lines in between may be anything. Bounded: a reply of
// more than kMaxLines lines is an error, as is a first line that is not a code.
class FtpReplyReader
{
public:
    static constexpr int kMaxLines = 10000;

    enum class Status { NeedMore, Reply, Error };

    // Feeds one line (without CRLF). On Reply, takeReply() has it; on Error, error() says why.
    Status feed(const QByteArray &line);
    FtpReply takeReply();
    QString error() const { return m_error; }
    bool inMultiLine() const { return m_code != 0; }

private:
    int m_code = 0; // the code of an open multi-line reply
    FtpReply m_reply;
    FtpReply m_done;
    QString m_error;
};

// The code of "DDD" at the start of a line, if it is one (1..5 followed by two digits).
std::optional<int> replyCode(const QByteArray &line);

} // namespace Satchel::Ftp
