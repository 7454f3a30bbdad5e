// Accounts in QSettings and passwords in the keyring: two accounts survive a round
// trip through the settings file in their order, an update replaces, remove forgets
// (and clears the password), a damaged entry never turns encryption off, and no
// password ever reaches the settings file. The vault without a keyring (offscreen,
// no D-Bus session: the usual case here) says so in words and keeps the password for
// the session only; with a keyring, its answers agree with keyringAvailable().
#include "protocols/accounts/AccountStore.h"
#include "protocols/accounts/PasswordVault.h"

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

Account imapAccount()
{
    Account a;
    a.displayName = QStringLiteral("Work");
    a.protocol = Account::Protocol::Imap;
    a.host = QStringLiteral("imap.example.org");
    a.port = 10143;
    a.security = Net::TlsPolicy::StartTlsRequired;
    a.user = QStringLiteral("alice@example.org");
    return a;
}

Account pop3Account()
{
    Account a;
    a.displayName = QStringLiteral("Home");
    a.protocol = Account::Protocol::Pop3;
    a.host = QStringLiteral("pop.example.net");
    a.port = 995;
    a.security = Net::TlsPolicy::ImplicitTls;
    a.user = QStringLiteral("bob");
    a.maildir = QStringLiteral("/home/bob/Mail/Home");
    a.deleteAfterDownload = true;
    return a;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs one vault call and waits for its callback; fails the test if it never comes.
struct Waiter {
    std::optional<VaultResult> result;
    PasswordVault::Callback callback()
    {
        return [this](const VaultResult &r) { result = r; };
    }
};

} // namespace

class TestAccountStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultPortsFollowProtocolAndSecurity();
    void twoAccountsRoundTrip();
    void updateReplacesTheAccount();
    void removeForgetsTheAccount();
    void damagedEntriesNeverTurnEncryptionOff();
    void passwordNeverInTheSettingsFile();
    void strayPasswordKeyIsRemovedOnSave();
    void sessionOnlyVaultSaysSoAndRemembers();
    void removeClearsThePassword();
    void keyringAnswersAgreeWithAvailability();

private:
    QTemporaryDir m_dir;
    QString iniPath(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".ini")); }
};

void TestAccountStore::defaultPortsFollowProtocolAndSecurity()
{
    using P = Account::Protocol;
    using T = Net::TlsPolicy;
    QCOMPARE(Account::defaultPort(P::Imap, T::ImplicitTls), quint16(993));
    QCOMPARE(Account::defaultPort(P::Imap, T::StartTlsRequired), quint16(143));
    QCOMPARE(Account::defaultPort(P::Imap, T::Plain), quint16(143));
    QCOMPARE(Account::defaultPort(P::Pop3, T::ImplicitTls), quint16(995));
    QCOMPARE(Account::defaultPort(P::Pop3, T::StartTlsRequired), quint16(110));
    QCOMPARE(Account::defaultPort(P::Pop3, T::Plain), quint16(110));
    QVERIFY(Account::newId() != Account::newId());
}

void TestAccountStore::twoAccountsRoundTrip()
{
    const QString path = iniPath(QStringLiteral("roundtrip"));
    Account imap = imapAccount();
    Account pop3 = pop3Account();
    {
        AccountStore store(path);
        QSignalSpy changed(&store, &AccountStore::changed);
        imap.id = store.addOrUpdate(imap);
        pop3.id = store.addOrUpdate(pop3);
        QCOMPARE(changed.count(), 2);
        QVERIFY(!imap.id.isEmpty());
        QVERIFY(imap.id != pop3.id);
        QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));
    }
    AccountStore reread(path);
    QCOMPARE(reread.accounts().size(), 2);
    QCOMPARE(reread.accounts().at(0), imap);
    QCOMPARE(reread.accounts().at(1), pop3);
    QCOMPARE(reread.account(pop3.id)->maildir, QStringLiteral("/home/bob/Mail/Home"));
    QVERIFY(!reread.account(QStringLiteral("no-such-id")));

    // The layout other tools (and the CLI) can rely on.
    QSettings raw(path, QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("accounts/") + imap.id + QStringLiteral("/host")).toString(),
        QStringLiteral("imap.example.org"));
    QCOMPARE(raw.value(QStringLiteral("accounts/") + imap.id + QStringLiteral("/security")).toString(),
        QStringLiteral("starttls"));
    QCOMPARE(raw.value(QStringLiteral("accounts/") + pop3.id + QStringLiteral("/protocol")).toString(),
        QStringLiteral("pop3"));
}

void TestAccountStore::updateReplacesTheAccount()
{
    const QString path = iniPath(QStringLiteral("update"));
    AccountStore store(path);
    Account a = imapAccount();
    a.id = store.addOrUpdate(a);
    const QString other = store.addOrUpdate(pop3Account());
    a.host = QStringLiteral("mail.example.org");
    a.security = Net::TlsPolicy::ImplicitTls;
    a.port = 993;
    QCOMPARE(store.addOrUpdate(a), a.id);
    QCOMPARE(store.accounts().size(), 2);

    AccountStore reread(path);
    QCOMPARE(reread.accounts().size(), 2);
    QCOMPARE(reread.accounts().at(0), a); // still first: an update keeps the place
    QCOMPARE(reread.accounts().at(1).id, other);
}

void TestAccountStore::removeForgetsTheAccount()
{
    const QString path = iniPath(QStringLiteral("remove"));
    AccountStore store(path);
    const QString first = store.addOrUpdate(imapAccount());
    const QString second = store.addOrUpdate(pop3Account());
    QSignalSpy changed(&store, &AccountStore::changed);
    QVERIFY(store.remove(first));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!store.remove(first));
    QVERIFY(!store.remove(QStringLiteral("never-there")));
    QCOMPARE(changed.count(), 1);

    AccountStore reread(path);
    QCOMPARE(reread.accounts().size(), 1);
    QCOMPARE(reread.accounts().at(0).id, second);
    QVERIFY(!fileBytes(path).contains(first.toUtf8()));
    QVERIFY(!fileBytes(path).contains("imap.example.org"));
}

void TestAccountStore::damagedEntriesNeverTurnEncryptionOff()
{
    const QString path = iniPath(QStringLiteral("damaged"));
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("accounts/a1/protocol"), QStringLiteral("imap"));
        raw.setValue(QStringLiteral("accounts/a1/host"), QStringLiteral("imap.example.org"));
        raw.setValue(QStringLiteral("accounts/a1/security"), QStringLiteral("maybe"));
        raw.setValue(QStringLiteral("accounts/a1/port"), QStringLiteral("not a port"));
        raw.setValue(QStringLiteral("accounts/a2/protocol"), QStringLiteral("smtp")); // not ours: skipped
        raw.setValue(QStringLiteral("accounts/a2/host"), QStringLiteral("smtp.example.org"));
        raw.setValue(QStringLiteral("accounts/a3/protocol"), QStringLiteral("pop3"));
        raw.setValue(QStringLiteral("accounts/a3/security"), QStringLiteral("plain"));
        raw.setValue(QStringLiteral("accounts/a3/port"), 70000);
    }
    AccountStore store(path);
    QCOMPARE(store.accounts().size(), 2);
    const Account a1 = *store.account(QStringLiteral("a1"));
    QCOMPARE(a1.security, Net::TlsPolicy::ImplicitTls);
    QCOMPARE(a1.port, quint16(993));
    QVERIFY(!store.account(QStringLiteral("a2")));
    const Account a3 = *store.account(QStringLiteral("a3"));
    QCOMPARE(a3.security, Net::TlsPolicy::Plain); // an explicit choice stays
    QVERIFY(a3.isInsecure());
    QCOMPARE(a3.port, quint16(110));
}

void TestAccountStore::passwordNeverInTheSettingsFile()
{
    const QString path = iniPath(QStringLiteral("nopassword"));
    const QString password = QStringLiteral("Tr0ub4dor&3-unique-%1").arg(QUuid::createUuid().toString());
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    AccountStore store(path, &vault);
    Account a = imapAccount();
    a.id = store.addOrUpdate(a);
    Waiter write;
    vault.writePassword(a.id, password, write.callback());
    QTRY_VERIFY(write.result.has_value());
    store.addOrUpdate(a);
    store.addOrUpdate(pop3Account());

    const QByteArray bytes = fileBytes(path);
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.contains(password.toUtf8()));
    QVERIFY(!bytes.toLower().contains("password"));
    QCOMPARE(vault.sessionPassword(a.id), password);
}

void TestAccountStore::strayPasswordKeyIsRemovedOnSave()
{
    // A file edited by hand (or by something else) with a password in it: saving the
    // account rewrites its group, and the secret does not survive.
    const QString path = iniPath(QStringLiteral("stray"));
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("accounts/old/protocol"), QStringLiteral("imap"));
        raw.setValue(QStringLiteral("accounts/old/host"), QStringLiteral("imap.example.org"));
        raw.setValue(QStringLiteral("accounts/old/user"), QStringLiteral("alice"));
        raw.setValue(QStringLiteral("accounts/old/password"), QStringLiteral("hunter2"));
    }
    AccountStore store(path);
    Account a = *store.account(QStringLiteral("old"));
    a.displayName = QStringLiteral("Renamed");
    store.addOrUpdate(a);
    const QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.contains("Renamed"));
    QVERIFY(!bytes.contains("hunter2"));
}

void TestAccountStore::sessionOnlyVaultSaysSoAndRemembers()
{
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    QVERIFY(!vault.keyringAvailable());
    QVERIFY(!vault.keyringUnavailableText().isEmpty());

    Waiter write;
    vault.writePassword(QStringLiteral("acc1"), QStringLiteral("pw1"), write.callback());
    QVERIFY(!write.result); // answers come from the event loop, never from inside the call
    QTRY_VERIFY(write.result.has_value());
    QVERIFY(!write.result->ok); // not stored anywhere durable...
    QVERIFY(write.result->sessionOnly); // ...but kept for this session
    QCOMPARE(write.result->error, vault.keyringUnavailableText());

    Waiter read;
    vault.readPassword(QStringLiteral("acc1"), read.callback());
    QTRY_VERIFY(read.result.has_value());
    QVERIFY(read.result->ok);
    QVERIFY(read.result->sessionOnly);
    QCOMPARE(read.result->password, QStringLiteral("pw1"));

    Waiter unknown;
    vault.readPassword(QStringLiteral("acc2"), unknown.callback());
    QTRY_VERIFY(unknown.result.has_value());
    QVERIFY(!unknown.result->ok);
    QVERIFY(!unknown.result->error.isEmpty());

    Waiter removed;
    vault.removePassword(QStringLiteral("acc1"), removed.callback());
    QTRY_VERIFY(removed.result.has_value());
    QVERIFY(removed.result->ok);
    QVERIFY(!vault.hasSessionPassword(QStringLiteral("acc1")));
}

void TestAccountStore::removeClearsThePassword()
{
    PasswordVault vault(QStringLiteral("SatchelTest"), PasswordVault::Backend::SessionOnly);
    AccountStore store(iniPath(QStringLiteral("removepw")), &vault);
    const QString id = store.addOrUpdate(pop3Account());
    Waiter write;
    vault.writePassword(id, QStringLiteral("pw"), write.callback());
    QTRY_VERIFY(write.result.has_value());
    QVERIFY(vault.hasSessionPassword(id));
    QVERIFY(store.remove(id));
    QVERIFY(!vault.hasSessionPassword(id));
}

void TestAccountStore::keyringAnswersAgreeWithAvailability()
{
    // The real keyring, whatever this machine has: usually none (no D-Bus session).
    // A service name of its own, so a developer's real keyring is not touched.
    const QString service = QStringLiteral("SatchelTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString id = Account::newId();
    const QString password = QStringLiteral("kr-%1").arg(QUuid::createUuid().toString());
    const QString path = iniPath(QStringLiteral("keyring"));

    PasswordVault vault(service, PasswordVault::Backend::Keyring);
    QSignalSpy unavailable(&vault, &PasswordVault::keyringUnavailable);
    AccountStore store(path, &vault);
    Account a = imapAccount();
    a.id = id;
    store.addOrUpdate(a);

    Waiter write;
    vault.writePassword(id, password, write.callback());
    QTRY_VERIFY_WITH_TIMEOUT(write.result.has_value(), 30000);
    qInfo("keyring available: %s; write: %s", vault.keyringAvailable() ? "yes" : "no",
        write.result->ok ? "stored" : qPrintable(write.result->error));
    if (vault.keyringAvailable()) {
        QVERIFY2(write.result->ok, qPrintable(write.result->error));
        QVERIFY(!write.result->sessionOnly);
        QCOMPARE(unavailable.count(), 0);
    } else {
        QVERIFY(!write.result->ok);
        QVERIFY(write.result->sessionOnly);
        QCOMPARE(write.result->error,
            QStringLiteral("No keyring service is running; Satchel will ask for this password once per session "
                           "and will not store it."));
        QCOMPARE(vault.keyringUnavailableText(), write.result->error);
        QCOMPARE(unavailable.count(), 1);
    }

    // Either way the password is there for this session...
    QVERIFY(vault.hasSessionPassword(id));
    Waiter read;
    vault.readPassword(id, read.callback());
    QTRY_VERIFY_WITH_TIMEOUT(read.result.has_value(), 30000);
    QVERIFY(read.result->ok);
    QCOMPARE(read.result->password, password);
    QCOMPARE(read.result->sessionOnly, !vault.keyringAvailable());
    // ...and never in the settings file.
    store.addOrUpdate(a);
    QVERIFY(!fileBytes(path).contains(password.toUtf8()));

    // A second vault (a new session) finds it only where it was really stored.
    PasswordVault nextSession(service, PasswordVault::Backend::Keyring);
    Waiter again;
    nextSession.readPassword(id, again.callback());
    QTRY_VERIFY_WITH_TIMEOUT(again.result.has_value(), 30000);
    if (vault.keyringAvailable()) {
        QVERIFY2(again.result->ok, qPrintable(again.result->error));
        QCOMPARE(again.result->password, password);
    } else {
        QVERIFY(!again.result->ok);
        QVERIFY(!nextSession.keyringAvailable());
        QVERIFY(!again.result->error.isEmpty());
    }

    Waiter removed;
    vault.removePassword(id, removed.callback());
    QTRY_VERIFY_WITH_TIMEOUT(removed.result.has_value(), 30000);
    QVERIFY(!vault.hasSessionPassword(id));
    if (vault.keyringAvailable()) {
        QVERIFY2(removed.result->ok, qPrintable(removed.result->error));
    }
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_account_store.moc"
