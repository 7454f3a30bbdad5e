#pragma once

#include "protocols/accounts/Site.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Satchel::Ui {

// What the quick-connect bar's fields mean, as a site that is not stored (empty id
// and name). `hostText` is a bare host ("ftp.example.org", "host:2121", "[::1]"),
// or a URL: "ftps://" is implicit FTPS (990), "ftp://" and "ftpes://" are explicit
// FTPS (AUTH TLS, 21) — plain FTP is only ever the site manager's explicit choice. A
// user in the URL ("ftp://alice@host") counts like the user field, and a path
// ("ftp://host/pub") becomes the remote folder. `port` 0 means the one in the URL,
// else the default. Refused, with the reason in *error (when given): no host, a
// scheme other than FTP, a password in the URL (it belongs in the password field,
// not in text that may be shown or remembered), and a port or user given twice with
// different values.
std::optional<Accounts::Site> parseQuickConnect(
    const QString &hostText, const QString &user, int port, QString *error = nullptr);

// One line above the file panes for a server that has no site (FileZilla's
// Quickconnect bar): host, user, password, port, Connect. Connect, or Return in any
// field, asks for the connection with connectRequested(); a server that cannot be
// used marks the host field in red and says why in its tooltip (errorText()).
class QuickConnectBar : public QWidget
{
    Q_OBJECT

public:
    explicit QuickConnectBar(QWidget *parent = nullptr);
    ~QuickConnectBar() override;

    // Why the last Connect did nothing, in words; empty after one that worked.
    QString errorText() const { return m_errorText; }

    void requestConnect();

Q_SIGNALS:
    void connectRequested(const Satchel::Accounts::Site &site, const QString &password);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showError(const QString &text);

    QLineEdit *m_host;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QSpinBox *m_port;
    QPushButton *m_connectButton;
    QString m_errorText;
};

} // namespace Satchel::Ui
