#include "protocols/store/MaildirUidMap.h"

#include <QByteArrayView>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <limits>
#include <optional>

namespace Satchel::Store {

namespace {

constexpr QByteArrayView kMapMagic = "satchel-maildir-uids";
constexpr QByteArrayView kMapVersion = "1";
constexpr quint64 kLargestUid = std::numeric_limits<quint32>::max();

bool fail(QString *error, const QString &text)
{
    *error = text;
    return false;
}

// --- the map file ---------------------------------------------------------------

QByteArray escapeName(const QByteArray &name)
{
    QByteArray out;
    out.reserve(name.size());
    for (const char c : name) {
        switch (c) {
        case '%':
            out += "%25";
            break;
        case '\t':
            out += "%09";
            break;
        case '\n':
            out += "%0A";
            break;
        case '\r':
            out += "%0D";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Parses a decimal number of at most 20 digits; nullopt for anything else.
std::optional<quint64> decimal(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 20) {
        return std::nullopt;
    }
    bool ok = false;
    const quint64 value = text.toULongLong(&ok, 10);
    const bool digitsOnly = std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    return ok && digitsOnly ? std::optional<quint64>(value) : std::nullopt;
}

} // namespace

bool readMaildirUidMap(const QString &path, MaildirUidMap *map, QString *error)
{
    *map = MaildirUidMap();
    QFile file(path);
    if (!file.exists()) {
        return true; // the first scan of this Maildir
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(error, QStringLiteral("cannot read the Maildir UID map %1: %2").arg(path, file.errorString()));
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return fail(error, QStringLiteral("cannot read the Maildir UID map %1: %2").arg(path, file.errorString()));
    }
    if (data.isEmpty()) {
        return true; // never written whole (QSaveFile writes all or nothing): start afresh
    }
    qsizetype pos = 0;
    const auto nextLine = [&data, &pos]() {
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0) {
            end = data.size();
        }
        const QByteArrayView line(data.constData() + pos, end - pos);
        pos = end + 1;
        return line;
    };
    const QByteArrayView first = nextLine();
    const qsizetype space = first.indexOf(' ');
    // Refused rather than started afresh: renumbering would show every message as new
    // and, worse, could give a UID some other program still remembers to another message.
    if (space < 0 || first.first(space) != kMapMagic) {
        return fail(error,
            QStringLiteral("%1 is not a Maildir UID map (it does not start with \"%2\")")
                .arg(path, QString::fromLatin1(kMapMagic)));
    }
    if (first.sliced(space + 1) != kMapVersion) {
        return fail(error,
            QStringLiteral("the Maildir UID map %1 has format %2, which this version of Satchel cannot read")
                .arg(path, QString::fromLatin1(first.sliced(space + 1).toByteArray().left(20))));
    }
    quint64 next = 1;
    QSet<quint32> uids;
    QSet<QString> uniqueNames;
    while (pos < data.size()) {
        const QByteArrayView line = nextLine();
        const qsizetype tab = line.indexOf('\t');
        if (tab <= 0) {
            continue; // damage: that message gets a new UID
        }
        if (line.first(tab) == "next") {
            if (const std::optional<quint64> value = decimal(line.sliced(tab + 1))) {
                next = std::max(next, std::min(*value, kLargestUid + 1));
            }
            continue;
        }
        const std::optional<quint64> uid = decimal(line.first(tab));
        const QString unique = QFile::decodeName(QByteArray::fromPercentEncoding(line.sliced(tab + 1).toByteArray()));
        if (!uid || *uid == 0 || *uid > kLargestUid || unique.isEmpty() || unique.contains(QLatin1Char(':'))
            || unique.contains(QLatin1Char('/')) || uids.contains(static_cast<quint32>(*uid))
            || uniqueNames.contains(unique)) {
            continue;
        }
        uids.insert(static_cast<quint32>(*uid));
        uniqueNames.insert(unique);
        map->names.append({ static_cast<quint32>(*uid), unique });
        next = std::max(next, *uid + 1);
    }
    map->nextUid = next;
    return true;
}

bool writeMaildirUidMap(const QString &path, const MaildirUidMap &map, QString *error)
{
    QByteArray data;
    data.reserve(64 + map.names.size() * 48);
    data.append(kMapMagic).append(' ').append(kMapVersion).append('\n');
    data.append("next\t").append(QByteArray::number(map.nextUid)).append('\n');
    for (const auto &[uid, uniqueName] : map.names) {
        data.append(QByteArray::number(uid))
            .append('\t')
            .append(escapeName(QFile::encodeName(uniqueName)))
            .append('\n');
    }
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir)) {
        return fail(error, QStringLiteral("cannot create the folder %1 for the Maildir UID map").arg(dir));
    }
    // Written whole to a temporary file and renamed over the old one: a crash leaves the
    // old map or the new one, never half of one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(error, QStringLiteral("cannot write the Maildir UID map %1: %2").arg(path, file.errorString()));
    }
    if (file.write(data) != data.size() || !file.commit()) {
        return fail(error, QStringLiteral("cannot write the Maildir UID map %1: %2").arg(path, file.errorString()));
    }
    return true;
}

} // namespace Satchel::Store
