#include "protocols/ftp/FtpTreeListOperation.h"

#include "protocols/ftp/FtpListOperation.h"

namespace Satchel::Ftp {

FtpTreeListOperation::FtpTreeListOperation(FtpSession *session, QString root, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_root(std::move(root))
{ }

void FtpTreeListOperation::start()
{
    m_pending.append({ QString(), 0 });
    listNext();
}

void FtpTreeListOperation::listNext()
{
    if (m_pending.isEmpty()) {
        Q_EMIT succeeded();
        return;
    }
    const auto [relative, depth] = m_pending.takeFirst();
    const QString path = relative.isEmpty() ? m_root : m_root + QLatin1Char('/') + relative;
    auto *list = new FtpListOperation(m_session, path, this);
    connect(list, &FtpListOperation::failed, this, [this, list](const OperationError &e) {
        list->deleteLater();
        Q_EMIT failed(e);
    });
    connect(list, &FtpListOperation::succeeded, this, [this, list, relative = relative, depth = depth] {
        list->deleteLater();
        for (const DirectoryEntry &e : list->entries()) {
            const QString child = relative.isEmpty() ? e.name : relative + QLatin1Char('/') + e.name;
            if (m_entries.size() >= kMaxEntries) {
                Q_EMIT failed({ OperationError::Kind::Refused,
                    QStringLiteral("the tree has more than %1 entries").arg(kMaxEntries) });
                return;
            }
            if (e.type == DirectoryEntry::Type::Directory) {
                if (depth + 1 > kMaxDepth) {
                    Q_EMIT failed({ OperationError::Kind::Refused,
                        QStringLiteral("the tree is deeper than %1 levels at %2").arg(kMaxDepth).arg(child) });
                    return;
                }
                m_pending.append({ child, depth + 1 });
            }
            // Links and other entries are listed as leaves (never entered): a download
            // leaves them out, a delete removes the link itself.
            m_entries.append({ child, e });
        }
        listNext();
    });
    list->start();
}

} // namespace Satchel::Ftp
