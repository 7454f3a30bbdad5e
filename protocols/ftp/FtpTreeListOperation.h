#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/ftp/DirectoryEntry.h"

#include <QObject>
#include <QStringList>

namespace Satchel::Ftp {

class FtpSession;

// Lists a remote directory tree, one directory after another on one connection
// (MLSD or LIST each). Names come already checked by the listing (unsafe ones are
// dropped), so every relative path is made of safe components. Symbolic links are
// listed but not followed (a loop or an escape from the tree); the walk is bounded in depth and
// in entries.
class FtpTreeListOperation : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxDepth = 64;
    static constexpr int kMaxEntries = 1000000;

    struct Entry {
        QString relativePath; // "sub/dir/file.txt"
        DirectoryEntry entry;
    };

    FtpTreeListOperation(FtpSession *session, QString root, QObject *parent = nullptr);

    void start();
    QList<Entry> entries() const { return m_entries; }

Q_SIGNALS:
    void succeeded();
    void failed(const Satchel::OperationError &error);

private:
    void listNext();

    FtpSession *m_session;
    QString m_root;
    QList<QPair<QString, int>> m_pending; // relative directory, depth
    QList<Entry> m_entries;
};

} // namespace Satchel::Ftp
