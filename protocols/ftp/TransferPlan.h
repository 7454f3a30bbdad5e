#pragma once

#include "protocols/ftp/FtpTreeListOperation.h"
#include "protocols/ftp/TransferItem.h"

#include <QList>
#include <QStringList>

namespace Satchel::Ftp {

// What copying a whole folder tree takes: the folders to make first (parents before
// children; local ones for a download, remote ones for an upload) and one transfer item
// per file. The same plan serves `satchel-cli ftp get -r / put -r` and a drop of a
// folder in the window.
struct TransferPlan {
    QStringList directories;
    QList<TransferItem> items;
};

// A remote tree listed by FtpTreeListOperation (names already checked safe) into
// `localRoot`.
TransferPlan planTreeDownload(const QString &remoteRoot, const QList<FtpTreeListOperation::Entry> &tree,
    const QString &localRoot, OverwritePolicy overwrite);

// A local folder to `remoteRoot`. Symbolic links are not followed: a link out of the
// tree would upload what was never chosen.
TransferPlan planTreeUpload(const QString &localRoot, const QString &remoteRoot, OverwritePolicy overwrite);

// The folder a remote path is in: "/a/b" -> "/a", "/a" -> "/"; empty for a name
// without a slash.
QString remoteParentPath(const QString &path);

// "dir" + "name" with one slash between, for remote paths ("/" and "" roots included).
QString joinRemotePath(const QString &directory, const QString &name);

} // namespace Satchel::Ftp
