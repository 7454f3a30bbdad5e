#pragma once

#include <QList>

#include <optional>
#include <utility>

namespace Satchel::Ui {

// The rows that came and went between two UID indexes of a folder in the same order:
// runs (first, last) of old rows to remove and of new rows to insert (rows in the new
// index). MessageListModel applies them instead of a reset after a sync.
struct MessageIndexDiff {
    QList<std::pair<int, int>> removals;
    QList<std::pair<int, int>> insertions;
};

// Pure, so it runs on the thread that read the new index. nullopt when the messages in
// both did not keep their relative order (a re-sort), or there are too many runs.
std::optional<MessageIndexDiff> diffMessageIndex(const QList<quint32> &before, const QList<quint32> &after);

} // namespace Satchel::Ui
