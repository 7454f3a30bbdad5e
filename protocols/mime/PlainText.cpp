#include "protocols/mime/PlainText.h"

#include <QRegularExpression>
#include <QStringList>

namespace Satchel::Mime {

int quoteDepth(const QString &line)
{
    int depth = 0;
    for (const QChar c : line) {
        if (c == QLatin1Char('>')) {
            ++depth;
        } else if (c != QLatin1Char(' ') || depth == 0) {
            break;
        }
    }
    return depth;
}

namespace {

// Strips the quote markers (and one space after them) of a flowed line.
QString stripQuotes(const QString &line, int depth)
{
    int seen = 0;
    qsizetype i = 0;
    while (i < line.size() && seen < depth) {
        if (line.at(i) == QLatin1Char('>')) {
            ++seen;
        }
        ++i;
    }
    return line.mid(i);
}

} // namespace

QString decodeFlowed(const QString &text, bool delSp)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QStringList out;
    QString paragraph;
    int paragraphDepth = -1;
    auto flush = [&] {
        if (paragraphDepth >= 0) {
            out << QString(paragraphDepth, QLatin1Char('>')) + (paragraphDepth > 0 ? QStringLiteral(" ") : QString())
                    + paragraph;
        }
        paragraph.clear();
        paragraphDepth = -1;
    };
    for (QString line : lines) {
        if (line.endsWith(QLatin1Char('\r'))) {
            line.chop(1);
        }
        const int depth = quoteDepth(line);
        QString content = stripQuotes(line, depth);
        if (content.startsWith(QLatin1Char(' '))) {
            content.remove(0, 1); // space-stuffing, §4.4
        }
        if (paragraphDepth >= 0 && depth != paragraphDepth) {
            flush(); // a change of quote depth ends the paragraph, §4.5
        }
        const bool signature = content == QLatin1String("-- ");
        const bool soft = !signature && content.endsWith(QLatin1Char(' '));
        if (soft && delSp) {
            content.chop(1);
        }
        if (paragraphDepth < 0) {
            paragraphDepth = depth;
        }
        paragraph += content;
        if (!soft) {
            flush();
        }
    }
    flush();
    // split() gives a last empty line for text ending in "\n": keep the text's shape.
    if (text.endsWith(QLatin1Char('\n')) && !out.isEmpty() && out.constLast().isEmpty()) {
        out.removeLast();
        return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    return out.join(QLatin1Char('\n'));
}

QString plainTextToHtml(const QString &text)
{
    static const QRegularExpression link(QStringLiteral(R"((https?://[^\s<>"]+|mailto:[^\s<>"]+))"));
    QString html;
    int open = 0;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const int depth = quoteDepth(line);
        while (open < depth) {
            html += QStringLiteral("<blockquote style=\"margin-left:4px; padding-left:8px; border-left:3px solid #8fa7c9; color:#36527a\">");
            ++open;
        }
        while (open > depth) {
            html += QStringLiteral("</blockquote>");
            --open;
        }
        QString escaped = line.toHtmlEscaped();
        escaped.replace(link, QStringLiteral("<a href=\"\\1\">\\1</a>"));
        html += escaped + QStringLiteral("<br>");
    }
    while (open-- > 0) {
        html += QStringLiteral("</blockquote>");
    }
    return QStringLiteral("<div style=\"white-space:pre-wrap; font-family:monospace\">") + html + QStringLiteral("</div>");
}

QString htmlToPlainText(const QString &html)
{
    QString s = html;
    static const QRegularExpression dropBlocks(QStringLiteral("<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>"),
                                               QRegularExpression::CaseInsensitiveOption
                                                   | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression breaks(QStringLiteral("<(br|/p|/div|/tr|/h[1-6]|/li|/blockquote)\\b[^>]*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression blankRuns(QStringLiteral("\\n{3,}"));
    s.remove(dropBlocks);
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    s.replace(breaks, QStringLiteral("\n"));
    s.remove(tags);
    s.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    s.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    s.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    s.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    s.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    s.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    QStringList lines = s.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        line = line.simplified();
    }
    return lines.join(QLatin1Char('\n')).replace(blankRuns, QStringLiteral("\n\n")).trimmed();
}

} // namespace Satchel::Mime
