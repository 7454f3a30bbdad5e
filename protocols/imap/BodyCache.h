#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Satchel::Imap {

// The raw messages (RFC 5322 bytes) the person has opened, kept on disk next to the
// account's mail cache so that an opened message can be read again offline:
//
//   <cache file>.bodies/<folder hash>/<uidvalidity>-<uid>.eml
//
// The folder hash is SHA-256 of the folder name: a name that came from the server
// never becomes a path (DESIGN.md "Protocol engines"). UIDs mean something only with
// the folder's UIDVALIDITY (RFC 9051 §2.3.1.1), so it is part of the file name.
// Files are written through QSaveFile (complete or absent) and readable by the
// owner only. The cache is small on purpose: past limit() bytes, the files written
// longest ago are removed. Used on one thread (the account engine's).
class BodyCache
{
public:
    // Messages larger than this are neither fetched into memory nor kept.
    static constexpr qint64 MaxMessageSize = 64LL * 1024 * 1024;
    static constexpr qint64 DefaultLimit = 256LL * 1024 * 1024;

    explicit BodyCache(const QString &mailCachePath, qint64 limit = DefaultLimit);

    QString root() const { return m_root; }
    qint64 limit() const { return m_limit; }
    QString pathFor(const QString &folder, quint32 uidValidity, quint32 uid) const;

    // nullopt when the message is not kept (or its file cannot be read).
    std::optional<QByteArray> read(const QString &folder, quint32 uidValidity, quint32 uid) const;
    // False with *error in words when the file cannot be written.
    bool write(const QString &folder, quint32 uidValidity, quint32 uid, const QByteArray &message, QString *error);
    // The messages left the folder (moved, expunged): their bodies go too.
    void remove(const QString &folder, quint32 uidValidity, const QList<quint32> &uids);
    // The folder was deleted or renamed on the server.
    void removeFolder(const QString &folder);

private:
    QString folderDir(const QString &folder) const;
    qint64 sizeOnDisk();
    void trim();

    QString m_root;
    qint64 m_limit;
    qint64 m_size = -1; // bytes kept; -1 until first counted
};

} // namespace Satchel::Imap
