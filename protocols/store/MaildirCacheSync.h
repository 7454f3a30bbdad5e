#pragma once

#include "protocols/store/MaildirIndex.h"

#include <QString>

namespace Satchel::Store {

class MailCache;

// Brings the cache's copy of a local Maildir (a POP3 account's inbox) up to date, so
// that the mail window lists it like any IMAP folder: the folder is (re)created with
// MaildirIndex::UidValidity when it is missing or has another UIDVALIDITY, then the
// index's scan is applied: removed messages, changed flags, new messages (in batches,
// each its own transaction). A sync that fails half-way leaves the cache consistent,
// if behind: the next one compares again and does the rest. *unseen (when given) is
// the folder's number of messages without \Seen afterwards. *applied (when given) is
// what this sync did to the cached messages (all of it empty: the cache was already in
// step); its `added` summaries are the full ones, for announcing new mail.
bool syncMaildirIntoCache(MaildirIndex &index, MailCache &cache, const QString &folder, int *unseen, QString *error,
    MaildirIndex::Changes *applied = nullptr);

} // namespace Satchel::Store
