#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <vector>

namespace Satchel::Ui {

// One message of a folder, as the message list's index thread reads it from the cache.
struct ThreadInput {
    quint32 uid = 0;
    qint64 date = 0; // ms since the epoch (UTC); orders replies inside a thread
    QByteArray messageId; // the Message-ID header as stored, e.g. "<a@b>"; may be empty or junk
    QByteArray inReplyTo; // raw In-Reply-To value; may hold several ids, comments, junk, or be empty
    QByteArray references; // raw References value (ids separated by spaces/tabs/CRLF folding); may be empty
};

// The list in thread order: uids[i] is shown at row i, indented depths[i] levels.
struct ThreadedIndex {
    QList<quint32> uids;
    QList<quint8> depths;
};

// messages is in the list's current sort order (e.g. newest first). Pure and O(n log n):
// it runs on a worker thread for 100,000 messages.
//
// RFC 5256 §3 "REFERENCES" threading without subject gathering: a message's parent is the
// last id of its References (else the first of its In-Reply-To); ids no message of the
// folder has become invisible dummies, whose children are shown in their place. Each thread
// sits where its member that comes first in `messages` would; inside a thread, replies
// follow in conversation order (date, then uid). Depths stop growing at 255.
ThreadedIndex threadMessages(const std::vector<ThreadInput> &messages);

// The message ids "<...>" found in a header value, in order (exposed for the test).
QList<QByteArray> messageIdsIn(QByteArrayView headerValue);

} // namespace Satchel::Ui
