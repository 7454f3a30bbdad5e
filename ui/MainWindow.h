#pragma once

#include <QMainWindow>

namespace Satchel::Ui {

class EmptyStatePane;

// Satchel's one window: the folder tree (mail accounts and FTP sites) on the left;
// on the right the message list over the reader, and below them the local and remote
// file panes over the transfer-queue strip. Each area is an empty-state pane until
// the issue that fills it lands.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    void createMenus();
    QWidget *createMailArea();
    QWidget *createFileArea();
    void showAbout();
};

} // namespace Satchel::Ui
