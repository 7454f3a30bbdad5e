#pragma once

#include <QMetaType>
#include <QString>

namespace Satchel::Ftp {

// What to do when the destination of a transfer already exists — the person's choice,
// per transfer or for a whole queue (FileZilla's and lftp's choices).
enum class OverwritePolicy {
    Overwrite, // replace it (the new file is still written aside and renamed in)
    Skip, // leave it, the item is done without transferring
    ResumeIfSmaller, // a smaller destination is taken as a partial copy and continued
    Rename, // transfer under a free name: "name (2).ext"
    Ask, // the queue asks the person and waits
};

// The action for one item, decided from what exists (pure, so it is tested alone).
struct OverwriteDecision {
    enum class Action { Transfer, Resume, Skip, Rename, Ask };
    Action action = Action::Transfer;
    qint64 offset = 0; // Resume: continue from here
    QString reason; // Skip: why, in words
};

// `destinationSize` < 0: the destination does not exist. `sourceSize` < 0: unknown.
OverwriteDecision decideOverwrite(OverwritePolicy policy, qint64 destinationSize, qint64 sourceSize);

// "overwrite", "skip", "resume-if-smaller", "rename", "ask"; nullopt-like false for others.
bool parseOverwritePolicy(const QString &text, OverwritePolicy *policy);
QString overwritePolicyName(OverwritePolicy policy);

// "name (2).ext", "name (3).ext", ... for the n-th attempt (n >= 2); a leading-dot name
// and a name without an extension keep their shape ("archive.tar.gz" → "archive (2).tar.gz").
QString numberedName(const QString &fileName, int n);

} // namespace Satchel::Ftp

Q_DECLARE_METATYPE(Satchel::Ftp::OverwritePolicy)
