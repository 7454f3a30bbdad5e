#pragma once

#include "protocols/ftp/FtpSiteEngine.h"
#include "ui/files/FileBrowserPane.h"

#include <functional>

class QLabel;

namespace Satchel::Ui {

class RemoteFileModel;

// The right file pane: one folder of the connected site (RemoteFileModel), listed when
// it is opened. New folder (F7), rename (F2, edited in place), delete (Delete, after a
// confirmation), properties (Alt+Return), download (to the local pane's folder) and
// refresh (F5). It only asks: the controller carries requests to the engine and lists
// the folder again when one is done.
class RemoteFilePane : public FileBrowserPane
{
    Q_OBJECT

public:
    // A name asked of the person (title, label, initial text); empty: cancelled.
    using AskText = std::function<QString(const QString &title, const QString &label, const QString &initial)>;
    using Confirm = std::function<bool(const QString &question)>;

    explicit RemoteFilePane(QWidget *parent = nullptr);

    RemoteFileModel *model() const { return m_model; }
    QList<Ftp::RemoteTarget> selectedTargets() const;
    void refresh() override;
    // Tests answer these; by default they are dialogs.
    void setAskText(AskText ask) { m_askText = std::move(ask); }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // A line under the list: "Listing…", how many entries, or why it failed.
    void setStatus(const QString &text);
    // Properties of the current row, in words (what the dialog shows).
    QString propertiesText(int row) const;

Q_SIGNALS:
    void listRequested(const QString &path);
    void makeDirectoryRequested(const QString &path);
    void removeRequested(const QList<Satchel::Ftp::RemoteTarget> &targets);
    void downloadRequested(const QList<Satchel::Ftp::RemoteTarget> &targets);

protected:
    void showFolder(const QString &path) override;
    QString parentPath(const QString &path) const override;
    QString folderAt(int row) const override;

private:
    void newFolder();
    void removeSelected();
    void showProperties();
    void showMenu(const QPoint &position);
    void updateActions();

    RemoteFileModel *m_model;
    QLabel *m_status;
    AskText m_askText;
    Confirm m_confirm;
    QAction *m_newFolder;
    QAction *m_rename;
    QAction *m_delete;
    QAction *m_properties;
    QAction *m_download;
};

} // namespace Satchel::Ui
