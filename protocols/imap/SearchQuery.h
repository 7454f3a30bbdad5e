#pragma once

#include "protocols/imap/CommandArgs.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Satchel::Imap {

// IMAP SEARCH criteria (RFC 9051 §6.4.4, RFC 3501 §6.4.4) built from the words of
// a command line, one argv entry per token: UNSEEN FROM alice SINCE 1-Jan-2026.
// Keys are case-insensitive; consecutive keys are ANDed, as on the wire.
//
// Supported: ALL ANSWERED DELETED DRAFT FLAGGED NEW OLD RECENT SEEN UNANSWERED
// UNDELETED UNDRAFT UNFLAGGED UNSEEN; BCC BODY CC FROM SUBJECT TEXT TO <text>;
// HEADER <field> <text>; KEYWORD/UNKEYWORD <flag>; BEFORE ON SINCE SENTBEFORE
// SENTON SENTSINCE <d-Mon-yyyy>; LARGER/SMALLER <bytes>; UID <set>; a bare
// sequence set; MODSEQ <n> (RFC 7162 §3.1.5); OLDER/YOUNGER <seconds> (RFC 5032);
// NOT <key>; OR <key> <key>; "(" <keys> ")".
//
// A "(" glued to the front of a key ("(FROM") and ")" glued to the end of a key or
// of a non-text argument ("SEEN)", "1-Jan-2026)") are split off. Text arguments are
// taken whole: in "FROM x)" the ")" is part of the text, as a subject may hold one.
struct SearchQuery {
    CommandArgs args; // the search keys, validated and normalised
    // Some text is not ASCII; it goes as a UTF-8 literal, which the server must be
    // told about (see searchCommandArgs).
    bool needsUtf8 = false;
};

// nullopt when the criteria are invalid; then *error (if given) says why in a
// sentence that names the offending key, e.g. "OR needs two search keys".
std::optional<SearchQuery> buildSearchQuery(const QStringList &tokens, QString *error);

// Everything after "UID SEARCH". With returnAll, "RETURN (ALL)" asks for an ESEARCH
// reply (RFC 4731 §3; its grammar puts the return options before CHARSET). UTF-8
// text needs "CHARSET UTF-8" (RFC 9051 §6.4.4), except once UTF8=ACCEPT is enabled:
// then a charset MUST NOT be given (RFC 6855 §3).
CommandArgs searchCommandArgs(const SearchQuery &query, bool utf8Accepted, bool returnAll = false);

} // namespace Satchel::Imap
