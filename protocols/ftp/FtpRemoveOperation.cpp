#include "protocols/ftp/FtpRemoveOperation.h"

#include "protocols/ftp/FtpCommandOperation.h"
#include "protocols/ftp/FtpTreeListOperation.h"
#include "protocols/ftp/TransferPlan.h"

#include <algorithm>

namespace Satchel::Ftp {

FtpRemoveOperation::FtpRemoveOperation(FtpSession *session, QString path, bool isDirectory, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_path(std::move(path))
    , m_directory(isDirectory)
{ }

void FtpRemoveOperation::start()
{
    if (!m_directory) {
        run({ "DELE " + m_path.toUtf8() });
        return;
    }
    m_state = State::Listing;
    auto *list = new FtpTreeListOperation(m_session, m_path, this);
    connect(list, &FtpTreeListOperation::failed, this, &FtpRemoveOperation::fail);
    connect(list, &FtpTreeListOperation::succeeded, this, [this, list] {
        QList<QByteArray> files;
        QStringList folders;
        for (const auto &[relative, entry] : list->entries()) {
            const QString path = joinRemotePath(m_path, relative);
            if (entry.type == DirectoryEntry::Type::Directory) {
                folders.append(path);
            } else {
                files.append("DELE " + path.toUtf8());
            }
        }
        // Reverse order puts "a/b/c" before "a/b" and "a/b" before "a": children first.
        std::sort(folders.begin(), folders.end(), std::greater<>());
        QList<QByteArray> steps = files;
        for (const QString &folder : std::as_const(folders)) {
            steps.append("RMD " + folder.toUtf8());
        }
        steps.append("RMD " + m_path.toUtf8());
        list->deleteLater();
        run(steps);
    });
    list->start();
}

void FtpRemoveOperation::run(QList<QByteArray> steps)
{
    m_state = State::Deleting;
    auto *chain = new FtpCommandOperation(m_session, std::move(steps), this);
    connect(chain, &FtpCommandOperation::failed, this, &FtpRemoveOperation::fail);
    connect(chain, &FtpCommandOperation::succeeded, this, [this] {
        m_state = State::Done;
        Q_EMIT succeeded();
    });
    chain->start();
}

void FtpRemoveOperation::fail(const OperationError &error)
{
    if (m_state == State::Done || m_state == State::Failed) {
        return;
    }
    m_state = State::Failed;
    Q_EMIT failed(error);
}

} // namespace Satchel::Ftp
