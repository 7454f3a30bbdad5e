#pragma once

#include "protocols/accounts/Account.h"
#include "protocols/core/OperationError.h"
#include "protocols/net/TrustQuestion.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Satchel::Net {
class TrustStore;
}

namespace Satchel::Ui {

class CertificateDialog;

// Adds or edits one IMAP or POP3 account: protocol, name, server, port, security,
// user, password, and for POP3 the Maildir that downloads go to. The port follows
// protocol and security (993/143/995/110) until the person types another one.
// Choosing no encryption shows a warning in red. OK stays disabled until the server
// and user are filled in.
// "Test connection" logs in with the entered values on a session that lives on the
// GUI thread and is event-driven, so the dialog stays responsive; an untrusted
// certificate is asked about with a CertificateDialog, and the outcome is said in
// words in the status line. The dialog never stores anything itself: the caller
// takes account() into the AccountStore and password() into the PasswordVault.
class AccountDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AccountDialog(QWidget *parent = nullptr);
    ~AccountDialog() override;

    // Fills the fields for editing an existing account (keeps its id).
    void setAccount(const Accounts::Account &account);
    Accounts::Account account() const;

    void setPassword(const QString &password);
    QString password() const;
    // A line under the password field, e.g. that no keyring is running.
    void setPasswordNote(const QString &text);

    // Where "Trust permanently" during a test puts its pin; by default a store of the
    // dialog's own, so the answer lasts as long as the dialog.
    void setTrustStore(std::shared_ptr<Net::TrustStore> trust);

    // Server and user are filled in (and a Maildir folder for POP3).
    bool isValid() const;
    bool isTesting() const { return m_session != nullptr; }
    QString statusText() const;

    void testConnection();
    void stopTest();

    void done(int result) override;

Q_SIGNALS:
    // The end of a connection test: logged in, or not (with the reason in words).
    void testFinished(bool ok, const QString &message);

private:
    enum class Status { Idle, Working, Success, Failure };

    template<class Session> void startSession(Session *session);
    void onProtocolOrSecurityChanged();
    void onPortChanged(int value);
    void setPortQuietly(quint16 port);
    void updateValidity();
    void browseMaildir();
    void askTrust(const Net::TrustQuestion &question);
    void testSucceeded();
    void testFailed(const OperationError &error);
    void endTest();
    void setStatus(Status status, const QString &text);
    QString defaultMaildir() const;
    Accounts::Account::Protocol protocol() const;
    Net::TlsPolicy security() const;
    quint16 currentDefaultPort() const;

    QString m_id;
    QComboBox *m_protocol;
    QLineEdit *m_displayName;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLabel *m_plainWarning;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_passwordNote;
    QGroupBox *m_pop3Box;
    QLineEdit *m_maildir;
    QPushButton *m_browse;
    QCheckBox *m_deleteAfterDownload;
    QPushButton *m_testButton;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;

    bool m_portEdited = false;
    bool m_settingPort = false;
    std::shared_ptr<Net::TrustStore> m_trust;

    // The running test: its session (a child of this dialog) and how to end it.
    QPointer<QObject> m_session;
    std::function<void(quint64, Net::TrustAnswer)> m_answerTrust;
    std::function<void()> m_abort;
    QPointer<CertificateDialog> m_certificateDialog;
    QString m_testHost;
    QString m_testUser;
    bool m_trustCancelled = false;
};

} // namespace Satchel::Ui
