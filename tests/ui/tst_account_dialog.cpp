// The account dialog on the offscreen platform: the port follows protocol and
// security until typed by hand, Plain shows the warning, OK waits for server and
// user, account() returns what was entered; "Test connection" logs in to a scripted
// POP3 server, asks about a self-signed certificate and reports refusals in words.
// The certificate dialog shows names, issuer, validity and the SHA-256 fingerprint
// of a generated certificate and returns each answer from its button.
#include "protocols/net/CertificateTrust.h"
#include "tests/common/FakeServer.h"
#include "tests/common/TestPki.h"
#include "tests/common/TestServerEnv.h"
#include "ui/common/CertificateDialog.h"
#include "ui/mail/AccountDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSslError>
#include <QTcpServer>
#include <QTest>

using namespace Satchel;
using Satchel::Accounts::Account;
using Satchel::Test::FakeServer;
using Satchel::Test::TestCertificate;
using Satchel::Test::TestPki;
using Satchel::Ui::AccountDialog;
using Satchel::Ui::CertificateDialog;

namespace {

const char *kPop3Login = "S: +OK ready\n"
                         "C: CAPA\n"
                         "S: +OK\n"
                         "S: SASL PLAIN\n"
                         "S: .\n"
                         "C: AUTH PLAIN AGJvYgBwdw==\n" // \0bob\0pw
                         "S: +OK logged in\n"
                         "C: QUIT\n"
                         "S: +OK bye\n";

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

void setProtocol(AccountDialog &d, Account::Protocol p)
{
    selectData(child<QComboBox>(&d, "protocolCombo"), static_cast<int>(p));
}

void setSecurity(AccountDialog &d, Net::TlsPolicy t)
{
    selectData(child<QComboBox>(&d, "securityCombo"), static_cast<int>(t));
}

Net::TrustQuestion questionFor(const TestCertificate &cert, QSslError::SslError reason)
{
    const Net::TrustVerdict verdict = Net::evaluateTrust(
        QStringLiteral("mail.example.org"), 993, { cert.certificate }, { QSslError(reason, cert.certificate) }, {});
    return verdict.question;
}

QString fingerprintOf(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace

class TestAccountDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void portFollowsProtocolAndSecurity();
    void portTypedByHandStays();
    void plainShowsTheWarning();
    void okDisabledUntilServerAndUser();
    void accountReturnsTheValues();
    void editingKeepsIdAndPort();
    void pop3AsksForAMaildir();
    void certificateDialogShowsTheCertificate();
    void certificateDialogMarksExpiry();
    void certificateDialogReturnsEachAnswer_data();
    void certificateDialogReturnsEachAnswer();
    void closingTheCertificateDialogCancels();
    void testConnectionLogsIn();
    void testConnectionAsksAboutTheCertificate_data();
    void testConnectionAsksAboutTheCertificate();
    void testConnectionReportsRefusalInWords();
    void testConnectionNeedsAPassword();
    void savesScreenshots();
};

void TestAccountDialog::portFollowsProtocolAndSecurity()
{
    AccountDialog d;
    auto *port = child<QSpinBox>(&d, "portSpin");
    QCOMPARE(port->value(), 993);
    setSecurity(d, Net::TlsPolicy::StartTlsRequired);
    QCOMPARE(port->value(), 143);
    setSecurity(d, Net::TlsPolicy::Plain);
    QCOMPARE(port->value(), 143);
    setProtocol(d, Account::Protocol::Pop3);
    QCOMPARE(port->value(), 110);
    setSecurity(d, Net::TlsPolicy::ImplicitTls);
    QCOMPARE(port->value(), 995);
    setProtocol(d, Account::Protocol::Imap);
    QCOMPARE(port->value(), 993);
}

void TestAccountDialog::portTypedByHandStays()
{
    AccountDialog d;
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    auto *port = child<QSpinBox>(&d, "portSpin");
    port->setFocus();
    port->selectAll();
    QTest::keyClicks(port, QStringLiteral("10993"));
    QCOMPARE(port->value(), 10993);
    setSecurity(d, Net::TlsPolicy::StartTlsRequired);
    QCOMPARE(port->value(), 10993);
    setProtocol(d, Account::Protocol::Pop3);
    QCOMPARE(port->value(), 10993);
    // Typing the default back hands the port to the choices again.
    port->selectAll();
    QTest::keyClicks(port, QStringLiteral("110"));
    setSecurity(d, Net::TlsPolicy::ImplicitTls);
    QCOMPARE(port->value(), 995);
}

void TestAccountDialog::plainShowsTheWarning()
{
    AccountDialog d;
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    auto *warning = child<QLabel>(&d, "plainWarning");
    QVERIFY(!warning->isVisible());
    setSecurity(d, Net::TlsPolicy::Plain);
    QVERIFY(warning->isVisible());
    QCOMPARE(warning->text(), QStringLiteral("Passwords and mail will cross the network unencrypted."));
    QVERIFY(warning->styleSheet().contains(QStringLiteral("#c62828")));
    setSecurity(d, Net::TlsPolicy::StartTlsRequired);
    QVERIFY(!warning->isVisible());
}

void TestAccountDialog::okDisabledUntilServerAndUser()
{
    AccountDialog d;
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QPushButton *ok = child<QDialogButtonBox>(&d, "buttonBox")->button(QDialogButtonBox::Ok);
    auto *test = child<QPushButton>(&d, "testButton");
    auto *host = child<QLineEdit>(&d, "hostEdit");
    auto *user = child<QLineEdit>(&d, "userEdit");
    QVERIFY(!ok->isEnabled());
    QVERIFY(!test->isEnabled());
    QTest::keyClicks(host, QStringLiteral("imap.example.org"));
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(user, QStringLiteral("alice"));
    QVERIFY(ok->isEnabled());
    QVERIFY(test->isEnabled());
    host->clear();
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(host, QStringLiteral("imap example.org"));
    QVERIFY(!ok->isEnabled()); // a host name has no spaces
    host->setText(QStringLiteral("  imap.example.org  "));
    QVERIFY(ok->isEnabled());
    QCOMPARE(d.account().host, QStringLiteral("imap.example.org"));
    user->setText(QStringLiteral("   "));
    QVERIFY(!ok->isEnabled());
}

void TestAccountDialog::accountReturnsTheValues()
{
    AccountDialog d;
    setProtocol(d, Account::Protocol::Pop3);
    setSecurity(d, Net::TlsPolicy::StartTlsRequired);
    child<QLineEdit>(&d, "displayNameEdit")->setText(QStringLiteral("Home"));
    child<QLineEdit>(&d, "hostEdit")->setText(QStringLiteral("pop.example.net"));
    child<QLineEdit>(&d, "userEdit")->setText(QStringLiteral("bob"));
    auto *password = child<QLineEdit>(&d, "passwordEdit");
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    password->setText(QStringLiteral(" secret with spaces "));
    child<QLineEdit>(&d, "maildirEdit")->setText(QStringLiteral("/home/bob/Mail"));
    child<QCheckBox>(&d, "deleteAfterDownload")->setChecked(true);

    const Account a = d.account();
    QVERIFY(!a.id.isEmpty());
    QCOMPARE(a.displayName, QStringLiteral("Home"));
    QCOMPARE(a.protocol, Account::Protocol::Pop3);
    QCOMPARE(a.host, QStringLiteral("pop.example.net"));
    QCOMPARE(a.port, quint16(110));
    QCOMPARE(a.security, Net::TlsPolicy::StartTlsRequired);
    QCOMPARE(a.user, QStringLiteral("bob"));
    QCOMPARE(a.maildir, QStringLiteral("/home/bob/Mail"));
    QVERIFY(a.deleteAfterDownload);
    QCOMPARE(d.password(), QStringLiteral(" secret with spaces ")); // a password is not trimmed
    QCOMPARE(d.account().id, a.id); // stable while the dialog lives

    // IMAP has no local delivery settings.
    setProtocol(d, Account::Protocol::Imap);
    QVERIFY(d.account().maildir.isEmpty());
    QVERIFY(!d.account().deleteAfterDownload);
}

void TestAccountDialog::editingKeepsIdAndPort()
{
    Account a;
    a.id = QStringLiteral("acc-1");
    a.displayName = QStringLiteral("Work");
    a.protocol = Account::Protocol::Imap;
    a.host = QStringLiteral("imap.example.org");
    a.port = 10993;
    a.security = Net::TlsPolicy::ImplicitTls;
    a.user = QStringLiteral("alice");
    AccountDialog d;
    d.setAccount(a);
    d.setPassword(QStringLiteral("pw"));
    QCOMPARE(d.account(), a);
    QCOMPARE(d.password(), QStringLiteral("pw"));
    QVERIFY(d.isValid());
    setSecurity(d, Net::TlsPolicy::StartTlsRequired);
    QCOMPARE(d.account().port, quint16(10993)); // chosen by hand once: kept

    a.port = 993;
    AccountDialog standard;
    standard.setAccount(a);
    setSecurity(standard, Net::TlsPolicy::StartTlsRequired);
    QCOMPARE(standard.account().port, quint16(143));
}

void TestAccountDialog::pop3AsksForAMaildir()
{
    AccountDialog d;
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    auto *box = child<QGroupBox>(&d, "pop3Box");
    QVERIFY(!box->isVisible());
    setProtocol(d, Account::Protocol::Pop3);
    QVERIFY(box->isVisible());
    QVERIFY(child<QPushButton>(&d, "maildirBrowse")->isVisible());
    auto *maildir = child<QLineEdit>(&d, "maildirEdit");
    QVERIFY(maildir->text().endsWith(d.account().id)); // a default of its own
    child<QLineEdit>(&d, "hostEdit")->setText(QStringLiteral("pop.example.net"));
    child<QLineEdit>(&d, "userEdit")->setText(QStringLiteral("bob"));
    QVERIFY(d.isValid());
    maildir->clear();
    QVERIFY(!d.isValid());
    setProtocol(d, Account::Protocol::Imap);
    QVERIFY(!box->isVisible());
    QVERIFY(d.isValid());
}

void TestAccountDialog::certificateDialogShowsTheCertificate()
{
    const TestCertificate cert
        = TestPki::selfSigned({ QStringLiteral("mail.example.org"), QStringLiteral("127.0.0.1") });
    const Net::TrustQuestion question = questionFor(cert, QSslError::SelfSignedCertificate);
    CertificateDialog d(question);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));

    const QString fingerprint = child<QLabel>(&d, "certificateFingerprint")->text();
    QCOMPARE(QString(fingerprint).remove(QLatin1Char('\n')), fingerprintOf(cert.certificate));
    QCOMPARE(fingerprint.count(QLatin1Char(':')), 31);
    const QString names = child<QLabel>(&d, "certificateNames")->text();
    QVERIFY2(names.contains(QStringLiteral("mail.example.org")), qPrintable(names));
    QVERIFY2(names.contains(QStringLiteral("127.0.0.1")), qPrintable(names));
    QCOMPARE(child<QLabel>(&d, "certificateIssuer")->text(), question.issuer);
    QCOMPARE(child<QLabel>(&d, "certificateSubject")->text(), question.subject);
    QVERIFY(child<QLabel>(&d, "certificateReasons")->text().contains(QStringLiteral("self-signed")));
    QVERIFY(child<QLabel>(&d, "certificateHeading")->text().contains(QStringLiteral("mail.example.org:993")));
    QCOMPARE(child<QLabel>(&d, "certificatePin")->text(), question.pin);
    QVERIFY(!child<QLabel>(&d, "certificateNotAfter")->text().contains(QStringLiteral("expired")));
    QVERIFY(child<QLabel>(&d, "certificateNotAfter")->styleSheet().isEmpty());
    // Enter does not trust: Cancel is the default button.
    QVERIFY(child<QPushButton>(&d, "cancelTrust")->isDefault());
    QVERIFY(!child<QPushButton>(&d, "trustPermanently")->isDefault());
}

void TestAccountDialog::certificateDialogMarksExpiry()
{
    TestPki pki;
    const TestCertificate expired = pki.issue({ QStringLiteral("mail.example.org") }, -30, -1);
    CertificateDialog old(questionFor(expired, QSslError::CertificateExpired));
    auto *until = child<QLabel>(&old, "certificateNotAfter");
    QVERIFY2(until->text().endsWith(QStringLiteral("(expired)")), qPrintable(until->text()));
    QVERIFY(!until->styleSheet().isEmpty());
    QVERIFY(child<QLabel>(&old, "certificateReasons")->text().contains(QStringLiteral("expired")));
    QVERIFY(child<QLabel>(&old, "certificateIssuer")->text().contains(QStringLiteral("Satchel Session Test CA")));

    const TestCertificate early = pki.issue({ QStringLiteral("mail.example.org") }, 2, 30);
    CertificateDialog future(questionFor(early, QSslError::CertificateNotYetValid));
    QVERIFY(child<QLabel>(&future, "certificateNotBefore")->text().endsWith(QStringLiteral("(not valid yet)")));
}

void TestAccountDialog::certificateDialogReturnsEachAnswer_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<Net::TrustAnswer>("answer");
    QTest::addColumn<int>("result");
    QTest::newRow("trust permanently") << QStringLiteral("trustPermanently") << Net::TrustAnswer::TrustPermanently
                                       << int(QDialog::Accepted);
    QTest::newRow("trust once") << QStringLiteral("trustOnce") << Net::TrustAnswer::TrustOnce << int(QDialog::Accepted);
    QTest::newRow("cancel") << QStringLiteral("cancelTrust") << Net::TrustAnswer::Cancel << int(QDialog::Rejected);
}

void TestAccountDialog::certificateDialogReturnsEachAnswer()
{
    QFETCH(QString, button);
    QFETCH(Net::TrustAnswer, answer);
    QFETCH(int, result);
    const TestCertificate cert = TestPki::selfSigned({ QStringLiteral("mail.example.org") });
    const Net::TrustQuestion question = questionFor(cert, QSslError::SelfSignedCertificate);
    CertificateDialog d(question);
    QSignalSpy answered(&d, &CertificateDialog::answered);
    d.open();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QCOMPARE(d.answer(), Net::TrustAnswer::Cancel);
    auto *b = d.findChild<QPushButton *>(button);
    QVERIFY(b);
    QTest::mouseClick(b, Qt::LeftButton);
    QVERIFY(!d.isVisible());
    QCOMPARE(d.answer(), answer);
    QCOMPARE(d.result(), result);
    QCOMPARE(answered.count(), 1);
    QCOMPARE(answered.at(0).at(0).value<Net::TrustQuestion>().id, question.id);
    QCOMPARE(answered.at(0).at(1).value<Net::TrustAnswer>(), answer);
}

void TestAccountDialog::closingTheCertificateDialogCancels()
{
    const TestCertificate cert = TestPki::selfSigned({ QStringLiteral("mail.example.org") });
    CertificateDialog d(questionFor(cert, QSslError::SelfSignedCertificate));
    QSignalSpy answered(&d, &CertificateDialog::answered);
    d.open();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QTest::keyClick(&d, Qt::Key_Escape);
    QVERIFY(!d.isVisible());
    QCOMPARE(d.answer(), Net::TrustAnswer::Cancel);
    QCOMPARE(answered.count(), 1);
}

void TestAccountDialog::testConnectionLogsIn()
{
    FakeServer server(QString::fromLatin1(kPop3Login));
    const quint16 port = server.start();
    QVERIFY(port != 0);
    AccountDialog d;
    d.show();
    setProtocol(d, Account::Protocol::Pop3);
    setSecurity(d, Net::TlsPolicy::Plain);
    child<QLineEdit>(&d, "hostEdit")->setText(QStringLiteral("127.0.0.1"));
    child<QSpinBox>(&d, "portSpin")->setValue(port);
    child<QLineEdit>(&d, "userEdit")->setText(QStringLiteral("bob"));
    d.setPassword(QStringLiteral("pw"));

    QSignalSpy finished(&d, &AccountDialog::testFinished);
    auto *test = child<QPushButton>(&d, "testButton");
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(d.isTesting());
    QVERIFY(!test->isEnabled()); // one test at a time
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(d.statusText(), QStringLiteral("Logged in to 127.0.0.1 as bob."));
    QCOMPARE(child<QLabel>(&d, "testStatus")->text(), d.statusText());
    QVERIFY(!d.isTesting());
    QVERIFY(test->isEnabled());
    QTRY_VERIFY(server.scriptFinished()); // it said QUIT
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
}

void TestAccountDialog::testConnectionAsksAboutTheCertificate_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<bool>("loggedIn");
    QTest::newRow("trust once logs in") << QStringLiteral("trustOnce") << true;
    QTest::newRow("cancel sends nothing") << QStringLiteral("cancelTrust") << false;
}

void TestAccountDialog::testConnectionAsksAboutTheCertificate()
{
    QFETCH(QString, button);
    QFETCH(bool, loggedIn);
    const TestCertificate cert = TestPki::selfSigned({ QStringLiteral("127.0.0.1") });
    FakeServer server(QString::fromLatin1(kPop3Login));
    server.setCertificate(cert);
    server.setImplicitTls(true);
    const quint16 port = server.start();
    AccountDialog d;
    d.show();
    setProtocol(d, Account::Protocol::Pop3);
    child<QLineEdit>(&d, "hostEdit")->setText(QStringLiteral("127.0.0.1"));
    child<QSpinBox>(&d, "portSpin")->setValue(port);
    child<QLineEdit>(&d, "userEdit")->setText(QStringLiteral("bob"));
    d.setPassword(QStringLiteral("pw"));

    QSignalSpy finished(&d, &AccountDialog::testFinished);
    d.testConnection();
    CertificateDialog *question = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((question = d.findChild<CertificateDialog *>()) && question->isVisible(), 15000);
    QCOMPARE(QString(child<QLabel>(question, "certificateFingerprint")->text()).remove(QLatin1Char('\n')),
        fingerprintOf(cert.certificate));
    QVERIFY(d.statusText().contains(QStringLiteral("certificate")));
    QTest::mouseClick(question->findChild<QPushButton *>(button), Qt::LeftButton);

    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.at(0).at(0).toBool(), loggedIn);
    if (loggedIn) {
        QCOMPARE(d.statusText(), QStringLiteral("Logged in to 127.0.0.1 as bob."));
    } else {
        QCOMPARE(d.statusText(),
            QStringLiteral("You did not trust the certificate of 127.0.0.1, so nothing was sent to it."));
        QVERIFY(server.received().isEmpty());
    }
}

void TestAccountDialog::testConnectionReportsRefusalInWords()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    AccountDialog d;
    setSecurity(d, Net::TlsPolicy::Plain);
    child<QLineEdit>(&d, "hostEdit")->setText(QStringLiteral("127.0.0.1"));
    child<QSpinBox>(&d, "portSpin")->setValue(port);
    child<QLineEdit>(&d, "userEdit")->setText(QStringLiteral("alice"));
    d.setPassword(QStringLiteral("pw"));
    QSignalSpy finished(&d, &AccountDialog::testFinished);
    d.testConnection();
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString text = d.statusText();
    QVERIFY2(text.startsWith(QStringLiteral("Cannot connect: ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("refused")), qPrintable(text));
    QVERIFY2(text.endsWith(QLatin1Char('.')), qPrintable(text));
    QCOMPARE(finished.at(0).at(1).toString(), text);
}

void TestAccountDialog::testConnectionNeedsAPassword()
{
    AccountDialog d;
    child<QLineEdit>(&d, "hostEdit")->setText(QStringLiteral("imap.example.org"));
    child<QLineEdit>(&d, "userEdit")->setText(QStringLiteral("alice"));
    d.testConnection();
    QVERIFY(!d.isTesting());
    QCOMPARE(d.statusText(), QStringLiteral("Enter the password to test the connection."));
}

void TestAccountDialog::savesScreenshots()
{
    AccountDialog d;
    setProtocol(d, Account::Protocol::Pop3);
    setSecurity(d, Net::TlsPolicy::Plain);
    child<QLineEdit>(&d, "displayNameEdit")->setText(QStringLiteral("Home"));
    child<QLineEdit>(&d, "hostEdit")->setText(QStringLiteral("pop.example.net"));
    child<QLineEdit>(&d, "userEdit")->setText(QStringLiteral("bob"));
    d.setPassword(QStringLiteral("secret"));
    d.setPasswordNote(QStringLiteral("No keyring service is running; Satchel will ask for this password once per "
                                     "session and will not store it."));
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    const QString dir = Satchel::Test::testOutputDir();
    QVERIFY(d.grab().save(dir + QStringLiteral("/account-dialog.png")));

    const TestCertificate cert = TestPki::selfSigned({ QStringLiteral("mail.example.org") });
    CertificateDialog c(questionFor(cert, QSslError::SelfSignedCertificate));
    c.show();
    QVERIFY(QTest::qWaitForWindowExposed(&c));
    QVERIFY(c.grab().save(dir + QStringLiteral("/certificate-dialog.png")));
    qInfo("screenshots: %s", qPrintable(dir));
}

QTEST_MAIN(TestAccountDialog)
#include "tst_account_dialog.moc"
