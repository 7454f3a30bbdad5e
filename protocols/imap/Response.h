#pragma once

#include "protocols/imap/ResponseFramer.h"

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace Satchel::Imap {

// One value of a response's data (RFC 9051 §4): the parser's tree, flattened in
// document order. A List node's children follow it; `end` is the index one past its
// subtree, so a reader skips a sibling in one step. Byte views point into the
// Response that owns the tree and live as long as it does.
struct Node {
    enum class Kind : quint8 { Atom, Number, Quoted, Literal, Streamed, Nil, List };

    Kind kind = Kind::Atom;
    bool escaped = false; // Quoted with backslash escapes still in `bytes`
    quint32 end = 0;
    QByteArrayView bytes; // Atom, Number, Quoted (without the quotes), Literal
    quint64 number = 0; // Number's value; Streamed's size

    bool isList() const { return kind == Kind::List; }
    bool isString() const
    {
        return kind == Kind::Quoted || kind == Kind::Literal || kind == Kind::Atom || kind == Kind::Number;
    }
};

// The response-code of a status response (RFC 9051 §7.1): "[NAME args]".
struct ResponseCode {
    QByteArray name; // upper case: ALERT, UIDVALIDITY, APPENDUID, CAPABILITY, ...
    QByteArray args; // the rest inside the brackets, as sent
};

// One typed server response (RFC 9051 §7): a tagged or untagged status, untagged
// data, or a continuation request.
struct Response {
    enum class Kind : quint8 { Tagged, Untagged, Continuation };
    enum class Status : quint8 { None, Ok, No, Bad, Bye, Preauth };

    Kind kind = Kind::Untagged;
    Status status = Status::None; // status responses only
    QByteArray tag; // Tagged only
    ResponseCode code; // status responses, may be empty
    QByteArray text; // status responses: the human-readable text; continuation: the rest
    QByteArray name; // untagged data: FETCH, EXISTS, LIST, CAPABILITY, ... (upper case)
    quint32 number = 0; // "* N EXISTS|RECENT|EXPUNGE|FETCH"
    bool hasNumber = false;
    std::vector<Node> nodes; // untagged data after the name (FETCH: one List)
    RawResponse raw; // owns the bytes the nodes point into

    bool isStatus() const { return status != Status::None; }
    bool isOk() const { return status == Status::Ok; }

    // The node indexes of the top-level values, in order.
    std::vector<quint32> topLevel() const;
    // A node's direct children, in order.
    std::vector<quint32> children(quint32 list) const;
};

// The text of a string-ish node (atom, number, quoted with escapes removed, literal).
QByteArray nodeString(const Node &node);
// ASCII upper case (IMAP names: atoms, codes, capabilities).
QByteArray upperAscii(QByteArrayView bytes);
// Whether an atom equals `word` ignoring ASCII case.
bool nodeIs(const Node &node, QByteArrayView word);

} // namespace Satchel::Imap
