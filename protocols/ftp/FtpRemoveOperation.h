#pragma once

#include "protocols/core/OperationError.h"

#include <QObject>

namespace Satchel::Ftp {

class FtpSession;

// Deletes a remote file (DELE, RFC 959 §4.1.3) or a whole folder: its tree is listed
// first (FtpTreeListOperation; links are deleted, never followed), then every file is
// deleted and every folder removed (RMD) deepest first, the folder itself last. The
// first refusal stops it, so what is left is exactly what could not be deleted.
class FtpRemoveOperation : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Listing, Deleting, Done, Failed };

    FtpRemoveOperation(FtpSession *session, QString path, bool isDirectory, QObject *parent = nullptr);

    void start();
    State state() const { return m_state; }

Q_SIGNALS:
    void succeeded();
    void failed(const Satchel::OperationError &error);

private:
    void run(QList<QByteArray> steps);
    void fail(const OperationError &error);

    FtpSession *m_session;
    QString m_path;
    bool m_directory;
    State m_state = State::Idle;
};

} // namespace Satchel::Ftp
