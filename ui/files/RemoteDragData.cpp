#include "ui/files/RemoteDragData.h"

namespace Satchel::Ui {

namespace {

const QString uriList = QStringLiteral("text/uri-list");

} // namespace

RemoteDragData::RemoteDragData(QList<Ftp::RemoteTarget> targets, Exporter exporter)
    : m_targets(std::move(targets))
    , m_exporter(std::move(exporter))
{ }

QStringList RemoteDragData::formats() const
{
    QStringList formats = QMimeData::formats();
    if (m_exporter && !formats.contains(uriList)) {
        formats.append(uriList);
    }
    return formats;
}

bool RemoteDragData::hasFormat(const QString &mimeType) const
{
    return (m_exporter && mimeType == uriList) || QMimeData::hasFormat(mimeType);
}

QVariant RemoteDragData::retrieveData(const QString &mimeType, QMetaType type) const
{
    if (mimeType != uriList || !m_exporter) {
        return QMimeData::retrieveData(mimeType, type);
    }
    if (!m_exported) {
        m_exported = m_exporter(m_targets);
    }
    if (type.id() == QMetaType::QVariantList) {
        QVariantList urls;
        for (const QUrl &url : std::as_const(*m_exported)) {
            urls.append(url);
        }
        return urls;
    }
    // RFC 2483: one URI per line, CRLF-terminated.
    QByteArray bytes;
    for (const QUrl &url : std::as_const(*m_exported)) {
        bytes += url.toEncoded() + "\r\n";
    }
    return bytes;
}

} // namespace Satchel::Ui
