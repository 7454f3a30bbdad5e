#include "protocols/mime/HtmlSanitizer.h"

#include <QRegularExpression>

namespace Satchel::Mime {

bool isRemoteUrl(const QString &url)
{
    const QString u = url.trimmed().toLower();
    return u.startsWith(QLatin1String("http:")) || u.startsWith(QLatin1String("https:"))
        || u.startsWith(QLatin1String("ftp:")) || u.startsWith(QLatin1String("//"));
}

SanitizedHtml sanitizeHtml(const QString &input)
{
    using RE = QRegularExpression;
    constexpr auto ci = RE::CaseInsensitiveOption;
    constexpr auto all = RE::CaseInsensitiveOption | RE::DotMatchesEverythingOption;
    SanitizedHtml result;
    QString html = input;

    // Whole elements, content and all.
    static const RE containers(QStringLiteral("<(script|iframe|frameset|object|applet|form|noscript|template)\\b.*?</\\1\\s*>"), all);
    // Elements that stand alone (or whose end tag may be missing).
    static const RE singles(
        QStringLiteral("<(script|iframe|frame|frameset|object|embed|applet|form|base|meta\\s+[^>]*http-equiv[^>]*)\\b[^>]*>"), ci);
    // on* event handlers, quoted or not.
    static const RE handlers(QStringLiteral("\\s+on[a-z]+\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)"), ci);
    // Script and data-document URLs in any attribute.
    static const RE scriptUrls(
        QStringLiteral("(\\s(?:href|src|action|background|formaction|xlink:href)\\s*=\\s*[\"']?)\\s*(javascript|vbscript|data:text/html)[^\"'\\s>]*"),
        ci);
    for (const RE *re : {&containers, &singles}) {
        auto it = re->globalMatch(html);
        while (it.hasNext()) {
            it.next();
            ++result.removedElements;
        }
        html.remove(*re);
    }
    html.remove(handlers);
    html.replace(scriptUrls, QStringLiteral("\\1#"));

    // Remote references: src/background/poster attributes, <link href>, CSS url() and @import.
    static const RE attributeUrls(QStringLiteral("\\s(?:src|background|poster|srcset)\\s*=\\s*[\"']?([^\"'\\s>]+)"), ci);
    static const RE linkHrefs(QStringLiteral("<link\\b[^>]*\\shref\\s*=\\s*[\"']?([^\"'\\s>]+)"), ci);
    static const RE cssUrls(QStringLiteral("url\\(\\s*[\"']?([^\"')\\s]+)"), ci);
    static const RE imports(QStringLiteral("@import\\s+[\"']([^\"']+)"), ci);
    for (const RE *re : {&attributeUrls, &linkHrefs, &cssUrls, &imports}) {
        auto it = re->globalMatch(html);
        while (it.hasNext()) {
            const QString url = it.next().captured(1);
            if (isRemoteUrl(url)) {
                result.remoteUrls.append(url);
            }
        }
    }
    result.html = html;
    return result;
}

} // namespace Satchel::Mime
