#pragma once

#include "protocols/accounts/Site.h"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSpinBox;

namespace Satchel::Accounts {
class PasswordVault;
class SiteStore;
} // namespace Satchel::Accounts

namespace Satchel::Ui {

// The FTP site manager (after FileZilla's): the stored sites on the left, the one
// selected in a form on the right — name, server, port, security, user, password,
// the folders to open, active mode and the number of parallel transfer connections.
// The port follows the security (21 / 990) while it is the default of the old one.
// Plain FTP shows a warning in red, and its sites are marked in the list.
//
// The store is edited in place, one site at a time: the site on screen is saved when
// the person moves to another one, makes a new one or a copy, presses OK or Connect;
// Cancel drops only the edits to the site on screen. A site without a server is not
// saved (the form stays on it and says why), except a new one left untouched, which
// is simply dropped. Delete acts at once, after asking.
// The password goes to the vault under Site::passwordKey(), never to the store. The
// field stays empty: "(saved)" says the vault holds one for this session, and an
// empty field on save keeps it.
class SiteManagerDialog : public QDialog
{
    Q_OBJECT

public:
    // `store` and `vault` are not owned and must outlive the dialog; `vault` may be
    // null, which disables the password field.
    SiteManagerDialog(Accounts::SiteStore *store, Accounts::PasswordVault *vault, QWidget *parent = nullptr);
    ~SiteManagerDialog() override;

    // Shows the site with this id; false if the store has no such site, or the site on
    // screen could not be saved first.
    bool selectSite(const QString &id);

    // The site Connect was pressed for (as saved); empty after OK or Cancel.
    std::optional<Accounts::Site> chosenSite() const { return m_chosen; }

    // Asked before a site is deleted, with its label; true deletes. By default a
    // QMessageBox question (tests answer here instead).
    void setConfirmDelete(std::function<bool(const QString &label)> confirm);

    // Why the site on screen was not saved, in words; empty when it was.
    QString errorText() const;

    void accept() override;

private:
    enum class Commit { Saved, Dropped, Refused };

    void addSiteItem(const Accounts::Site &site, bool draft, int row = -1);
    QListWidgetItem *itemFor(const QString &id) const;
    void decorateItem(QListWidgetItem *item, const Accounts::Site &site, bool draft) const;
    void onCurrentItemChanged(QListWidgetItem *current, QListWidgetItem *previous);
    void showItem(QListWidgetItem *item);
    void showSite(const Accounts::Site &site, bool draft);
    void showNothing();
    Accounts::Site formSite() const;
    bool isUntouchedDraft() const;
    Commit commitShown();
    void selectQuietly(QListWidgetItem *item);

    void newSite();
    void duplicateSite();
    void deleteSite();
    void connectToSite();

    void onSecurityChanged();
    void onFormEdited();
    void updatePasswordField();
    void updateButtons();
    void setError(const QString &text);
    void browseLocalFolder();
    void copyPassword(const QString &fromKey, const QString &toKey);
    Net::TlsPolicy security() const;

    Accounts::SiteStore *m_store;
    Accounts::PasswordVault *m_vault;
    std::function<bool(const QString &)> m_confirmDelete;
    std::optional<Accounts::Site> m_chosen;

    // The site in the form: its id (empty: none), and whether it is a new site the
    // store does not have yet.
    QString m_shownId;
    bool m_shownIsDraft = false;
    Net::TlsPolicy m_shownSecurity = Net::TlsPolicy::StartTlsRequired;
    bool m_filling = false;

    QListWidget *m_list;
    QPushButton *m_newButton;
    QPushButton *m_duplicateButton;
    QPushButton *m_deleteButton;
    QWidget *m_form;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLabel *m_insecureWarning;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_passwordNote;
    QLineEdit *m_localFolder;
    QPushButton *m_browseLocal;
    QLineEdit *m_remoteFolder;
    QCheckBox *m_activeMode;
    QSpinBox *m_connections;
    QLabel *m_error;
    QPushButton *m_connectButton;
    QDialogButtonBox *m_buttons;
};

} // namespace Satchel::Ui
