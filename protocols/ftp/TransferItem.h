#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/ftp/OverwritePolicy.h"

#include <QMetaType>
#include <QString>

namespace Satchel::Ftp {

// One file to move, as the transfer queue keeps it (and stores it, so a restart
// continues where it stopped).
struct TransferItem {
    enum class Direction { Download, Upload };
    // Stored as numbers (TransferQueueStore): new states go at the end.
    enum class State { Pending, Running, Paused, Done, Failed, Cancelled, Skipped, Asking };

    qint64 id = 0;
    Direction direction = Direction::Download;
    QString localPath;
    QString remotePath;
    qint64 size = -1; // -1: unknown
    qint64 transferred = 0;
    qint64 bytesPerSecond = 0; // while running, smoothed (TransferRate)
    qint64 secondsLeft = -1;   // while running; -1 unknown
    State state = State::Pending;
    int priority = 0; // higher first
    OverwritePolicy overwrite = OverwritePolicy::Overwrite; // when the destination exists
    int attempts = 0;
    QString error; // in words, for a failed item (and why a skipped one was skipped)
    OperationError::Kind errorKind = OperationError::Kind::Refused;

    bool isFinal() const
    {
        return state == State::Done || state == State::Failed || state == State::Cancelled || state == State::Skipped;
    }
};

} // namespace Satchel::Ftp

Q_DECLARE_METATYPE(Satchel::Ftp::TransferItem)
