#include "ui/files/QuickConnectBar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolTip>
#include <QUrl>

namespace Satchel::Ui {

using Accounts::Site;

namespace {

const QString kErrorFrame = QStringLiteral("QLineEdit { border: 1px solid #c62828; }");

QString hostHelp()
{
    return QuickConnectBar::tr("A server name, or an address such as ftps://ftp.example.org:990 (implicit FTPS) or "
                               "ftp://alice@ftp.example.org (FTPS with AUTH TLS).");
}

} // namespace

std::optional<Site> parseQuickConnect(const QString &hostText, const QString &user, int port, QString *error)
{
    const auto fail = [error](const QString &text) -> std::optional<Site> {
        if (error) {
            *error = text;
        }
        return std::nullopt;
    };
    if (error) {
        error->clear();
    }
    if (port < 0 || port > 65535) {
        return fail(QuickConnectBar::tr("%1 is not a port: ports go from 1 to 65535.").arg(port));
    }

    const QString text = hostText.trimmed();
    Site site; // explicit FTPS unless the scheme says otherwise
    QString rest = text;
    if (const qsizetype schemeEnd = text.indexOf(QLatin1String("://")); schemeEnd >= 0) {
        const QString scheme = text.left(schemeEnd).toLower();
        if (scheme == QLatin1String("ftps")) {
            site.security = Net::TlsPolicy::ImplicitTls;
        } else if (scheme == QLatin1String("ftp") || scheme == QLatin1String("ftpes")) {
            // FileZilla's "ftpes://" names explicit FTPS outright. "ftp://" gets it
            // too: quick connect never falls back to plain FTP.
            site.security = Net::TlsPolicy::StartTlsRequired;
        } else {
            return fail(QuickConnectBar::tr("Satchel connects to FTP servers (ftp:// or ftps://), not to %1://.")
                            .arg(text.left(schemeEnd)));
        }
        rest = text.mid(schemeEnd + 3);
    }
    if (rest.isEmpty()) {
        return fail(QuickConnectBar::tr("Enter the server to connect to."));
    }
    // A bare IPv6 address has colons of its own: bracketed, the URL parser reads an
    // address instead of a host and a port.
    if (rest.count(QLatin1Char(':')) > 1 && !rest.contains(QLatin1Char('[')) && !rest.contains(QLatin1Char('@'))
        && !rest.contains(QLatin1Char('/'))) {
        rest = QLatin1Char('[') + rest + QLatin1Char(']');
    }

    const QUrl url(QStringLiteral("ftp://") + rest, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return fail(QuickConnectBar::tr("“%1” is not a server name or an FTP address.").arg(text));
    }
    if (!url.password().isEmpty()) {
        return fail(QuickConnectBar::tr("Type the password in the password field, not in the address."));
    }

    const QString urlUser = url.userName(QUrl::FullyDecoded);
    const QString fieldUser = user.trimmed();
    if (!urlUser.isEmpty() && !fieldUser.isEmpty() && urlUser != fieldUser) {
        return fail(QuickConnectBar::tr("Two users are given: “%1” in the address and “%2” in the user field.")
                        .arg(urlUser, fieldUser));
    }
    const int urlPort = url.port();
    if (urlPort > 0 && port > 0 && urlPort != port) {
        return fail(QuickConnectBar::tr("Two ports are given: %1 in the address and %2 in the port field.")
                        .arg(urlPort)
                        .arg(port));
    }

    site.host = url.host(QUrl::FullyDecoded);
    site.user = fieldUser.isEmpty() ? urlUser : fieldUser;
    if (port > 0) {
        site.port = static_cast<quint16>(port);
    } else if (urlPort > 0) {
        site.port = static_cast<quint16>(urlPort);
    } else {
        site.port = Site::defaultPort(site.security);
    }
    // Read as an absolute path, as other FTP clients do; a lone "/" is a habit, not
    // a wish to start at the root instead of the home folder.
    const QString path = url.path(QUrl::FullyDecoded);
    if (path != QLatin1String("/")) {
        site.remoteFolder = path;
    }
    return site;
}

QuickConnectBar::QuickConnectBar(QWidget *parent)
    : QWidget(parent)
    , m_host(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_connectButton(new QPushButton(tr("Connect"), this))
{
    setObjectName(QStringLiteral("quickConnect"));

    m_host->setObjectName(QStringLiteral("quickHost"));
    m_host->setPlaceholderText(tr("ftps://host:port"));
    m_host->setToolTip(hostHelp());
    m_user->setObjectName(QStringLiteral("quickUser"));
    m_password->setObjectName(QStringLiteral("quickPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_port->setObjectName(QStringLiteral("quickPort"));
    m_port->setRange(0, 65535);
    // 0 is "not given": the port of the address, else the default of its security.
    m_port->setSpecialValueText(tr("Port"));
    m_port->setValue(0);
    m_connectButton->setObjectName(QStringLiteral("quickConnectButton"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto addField = [this, layout](const QString &labelText, QWidget *field, int stretch) {
        auto *label = new QLabel(labelText, this);
        label->setBuddy(field);
        layout->addWidget(label);
        layout->addWidget(field, stretch);
    };
    addField(tr("Host:"), m_host, 3);
    addField(tr("User:"), m_user, 2);
    addField(tr("Password:"), m_password, 2);
    addField(tr("Port:"), m_port, 0);
    layout->addWidget(m_connectButton);

    // Return in any field connects. A filter rather than returnPressed, because the
    // spin box has no such signal and a line edit would also pass the key on.
    for (QWidget *field : std::initializer_list<QWidget *> { m_host, m_user, m_password, m_port }) {
        field->installEventFilter(this);
    }
    connect(m_connectButton, &QPushButton::clicked, this, &QuickConnectBar::requestConnect);
    // Editing takes the red mark away; the next Connect judges again.
    const auto clearError = [this] {
        if (!m_errorText.isEmpty()) {
            showError(QString());
        }
    };
    connect(m_host, &QLineEdit::textEdited, this, clearError);
    connect(m_user, &QLineEdit::textEdited, this, clearError);
    connect(m_port, &QSpinBox::valueChanged, this, clearError);
}

QuickConnectBar::~QuickConnectBar() = default;

bool QuickConnectBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress
        && (watched == m_host || watched == m_user || watched == m_password || watched == m_port)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            requestConnect();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void QuickConnectBar::requestConnect()
{
    m_port->interpretText(); // a port typed but not yet taken
    QString error;
    const std::optional<Site> site = parseQuickConnect(m_host->text(), m_user->text(), m_port->value(), &error);
    if (!site) {
        showError(error);
        m_host->setFocus();
        return;
    }
    showError(QString());
    Q_EMIT connectRequested(*site, m_password->text());
}

void QuickConnectBar::showError(const QString &text)
{
    m_errorText = text;
    if (text.isEmpty()) {
        m_host->setStyleSheet(QString());
        m_host->setToolTip(hostHelp());
        QToolTip::hideText();
        return;
    }
    m_host->setStyleSheet(kErrorFrame);
    m_host->setToolTip(text);
    // Shown at once, under the field: a tooltip waiting for the mouse would go unseen.
    QToolTip::showText(m_host->mapToGlobal(QPoint(0, m_host->height())), text, m_host);
}

} // namespace Satchel::Ui
