#include "ui/files/SiteManagerDialog.h"

#include "protocols/accounts/PasswordVault.h"
#include "protocols/accounts/SiteStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace Satchel::Ui {

using Accounts::PasswordVault;
using Accounts::Site;
using Accounts::VaultResult;

namespace {

const QString kWarningStyle = QStringLiteral("color: #c62828; font-weight: bold;");
const QString kErrorStyle = QStringLiteral("color: #c62828;");
const QColor kInsecureColor(0xc6, 0x28, 0x28);

constexpr int kIdRole = Qt::UserRole;
constexpr int kDraftRole = Qt::UserRole + 1;

// A new site as "New site" makes it; a draft still equal to this was never touched.
Site draftSite(const QString &id)
{
    Site s;
    s.id = id;
    s.port = Site::defaultPort(s.security);
    return s;
}

} // namespace

SiteManagerDialog::SiteManagerDialog(Accounts::SiteStore *store, Accounts::PasswordVault *vault, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_vault(vault)
    , m_list(new QListWidget(this))
    , m_newButton(new QPushButton(tr("New site"), this))
    , m_duplicateButton(new QPushButton(tr("Duplicate"), this))
    , m_deleteButton(new QPushButton(tr("Delete"), this))
    , m_form(new QWidget(this))
    , m_name(new QLineEdit(m_form))
    , m_host(new QLineEdit(m_form))
    , m_port(new QSpinBox(m_form))
    , m_security(new QComboBox(m_form))
    , m_insecureWarning(new QLabel(tr("Passwords and files will cross the network unencrypted."), m_form))
    , m_user(new QLineEdit(m_form))
    , m_password(new QLineEdit(m_form))
    , m_passwordNote(new QLabel(m_form))
    , m_localFolder(new QLineEdit(m_form))
    , m_browseLocal(new QPushButton(tr("Browse…"), m_form))
    , m_remoteFolder(new QLineEdit(m_form))
    , m_activeMode(new QCheckBox(tr("Active mode (the server connects to this computer)"), m_form))
    , m_connections(new QSpinBox(m_form))
    , m_error(new QLabel(this))
    , m_connectButton(new QPushButton(tr("Connect"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("siteManagerDialog"));
    setWindowTitle(tr("Site Manager"));

    m_list->setObjectName(QStringLiteral("siteList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMinimumWidth(200);
    m_newButton->setObjectName(QStringLiteral("newSiteButton"));
    m_duplicateButton->setObjectName(QStringLiteral("duplicateSiteButton"));
    m_deleteButton->setObjectName(QStringLiteral("deleteSiteButton"));
    // Only OK is pressed by Return; these act on the list, not on the form.
    for (QPushButton *button : { m_newButton, m_duplicateButton, m_deleteButton, m_browseLocal, m_connectButton }) {
        button->setAutoDefault(false);
    }

    m_form->setObjectName(QStringLiteral("siteForm"));
    m_name->setObjectName(QStringLiteral("siteName"));
    m_name->setPlaceholderText(tr("e.g. Web server"));
    m_host->setObjectName(QStringLiteral("siteHost"));
    m_host->setPlaceholderText(tr("ftp.example.org"));
    m_port->setObjectName(QStringLiteral("sitePort"));
    m_port->setRange(1, 65535);
    m_security->setObjectName(QStringLiteral("siteSecurity"));
    m_security->addItem(tr("Explicit FTPS (AUTH TLS)"), static_cast<int>(Net::TlsPolicy::StartTlsRequired));
    m_security->addItem(tr("Implicit FTPS"), static_cast<int>(Net::TlsPolicy::ImplicitTls));
    m_security->addItem(tr("Plain FTP — insecure"), static_cast<int>(Net::TlsPolicy::Plain));
    m_insecureWarning->setObjectName(QStringLiteral("insecureWarning"));
    m_insecureWarning->setStyleSheet(kWarningStyle);
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setVisible(false);

    m_user->setObjectName(QStringLiteral("siteUser"));
    m_password->setObjectName(QStringLiteral("sitePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordNote->setObjectName(QStringLiteral("passwordNote"));
    m_passwordNote->setWordWrap(true);
    m_passwordNote->setVisible(false);

    m_localFolder->setObjectName(QStringLiteral("siteLocalFolder"));
    m_localFolder->setPlaceholderText(tr("Your home folder"));
    m_browseLocal->setObjectName(QStringLiteral("siteLocalFolderBrowse"));
    m_remoteFolder->setObjectName(QStringLiteral("siteRemoteFolder"));
    m_remoteFolder->setPlaceholderText(tr("The server's default"));
    m_activeMode->setObjectName(QStringLiteral("siteActiveMode"));
    m_activeMode->setToolTip(tr("Leave this off unless the server cannot be reached in passive mode: active mode "
                                "needs this computer to accept connections from the server."));
    m_connections->setObjectName(QStringLiteral("siteConnections"));
    m_connections->setRange(Site::kMinConnections, Site::kMaxConnections);
    m_connections->setToolTip(tr("How many files are transferred at the same time, each on its own connection."));

    auto *localRow = new QHBoxLayout;
    localRow->addWidget(m_localFolder, 1);
    localRow->addWidget(m_browseLocal);

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Server:"), m_host);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("Security:"), m_security);
    form->addRow(QString(), m_insecureWarning);
    form->addRow(tr("User name:"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(QString(), m_passwordNote);
    form->addRow(tr("Local folder:"), localRow);
    form->addRow(tr("Remote folder:"), m_remoteFolder);
    form->addRow(QString(), m_activeMode);
    form->addRow(tr("Parallel transfers:"), m_connections);

    m_error->setObjectName(QStringLiteral("siteError"));
    m_error->setStyleSheet(kErrorStyle);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_newButton);
    listButtons->addWidget(m_duplicateButton);
    listButtons->addWidget(m_deleteButton);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);
    auto *right = new QVBoxLayout;
    right->addWidget(m_form);
    right->addWidget(m_error);
    right->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);

    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->addButton(m_connectButton, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);

    m_confirmDelete = [this](const QString &label) {
        return QMessageBox::question(
                   this, tr("Delete site"), tr("Delete the site “%1”? Its saved password is forgotten too.").arg(label))
            == QMessageBox::Yes;
    };

    if (m_vault) {
        if (!m_vault->keyringAvailable()) {
            m_passwordNote->setText(m_vault->keyringUnavailableText());
            m_passwordNote->setVisible(true);
        }
        connect(m_vault, &PasswordVault::keyringUnavailable, this, [this](const QString &text) {
            m_passwordNote->setText(text);
            m_passwordNote->setVisible(true);
        });
    } else {
        m_password->setEnabled(false);
        m_password->setPlaceholderText(tr("Asked for when connecting"));
    }

    connect(m_list, &QListWidget::currentItemChanged, this, &SiteManagerDialog::onCurrentItemChanged);
    connect(m_newButton, &QPushButton::clicked, this, &SiteManagerDialog::newSite);
    connect(m_duplicateButton, &QPushButton::clicked, this, &SiteManagerDialog::duplicateSite);
    connect(m_deleteButton, &QPushButton::clicked, this, &SiteManagerDialog::deleteSite);
    connect(m_connectButton, &QPushButton::clicked, this, &SiteManagerDialog::connectToSite);
    connect(m_browseLocal, &QPushButton::clicked, this, &SiteManagerDialog::browseLocalFolder);
    connect(m_security, &QComboBox::currentIndexChanged, this, &SiteManagerDialog::onSecurityChanged);
    connect(m_name, &QLineEdit::textChanged, this, &SiteManagerDialog::onFormEdited);
    connect(m_host, &QLineEdit::textChanged, this, &SiteManagerDialog::onFormEdited);
    connect(m_user, &QLineEdit::textChanged, this, &SiteManagerDialog::onFormEdited);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SiteManagerDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const QList<Site> sites = m_store->sites();
    for (const Site &site : sites) {
        addSiteItem(site, false);
    }
    if (sites.isEmpty()) {
        // Nothing stored yet: the form is ready for the first site.
        newSite();
    } else {
        QListWidgetItem *first = m_list->item(0);
        selectQuietly(first);
        showItem(first);
    }
}

SiteManagerDialog::~SiteManagerDialog() = default;

void SiteManagerDialog::setConfirmDelete(std::function<bool(const QString &label)> confirm)
{
    m_confirmDelete = std::move(confirm);
}

QString SiteManagerDialog::errorText() const
{
    return m_error->text();
}

Net::TlsPolicy SiteManagerDialog::security() const
{
    return static_cast<Net::TlsPolicy>(m_security->currentData().toInt());
}

void SiteManagerDialog::addSiteItem(const Site &site, bool draft, int row)
{
    auto *item = new QListWidgetItem;
    decorateItem(item, site, draft);
    if (row < 0 || row > m_list->count()) {
        row = m_list->count();
    }
    const QSignalBlocker blocker(m_list);
    m_list->insertItem(row, item);
}

QListWidgetItem *SiteManagerDialog::itemFor(const QString &id) const
{
    if (id.isEmpty()) {
        return nullptr;
    }
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        if (item->data(kIdRole).toString() == id) {
            return item;
        }
    }
    return nullptr;
}

void SiteManagerDialog::decorateItem(QListWidgetItem *item, const Site &site, bool draft) const
{
    const QString label = site.label().isEmpty() ? tr("New site") : site.label();
    item->setText(label);
    item->setData(kIdRole, site.id);
    item->setData(kDraftRole, draft);
    // Plain FTP is marked wherever the site appears, not only in its form.
    if (site.isInsecure()) {
        item->setForeground(kInsecureColor);
        item->setToolTip(tr("%1 — plain FTP, insecure").arg(label));
    } else {
        item->setData(Qt::ForegroundRole, QVariant());
        item->setToolTip(QString());
    }
}

void SiteManagerDialog::selectQuietly(QListWidgetItem *item)
{
    const QSignalBlocker blocker(m_list);
    m_list->setCurrentItem(item);
}

bool SiteManagerDialog::selectSite(const QString &id)
{
    if (id == m_shownId && !id.isEmpty()) {
        return true;
    }
    QListWidgetItem *item = itemFor(id);
    if (!item || !m_store->site(id)) {
        return false;
    }
    // The same path as a click in the list, so the site on screen is saved first.
    m_list->setCurrentItem(item);
    return m_shownId == id;
}

void SiteManagerDialog::onCurrentItemChanged(QListWidgetItem *current, QListWidgetItem *previous)
{
    Q_UNUSED(previous)
    if (current && current->data(kIdRole).toString() == m_shownId) {
        return;
    }
    if (commitShown() == Commit::Refused) {
        // Back to the site that needs fixing; the error says what.
        selectQuietly(itemFor(m_shownId));
        return;
    }
    showItem(current);
}

void SiteManagerDialog::showItem(QListWidgetItem *item)
{
    if (!item) {
        showNothing();
        return;
    }
    const QString id = item->data(kIdRole).toString();
    if (item->data(kDraftRole).toBool()) {
        showSite(draftSite(id), true);
        return;
    }
    if (const std::optional<Site> site = m_store->site(id)) {
        showSite(*site, false);
        return;
    }
    // Removed from the store behind our back.
    {
        const QSignalBlocker blocker(m_list);
        delete m_list->takeItem(m_list->row(item));
    }
    showNothing();
}

void SiteManagerDialog::showSite(const Site &site, bool draft)
{
    m_filling = true;
    m_shownId = site.id;
    m_shownIsDraft = draft;
    m_shownSecurity = site.security;
    m_name->setText(site.name);
    m_host->setText(site.host);
    m_security->setCurrentIndex(m_security->findData(static_cast<int>(site.security)));
    m_port->setValue(site.port);
    m_user->setText(site.user);
    m_password->clear();
    m_localFolder->setText(site.localFolder);
    m_remoteFolder->setText(site.remoteFolder);
    m_activeMode->setChecked(site.activeMode);
    m_connections->setValue(site.connections);
    m_filling = false;

    m_insecureWarning->setVisible(site.isInsecure());
    setError(QString());
    updatePasswordField();
    updateButtons();
}

void SiteManagerDialog::showNothing()
{
    m_filling = true;
    m_shownId.clear();
    m_shownIsDraft = false;
    for (QLineEdit *edit : { m_name, m_host, m_user, m_password, m_localFolder, m_remoteFolder }) {
        edit->clear();
    }
    m_filling = false;
    m_insecureWarning->setVisible(false);
    updatePasswordField();
    updateButtons();
}

Site SiteManagerDialog::formSite() const
{
    Site s;
    s.id = m_shownId;
    s.name = m_name->text().trimmed();
    s.host = m_host->text().trimmed();
    s.port = static_cast<quint16>(m_port->value());
    s.security = security();
    s.user = m_user->text().trimmed();
    s.localFolder = m_localFolder->text().trimmed();
    s.remoteFolder = m_remoteFolder->text().trimmed();
    s.activeMode = m_activeMode->isChecked();
    s.connections = m_connections->value();
    return s;
}

bool SiteManagerDialog::isUntouchedDraft() const
{
    return m_shownIsDraft && m_password->text().isEmpty() && formSite() == draftSite(m_shownId);
}

SiteManagerDialog::Commit SiteManagerDialog::commitShown()
{
    if (m_shownId.isEmpty()) {
        return Commit::Dropped;
    }
    if (isUntouchedDraft()) {
        if (QListWidgetItem *item = itemFor(m_shownId)) {
            const QSignalBlocker blocker(m_list);
            delete m_list->takeItem(m_list->row(item));
        }
        showNothing();
        return Commit::Dropped;
    }

    const Site site = formSite();
    const QString password = m_password->text();
    if (!m_shownIsDraft && password.isEmpty() && m_store->site(site.id) == site) {
        setError(QString());
        return Commit::Saved; // nothing changed: no write, no changed() for the others
    }
    if (m_store->addOrUpdate(site).isEmpty()) {
        setError(m_store->lastError());
        return Commit::Refused;
    }
    if (!m_store->lastError().isEmpty()) {
        // Kept for this session, but the file could not be written: say so, go on.
        setError(m_store->lastError());
    } else {
        setError(QString());
    }

    // An empty field keeps the stored password; a typed one replaces it.
    if (!password.isEmpty()) {
        if (PasswordVault *vault = m_vault) {
            QPointer<SiteManagerDialog> guard(this);
            vault->writePassword(site.passwordKey(), password, [guard](const VaultResult &result) {
                if (SiteManagerDialog *self = guard.data(); self && !result.ok) {
                    self->m_passwordNote->setText(result.error);
                    self->m_passwordNote->setVisible(true);
                }
            });
        }
        m_password->clear();
    }
    m_shownIsDraft = false;
    if (QListWidgetItem *item = itemFor(site.id)) {
        decorateItem(item, site, false);
    }
    updatePasswordField();
    updateButtons();
    return Commit::Saved;
}

void SiteManagerDialog::newSite()
{
    if (commitShown() == Commit::Refused) {
        return;
    }
    const Site site = draftSite(Site::newId());
    addSiteItem(site, true);
    selectQuietly(itemFor(site.id));
    showSite(site, true);
    m_name->setFocus();
}

void SiteManagerDialog::duplicateSite()
{
    const QString fromId = m_shownId;
    // A new site left untouched has nothing to copy.
    if (fromId.isEmpty() || commitShown() != Commit::Saved) {
        return;
    }
    const std::optional<Site> original = m_store->site(fromId);
    if (!original) {
        return;
    }
    Site copy = *original;
    copy.id = Site::newId();
    copy.name = tr("Copy of %1").arg(original->label());
    if (m_store->addOrUpdate(copy).isEmpty()) {
        setError(m_store->lastError());
        return;
    }
    copyPassword(original->passwordKey(), copy.passwordKey());
    // At the end, as in the store: the list shows the stored order.
    addSiteItem(copy, false);
    selectQuietly(itemFor(copy.id));
    showSite(copy, false);
    m_name->setFocus();
    m_name->selectAll();
}

void SiteManagerDialog::copyPassword(const QString &fromKey, const QString &toKey)
{
    PasswordVault *vault = m_vault;
    if (!vault) {
        return;
    }
    if (vault->hasSessionPassword(fromKey)) {
        vault->writePassword(toKey, vault->sessionPassword(fromKey), {});
        return;
    }
    // Perhaps in the keyring from an earlier session. The answer comes later; a
    // password typed for the copy meanwhile wins.
    QPointer<SiteManagerDialog> guard(this);
    vault->readPassword(fromKey, [guard, vault, toKey](const VaultResult &result) {
        if (!result.ok || vault->hasSessionPassword(toKey)) {
            return;
        }
        vault->writePassword(toKey, result.password, {});
        if (SiteManagerDialog *self = guard.data()) {
            self->updatePasswordField();
        }
    });
}

void SiteManagerDialog::deleteSite()
{
    if (m_shownId.isEmpty()) {
        return;
    }
    QListWidgetItem *item = itemFor(m_shownId);
    const QString label = item ? item->text() : formSite().label();
    if (m_confirmDelete && !m_confirmDelete(label)) {
        return;
    }
    if (!m_shownIsDraft) {
        m_store->remove(m_shownId);
        if (m_vault) {
            m_vault->removePassword(Site::passwordKeyFor(m_shownId));
        }
    }
    int row = item ? m_list->row(item) : m_list->count();
    if (item) {
        const QSignalBlocker blocker(m_list);
        delete m_list->takeItem(row);
    }
    showNothing();
    // The next site takes the deleted one's place; after the last, the one before.
    row = std::min(row, m_list->count() - 1);
    QListWidgetItem *next = row >= 0 ? m_list->item(row) : nullptr;
    selectQuietly(next);
    showItem(next);
}

void SiteManagerDialog::connectToSite()
{
    if (isUntouchedDraft()) {
        // Kept on screen rather than dropped: the person is about to fill it in.
        setError(tr("Enter the server to connect to."));
        return;
    }
    const Commit commit = commitShown();
    if (commit == Commit::Refused) {
        return;
    }
    const std::optional<Site> site = commit == Commit::Saved ? m_store->site(m_shownId) : std::nullopt;
    if (!site) {
        setError(tr("Choose a site to connect to, or make a new one."));
        return;
    }
    m_chosen = site;
    QDialog::accept();
}

void SiteManagerDialog::accept()
{
    m_chosen.reset();
    if (commitShown() == Commit::Refused) {
        return;
    }
    QDialog::accept();
}

void SiteManagerDialog::onSecurityChanged()
{
    if (m_filling) {
        return;
    }
    const Net::TlsPolicy now = security();
    // A port the person chose stays; the old default follows the new security.
    if (m_port->value() == Site::defaultPort(m_shownSecurity)) {
        m_port->setValue(Site::defaultPort(now));
    }
    m_shownSecurity = now;
    m_insecureWarning->setVisible(now == Net::TlsPolicy::Plain);
    onFormEdited();
}

void SiteManagerDialog::onFormEdited()
{
    if (m_filling) {
        return;
    }
    // The list follows the name as it is typed.
    if (QListWidgetItem *item = itemFor(m_shownId)) {
        decorateItem(item, formSite(), m_shownIsDraft);
    }
}

void SiteManagerDialog::updatePasswordField()
{
    if (!m_vault) {
        return;
    }
    const bool saved = !m_shownId.isEmpty() && m_vault->hasSessionPassword(Site::passwordKeyFor(m_shownId));
    m_password->setPlaceholderText(saved ? tr("(saved)") : QString());
}

void SiteManagerDialog::updateButtons()
{
    const bool shown = !m_shownId.isEmpty();
    m_form->setEnabled(shown);
    m_duplicateButton->setEnabled(shown);
    m_deleteButton->setEnabled(shown);
    m_connectButton->setEnabled(shown);
}

void SiteManagerDialog::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void SiteManagerDialog::browseLocalFolder()
{
    const QString start = m_localFolder->text().isEmpty() ? QDir::homePath() : m_localFolder->text();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Local folder"), start);
    if (!dir.isEmpty()) {
        m_localFolder->setText(QDir::toNativeSeparators(dir));
    }
}

} // namespace Satchel::Ui
