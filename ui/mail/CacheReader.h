#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Satchel::Ui {

// The few things the mail window reads from an account's cache besides the message
// list: unread counts after a sync, and what undo needs (Message-IDs, UIDNEXT).
// Read-only, on the GUI thread, through a Qt SQL connection of its own (like
// MessageListModel); the engine writes through its MailCache and WAL lets both run.
// The file may not exist yet (the engine creates it): the connection is opened when
// first needed and every read then says "nothing known".
class CacheReader
{
public:
    explicit CacheReader(QString path);
    ~CacheReader();
    CacheReader(const CacheReader &) = delete;
    CacheReader &operator=(const CacheReader &) = delete;

    QString path() const { return m_path; }

    // Messages of the folder without \Seen (a scan of the folder); nullopt when the
    // folder is not cached or the file cannot be read.
    std::optional<int> unseenCount(const QString &folder);
    // The Message-ID headers of these messages, as ENVELOPE gave them ("<a@b>"); messages
    // without one are left out.
    QList<QByteArray> messageIds(const QString &folder, const QList<quint32> &uids);
    // UIDNEXT at the folder's last sync; 0 when unknown.
    quint32 uidNext(const QString &folder);

    QString lastError() const { return m_lastError; }

private:
    bool open();
    void close();

    QString m_path;
    QString m_connectionName; // empty while not open
    QString m_lastError;
};

} // namespace Satchel::Ui
