#pragma once

#include "protocols/imap/MessageSummary.h"

#include <QByteArray>
#include <QList>
#include <QString>

typedef struct _GMimeParserOptions GMimeParserOptions;
typedef struct _InternetAddressList InternetAddressList;

namespace Satchel::Store {

// GMime's parser options, made once per scan: lenient in what is decoded, as for
// messages from a server (ParsedMessage), since this is the same mail.
class AddressParser
{
public:
    AddressParser();
    ~AddressParser();
    AddressParser(const AddressParser &) = delete;
    AddressParser &operator=(const AddressParser &) = delete;

    // An address list (RFC 5322 §3.4) in the form the IMAP ENVELOPE gives it: display
    // names decoded (RFC 2047), group members listed, the group itself adding nothing.
    QList<Imap::Address> parse(const QByteArray &value) const;

private:
    static void append(InternetAddressList *list, int depth, QList<Imap::Address> *out);

    GMimeParserOptions *m_options = nullptr;
};

// What the message list needs of a message file. Whatever cannot be read stays empty
// (an unreadable file still gets its row, with the file's size and time), never fails.
// Only the header block is read, up to maxHeaderBytes.
Imap::MessageSummary summaryOf(const QString &path, quint32 uid, QList<QByteArray> flags,
    const AddressParser &addresses, qsizetype maxHeaderBytes);

} // namespace Satchel::Store
