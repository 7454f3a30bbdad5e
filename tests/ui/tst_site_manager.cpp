// The FTP site manager and the quick-connect bar on the offscreen platform. A site
// made through the form's widgets lands in the store and its password in the vault
// (session only here) under "site:<id>"; reopened, the password field says "(saved)"
// and an empty field keeps it. The port follows the security while it is the old
// default; Plain shows the warning; a site without a server is not saved and the
// form stays on it (Connect on an untouched new site keeps it too); moving to
// another site saves the edits; Delete asks through its hook; Duplicate copies the
// password; Connect returns the site. Quick connect: a table of what the host field
// accepts and refuses, and the signal on Connect and on Return in each field.
#include "protocols/accounts/PasswordVault.h"
#include "protocols/accounts/SiteStore.h"
#include "tests/common/TestServerEnv.h"
#include "ui/files/QuickConnectBar.h"
#include "ui/files/SiteManagerDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Satchel;
using Satchel::Accounts::PasswordVault;
using Satchel::Accounts::Site;
using Satchel::Accounts::SiteStore;
using Satchel::Ui::parseQuickConnect;
using Satchel::Ui::QuickConnectBar;
using Satchel::Ui::SiteManagerDialog;

namespace {

template<class T> T *child(const QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found) {
        qWarning("no child named %s", name);
    }
    return found;
}

void selectData(QComboBox *combo, int value)
{
    const int index = combo->findData(value);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

void setSecurity(SiteManagerDialog &d, Net::TlsPolicy t)
{
    selectData(child<QComboBox>(&d, "siteSecurity"), static_cast<int>(t));
}

void clickOk(SiteManagerDialog &d)
{
    child<QDialogButtonBox>(&d, "buttonBox")->button(QDialogButtonBox::Ok)->click();
}

Site webSite()
{
    Site s;
    s.name = QStringLiteral("Web server");
    s.host = QStringLiteral("ftp.example.org");
    s.user = QStringLiteral("alice");
    s.remoteFolder = QStringLiteral("/var/www");
    return s;
}

Site mirrorSite()
{
    Site s;
    s.host = QStringLiteral("mirror.example.net");
    s.port = 990;
    s.security = Net::TlsPolicy::ImplicitTls;
    s.user = QStringLiteral("anonymous");
    return s;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSiteManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsASiteThroughTheForm();
    void savedPasswordIsKeptUnlessRetyped();
    void securityChangeMovesTheDefaultPort_data();
    void securityChangeMovesTheDefaultPort();
    void plainShowsTheWarning();
    void siteWithoutServerIsNotSaved();
    void movingToAnotherSiteSavesTheEdits();
    void deleteAsksFirst();
    void duplicateCopiesSiteAndPassword();
    void connectReturnsTheChosenSite();
    void quickConnectParsing_data();
    void quickConnectParsing();
    void quickConnectEmitsTheSite();
    void savesScreenshots();

private:
    QTemporaryDir m_dir;
    QString iniPath(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".ini")); }
};

void TestSiteManager::createsASiteThroughTheForm()
{
    const QString path = iniPath(QStringLiteral("create"));
    SiteStore store(path);
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    SiteManagerDialog d(&store, &vault);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));

    auto *list = child<QListWidget>(&d, "siteList");
    QCOMPARE(list->count(), 1); // an empty manager starts with a new site
    QCOMPARE(list->item(0)->text(), QStringLiteral("New site"));
    QTest::mouseClick(child<QPushButton>(&d, "newSiteButton"), Qt::LeftButton);
    QCOMPARE(list->count(), 1); // the untouched one is replaced, not doubled

    QTest::keyClicks(child<QLineEdit>(&d, "siteName"), QStringLiteral("Web server"));
    QCOMPARE(list->item(0)->text(), QStringLiteral("Web server"));
    QTest::keyClicks(child<QLineEdit>(&d, "siteHost"), QStringLiteral("ftp.example.org"));
    setSecurity(d, Net::TlsPolicy::ImplicitTls);
    QCOMPARE(child<QSpinBox>(&d, "sitePort")->value(), 990);
    QTest::keyClicks(child<QLineEdit>(&d, "siteUser"), QStringLiteral("alice"));
    auto *password = child<QLineEdit>(&d, "sitePassword");
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QTest::keyClicks(password, QStringLiteral("s3cret-ftp"));
    child<QLineEdit>(&d, "siteLocalFolder")->setText(QStringLiteral("/home/alice/site"));
    QTest::keyClicks(child<QLineEdit>(&d, "siteRemoteFolder"), QStringLiteral("/var/www"));
    auto *active = child<QCheckBox>(&d, "siteActiveMode");
    QCOMPARE(active->text(), QStringLiteral("Active mode (the server connects to this computer)"));
    QVERIFY(!active->isChecked()); // passive unless asked
    active->click();
    auto *connections = child<QSpinBox>(&d, "siteConnections");
    QCOMPARE(connections->value(), 2);
    QCOMPARE(connections->minimum(), 1);
    QCOMPARE(connections->maximum(), 64);
    connections->setValue(12);
    QVERIFY(store.sites().isEmpty()); // nothing is saved while typing

    clickOk(d);
    QCOMPARE(d.result(), int(QDialog::Accepted));
    QVERIFY(!d.chosenSite()); // OK is not Connect
    QCOMPARE(store.sites().size(), 1);
    const Site s = store.sites().at(0);
    QVERIFY(!s.id.isEmpty());
    QCOMPARE(s.name, QStringLiteral("Web server"));
    QCOMPARE(s.host, QStringLiteral("ftp.example.org"));
    QCOMPARE(s.port, quint16(990));
    QCOMPARE(s.security, Net::TlsPolicy::ImplicitTls);
    QCOMPARE(s.user, QStringLiteral("alice"));
    QCOMPARE(s.localFolder, QStringLiteral("/home/alice/site"));
    QCOMPARE(s.remoteFolder, QStringLiteral("/var/www"));
    QVERIFY(s.activeMode);
    QCOMPARE(s.connections, 12);
    QCOMPARE(vault.sessionPassword(s.passwordKey()), QStringLiteral("s3cret-ftp"));
    QVERIFY(!vault.hasSessionPassword(s.id)); // not where a mail account's would be
    QVERIFY(!fileBytes(path).contains("s3cret-ftp"));
    QVERIFY(password->text().isEmpty()); // the secret does not stay in the widget
}

void TestSiteManager::savedPasswordIsKeptUnlessRetyped()
{
    SiteStore store(iniPath(QStringLiteral("password")));
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    const QString webId = store.addOrUpdate(webSite());
    const QString mirrorId = store.addOrUpdate(mirrorSite());
    const QString key = Site::passwordKeyFor(webId);
    vault.writePassword(key, QStringLiteral("old-pw"), {});
    {
        SiteManagerDialog d(&store, &vault);
        auto *password = child<QLineEdit>(&d, "sitePassword");
        QCOMPARE(child<QLineEdit>(&d, "siteHost")->text(), QStringLiteral("ftp.example.org"));
        QVERIFY(password->text().isEmpty());
        QCOMPARE(password->placeholderText(), QStringLiteral("(saved)"));
        // The note says passwords last for this session only.
        QCOMPARE(child<QLabel>(&d, "passwordNote")->text(), vault.keyringUnavailableText());

        child<QListWidget>(&d, "siteList")->setCurrentRow(1);
        QCOMPARE(child<QLineEdit>(&d, "siteHost")->text(), QStringLiteral("mirror.example.net"));
        QVERIFY(password->placeholderText().isEmpty()); // none saved for this one
        child<QListWidget>(&d, "siteList")->setCurrentRow(0);

        child<QLineEdit>(&d, "siteName")->setText(QStringLiteral("Renamed"));
        clickOk(d);
        QCOMPARE(d.result(), int(QDialog::Accepted));
    }
    QCOMPARE(store.site(webId)->name, QStringLiteral("Renamed"));
    QCOMPARE(vault.sessionPassword(key), QStringLiteral("old-pw")); // empty field: kept
    QVERIFY(!vault.hasSessionPassword(Site::passwordKeyFor(mirrorId)));
    {
        SiteManagerDialog d(&store, &vault);
        QTest::keyClicks(child<QLineEdit>(&d, "sitePassword"), QStringLiteral("new-pw"));
        clickOk(d);
    }
    QCOMPARE(vault.sessionPassword(key), QStringLiteral("new-pw"));
}

void TestSiteManager::securityChangeMovesTheDefaultPort_data()
{
    QTest::addColumn<Net::TlsPolicy>("from");
    QTest::addColumn<int>("port");
    QTest::addColumn<Net::TlsPolicy>("to");
    QTest::addColumn<int>("expected");
    QTest::newRow("21 follows AUTH TLS to implicit: 990")
        << Net::TlsPolicy::StartTlsRequired << 21 << Net::TlsPolicy::ImplicitTls << 990;
    QTest::newRow("990 follows implicit to AUTH TLS: 21")
        << Net::TlsPolicy::ImplicitTls << 990 << Net::TlsPolicy::StartTlsRequired << 21;
    QTest::newRow("990 follows implicit to plain: 21")
        << Net::TlsPolicy::ImplicitTls << 990 << Net::TlsPolicy::Plain << 21;
    QTest::newRow("21 stays from AUTH TLS to plain")
        << Net::TlsPolicy::StartTlsRequired << 21 << Net::TlsPolicy::Plain << 21;
    QTest::newRow("a chosen port stays") << Net::TlsPolicy::StartTlsRequired << 2121 << Net::TlsPolicy::ImplicitTls
                                         << 2121;
    QTest::newRow("990 chosen for AUTH TLS is not the old default: stays")
        << Net::TlsPolicy::StartTlsRequired << 990 << Net::TlsPolicy::Plain << 990;
}

void TestSiteManager::securityChangeMovesTheDefaultPort()
{
    QFETCH(Net::TlsPolicy, from);
    QFETCH(int, port);
    QFETCH(Net::TlsPolicy, to);
    QFETCH(int, expected);
    SiteStore store(iniPath(QStringLiteral("port")));
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    SiteManagerDialog d(&store, &vault);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QTest::mouseClick(child<QPushButton>(&d, "newSiteButton"), Qt::LeftButton);
    auto *portSpin = child<QSpinBox>(&d, "sitePort");
    QCOMPARE(portSpin->value(), 21); // a new site is AUTH TLS on 21
    setSecurity(d, from);
    portSpin->setValue(port);
    setSecurity(d, to);
    QCOMPARE(portSpin->value(), expected);
}

void TestSiteManager::plainShowsTheWarning()
{
    SiteStore store(iniPath(QStringLiteral("plain")));
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    SiteManagerDialog d(&store, &vault);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    auto *warning = child<QLabel>(&d, "insecureWarning");
    auto *combo = child<QComboBox>(&d, "siteSecurity");
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->itemText(0), QStringLiteral("Explicit FTPS (AUTH TLS)"));
    QCOMPARE(combo->itemText(1), QStringLiteral("Implicit FTPS"));
    QCOMPARE(combo->itemText(2), QStringLiteral("Plain FTP — insecure"));
    QCOMPARE(combo->currentIndex(), 0);
    QVERIFY(!warning->isVisible());

    child<QLineEdit>(&d, "siteHost")->setText(QStringLiteral("old.example.net"));
    setSecurity(d, Net::TlsPolicy::Plain);
    QVERIFY(warning->isVisible());
    QCOMPARE(warning->text(), QStringLiteral("Passwords and files will cross the network unencrypted."));
    QVERIFY(warning->styleSheet().contains(QStringLiteral("#c62828")));
    // Marked in the list too.
    QListWidgetItem *item = child<QListWidget>(&d, "siteList")->currentItem();
    QVERIFY(item);
    QVERIFY(item->toolTip().contains(QStringLiteral("insecure")));
    setSecurity(d, Net::TlsPolicy::ImplicitTls);
    QVERIFY(!warning->isVisible());
    QVERIFY(item->toolTip().isEmpty());

    // A stored plain site shows it as soon as it is on screen.
    setSecurity(d, Net::TlsPolicy::Plain);
    clickOk(d);
    QCOMPARE(store.sites().size(), 1);
    QVERIFY(store.sites().at(0).isInsecure());
    SiteManagerDialog again(&store, &vault);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(child<QLabel>(&again, "insecureWarning")->isVisible());
}

void TestSiteManager::siteWithoutServerIsNotSaved()
{
    SiteStore store(iniPath(QStringLiteral("noserver")));
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    SiteManagerDialog d(&store, &vault);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    // Connect on the untouched new site: it stays, to be filled in.
    QTest::mouseClick(child<QPushButton>(&d, "connectButton"), Qt::LeftButton);
    QVERIFY(d.isVisible());
    QCOMPARE(d.errorText(), QStringLiteral("Enter the server to connect to."));
    QCOMPARE(child<QListWidget>(&d, "siteList")->count(), 1);
    QVERIFY(child<QWidget>(&d, "siteForm")->isEnabled());

    QTest::keyClicks(child<QLineEdit>(&d, "siteName"), QStringLiteral("Nameless"));

    clickOk(d);
    QVERIFY(d.isVisible()); // stays open on the site that needs a server
    QCOMPARE(
        d.errorText(), QStringLiteral("The site has no server: enter the host name or address of the FTP server."));
    QVERIFY(child<QLabel>(&d, "siteError")->isVisible());
    QVERIFY(store.sites().isEmpty());
    QTest::mouseClick(child<QPushButton>(&d, "newSiteButton"), Qt::LeftButton);
    QCOMPARE(child<QListWidget>(&d, "siteList")->count(), 1); // not left behind either
    QTest::mouseClick(child<QPushButton>(&d, "connectButton"), Qt::LeftButton);
    QVERIFY(d.isVisible());
    QVERIFY(!d.chosenSite());

    QTest::keyClicks(child<QLineEdit>(&d, "siteHost"), QStringLiteral("ftp.example.org"));
    clickOk(d);
    QVERIFY(!d.isVisible());
    QCOMPARE(d.result(), int(QDialog::Accepted));
    QVERIFY(d.errorText().isEmpty());
    QCOMPARE(store.sites().size(), 1);
    QCOMPARE(store.sites().at(0).name, QStringLiteral("Nameless"));
}

void TestSiteManager::movingToAnotherSiteSavesTheEdits()
{
    SiteStore store(iniPath(QStringLiteral("move")));
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    const QString webId = store.addOrUpdate(webSite());
    const QString mirrorId = store.addOrUpdate(mirrorSite());
    SiteManagerDialog d(&store, &vault);
    auto *list = child<QListWidget>(&d, "siteList");
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Web server"));
    QCOMPARE(list->item(1)->text(), QStringLiteral("anonymous@mirror.example.net"));

    child<QLineEdit>(&d, "siteRemoteFolder")->setText(QStringLiteral("/srv/www"));
    list->setCurrentRow(1);
    QCOMPARE(store.site(webId)->remoteFolder, QStringLiteral("/srv/www"));
    QCOMPARE(child<QLineEdit>(&d, "siteHost")->text(), QStringLiteral("mirror.example.net"));

    // A site emptied of its server keeps the form until it has one again.
    child<QLineEdit>(&d, "siteHost")->clear();
    list->setCurrentRow(0);
    QCOMPARE(list->currentRow(), 1);
    QVERIFY(!d.errorText().isEmpty());
    QCOMPARE(store.site(mirrorId)->host, QStringLiteral("mirror.example.net"));
    QVERIFY(!d.selectSite(webId));

    // Cancel drops the edits on screen, not the ones already saved.
    child<QLineEdit>(&d, "siteHost")->setText(QStringLiteral("mirror2.example.net"));
    QVERIFY(d.selectSite(webId));
    child<QLineEdit>(&d, "siteName")->setText(QStringLiteral("Not kept"));
    d.reject();
    QCOMPARE(store.site(mirrorId)->host, QStringLiteral("mirror2.example.net"));
    QCOMPARE(store.site(webId)->name, QStringLiteral("Web server"));
}

void TestSiteManager::deleteAsksFirst()
{
    SiteStore store(iniPath(QStringLiteral("delete")));
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    const QString webId = store.addOrUpdate(webSite());
    const QString mirrorId = store.addOrUpdate(mirrorSite());
    vault.writePassword(Site::passwordKeyFor(webId), QStringLiteral("pw"), {});

    SiteManagerDialog d(&store, &vault);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QStringList asked;
    bool answer = false;
    d.setConfirmDelete([&asked, &answer](const QString &label) {
        asked.append(label);
        return answer;
    });
    auto *list = child<QListWidget>(&d, "siteList");
    auto *deleteButton = child<QPushButton>(&d, "deleteSiteButton");

    QTest::mouseClick(deleteButton, Qt::LeftButton);
    QCOMPARE(asked, QStringList { QStringLiteral("Web server") });
    QCOMPARE(store.sites().size(), 2);
    QCOMPARE(list->count(), 2);
    QVERIFY(vault.hasSessionPassword(Site::passwordKeyFor(webId)));

    answer = true;
    QTest::mouseClick(deleteButton, Qt::LeftButton);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(store.sites().size(), 1);
    QCOMPARE(store.sites().at(0).id, mirrorId);
    QVERIFY(!vault.hasSessionPassword(Site::passwordKeyFor(webId)));
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->currentRow(), 0); // the next site takes its place
    QCOMPARE(child<QLineEdit>(&d, "siteHost")->text(), QStringLiteral("mirror.example.net"));

    QTest::mouseClick(deleteButton, Qt::LeftButton);
    QCOMPARE(asked.size(), 3);
    QVERIFY(store.sites().isEmpty());
    QCOMPARE(list->count(), 0);
    QVERIFY(!deleteButton->isEnabled());
    QVERIFY(!child<QPushButton>(&d, "connectButton")->isEnabled());
}

void TestSiteManager::duplicateCopiesSiteAndPassword()
{
    SiteStore store(iniPath(QStringLiteral("duplicate")));
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    Site web = webSite();
    web.id = store.addOrUpdate(web);
    vault.writePassword(web.passwordKey(), QStringLiteral("pw"), {});

    SiteManagerDialog d(&store, &vault);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QTest::mouseClick(child<QPushButton>(&d, "duplicateSiteButton"), Qt::LeftButton);
    QCOMPARE(store.sites().size(), 2);
    Site copy = store.sites().at(1);
    QVERIFY(copy.id != web.id);
    QCOMPARE(copy.name, QStringLiteral("Copy of Web server"));
    QCOMPARE(child<QLineEdit>(&d, "siteName")->text(), copy.name);
    QCOMPARE(vault.sessionPassword(copy.passwordKey()), QStringLiteral("pw"));
    QCOMPARE(child<QLineEdit>(&d, "sitePassword")->placeholderText(), QStringLiteral("(saved)"));
    copy.id = web.id;
    copy.name = web.name;
    QCOMPARE(copy, web); // all else is the same
}

void TestSiteManager::connectReturnsTheChosenSite()
{
    SiteStore store(iniPath(QStringLiteral("connect")));
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    store.addOrUpdate(webSite());
    const QString mirrorId = store.addOrUpdate(mirrorSite());
    SiteManagerDialog d(&store, &vault);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QVERIFY(d.selectSite(mirrorId));
    child<QLineEdit>(&d, "siteRemoteFolder")->setText(QStringLiteral("/pub"));
    QTest::keyClicks(child<QLineEdit>(&d, "sitePassword"), QStringLiteral("guest"));

    QTest::mouseClick(child<QPushButton>(&d, "connectButton"), Qt::LeftButton);
    QVERIFY(!d.isVisible());
    QCOMPARE(d.result(), int(QDialog::Accepted));
    const std::optional<Site> chosen = d.chosenSite();
    QVERIFY(chosen);
    QCOMPARE(chosen->id, mirrorId);
    QCOMPARE(chosen->remoteFolder, QStringLiteral("/pub"));
    QCOMPARE(*store.site(mirrorId), *chosen); // saved before connecting
    QCOMPARE(vault.sessionPassword(chosen->passwordKey()), QStringLiteral("guest"));
}

void TestSiteManager::quickConnectParsing_data()
{
    QTest::addColumn<QString>("hostText");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("siteUser");
    QTest::addColumn<int>("sitePort");
    QTest::addColumn<Net::TlsPolicy>("security");
    QTest::addColumn<QString>("remoteFolder");

    const auto ok = [](const char *tag, const char *hostText, const char *user, int port, const char *host,
                        const char *siteUser, int sitePort, Net::TlsPolicy security, const char *remoteFolder = "") {
        QTest::newRow(tag) << QString::fromUtf8(hostText) << QString::fromUtf8(user) << port << QString()
                           << QString::fromUtf8(host) << QString::fromUtf8(siteUser) << sitePort << security
                           << QString::fromUtf8(remoteFolder);
    };
    const auto refused = [](const char *tag, const char *hostText, const char *user, int port, const char *error) {
        QTest::newRow(tag) << QString::fromUtf8(hostText) << QString::fromUtf8(user) << port << QString::fromUtf8(error)
                           << QString() << QString() << 0 << Net::TlsPolicy::StartTlsRequired << QString();
    };
    using T = Net::TlsPolicy;

    ok("bare host: AUTH TLS on 21", "ftp.example.org", "", 0, "ftp.example.org", "", 21, T::StartTlsRequired);
    ok("ftps://: implicit FTPS on 990", "ftps://ftp.example.org", "", 0, "ftp.example.org", "", 990, T::ImplicitTls);
    ok("ftp://: AUTH TLS, never plain", "ftp://ftp.example.org", "", 0, "ftp.example.org", "", 21, T::StartTlsRequired);
    ok("ftpes://: AUTH TLS", "ftpes://ftp.example.org", "", 0, "ftp.example.org", "", 21, T::StartTlsRequired);
    ok("ftp:// with a user", "ftp://alice@ftp.example.org", "", 0, "ftp.example.org", "alice", 21, T::StartTlsRequired);
    ok("percent-encoded user", "ftp://alice%40example.org@ftp.example.org", "", 0, "ftp.example.org",
        "alice@example.org", 21, T::StartTlsRequired);
    ok("ftps:// with a port", "ftps://ftp.example.org:2990", "", 0, "ftp.example.org", "", 2990, T::ImplicitTls);
    ok("host:port without a scheme", "ftp.example.org:2121", "", 0, "ftp.example.org", "", 2121, T::StartTlsRequired);
    ok("port field over the default", "ftps://ftp.example.org", "", 10990, "ftp.example.org", "", 10990,
        T::ImplicitTls);
    ok("the same port twice is fine", "ftp.example.org:2121", "", 2121, "ftp.example.org", "", 2121,
        T::StartTlsRequired);
    ok("user field", "ftp.example.org", " bob ", 0, "ftp.example.org", "bob", 21, T::StartTlsRequired);
    ok("the same user twice is fine", "ftp://bob@ftp.example.org", "bob", 0, "ftp.example.org", "bob", 21,
        T::StartTlsRequired);
    ok("path becomes the remote folder", "ftp://ftp.example.org/pub/linux", "", 0, "ftp.example.org", "", 21,
        T::StartTlsRequired, "/pub/linux");
    ok("a lone slash is no folder", "ftp://ftp.example.org/", "", 0, "ftp.example.org", "", 21, T::StartTlsRequired);
    ok("scheme and host in capitals", "FTPS://FTP.Example.ORG", "", 0, "ftp.example.org", "", 990, T::ImplicitTls);
    ok("spaces around are trimmed", "  ftp.example.org  ", "", 0, "ftp.example.org", "", 21, T::StartTlsRequired);
    ok("IPv6 in brackets", "ftps://[2001:db8::1]:990", "", 0, "2001:db8::1", "", 990, T::ImplicitTls);
    ok("bare IPv6", "2001:db8::1", "", 0, "2001:db8::1", "", 21, T::StartTlsRequired);

    refused("empty", "", "", 0, "Enter the server to connect to.");
    refused("only spaces", "   ", "alice", 0, "Enter the server to connect to.");
    refused("a scheme without a host", "ftps://", "", 0, "Enter the server to connect to.");
    refused("sftp is not FTP", "sftp://ftp.example.org", "", 0,
        "Satchel connects to FTP servers (ftp:// or ftps://), not to sftp://.");
    refused("http is not FTP", "http://example.org", "", 0,
        "Satchel connects to FTP servers (ftp:// or ftps://), not to http://.");
    refused("a password in the address", "ftp://bob:secret@ftp.example.org", "", 0,
        "Type the password in the password field, not in the address.");
    refused("two different ports", "ftp.example.org:2121", "", 21,
        "Two ports are given: 2121 in the address and 21 in the port field.");
    refused("two different users", "ftp://alice@ftp.example.org", "bob", 0,
        "Two users are given: “alice” in the address and “bob” in the user field.");
    refused(
        "a space in the host", "ftp example.org", "", 0, "“ftp example.org” is not a server name or an FTP address.");
    refused("a port that is not a number", "ftp.example.org:port", "", 0,
        "“ftp.example.org:port” is not a server name or an FTP address.");
    refused("a port out of range", "ftp.example.org", "", 70000, "70000 is not a port: ports go from 1 to 65535.");
}

void TestSiteManager::quickConnectParsing()
{
    QFETCH(QString, hostText);
    QFETCH(QString, user);
    QFETCH(int, port);
    QFETCH(QString, error);
    QFETCH(QString, host);
    QFETCH(QString, siteUser);
    QFETCH(int, sitePort);
    QFETCH(Net::TlsPolicy, security);
    QFETCH(QString, remoteFolder);

    QString said = QStringLiteral("left over from before");
    const std::optional<Site> site = parseQuickConnect(hostText, user, port, &said);
    QCOMPARE(said, error);
    QCOMPARE(site.has_value(), error.isEmpty());
    QCOMPARE(parseQuickConnect(hostText, user, port).has_value(), site.has_value()); // no error pointer: fine
    if (!site) {
        return;
    }
    QVERIFY(site->id.isEmpty()); // not a stored site
    QVERIFY(site->name.isEmpty());
    QCOMPARE(site->host, host);
    QCOMPARE(site->user, siteUser);
    QCOMPARE(int(site->port), sitePort);
    QCOMPARE(site->security, security);
    QCOMPARE(site->remoteFolder, remoteFolder);
    QVERIFY(!site->isInsecure());
    QVERIFY(!site->activeMode);
    QCOMPARE(site->connections, 2);
    QVERIFY(site->localFolder.isEmpty());
}

void TestSiteManager::quickConnectEmitsTheSite()
{
    QuickConnectBar bar;
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QCOMPARE(bar.objectName(), QStringLiteral("quickConnect"));
    auto *host = child<QLineEdit>(&bar, "quickHost");
    auto *password = child<QLineEdit>(&bar, "quickPassword");
    auto *port = child<QSpinBox>(&bar, "quickPort");
    auto *button = child<QPushButton>(&bar, "quickConnectButton");
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QCOMPARE(port->value(), 0);
    QCOMPARE(port->text(), QStringLiteral("Port"));
    QSignalSpy requested(&bar, &QuickConnectBar::connectRequested);

    // No server: nothing is asked for, and the host field says why.
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.count(), 0);
    QCOMPARE(bar.errorText(), QStringLiteral("Enter the server to connect to."));
    QCOMPARE(host->toolTip(), bar.errorText());
    QVERIFY(host->styleSheet().contains(QStringLiteral("#c62828")));

    QTest::keyClicks(host, QStringLiteral("ftps://alice@ftp.example.org"));
    QVERIFY(bar.errorText().isEmpty()); // editing takes the mark away
    QVERIFY(host->styleSheet().isEmpty());
    QTest::keyClicks(password, QStringLiteral("s3cret"));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    const Site site = requested.at(0).at(0).value<Site>();
    QVERIFY(site.id.isEmpty());
    QVERIFY(site.name.isEmpty());
    QCOMPARE(site.host, QStringLiteral("ftp.example.org"));
    QCOMPARE(site.user, QStringLiteral("alice"));
    QCOMPARE(site.security, Net::TlsPolicy::ImplicitTls);
    QCOMPARE(site.port, quint16(990));
    QCOMPARE(requested.at(0).at(1).toString(), QStringLiteral("s3cret"));

    // Return in any field connects, with what the fields hold then.
    port->setValue(2990);
    int expected = 1;
    for (const char *field : { "quickHost", "quickUser", "quickPassword", "quickPort" }) {
        QTest::keyClick(child<QWidget>(&bar, field), Qt::Key_Return);
        ++expected;
        QVERIFY2(requested.count() == expected, field);
        QCOMPARE(requested.last().at(0).value<Site>().port, quint16(2990));
    }

    // A refused address leaves the signal alone and says why.
    host->setText(QStringLiteral("sftp://ftp.example.org"));
    QTest::keyClick(host, Qt::Key_Enter);
    QCOMPARE(requested.count(), expected);
    QCOMPARE(bar.errorText(), QStringLiteral("Satchel connects to FTP servers (ftp:// or ftps://), not to sftp://."));
}

void TestSiteManager::savesScreenshots()
{
    SiteStore store(iniPath(QStringLiteral("screenshot")));
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    Site web = webSite();
    web.id = store.addOrUpdate(web);
    vault.writePassword(web.passwordKey(), QStringLiteral("pw"), {});
    Site old = mirrorSite();
    old.name = QStringLiteral("Old mirror");
    old.security = Net::TlsPolicy::Plain;
    old.port = 21;
    store.addOrUpdate(old);
    store.addOrUpdate(mirrorSite());

    SiteManagerDialog d(&store, &vault);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    const QString dir = Satchel::Test::testOutputDir();
    QVERIFY(d.grab().save(dir + QStringLiteral("/site-manager.png")));
    child<QListWidget>(&d, "siteList")->setCurrentRow(1);
    QVERIFY(child<QLabel>(&d, "insecureWarning")->isVisible());
    QVERIFY(d.grab().save(dir + QStringLiteral("/site-manager-plain.png")));

    QuickConnectBar bar;
    bar.resize(900, bar.sizeHint().height());
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QVERIFY(bar.grab().save(dir + QStringLiteral("/quick-connect.png")));
    qInfo("screenshots: %s", qPrintable(dir));
}

QTEST_MAIN(TestSiteManager)
#include "tst_site_manager.moc"
