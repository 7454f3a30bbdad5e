#pragma once

#include "protocols/imap/MessageSummary.h"
#include "protocols/store/MaildirFlags.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <utility>
#include <vector>

namespace Satchel::Store {

// Gives every message of a Maildir (https://cr.yp.to/proto/maildir.html) a stable
// 32-bit UID, so that the Maildir can live in the mail cache (MailCache) like an IMAP
// folder, and turns the Maildir's state into the changes the cache needs.
//
// A message is known by its unique name: the file name up to the first ':' (a reader
// that marks it seen moves it from new/ to cur/ and appends ":2,S"; that is the same
// message). UIDs are handed out in delivery order, grow, and are never handed out twice,
// as IMAP requires of UIDs within one UIDVALIDITY (RFC 9051 §2.3.1.1). The mapping lives
// in a small text file of its own, rewritten whole and atomically by scan() when it
// changed (remove() leaves that to the next scan()):
//
//     satchel-maildir-uids 1
//     next<TAB>N               the UID the next new message gets
//     UID<TAB>unique-name      one line per message, by UID
//
// (in a name, '%', TAB, CR and LF are written as %25, %09, %0D, %0A).
//
// Not thread-safe; one instance per Maildir and map file at a time.
class MaildirIndex
{
public:
    // The mapping is never renumbered, so the folder's UIDVALIDITY never changes.
    static constexpr quint32 UidValidity = 1;
    // Of a new message's file only the header block is read, up to this much.
    static constexpr qsizetype MaxHeaderBytes = 256 * 1024;

    // What the cache has to do to match the Maildir.
    struct Changes {
        QList<Imap::MessageSummary> added; // messages the cache does not have, by UID
        QList<quint32> removed; // cached UIDs whose file is gone, ascending
        QList<Imap::FlagUpdate> flags; // cached UIDs whose file name says other flags, by UID

        bool isEmpty() const { return added.isEmpty() && removed.isEmpty() && flags.isEmpty(); }
    };

    // root holds new/, cur/ and tmp/; mapPath is the UID map (e.g. CACHE/<account>.maildir-uids),
    // read at the first scan() and created when missing.
    MaildirIndex(QString root, QString mapPath);
    MaildirIndex(const MaildirIndex &) = delete;
    MaildirIndex &operator=(const MaildirIndex &) = delete;

    // Lists new/ and cur/ (tmp/ holds deliveries in progress, which are not mail yet),
    // gives the files not seen before new UIDs, forgets the ones that are gone, saves the
    // map, and compares with the cache's UIDs and flags (cachedFlags, as
    // MailCache::flagsByUid gives them). Only the files of `added` are read (their header
    // blocks); on a first scan that is every message, all held in memory. Fails, in
    // words, when new/ or cur/ cannot be read (a missing folder included: an unmounted
    // Maildir is not an empty one) or the map cannot be read or written.
    bool scan(const QHash<quint32, QList<QByteArray>> &cachedFlags, Changes *changes, QString *error);

    // The file of a message as the last scan() (or setFlags()) left it; empty when the
    // UID is unknown.
    QString pathOf(quint32 uid) const;
    // Renames the file into cur/ with the flags changed (case-insensitively) as asked;
    // letters of the name that stand for no system flag stay.
    bool setFlags(quint32 uid, const QList<QByteArray> &add, const QList<QByteArray> &remove, QString *error);
    // Deletes the message's file and forgets its UID. A file already gone is no error.
    bool remove(quint32 uid, QString *error);

    quint32 nextUid() const;
    qsizetype messageCount() const { return m_entries.size(); }
    QString root() const { return m_root; }
    QString mapPath() const { return m_mapPath; }

private:
    struct Entry {
        QString uniqueName;
        QString fileName; // in new/ or cur/, with the info part
        bool inCur = false;
    };

    // By UID, ascending: the order of the map file and of Changes.
    std::vector<std::pair<quint32, const Entry *>> sortedEntries() const;
    bool loadMap(QString *error);
    bool saveMap(QString *error);
    QString pathOf(const Entry &entry) const;
    // Finds the file of a message another program moved since the last scan.
    bool relocate(Entry *entry, QString *error) const;

    QString m_root;
    QString m_mapPath;
    QHash<quint32, Entry> m_entries;
    QHash<QString, quint32> m_uidByName; // unique name -> UID
    quint64 m_nextUid = 1; // 64 bits: one past the largest UID is still representable
    bool m_loaded = false;
    bool m_dirty = false; // the map file is behind m_entries/m_nextUid
};

} // namespace Satchel::Store
