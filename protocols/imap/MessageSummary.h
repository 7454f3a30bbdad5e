#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Satchel::Imap {

// One address of an ENVELOPE (RFC 9051 §7.5.2), decoded for people: the display
// name through RFC 2047, the address as mailbox@host. A group's members are listed;
// the group markers themselves add no address.
struct Address {
    QString name;
    QString email;

    QString display() const { return name.isEmpty() ? email : name + QStringLiteral(" <") + email + u'>'; }
    bool operator==(const Address &) const = default;
};

// The ENVELOPE of a message (RFC 9051 §7.5.2), decoded.
struct Envelope {
    QDateTime date; // invalid when the Date header is missing or unreadable
    QString subject;
    QList<Address> from;
    QList<Address> sender;
    QList<Address> replyTo;
    QList<Address> to;
    QList<Address> cc;
    QList<Address> bcc;
    QByteArray inReplyTo;
    QByteArray messageId;
};

// What the message list needs of one message: a plain value the engine hands to
// the cache and the models. Filled by UID FETCH (UID FLAGS RFC822.SIZE
// INTERNALDATE ENVELOPE [MODSEQ]).
struct MessageSummary {
    quint32 uid = 0;
    QList<QByteArray> flags; // as the server spells them: \Seen, \Flagged, $Junk, ...
    QDateTime internalDate;
    quint64 size = 0;
    quint64 modseq = 0; // 0 without CONDSTORE
    Envelope envelope;
    // The References field (RFC 5322 §3.6.4), unfolded, for threading; empty when the
    // message has none or it was not asked for (FetchCommand::summaryItems(true)).
    QByteArray references;
};

// A flag change seen during a resync (FETCH (UID FLAGS [MODSEQ])).
struct FlagUpdate {
    quint32 uid = 0;
    QList<QByteArray> flags;
    quint64 modseq = 0;
};

// The state of a selected mailbox (RFC 9051 §6.3.2; RFC 7162 §3.1.2.1 HIGHESTMODSEQ).
struct MailboxState {
    quint32 exists = 0;
    quint32 uidValidity = 0;
    quint32 uidNext = 0;
    quint64 highestModSeq = 0; // 0: the mailbox has no mod-sequences (NOMODSEQ)
    QList<QByteArray> flags;
    QList<QByteArray> permanentFlags;
    bool readOnly = false;
};

// A folder as LIST reports it (RFC 9051 §7.3.1, RFC 6154 special use).
struct FolderInfo {
    QString name; // decoded from modified UTF-7, or UTF-8 with UTF8=ACCEPT
    QByteArray wireName; // exactly as the server sent it
    QChar delimiter; // null when the server has no hierarchy
    QList<QByteArray> attributes;
    QString role; // inbox, sent, drafts, trash, junk, archive; empty when none
};

} // namespace Satchel::Imap
