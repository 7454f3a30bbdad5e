#pragma once

#include <QString>
#include <QStringList>

namespace Satchel::Mime {

// An HTML body prepared for the reader. Defence in depth: the reader's view has no
// script engine and never touches the network on its own; this pass also removes
// what has no business in mail (scripts, frames, objects, forms, event handlers,
// javascript: links, refresh and <base>) and lists every remote reference (images,
// stylesheets, backgrounds, @import) so the reader can say how much it blocked.
struct SanitizedHtml {
    QString html;
    QStringList remoteUrls; // http(s), ftp and protocol-relative references, in order
    int removedElements = 0;
};

SanitizedHtml sanitizeHtml(const QString &html);

bool isRemoteUrl(const QString &url);

} // namespace Satchel::Mime
