#pragma once

#include "protocols/imap/MessageSummary.h"
#include "protocols/imap/Response.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace Satchel::Imap {

// Typed readers for the data responses of RFC 9051 §7. Each takes a parsed
// Response and returns a plain value, or nothing plus an error in words when the
// data does not have the shape the RFC gives it. Pure functions.

// "* CAPABILITY ..." or the args of a [CAPABILITY ...] code (RFC 9051 §7.2.2), upper case.
QSet<QByteArray> capabilitiesFrom(const Response &response);
QSet<QByteArray> capabilitiesFromText(QByteArrayView text);

// "* LIST (attrs) delim name" / LSUB (RFC 9051 §7.3.1; RFC 6154 special use). With
// `utf8` (UTF8=ACCEPT enabled, RFC 6855 §3) names are UTF-8, else modified UTF-7.
std::optional<FolderInfo> listEntryFrom(const Response &response, bool utf8, QString *error);

// "* STATUS name (MESSAGES n UNSEEN n ...)" (RFC 9051 §7.3.4).
struct StatusData {
    QString name;
    QHash<QByteArray, quint64> items; // MESSAGES, UNSEEN, UIDNEXT, UIDVALIDITY, HIGHESTMODSEQ, ...
};
std::optional<StatusData> statusFrom(const Response &response, bool utf8, QString *error);

// One body section of a FETCH: BODY[HEADER], BODY[TEXT], BODY[1.2]<0> ...
struct FetchedSection {
    QByteArray name; // the item as the server named it, upper case: "BODY[HEADER]"
    QByteArray bytes;
    bool streamed = false; // the bytes went to a sink as they arrived
    bool nil = false;
};

// One part of a BODYSTRUCTURE (RFC 9051 §7.5.2), as a tree with IMAP part numbers.
struct BodyPart {
    QByteArray partNumber; // "1", "1.2", ... ("" for the top of a multipart)
    QByteArray type; // lower case: text, image, multipart, message
    QByteArray subtype; // lower case
    QHash<QByteArray, QByteArray> parameters; // lower-case names: charset, name, boundary
    QByteArray contentId;
    QByteArray encoding;
    quint64 size = 0;
    QByteArray disposition; // lower case: inline, attachment
    QString fileName; // from the disposition's filename or the type's name
    QList<BodyPart> children;
};

// "* N FETCH (...)" (RFC 9051 §7.5.2): what came, item by item.
struct FetchData {
    quint32 sequence = 0;
    quint32 uid = 0; // 0: the server did not send UID
    bool hasFlags = false;
    QList<QByteArray> flags;
    quint64 size = 0;
    bool hasSize = false;
    QDateTime internalDate;
    quint64 modseq = 0;
    bool hasEnvelope = false;
    Envelope envelope;
    std::optional<BodyPart> bodyStructure;
    QList<FetchedSection> sections;
};
std::optional<FetchData> fetchFrom(const Response &response, QString *error);

// A References value cut to at most 8 KiB, as the cache keeps it: the first id (the
// thread's root) and the newest ids (the nearest ancestors), whole ids only. RFC 5322
// §3.6.4 lets a writer drop the middle too. Shorter values come back trimmed.
QByteArray boundedReferences(QByteArray value);

// A summary from a FETCH that carried UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE, and
// BODY[HEADER.FIELDS (REFERENCES)] when asked for.
MessageSummary summaryFrom(const FetchData &fetch);

// "* SEARCH 1 2 3" (RFC 9051 §7.3.5 in IMAP4rev1 form) or "* ESEARCH (TAG "x") UID ALL 1:3"
// (RFC 4731): the numbers found.
std::optional<QList<quint32>> searchResultsFrom(const Response &response, QString *error);

// "* VANISHED [(EARLIER)] uid-set" (RFC 7162 §3.2.10).
struct VanishedData {
    bool earlier = false;
    QList<quint32> uids;
};
std::optional<VanishedData> vanishedFrom(const Response &response, QString *error);

// "* FLAGS (...)" and the PERMANENTFLAGS code's list.
QList<QByteArray> flagListFrom(const Response &response, quint32 list);

// Sequence sets (RFC 9051 §9 sequence-set) both ways. parse refuses 0, "*" (unless
// `star` is given) and more than `maxCount` numbers (a hostile "1:4294967295").
std::optional<QList<quint32>> parseSequenceSet(QByteArrayView text, quint32 star = 0, qsizetype maxCount = 10'000'000);
QByteArray formatSequenceSet(QList<quint32> numbers); // sorted, ranges joined: "1:3,7"

// RFC 2047 encoded words and raw 8-bit text of a header, decoded for people (GMime).
QString decodeHeaderText(QByteArrayView raw);
// An RFC 5322 date ("Tue, 1 Jul 2003 10:52:37 +0200"); invalid when unreadable.
QDateTime parseMessageDate(QByteArrayView text);
// An IMAP date-time ("17-Jul-1996 02:44:25 -0700", RFC 9051 §9).
QDateTime parseInternalDate(QByteArrayView text);
// The role of a folder from its special-use attributes (RFC 6154 §2), or "inbox".
QString roleFromAttributes(const QList<QByteArray> &attributes, const QString &name);

} // namespace Satchel::Imap
