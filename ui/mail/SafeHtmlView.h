#pragma once

#include <QHash>
#include <QSet>
#include <QTextBrowser>
#include <QUrl>

#include <functional>

namespace Satchel::Ui {

// The reader's HTML view. QTextBrowser runs no scripts and has no network access of
// its own; this view also decides every resource the document asks for:
//  - cid: URLs (RFC 2392) come from the message's own parts;
//  - remote URLs (http, https, ftp, protocol-relative) are refused and counted, unless
//    the person allowed remote content and the reader fetched them into the cache;
//  - everything else (file:, qrc:, relative paths) is refused: mail never reads local files.
// Links are not followed: a click is reported, and the reader asks before opening.
class SafeHtmlView : public QTextBrowser
{
    Q_OBJECT

public:
    using CidProvider = std::function<QByteArray(const QString &contentId)>;

    explicit SafeHtmlView(QWidget *parent = nullptr);

    void setCidProvider(CidProvider provider) { m_cidProvider = std::move(provider); }
    // Shows `html` (or plain text as HTML); forgets what was blocked before.
    void showHtml(const QString &html);
    void addRemoteResource(const QUrl &url, const QByteArray &bytes);
    void setRemoteAllowed(bool allowed) { m_remoteAllowed = allowed; }

    QSet<QUrl> blockedRemoteUrls() const { return m_blocked; }
    int refusedLocalRequests() const { return m_refusedLocal; }

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    CidProvider m_cidProvider;
    QHash<QUrl, QByteArray> m_remoteCache;
    QSet<QUrl> m_blocked;
    bool m_remoteAllowed = false;
    int m_refusedLocal = 0;
};

} // namespace Satchel::Ui
