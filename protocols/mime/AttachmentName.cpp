#include "protocols/mime/AttachmentName.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace Satchel::Mime {

namespace {

bool isReservedDeviceName(const QString &name)
{
    // Windows refuses these as file names, with or without an extension.
    static const QRegularExpression reserved(QStringLiteral("^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\\$|conout\\$)(\\..*)?$"),
                                             QRegularExpression::CaseInsensitiveOption);
    return reserved.match(name).hasMatch();
}

QString trimDotsAndSpaces(QString s)
{
    while (!s.isEmpty() && (s.front() == QLatin1Char('.') || s.front().isSpace())) {
        s.remove(0, 1);
    }
    while (!s.isEmpty() && (s.back() == QLatin1Char('.') || s.back().isSpace())) {
        s.chop(1);
    }
    return s;
}

} // namespace

QString sanitizeFileName(const QString &name, const QString &fallback)
{
    // The last component of any path, whichever separator the sender used.
    QString s = name;
    const qsizetype cut = std::max(s.lastIndexOf(QLatin1Char('/')), s.lastIndexOf(QLatin1Char('\\')));
    if (cut >= 0) {
        s = s.mid(cut + 1);
    }
    QString clean;
    clean.reserve(s.size());
    for (const QChar c : std::as_const(s)) {
        const auto category = c.category();
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || category == QChar::Other_Format
            || category == QChar::Other_Control || category == QChar::Other_NotAssigned
            || QStringLiteral("<>:\"/\\|?*").contains(c)) {
            continue; // includes U+202E RIGHT-TO-LEFT OVERRIDE, used to fake extensions
        }
        clean.append(c.isSpace() ? QChar(QLatin1Char(' ')) : c);
    }
    clean = trimDotsAndSpaces(clean.simplified());
    if (clean.isEmpty()) {
        clean = fallback;
    }
    if (isReservedDeviceName(clean)) {
        clean.prepend(QLatin1Char('_'));
    }
    // At most 200 bytes of UTF-8, keeping the extension (if it is short).
    if (clean.toUtf8().size() > 200) {
        const qsizetype dot = clean.lastIndexOf(QLatin1Char('.'));
        const QString ext = dot > 0 && clean.size() - dot <= 16 ? clean.mid(dot) : QString();
        QString stem = ext.isEmpty() ? clean : clean.left(dot);
        while (!stem.isEmpty() && (stem + ext).toUtf8().size() > 200) {
            stem.chop(1);
            if (!stem.isEmpty() && stem.back().isHighSurrogate()) {
                stem.chop(1);
            }
        }
        clean = trimDotsAndSpaces(stem) + ext;
    }
    return clean;
}

QString uniqueFilePath(const QString &dir, const QString &name)
{
    const QDir folder(dir);
    QString candidate = folder.filePath(name);
    if (!QFileInfo::exists(candidate)) {
        return candidate;
    }
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    const QString stem = dot > 0 ? name.left(dot) : name;
    const QString ext = dot > 0 ? name.mid(dot) : QString();
    for (int i = 2;; ++i) {
        candidate = folder.filePath(QStringLiteral("%1 (%2)%3").arg(stem).arg(i).arg(ext));
        if (!QFileInfo::exists(candidate)) {
            return candidate;
        }
    }
}

} // namespace Satchel::Mime
