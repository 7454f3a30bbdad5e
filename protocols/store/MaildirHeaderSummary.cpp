#include "protocols/store/MaildirHeaderSummary.h"

#include "protocols/imap/ResponseData.h"
#include "protocols/mime/GMimeInclude.h"
#include "protocols/mime/GMimeRuntime.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <utility>

namespace Satchel::Store {

namespace {

constexpr qsizetype kReadChunk = 16 * 1024;
constexpr int kMaxAddresses = 1000;

// --- the header block of a new message ---------------------------------------------

// Where the header block ends: the offset of the empty line that ends it (RFC 5322
// §2.1), or -1 when bytes holds none yet. `from` is where the last search stopped.
qsizetype headerEnd(const QByteArray &bytes, qsizetype from)
{
    if (from == 0 && (bytes.startsWith('\n') || bytes.startsWith("\r\n"))) {
        return 0; // no header fields at all
    }
    for (qsizetype i = bytes.indexOf('\n', from); i >= 0; i = bytes.indexOf('\n', i + 1)) {
        if (i + 1 < bytes.size() && bytes.at(i + 1) == '\n') {
            return i + 1;
        }
        if (i + 2 < bytes.size() && bytes.at(i + 1) == '\r' && bytes.at(i + 2) == '\n') {
            return i + 1;
        }
    }
    return -1;
}

// The raw values of the fields the message list shows. Unfolded (RFC 5322 §2.2.3: the
// CRLF before white space is removed), not yet decoded. The first of a field counts.
struct RawHeaders {
    QByteArray subject;
    QByteArray from;
    QByteArray to;
    QByteArray cc;
    QByteArray date;
    QByteArray messageId;
    QByteArray inReplyTo;
    QByteArray references;
};

// RFC 5322 §3.6.8: a field name is printable US-ASCII other than ':'.
bool isFieldName(QByteArrayView name)
{
    return !name.isEmpty()
        && std::all_of(name.begin(), name.end(), [](char c) { return c >= 33 && c <= 126 && c != ':'; });
}

RawHeaders splitHeaderBlock(const QByteArray &block)
{
    RawHeaders h;
    struct Wanted {
        QByteArrayView name;
        QByteArray *value;
        bool seen;
    };
    Wanted wanted[] = {
        { "Subject", &h.subject, false },
        { "From", &h.from, false },
        { "To", &h.to, false },
        { "Cc", &h.cc, false },
        { "Date", &h.date, false },
        { "Message-ID", &h.messageId, false },
        { "In-Reply-To", &h.inReplyTo, false },
        { "References", &h.references, false },
    };
    QByteArray *current = nullptr; // the field a continuation line belongs to, if wanted
    qsizetype pos = 0;
    while (pos < block.size()) {
        qsizetype end = block.indexOf('\n', pos);
        if (end < 0) {
            end = block.size();
        }
        QByteArrayView line(block.constData() + pos, end - pos);
        pos = end + 1;
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (current) {
                current->append(line);
            }
            continue;
        }
        current = nullptr;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isFieldName(line.first(colon))) {
            continue; // not a field (junk, or an mbox "From " line): skipped
        }
        // Field names are case-insensitive (RFC 5234 §2.3, the grammar RFC 5322 uses).
        const QByteArrayView name = line.first(colon);
        for (Wanted &w : wanted) {
            if (!w.seen && name.compare(w.name, Qt::CaseInsensitive) == 0) {
                w.seen = true;
                *w.value = line.sliced(colon + 1).toByteArray();
                current = w.value;
                break;
            }
        }
    }
    for (Wanted &w : wanted) {
        *w.value = w.value->trimmed();
    }
    return h;
}

} // namespace

AddressParser::AddressParser()
{
    Mime::ensureInitialized();
    m_options = g_mime_parser_options_new();
    g_mime_parser_options_set_rfc2047_compliance_mode(m_options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(m_options, GMIME_RFC_COMPLIANCE_LOOSE);
    const char *fallbacks[] = { "UTF-8", "windows-1252", nullptr };
    g_mime_parser_options_set_fallback_charsets(m_options, fallbacks);
}

AddressParser::~AddressParser()
{
    g_mime_parser_options_free(m_options);
}

QList<Imap::Address> AddressParser::parse(const QByteArray &value) const
{
    QList<Imap::Address> out;
    if (value.isEmpty()) {
        return out;
    }
    if (InternetAddressList *list = internet_address_list_parse(m_options, value.constData())) {
        append(list, 0, &out);
        g_object_unref(list);
    }
    return out;
}

void AddressParser::append(InternetAddressList *list, int depth, QList<Imap::Address> *out)
{
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count && out->size() < kMaxAddresses; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            Imap::Address a;
            a.name = QString::fromUtf8(internet_address_get_name(address));
            a.email = QString::fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
            if (!a.name.isEmpty() || !a.email.isEmpty()) {
                out->append(std::move(a));
            }
        } else if (INTERNET_ADDRESS_IS_GROUP(address) && depth == 0) {
            // RFC 5322 groups do not nest; one level is all a real message needs.
            append(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), depth + 1, out);
        }
    }
}

Imap::MessageSummary summaryOf(
    const QString &path, quint32 uid, QList<QByteArray> flags, const AddressParser &addresses, qsizetype maxHeaderBytes)
{
    Imap::MessageSummary s;
    s.uid = uid;
    s.flags = std::move(flags);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QFileInfo info(path);
        s.size = static_cast<quint64>(std::max<qint64>(info.size(), 0));
        s.internalDate = info.lastModified().toUTC();
        return s;
    }
    s.size = static_cast<quint64>(std::max<qint64>(file.size(), 0));
    // The time of delivery, as IMAP's INTERNALDATE is (RFC 9051 §2.3.3).
    s.internalDate = file.fileTime(QFileDevice::FileModificationTime).toUTC();

    // Only the header block: a message of 50 MB is not read for its Subject.
    QByteArray head;
    qsizetype end = -1;
    while (head.size() < maxHeaderBytes) {
        const QByteArray chunk = file.read(std::min(kReadChunk, maxHeaderBytes - head.size()));
        if (chunk.isEmpty()) {
            break; // end of file, or a read error: parse what there is
        }
        const qsizetype searchFrom = std::max<qsizetype>(head.size() - 2, 0);
        head += chunk;
        end = headerEnd(head, searchFrom);
        if (end >= 0) {
            break;
        }
    }
    if (end >= 0) {
        head.truncate(end);
    }

    const RawHeaders raw = splitHeaderBlock(head);
    // The same decoding as for an IMAP ENVELOPE, so both kinds of folder show alike.
    Imap::Envelope &e = s.envelope;
    e.subject = Imap::decodeHeaderText(raw.subject);
    e.date = raw.date.isEmpty() ? QDateTime() : Imap::parseMessageDate(raw.date);
    e.from = addresses.parse(raw.from);
    e.to = addresses.parse(raw.to);
    e.cc = addresses.parse(raw.cc);
    e.messageId = raw.messageId;
    e.inReplyTo = raw.inReplyTo;
    s.references = Imap::boundedReferences(raw.references); // as the IMAP path stores it
    return s;
}

} // namespace Satchel::Store
