#include "ui/mail/MessageIndexDiff.h"

#include <unordered_set>

namespace Satchel::Ui {

// A sync mostly adds messages (a first sync, in batches) or removes a few: the rows
// that came and went are inserted and removed as such, so the view keeps its place and
// relays out only what changed, where a reset of 100,000 rows stalls the GUI for longer
// than a frame. The runs are worked out off the GUI thread (with the index read). They
// exist when the messages in both lists keep their relative order (no re-sort), in a
// bounded number of runs; otherwise there is no diff and the model resets.
std::optional<MessageIndexDiff> diffMessageIndex(const QList<quint32> &before, const QList<quint32> &after)
{
    constexpr qsizetype kMaxRuns = 64;
    const std::unordered_set<quint32> oldSet(before.cbegin(), before.cend());
    const std::unordered_set<quint32> newSet(after.cbegin(), after.cend());
    // The messages in both, in old order and in new order, must be the same sequence.
    qsizetype j = 0;
    for (const quint32 uid : after) {
        if (!oldSet.count(uid)) {
            continue;
        }
        while (j < before.size() && !newSet.count(before.at(j))) {
            ++j;
        }
        if (j == before.size() || before.at(j) != uid) {
            return std::nullopt;
        }
        ++j;
    }
    MessageIndexDiff diff;
    auto addRun = [](QList<std::pair<int, int>> &runs, int row) {
        if (!runs.isEmpty() && runs.last().second == row - 1) {
            runs.last().second = row;
        } else {
            runs.append({ row, row });
        }
    };
    for (int row = 0; row < before.size(); ++row) {
        if (!newSet.count(before.at(row))) {
            addRun(diff.removals, row);
        }
    }
    for (int row = 0; row < after.size(); ++row) {
        if (!oldSet.count(after.at(row))) {
            addRun(diff.insertions, row);
        }
    }
    if (diff.removals.size() + diff.insertions.size() > kMaxRuns) {
        return std::nullopt;
    }
    return diff;
}

} // namespace Satchel::Ui
