#include "ui/mail/AccountDialog.h"

#include "protocols/imap/ImapSession.h"
#include "protocols/net/TrustStore.h"
#include "protocols/pop3/Pop3Session.h"
#include "ui/common/CertificateDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <chrono>

namespace Satchel::Ui {

using Accounts::Account;

namespace {

const QString kWarningStyle = QStringLiteral("color: #c62828; font-weight: bold;");
const QString kSuccessStyle = QStringLiteral("color: #1b7f3b;");
const QString kFailureStyle = QStringLiteral("color: #c62828;");

// The engines' messages are phrases ("host x not found", "the server refused the
// login of bob: ..."); the status line makes a sentence of them. A network failure
// usually starts with a host name, so it gets a lead-in instead of a capital.
QString failureText(const OperationError &error)
{
    QString detail = error.message.trimmed();
    if (detail.isEmpty()) {
        detail = AccountDialog::tr("the connection failed");
    }
    if (!detail.endsWith(QLatin1Char('.')) && !detail.endsWith(QLatin1Char('!'))
        && !detail.endsWith(QLatin1Char('?'))) {
        detail += QLatin1Char('.');
    }
    if (error.kind == OperationError::Kind::Network) {
        return AccountDialog::tr("Cannot connect: %1").arg(detail);
    }
    detail[0] = detail.at(0).toUpper();
    return detail;
}

} // namespace

AccountDialog::AccountDialog(QWidget *parent)
    : QDialog(parent)
    , m_id(Account::newId())
    , m_protocol(new QComboBox(this))
    , m_displayName(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_security(new QComboBox(this))
    , m_plainWarning(new QLabel(tr("Passwords and mail will cross the network unencrypted."), this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_passwordNote(new QLabel(this))
    , m_pop3Box(new QGroupBox(tr("Downloaded mail"), this))
    , m_maildir(new QLineEdit(m_pop3Box))
    , m_browse(new QPushButton(tr("Browse…"), m_pop3Box))
    , m_deleteAfterDownload(new QCheckBox(tr("Delete messages from the server once they are saved"), m_pop3Box))
    , m_testButton(new QPushButton(tr("Test connection"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_trust(std::make_shared<Net::TrustStore>())
{
    setObjectName(QStringLiteral("accountDialog"));
    setWindowTitle(tr("Add account"));

    m_protocol->setObjectName(QStringLiteral("protocolCombo"));
    m_protocol->addItem(tr("IMAP"), static_cast<int>(Account::Protocol::Imap));
    m_protocol->addItem(tr("POP3"), static_cast<int>(Account::Protocol::Pop3));

    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_displayName->setPlaceholderText(tr("e.g. Work mail"));
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_host->setPlaceholderText(tr("mail.example.org"));
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(Account::defaultPort(Account::Protocol::Imap, Net::TlsPolicy::ImplicitTls));

    m_security->setObjectName(QStringLiteral("securityCombo"));
    m_security->addItem(tr("Implicit TLS"), static_cast<int>(Net::TlsPolicy::ImplicitTls));
    m_security->addItem(tr("STARTTLS"), static_cast<int>(Net::TlsPolicy::StartTlsRequired));
    m_security->addItem(tr("Plain (no encryption)"), static_cast<int>(Net::TlsPolicy::Plain));

    m_plainWarning->setObjectName(QStringLiteral("plainWarning"));
    m_plainWarning->setStyleSheet(kWarningStyle);
    m_plainWarning->setWordWrap(true);
    m_plainWarning->setVisible(false);

    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordNote->setObjectName(QStringLiteral("passwordNote"));
    m_passwordNote->setWordWrap(true);
    m_passwordNote->setVisible(false);

    m_pop3Box->setObjectName(QStringLiteral("pop3Box"));
    m_maildir->setObjectName(QStringLiteral("maildirEdit"));
    m_browse->setObjectName(QStringLiteral("maildirBrowse"));
    m_deleteAfterDownload->setObjectName(QStringLiteral("deleteAfterDownload"));
    auto *maildirRow = new QHBoxLayout;
    maildirRow->addWidget(m_maildir, 1);
    maildirRow->addWidget(m_browse);
    auto *pop3Form = new QFormLayout(m_pop3Box);
    pop3Form->addRow(tr("Maildir folder:"), maildirRow);
    pop3Form->addRow(m_deleteAfterDownload);
    m_pop3Box->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Account type:"), m_protocol);
    form->addRow(tr("Name:"), m_displayName);
    form->addRow(tr("Server:"), m_host);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("Security:"), m_security);
    form->addRow(QString(), m_plainWarning);
    form->addRow(tr("User name:"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(QString(), m_passwordNote);

    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setAutoDefault(false);
    m_status->setObjectName(QStringLiteral("testStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_status, 1);

    m_buttons->setObjectName(QStringLiteral("buttonBox"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_pop3Box);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_protocol, &QComboBox::currentIndexChanged, this, &AccountDialog::onProtocolOrSecurityChanged);
    connect(m_security, &QComboBox::currentIndexChanged, this, &AccountDialog::onProtocolOrSecurityChanged);
    connect(m_port, &QSpinBox::valueChanged, this, &AccountDialog::onPortChanged);
    connect(m_host, &QLineEdit::textChanged, this, &AccountDialog::updateValidity);
    connect(m_user, &QLineEdit::textChanged, this, &AccountDialog::updateValidity);
    connect(m_maildir, &QLineEdit::textChanged, this, &AccountDialog::updateValidity);
    connect(m_browse, &QPushButton::clicked, this, &AccountDialog::browseMaildir);
    connect(m_testButton, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateValidity();
}

AccountDialog::~AccountDialog()
{
    stopTest();
}

Account::Protocol AccountDialog::protocol() const
{
    return static_cast<Account::Protocol>(m_protocol->currentData().toInt());
}

Net::TlsPolicy AccountDialog::security() const
{
    return static_cast<Net::TlsPolicy>(m_security->currentData().toInt());
}

quint16 AccountDialog::currentDefaultPort() const
{
    return Account::defaultPort(protocol(), security());
}

QString AccountDialog::defaultMaildir() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/Mail/") + m_id;
}

void AccountDialog::setAccount(const Account &account)
{
    setWindowTitle(tr("Edit account"));
    m_id = account.id.isEmpty() ? Account::newId() : account.id;
    m_protocol->setCurrentIndex(m_protocol->findData(static_cast<int>(account.protocol)));
    m_security->setCurrentIndex(m_security->findData(static_cast<int>(account.security)));
    setPortQuietly(account.port);
    // A port that is not the default was chosen by hand: keep it when security changes.
    m_portEdited = account.port != currentDefaultPort();
    m_displayName->setText(account.displayName);
    m_host->setText(account.host);
    m_user->setText(account.user);
    const bool pop3 = account.protocol == Account::Protocol::Pop3;
    m_maildir->setText(pop3 && account.maildir.isEmpty() ? defaultMaildir() : account.maildir);
    m_deleteAfterDownload->setChecked(account.deleteAfterDownload);
    onProtocolOrSecurityChanged();
}

Account AccountDialog::account() const
{
    Account a;
    a.id = m_id;
    a.displayName = m_displayName->text().trimmed();
    a.protocol = protocol();
    a.host = m_host->text().trimmed();
    a.port = static_cast<quint16>(m_port->value());
    a.security = security();
    a.user = m_user->text().trimmed();
    if (a.protocol == Account::Protocol::Pop3) {
        a.maildir = m_maildir->text().trimmed();
        a.deleteAfterDownload = m_deleteAfterDownload->isChecked();
    }
    return a;
}

void AccountDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

QString AccountDialog::password() const
{
    return m_password->text();
}

void AccountDialog::setPasswordNote(const QString &text)
{
    m_passwordNote->setText(text);
    m_passwordNote->setVisible(!text.isEmpty());
}

void AccountDialog::setTrustStore(std::shared_ptr<Net::TrustStore> trust)
{
    m_trust = trust ? std::move(trust) : std::make_shared<Net::TrustStore>();
}

QString AccountDialog::statusText() const
{
    return m_status->text();
}

bool AccountDialog::isValid() const
{
    const QString host = m_host->text().trimmed();
    const bool hostOk = !host.isEmpty() && !host.contains(QLatin1Char(' ')) && !host.contains(QLatin1Char('\t'));
    const bool userOk = !m_user->text().trimmed().isEmpty();
    const bool maildirOk = protocol() != Account::Protocol::Pop3 || !m_maildir->text().trimmed().isEmpty();
    return hostOk && userOk && maildirOk;
}

void AccountDialog::updateValidity()
{
    const bool valid = isValid();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_testButton->setEnabled(valid && !isTesting());
}

void AccountDialog::onProtocolOrSecurityChanged()
{
    m_plainWarning->setVisible(security() == Net::TlsPolicy::Plain);
    const bool pop3 = protocol() == Account::Protocol::Pop3;
    m_pop3Box->setVisible(pop3);
    if (pop3 && m_maildir->text().isEmpty()) {
        m_maildir->setText(defaultMaildir());
    }
    if (!m_portEdited) {
        setPortQuietly(currentDefaultPort());
    }
    updateValidity();
}

void AccountDialog::onPortChanged(int value)
{
    if (!m_settingPort) {
        // Typing the default back hands the port to protocol and security again.
        m_portEdited = value != currentDefaultPort();
    }
}

void AccountDialog::setPortQuietly(quint16 port)
{
    m_settingPort = true;
    m_port->setValue(port);
    m_settingPort = false;
}

void AccountDialog::browseMaildir()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Maildir folder"), m_maildir->text());
    if (!dir.isEmpty()) {
        m_maildir->setText(dir);
    }
}

void AccountDialog::setStatus(Status status, const QString &text)
{
    m_status->setText(text);
    switch (status) {
    case Status::Success:
        m_status->setStyleSheet(kSuccessStyle);
        break;
    case Status::Failure:
        m_status->setStyleSheet(kFailureStyle);
        break;
    case Status::Idle:
    case Status::Working:
        m_status->setStyleSheet(QString());
        break;
    }
}

template<class Session> void AccountDialog::startSession(Session *session)
{
    m_session = session;
    m_answerTrust
        = [session](quint64 id, Net::TrustAnswer answer) { session->connection()->answerTrustQuestion(id, answer); };
    m_abort = [session] { session->abort(); };
    connect(session, &Session::loggedIn, this, [this, session] {
        if (m_session == session) {
            testSucceeded();
            session->quit(); // LOGOUT / QUIT; the session deletes itself when it is done
        }
    });
    connect(session, &Session::failed, this, [this, session](const OperationError &error) {
        if (m_session == session) {
            testFailed(error);
        }
        session->deleteLater();
    });
    connect(session, &Session::finished, session, &QObject::deleteLater);
    connect(session, &Session::trustQuestion, this, [this, session](const Net::TrustQuestion &question) {
        if (m_session == session) {
            askTrust(question);
        }
    });
    session->open();
}

void AccountDialog::testConnection()
{
    stopTest();
    if (!isValid()) {
        return;
    }
    if (m_password->text().isEmpty()) {
        setStatus(Status::Failure, tr("Enter the password to test the connection."));
        return;
    }
    const Account a = account();
    Net::ConnectionSettings connection;
    connection.host = a.host;
    connection.port = a.port;
    connection.policy = a.security;
    connection.connectTimeout = std::chrono::seconds(20);
    connection.responseTimeout = std::chrono::seconds(20);
    connection.trust = m_trust;

    m_testHost = a.host;
    m_testUser = a.user;
    m_trustCancelled = false;
    setStatus(Status::Working, tr("Connecting to %1:%2…").arg(a.host, QString::number(a.port)));

    if (a.protocol == Account::Protocol::Imap) {
        Imap::ImapSession::Options options;
        options.connection = connection;
        options.credentials = { a.user, m_password->text() };
        startSession(new Imap::ImapSession(std::move(options), this));
    } else {
        Pop3::Pop3Session::Options options;
        options.connection = connection;
        options.credentials.user = a.user;
        options.credentials.password = m_password->text();
        startSession(new Pop3::Pop3Session(std::move(options), this));
    }
    updateValidity();
}

void AccountDialog::askTrust(const Net::TrustQuestion &question)
{
    setStatus(Status::Working, tr("Waiting for your decision about the certificate of %1…").arg(question.host));
    auto *dialog = new CertificateDialog(question, this);
    m_certificateDialog = dialog;
    connect(dialog, &CertificateDialog::answered, this,
        [this, dialog](const Net::TrustQuestion &asked, Net::TrustAnswer answer) {
            dialog->deleteLater();
            if (answer == Net::TrustAnswer::Cancel) {
                m_trustCancelled = true;
            } else {
                setStatus(Status::Working, tr("Logging in to %1…").arg(asked.host));
            }
            if (m_answerTrust) {
                m_answerTrust(asked.id, answer);
            }
        });
    dialog->open();
}

void AccountDialog::testSucceeded()
{
    const QString text = tr("Logged in to %1 as %2.").arg(m_testHost, m_testUser);
    setStatus(Status::Success, text);
    endTest();
    Q_EMIT testFinished(true, text);
}

void AccountDialog::testFailed(const OperationError &error)
{
    const QString text = m_trustCancelled
        ? tr("You did not trust the certificate of %1, so nothing was sent to it.").arg(m_testHost)
        : failureText(error);
    setStatus(Status::Failure, text);
    endTest();
    Q_EMIT testFinished(false, text);
}

void AccountDialog::endTest()
{
    m_session = nullptr;
    m_answerTrust = {};
    m_abort = {};
    if (QDialog *dialog = std::exchange(m_certificateDialog, nullptr)) {
        QObject::disconnect(dialog, nullptr, this, nullptr);
        dialog->reject();
        dialog->deleteLater();
    }
    updateValidity();
}

void AccountDialog::stopTest()
{
    if (!m_session) {
        return;
    }
    QObject *session = m_session;
    disconnect(session, nullptr, this, nullptr);
    if (m_abort) {
        m_abort();
    }
    session->deleteLater();
    endTest();
    if (m_status->text().endsWith(QStringLiteral("…"))) {
        setStatus(Status::Idle, QString());
    }
}

void AccountDialog::done(int result)
{
    stopTest();
    QDialog::done(result);
}

} // namespace Satchel::Ui
