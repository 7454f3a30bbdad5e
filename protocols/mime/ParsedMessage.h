#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

typedef struct _GMimeMessage GMimeMessage;
typedef struct _GMimeObject GMimeObject;

namespace Satchel::Mime {

struct MailAddress {
    QString name;    // display name, decoded; may be empty
    QString address; // addr-spec
    QString display() const; // "Name <addr>" or "addr"
};

struct MessageHeaders {
    QString subject;
    QList<MailAddress> from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> replyTo;
    QDateTime date; // local time; invalid when missing or unreadable
    QString messageId;
    QString inReplyTo;
    QStringList references;
};

// One leaf (or nested message) of the MIME tree, as plain values.
struct PartInfo {
    QString path;     // "1", "2.1", ... as IMAP numbers body parts (RFC 3501 §6.4.5)
    QString mimeType; // "text/plain"
    QString charset;
    QString fileName; // as the message names it (RFC 2231 and RFC 2047 decoded), may be empty
    QString saveName; // sanitised: what saving it creates
    QString contentId;
    qint64 size = 0;  // decoded bytes
    int depth = 0;
    bool attachment = false;
    bool nestedMessage = false; // message/rfc822
};

struct MessageBody {
    QString text;      // Unicode, line ends "\n"; for HTML the markup as sent
    QString partPath;
    bool html = false;
};

// A message parsed with GMime 3 and walked once. Bounded: at most kMaxHeaderFields
// header fields in a header block, kMaxHeaderBytes of headers, kMaxDepth levels of
// nesting, kMaxParts parts; past those, parse() fails with the reason in words rather
// than feeding a hostile message to the parser. Charsets convert to Unicode; an
// unknown or wrong one falls back to UTF-8, then Windows-1252, never to a crash.
class ParsedMessage
{
public:
    static constexpr int kMaxHeaderFields = 1000;
    static constexpr qsizetype kMaxHeaderBytes = 1024 * 1024;
    static constexpr int kMaxDepth = 32;
    static constexpr int kMaxParts = 2000;

    static std::unique_ptr<ParsedMessage> parse(const QByteArray &raw, QString *error);
    ~ParsedMessage();
    ParsedMessage(const ParsedMessage &) = delete;
    ParsedMessage &operator=(const ParsedMessage &) = delete;

    const MessageHeaders &headers() const { return m_headers; }
    const QList<PartInfo> &parts() const { return m_parts; }
    QList<PartInfo> attachments() const;

    // The body for reading: the text/plain (format=flowed decoded) or text/html part
    // of the top-level message, never parts glued together. The plain body of an
    // HTML-only message is derived from its HTML.
    std::optional<MessageBody> plainBody() const;
    std::optional<MessageBody> htmlBody() const;

    // Decoded bytes of a part (transfer encoding removed); a nested message whole.
    QByteArray partContent(const QString &path) const;
    // The part a "cid:" URL names (RFC 2392), or an empty path.
    QString partForContentId(const QString &contentId) const;

    QByteArray raw() const { return m_raw; }

private:
    ParsedMessage() = default;
    void walk(GMimeObject *object, const QString &path, int depth, bool topLevel, QString *error);
    GMimeObject *objectAt(const QString &path) const;

    GMimeMessage *m_message = nullptr;
    QByteArray m_raw;
    MessageHeaders m_headers;
    QList<PartInfo> m_parts;
    QList<QPair<QString, GMimeObject *>> m_objects; // path -> object (owned by m_message)
    std::optional<MessageBody> m_plain;
    std::optional<MessageBody> m_html;
};

// Bytes in a declared charset to Unicode, with the fallbacks described above.
QString decodeText(const QByteArray &bytes, const QByteArray &charset);

} // namespace Satchel::Mime
