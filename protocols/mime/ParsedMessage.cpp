#include "protocols/mime/ParsedMessage.h"

#include "protocols/mime/AttachmentName.h"
#include "protocols/mime/GMimeInclude.h"
#include "protocols/mime/GMimeRuntime.h"
#include "protocols/mime/PlainText.h"

#include <QMimeDatabase>
#include <QUrl>
#include <QStringDecoder>

namespace Satchel::Mime {

namespace {

QString fromUtf8(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

QList<MailAddress> addresses(InternetAddressList *list)
{
    QList<MailAddress> result;
    if (!list) {
        return result;
    }
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count && result.size() < 1000; ++i) {
        InternetAddress *ia = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
            result.append({fromUtf8(internet_address_get_name(ia)),
                           fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)))});
        } else if (INTERNET_ADDRESS_IS_GROUP(ia)) {
            result += addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)));
        }
    }
    return result;
}

// Counts header fields and bytes of the top-level header block (RFC 5322 §2.2: a
// field starts at a line that does not begin with white space).
bool headerBlockWithinBounds(const QByteArray &raw, QString *error)
{
    int fields = 0;
    qsizetype pos = 0;
    while (pos < raw.size()) {
        const qsizetype end = raw.indexOf('\n', pos);
        const qsizetype lineEnd = end < 0 ? raw.size() : end;
        const qsizetype length = lineEnd - pos - (lineEnd > pos && raw.at(lineEnd - 1) == '\r' ? 1 : 0);
        if (length == 0) {
            break; // the blank line that ends the header
        }
        if (raw.at(pos) != ' ' && raw.at(pos) != '\t' && ++fields > ParsedMessage::kMaxHeaderFields) {
            *error = QStringLiteral("the message has more than %1 header fields").arg(ParsedMessage::kMaxHeaderFields);
            return false;
        }
        if (lineEnd > ParsedMessage::kMaxHeaderBytes) {
            *error = QStringLiteral("the message's header is larger than %1 KiB").arg(ParsedMessage::kMaxHeaderBytes / 1024);
            return false;
        }
        pos = lineEnd + 1;
    }
    return true;
}

// GMime's parser recurses once per nested multipart: a message nested thousands of
// levels deep must not reach it. Counting Content-Type fields bounds the depth.
bool partCountWithinBounds(const QByteArray &raw, QString *error)
{
    int count = 0;
    qsizetype pos = 0;
    while ((pos = raw.indexOf("ontent-", pos)) >= 0) {
        if (pos > 0 && (raw.at(pos - 1) == 'C' || raw.at(pos - 1) == 'c')
            && (pos == 1 || raw.at(pos - 2) == '\n') && raw.mid(pos + 7, 5).toLower() == "type:") {
            if (++count > 4 * ParsedMessage::kMaxParts) {
                *error = QStringLiteral("the message has more than %1 parts").arg(ParsedMessage::kMaxParts);
                return false;
            }
        }
        pos += 7;
    }
    return true;
}

QByteArray contentParameter(GMimeObject *object, const char *name)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    const char *value = type ? g_mime_content_type_get_parameter(type, name) : nullptr;
    return value ? QByteArray(value) : QByteArray();
}

QString mimeTypeOf(GMimeObject *object)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (!type) {
        return QStringLiteral("application/octet-stream");
    }
    char *name = g_mime_content_type_get_mime_type(type);
    const QString result = QString::fromUtf8(name).toLower();
    g_free(name);
    return result;
}

QByteArray streamBytes(GMimeStream *stream)
{
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    return array ? QByteArray(reinterpret_cast<const char *>(array->data), static_cast<qsizetype>(array->len)) : QByteArray();
}

QByteArray decodedContent(GMimeObject *object)
{
    GMimeStream *stream = g_mime_stream_mem_new();
    if (GMIME_IS_PART(object)) {
        if (GMimeDataWrapper *wrapper = g_mime_part_get_content(GMIME_PART(object))) {
            g_mime_data_wrapper_write_to_stream(wrapper, stream);
        }
    } else if (GMIME_IS_MESSAGE_PART(object)) {
        if (GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object))) {
            g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, stream);
        }
    }
    const QByteArray bytes = streamBytes(stream);
    g_object_unref(stream);
    return bytes;
}

} // namespace

QString MailAddress::display() const
{
    return name.isEmpty() ? address : QStringLiteral("%1 <%2>").arg(name, address);
}

QString decodeText(const QByteArray &bytes, const QByteArray &charset)
{
    if (!charset.isEmpty()) {
        QStringDecoder declared(charset.constData(), QStringDecoder::Flag::Stateless);
        if (declared.isValid()) {
            const QString text = declared.decode(bytes);
            if (!declared.hasError()) {
                return text;
            }
        }
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    if (!utf8.hasError()) {
        return text;
    }
    QStringDecoder windows1252("windows-1252");
    return windows1252.isValid() ? QString(windows1252.decode(bytes)) : QString::fromLatin1(bytes);
}

std::unique_ptr<ParsedMessage> ParsedMessage::parse(const QByteArray &raw, QString *error)
{
    if (!headerBlockWithinBounds(raw, error) || !partCountWithinBounds(raw, error)) {
        return nullptr;
    }
    ensureInitialized();
    GMimeParserOptions *options = g_mime_parser_options_new();
    // Real mail breaks the rules; be lenient in what is decoded, never in what is run.
    g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    const char *fallbacks[] = {"UTF-8", "windows-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(options, fallbacks);

    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(raw.constData(), static_cast<size_t>(raw.size()));
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *message = g_mime_parser_construct_message(parser, options);
    g_object_unref(parser);
    g_object_unref(stream);
    g_mime_parser_options_free(options);
    if (!message) {
        *error = QStringLiteral("this is not a mail message (no header could be read)");
        return nullptr;
    }

    std::unique_ptr<ParsedMessage> parsed(new ParsedMessage);
    parsed->m_message = message;
    parsed->m_raw = raw;
    MessageHeaders &h = parsed->m_headers;
    h.subject = fromUtf8(g_mime_message_get_subject(message));
    h.from = addresses(g_mime_message_get_from(message));
    h.to = addresses(g_mime_message_get_to(message));
    h.cc = addresses(g_mime_message_get_cc(message));
    h.replyTo = addresses(g_mime_message_get_reply_to(message));
    if (GDateTime *date = g_mime_message_get_date(message)) {
        h.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date)).toLocalTime();
    }
    h.messageId = fromUtf8(g_mime_message_get_message_id(message));
    h.inReplyTo = fromUtf8(g_mime_object_get_header(GMIME_OBJECT(message), "In-Reply-To")).trimmed();
    const char *referencesHeader = g_mime_object_get_header(GMIME_OBJECT(message), "References");
    if (GMimeReferences *refs = referencesHeader ? g_mime_references_parse(nullptr, referencesHeader) : nullptr) {
        for (int i = 0; i < g_mime_references_length(refs) && i < 1000; ++i) {
            h.references << fromUtf8(g_mime_references_get_message_id(refs, i));
        }
        g_mime_references_free(refs);
    }

    if (GMimeObject *root = g_mime_message_get_mime_part(message)) {
        parsed->walk(root, QStringLiteral("1"), 0, true, error);
        if (!error->isEmpty()) {
            return nullptr;
        }
    }
    if (!parsed->m_plain && parsed->m_html) {
        parsed->m_plain = MessageBody{htmlToPlainText(parsed->m_html->text), parsed->m_html->partPath, false};
    }
    return parsed;
}

ParsedMessage::~ParsedMessage()
{
    if (m_message) {
        g_object_unref(m_message);
    }
}

void ParsedMessage::walk(GMimeObject *object, const QString &path, int depth, bool topLevel, QString *error)
{
    if (depth > kMaxDepth) {
        *error = QStringLiteral("the message nests parts more than %1 levels deep").arg(kMaxDepth);
        return;
    }
    if (m_parts.size() >= kMaxParts) {
        *error = QStringLiteral("the message has more than %1 parts").arg(kMaxParts);
        return;
    }
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        const int count = g_mime_multipart_get_count(multipart);
        // Children of a multipart are numbered 1..n below it (the root's directly).
        const QString prefix = depth == 0 ? QString() : path + QLatin1Char('.');
        // A multipart that is a nested message's body takes the message's number, so
        // its children hang directly below it.
        for (int i = 0; i < count && error->isEmpty(); ++i) {
            walk(g_mime_multipart_get_part(multipart, i), prefix + QString::number(i + 1), depth + 1, topLevel, error);
        }
        return;
    }

    PartInfo info;
    info.path = path;
    info.depth = depth;
    info.mimeType = mimeTypeOf(object);
    info.charset = QString::fromLatin1(contentParameter(object, "charset"));
    info.contentId = fromUtf8(g_mime_object_get_content_id(object));
    const QString disposition = fromUtf8(g_mime_object_get_disposition(object)).toLower();
    m_objects.append({path, object});

    if (GMIME_IS_MESSAGE_PART(object)) {
        // A forwarded message (message/rfc822) is an attachment in its own right; its
        // parts are listed, but never become this message's body.
        info.nestedMessage = true;
        info.attachment = true;
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        const QString subject = inner ? fromUtf8(g_mime_message_get_subject(inner)) : QString();
        info.fileName = subject.isEmpty() ? QString() : subject + QStringLiteral(".eml");
        info.saveName = sanitizeFileName(info.fileName, QStringLiteral("message-%1.eml").arg(path));
        info.size = decodedContent(object).size();
        m_parts.append(info);
        if (inner) {
            // RFC 3501 §6.4.5: the parts of a multipart inside message/rfc822 part P are
            // P.1, P.2, ...; a single-part body is P.1.
            if (GMimeObject *innerRoot = g_mime_message_get_mime_part(inner)) {
                walk(innerRoot, GMIME_IS_MULTIPART(innerRoot) ? path : path + QStringLiteral(".1"), depth + 1, false,
                     error);
            }
        }
        return;
    }
    if (!GMIME_IS_PART(object)) {
        m_parts.append(info);
        return;
    }

    info.fileName = fromUtf8(g_mime_part_get_filename(GMIME_PART(object)));
    const QByteArray content = decodedContent(object);
    info.size = content.size();
    const bool isText = info.mimeType == QLatin1String("text/plain") || info.mimeType == QLatin1String("text/html");
    info.attachment = disposition == QLatin1String("attachment") || (!info.fileName.isEmpty() && disposition != QLatin1String("inline"))
        || (!isText && info.contentId.isEmpty() && !info.mimeType.startsWith(QLatin1String("multipart/")));
    const QString suffix = QMimeDatabase().mimeTypeForName(info.mimeType).preferredSuffix();
    info.saveName = sanitizeFileName(info.fileName, QStringLiteral("part-%1%2").arg(path, suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix));
    m_parts.append(info);

    if (!topLevel || info.attachment || !isText) {
        return;
    }
    const QString text = decodeText(content, contentParameter(object, "charset"));
    if (info.mimeType == QLatin1String("text/plain") && !m_plain) {
        const bool flowed = contentParameter(object, "format").toLower() == "flowed";
        const bool delSp = contentParameter(object, "delsp").toLower() == "yes";
        QString normalised = text;
        normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        m_plain = MessageBody{flowed ? decodeFlowed(normalised, delSp) : normalised, path, false};
    } else if (info.mimeType == QLatin1String("text/html") && !m_html) {
        m_html = MessageBody{text, path, true};
    }
}

QList<PartInfo> ParsedMessage::attachments() const
{
    QList<PartInfo> result;
    for (const PartInfo &part : m_parts) {
        if (part.attachment) {
            result.append(part);
        }
    }
    return result;
}

std::optional<MessageBody> ParsedMessage::plainBody() const
{
    return m_plain;
}

std::optional<MessageBody> ParsedMessage::htmlBody() const
{
    return m_html;
}

GMimeObject *ParsedMessage::objectAt(const QString &path) const
{
    for (const auto &[p, object] : m_objects) {
        if (p == path) {
            return object;
        }
    }
    return nullptr;
}

QByteArray ParsedMessage::partContent(const QString &path) const
{
    GMimeObject *object = objectAt(path);
    return object ? decodedContent(object) : QByteArray();
}

QString ParsedMessage::partForContentId(const QString &contentId) const
{
    QString id = contentId;
    if (id.startsWith(QLatin1String("cid:"), Qt::CaseInsensitive)) {
        id = QUrl::fromPercentEncoding(id.mid(4).toUtf8());
    }
    for (const PartInfo &part : m_parts) {
        if (!part.contentId.isEmpty() && part.contentId == id) {
            return part.path;
        }
    }
    return {};
}

} // namespace Satchel::Mime
