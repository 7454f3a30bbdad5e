#pragma once

#include "protocols/ftp/FtpSiteEngine.h"

#include <QMimeData>
#include <QUrl>

#include <functional>
#include <optional>

namespace Satchel::Ui {

// What a drag of remote rows carries: the rows themselves (RemoteFileModel::kMimeType,
// for Satchel's own panes), and, when an exporter is set, file URLs for the desktop's
// file manager. A file manager can only take files that exist on this computer, so
// the URLs are made when a drop target first asks for them: the exporter downloads the
// rows into a folder of their own (through the transfer queue, the event loop running
// meanwhile) and answers with their local URLs; it answers nothing when the download
// failed. Satchel's panes never ask, so a drop inside the window downloads nothing twice.
class RemoteDragData : public QMimeData
{
    Q_OBJECT

public:
    using Exporter = std::function<QList<QUrl>(const QList<Ftp::RemoteTarget> &)>;

    RemoteDragData(QList<Ftp::RemoteTarget> targets, Exporter exporter);

    QStringList formats() const override;
    bool hasFormat(const QString &mimeType) const override;

protected:
    QVariant retrieveData(const QString &mimeType, QMetaType type) const override;

private:
    QList<Ftp::RemoteTarget> m_targets;
    Exporter m_exporter;
    mutable std::optional<QList<QUrl>> m_exported; // asked once, whatever the answer
};

} // namespace Satchel::Ui
