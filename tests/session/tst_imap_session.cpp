// IMAP against scripted servers: the login sequence and its TLS rules (STARTTLS
// required, capabilities asked again after TLS, PREAUTH and missing STARTTLS refused
// with nothing sent, injected bytes after the STARTTLS OK, [ALERT] only over TLS),
// LOGIN with quoted strings and literals (LITERAL+ or waiting for "+"), the state
// checks on every response (mailbox data before SELECT, unknown tags, message numbers
// beyond EXISTS, UID 0), referrals never followed, FolderSync with a changed
// UIDVALIDITY, with QRESYNC, with CONDSTORE only and with neither, IdleWatcher's
// re-IDLE and new mail, APPEND with LITERAL+, STORE UNCHANGEDSINCE and [MODIFIED],
// and satchel-cli: fetch -o when the connection drops mid-literal, move with and
// without MOVE and UIDPLUS, search with and without UTF8=ACCEPT.
#include "protocols/imap/AppendCommand.h"
#include "protocols/imap/FolderSync.h"
#include "protocols/imap/IdleWatcher.h"
#include "protocols/imap/ImapSession.h"
#include "protocols/imap/SelectCommand.h"
#include "protocols/imap/StoreCommand.h"
#include "protocols/store/MailCache.h"
#include "tests/common/CliRunner.h"
#include "tests/common/FakeServer.h"
#include "tests/common/TestPki.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <optional>

using namespace Satchel;
using namespace Satchel::Imap;
using namespace Satchel::Test;

namespace {

// AUTHENTICATE PLAIN's initial response for bob / pw: base64("\0bob\0pw") (RFC 4616 §2).
const char *kPlainLogin = "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\n"
                          "C: A1 AUTHENTICATE PLAIN AGJvYgBwdw==\n"
                          "S: A1 OK [CAPABILITY IMAP4rev1] Logged in\n";

// A logged-in session with INBOX selected: 3 messages.
const char *kSelected = "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\n"
                        "C: A1 AUTHENTICATE PLAIN AGJvYgBwdw==\n"
                        "S: A1 OK [CAPABILITY IMAP4rev1] Logged in\n"
                        "C: A2 SELECT \"INBOX\"\n"
                        "S: * 3 EXISTS\n"
                        "S: * OK [UIDVALIDITY 1] UIDs valid\n"
                        "S: * OK [UIDNEXT 4] Predicted next UID\n"
                        "S: A2 OK [READ-WRITE] Select completed\n";

struct Outcome {
    bool loggedIn = false;
    bool finished = false;
    std::optional<OperationError> error;
    QStringList alerts;
};

// One session and what it reported; heap-allocated so the signal lambdas can hold it.
struct Client {
    std::unique_ptr<ImapSession> session;
    Outcome outcome;
};

QString serverErrors(const FakeServer &server)
{
    return server.errors().join(QLatin1Char('\n'));
}

bool sentAny(const FakeServer &server, QByteArrayView word)
{
    for (const QByteArray &line : server.received()) {
        if (line.contains(word)) {
            return true;
        }
    }
    return false;
}

QString describe(const Outcome &o)
{
    return o.error ? QStringLiteral("failed (%1): %2").arg(static_cast<int>(o.error->kind)).arg(o.error->message)
                   : QStringLiteral("no error (loggedIn=%1)").arg(o.loggedIn);
}

QStringList subjects(Store::MailCache &cache, const QString &folder)
{
    QStringList out;
    for (const MessageSummary &m : cache.summaries(folder)) {
        out << m.envelope.subject;
    }
    return out; // newest (highest UID) first
}

QList<quint32> sortedUids(Store::MailCache &cache, const QString &folder)
{
    QList<quint32> uids = cache.uids(folder);
    std::sort(uids.begin(), uids.end());
    return uids;
}

// What an earlier sync of INBOX left: UIDVALIDITY 100, UIDs 1..4 flagged \Seen with
// mod-sequences 7..10, "cached N" subjects, HIGHESTMODSEQ 10 and UIDNEXT 5.
bool seedFourMessages(Store::MailCache &cache)
{
    if (!cache.resetFolder(QStringLiteral("INBOX"), 100)) {
        return false;
    }
    QList<MessageSummary> earlier;
    for (quint32 uid = 1; uid <= 4; ++uid) {
        MessageSummary m;
        m.uid = uid;
        m.flags = { "\\Seen" };
        m.size = 100 * uid;
        m.modseq = 6 + uid;
        m.internalDate = QDateTime(QDate(2024, 1, 1), QTime(10, 0), Qt::UTC);
        m.envelope.subject = QStringLiteral("cached %1").arg(uid);
        earlier << m;
    }
    if (!cache.storeSummaries(QStringLiteral("INBOX"), earlier)) {
        return false;
    }
    MailboxState state;
    state.exists = 4;
    state.uidValidity = 100;
    state.uidNext = 5;
    state.highestModSeq = 10;
    return cache.setFolderState(QStringLiteral("INBOX"), state);
}

} // namespace

class TestImapSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Login and TLS.
    void startTlsThenCapabilitiesAgain();
    void capabilitiesFromBeforeTlsAreForgotten();
    void preauthWithTlsRequiredSendsNothing();
    void badGreetings_data();
    void badGreetings();
    void startTlsInjectionFails();
    void noTlsNoCredentials_data();
    void noTlsNoCredentials();
    void loginFallback_data();
    void loginFallback();
    void synchronizingLiteralWaitsForContinuation();
    void wrongPasswordIsAnAuthenticationError();
    void alertOnlyAfterTls();
    // State checks.
    void mailboxDataBeforeLogin_data();
    void mailboxDataBeforeLogin();
    void unknownTagIsAProtocolError();
    void messageNumbersOutsideTheMailbox_data();
    void messageNumbersOutsideTheMailbox();
    void uidZeroFailsTheSync();
    void referralIsNotFollowed();
    // FolderSync.
    void uidValidityChangeBetweenSessions();
    void uidValidityChangeMidSync();
    void qresyncReportsVanishedChangedAndNew();
    void condstoreOnlyResync();
    void plainResyncComparesFlags();
    // Commands.
    void idleRestartsAndFetchesNewMail();
    void idleStopStillFetchesAnnouncedMail_data();
    void idleStopStillFetchesAnnouncedMail();
    void appendWithLiteralPlus();
    void storeUnchangedSince();
    // satchel-cli.
    void cliFetchCutMidLiteralLeavesNoFile();
    void cliFetchWritesExactlyTheLiteral();
    void moveFallsBackToCopyDeleteExpunge();
    void moveWithoutUidplusOnlyMarksDeleted();
    void moveUsesMoveWhenOffered();
    void utf8AcceptSearchHasNoCharset();
    void searchWithoutUtf8AcceptNamesTheCharset();

private:
    FakeServer &serve(const QStringList &scripts);
    std::unique_ptr<Client> connectClient(Net::TlsPolicy policy, const QString &password = QStringLiteral("pw"));
    // Opens a session on m_server and waits for loggedIn or failed.
    std::unique_ptr<Client> login(
        const QString &script, Net::TlsPolicy policy, const QString &password = QStringLiteral("pw"));
    static bool waitFor(const std::function<bool()> &condition, int ms = 10000)
    {
        return QTest::qWaitFor(condition, ms);
    }
    // Runs a FolderSync on a fresh session; returns its result or its error.
    struct SyncOutcome {
        std::optional<FolderSync::Result> result;
        std::optional<OperationError> error;
        std::optional<OperationError> sessionError;
    };
    SyncOutcome runSync(Store::MailCache &cache);
    struct CliOutcome {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    CliOutcome runCli(const QStringList &args);
    // satchel-cli --insecure-plain imap imap://bob@<m_server> COMMAND ARGS...
    CliOutcome runImapCli(const QStringList &commandAndArgs);

    TestPki m_pki;
    std::unique_ptr<FakeServer> m_server;
};

FakeServer &TestImapSession::serve(const QStringList &scripts)
{
    m_server = std::make_unique<FakeServer>(scripts);
    m_server->setCertificate(m_pki.issue({ QStringLiteral("127.0.0.1") }));
    m_server->start();
    return *m_server;
}

std::unique_ptr<Client> TestImapSession::connectClient(Net::TlsPolicy policy, const QString &password)
{
    ImapSession::Options options;
    options.connection.host = QStringLiteral("127.0.0.1");
    options.connection.port = m_server->serverPort();
    options.connection.policy = policy;
    options.connection.trust = std::make_shared<Net::TrustStore>();
    options.connection.trust->addCaCertificates({ m_pki.ca().certificate });
    options.credentials = { QStringLiteral("bob"), password };
    auto client = std::make_unique<Client>();
    client->session = std::make_unique<ImapSession>(options);
    ImapSession *session = client->session.get();
    Outcome *outcome = &client->outcome;
    connect(session, &ImapSession::loggedIn, session, [outcome] { outcome->loggedIn = true; });
    connect(session, &ImapSession::failed, session, [outcome](const OperationError &e) {
        if (!outcome->error) {
            outcome->error = e;
        }
    });
    connect(session, &ImapSession::finished, session, [outcome] { outcome->finished = true; });
    connect(session, &ImapSession::alert, session, [outcome](const QString &text) { outcome->alerts << text; });
    return client;
}

std::unique_ptr<Client> TestImapSession::login(const QString &script, Net::TlsPolicy policy, const QString &password)
{
    serve({ script });
    auto client = connectClient(policy, password);
    client->session->open();
    const Outcome &o = client->outcome;
    if (!waitFor([&o] { return o.loggedIn || o.error.has_value(); })) {
        qWarning("timed out waiting for the login");
    }
    return client;
}

// --- Login and TLS -----------------------------------------------------------------

void TestImapSession::startTlsThenCapabilitiesAgain()
{
    const auto client = login(
        FakeServer::scriptFromFile(QStringLiteral("imap-starttls-login.txt")), Net::TlsPolicy::StartTlsRequired);
    QVERIFY2(client->outcome.loggedIn, qPrintable(describe(client->outcome)));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(client->session->connection()->isEncrypted());
    // What the plaintext CAPABILITY said is gone; what was asked over TLS after login is there.
    const ImapSession &s = *client->session;
    QVERIFY(!s.hasCapability("X-PRETLS"));
    QVERIFY(!s.hasCapability("LOGINDISABLED"));
    QVERIFY(!s.hasCapability("STARTTLS"));
    QVERIFY(s.hasCapability("IDLE"));
    QVERIFY(s.hasCapability("LITERAL+"));
    QCOMPARE(m_server->received(),
        (QList<QByteArray> {
            "A1 CAPABILITY", "A2 STARTTLS", "A3 CAPABILITY", "A4 AUTHENTICATE PLAIN AGJvYgBwdw==", "A5 CAPABILITY" }));
}

void TestImapSession::capabilitiesFromBeforeTlsAreForgotten()
{
    // Plaintext says AUTH=PLAIN SASL-IR; over TLS the server offers only LOGIN. A client
    // that kept the plaintext list would send AUTHENTICATE PLAIN with the credentials.
    const QString script = QStringLiteral("S: * OK hi\n"
                                          "C: A1 CAPABILITY\n"
                                          "S: * CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN SASL-IR\n"
                                          "S: A1 OK done\n"
                                          "C: A2 STARTTLS\n"
                                          "S: A2 OK go\n"
                                          "TLS\n"
                                          "C: A3 CAPABILITY\n"
                                          "S: * CAPABILITY IMAP4rev1\n"
                                          "S: A3 OK done\n"
                                          "C: A4 LOGIN \"bob\" \"pw\"\n"
                                          "S: A4 OK [CAPABILITY IMAP4rev1] in\n"
                                          "STALL");
    const auto client = login(script, Net::TlsPolicy::StartTlsRequired);
    QVERIFY2(client->outcome.loggedIn, qPrintable(describe(client->outcome)));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(!sentAny(*m_server, "AUTHENTICATE"));
}

void TestImapSession::preauthWithTlsRequiredSendsNothing()
{
    const auto client = login(
        QStringLiteral("S: * PREAUTH IMAP4rev1 server logged in as bob\nSTALL"), Net::TlsPolicy::StartTlsRequired);
    QVERIFY(!client->outcome.loggedIn);
    QVERIFY(client->outcome.error.has_value());
    QCOMPARE(client->outcome.error->kind, OperationError::Kind::Tls);
    QVERIFY2(
        client->outcome.error->message.contains(QStringLiteral("PREAUTH")), qPrintable(client->outcome.error->message));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->clientGone(), 5000);
    QCOMPARE(m_server->received(), QList<QByteArray> {}); // not a single command
}

void TestImapSession::badGreetings_data()
{
    QTest::addColumn<QString>("greeting");
    QTest::addColumn<OperationError::Kind>("kind");
    QTest::addColumn<QString>("words");

    QTest::newRow("BYE") << QStringLiteral("* BYE Too many connections, try later") << OperationError::Kind::Refused
                         << QStringLiteral("turned the connection away: Too many connections, try later");
    QTest::newRow("SMTP banner") << QStringLiteral("220 mail.example.com ESMTP Postfix")
                                 << OperationError::Kind::Protocol << QStringLiteral("not IMAP");
    QTest::newRow("POP3 banner") << QStringLiteral("+OK POP3 ready") << OperationError::Kind::Protocol
                                 << QStringLiteral("not IMAP");
    QTest::newRow("untagged data instead of a status")
        << QStringLiteral("* CAPABILITY IMAP4rev1") << OperationError::Kind::Protocol
        << QStringLiteral("greeting is not IMAP");
}

void TestImapSession::badGreetings()
{
    QFETCH(QString, greeting);
    QFETCH(OperationError::Kind, kind);
    QFETCH(QString, words);
    const auto client
        = login(QStringLiteral("S: ") + greeting + QStringLiteral("\nSTALL"), Net::TlsPolicy::StartTlsRequired);
    QVERIFY(!client->outcome.loggedIn);
    QVERIFY(client->outcome.error.has_value());
    QCOMPARE(client->outcome.error->kind, kind);
    QVERIFY2(client->outcome.error->message.contains(words), qPrintable(client->outcome.error->message));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->clientGone(), 5000);
    QCOMPARE(m_server->received(), QList<QByteArray> {});
}

void TestImapSession::startTlsInjectionFails()
{
    // "* OK injected" rides in the same segment as the STARTTLS OK (consecutive S: lines
    // are one write): it is plaintext that would be read as if it came over TLS.
    // Connection::startTls counts the bytes the framer holds (bufferedByEngine) and
    // fails with a Protocol error (RFC 9051 §11.1, CVE-2011-0411).
    const QString script = QStringLiteral("S: * OK hi\n"
                                          "C: A1 CAPABILITY\n"
                                          "S: * CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN SASL-IR\n"
                                          "S: A1 OK done\n"
                                          "C: A2 STARTTLS\n"
                                          "S: A2 OK begin\n"
                                          "S: * OK injected\n"
                                          "TLS\n"
                                          "STALL");
    const auto client = login(script, Net::TlsPolicy::StartTlsRequired);
    QVERIFY(!client->outcome.loggedIn);
    QVERIFY(client->outcome.error.has_value());
    QCOMPARE(client->outcome.error->kind, OperationError::Kind::Protocol);
    QVERIFY2(client->outcome.error->message.contains(QStringLiteral("STARTTLS injection")),
        qPrintable(client->outcome.error->message));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->clientGone(), 5000);
    QCOMPARE(m_server->received(), (QList<QByteArray> { "A1 CAPABILITY", "A2 STARTTLS" }));
    QVERIFY(!client->session->connection()->isEncrypted());
}

void TestImapSession::noTlsNoCredentials_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<Net::TlsPolicy>("policy");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QList<QByteArray>>("sent");

    QTest::newRow("STARTTLS not offered")
        << QStringLiteral(
               "S: * OK hi\nC: A1 CAPABILITY\nS: * CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR\nS: A1 OK done\nSTALL")
        << Net::TlsPolicy::StartTlsRequired << QStringLiteral("does not offer STARTTLS")
        << QList<QByteArray> { "A1 CAPABILITY" };
    QTest::newRow("STARTTLS refused") << QStringLiteral(
        "S: * OK hi\nC: A1 CAPABILITY\nS: * CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN\nS: A1 OK done\n"
        "C: A2 STARTTLS\nS: A2 NO not today\nSTALL")
                                      << Net::TlsPolicy::StartTlsRequired
                                      << QStringLiteral("refused STARTTLS (not today)")
                                      << QList<QByteArray> { "A1 CAPABILITY", "A2 STARTTLS" };
    QTest::newRow("LOGINDISABLED over plaintext")
        << QStringLiteral("S: * OK hi\nC: A1 CAPABILITY\nS: * CAPABILITY IMAP4rev1 LOGINDISABLED\nS: A1 OK done\nSTALL")
        << Net::TlsPolicy::Plain << QStringLiteral("LOGINDISABLED") << QList<QByteArray> { "A1 CAPABILITY" };
}

void TestImapSession::noTlsNoCredentials()
{
    QFETCH(QString, script);
    QFETCH(Net::TlsPolicy, policy);
    QFETCH(QString, words);
    QFETCH(QList<QByteArray>, sent);
    const auto client = login(script, policy);
    QVERIFY(!client->outcome.loggedIn);
    QVERIFY(client->outcome.error.has_value());
    QCOMPARE(client->outcome.error->kind, OperationError::Kind::Tls);
    QVERIFY2(client->outcome.error->message.contains(words), qPrintable(client->outcome.error->message));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->clientGone(), 5000);
    QCOMPARE(m_server->received(), sent); // once, and no LOGIN or AUTHENTICATE
}

void TestImapSession::loginFallback_data()
{
    QTest::addColumn<QString>("capabilities");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("exchange");

    const QString umlauts = QStringLiteral("p\u00e4ssw\u00f6rd"); // 10 octets in UTF-8
    QTest::newRow("quoted strings") << QStringLiteral("IMAP4rev1") << QStringLiteral("pw")
                                    << QStringLiteral("C: A1 LOGIN \"bob\" \"pw\"\n");
    // RFC 9051 §4.3 / §9 quoted-specials: '"' and '\' are escaped inside a quoted string.
    QTest::newRow("quote and backslash escaped") << QStringLiteral("IMAP4rev1") << QStringLiteral("p\"w\\x")
                                                 << QStringLiteral("C: A1 LOGIN \"bob\" \"p\\\"w\\\\x\"\n");
    // Non-ASCII is not quotable (RFC 9051 §9 QUOTED-CHAR is 7-bit without UTF8=ACCEPT):
    // a literal, non-synchronizing with LITERAL+ (RFC 7888 §3) — no "+" is awaited.
    QTest::newRow("non-ASCII with LITERAL+")
        << QStringLiteral("IMAP4rev1 LITERAL+") << umlauts
        << QStringLiteral("C: A1 LOGIN \"bob\" {10+}\nC: ") + umlauts + QLatin1Char('\n');
    // Without LITERAL+ the client sends "{10}" and waits for the server's "+".
    QTest::newRow("non-ASCII, synchronizing")
        << QStringLiteral("IMAP4rev1") << umlauts
        << QStringLiteral("C: A1 LOGIN \"bob\" {10}\nS: + Ready for literal data\nC: ") + umlauts + QLatin1Char('\n');
}

void TestImapSession::loginFallback()
{
    QFETCH(QString, capabilities);
    QFETCH(QString, password);
    QFETCH(QString, exchange);
    const QString script = QStringLiteral("S: * OK [CAPABILITY %1] hi\n").arg(capabilities) + exchange
        + QStringLiteral("S: A1 OK [CAPABILITY IMAP4rev1] Logged in\nSTALL");
    const auto client = login(script, Net::TlsPolicy::Plain, password);
    QVERIFY2(client->outcome.loggedIn, qPrintable(describe(client->outcome)));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(!sentAny(*m_server, "AUTHENTICATE"));
}

void TestImapSession::synchronizingLiteralWaitsForContinuation()
{
    // The server answers the "{10}" with NO instead of "+": the password must never
    // have been sent (it would be if the client did not wait).
    const QString script = QStringLiteral("S: * OK [CAPABILITY IMAP4rev1] hi\n"
                                          "C: A1 LOGIN \"bob\" {10}\n"
                                          "S: A1 NO [AUTHENTICATIONFAILED] no literals for you\n"
                                          "STALL");
    const auto client = login(script, Net::TlsPolicy::Plain, QStringLiteral("p\u00e4ssw\u00f6rd"));
    QVERIFY(client->outcome.error.has_value());
    QCOMPARE(client->outcome.error->kind, OperationError::Kind::Authentication);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->clientGone(), 5000);
    QCOMPARE(m_server->received(), QList<QByteArray> { "A1 LOGIN \"bob\" {10}" });
}

void TestImapSession::wrongPasswordIsAnAuthenticationError()
{
    const QString script = QStringLiteral("S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] hi\n"
                                          "C: A1 AUTHENTICATE PLAIN AGJvYgBwdw==\n"
                                          "S: A1 NO [AUTHENTICATIONFAILED] Authentication failed.\n"
                                          "STALL");
    const auto client = login(script, Net::TlsPolicy::Plain);
    QVERIFY(!client->outcome.loggedIn);
    QVERIFY(client->outcome.error.has_value());
    QCOMPARE(client->outcome.error->kind, OperationError::Kind::Authentication);
    QCOMPARE(client->outcome.error->message,
        QStringLiteral("the server refused the login for bob: [AUTHENTICATIONFAILED] Authentication failed."));
}

void TestImapSession::alertOnlyAfterTls()
{
    const auto client = login(
        FakeServer::scriptFromFile(QStringLiteral("imap-starttls-alert.txt")), Net::TlsPolicy::StartTlsRequired);
    QVERIFY2(client->outcome.loggedIn, qPrintable(describe(client->outcome)));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QCOMPARE(client->outcome.alerts, QStringList { QStringLiteral("System shutdown in 10 minutes") });
}

// --- State checks ------------------------------------------------------------------

void TestImapSession::mailboxDataBeforeLogin_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("credentialsSent");

    QTest::newRow("EXISTS right after the greeting")
        << QStringLiteral("S: * OK hi\nS: * 1 EXISTS\nSTALL") << QStringLiteral("EXISTS") << false;
    QTest::newRow("FETCH with the capabilities")
        << QStringLiteral("S: * OK hi\nC: A1 CAPABILITY\nS: * CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR\n"
                          "S: * 1 FETCH (FLAGS ())\nS: A1 OK done\nSTALL")
        << QStringLiteral("FETCH") << false;
    QTest::newRow("EXISTS before the login's OK") << QStringLiteral(
        "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] hi\nC: A1 AUTHENTICATE PLAIN AGJvYgBwdw==\n"
        "S: * 1 EXISTS\nS: A1 OK [CAPABILITY IMAP4rev1] Logged in\nSTALL")
                                                  << QStringLiteral("EXISTS") << true;
}

void TestImapSession::mailboxDataBeforeLogin()
{
    QFETCH(QString, script);
    QFETCH(QString, name);
    QFETCH(bool, credentialsSent);
    const auto client = login(script, Net::TlsPolicy::Plain);
    QVERIFY(!client->outcome.loggedIn);
    QVERIFY(client->outcome.error.has_value());
    QCOMPARE(client->outcome.error->kind, OperationError::Kind::Protocol);
    QCOMPARE(
        client->outcome.error->message, QStringLiteral("the server sent %1 data with no folder selected").arg(name));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->clientGone(), 5000);
    QVERIFY(!sentAny(*m_server, "LOGIN"));
    QCOMPARE(sentAny(*m_server, "AUTHENTICATE"), credentialsSent);
}

void TestImapSession::unknownTagIsAProtocolError()
{
    const QString script = QStringLiteral("S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] hi\n"
                                          "C: A1 AUTHENTICATE PLAIN AGJvYgBwdw==\n"
                                          "S: ZZ9 OK [CAPABILITY IMAP4rev1] Logged in\n"
                                          "STALL");
    const auto client = login(script, Net::TlsPolicy::Plain);
    QVERIFY(!client->outcome.loggedIn);
    QVERIFY(client->outcome.error.has_value());
    QCOMPARE(client->outcome.error->kind, OperationError::Kind::Protocol);
    QCOMPARE(client->outcome.error->message,
        QStringLiteral("the server answered a command that was never sent (tag 'ZZ9')"));
}

void TestImapSession::messageNumbersOutsideTheMailbox_data()
{
    QTest::addColumn<QString>("response");
    QTest::addColumn<QString>("message");

    QTest::newRow("FETCH 5 with 3 EXISTS")
        << QStringLiteral("* 5 FETCH (FLAGS (\\Seen))")
        << QStringLiteral("the server sent FETCH for message 5, but the folder has 3 messages");
    QTest::newRow("EXPUNGE 0") << QStringLiteral(
        "* 0 EXPUNGE") << QStringLiteral("the server sent EXPUNGE for message 0, but the folder has 3 messages");
    QTest::newRow("EXPUNGE 4 with 3 EXISTS") << QStringLiteral(
        "* 4 EXPUNGE") << QStringLiteral("the server sent EXPUNGE for message 4, but the folder has 3 messages");
}

void TestImapSession::messageNumbersOutsideTheMailbox()
{
    QFETCH(QString, response);
    QFETCH(QString, message);
    serve({ QString::fromLatin1(kSelected) + QStringLiteral("C: A3 NOOP\nS: ") + response
        + QStringLiteral("\nS: A3 OK done\nSTALL") });
    auto client = connectClient(Net::TlsPolicy::Plain);
    bool selected = false;
    bool noopDone = false;
    connect(client->session.get(), &ImapSession::loggedIn, this, [&] {
        auto select = std::make_shared<SelectCommand>(QStringLiteral("INBOX"));
        select->onDone = [&selected, select] { selected = select->isOk(); };
        client->session->send(select);
        auto noop = std::make_shared<NoopCommand>();
        noop->onDone = [&noopDone] { noopDone = true; };
        client->session->send(noop);
    });
    client->session->open();
    const Outcome &o = client->outcome;
    QVERIFY(waitFor([&o] { return o.error.has_value(); }));
    QVERIFY(selected);
    QVERIFY(!noopDone); // the session's failure is the one answer
    QCOMPARE(o.error->kind, OperationError::Kind::Protocol);
    QCOMPARE(o.error->message, message);
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
}

void TestImapSession::uidZeroFailsTheSync()
{
    // RFC 9051 §2.3.1.1: UIDs are non-zero. A "UID 0" in the UID FETCH answer makes
    // the command's data wrong: FolderSync fails with a protocol error.
    QString script = FakeServer::scriptFromFile(QStringLiteral("imap-sync-first.txt"));
    script.replace(QStringLiteral("(UID 2 FLAGS ()"), QStringLiteral("(UID 0 FLAGS ()"));
    QVERIFY(script.contains(QStringLiteral("UID 0 ")));
    serve({ script });
    QTemporaryDir dir;
    QString error;
    auto cache = Store::MailCache::open(dir.filePath(QStringLiteral("bob.sqlite")), &error);
    QVERIFY2(cache, qPrintable(error));
    const SyncOutcome outcome = runSync(*cache);
    QVERIFY(!outcome.result);
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->kind, OperationError::Kind::Protocol);
    QVERIFY2(outcome.error->message.contains(QStringLiteral("invalid UID '0'")), qPrintable(outcome.error->message));
}

void TestImapSession::referralIsNotFollowed()
{
    serve({ QString::fromLatin1(kPlainLogin)
        + QStringLiteral("C: A2 SELECT \"INBOX\"\n"
                         "S: A2 NO [REFERRAL imap://bob@evil.example/INBOX] Look over there\n"
                         "C: A3 LOGOUT\n"
                         "S: * BYE bye\n"
                         "S: A3 OK done\n"
                         "STALL") });
    auto client = connectClient(Net::TlsPolicy::Plain);
    auto select = std::make_shared<SelectCommand>(QStringLiteral("INBOX"));
    bool selectDone = false;
    select->onDone = [&selectDone] { selectDone = true; };
    client->session->send(select); // waits for the login
    client->session->open();
    QVERIFY(waitFor([&] { return selectDone || client->outcome.error.has_value(); }));
    QVERIFY2(selectDone, qPrintable(describe(client->outcome)));
    QVERIFY(!select->isOk());
    QVERIFY(!client->session->isSelected());
    QVERIFY2(
        select->failureText().contains(QStringLiteral("does not follow referrals")), qPrintable(select->failureText()));
    QVERIFY(select->failureText().contains(QStringLiteral("imap://bob@evil.example/INBOX")));
    client->session->quit();
    QVERIFY(waitFor([&] { return client->outcome.finished || client->outcome.error.has_value(); }));
    QVERIFY2(client->outcome.finished, qPrintable(describe(client->outcome)));
    QTest::qWait(200); // a client that followed the referral would connect now
    QCOMPARE(m_server->connectionCount(), 1);
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
}

// --- FolderSync --------------------------------------------------------------------

TestImapSession::SyncOutcome TestImapSession::runSync(Store::MailCache &cache)
{
    auto client = connectClient(Net::TlsPolicy::Plain);
    FolderSync sync(*client->session, cache, QStringLiteral("INBOX"));
    SyncOutcome outcome;
    connect(&sync, &FolderSync::done, this, [&outcome](const FolderSync::Result &r) { outcome.result = r; });
    connect(&sync, &FolderSync::failed, this, [&outcome](const OperationError &e) { outcome.error = e; });
    // Started once logged in, as the CLI does: whether to ask QRESYNC depends on what
    // ENABLE turned on.
    connect(client->session.get(), &ImapSession::loggedIn, &sync, [&sync] { sync.start(); });
    client->session->open();
    const Outcome &o = client->outcome;
    if (!waitFor([&] { return outcome.result || outcome.error || o.error; })) {
        qWarning("timed out waiting for the sync; the server got:");
        for (const QByteArray &line : m_server->received()) {
            qWarning("  %s", line.constData());
        }
    }
    outcome.sessionError = o.error;
    client->session->abort();
    return outcome;
}

void TestImapSession::uidValidityChangeBetweenSessions()
{
    serve({ FakeServer::scriptFromFile(QStringLiteral("imap-sync-first.txt")),
        FakeServer::scriptFromFile(QStringLiteral("imap-sync-uidvalidity-changed.txt")) });
    QTemporaryDir dir;
    QString error;
    auto cache = Store::MailCache::open(dir.filePath(QStringLiteral("bob.sqlite")), &error);
    QVERIFY2(cache, qPrintable(error));

    const SyncOutcome first = runSync(*cache);
    QVERIFY2(first.result,
        first.error              ? qPrintable(first.error->message)
            : first.sessionError ? qPrintable(first.sessionError->message)
                                 : "timeout");
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(first.result->fullResync);
    QCOMPARE(first.result->added, 2);
    QCOMPARE(first.result->total, 2);
    QCOMPARE(sortedUids(*cache, QStringLiteral("INBOX")), (QList<quint32> { 1, 2 }));
    auto folder = cache->folder(QStringLiteral("INBOX"));
    QVERIFY(folder);
    QCOMPARE(folder->uidValidity, 100u);
    QCOMPARE(folder->highestModSeq, quint64(10));

    const SyncOutcome second = runSync(*cache);
    QVERIFY2(second.result,
        second.error              ? qPrintable(second.error->message)
            : second.sessionError ? qPrintable(second.sessionError->message)
                                  : "timeout");
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QCOMPARE(m_server->connectionCount(), 2);
    QVERIFY(second.result->fullResync);
    QCOMPARE(second.result->added, 2);
    QCOMPARE(second.result->total, 2);
    QCOMPARE(sortedUids(*cache, QStringLiteral("INBOX")), (QList<quint32> { 7, 8 })); // 1 and 2 are gone
    QCOMPARE(subjects(*cache, QStringLiteral("INBOX")),
        (QStringList { QStringLiteral("new eight"), QStringLiteral("new seven") }));
    folder = cache->folder(QStringLiteral("INBOX"));
    QVERIFY(folder);
    QCOMPARE(folder->uidValidity, 200u);
    QCOMPARE(folder->uidNext, 9u);
    QCOMPARE(folder->highestModSeq, quint64(50));
}

void TestImapSession::uidValidityChangeMidSync()
{
    serve({ FakeServer::scriptFromFile(QStringLiteral("imap-sync-uidvalidity-mid-session.txt")) });
    QTemporaryDir dir;
    QString error;
    auto cache = Store::MailCache::open(dir.filePath(QStringLiteral("bob.sqlite")), &error);
    QVERIFY2(cache, qPrintable(error));
    const SyncOutcome outcome = runSync(*cache);
    QVERIFY2(outcome.result,
        outcome.error              ? qPrintable(outcome.error->message)
            : outcome.sessionError ? qPrintable(outcome.sessionError->message)
                                   : "timeout");
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(outcome.result->fullResync);
    QCOMPARE(outcome.result->added, 2);
    QCOMPARE(outcome.result->total, 2);
    // Only what the restarted fetch brought: UIDVALIDITY 300, UIDs 5 and 6.
    QCOMPARE(sortedUids(*cache, QStringLiteral("INBOX")), (QList<quint32> { 5, 6 }));
    QCOMPARE(subjects(*cache, QStringLiteral("INBOX")),
        (QStringList { QStringLiteral("restarted six"), QStringLiteral("restarted five") }));
    const auto flags = cache->flagsByUid(QStringLiteral("INBOX"));
    QCOMPARE(flags.value(5), QList<QByteArray> { "\\Answered" });
    QCOMPARE(flags.value(6), QList<QByteArray> {});
    const auto folder = cache->folder(QStringLiteral("INBOX"));
    QVERIFY(folder);
    QCOMPARE(folder->uidValidity, 300u);
    QCOMPARE(folder->uidNext, 7u);
}

void TestImapSession::qresyncReportsVanishedChangedAndNew()
{
    QTemporaryDir dir;
    QString error;
    auto cache = Store::MailCache::open(dir.filePath(QStringLiteral("bob.sqlite")), &error);
    QVERIFY2(cache, qPrintable(error));
    // What an earlier sync left: UIDVALIDITY 100, UIDs 1..3, HIGHESTMODSEQ 20, UIDNEXT 4.
    QVERIFY(cache->resetFolder(QStringLiteral("INBOX"), 100));
    QList<MessageSummary> earlier;
    for (quint32 uid = 1; uid <= 3; ++uid) {
        MessageSummary m;
        m.uid = uid;
        m.flags = { "\\Seen" };
        m.size = 100 * uid;
        m.modseq = 10 + uid;
        m.internalDate = QDateTime(QDate(2024, 1, 1), QTime(10, 0), Qt::UTC);
        m.envelope.subject = QStringLiteral("cached %1").arg(uid);
        earlier << m;
    }
    QVERIFY2(cache->storeSummaries(QStringLiteral("INBOX"), earlier), qPrintable(cache->lastError()));
    MailboxState state;
    state.exists = 3;
    state.uidValidity = 100;
    state.uidNext = 4;
    state.highestModSeq = 20;
    QVERIFY2(cache->setFolderState(QStringLiteral("INBOX"), state), qPrintable(cache->lastError()));

    serve({ FakeServer::scriptFromFile(QStringLiteral("imap-qresync.txt")) });
    const SyncOutcome outcome = runSync(*cache);
    QVERIFY2(outcome.result,
        outcome.error              ? qPrintable(outcome.error->message)
            : outcome.sessionError ? qPrintable(outcome.sessionError->message)
                                   : "timeout");
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(!outcome.result->fullResync);
    QCOMPARE(outcome.result->added, 2);
    QCOMPARE(outcome.result->changed, 1);
    QCOMPARE(outcome.result->vanished, 1);
    QCOMPARE(outcome.result->total, 4);
    QCOMPARE(sortedUids(*cache, QStringLiteral("INBOX")), (QList<quint32> { 2, 3, 4, 5 }));
    const auto flags = cache->flagsByUid(QStringLiteral("INBOX"));
    QCOMPARE(flags.value(2), QList<QByteArray> { "\\Seen" });
    QCOMPARE(flags.value(3), (QList<QByteArray> { "\\Seen", "\\Flagged" }));
    QCOMPARE(flags.value(4), QList<QByteArray> {});
    QCOMPARE(flags.value(5), QList<QByteArray> { "\\Seen" });
    QCOMPARE(subjects(*cache, QStringLiteral("INBOX")),
        (QStringList {
            QStringLiteral("five"), QStringLiteral("four"), QStringLiteral("cached 3"), QStringLiteral("cached 2") }));
    const auto folder = cache->folder(QStringLiteral("INBOX"));
    QVERIFY(folder);
    QCOMPARE(folder->uidValidity, 100u);
    QCOMPARE(folder->uidNext, 6u);
    QCOMPARE(folder->highestModSeq, quint64(30));
}

void TestImapSession::condstoreOnlyResync()
{
    QTemporaryDir dir;
    QString error;
    auto cache = Store::MailCache::open(dir.filePath(QStringLiteral("bob.sqlite")), &error);
    QVERIFY2(cache, qPrintable(error));
    QVERIFY2(seedFourMessages(*cache), qPrintable(cache->lastError()));

    // The script has the UID SEARCH and the UID FETCH CHANGEDSINCE both arrive before
    // it answers either: a client that waited for the first would stall here.
    serve({ FakeServer::scriptFromFile(QStringLiteral("imap-sync-condstore.txt")) });
    const SyncOutcome outcome = runSync(*cache);
    QVERIFY2(outcome.result,
        outcome.error              ? qPrintable(outcome.error->message)
            : outcome.sessionError ? qPrintable(outcome.sessionError->message)
                                   : "timeout");
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QCOMPARE(m_server->received(),
        (QList<QByteArray> { "A1 AUTHENTICATE PLAIN AGJvYgBwdw==", "A2 ENABLE CONDSTORE",
            "A3 EXAMINE \"INBOX\" (CONDSTORE)", "A4 UID SEARCH RETURN (ALL) ALL",
            "A5 UID FETCH 1:4 (UID FLAGS MODSEQ) (CHANGEDSINCE 10)",
            "A6 UID FETCH 5:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE MODSEQ)" }));
    QVERIFY(!outcome.result->fullResync);
    QCOMPARE(outcome.result->added, 1);
    QCOMPARE(outcome.result->changed, 1);
    QCOMPARE(outcome.result->vanished, 1);
    QCOMPARE(outcome.result->total, 4);
    QCOMPARE(sortedUids(*cache, QStringLiteral("INBOX")), (QList<quint32> { 1, 3, 4, 5 }));
    const auto flags = cache->flagsByUid(QStringLiteral("INBOX"));
    QCOMPARE(flags.value(1), QList<QByteArray> { "\\Seen" });
    QCOMPARE(flags.value(3), (QList<QByteArray> { "\\Seen", "\\Flagged" }));
    QCOMPARE(flags.value(4), QList<QByteArray> { "\\Seen" });
    QCOMPARE(flags.value(5), QList<QByteArray> {});
    QCOMPARE(subjects(*cache, QStringLiteral("INBOX")),
        (QStringList { QStringLiteral("five"), QStringLiteral("cached 4"), QStringLiteral("cached 3"),
            QStringLiteral("cached 1") }));
    const auto summaries = cache->summaries(QStringLiteral("INBOX"));
    const auto three
        = std::find_if(summaries.begin(), summaries.end(), [](const MessageSummary &m) { return m.uid == 3; });
    QVERIFY(three != summaries.end());
    QCOMPARE(three->modseq, quint64(14));
    QCOMPARE(three->size, quint64(300)); // only the flags were fetched again
    const auto five
        = std::find_if(summaries.begin(), summaries.end(), [](const MessageSummary &m) { return m.uid == 5; });
    QVERIFY(five != summaries.end());
    QCOMPARE(five->size, quint64(555));
    QCOMPARE(five->modseq, quint64(15));
    const auto folder = cache->folder(QStringLiteral("INBOX"));
    QVERIFY(folder);
    QCOMPARE(folder->uidValidity, 100u);
    QCOMPARE(folder->uidNext, 6u);
    QCOMPARE(folder->highestModSeq, quint64(15));
    QCOMPARE(folder->messageCount, 4);
}

void TestImapSession::plainResyncComparesFlags()
{
    QTemporaryDir dir;
    QString error;
    auto cache = Store::MailCache::open(dir.filePath(QStringLiteral("bob.sqlite")), &error);
    QVERIFY2(cache, qPrintable(error));
    QVERIFY2(seedFourMessages(*cache), qPrintable(cache->lastError()));

    serve({ FakeServer::scriptFromFile(QStringLiteral("imap-sync-plain.txt")) });
    const SyncOutcome outcome = runSync(*cache);
    QVERIFY2(outcome.result,
        outcome.error              ? qPrintable(outcome.error->message)
            : outcome.sessionError ? qPrintable(outcome.sessionError->message)
                                   : "timeout");
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QCOMPARE(m_server->received(),
        (QList<QByteArray> { "A1 AUTHENTICATE PLAIN AGJvYgBwdw==", "A2 EXAMINE \"INBOX\"", "A3 UID SEARCH ALL",
            "A4 UID FETCH 1:4 (UID FLAGS)", "A5 UID FETCH 5:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)" }));
    QVERIFY(!outcome.result->fullResync);
    QCOMPARE(outcome.result->added, 1);
    QCOMPARE(outcome.result->changed, 1); // UID 3; UIDs 1 and 4 came back as cached
    QCOMPARE(outcome.result->vanished, 1);
    QCOMPARE(outcome.result->total, 4);
    QCOMPARE(sortedUids(*cache, QStringLiteral("INBOX")), (QList<quint32> { 1, 3, 4, 5 }));
    const auto flags = cache->flagsByUid(QStringLiteral("INBOX"));
    QCOMPARE(flags.value(1), QList<QByteArray> { "\\Seen" });
    QCOMPARE(flags.value(3), (QList<QByteArray> { "\\Seen", "\\Flagged" }));
    QCOMPARE(flags.value(4), QList<QByteArray> { "\\Seen" });
    QCOMPARE(flags.value(5), QList<QByteArray> {});
    QCOMPARE(subjects(*cache, QStringLiteral("INBOX")),
        (QStringList { QStringLiteral("five"), QStringLiteral("cached 4"), QStringLiteral("cached 3"),
            QStringLiteral("cached 1") }));
    const auto folder = cache->folder(QStringLiteral("INBOX"));
    QVERIFY(folder);
    QCOMPARE(folder->uidValidity, 100u);
    QCOMPARE(folder->uidNext, 6u);
    QCOMPARE(folder->messageCount, 4);
}

// --- Commands ----------------------------------------------------------------------

namespace {

// An IdleWatcher started once SELECT INBOX has completed, and what it reported.
struct WatchRun {
    std::unique_ptr<IdleWatcher> watcher;
    QList<MessageSummary> fresh;
    std::optional<OperationError> error;
    bool stopped = false;
};

// The SELECT to send: when it completes, it makes run.watcher, records its signals in
// run, lets `prepare` adjust it, and starts it.
std::shared_ptr<SelectCommand> selectThenWatch(
    ImapSession &session, WatchRun &run, const std::function<void(IdleWatcher &)> &prepare)
{
    auto select = std::make_shared<SelectCommand>(QStringLiteral("INBOX"));
    select->onDone = [&session, &run, prepare, select] {
        if (!select->isOk()) {
            run.error = OperationError { OperationError::Kind::Refused, select->failureText() };
            return;
        }
        run.watcher = std::make_unique<IdleWatcher>(session);
        IdleWatcher *watcher = run.watcher.get();
        QObject::connect(watcher, &IdleWatcher::newMessages, watcher,
            [&run](const QList<MessageSummary> &messages) { run.fresh += messages; });
        QObject::connect(watcher, &IdleWatcher::failed, watcher, [&run](const OperationError &e) { run.error = e; });
        QObject::connect(watcher, &IdleWatcher::stopped, watcher, [&run] { run.stopped = true; });
        prepare(*watcher);
        watcher->start();
    };
    return select;
}

} // namespace

void TestImapSession::idleRestartsAndFetchesNewMail()
{
    serve({ FakeServer::scriptFromFile(QStringLiteral("imap-idle.txt")) });
    auto client = connectClient(Net::TlsPolicy::Plain);
    WatchRun run;
    QElapsedTimer sinceStart;
    client->session->send(selectThenWatch(*client->session, run, [&sinceStart](IdleWatcher &watcher) {
        watcher.setRestartInterval(std::chrono::milliseconds(300));
        sinceStart.start();
    }));
    client->session->open();
    const Outcome &o = client->outcome;
    auto idles = [this] {
        int n = 0;
        for (const QByteArray &line : m_server->received()) {
            n += line.endsWith(" IDLE") ? 1 : 0;
        }
        return n;
    };
    QVERIFY(waitFor([&] { return (!run.fresh.isEmpty() && idles() >= 3) || o.error || run.error; }));
    QVERIFY2(!o.error, qPrintable(describe(o)));
    QVERIFY2(!run.error, run.error ? qPrintable(run.error->message) : "");
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    // IDLE, DONE after the restart interval (not at once), IDLE again.
    QVERIFY(idles() >= 2);
    QVERIFY2(sinceStart.elapsed() >= 250, qPrintable(QString::number(sinceStart.elapsed())));
    QVERIFY(run.watcher->idleCycles() >= 2);
    QCOMPARE(run.fresh.size(), 1);
    QCOMPARE(run.fresh.first().uid, 4u);
    QCOMPARE(run.fresh.first().size, quint64(321));
    QCOMPARE(run.fresh.first().envelope.subject, QStringLiteral("Gr\u00fc\u00dfe aus K\u00f6ln"));
    const QList<QByteArray> received = m_server->received();
    QCOMPARE(received.mid(0, 8),
        (QList<QByteArray> { "A1 AUTHENTICATE PLAIN AGJvYgBwdw==", "A2 SELECT \"INBOX\"", "A3 IDLE", "DONE", "A4 IDLE",
            "DONE", "A5 UID FETCH 4:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)", "A6 IDLE" }));
    run.watcher.reset();
    client->session->abort();
}

void TestImapSession::idleStopStillFetchesAnnouncedMail_data()
{
    QTest::addColumn<QString>("transcript");
    QTest::newRow("IDLE") << QStringLiteral("imap-idle-stop.txt");
    QTest::newRow("NOOP polling, no IDLE") << QStringLiteral("imap-poll-stop.txt");
}

void TestImapSession::idleStopStillFetchesAnnouncedMail()
{
    QFETCH(QString, transcript);
    serve({ FakeServer::scriptFromFile(transcript) });
    auto client = connectClient(Net::TlsPolicy::Plain);
    WatchRun run;
    ImapSession *session = client->session.get();
    client->session->send(selectThenWatch(*session, run, [this, session](IdleWatcher &watcher) {
        watcher.setPollInterval(std::chrono::milliseconds(100));
        // The deadline of "idle --for N" falling just as the new mail is announced: the
        // watcher has seen EXISTS (it connected first) and is leaving IDLE for it.
        connect(session, &ImapSession::unsolicited, &watcher, [&watcher](const Response &response) {
            if (response.name == "EXISTS" && response.number == 4) {
                watcher.stop();
            }
        });
    }));
    client->session->open();
    const Outcome &o = client->outcome;
    QVERIFY(waitFor([&] { return run.stopped || o.error || run.error; }));
    QVERIFY2(!o.error, qPrintable(describe(o)));
    QVERIFY2(!run.error, run.error ? qPrintable(run.error->message) : "");
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QCOMPARE(run.fresh.size(), 1);
    QCOMPARE(run.fresh.first().uid, 4u);
    QCOMPARE(run.fresh.first().envelope.subject, QStringLiteral("Late news"));
    // Stopped after the fetch: no IDLE or NOOP again.
    QCOMPARE(m_server->received().last(), QByteArray("A4 UID FETCH 4:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)"));
    run.watcher.reset();
    client->session->abort();
}

void TestImapSession::appendWithLiteralPlus()
{
    // "Subject: hi\r\n\r\nbody" is 19 octets; the command's CRLF ends its last line.
    serve({ QStringLiteral("S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR LITERAL+ UIDPLUS] hi\n"
                           "C: A1 AUTHENTICATE PLAIN AGJvYgBwdw==\n"
                           "S: A1 OK [CAPABILITY IMAP4rev1 LITERAL+ UIDPLUS] Logged in\n"
                           "C: A2 APPEND \"Sent\" (\\Seen) {19+}\n"
                           "C: Subject: hi\n"
                           "C: \n"
                           "C: body\n"
                           "S: A2 OK [APPENDUID 38505 3955] APPEND completed\n"
                           "STALL") });
    auto client = connectClient(Net::TlsPolicy::Plain);
    auto append = std::make_shared<AppendCommand>(
        QStringLiteral("Sent"), QByteArray("Subject: hi\r\n\r\nbody"), QList<QByteArray> { "\\Seen" });
    bool done = false;
    append->onDone = [&done] { done = true; };
    client->session->send(append);
    client->session->open();
    // The server never sends "+": a client that waited for it would time out here.
    QVERIFY(waitFor([&] { return done || client->outcome.error.has_value(); }));
    QVERIFY2(done, qPrintable(describe(client->outcome)));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(append->isOk());
    QCOMPARE(append->appendedUid(), 3955u);
    QCOMPARE(m_server->received().size(), 5);
}

void TestImapSession::storeUnchangedSince()
{
    // RFC 7162 §3.1.3: UID 3 changed after modseq 55, so the server leaves its flags
    // alone and names it in [MODIFIED 3] on the tagged OK.
    serve({ QStringLiteral("S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\n"
                           "C: A1 AUTHENTICATE PLAIN AGJvYgBwdw==\n"
                           "S: A1 OK [CAPABILITY IMAP4rev1 ENABLE CONDSTORE] Logged in\n"
                           "C: A2 ENABLE CONDSTORE\n"
                           "S: * ENABLED CONDSTORE\n"
                           "S: A2 OK Enabled\n"
                           "C: A3 SELECT \"INBOX\"\n"
                           "S: * 3 EXISTS\n"
                           "S: * OK [UIDVALIDITY 1] UIDs valid\n"
                           "S: * OK [UIDNEXT 4] Predicted next UID\n"
                           "S: * OK [HIGHESTMODSEQ 60] Highest\n"
                           "S: A3 OK [READ-WRITE] Select completed\n"
                           "C: A4 UID STORE 3 (UNCHANGEDSINCE 55) +FLAGS (\\Seen)\n"
                           "S: A4 OK [MODIFIED 3] Conditional STORE failed\n"
                           "STALL") });
    auto client = connectClient(Net::TlsPolicy::Plain);
    auto store
        = std::make_shared<StoreCommand>(QByteArray("3"), StoreCommand::Mode::Add, QList<QByteArray> { "\\Seen" }, 55);
    bool selected = false;
    bool done = false;
    connect(client->session.get(), &ImapSession::loggedIn, this, [&] {
        auto select = std::make_shared<SelectCommand>(QStringLiteral("INBOX"));
        select->onDone = [&selected, select] { selected = select->isOk(); };
        client->session->send(select);
        store->onDone = [&done] { done = true; };
        client->session->send(store);
    });
    client->session->open();
    QVERIFY(waitFor([&] { return done || client->outcome.error.has_value(); }));
    QVERIFY2(done, qPrintable(describe(client->outcome)));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(selected);
    QVERIFY(store->isOk());
    QVERIFY(store->error.isEmpty());
    QCOMPARE(store->modified(), QList<quint32> { 3 });
    QVERIFY(store->updated.isEmpty());
    QCOMPARE(m_server->received().last(), QByteArray("A4 UID STORE 3 (UNCHANGEDSINCE 55) +FLAGS (\\Seen)"));
    client->session->abort();
}

// --- satchel-cli -------------------------------------------------------------------

TestImapSession::CliOutcome TestImapSession::runCli(const QStringList &args)
{
    // Not CliRunner::run: it blocks in waitForFinished, and the FakeServer lives on this
    // thread's event loop, which must keep running while the CLI talks to it.
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SATCHEL_PASSWORD"), QStringLiteral("pw"));
    process.setProcessEnvironment(env);
    process.start(CliRunner::cliPath(), args);
    CliOutcome outcome;
    if (!process.waitForStarted(10000)) {
        outcome.err = "satchel-cli did not start: " + process.errorString().toUtf8();
        return outcome;
    }
    if (!waitFor([&process] { return process.state() == QProcess::NotRunning; }, 30000)) {
        process.kill();
        process.waitForFinished();
        outcome.err = "satchel-cli did not finish in time";
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    return outcome;
}

TestImapSession::CliOutcome TestImapSession::runImapCli(const QStringList &commandAndArgs)
{
    return runCli(QStringList { QStringLiteral("--insecure-plain"), QStringLiteral("--timeout"), QStringLiteral("10"),
                      QStringLiteral("imap"), QStringLiteral("imap://bob@127.0.0.1:%1").arg(m_server->serverPort()) }
        + commandAndArgs);
}

void TestImapSession::cliFetchCutMidLiteralLeavesNoFile()
{
    // A 64-octet literal of which 30 arrive, then the server closes: a lost connection
    // (exit 3), and -o leaves nothing behind, not even a partial temporary file.
    serve({ QString::fromLatin1(kPlainLogin)
        + QStringLiteral("C: A2 EXAMINE \"INBOX\"\n"
                         "S: * 1 EXISTS\n"
                         "S: * OK [UIDVALIDITY 1] UIDs valid\n"
                         "S: A2 OK [READ-ONLY] Examine completed\n"
                         "C: A3 UID FETCH 1 (UID BODY.PEEK[])\n"
                         "S> * 1 FETCH (UID 1 BODY[] {64}\\r\\nSubject: cut short\\r\\n\\r\\nonly\n"
                         "CLOSE") });
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("message.eml"));
    const CliOutcome r = runCli({ QStringLiteral("--insecure-plain"), QStringLiteral("--timeout"), QStringLiteral("10"),
        QStringLiteral("imap"), QStringLiteral("imap://bob@127.0.0.1:%1").arg(m_server->serverPort()),
        QStringLiteral("fetch"), QStringLiteral("INBOX"), QStringLiteral("1"), QStringLiteral("-o"), file });
    QVERIFY2(r.exitCode == 3, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(!QFile::exists(file));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList {});
}

void TestImapSession::cliFetchWritesExactlyTheLiteral()
{
    const QByteArray body = "Subject: whole\r\nX-Tab:\there\r\n\r\nfirst line\r\n.\r\nlast line, no newline";
    QByteArray escaped = body;
    escaped.replace("\r", "\\r").replace("\n", "\\n");
    serve({ QString::fromLatin1(kPlainLogin)
        + QStringLiteral("C: A2 EXAMINE \"INBOX\"\n"
                         "S: * 1 EXISTS\n"
                         "S: * OK [UIDVALIDITY 1] UIDs valid\n"
                         "S: A2 OK [READ-ONLY] Examine completed\n"
                         "C: A3 UID FETCH 1 (UID BODY.PEEK[])\n"
                         "S> * 1 FETCH (UID 1 BODY[] {%1}\\r\\n%2)\\r\\n\n"
                         "S: A3 OK Fetch completed\n"
                         "C: A4 LOGOUT\n"
                         "S: * BYE Logging out\n"
                         "S: A4 OK Logout completed\n")
              .arg(body.size())
              .arg(QString::fromLatin1(escaped)) });
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("message.eml"));
    const CliOutcome r = runCli({ QStringLiteral("--insecure-plain"), QStringLiteral("--timeout"), QStringLiteral("10"),
        QStringLiteral("imap"), QStringLiteral("imap://bob@127.0.0.1:%1").arg(m_server->serverPort()),
        QStringLiteral("fetch"), QStringLiteral("INBOX"), QStringLiteral("1"), QStringLiteral("-o"), file });
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), body);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
        QStringList { QStringLiteral("message.eml") });
}

void TestImapSession::moveFallsBackToCopyDeleteExpunge()
{
    serve({ FakeServer::scriptFromFile(QStringLiteral("imap-move-fallback.txt")) });
    const CliOutcome r = runImapCli(
        { QStringLiteral("move"), QStringLiteral("INBOX"), QStringLiteral("7"), QStringLiteral("Archive") });
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QCOMPARE(m_server->received(),
        (QList<QByteArray> { "A1 AUTHENTICATE PLAIN AGJvYgBwdw==", "A2 SELECT \"INBOX\"", "A3 UID SEARCH UID 7",
            "A4 UID COPY 7 \"Archive\"", "A5 UID STORE 7 +FLAGS (\\Deleted)", "A6 UID EXPUNGE 7", "A7 LOGOUT" }));
    QVERIFY(m_server->scriptFinished());
    QVERIFY2(!r.out.contains("Deleted"), r.out.constData()); // expunged: nothing left to explain
}

void TestImapSession::moveWithoutUidplusOnlyMarksDeleted()
{
    // Without UIDPLUS there is no UID EXPUNGE, and a plain EXPUNGE would also remove
    // what others marked \Deleted: the originals stay, flagged, and the user is told.
    QString script = FakeServer::scriptFromFile(QStringLiteral("imap-move-fallback.txt"));
    script.replace(QStringLiteral("[CAPABILITY IMAP4rev1 UIDPLUS]"), QStringLiteral("[CAPABILITY IMAP4rev1]"));
    script.replace(QStringLiteral("C: A6 UID EXPUNGE 7\nS: * 7 EXPUNGE\nS: A6 OK Expunge completed\nC: A7 LOGOUT\nS: * "
                                  "BYE Logging out\nS: A7 OK"),
        QStringLiteral("C: A6 LOGOUT\nS: * BYE Logging out\nS: A6 OK"));
    QVERIFY(!script.contains(QStringLiteral("UIDPLUS]")));
    QVERIFY(script.contains(
        QStringLiteral("C: A5 UID STORE 7 +FLAGS (\\Deleted)\nS: * 7 FETCH (UID 7 FLAGS (\\Seen \\Deleted))\n"
                       "S: A5 OK Store completed\nC: A6 LOGOUT\n")));
    serve({ script });
    const CliOutcome r = runImapCli(
        { QStringLiteral("move"), QStringLiteral("INBOX"), QStringLiteral("7"), QStringLiteral("Archive") });
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QCOMPARE(m_server->received(),
        (QList<QByteArray> { "A1 AUTHENTICATE PLAIN AGJvYgBwdw==", "A2 SELECT \"INBOX\"", "A3 UID SEARCH UID 7",
            "A4 UID COPY 7 \"Archive\"", "A5 UID STORE 7 +FLAGS (\\Deleted)", "A6 LOGOUT" }));
    QVERIFY(!sentAny(*m_server, "EXPUNGE"));
    QVERIFY(m_server->scriptFinished());
    QVERIFY2(r.out.contains("originals are marked \\Deleted"), r.out.constData());
}

void TestImapSession::moveUsesMoveWhenOffered()
{
    serve({ QString::fromLatin1(kPlainLogin)
                .replace(QStringLiteral("OK [CAPABILITY IMAP4rev1] Logged in"),
                    QStringLiteral("OK [CAPABILITY IMAP4rev1 UIDPLUS MOVE] Logged in"))
        + QStringLiteral("C: A2 SELECT \"INBOX\"\n"
                         "S: * 8 EXISTS\n"
                         "S: * OK [UIDVALIDITY 1] UIDs valid\n"
                         "S: A2 OK [READ-WRITE] Select completed\n"
                         "C: A3 UID SEARCH UID 7\n"
                         "S: * SEARCH 7\n"
                         "S: A3 OK Search completed\n"
                         "C: A4 UID MOVE 7 \"Archive\"\n"
                         "S: * OK [COPYUID 1 7 12] Moved\n"
                         "S: * 7 EXPUNGE\n"
                         "S: A4 OK Move completed\n"
                         "C: A5 LOGOUT\n"
                         "S: * BYE Logging out\n"
                         "S: A5 OK Logout completed\n") });
    const CliOutcome r = runImapCli(
        { QStringLiteral("move"), QStringLiteral("INBOX"), QStringLiteral("7"), QStringLiteral("Archive") });
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(m_server->scriptFinished());
    QVERIFY(!sentAny(*m_server, "COPY"));
    QVERIFY(!sentAny(*m_server, "STORE"));
    QVERIFY(!sentAny(*m_server, "EXPUNGE"));
    QCOMPARE(m_server->received().size(), 5);
}

void TestImapSession::utf8AcceptSearchHasNoCharset()
{
    // "Gr\u00fc\u00dfe" is 7 octets in UTF-8. With UTF8=ACCEPT enabled a CHARSET must
    // not be given (RFC 6855 §3); the 8-bit text still goes as a literal, here
    // non-synchronizing (LITERAL+, RFC 7888): no "+" is awaited.
    const QString text = QStringLiteral("Gr\u00fc\u00dfe");
    serve({ QString::fromLatin1(kPlainLogin)
                .replace(QStringLiteral("OK [CAPABILITY IMAP4rev1] Logged in"),
                    QStringLiteral("OK [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT LITERAL+] Logged in"))
        + QStringLiteral("C: A2 ENABLE UTF8=ACCEPT\n"
                         "S: * ENABLED UTF8=ACCEPT\n"
                         "S: A2 OK Enabled\n"
                         "C: A3 EXAMINE \"INBOX\"\n"
                         "S: * 9 EXISTS\n"
                         "S: * OK [UIDVALIDITY 1] UIDs valid\n"
                         "S: A3 OK [READ-ONLY] Examine completed\n"
                         "C: A4 UID SEARCH SUBJECT {7+}\n"
                         "C: ")
        + text
        + QStringLiteral("\n"
                         "S: * SEARCH 9 3\n"
                         "S: A4 OK Search completed\n"
                         "C: A5 LOGOUT\n"
                         "S: * BYE Logging out\n"
                         "S: A5 OK Logout completed\n") });
    const CliOutcome r
        = runImapCli({ QStringLiteral("search"), QStringLiteral("INBOX"), QStringLiteral("SUBJECT"), text });
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(m_server->scriptFinished());
    QVERIFY(!sentAny(*m_server, "CHARSET"));
    QCOMPARE(r.out, QByteArray("3\n9\n"));
}

void TestImapSession::searchWithoutUtf8AcceptNamesTheCharset()
{
    // No UTF8=ACCEPT: "CHARSET UTF-8" (RFC 9051 §6.4.4), and without LITERAL+ the
    // literal waits for the server's "+".
    const QString text = QStringLiteral("Gr\u00fc\u00dfe");
    serve({ QString::fromLatin1(kPlainLogin)
        + QStringLiteral("C: A2 EXAMINE \"INBOX\"\n"
                         "S: * 9 EXISTS\n"
                         "S: * OK [UIDVALIDITY 1] UIDs valid\n"
                         "S: A2 OK [READ-ONLY] Examine completed\n"
                         "C: A3 UID SEARCH CHARSET UTF-8 SUBJECT {7}\n"
                         "S: + Ready for literal data\n"
                         "C: ")
        + text
        + QStringLiteral("\n"
                         "S: * SEARCH 9 3\n"
                         "S: A3 OK Search completed\n"
                         "C: A4 LOGOUT\n"
                         "S: * BYE Logging out\n"
                         "S: A4 OK Logout completed\n") });
    const CliOutcome r
        = runImapCli({ QStringLiteral("search"), QStringLiteral("INBOX"), QStringLiteral("SUBJECT"), text });
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    QVERIFY2(m_server->errors().isEmpty(), qPrintable(serverErrors(*m_server)));
    QVERIFY(m_server->scriptFinished());
    QCOMPARE(r.out, QByteArray("3\n9\n"));
}

QTEST_GUILESS_MAIN(TestImapSession)
#include "tst_imap_session.moc"
