#include "protocols/store/MaildirIndex.h"

#include "protocols/store/MaildirHeaderSummary.h"
#include "protocols/store/MaildirUidMap.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <limits>
#include <optional>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace Satchel::Store {

namespace {

constexpr quint64 kLargestUid = std::numeric_limits<quint32>::max();

QString errnoText(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

bool fail(QString *error, const QString &text)
{
    *error = text;
    return false;
}

// --- listing new/ and cur/ --------------------------------------------------------

struct Listed {
    QString fileName;
    bool inCur = false;
};

// Whether a directory entry is a regular file (following a symbolic link, as opening
// it would). Most filesystems say so in d_type without a stat.
bool isRegularFile(DIR *dir, const dirent *entry)
{
    if (entry->d_type == DT_REG) {
        return true;
    }
    if (entry->d_type != DT_UNKNOWN && entry->d_type != DT_LNK) {
        return false;
    }
    struct stat st {
    };
    return ::fstatat(::dirfd(dir), entry->d_name, &st, 0) == 0 && S_ISREG(st.st_mode);
}

// Calls `each` with every message file name of a new/ or cur/ folder. readdir(3) rather
// than QDir: a folder that cannot be read must be an error, not an empty list.
template<typename Each> bool forEachMessageFile(const QString &dirPath, QString *error, Each each)
{
    DIR *dir = ::opendir(QFile::encodeName(dirPath).constData());
    if (!dir) {
        return fail(error, QStringLiteral("cannot read the Maildir folder %1: %2").arg(dirPath, errnoText(errno)));
    }
    for (;;) {
        errno = 0;
        const dirent *entry = ::readdir(dir);
        if (!entry) {
            const int code = errno;
            ::closedir(dir);
            if (code != 0) {
                return fail(
                    error, QStringLiteral("cannot read the Maildir folder %1: %2").arg(dirPath, errnoText(code)));
            }
            return true;
        }
        // The spec: readers should skip names that start with a dot (".", ".." and
        // files other programs keep there).
        if (entry->d_name[0] == '.' || !isRegularFile(dir, entry)) {
            continue;
        }
        each(QFile::decodeName(entry->d_name));
    }
}

// Where a message sorts among those delivered together: MaildirWriter names are
// "SECONDS.M<usec>P<pid>Q<counter>.host", and other delivery agents start with the
// time the same way. The numbers are compared as numbers ("M40" comes after "M5", and
// 1000000000 after 999999999); names that do not start with a time go last, by name.
struct DeliveryKey {
    quint64 seconds = std::numeric_limits<quint64>::max();
    quint64 micros = 0;
    quint64 counter = 0;

    auto tie() const { return std::tie(seconds, micros, counter); }
};

quint64 readDigits(QStringView text, qsizetype *pos)
{
    quint64 value = 0;
    while (*pos < text.size() && text[*pos] >= u'0' && text[*pos] <= u'9') {
        const quint64 digit = text[*pos].unicode() - u'0';
        value = value > (std::numeric_limits<quint64>::max() - digit) / 10 ? std::numeric_limits<quint64>::max()
                                                                           : value * 10 + digit;
        ++*pos;
    }
    return value;
}

DeliveryKey deliveryKey(QStringView name)
{
    DeliveryKey key;
    qsizetype pos = 0;
    if (name.isEmpty() || name[0] < u'0' || name[0] > u'9') {
        return key;
    }
    key.seconds = readDigits(name, &pos);
    if (!name.sliced(pos).startsWith(u".M")) {
        return key;
    }
    pos += 2;
    key.micros = readDigits(name, &pos);
    if (pos < name.size() && name[pos] == u'P') {
        ++pos;
        readDigits(name, &pos);
    }
    if (pos < name.size() && name[pos] == u'Q') {
        ++pos;
        key.counter = readDigits(name, &pos);
    }
    return key;
}

// rename(2) that never replaces an existing message. RENAME_NOREPLACE where the
// filesystem has it; some (older NFS, CIFS) refuse the flag, and get a plain rename.
bool renameNoReplace(const QString &from, const QString &to, int *code)
{
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
    if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE) == 0) {
        return true;
    }
    if (errno != EINVAL) {
        *code = errno;
        return false;
    }
    if (::access(target.constData(), F_OK) == 0) {
        *code = EEXIST;
        return false;
    }
    if (::rename(source.constData(), target.constData()) == 0) {
        return true;
    }
    *code = errno;
    return false;
}

} // namespace

MaildirIndex::MaildirIndex(QString root, QString mapPath)
    : m_root(std::move(root))
    , m_mapPath(std::move(mapPath))
{ }

quint32 MaildirIndex::nextUid() const
{
    return static_cast<quint32>(std::min(m_nextUid, kLargestUid));
}

bool MaildirIndex::loadMap(QString *error)
{
    m_entries.clear();
    m_uidByName.clear();
    m_nextUid = 1;
    MaildirUidMap map;
    if (!readMaildirUidMap(m_mapPath, &map, error)) {
        return false;
    }
    for (const auto &[uid, uniqueName] : std::as_const(map.names)) {
        m_entries.insert(uid, Entry { uniqueName, uniqueName, false });
        m_uidByName.insert(uniqueName, uid);
    }
    m_nextUid = map.nextUid;
    m_loaded = true;
    return true;
}

bool MaildirIndex::saveMap(QString *error)
{
    MaildirUidMap map;
    map.nextUid = m_nextUid;
    const std::vector<std::pair<quint32, const Entry *>> entries = sortedEntries();
    map.names.reserve(static_cast<qsizetype>(entries.size()));
    for (const auto &[uid, entry] : entries) {
        map.names.append({ uid, entry->uniqueName });
    }
    if (!writeMaildirUidMap(m_mapPath, map, error)) {
        return false;
    }
    m_dirty = false;
    return true;
}

bool MaildirIndex::scan(const QHash<quint32, QList<QByteArray>> &cachedFlags, Changes *changes, QString *error)
{
    *changes = Changes();
    if (!m_loaded && !loadMap(error)) {
        return false;
    }

    // new/ before cur/: a message a reader moves from new/ to cur/ meanwhile is then seen
    // twice (and counted once) rather than not at all.
    QHash<QString, Listed> found;
    found.reserve(m_entries.size() + 64);
    const auto collect = [&found](bool inCur) {
        return [&found, inCur](const QString &fileName) {
            const QStringView unique = uniquePart(fileName);
            if (unique.isEmpty()) {
                return; // ":2,S": no unique name to keep a UID by
            }
            auto it = found.find(unique.toString());
            if (it == found.end()) {
                found.insert(unique.toString(), Listed { fileName, inCur });
            } else if (inCur && (!it->inCur || fileName < it->fileName)) {
                // Two copies (a reader that crashed half-way): cur/ is the later state;
                // among copies in cur/, the same one every time.
                *it = Listed { fileName, inCur };
            }
        };
    };
    if (!forEachMessageFile(m_root + QStringLiteral("/new"), error, collect(false))
        || !forEachMessageFile(m_root + QStringLiteral("/cur"), error, collect(true))) {
        return false;
    }

    // A lost or older map must not hand out a UID the cache still holds for another
    // message: UIDs are never reused (RFC 9051 §2.3.1.1).
    for (auto it = cachedFlags.keyBegin(); it != cachedFlags.keyEnd(); ++it) {
        if (*it >= m_nextUid) {
            m_nextUid = quint64(*it) + 1;
            m_dirty = true;
        }
    }

    // Gone files are collected first and dropped after: erasing from a QHash while
    // walking it may visit an entry twice.
    QList<quint32> gone;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        const auto listed = found.constFind(it->uniqueName);
        if (listed == found.constEnd()) {
            gone.append(it.key());
        } else {
            it->fileName = listed->fileName;
            it->inCur = listed->inCur;
        }
    }
    for (const quint32 uid : std::as_const(gone)) {
        m_uidByName.remove(m_entries.take(uid).uniqueName);
        m_dirty = true;
    }

    struct Fresh {
        DeliveryKey key;
        QString uniqueName;
        Listed listed;
    };
    std::vector<Fresh> fresh;
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        if (!m_uidByName.contains(it.key())) {
            fresh.push_back(Fresh { deliveryKey(it.key()), it.key(), it.value() });
        }
    }
    std::sort(fresh.begin(), fresh.end(), [](const Fresh &a, const Fresh &b) {
        return a.key.tie() != b.key.tie() ? a.key.tie() < b.key.tie() : a.uniqueName < b.uniqueName;
    });
    for (const Fresh &f : fresh) {
        if (m_nextUid > kLargestUid) {
            return fail(error, QStringLiteral("the Maildir %1 has used up its 32-bit UIDs").arg(m_root));
        }
        const quint32 uid = static_cast<quint32>(m_nextUid++);
        m_entries.insert(uid, Entry { f.uniqueName, f.listed.fileName, f.listed.inCur });
        m_uidByName.insert(f.uniqueName, uid);
        m_dirty = true;
    }
    // The map is on disk before any UID reaches the cache.
    if (m_dirty && !saveMap(error)) {
        return false;
    }

    for (auto it = cachedFlags.keyBegin(); it != cachedFlags.keyEnd(); ++it) {
        if (!m_entries.contains(*it)) {
            changes->removed.append(*it);
        }
    }
    std::sort(changes->removed.begin(), changes->removed.end());

    std::optional<AddressParser> addresses; // GMime only once there is a file to read
    for (const auto &[uid, entry] : sortedEntries()) {
        // A message in new/ has not been seen by any reader: no flags, whatever its name.
        QList<QByteArray> flags = entry->inCur ? flagsFromMaildirInfo(entry->fileName) : QList<QByteArray>();
        const auto cached = cachedFlags.constFind(uid);
        if (cached == cachedFlags.constEnd()) {
            if (!addresses) {
                addresses.emplace();
            }
            changes->added.append(summaryOf(pathOf(*entry), uid, std::move(flags), *addresses, MaxHeaderBytes));
        } else if (!sameFlags(*cached, flags)) {
            changes->flags.append(Imap::FlagUpdate { uid, std::move(flags), 0 });
        }
    }
    return true;
}

std::vector<std::pair<quint32, const MaildirIndex::Entry *>> MaildirIndex::sortedEntries() const
{
    std::vector<std::pair<quint32, const Entry *>> sorted;
    sorted.reserve(static_cast<std::size_t>(m_entries.size()));
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        sorted.emplace_back(it.key(), &it.value());
    }
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return sorted;
}

QString MaildirIndex::pathOf(const Entry &entry) const
{
    return m_root + (entry.inCur ? QStringLiteral("/cur/") : QStringLiteral("/new/")) + entry.fileName;
}

QString MaildirIndex::pathOf(quint32 uid) const
{
    const auto it = m_entries.constFind(uid);
    return it == m_entries.constEnd() ? QString() : pathOf(*it);
}

bool MaildirIndex::relocate(Entry *entry, QString *error) const
{
    const QString unique = entry->uniqueName;
    if (QFileInfo(m_root + QStringLiteral("/new/") + unique).isFile()) {
        entry->fileName = unique;
        entry->inCur = false;
        return true;
    }
    QString match;
    const QString prefix = unique + QLatin1Char(':');
    const bool listed = forEachMessageFile(m_root + QStringLiteral("/cur"), error, [&](const QString &fileName) {
        if ((fileName == unique || fileName.startsWith(prefix)) && (match.isEmpty() || fileName < match)) {
            match = fileName;
        }
    });
    if (!listed || match.isEmpty()) {
        return false;
    }
    entry->fileName = match;
    entry->inCur = true;
    return true;
}

bool MaildirIndex::setFlags(quint32 uid, const QList<QByteArray> &add, const QList<QByteArray> &remove, QString *error)
{
    const auto it = m_entries.find(uid);
    if (it == m_entries.end()) {
        return fail(
            error, QStringLiteral("the Maildir %1 has no message with UID %2").arg(m_root, QString::number(uid)));
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        QList<QByteArray> flags;
        const QList<QByteArray> current = it->inCur ? flagsFromMaildirInfo(it->fileName) : QList<QByteArray>();
        for (const QByteArray &flag : current + add) {
            if (!containsFlag(remove, flag) && !containsFlag(flags, flag)) {
                flags.append(flag);
            }
        }
        // A file in new/ moves to cur/ even with no flags: it has been seen by a reader.
        const QString target = withMaildirFlags(it->fileName, flags);
        if (it->inCur && target == it->fileName) {
            return true;
        }
        const QString from = pathOf(*it);
        const QString to = m_root + QStringLiteral("/cur/") + target;
        int code = 0;
        if (renameNoReplace(from, to, &code)) {
            it->fileName = target;
            it->inCur = true;
            return true;
        }
        QString relocateError;
        if (code != ENOENT || attempt > 0 || !relocate(&*it, &relocateError)) {
            return fail(error,
                QStringLiteral("cannot rename %1 to %2: %3")
                    .arg(from, to, code == ENOENT && !relocateError.isEmpty() ? relocateError : errnoText(code)));
        }
        // Another program moved the file since the last scan; try again where it is now.
    }
    return fail(error, QStringLiteral("cannot change the flags of %1").arg(pathOf(*it)));
}

bool MaildirIndex::remove(quint32 uid, QString *error)
{
    const auto it = m_entries.find(uid);
    if (it == m_entries.end()) {
        return fail(
            error, QStringLiteral("the Maildir %1 has no message with UID %2").arg(m_root, QString::number(uid)));
    }
    QString path = pathOf(*it);
    if (::unlink(QFile::encodeName(path).constData()) != 0) {
        const int code = errno;
        QString relocateError;
        if (code != ENOENT) {
            return fail(error, QStringLiteral("cannot delete %1: %2").arg(path, errnoText(code)));
        }
        if (relocate(&*it, &relocateError)) {
            path = pathOf(*it);
            if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT) {
                const int again = errno;
                return fail(error, QStringLiteral("cannot delete %1: %2").arg(path, errnoText(again)));
            }
        } else if (!relocateError.isEmpty()) {
            return fail(error, relocateError);
        }
        // Gone already: what was asked for is done.
    }
    // The map file is rewritten at the next scan(), not here: deleting a thousand
    // messages must not rewrite it a thousand times. A stale line is harmless (its file
    // is gone, so scan() drops it) and the UID cannot come back: "next" only grows.
    m_uidByName.remove(it->uniqueName);
    m_entries.erase(it);
    m_dirty = true;
    return true;
}

} // namespace Satchel::Store
