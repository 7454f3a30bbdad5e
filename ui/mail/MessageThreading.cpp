#include "ui/mail/MessageThreading.h"

#include <QHashFunctions>

#include <algorithm>
#include <compare>
#include <cstddef>
#include <limits>
#include <numeric>
#include <utility>

namespace Satchel::Ui {

namespace {

constexpr int kMaxDepth = std::numeric_limits<quint8>::max();
// The References ids of one message that threading looks at: the first and the newest.
constexpr std::size_t kMaxChain = 33;

bool isHeaderSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Calls visit(id) for every "<...>" token of a header value, in order, until it returns
// false. A token has no whitespace inside and something between its brackets; everything
// else (comments, words, the "<>" some clients write, a lone bracket) is skipped rather
// than rejected, because real headers carry all of these and the ids around them still
// thread. Tokens are views into `value`: threading 100,000 messages allocates no id.
template<typename Visit> void forEachMessageId(QByteArrayView value, Visit &&visit)
{
    qsizetype open = -1;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '<') {
            open = i; // "<<a@b>" is "<a@b>" with junk before it
        } else if (isHeaderSpace(c)) {
            open = -1;
        } else if (c == '>' && open >= 0) {
            const qsizetype start = open;
            open = -1;
            if (i - start > 1 && !visit(value.sliced(start, i - start + 1))) {
                return;
            }
        }
    }
}

// Message ids to containers. Open addressing in one array of slots (with each id's hash
// kept, so most probes never compare bytes): std::unordered_map's node per id and its
// pointer chasing took two thirds of the threading time at 100,000 messages.
class IdTable
{
public:
    explicit IdTable(std::size_t expected)
    {
        std::size_t capacity = 16;
        while (capacity < expected * 2) {
            capacity <<= 1;
        }
        m_slots.resize(capacity);
    }

    // The container of id, after making it `value` when the id was not there yet.
    int findOrInsert(QByteArrayView id, int value)
    {
        if ((m_count + 1) * 2 > m_slots.size()) {
            grow();
        }
        const auto hash = static_cast<quint32>(qHash(id, 0));
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.value < 0) {
                slot = Slot { id, hash, value };
                ++m_count;
                return value;
            }
            if (slot.hash == hash && slot.id == id) {
                return slot.value;
            }
        }
    }

private:
    // 24 bytes: the table for 100,000 messages stays a few MiB, most of it in cache.
    struct Slot {
        QByteArrayView id;
        quint32 hash = 0;
        qint32 value = -1; // -1: empty
    };

    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (const Slot &slot : old) {
            if (slot.value < 0) {
                continue;
            }
            std::size_t i = slot.hash & mask;
            while (m_slots[i].value >= 0) {
                i = (i + 1) & mask;
            }
            m_slots[i] = slot;
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

// Where a container goes among its siblings: conversation order (date, then uid). The
// input index makes keys unique, so the order never depends on the sort algorithm. A
// dummy takes the key of its earliest child, so it sits where its first reply would.
struct SortKey {
    qint64 date = std::numeric_limits<qint64>::max();
    quint32 uid = std::numeric_limits<quint32>::max();
    int message = std::numeric_limits<int>::max();

    friend auto operator<=>(const SortKey &, const SortKey &) = default;
};

// Union-find over the containers linked by References chains (RFC 5256 §3 step 1(A)): those
// links only ever join a parentless container under another, so "the link would create a
// loop" is "both are already in one tree". Path halving and union by size keep it near O(1).
int findTree(std::vector<int> &forest, int container)
{
    while (forest[container] != container) {
        forest[container] = forest[forest[container]];
        container = forest[container];
    }
    return container;
}

} // namespace

QList<QByteArray> messageIdsIn(QByteArrayView headerValue)
{
    QList<QByteArray> ids;
    forEachMessageId(headerValue, [&ids](QByteArrayView id) {
        ids.append(id.toByteArray());
        return true;
    });
    return ids;
}

// Containers are RFC 5256's: one per message (index = input index) and one "dummy" per id
// that only References or In-Reply-To name (indexes after the messages). Everything is
// vectors of indexes and one hash of id views, and no step recurses: a 100,000-long reply
// chain is as deep a tree as the input is long.
ThreadedIndex threadMessages(const std::vector<ThreadInput> &messages)
{
    const int messageCount = static_cast<int>(messages.size());

    // Message-IDs first, so that an id named by References before its message comes up in
    // the input still finds the message rather than a dummy. RFC 5256 §3 step 1(A): a duplicate
    // Message-ID goes to the first message (in input order); a later one has no id of its own.
    // Sized for the messages' ids and a quarter more named only by others; it grows if need be.
    IdTable containerOfId(messages.size() + messages.size() / 4);
    // The container the message's own Message-ID names (its own, or the owner of a duplicate).
    std::vector<int> ownIdContainer(messages.size(), -1);
    for (int i = 0; i < messageCount; ++i) {
        forEachMessageId(messages[i].messageId, [&](QByteArrayView id) {
            ownIdContainer[i] = containerOfId.findOrInsert(id, i);
            return false;
        });
    }

    std::vector<int> parent(messages.size(), -1);
    std::vector<int> forest(messages.size());
    std::iota(forest.begin(), forest.end(), 0);
    std::vector<int> treeSize(messages.size(), 1);
    auto containerFor = [&](QByteArrayView id) {
        const int next = static_cast<int>(parent.size());
        const int container = containerOfId.findOrInsert(id, next);
        const bool inserted = container == next;
        if (inserted) {
            parent.push_back(-1);
            forest.push_back(container);
            treeSize.push_back(1);
        }
        return container;
    };
    // RFC 5256 §3 step 1(A): consecutive ids of a References chain are parent and child,
    // unless the child already has a parent or the link would close a loop. Only dummies are
    // linked so: a message's own References (step 1(B) below) always decide its parent, wherever
    // the list's sort puts it; a parentless message stays a root even when the References of a
    // reply processed before it name an older message above it.
    auto linkReference = [&](int up, int down) {
        if (down < messageCount || parent[down] >= 0) {
            return;
        }
        int upTree = findTree(forest, up);
        int downTree = findTree(forest, down);
        if (upTree == downTree) {
            return;
        }
        parent[down] = up;
        if (treeSize[upTree] < treeSize[downTree]) {
            std::swap(upTree, downTree);
        }
        forest[downTree] = upTree;
        treeSize[upTree] += treeSize[downTree];
    };
    std::vector<QByteArrayView> chain;
    for (int i = 0; i < messageCount; ++i) {
        const ThreadInput &message = messages[i];
        int last = -1;
        // A message naming its own id in its References (a broken client, or a resent
        // copy) skips it: the ids before it are still its ancestors.
        const int own = ownIdContainer[i];
        // At most the first id and the last kMaxChain - 1: a cache written by anything
        // else may hold a field of thousands of ids, each of which would be a container.
        chain.clear();
        forEachMessageId(message.references, [&](QByteArrayView id) {
            chain.push_back(id);
            return true;
        });
        if (chain.size() > kMaxChain) {
            chain.erase(chain.begin() + 1, chain.end() - (kMaxChain - 1));
        }
        for (const QByteArrayView id : chain) {
            const int current = containerFor(id);
            if (own >= 0 && current == own) {
                continue;
            }
            if (last >= 0) {
                linkReference(last, current);
            }
            last = current;
        }
        if (last < 0) {
            // RFC 5256 §3 step 1(A): without References, the first id of In-Reply-To. Later ones
            // are rarely parents (old clients listed several messages there).
            forEachMessageId(message.inReplyTo, [&](QByteArrayView id) {
                const int current = containerFor(id);
                if (own >= 0 && current == own) {
                    return true; // not its own parent: the next id, if any
                }
                last = current;
                return false;
            });
        }
        // RFC 5256 §3 step 1(B): the last reference is the parent, replacing whatever another
        // message's References implied. Loops through other messages are broken below, once
        // every parent is known.
        parent[i] = last;
    }
    const int containerCount = static_cast<int>(parent.size());

    std::vector<SortKey> key(parent.size());
    for (int i = 0; i < messageCount; ++i) {
        key[i] = SortKey { messages[i].date, messages[i].uid, i };
    }

    // Every container has at most one parent, so each loop left by step 1(B) is a simple cycle,
    // and it has a message in it (the dummy links above never close one). RFC 5256 §3 step 1(B)
    // refuses the link that would close it; which link that is depends on the order messages
    // are processed in, so the earliest message of the loop (by date) becomes its root instead,
    // wherever the list is sorted: the conversation then reads from its start.
    {
        enum : quint8 { Unseen, OnPath, Done };
        std::vector<quint8> state(parent.size(), Unseen);
        std::vector<int> path;
        for (int start = 0; start < containerCount; ++start) {
            int node = start;
            while (node >= 0 && state[node] == Unseen) {
                state[node] = OnPath;
                path.push_back(node);
                node = parent[node];
            }
            if (node >= 0 && state[node] == OnPath) {
                int root = -1;
                for (auto member = path.rbegin(); member != path.rend(); ++member) {
                    if (*member < messageCount && (root < 0 || key[*member] < key[root])) {
                        root = *member;
                    }
                    if (*member == node) {
                        break;
                    }
                }
                if (root >= 0) { // always: see above
                    parent[root] = -1;
                }
            }
            for (const int member : path) {
                state[member] = Done;
            }
            path.clear();
        }
    }

    // Children lists, all in one vector: container c's are children[childStart[c] .. childStart[c + 1]).
    std::vector<int> childStart(parent.size() + 1, 0);
    for (const int up : parent) {
        if (up >= 0) {
            ++childStart[up + 1];
        }
    }
    std::partial_sum(childStart.begin(), childStart.end(), childStart.begin());
    std::vector<int> children(static_cast<std::size_t>(childStart[parent.size()]));
    std::vector<int> roots;
    {
        std::vector<int> next(childStart.begin(), childStart.end() - 1);
        for (int node = 0; node < containerCount; ++node) {
            if (parent[node] >= 0) {
                children[next[parent[node]]++] = node;
            } else {
                roots.push_back(node);
            }
        }
    }

    // Pre-order of the whole forest; walked backwards, children come before their parent.
    std::vector<int> preOrder;
    preOrder.reserve(parent.size());
    std::vector<int> stack;
    for (const int root : roots) {
        stack.push_back(root);
        while (!stack.empty()) {
            const int node = stack.back();
            stack.pop_back();
            preOrder.push_back(node);
            stack.insert(stack.end(), children.begin() + childStart[node], children.begin() + childStart[node + 1]);
        }
    }
    // firstInput: the earliest input position in a subtree, where its thread is placed: with
    // the list sorted newest first, the thread with the latest message comes first.
    std::vector<int> firstInput(parent.size(), std::numeric_limits<int>::max());
    std::iota(firstInput.begin(), firstInput.begin() + messageCount, 0);
    for (auto node = preOrder.rbegin(); node != preOrder.rend(); ++node) {
        const int up = parent[*node];
        if (up < 0) {
            continue;
        }
        firstInput[up] = std::min(firstInput[up], firstInput[*node]);
        if (up >= messageCount) {
            key[up] = std::min(key[up], key[*node]);
        }
    }
    for (int node = 0; node < containerCount; ++node) {
        std::sort(children.begin() + childStart[node], children.begin() + childStart[node + 1],
            [&key](int a, int b) { return key[a] < key[b]; });
    }
    // Each message is in exactly one tree, so trees holding a message have distinct
    // firstInput; trees of dummies only have none and show nothing.
    std::vector<int> threadAt(messages.size(), -1);
    for (const int root : roots) {
        if (firstInput[root] < messageCount) {
            threadAt[firstInput[root]] = root;
        }
    }

    ThreadedIndex threaded;
    threaded.uids.reserve(messageCount);
    threaded.depths.reserve(messageCount);
    std::vector<std::pair<int, int>> pending; // (container, depth), an explicit DFS stack
    for (const int root : threadAt) {
        if (root < 0) {
            continue;
        }
        pending.emplace_back(root, 0);
        while (!pending.empty()) {
            const auto [node, depth] = pending.back();
            pending.pop_back();
            int childDepth = depth;
            if (node < messageCount) {
                threaded.uids.append(messages[node].uid);
                threaded.depths.append(static_cast<quint8>(depth));
                childDepth = std::min(depth + 1, kMaxDepth);
            }
            // A dummy is no row: its children take its place and depth. Pushed last first,
            // so the earliest reply is shown first.
            for (int child = childStart[node + 1]; child-- > childStart[node];) {
                pending.emplace_back(children[child], childDepth);
            }
        }
    }
    return threaded;
}

} // namespace Satchel::Ui
