#pragma once

#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QToolBar;
class QTreeView;

namespace Satchel::Ui {

// What the local and the remote pane share: a path bar with back, forward, up and
// refresh, a list of one folder, and the keyboard: Return opens, Backspace goes up,
// Alt+Left/Alt+Right walk the history, F5 refreshes, Ctrl+L edits the path. The
// subclass says how a folder is shown and what a row is.
class FileBrowserPane : public QWidget
{
    Q_OBJECT

public:
    explicit FileBrowserPane(const QString &title, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLineEdit *pathEdit() const { return m_pathEdit; }
    QToolBar *toolBar() const { return m_toolBar; }
    QString currentPath() const { return m_path; }

    // Goes to `path`, remembered in the history.
    void navigate(const QString &path);
    void goBack();
    void goForward();
    void goUp();
    virtual void refresh() = 0;
    bool canGoBack() const { return m_index > 0; }
    bool canGoForward() const { return m_index + 1 < m_history.size(); }

Q_SIGNALS:
    void pathChanged(const QString &path);

protected:
    // Shows the folder (the local pane at once; the remote one asks for a listing).
    virtual void showFolder(const QString &path) = 0;
    virtual QString parentPath(const QString &path) const = 0;
    // The folder a row opens, or empty when it is a file.
    virtual QString folderAt(int row) const = 0;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void addPaneAction(QAction *action); // shortcuts that work while the pane has focus

private:
    void go(const QString &path);
    void openCurrent();
    void updateNavigation();

    QString m_path;
    QStringList m_history;
    qsizetype m_index = -1;
    QToolBar *m_toolBar;
    QLineEdit *m_pathEdit;
    QTreeView *m_view;
    QAction *m_back;
    QAction *m_forward;
    QAction *m_up;
};

} // namespace Satchel::Ui
