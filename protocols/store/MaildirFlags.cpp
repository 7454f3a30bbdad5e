#include "protocols/store/MaildirFlags.h"

#include <algorithm>

namespace Satchel::Store {

namespace {

// The letters of the info part that stand for IMAP system flags, in ASCII order
// (https://cr.yp.to/proto/maildir.html, "info semantics"; RFC 9051 §2.3.2).
struct FlagLetter {
    char16_t letter;
    QByteArrayView flag;
};
constexpr FlagLetter kFlagLetters[] = {
    { u'D', "\\Draft" },
    { u'F', "\\Flagged" },
    { u'R', "\\Answered" },
    { u'S', "\\Seen" },
    { u'T', "\\Deleted" },
};

// A name that is not a bare file name is looked at from its last '/' on.
QStringView baseName(QStringView fileName)
{
    const qsizetype slash = fileName.lastIndexOf(u'/');
    return slash < 0 ? fileName : fileName.sliced(slash + 1);
}

// The letters after ":2,", or nothing when the name has no info or one of another
// version (":1," is "experimental semantics").
QStringView infoLetters(QStringView fileName)
{
    const qsizetype colon = fileName.indexOf(u':');
    if (colon < 0) {
        return {};
    }
    const QStringView info = fileName.sliced(colon + 1);
    return info.startsWith(u"2,") ? info.sliced(2) : QStringView();
}

const FlagLetter *letterFor(char16_t letter)
{
    for (const FlagLetter &known : kFlagLetters) {
        if (known.letter == letter) {
            return &known;
        }
    }
    return nullptr;
}

} // namespace

QStringView uniquePart(QStringView fileName)
{
    const qsizetype colon = fileName.indexOf(u':');
    return colon < 0 ? fileName : fileName.first(colon);
}

bool containsFlag(const QList<QByteArray> &flags, QByteArrayView flag)
{
    // RFC 9051 §9: flag names are case-insensitive.
    return std::any_of(flags.cbegin(), flags.cend(),
        [flag](const QByteArray &f) { return QByteArrayView(f).compare(flag, Qt::CaseInsensitive) == 0; });
}

bool sameFlags(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    const auto covers = [](const QList<QByteArray> &x, const QList<QByteArray> &y) {
        return std::all_of(x.cbegin(), x.cend(), [&y](const QByteArray &flag) { return containsFlag(y, flag); });
    };
    return covers(a, b) && covers(b, a);
}

QList<QByteArray> flagsFromMaildirInfo(QStringView fileName)
{
    const QStringView letters = infoLetters(baseName(fileName));
    QList<QByteArray> flags;
    for (const FlagLetter &known : kFlagLetters) {
        if (letters.contains(QChar(known.letter))) {
            // Static bytes, shared rather than copied: a scan calls this per message.
            flags.append(QByteArray::fromRawData(known.flag.data(), known.flag.size()));
        }
    }
    return flags;
}

QString withMaildirFlags(QStringView fileName, const QList<QByteArray> &flags)
{
    const QStringView name = baseName(fileName);
    const QStringView directory = fileName.first(fileName.size() - name.size());
    QString letters;
    for (const QChar c : infoLetters(name)) {
        if (!letterFor(c.unicode())) {
            letters.append(c); // P, keyword letters, ...: not ours to drop
        }
    }
    for (const FlagLetter &known : kFlagLetters) {
        if (containsFlag(flags, known.flag)) {
            letters.append(QChar(known.letter));
        }
    }
    // The spec: "Flags must be stored in ASCII order".
    std::sort(letters.begin(), letters.end());
    letters.erase(std::unique(letters.begin(), letters.end()), letters.end());
    return directory.toString() + uniquePart(name).toString() + QStringLiteral(":2,") + letters;
}

} // namespace Satchel::Store
