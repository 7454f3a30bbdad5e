// Threads of a folder (RFC 5256 §3 "REFERENCES", without subject gathering): which id is
// the parent, missing messages as invisible dummies, loops and duplicate ids, junk in the
// headers, where a thread goes in the list and in what order its replies follow, the depth
// cap, and chains too long for recursion.
#include "ui/mail/MessageThreading.h"

#include <QHash>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

using namespace Satchel::Ui;

namespace {

// "uid|date|message-id|in-reply-to|references"; fields left out are empty.
ThreadInput messageFrom(const QByteArray &row)
{
    const QList<QByteArray> fields = row.split('|');
    ThreadInput message;
    message.uid = fields.value(0).toUInt();
    message.date = fields.value(1).toLongLong();
    message.messageId = fields.value(2);
    message.inReplyTo = fields.value(3);
    message.references = fields.value(4);
    return message;
}

std::vector<ThreadInput> messagesFrom(const QByteArrayList &rows)
{
    std::vector<ThreadInput> messages;
    for (const QByteArray &row : rows) {
        messages.push_back(messageFrom(row));
    }
    return messages;
}

// "uid:depth uid:depth ...", the rows as the list shows them.
QByteArray shown(const ThreadedIndex &threaded)
{
    QByteArrayList rows;
    for (qsizetype i = 0; i < threaded.uids.size(); ++i) {
        QByteArray row = QByteArray::number(threaded.uids.at(i));
        row += ':';
        row += QByteArray::number(static_cast<int>(threaded.depths.value(i)));
        rows.append(row);
    }
    return rows.join(' ');
}

QByteArray idOf(int n)
{
    QByteArray id("<m");
    id += QByteArray::number(n);
    id += "@x>";
    return id;
}

// Deterministic pseudo-random numbers (Knuth's MMIX LCG), so a failure reproduces.
class Lcg
{
public:
    explicit Lcg(quint64 seed)
        : m_state(seed)
    { }
    // In [0, bound); bound > 0.
    int next(int bound)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((m_state >> 33) % static_cast<quint64>(bound));
    }

private:
    quint64 m_state;
};

} // namespace

class TestMessageThreading : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageIds_data();
    void messageIds();
    void threads_data();
    void threads();
    void depthStopsAt255();
    void longChainsDoNotRecurse();
    void randomFolder_data();
    void randomFolder();
};

void TestMessageThreading::messageIds_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArrayList>("ids");
    QTest::newRow("empty") << QByteArray() << QByteArrayList {};
    QTest::newRow("one id") << QByteArray("<a@b>") << QByteArrayList { "<a@b>" };
    QTest::newRow("spaces around") << QByteArray(" <a@b> ") << QByteArrayList { "<a@b>" };
    QTest::newRow("several, in order") << QByteArray("<c@d> <a@b>") << QByteArrayList { "<c@d>", "<a@b>" };
    QTest::newRow("folded") << QByteArray("<a@b>\r\n <c@d>\r\n\t<e@f>") << QByteArrayList { "<a@b>", "<c@d>", "<e@f>" };
    QTest::newRow("adjacent") << QByteArray("<a@b><c@d>") << QByteArrayList { "<a@b>", "<c@d>" };
    QTest::newRow("repeated id kept") << QByteArray("<a@b> <a@b>") << QByteArrayList { "<a@b>", "<a@b>" };
    QTest::newRow("comments and words") << QByteArray("Your message of Monday (Joe) <a@b> (sent <c@d>)")
                                        << QByteArrayList { "<a@b>", "<c@d>" };
    QTest::newRow("junk glued on") << QByteArray("x<a@b>y") << QByteArrayList { "<a@b>" };
    QTest::newRow("empty brackets") << QByteArray("<> <a@b>") << QByteArrayList { "<a@b>" };
    QTest::newRow("no brackets") << QByteArray("a@b") << QByteArrayList {};
    QTest::newRow("word") << QByteArray("foo") << QByteArrayList {};
    QTest::newRow("space inside") << QByteArray("<a @b>") << QByteArrayList {};
    QTest::newRow("tab inside") << QByteArray("<a\t@b>") << QByteArrayList {};
    QTest::newRow("fold inside") << QByteArray("<a@\r\n b>") << QByteArrayList {};
    QTest::newRow("unterminated") << QByteArray("<a@b") << QByteArrayList {};
    QTest::newRow("unterminated, then an id") << QByteArray("<a@b <c@d>") << QByteArrayList { "<c@d>" };
    QTest::newRow("no opening bracket") << QByteArray("a@b>") << QByteArrayList {};
    QTest::newRow("doubled brackets") << QByteArray("<<a@b>>") << QByteArrayList { "<a@b>" };
    QTest::newRow("one character") << QByteArray("<x>") << QByteArrayList { "<x>" };
}

void TestMessageThreading::messageIds()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArrayList, ids);
    QCOMPARE(messageIdsIn(value), ids);
}

void TestMessageThreading::threads_data()
{
    QTest::addColumn<QByteArrayList>("messages"); // in the list's sort order
    QTest::addColumn<QByteArray>("rows"); // uid:depth as shown

    QTest::newRow("empty folder") << QByteArrayList {} << QByteArray();
    QTest::newRow("no ids: order kept, all roots")
        << QByteArrayList { "5|10", "3|50", "9|30" } << QByteArray("5:0 3:0 9:0");
    QTest::newRow("unrelated messages keep their order")
        << QByteArrayList { "2|20|<2@x>", "3|30|<3@x>", "1|10|<1@x>" } << QByteArray("2:0 3:0 1:0");
    QTest::newRow("reply chain") << QByteArrayList { "3|30|<3@x>|<2@x>|<1@x> <2@x>", "2|20|<2@x>|<1@x>|<1@x>",
        "1|10|<1@x>" } << QByteArray("1:0 2:1 3:2");
    QTest::newRow("reply chain, oldest first") << QByteArrayList { "1|10|<1@x>", "2|20|<2@x>|<1@x>|<1@x>",
        "3|30|<3@x>|<2@x>|<1@x> <2@x>" } << QByteArray("1:0 2:1 3:2");
    // Conversation order inside a thread, whatever the list's order: date, not uid.
    QTest::newRow("two replies by date") << QByteArrayList { "2|30|<2@x>|<1@x>", "3|20|<3@x>|<1@x>", "1|10|<1@x>" }
                                         << QByteArray("1:0 3:1 2:1");
    QTest::newRow("two replies, same date: by uid")
        << QByteArrayList { "3|20|<3@x>|<1@x>", "2|20|<2@x>|<1@x>", "1|10|<1@x>" } << QByteArray("1:0 2:1 3:1");
    // A thread goes where its first message in the list is: newest first, an old thread
    // with a new reply comes before a newer message on its own.
    QTest::newRow("thread placed by its newest reply")
        << QByteArrayList { "3|30|<3@x>|<1@x>", "2|20|<2@x>", "1|10|<1@x>" } << QByteArray("1:0 3:1 2:0");
    QTest::newRow("thread placed by its first member in any order")
        << QByteArrayList { "2|20|<2@x>", "1|10|<1@x>", "3|30|<3@x>|<1@x>" } << QByteArray("2:0 1:0 3:1");
    QTest::newRow("in-reply-to only: its first id")
        << QByteArrayList { "3|30|<3@x>|<1@x> <2@x>", "2|20|<2@x>", "1|10|<1@x>" } << QByteArray("1:0 3:1 2:0");
    QTest::newRow("references preferred over in-reply-to")
        << QByteArrayList { "3|30|<3@x>|<2@x>|<1@x>", "2|20|<2@x>", "1|10|<1@x>" } << QByteArray("1:0 3:1 2:0");
    QTest::newRow("in-reply-to when references has no id")
        << QByteArrayList { "3|30|<3@x>|<2@x>|junk <>", "2|20|<2@x>", "1|10|<1@x>" } << QByteArray("2:0 3:1 1:0");
    // The last reference is the parent; a message without references is a root even when
    // another message's References put something above it (RFC 5256 §3 step 1(B)).
    QTest::newRow("last reference is the parent")
        << QByteArrayList { "3|30|<3@x>||<1@x> <2@x>", "2|20|<2@x>", "1|10|<1@x>" } << QByteArray("2:0 3:1 1:0");
    QTest::newRow("missing middle message")
        << QByteArrayList { "3|30|<3@x>||<1@x> <2@x>", "1|10|<1@x>" } << QByteArray("1:0 3:1");
    QTest::newRow("missing middle messages, deeper")
        << QByteArrayList { "5|50|<5@x>||<1@x> <2@x> <3@x> <4@x>", "1|10|<1@x>" } << QByteArray("1:0 5:1");
    QTest::newRow("missing root: replies kept together by date")
        << QByteArrayList { "3|30|<3@x>|<0@x>", "9|25|<9@x>", "2|20|<2@x>|<0@x>" } << QByteArray("2:0 3:0 9:0");
    QTest::newRow("missing root: replies with replies") << QByteArrayList { "4|40|<4@x>|<2@x>|<0@x> <2@x>",
        "3|30|<3@x>|<0@x>", "2|20|<2@x>|<0@x>" } << QByteArray("2:0 4:1 3:0");
    QTest::newRow("missing reply sorted by its first reply, before")
        << QByteArrayList { "3|30|<3@x>||<1@x> <b@x>", "4|20|<4@x>|<1@x>", "1|10|<1@x>" } << QByteArray("1:0 4:1 3:1");
    QTest::newRow("missing reply sorted by its first reply, after")
        << QByteArrayList { "4|40|<4@x>|<1@x>", "3|30|<3@x>||<1@x> <b@x>", "1|10|<1@x>" } << QByteArray("1:0 3:1 4:1");
    // RFC 5256 §3 step 1(A): a missing message keeps the first parent a References chain gave it.
    QTest::newRow("missing message keeps its first parent")
        << QByteArrayList { "4|40|<4@x>||<1@x> <d@x>", "3|30|<3@x>||<2@x> <d@x>", "2|20|<2@x>", "1|10|<1@x>" }
        << QByteArray("1:0 3:1 4:1 2:0");
    // RFC 5256 §3 step 1(B): a message's own References replace the parent another message's
    // References implied (4 says 3 is a reply to 1; 3 says it replies to 2).
    QTest::newRow("own references rearrange an earlier parent") << QByteArrayList { "4|40|<4@x>||<1@x> <3@x>",
        "3|30|<3@x>||<2@x>", "2|20|<2@x>", "1|10|<1@x>" } << QByteArray("2:0 3:1 4:2 1:0");
    QTest::newRow("own references rearrange an earlier parent, oldest first") << QByteArrayList { "1|10|<1@x>",
        "2|20|<2@x>", "3|30|<3@x>||<2@x>", "4|40|<4@x>||<1@x> <3@x>" } << QByteArray("1:0 2:0 3:1 4:2");
    QTest::newRow("references naming the message itself")
        << QByteArrayList { "2|20|<2@x>||<2@x>", "1|10|<1@x>" } << QByteArray("2:0 1:0");
    QTest::newRow("in-reply-to naming the message itself")
        << QByteArrayList { "2|20|<2@x>|<2@x>", "1|10|<1@x>" } << QByteArray("2:0 1:0");
    // The message's own id in its References is skipped: the ids before it still count.
    QTest::newRow("references ending with the message itself")
        << QByteArrayList { "2|20|<2@x>||<1@x> <2@x>", "1|10|<1@x>" } << QByteArray("1:0 2:1");
    QTest::newRow("in-reply-to naming itself, then its parent")
        << QByteArrayList { "2|20|<2@x>|<2@x> <1@x>", "1|10|<1@x>" } << QByteArray("1:0 2:1");
    // A loop is broken at its earliest message, wherever the list puts it.
    QTest::newRow("loop of two") << QByteArrayList { "2|20|<2@x>||<1@x>", "1|10|<1@x>||<2@x>" }
                                 << QByteArray("1:0 2:1");
    QTest::newRow("loop of two, oldest first")
        << QByteArrayList { "1|10|<1@x>||<2@x>", "2|20|<2@x>||<1@x>" } << QByteArray("1:0 2:1");
    QTest::newRow("loop of three") << QByteArrayList { "3|30|<3@x>||<2@x>", "2|20|<2@x>||<1@x>", "1|10|<1@x>||<3@x>" }
                                   << QByteArray("1:0 2:1 3:2");
    QTest::newRow("loop through a missing message")
        << QByteArrayList { "2|20|<2@x>||<1@x> <d@x>", "1|10|<1@x>||<2@x>" } << QByteArray("1:0 2:1");
    QTest::newRow("loop within one references chain")
        << QByteArrayList { "3|30|<3@x>||<a@x> <b@x> <a@x>", "1|10|<1@x>|<a@x>" } << QByteArray("1:0 3:0");
    QTest::newRow("duplicate message-id: first in the list owns it")
        << QByteArrayList { "3|30|<3@x>|<1@x>", "2|20|<1@x>", "1|10|<1@x>" } << QByteArray("2:0 3:1 1:0");
    QTest::newRow("duplicate message-id can still have a parent")
        << QByteArrayList { "1|10|<1@x>", "2|20|<1@x>|<9@x>", "9|5|<9@x>" } << QByteArray("1:0 9:0 2:1");
    QTest::newRow("junk headers") << QByteArrayList { "2|20|<2@x>|foo bar|<>", "1|10|<1@x>" } << QByteArray("2:0 1:0");
    QTest::newRow("comments around an id")
        << QByteArrayList { "2|20|<2@x>|(Your message of Monday) <1@x> (Joe)", "1|10|<1@x>" } << QByteArray("1:0 2:1");
    QTest::newRow("folded references") << QByteArrayList { "4|40|<4@x>|<c@x>", "3|30|<3@x>||<1@x>\r\n <c@x>",
        "1|10|<1@x>" } << QByteArray("1:0 3:1 4:1");
    QTest::newRow("message-id with spaces around")
        << QByteArrayList { "2|20|<2@x>|<1@x>", "1|10| <1@x> " } << QByteArray("1:0 2:1");
    QTest::newRow("message-id without brackets is no id")
        << QByteArrayList { "2|20|<2@x>|<1@x>", "1|10|1@x" } << QByteArray("2:0 1:0");
    QTest::newRow("ids compare exactly") << QByteArrayList { "2|20|<2@x>|<1@X>", "1|10|<1@x>" }
                                         << QByteArray("2:0 1:0");
}

void TestMessageThreading::threads()
{
    QFETCH(QByteArrayList, messages);
    QFETCH(QByteArray, rows);
    const ThreadedIndex threaded = threadMessages(messagesFrom(messages));
    QCOMPARE(threaded.uids.size(), messages.size());
    QCOMPARE(threaded.depths.size(), messages.size());
    QCOMPARE(shown(threaded), rows);
}

void TestMessageThreading::depthStopsAt255()
{
    // A 300-message chain, newest first: message n replies to n - 1.
    constexpr int kLength = 300;
    std::vector<ThreadInput> messages;
    QList<quint32> uids;
    QList<quint8> depths;
    for (int n = kLength; n >= 1; --n) {
        ThreadInput message;
        message.uid = static_cast<quint32>(n);
        message.date = n;
        message.messageId = idOf(n);
        message.inReplyTo = n > 1 ? idOf(n - 1) : QByteArray();
        messages.push_back(message);
        uids.prepend(static_cast<quint32>(n));
        depths.prepend(static_cast<quint8>(std::min(n - 1, 255)));
    }
    const ThreadedIndex threaded = threadMessages(messages);
    QCOMPARE(threaded.uids, uids);
    QCOMPARE(threaded.depths, depths);
    QCOMPARE(threaded.depths.at(254), quint8(254));
    QCOMPARE(threaded.depths.at(255), quint8(255));
    QCOMPARE(threaded.depths.last(), quint8(255));
}

void TestMessageThreading::longChainsDoNotRecurse()
{
    // 100,000 messages, each replying to the one before: as deep a tree as there are messages.
    constexpr int kLength = 100000;
    std::vector<ThreadInput> messages;
    messages.reserve(kLength);
    for (int n = kLength; n >= 1; --n) {
        ThreadInput message;
        message.uid = static_cast<quint32>(n);
        message.date = 1000 + n;
        message.messageId = idOf(n);
        message.inReplyTo = n > 1 ? idOf(n - 1) : QByteArray();
        messages.push_back(message);
    }
    const ThreadedIndex threaded = threadMessages(messages);
    QCOMPARE(threaded.uids.size(), qsizetype(kLength));
    QCOMPARE(threaded.depths.size(), qsizetype(kLength));
    QCOMPARE(threaded.uids.first(), quint32(1));
    QCOMPARE(threaded.uids.last(), quint32(kLength));
    QCOMPARE(threaded.depths.first(), quint8(0));
    QCOMPARE(threaded.depths.at(1), quint8(1));
    QCOMPARE(threaded.depths.last(), quint8(255));
    for (qsizetype row = 0; row < threaded.uids.size(); ++row) {
        if (threaded.uids.at(row) != static_cast<quint32>(row + 1)) {
            QFAIL(qPrintable(QStringLiteral("row %1 shows uid %2").arg(row).arg(threaded.uids.at(row))));
        }
    }

    // One References field naming 100,000 missing messages: a chain of dummies as deep,
    // which shows as nothing between the root and the reply.
    QByteArray references("<root@x>");
    for (int n = 0; n < kLength; ++n) {
        references += ' ';
        references += idOf(n);
    }
    std::vector<ThreadInput> dummies(3);
    dummies[0].uid = 3;
    dummies[0].date = 30;
    dummies[0].messageId = "<3@x>";
    dummies[0].inReplyTo = "<2@x>";
    dummies[1].uid = 2;
    dummies[1].date = 20;
    dummies[1].messageId = "<2@x>";
    dummies[1].references = references;
    dummies[2].uid = 1;
    dummies[2].date = 10;
    dummies[2].messageId = "<root@x>";
    QCOMPARE(shown(threadMessages(dummies)), QByteArray("1:0 2:1 3:2"));
}

void TestMessageThreading::randomFolder_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("broken"); // loops, duplicate ids, junk: only the invariants are checked
    QTest::newRow("5000 messages in trees") << 5000 << false;
    QTest::newRow("5000 messages with loops, duplicates and junk") << 5000 << true;
}

void TestMessageThreading::randomFolder()
{
    QFETCH(int, count);
    QFETCH(bool, broken);
    Lcg rng(broken ? 20240601 : 19700101);

    // Message i is dated 1000 + 10 i but has a uid that falls as i grows, so sorting
    // replies by uid instead of date shows. Parents are earlier messages, or a missing one.
    std::vector<ThreadInput> byIndex(static_cast<std::size_t>(count));
    std::vector<int> parentOf(static_cast<std::size_t>(count), -1); // the message replied to
    std::vector<int> missing(static_cast<std::size_t>(count), -1); // the missing message replied to
    QHash<quint32, int> indexOfUid;
    for (int i = 0; i < count; ++i) {
        ThreadInput &message = byIndex[i];
        message.uid = static_cast<quint32>(count - i + 100);
        message.date = 1000 + 10 * i;
        message.messageId = idOf(i);
        indexOfUid.insert(message.uid, i);
        const int kind = rng.next(10);
        if (i > 0 && kind >= 3 && kind <= 6) {
            parentOf[i] = rng.next(i);
            message.inReplyTo = idOf(parentOf[i]);
        } else if (i > 0 && kind >= 7 && kind <= 8) {
            parentOf[i] = rng.next(i);
            message.references = idOf(rng.next(parentOf[i] + 1)) + "\r\n " + idOf(parentOf[i]);
            message.inReplyTo = "junk " + idOf(rng.next(count));
        } else if (kind == 9) {
            missing[i] = rng.next(50);
            message.inReplyTo = "<gone" + QByteArray::number(missing[i]) + "@x>";
        }
        if (broken) {
            switch (rng.next(12)) {
            case 0:
                message.messageId = idOf(rng.next(i + 1)); // a duplicate, or its own
                break;
            case 1:
                message.messageId = "junk";
                break;
            case 2: // anything, so loops happen
                message.references = idOf(rng.next(count)) + " <gone" + QByteArray::number(rng.next(50)) + "@x> "
                    + idOf(rng.next(count));
                break;
            case 3:
                message.references = "(comment) " + idOf(i) + " <>";
                break;
            default:
                break;
            }
        }
    }
    // The list's order: shuffled.
    std::vector<int> order(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        order[i] = i;
    }
    for (int i = count - 1; i > 0; --i) {
        std::swap(order[i], order[rng.next(i + 1)]);
    }
    std::vector<int> positionOf(static_cast<std::size_t>(count));
    std::vector<ThreadInput> messages;
    for (int position = 0; position < count; ++position) {
        positionOf[order[position]] = position;
        messages.push_back(byIndex[order[position]]);
    }

    const ThreadedIndex threaded = threadMessages(messages);
    QCOMPARE(threaded.uids.size(), qsizetype(count));
    QCOMPARE(threaded.depths.size(), qsizetype(count));
    QSet<quint32> seen;
    for (const quint32 uid : threaded.uids) {
        QVERIFY2(indexOfUid.contains(uid), qPrintable(QString::number(uid)));
        QVERIFY2(!seen.contains(uid), qPrintable(QString::number(uid)));
        seen.insert(uid);
    }
    QCOMPARE(threaded.depths.first(), quint8(0));
    for (qsizetype row = 1; row < count; ++row) {
        QVERIFY2(threaded.depths.at(row) <= threaded.depths.at(row - 1) + 1, qPrintable(QString::number(row)));
    }
    if (broken) {
        return;
    }

    // Each reply sits under its parent (the nearest row above one level up), after its
    // earlier siblings; each thread sits where its first member in the list was, and a
    // missing message's replies are together.
    QList<qint64> threadKeys; // a root's uid, or -1 - the missing message's number
    QList<int> threadPositions;
    qint64 previousRootDate = 0;
    for (qsizetype row = 0; row < count; ++row) {
        const int i = indexOfUid.value(threaded.uids.at(row));
        const int depth = threaded.depths.at(row);
        if (parentOf[i] < 0) {
            QCOMPARE(depth, 0);
            const qint64 key = missing[i] >= 0 ? -1 - missing[i] : static_cast<qint64>(threaded.uids.at(row));
            if (!threadKeys.isEmpty() && threadKeys.last() == key) {
                QVERIFY2(previousRootDate < byIndex[i].date, qPrintable(QString::number(row)));
                threadPositions.last() = std::min(threadPositions.last(), positionOf[i]);
            } else {
                threadKeys.append(key);
                threadPositions.append(positionOf[i]);
            }
            previousRootDate = byIndex[i].date;
            continue;
        }
        QVERIFY2(depth > 0, qPrintable(QString::number(row)));
        threadPositions.last() = std::min(threadPositions.last(), positionOf[i]);
        bool siblingSeen = false;
        qsizetype up = row - 1;
        while (up >= 0 && threaded.depths.at(up) >= depth) {
            if (threaded.depths.at(up) == depth && !siblingSeen) {
                siblingSeen = true;
                const int sibling = indexOfUid.value(threaded.uids.at(up));
                QVERIFY2(byIndex[sibling].date < byIndex[i].date, qPrintable(QString::number(row)));
            }
            --up;
        }
        QVERIFY2(up >= 0, qPrintable(QString::number(row)));
        QCOMPARE(threaded.uids.at(up), byIndex[parentOf[i]].uid);
    }
    QCOMPARE(QSet<qint64>(threadKeys.cbegin(), threadKeys.cend()).size(), threadKeys.size());
    for (qsizetype threadIndex = 1; threadIndex < threadPositions.size(); ++threadIndex) {
        QVERIFY2(threadPositions.at(threadIndex - 1) < threadPositions.at(threadIndex),
            qPrintable(QString::number(threadIndex)));
    }
    QVERIFY(threadKeys.size() > 1);
}

QTEST_GUILESS_MAIN(TestMessageThreading)
#include "tst_message_threading.moc"
