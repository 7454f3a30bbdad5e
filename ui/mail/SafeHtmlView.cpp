#include "ui/mail/SafeHtmlView.h"

#include "protocols/mime/HtmlSanitizer.h"

#include <QImage>

namespace Satchel::Ui {

SafeHtmlView::SafeHtmlView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
}

void SafeHtmlView::showHtml(const QString &html)
{
    m_blocked.clear();
    m_refusedLocal = 0;
    // A fresh document: no resource cached from another message can leak into this one.
    document()->clear();
    setHtml(html);
}

void SafeHtmlView::addRemoteResource(const QUrl &url, const QByteArray &bytes)
{
    m_remoteCache.insert(url, bytes);
}

QVariant SafeHtmlView::loadResource(int type, const QUrl &name)
{
    const QString scheme = name.scheme().toLower();
    if (scheme == QLatin1String("cid")) {
        if (!m_cidProvider) {
            return {};
        }
        const QByteArray bytes = m_cidProvider(name.toString());
        if (type == QTextDocument::ImageResource) {
            QImage image;
            if (image.loadFromData(bytes)) {
                return image;
            }
            return {};
        }
        return bytes;
    }
    if (Mime::isRemoteUrl(name.toString())) {
        if (m_remoteAllowed && m_remoteCache.contains(name)) {
            const QByteArray bytes = m_remoteCache.value(name);
            if (type == QTextDocument::ImageResource) {
                QImage image;
                return image.loadFromData(bytes) ? QVariant(image) : QVariant();
            }
            return QString::fromUtf8(bytes);
        }
        m_blocked.insert(name);
        return {};
    }
    ++m_refusedLocal;
    return {};
}

} // namespace Satchel::Ui
