#include "protocols/ftp/OverwritePolicy.h"

namespace Satchel::Ftp {

OverwriteDecision decideOverwrite(OverwritePolicy policy, qint64 destinationSize, qint64 sourceSize)
{
    using Action = OverwriteDecision::Action;
    if (destinationSize < 0) {
        return { Action::Transfer, 0, {} };
    }
    switch (policy) {
    case OverwritePolicy::Overwrite:
        return { Action::Transfer, 0, {} };
    case OverwritePolicy::Skip:
        return { Action::Skip, 0, QStringLiteral("skipped: it already exists") };
    case OverwritePolicy::Rename:
        return { Action::Rename, 0, {} };
    case OverwritePolicy::Ask:
        return { Action::Ask, 0, {} };
    case OverwritePolicy::ResumeIfSmaller:
        if (sourceSize < 0) {
            // Without the source's size "smaller" cannot be judged; replacing could lose
            // a complete copy, so it is left alone.
            return { Action::Skip, 0, QStringLiteral("skipped: it exists and the source's size is unknown") };
        }
        if (destinationSize < sourceSize) {
            return { Action::Resume, destinationSize, {} };
        }
        return { Action::Skip, 0,
            destinationSize == sourceSize ? QStringLiteral("skipped: it exists with the same size")
                                          : QStringLiteral("skipped: it exists and is larger") };
    }
    return { Action::Transfer, 0, {} };
}

bool parseOverwritePolicy(const QString &text, OverwritePolicy *policy)
{
    static const std::pair<const char *, OverwritePolicy> names[] = {
        { "overwrite", OverwritePolicy::Overwrite },
        { "skip", OverwritePolicy::Skip },
        { "resume-if-smaller", OverwritePolicy::ResumeIfSmaller },
        { "rename", OverwritePolicy::Rename },
        { "ask", OverwritePolicy::Ask },
    };
    for (const auto &[name, value] : names) {
        if (text == QLatin1String(name)) {
            *policy = value;
            return true;
        }
    }
    return false;
}

QString overwritePolicyName(OverwritePolicy policy)
{
    switch (policy) {
    case OverwritePolicy::Overwrite:
        return QStringLiteral("overwrite");
    case OverwritePolicy::Skip:
        return QStringLiteral("skip");
    case OverwritePolicy::ResumeIfSmaller:
        return QStringLiteral("resume-if-smaller");
    case OverwritePolicy::Rename:
        return QStringLiteral("rename");
    case OverwritePolicy::Ask:
        return QStringLiteral("ask");
    }
    return {};
}

QString numberedName(const QString &fileName, int n)
{
    // The extension starts at the first dot after the first character, so
    // "archive.tar.gz" keeps ".tar.gz" and ".profile" stays whole.
    const qsizetype dot = fileName.indexOf(u'.', 1);
    const QString stem = dot < 0 ? fileName : fileName.left(dot);
    const QString extension = dot < 0 ? QString() : fileName.mid(dot);
    return QStringLiteral("%1 (%2)%3").arg(stem).arg(n).arg(extension);
}

} // namespace Satchel::Ftp
