#pragma once

#include <QHash>
#include <QString>

namespace Satchel::Store {

// What has been downloaded from a POP3 account, by UIDL (RFC 1939 §7), in SQLite (WAL,
// synchronous=FULL: a committed row is on disk before any DELE relies on it).
// A row is "pending" from just before its file is moved into the Maildir until the
// move is durable, then "saved". After a crash, a pending row whose file is in the
// Maildir is saved; one whose file is not is downloaded again. Nothing is lost, nothing
// is delivered twice.
class UidlLedger
{
public:
    enum class State { Pending, Saved };
    struct Entry {
        State state = State::Pending;
        QString file; // the Maildir unique name
        qint64 size = 0;
        bool partial = false; // only the headers were fetched (size limit)
        qint64 savedAt = 0;   // seconds since the epoch
        QString replaces;     // a headers-only file this full copy supersedes, until it is removed
    };
    struct Record {
        QByteArray uidl;
        Entry entry;
    };

    UidlLedger();
    ~UidlLedger();
    UidlLedger(const UidlLedger &) = delete;
    UidlLedger &operator=(const UidlLedger &) = delete;

    bool open(const QString &path, QString *error);
    QHash<QByteArray, Entry> entries(const QString &account, QString *error) const;
    // One transaction for the whole batch.
    bool record(const QString &account, const QList<Record> &records, QString *error);
    // Drops rows for messages no longer on the server (after a complete UIDL listing).
    bool forgetAllExcept(const QString &account, const QList<QByteArray> &onServer, QString *error);

private:
    QString m_connectionName;
};

} // namespace Satchel::Store
