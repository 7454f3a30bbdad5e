#include "ui/files/FileArea.h"

#include "protocols/accounts/SiteStore.h"
#include "ui/files/FileController.h"
#include "ui/files/LocalFilePane.h"
#include "ui/files/QuickConnectBar.h"
#include "ui/files/RemoteFilePane.h"
#include "ui/files/SiteManagerDialog.h"
#include "ui/files/TransferQueueView.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace Satchel::Ui {

FileArea::FileArea(
    FileController *controller, Accounts::SiteStore *sites, Accounts::PasswordVault *vault, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_sites(sites)
    , m_vault(vault)
    , m_local(new LocalFilePane(this))
    , m_remote(new RemoteFilePane(this))
    , m_queue(new TransferQueueView(this))
    , m_quick(new QuickConnectBar(this))
    , m_siteLabel(new QLabel(this))
    , m_disconnect(new QPushButton(tr("Disconnect"), this))
{
    setObjectName(QStringLiteral("fileArea"));
    auto *siteManager = new QPushButton(tr("Sites…"), this);
    siteManager->setObjectName(QStringLiteral("siteManagerButton"));
    siteManager->setToolTip(tr("The Site Manager: saved FTP sites"));
    connect(siteManager, &QPushButton::clicked, this, &FileArea::openSiteManager);
    m_siteLabel->setObjectName(QStringLiteral("connectedSite"));
    m_disconnect->setObjectName(QStringLiteral("disconnectButton"));
    m_disconnect->setEnabled(false);
    connect(m_disconnect, &QPushButton::clicked, controller, &FileController::disconnectFromSite);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(siteManager);
    bar->addWidget(m_quick, 1);
    bar->addWidget(m_siteLabel);
    bar->addWidget(m_disconnect);

    auto *panes = new QSplitter(Qt::Horizontal, this);
    panes->setObjectName(QStringLiteral("filePanes"));
    panes->addWidget(m_local);
    panes->addWidget(m_remote);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(panes);
    split->addWidget(m_queue);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    controller->attach(m_local, m_remote, m_queue);
    m_local->navigate(QDir::homePath());
    m_remote->setStatus(tr("Not connected. Choose a site, or connect quickly above."));

    connect(m_quick, &QuickConnectBar::connectRequested, controller,
        [controller](
            const Accounts::Site &site, const QString &password) { controller->connectToSite(site, password); });
    connect(controller, &FileController::siteConnected, this, [this](const Accounts::Site &site) {
        m_siteLabel->setText(site.isInsecure() ? tr("%1 (not encrypted)").arg(site.label()) : site.label());
        m_disconnect->setEnabled(true);
    });
    connect(controller, &FileController::siteDisconnected, this, [this] {
        m_siteLabel->clear();
        m_disconnect->setEnabled(false);
    });
}

void FileArea::openSiteManager()
{
    SiteManagerDialog dialog(m_sites, m_vault, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (const std::optional<Accounts::Site> site = dialog.chosenSite()) {
        m_controller->connectToSite(*site);
    }
}

} // namespace Satchel::Ui
