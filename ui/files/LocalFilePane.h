#pragma once

#include "ui/files/FileBrowserPane.h"

namespace Satchel::Ui {

class LocalFileModel;

// The left file pane: this computer's folders (LocalFileModel). Rows drag out as file
// URLs; remote rows dropped here are downloaded; Upload sends the selection to the
// remote pane's folder.
class LocalFilePane : public FileBrowserPane
{
    Q_OBJECT

public:
    explicit LocalFilePane(QWidget *parent = nullptr);

    LocalFileModel *model() const { return m_model; }
    QStringList selectedPaths() const;
    void refresh() override;

Q_SIGNALS:
    void uploadRequested(const QStringList &localPaths);

protected:
    void showFolder(const QString &path) override;
    QString parentPath(const QString &path) const override;
    QString folderAt(int row) const override;

private:
    void showMenu(const QPoint &position);

    LocalFileModel *m_model;
    QAction *m_upload;
};

} // namespace Satchel::Ui
