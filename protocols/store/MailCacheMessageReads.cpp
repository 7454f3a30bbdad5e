// MailCache: the reads of cached messages (UIDs, flags, summaries, the unread count) and
// hasFlag(), with the parsing of the recipients columns back into addresses.
#include "protocols/store/MailCache.h"
#include "protocols/store/MailCachePrivate.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Satchel::Store {

namespace {

Imap::Address addressFromDisplay(QStringView shown)
{
    Imap::Address address;
    if (shown.endsWith(u'>')) {
        const qsizetype open = shown.lastIndexOf(u'<');
        if (open >= 0) {
            address.name = shown.first(open).trimmed().toString();
            address.email = shown.sliced(open + 1, shown.size() - open - 2).toString();
            return address;
        }
    }
    address.email = shown.toString();
    return address;
}

// The inverse of displayList(), as far as it goes: a display name may itself contain
// ", ", so a piece ends at a separator only when it looks like a whole address (ends
// in '>', or is a bare a@b). A bare address without '@' next to another is misread.
QList<Imap::Address> addressesFromDisplay(const QString &text)
{
    QList<Imap::Address> addresses;
    const QStringView all(text);
    qsizetype start = 0;
    qsizetype searchFrom = 0;
    while (start < all.size()) {
        const qsizetype separator = all.indexOf(u", ", searchFrom);
        const qsizetype end = separator < 0 ? all.size() : separator;
        const QStringView piece = all.sliced(start, end - start);
        const bool whole = separator < 0 || piece.endsWith(u'>')
            || (piece.contains(u'@') && !piece.contains(u' ') && !piece.contains(u'<'));
        if (!whole) {
            searchFrom = separator + 2;
            continue;
        }
        if (!piece.isEmpty())
            addresses.append(addressFromDisplay(piece));
        start = searchFrom = end + 2;
    }
    return addresses;
}

} // namespace

QList<quint32> MailCache::uids(const QString &name)
{
    m_lastError.clear();
    QList<quint32> result;
    QSqlQuery q(m_statements->db);
    // Forward-only: otherwise Qt's SQLite result caches every row it has read.
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT uid FROM messages WHERE folder_id = (SELECT id FROM folders WHERE name = ?)"
                             " ORDER BY uid"));
    q.addBindValue(name);
    if (!q.exec()) {
        fail(QStringLiteral("read the UIDs of %1").arg(folderLabel(name)), q.lastError().text());
        return result;
    }
    while (q.next())
        result.append(q.value(0).toUInt());
    return result;
}

QHash<quint32, QList<QByteArray>> MailCache::flagsByUid(const QString &name)
{
    m_lastError.clear();
    QHash<quint32, QList<QByteArray>> result;
    QSqlQuery q(m_statements->db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT uid, flags FROM messages WHERE folder_id = (SELECT id FROM folders WHERE name = ?)"));
    q.addBindValue(name);
    if (!q.exec()) {
        fail(QStringLiteral("read the flags of %1").arg(folderLabel(name)), q.lastError().text());
        return result;
    }
    // Same idea as in storeSummaries(): parse each distinct flags text once.
    QHash<QString, QList<QByteArray>> parsed;
    while (q.next()) {
        const QString text = q.value(1).toString();
        auto flags = parsed.constFind(text);
        if (flags == parsed.constEnd())
            flags = parsed.insert(text, flagsFromText(text));
        result.insert(q.value(0).toUInt(), *flags);
    }
    return result;
}

QList<Imap::MessageSummary> MailCache::summaries(const QString &name, int limit)
{
    m_lastError.clear();
    QList<Imap::MessageSummary> result;
    QSqlQuery q(m_statements->db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT uid, flags, internaldate, size, modseq, date, subject, from_name, from_email,"
                             " recipients, cc, message_id, in_reply_to, refs FROM messages"
                             " WHERE folder_id = (SELECT id FROM folders WHERE name = ?) ORDER BY uid DESC LIMIT ?"));
    q.addBindValue(name);
    q.addBindValue(limit < 0 ? -1 : limit); // SQLite: a negative LIMIT is no limit
    if (!q.exec()) {
        fail(QStringLiteral("read the messages of %1").arg(folderLabel(name)), q.lastError().text());
        return result;
    }
    while (q.next()) {
        Imap::MessageSummary m;
        m.uid = q.value(0).toUInt();
        m.flags = flagsFromText(q.value(1).toString());
        m.internalDate = dateTimeOrInvalid(q.value(2));
        m.size = q.value(3).toULongLong();
        m.modseq = q.value(4).toULongLong();
        m.envelope.date = dateTimeOrInvalid(q.value(5));
        m.envelope.subject = q.value(6).toString();
        const QString fromName = q.value(7).toString();
        const QString fromEmail = q.value(8).toString();
        if (!fromName.isEmpty() || !fromEmail.isEmpty())
            m.envelope.from.append(Imap::Address { fromName, fromEmail });
        m.envelope.to = addressesFromDisplay(q.value(9).toString());
        m.envelope.cc = addressesFromDisplay(q.value(10).toString());
        m.envelope.messageId = q.value(11).toString().toUtf8();
        m.envelope.inReplyTo = q.value(12).toString().toUtf8();
        m.references = q.value(13).toString().toUtf8();
        result.append(m);
    }
    return result;
}

QList<quint32> MailCache::uidsMatching(const QString &name, const QString &text)
{
    m_lastError.clear();
    QList<quint32> result;
    QSqlQuery q(m_statements->db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT uid, subject, from_name, from_email FROM messages"
                             " WHERE folder_id = (SELECT id FROM folders WHERE name = ?) ORDER BY uid DESC"));
    q.addBindValue(name);
    if (!q.exec()) {
        fail(QStringLiteral("search the messages of %1").arg(folderLabel(name)), q.lastError().text());
        return result;
    }
    while (q.next()) {
        for (int column = 1; column <= 3; ++column) {
            if (q.value(column).toString().contains(text, Qt::CaseInsensitive)) {
                result.append(q.value(0).toUInt());
                break;
            }
        }
    }
    return result;
}

qint64 MailCache::dataVersion()
{
    QSqlQuery q(m_statements->db);
    q.setForwardOnly(true);
    return q.exec(QStringLiteral("PRAGMA data_version")) && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 MailCache::unseenCount(const QString &name)
{
    m_lastError.clear();
    const qint64 version = dataVersion();
    if (const auto memo = m_unseen.constFind(name); version >= 0 && memo != m_unseen.constEnd()
        && memo->dataVersion == version && memo->writes == m_messageWrites) {
        return memo->unseen;
    }
    QSqlQuery q(m_statements->db);
    q.setForwardOnly(true);
    // Spaces around the text make " \Seen " match whole flags only; LIKE ignores ASCII
    // case, as IMAP does for flags.
    q.prepare(QStringLiteral("SELECT count(*) FROM messages WHERE folder_id = (SELECT id FROM folders WHERE name = ?)"
                             " AND (' ' || coalesce(flags, '') || ' ') NOT LIKE '% \\Seen %'"));
    q.addBindValue(name);
    if (!q.exec() || !q.next()) {
        fail(QStringLiteral("count the unread messages of %1").arg(folderLabel(name)), q.lastError().text());
        return 0;
    }
    const qint64 unseen = q.value(0).toLongLong();
    if (version >= 0) {
        m_unseen.insert(name, UnseenMemo { version, m_messageWrites, unseen });
    }
    return unseen;
}

bool MailCache::hasFlag(QStringView flagsText, QStringView flag)
{
    for (QStringView token : flagsText.tokenize(u' ', Qt::SkipEmptyParts)) {
        if (token.compare(flag, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace Satchel::Store
