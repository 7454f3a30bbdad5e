// FTP sites in QSettings: defaults (explicit FTPS on 21, passive, two connections),
// two sites survive a round trip through an INI file in their order, an update keeps
// its place, remove forgets, a site without a server is refused in words, port 0
// means the default port, connections stay within 1..64, a damaged entry never
// turns encryption off, sites and mail accounts share a file without seeing each
// other, and no password ever reaches the file — the vault keys sites apart from
// mail accounts.
#include "protocols/accounts/AccountStore.h"
#include "protocols/accounts/PasswordVault.h"
#include "protocols/accounts/SiteStore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace Satchel;
using namespace Satchel::Accounts;

namespace {

Site webSite()
{
    Site s;
    s.name = QStringLiteral("Web server");
    s.host = QStringLiteral("ftp.example.org");
    s.port = 2121;
    s.security = Net::TlsPolicy::StartTlsRequired;
    s.user = QStringLiteral("alice");
    s.localFolder = QStringLiteral("/home/alice/site");
    s.remoteFolder = QStringLiteral("/var/www");
    s.activeMode = true;
    s.connections = 12;
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

// Runs one vault call and waits for its callback.
struct Waiter {
    std::optional<VaultResult> result;
    PasswordVault::Callback callback()
    {
        return [this](const VaultResult &r) { result = r; };
    }
};

} // namespace

class TestSiteStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreExplicitFtpsPassive();
    void defaultPortFollowsSecurity_data();
    void defaultPortFollowsSecurity();
    void labelNamesTheSite_data();
    void labelNamesTheSite();
    void twoSitesRoundTripInOrder();
    void updateKeepsThePlace();
    void removeForgetsTheSite();
    void siteWithoutServerIsRefused_data();
    void siteWithoutServerIsRefused();
    void portZeroMeansTheDefault_data();
    void portZeroMeansTheDefault();
    void connectionsStayWithinRange_data();
    void connectionsStayWithinRange();
    void damagedEntriesNeverTurnEncryptionOff();
    void sharesTheFileWithMailAccounts();
    void passwordNeverInTheSettingsFile();
    void strayPasswordKeyIsRemovedOnSave();
    void sitePasswordsAreKeyedApartFromAccounts();

private:
    QTemporaryDir m_dir;
    QString iniPath(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".ini")); }
};

void TestSiteStore::defaultsAreExplicitFtpsPassive()
{
    const Site s;
    QCOMPARE(s.security, Net::TlsPolicy::StartTlsRequired);
    QCOMPARE(s.port, quint16(21));
    QVERIFY(!s.activeMode);
    QCOMPARE(s.connections, 2);
    QVERIFY(!s.isInsecure());
    QVERIFY(s.id.isEmpty());
    QVERIFY(Site::newId() != Site::newId());

    Site plain;
    plain.security = Net::TlsPolicy::Plain;
    QVERIFY(plain.isInsecure());
}

void TestSiteStore::defaultPortFollowsSecurity_data()
{
    QTest::addColumn<Net::TlsPolicy>("security");
    QTest::addColumn<int>("port");
    QTest::newRow("implicit FTPS is 990") << Net::TlsPolicy::ImplicitTls << 990;
    QTest::newRow("AUTH TLS is 21") << Net::TlsPolicy::StartTlsRequired << 21;
    QTest::newRow("plain is 21") << Net::TlsPolicy::Plain << 21;
}

void TestSiteStore::defaultPortFollowsSecurity()
{
    QFETCH(Net::TlsPolicy, security);
    QFETCH(int, port);
    QCOMPARE(int(Site::defaultPort(security)), port);
    static_assert(Site::defaultPort(Net::TlsPolicy::ImplicitTls) == 990); // usable at compile time
}

void TestSiteStore::labelNamesTheSite_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("label");
    QTest::newRow("the name wins") << QStringLiteral("Web") << QStringLiteral("alice") << QStringLiteral("Web");
    QTest::newRow("no name: user@host") << QString() << QStringLiteral("alice")
                                        << QStringLiteral("alice@ftp.example.org");
    QTest::newRow("no name, no user: the host") << QString() << QString() << QStringLiteral("ftp.example.org");
}

void TestSiteStore::labelNamesTheSite()
{
    QFETCH(QString, name);
    QFETCH(QString, user);
    QFETCH(QString, label);
    Site s;
    s.name = name;
    s.user = user;
    s.host = QStringLiteral("ftp.example.org");
    QCOMPARE(s.label(), label);
}

void TestSiteStore::twoSitesRoundTripInOrder()
{
    const QString path = iniPath(QStringLiteral("roundtrip"));
    Site web = webSite();
    Site mirror = mirrorSite();
    {
        SiteStore store(path);
        QSignalSpy changed(&store, &SiteStore::changed);
        web.id = store.addOrUpdate(web);
        mirror.id = store.addOrUpdate(mirror);
        QCOMPARE(changed.count(), 2);
        QVERIFY(!web.id.isEmpty());
        QVERIFY(web.id != mirror.id);
        QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));
    }
    SiteStore reread(path);
    QCOMPARE(reread.sites().size(), 2);
    QCOMPARE(reread.sites().at(0), web);
    QCOMPARE(reread.sites().at(1), mirror);
    QCOMPARE(reread.site(web.id)->connections, 12); // more than FileZilla's 10 is allowed
    QVERIFY(!reread.site(QStringLiteral("no-such-id")));

    // The layout other tools (and the CLI) can rely on.
    QSettings raw(path, QSettings::IniFormat);
    const QString webGroup = QStringLiteral("sites/") + web.id + QLatin1Char('/');
    QCOMPARE(raw.value(webGroup + QStringLiteral("host")).toString(), QStringLiteral("ftp.example.org"));
    QCOMPARE(raw.value(webGroup + QStringLiteral("security")).toString(), QStringLiteral("auth-tls"));
    QCOMPARE(raw.value(QStringLiteral("sites/") + mirror.id + QStringLiteral("/security")).toString(),
        QStringLiteral("implicit-tls"));
    QCOMPARE(raw.value(QStringLiteral("sites/order")).toStringList(), QStringList({ web.id, mirror.id }));
}

void TestSiteStore::updateKeepsThePlace()
{
    const QString path = iniPath(QStringLiteral("update"));
    SiteStore store(path);
    Site web = webSite();
    web.id = store.addOrUpdate(web);
    const QString other = store.addOrUpdate(mirrorSite());
    web.host = QStringLiteral("ftp2.example.org");
    web.security = Net::TlsPolicy::ImplicitTls;
    web.activeMode = false;
    QCOMPARE(store.addOrUpdate(web), web.id);
    QCOMPARE(store.sites().size(), 2);

    SiteStore reread(path);
    QCOMPARE(reread.sites().size(), 2);
    QCOMPARE(reread.sites().at(0), web);
    QCOMPARE(reread.sites().at(1).id, other);
}

void TestSiteStore::removeForgetsTheSite()
{
    const QString path = iniPath(QStringLiteral("remove"));
    SiteStore store(path);
    const QString first = store.addOrUpdate(webSite());
    const QString second = store.addOrUpdate(mirrorSite());
    QSignalSpy changed(&store, &SiteStore::changed);
    QVERIFY(store.remove(first));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!store.remove(first));
    QVERIFY(!store.remove(QStringLiteral("never-there")));
    QCOMPARE(changed.count(), 1);

    SiteStore reread(path);
    QCOMPARE(reread.sites().size(), 1);
    QCOMPARE(reread.sites().at(0).id, second);
    QVERIFY(!fileBytes(path).contains(first.toUtf8()));
    QVERIFY(!fileBytes(path).contains("ftp.example.org"));
}

void TestSiteStore::siteWithoutServerIsRefused_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty host") << QString()
                                << QStringLiteral(
                                       "The site has no server: enter the host name or address of the FTP server.");
    QTest::newRow("blank host") << QStringLiteral(
        "   ") << QStringLiteral("The site has no server: enter the host name or address of the FTP server.");
    QTest::newRow("host with a space") << QStringLiteral("ftp example.org")
                                       << QStringLiteral("“ftp example.org” is not a server name: a host name has no "
                                                         "spaces.");
}

void TestSiteStore::siteWithoutServerIsRefused()
{
    QFETCH(QString, host);
    QFETCH(QString, error);
    const QString path = iniPath(QStringLiteral("refused-") + QString::fromLatin1(QTest::currentDataTag()));
    SiteStore store(path);
    const QString kept = store.addOrUpdate(mirrorSite());
    QSignalSpy changed(&store, &SiteStore::changed);

    Site s = webSite();
    s.host = host;
    QVERIFY(store.addOrUpdate(s).isEmpty());
    QCOMPARE(store.lastError(), error);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(store.sites().size(), 1);
    QVERIFY(!fileBytes(path).contains("Web server"));

    // Updating a stored site to no server is refused the same way, and changes nothing.
    Site emptied = *store.site(kept);
    emptied.host = host;
    QVERIFY(store.addOrUpdate(emptied).isEmpty());
    QCOMPARE(store.site(kept)->host, QStringLiteral("mirror.example.net"));

    // The next good change clears the error.
    QVERIFY(!store.addOrUpdate(webSite()).isEmpty());
    QVERIFY(store.lastError().isEmpty());
}

void TestSiteStore::portZeroMeansTheDefault_data()
{
    QTest::addColumn<Net::TlsPolicy>("security");
    QTest::addColumn<int>("port");
    QTest::newRow("implicit FTPS gets 990") << Net::TlsPolicy::ImplicitTls << 990;
    QTest::newRow("AUTH TLS gets 21") << Net::TlsPolicy::StartTlsRequired << 21;
    QTest::newRow("plain gets 21") << Net::TlsPolicy::Plain << 21;
}

void TestSiteStore::portZeroMeansTheDefault()
{
    QFETCH(Net::TlsPolicy, security);
    QFETCH(int, port);
    const QString path = iniPath(QStringLiteral("port0"));
    QString id;
    {
        SiteStore store(path);
        Site s = mirrorSite();
        s.security = security;
        s.port = 0;
        id = store.addOrUpdate(s);
        QCOMPARE(int(store.site(id)->port), port);
    }
    SiteStore reread(path);
    QCOMPARE(int(reread.site(id)->port), port);
}

void TestSiteStore::connectionsStayWithinRange_data()
{
    QTest::addColumn<int>("given");
    QTest::addColumn<int>("kept");
    QTest::newRow("zero becomes one") << 0 << 1;
    QTest::newRow("negative becomes one") << -3 << 1;
    QTest::newRow("one stays") << 1 << 1;
    QTest::newRow("more than ten stays") << 20 << 20;
    QTest::newRow("64 stays") << 64 << 64;
    QTest::newRow("65 becomes 64") << 65 << 64;
}

void TestSiteStore::connectionsStayWithinRange()
{
    QFETCH(int, given);
    QFETCH(int, kept);
    const QString path = iniPath(QStringLiteral("connections"));
    QString id;
    {
        SiteStore store(path);
        Site s = mirrorSite();
        s.connections = given;
        id = store.addOrUpdate(s);
        QCOMPARE(store.site(id)->connections, kept);
    }
    SiteStore reread(path);
    QCOMPARE(reread.site(id)->connections, kept);
}

void TestSiteStore::damagedEntriesNeverTurnEncryptionOff()
{
    const QString path = iniPath(QStringLiteral("damaged"));
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("sites/s1/host"), QStringLiteral("ftp.example.org"));
        raw.setValue(QStringLiteral("sites/s1/security"), QStringLiteral("maybe"));
        raw.setValue(QStringLiteral("sites/s1/port"), QStringLiteral("not a port"));
        raw.setValue(QStringLiteral("sites/s1/connections"), QStringLiteral("many"));
        raw.setValue(QStringLiteral("sites/s2/name"), QStringLiteral("No server")); // no host: skipped
        raw.setValue(QStringLiteral("sites/s3/host"), QStringLiteral("old.example.net"));
        raw.setValue(QStringLiteral("sites/s3/security"), QStringLiteral("plain"));
        raw.setValue(QStringLiteral("sites/s3/port"), 70000);
        raw.setValue(QStringLiteral("sites/s3/connections"), 500);
    }
    SiteStore store(path);
    QCOMPARE(store.sites().size(), 2);
    const Site s1 = *store.site(QStringLiteral("s1"));
    QCOMPARE(s1.security, Net::TlsPolicy::StartTlsRequired);
    QCOMPARE(s1.port, quint16(21));
    QCOMPARE(s1.connections, 2);
    QVERIFY(!store.site(QStringLiteral("s2")));
    const Site s3 = *store.site(QStringLiteral("s3"));
    QCOMPARE(s3.security, Net::TlsPolicy::Plain); // an explicit choice stays
    QVERIFY(s3.isInsecure());
    QCOMPARE(s3.port, quint16(21));
    QCOMPARE(s3.connections, 64);
}

void TestSiteStore::sharesTheFileWithMailAccounts()
{
    const QString path = iniPath(QStringLiteral("shared"));
    QSettings settings(path, QSettings::IniFormat);
    AccountStore accounts(&settings);
    SiteStore sites(&settings);
    Account mail;
    mail.host = QStringLiteral("imap.example.org");
    mail.user = QStringLiteral("alice");
    const QString accountId = accounts.addOrUpdate(mail);
    const QString siteId = sites.addOrUpdate(webSite());

    AccountStore accountsAgain(path);
    SiteStore sitesAgain(path);
    QCOMPARE(accountsAgain.accounts().size(), 1);
    QCOMPARE(accountsAgain.accounts().at(0).id, accountId);
    QCOMPARE(sitesAgain.sites().size(), 1);
    QCOMPARE(sitesAgain.sites().at(0).id, siteId);
    QVERIFY(sites.remove(siteId));
    AccountStore accountsAfter(path);
    QCOMPARE(accountsAfter.accounts().size(), 1);
}

void TestSiteStore::passwordNeverInTheSettingsFile()
{
    const QString path = iniPath(QStringLiteral("nopassword"));
    const QString password = QStringLiteral("Tr0ub4dor&3-ftp-%1").arg(QUuid::createUuid().toString());
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    SiteStore store(path);
    Site s = webSite();
    s.id = store.addOrUpdate(s);
    Waiter write;
    vault.writePassword(s.passwordKey(), password, write.callback());
    QTRY_VERIFY(write.result.has_value());
    QVERIFY(write.result->sessionOnly);
    store.addOrUpdate(s);
    store.addOrUpdate(mirrorSite());

    const QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.contains("ftp.example.org"));
    QVERIFY(!bytes.contains(password.toUtf8()));
    QVERIFY(!bytes.toLower().contains("password"));
    QCOMPARE(vault.sessionPassword(s.passwordKey()), password);
}

void TestSiteStore::strayPasswordKeyIsRemovedOnSave()
{
    // A file edited by hand with a password in it: saving the site rewrites its
    // group, and the secret does not survive.
    const QString path = iniPath(QStringLiteral("stray"));
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("sites/old/host"), QStringLiteral("ftp.example.org"));
        raw.setValue(QStringLiteral("sites/old/user"), QStringLiteral("alice"));
        raw.setValue(QStringLiteral("sites/old/password"), QStringLiteral("hunter2"));
    }
    SiteStore store(path);
    Site s = *store.site(QStringLiteral("old"));
    s.name = QStringLiteral("Renamed");
    store.addOrUpdate(s);
    const QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.contains("Renamed"));
    QVERIFY(!bytes.contains("hunter2"));
}

void TestSiteStore::sitePasswordsAreKeyedApartFromAccounts()
{
    // Even a site and an account with the same id keep their own passwords.
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    Site s;
    s.id = Site::newId();
    QCOMPARE(s.passwordKey(), QStringLiteral("site:") + s.id);
    QCOMPARE(Site::passwordKeyFor(s.id), s.passwordKey());
    Waiter mail;
    Waiter ftp;
    vault.writePassword(s.id, QStringLiteral("mail-pw"), mail.callback());
    vault.writePassword(s.passwordKey(), QStringLiteral("ftp-pw"), ftp.callback());
    QTRY_VERIFY(mail.result.has_value() && ftp.result.has_value());
    QCOMPARE(vault.sessionPassword(s.id), QStringLiteral("mail-pw"));
    QCOMPARE(vault.sessionPassword(s.passwordKey()), QStringLiteral("ftp-pw"));
}

QTEST_GUILESS_MAIN(TestSiteStore)
#include "tst_site_store.moc"
