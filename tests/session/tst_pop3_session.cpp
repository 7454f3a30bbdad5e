// POP3 against scripted servers: the login sequence and its TLS rules (STLS required,
// CAPA asked again after TLS, -ERR to STLS fails once with no credentials sent,
// injected bytes after +OK), opt-in APOP, PIPELINING, and the delivery promise —
// a body cut short is not a message, a drop between save and DELE loses nothing and
// a re-run deletes without downloading again, hostile UIDLs never name a file.
#include "protocols/pop3/Pop3Fetcher.h"
#include "protocols/pop3/Pop3Session.h"
#include "tests/common/FakeServer.h"
#include "tests/common/TestPki.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Satchel;
using namespace Satchel::Pop3;
using namespace Satchel::Test;

namespace {

const char *kLoginPlain = "S: +OK ready\n"
                          "C: CAPA\n"
                          "S: +OK\n"
                          "S: SASL PLAIN\n"
                          "S: UIDL\n"
                          "S: .\n"
                          "C: AUTH PLAIN AGJvYgBwdw==\n" // \0bob\0pw
                          "S: +OK logged in\n";

struct Outcome {
    bool loggedIn = false;
    bool finished = false;
    std::optional<OperationError> error;
    FetchSummary summary;
};

} // namespace

class TestPop3Session : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stlsThenCapabilitiesAgain();
    void stlsRefused_data();
    void stlsRefused();
    void apopOnlyWhenOptedIn_data();
    void apopOnlyWhenOptedIn();
    void wrongPasswordIsAnAuthenticationError();
    void missingTerminatorDeliversAndDeletesNothing();
    void dropBetweenSaveAndDeleteLosesNothing();
    void hostileUidlsNeverNameFiles();
    void duplicateUidlIsAProtocolError();
    void pipelinesRetrWhenOffered();
    void recoversPendingDeliveryAfterCrash();
    void headersOnlyAboveSizeLimit();
    void refusedMessageStaysAndIsReportedAfterQuit();
    void quitWaitsForEveryDeletion();
    void fullCopyReplacesHeadersOnlyAfterCrash();

private:
    Outcome login(const QString &script, Net::TlsPolicy policy, Pop3Credentials credentials, FakeServer **serverOut = nullptr);
    Outcome fetch(FakeServer &server, const QString &maildir, FetchPolicy policy);
    static QStringList files(const QString &dir) { return QDir(dir).entryList(QDir::Files); }

    TestPki m_pki;
    std::unique_ptr<FakeServer> m_server;
};

Outcome TestPop3Session::login(const QString &script, Net::TlsPolicy policy, Pop3Credentials credentials,
                               FakeServer **serverOut)
{
    m_server = std::make_unique<FakeServer>(script);
    m_server->setCertificate(m_pki.issue({QStringLiteral("127.0.0.1")}));
    Pop3Session::Options options;
    options.connection.host = QStringLiteral("127.0.0.1");
    options.connection.port = m_server->start();
    options.connection.policy = policy;
    options.connection.trust = std::make_shared<Net::TrustStore>();
    options.connection.trust->addCaCertificates({m_pki.ca().certificate});
    options.credentials = std::move(credentials);
    Pop3Session session(options);
    Outcome outcome;
    connect(&session, &Pop3Session::loggedIn, this, [&] { outcome.loggedIn = true; });
    connect(&session, &Pop3Session::failed, this, [&](const OperationError &e) { outcome.error = e; });
    session.open();
    if (!QTest::qWaitFor([&] { return outcome.loggedIn || outcome.error; }, 10000)) {
        qWarning("timed out");
    }
    if (serverOut) {
        *serverOut = m_server.get();
    }
    return outcome;
}

Outcome TestPop3Session::fetch(FakeServer &server, const QString &maildir, FetchPolicy policy)
{
    Pop3Session::Options options;
    options.connection.host = QStringLiteral("127.0.0.1");
    options.connection.port = server.serverPort();
    options.connection.policy = Net::TlsPolicy::Plain; // these transcripts are about delivery, not TLS
    options.credentials = {QStringLiteral("bob"), QStringLiteral("pw"), false};
    Pop3Session session(options);
    Pop3Fetcher fetcher(&session, maildir, QStringLiteral("bob@test"), policy);
    Outcome outcome;
    connect(&session, &Pop3Session::loggedIn, this, [&] {
        outcome.loggedIn = true;
        fetcher.start();
    });
    connect(&fetcher, &Pop3Fetcher::failed, this, [&](const OperationError &e) { outcome.error = e; });
    connect(&fetcher, &Pop3Fetcher::finished, this, [&](const FetchSummary &s) {
        outcome.finished = true;
        outcome.summary = s;
    });
    connect(&session, &Pop3Session::failed, this, [&](const OperationError &e) {
        if (!outcome.loggedIn) {
            outcome.error = e;
        }
    });
    session.open();
    if (!QTest::qWaitFor([&] { return outcome.finished || outcome.error; }, 10000)) {
        qWarning("timed out");
    }
    return outcome;
}

void TestPop3Session::stlsThenCapabilitiesAgain()
{
    const QString script = FakeServer::scriptFromFile(QStringLiteral("pop3-stls-login.txt"));
    FakeServer *server = nullptr;
    const Outcome outcome = login(script, Net::TlsPolicy::StartTlsRequired, {QStringLiteral("bob"), QStringLiteral("pw")}, &server);
    QVERIFY2(outcome.loggedIn, outcome.error ? qPrintable(outcome.error->message) : "timeout");
    QVERIFY2(server->errors().isEmpty(), qPrintable(server->errors().join(QLatin1Char('\n'))));
}

void TestPop3Session::stlsRefused_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<OperationError::Kind>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QList<QByteArray>>("sent");

    QTest::newRow("-ERR to STLS") << QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: STLS\nS: .\nC: STLS\nS: -ERR not now\nSTALL")
                                  << OperationError::Kind::Tls << QStringLiteral("the server refused STLS (not now)")
                                  << QList<QByteArray>{"CAPA", "STLS"};
    QTest::newRow("STLS not offered") << QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: USER\nS: .\nSTALL")
                                      << OperationError::Kind::Tls << QStringLiteral("does not offer STLS")
                                      << QList<QByteArray>{"CAPA"};
    QTest::newRow("bytes injected after +OK")
        << QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: STLS\nS: .\nC: STLS\nS: +OK begin\nS: +OK logged in as root\nSTALL")
        << OperationError::Kind::Protocol << QStringLiteral("STARTTLS injection") << QList<QByteArray>{"CAPA", "STLS"};
}

void TestPop3Session::stlsRefused()
{
    QFETCH(QString, script);
    QFETCH(OperationError::Kind, kind);
    QFETCH(QString, message);
    QFETCH(QList<QByteArray>, sent);
    FakeServer *server = nullptr;
    const Outcome outcome = login(script, Net::TlsPolicy::StartTlsRequired, {QStringLiteral("bob"), QStringLiteral("pw")}, &server);
    QVERIFY(!outcome.loggedIn);
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->kind, kind);
    QVERIFY2(outcome.error->message.contains(message), qPrintable(outcome.error->message));
    QTRY_VERIFY_WITH_TIMEOUT(server->clientGone(), 5000);
    QCOMPARE(server->received(), sent); // once, and no credentials
}

void TestPop3Session::apopOnlyWhenOptedIn_data()
{
    QTest::addColumn<bool>("optIn");
    QTest::addColumn<QString>("expected");
    // MD5 of "<1896.697170952@dbc.mtview.ca.us>tanstaafl" (RFC 1939 §7's example
    // timestamp and secret), computed independently with Python's hashlib.
    QTest::newRow("opted in") << true << QStringLiteral("C: APOP mrose a6f0dd348916c9ee9539661f94c75203\nS: +OK maildrop has 1 message\n");
    QTest::newRow("not opted in") << false << QStringLiteral("C: USER mrose\nS: +OK\nC: PASS tanstaafl\nS: +OK\n");
}

void TestPop3Session::apopOnlyWhenOptedIn()
{
    QFETCH(bool, optIn);
    QFETCH(QString, expected);
    const QString script = QStringLiteral("S: +OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\n"
                                          "C: CAPA\nS: -ERR what is CAPA\n")
        + expected + QStringLiteral("STALL");
    FakeServer *server = nullptr;
    const Outcome outcome = login(script, Net::TlsPolicy::Plain, {QStringLiteral("mrose"), QStringLiteral("tanstaafl"), optIn}, &server);
    QVERIFY2(outcome.loggedIn, outcome.error ? qPrintable(outcome.error->message) : "timeout");
    QVERIFY2(server->errors().isEmpty(), qPrintable(server->errors().join(QLatin1Char('\n'))));
}

void TestPop3Session::wrongPasswordIsAnAuthenticationError()
{
    const QString script = QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: SASL PLAIN\nS: .\n"
                                          "C: AUTH PLAIN AGJvYgBwdw==\nS: -ERR [AUTH] Authentication failed.\nSTALL");
    const Outcome outcome = login(script, Net::TlsPolicy::Plain, {QStringLiteral("bob"), QStringLiteral("pw")});
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->kind, OperationError::Kind::Authentication);
    QCOMPARE(outcome.error->message, QStringLiteral("the server refused the login of bob: Authentication failed."));
}

void TestPop3Session::missingTerminatorDeliversAndDeletesNothing()
{
    FakeServer server(QString::fromLatin1(kLoginPlain)
                      + QStringLiteral("C: UIDL\nS: +OK\nS: 1 uid-1\nS: .\n"
                                       "C: LIST\nS: +OK\nS: 1 100\nS: .\n"
                                       "C: RETR 1\nS: +OK\nS: Subject: cut\nS: \nS: a body that never ends\nCLOSE"));
    server.start();
    QTemporaryDir dir;
    const QString maildir = dir.filePath(QStringLiteral("Mail"));
    FetchPolicy policy;
    policy.deleteAfterDownload = true;
    const Outcome outcome = fetch(server, maildir, policy);
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->kind, OperationError::Kind::Network);
    QVERIFY(files(maildir + QStringLiteral("/new")).isEmpty());
    QVERIFY(files(maildir + QStringLiteral("/tmp")).isEmpty());
    for (const QByteArray &line : server.received()) {
        QVERIFY2(!line.startsWith("DELE") && !line.startsWith("QUIT"), line.constData());
    }
}

void TestPop3Session::dropBetweenSaveAndDeleteLosesNothing()
{
    QTemporaryDir dir;
    const QString maildir = dir.filePath(QStringLiteral("Mail"));
    FetchPolicy policy;
    policy.deleteAfterDownload = true;
    {
        FakeServer server(QString::fromLatin1(kLoginPlain)
                          + QStringLiteral("C: UIDL\nS: +OK\nS: 1 uid-1\nS: .\n"
                                           "C: LIST\nS: +OK\nS: 1 30\nS: .\n"
                                           "C: RETR 1\nS: +OK\nS: Subject: keep me\nS: \nS: ..body\nS: .\n"
                                           "C: DELE 1\nCLOSE"));
        server.start();
        const Outcome outcome = fetch(server, maildir, policy);
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->kind, OperationError::Kind::Network);
        QVERIFY(!server.received().contains("QUIT")); // the DELE was never committed
    }
    const QStringList saved = files(maildir + QStringLiteral("/new"));
    QCOMPARE(saved.size(), 1);
    QFile message(maildir + QStringLiteral("/new/") + saved.constFirst());
    QVERIFY(message.open(QIODevice::ReadOnly));
    QCOMPARE(message.readAll(), QByteArray("Subject: keep me\n\n.body\n"));

    // The re-run: the message is still on the server; it is deleted, not downloaded again.
    FakeServer again(QString::fromLatin1(kLoginPlain)
                     + QStringLiteral("C: UIDL\nS: +OK\nS: 1 uid-1\nS: .\n"
                                      "C: LIST\nS: +OK\nS: 1 30\nS: .\n"
                                      "C: DELE 1\nS: +OK deleted\n"
                                      "C: QUIT\nS: +OK bye\n"));
    again.start();
    const Outcome outcome = fetch(again, maildir, policy);
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message) : "timeout");
    QVERIFY2(again.errors().isEmpty(), qPrintable(again.errors().join(QLatin1Char('\n'))));
    QCOMPARE(outcome.summary.downloaded, 0);
    QCOMPARE(outcome.summary.skipped, 1);
    QCOMPARE(outcome.summary.deleted, 1);
    QCOMPARE(files(maildir + QStringLiteral("/new")), saved);
}

void TestPop3Session::hostileUidlsNeverNameFiles()
{
    FakeServer server(QString::fromLatin1(kLoginPlain)
                      + QStringLiteral("C: UIDL\nS: +OK\nS: 1 ../../evil\nS: 2 a/b\nS: 3 ..\nS: .\n"
                                       "C: LIST\nS: +OK\nS: 1 5\nS: 2 5\nS: 3 5\nS: .\n"
                                       "C: RETR 1\nS: +OK\nS: one\nS: .\n"
                                       "C: RETR 2\nS: +OK\nS: two\nS: .\n"
                                       "C: RETR 3\nS: +OK\nS: three\nS: .\n"
                                       "C: QUIT\nS: +OK\n"));
    server.start();
    QTemporaryDir dir;
    const QString maildir = dir.filePath(QStringLiteral("inner/Mail"));
    const Outcome outcome = fetch(server, maildir, FetchPolicy());
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message) : "timeout");
    QCOMPARE(outcome.summary.downloaded, 3);
    QCOMPARE(files(maildir + QStringLiteral("/new")).size(), 3);
    // Nothing outside the Maildir: the parent holds only it, the grandparent only the parent.
    QCOMPARE(QDir(dir.filePath(QStringLiteral("inner"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("Mail")});
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{QStringLiteral("inner")});
    for (const QString &name : files(maildir + QStringLiteral("/new"))) {
        QVERIFY2(!name.contains(QStringLiteral("evil")) && !name.contains(QStringLiteral("..")), qPrintable(name));
    }
    Store::UidlLedger ledger;
    QString error;
    QVERIFY(ledger.open(Pop3Fetcher::ledgerPath(maildir), &error));
    const auto entries = ledger.entries(QStringLiteral("bob@test"), &error);
    QCOMPARE(QSet<QByteArray>(entries.keyBegin(), entries.keyEnd()), (QSet<QByteArray>{"../../evil", "a/b", ".."}));
}

void TestPop3Session::duplicateUidlIsAProtocolError()
{
    FakeServer server(QString::fromLatin1(kLoginPlain) + QStringLiteral("C: UIDL\nS: +OK\nS: 1 same\nS: 2 same\nS: .\nSTALL"));
    server.start();
    QTemporaryDir dir;
    const Outcome outcome = fetch(server, dir.path(), FetchPolicy());
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->kind, OperationError::Kind::Protocol);
    QCOMPARE(outcome.error->message, QStringLiteral("the server gave two messages the same UIDL 'same'"));
    QVERIFY(files(dir.path() + QStringLiteral("/new")).isEmpty());
}

void TestPop3Session::pipelinesRetrWhenOffered()
{
    // The server reads all three RETRs before it answers any: without pipelining the
    // client would wait for the first answer and the test would time out.
    FakeServer server(QStringLiteral("S: +OK ready\nC: CAPA\nS: +OK\nS: SASL PLAIN\nS: PIPELINING\nS: .\n"
                                     "C: AUTH PLAIN AGJvYgBwdw==\nS: +OK\n"
                                     "C: UIDL\nS: +OK\nS: 1 u1\nS: 2 u2\nS: 3 u3\nS: .\n"
                                     "C: LIST\nS: +OK\nS: 1 3\nS: 2 3\nS: 3 3\nS: .\n"
                                     "C: RETR 1\nC: RETR 2\nC: RETR 3\n"
                                     "S: +OK\nS: m1\nS: .\nS: +OK\nS: m2\nS: .\nS: +OK\nS: m3\nS: .\n"
                                     "C: QUIT\nS: +OK\n"));
    server.start();
    QTemporaryDir dir;
    const Outcome outcome = fetch(server, dir.path(), FetchPolicy());
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message) : "timeout");
    QCOMPARE(outcome.summary.downloaded, 3);
    QStringList bodies;
    for (const QString &name : files(dir.path() + QStringLiteral("/new"))) {
        QFile f(dir.path() + QStringLiteral("/new/") + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        bodies << QString::fromLatin1(f.readAll());
    }
    bodies.sort();
    QCOMPARE(bodies, (QStringList{QStringLiteral("m1\n"), QStringLiteral("m2\n"), QStringLiteral("m3\n")}));
}

void TestPop3Session::recoversPendingDeliveryAfterCrash()
{
    // A crash after the rename into new/ and before the ledger said "saved": the file
    // decides, so the message is neither lost nor downloaded twice.
    QTemporaryDir dir;
    Store::MaildirWriter writer(dir.path());
    QString error;
    QVERIFY(writer.ensureExists(&error));
    auto delivery = writer.begin(&error);
    QVERIFY(delivery->write("Subject: before the crash\n", &error) && delivery->finishWriting(&error)
            && delivery->moveToNew(&error));
    {
        Store::UidlLedger ledger;
        QVERIFY(ledger.open(Pop3Fetcher::ledgerPath(dir.path()), &error));
        QVERIFY(ledger.record(QStringLiteral("bob@test"),
                              {{"u1", {Store::UidlLedger::State::Pending, delivery->uniqueName(), 26, false, 1}},
                               {"u2", {Store::UidlLedger::State::Pending, QStringLiteral("never-renamed"), 5, false, 1}}},
                              &error));
    }
    FakeServer server(QString::fromLatin1(kLoginPlain)
                      + QStringLiteral("C: UIDL\nS: +OK\nS: 1 u1\nS: 2 u2\nS: .\n"
                                       "C: LIST\nS: +OK\nS: 1 26\nS: 2 5\nS: .\n"
                                       "C: RETR 2\nS: +OK\nS: two\nS: .\n"
                                       "C: QUIT\nS: +OK\n"));
    server.start();
    const Outcome outcome = fetch(server, dir.path(), FetchPolicy());
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message) : "timeout");
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
    QCOMPARE(outcome.summary.downloaded, 1);
    QCOMPARE(outcome.summary.skipped, 1);
    QCOMPARE(files(dir.path() + QStringLiteral("/new")).size(), 2);
}

void TestPop3Session::headersOnlyAboveSizeLimit()
{
    FakeServer server(QString::fromLatin1(kLoginPlain)
                      + QStringLiteral("C: UIDL\nS: +OK\nS: 1 small\nS: 2 big\nS: .\n"
                                       "C: LIST\nS: +OK\nS: 1 10\nS: 2 5000000\nS: .\n"
                                       "C: RETR 1\nS: +OK\nS: small\nS: .\n"
                                       "C: TOP 2 0\nS: +OK\nS: Subject: big\nS: \nS: .\n"
                                       "C: DELE 1\nS: +OK\n"
                                       "C: QUIT\nS: +OK\n"));
    server.start();
    QTemporaryDir dir;
    FetchPolicy policy;
    policy.maxFullSize = 1000;
    policy.deleteAfterDownload = true; // deletes only what was saved whole
    const Outcome outcome = fetch(server, dir.path(), policy);
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message) : "timeout");
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
    QCOMPARE(outcome.summary.downloaded, 2);
    QCOMPARE(outcome.summary.partial, 1);
    QCOMPARE(outcome.summary.deleted, 1);
    bool sawPartial = false;
    for (const QString &name : files(dir.path() + QStringLiteral("/new"))) {
        QFile f(dir.path() + QStringLiteral("/new/") + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        if (content.contains("Subject: big")) {
            sawPartial = true;
            QCOMPARE(content, QByteArray("X-Satchel-Partial: headers only; the whole message is 5000000 bytes\n"
                                         "Subject: big\n\n"));
        }
    }
    QVERIFY(sawPartial);
}

void TestPop3Session::refusedMessageStaysAndIsReportedAfterQuit()
{
    FakeServer server(QString::fromLatin1(kLoginPlain)
                      + QStringLiteral("C: UIDL\nS: +OK\nS: 1 u1\nS: 2 u2\nS: .\n"
                                       "C: LIST\nS: +OK\nS: 1 5\nS: 2 5\nS: .\n"
                                       "C: RETR 1\nS: -ERR message is corrupt on the server\n"
                                       "C: RETR 2\nS: +OK\nS: two\nS: .\n"
                                       "C: DELE 2\nS: +OK\n"
                                       "C: QUIT\nS: +OK\n"));
    server.start();
    QTemporaryDir dir;
    FetchPolicy policy;
    policy.deleteAfterDownload = true;
    const Outcome outcome = fetch(server, dir.path(), policy);
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->kind, OperationError::Kind::Refused);
    QCOMPARE(outcome.error->message, QStringLiteral("the server refused to send message 1: message is corrupt on the server"));
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
    QCOMPARE(files(dir.path() + QStringLiteral("/new")).size(), 1);
}

void TestPop3Session::quitWaitsForEveryDeletion()
{
    // Message 2 was saved on an earlier run; message 1 is new. Without PIPELINING each
    // command waits for the previous answer, and QUIT comes only after both DELEs.
    QTemporaryDir dir;
    {
        Store::MaildirWriter writer(dir.path());
        QString error;
        QVERIFY(writer.ensureExists(&error));
        Store::UidlLedger ledger;
        QVERIFY(ledger.open(Pop3Fetcher::ledgerPath(dir.path()), &error));
        QVERIFY(ledger.record(QStringLiteral("bob@test"),
                              {{"u2", {Store::UidlLedger::State::Saved, QStringLiteral("earlier"), 3, false, 1}}}, &error));
    }
    FakeServer server(QString::fromLatin1(kLoginPlain)
                      + QStringLiteral("C: UIDL\nS: +OK\nS: 1 u1\nS: 2 u2\nS: .\n"
                                       "C: LIST\nS: +OK\nS: 1 3\nS: 2 3\nS: .\n"
                                       "C: RETR 1\nS: +OK\nS: one\nS: .\n"
                                       "C: DELE 2\nS: +OK\n"
                                       "C: DELE 1\nS: +OK\n"
                                       "C: QUIT\nS: +OK\n"));
    server.start();
    FetchPolicy policy;
    policy.deleteAfterDownload = true;
    const Outcome outcome = fetch(server, dir.path(), policy);
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message) : "timeout");
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
    QCOMPARE(outcome.summary.deleted, 2);
    QCOMPARE(server.received().count("QUIT"), 1);
}

void TestPop3Session::fullCopyReplacesHeadersOnlyAfterCrash()
{
    // An earlier run saved only the headers; the run that fetched the whole message
    // stopped after "pending" and before the rename. Now: download again, then the
    // headers-only copy goes — one copy of the message in the end.
    QTemporaryDir dir;
    Store::MaildirWriter writer(dir.path());
    QString error;
    QVERIFY(writer.ensureExists(&error));
    auto partial = writer.begin(&error);
    QVERIFY(partial->write("X-Satchel-Partial: headers only\nSubject: big\n\n", &error) && partial->finishWriting(&error)
            && partial->moveToNew(&error));
    {
        Store::UidlLedger ledger;
        QVERIFY(ledger.open(Pop3Fetcher::ledgerPath(dir.path()), &error));
        QVERIFY(ledger.record(QStringLiteral("bob@test"),
                              {{"u1", {Store::UidlLedger::State::Pending, QStringLiteral("never-renamed"), 0, false, 1,
                                       partial->uniqueName()}}},
                              &error));
    }
    FakeServer server(QString::fromLatin1(kLoginPlain)
                      + QStringLiteral("C: UIDL\nS: +OK\nS: 1 u1\nS: .\n"
                                       "C: LIST\nS: +OK\nS: 1 30\nS: .\n"
                                       "C: RETR 1\nS: +OK\nS: Subject: big\nS: \nS: the whole body\nS: .\n"
                                       "C: QUIT\nS: +OK\n"));
    server.start();
    const Outcome outcome = fetch(server, dir.path(), FetchPolicy());
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message) : "timeout");
    QVERIFY2(server.errors().isEmpty(), qPrintable(server.errors().join(QLatin1Char('\n'))));
    const QStringList left = files(dir.path() + QStringLiteral("/new"));
    QCOMPARE(left.size(), 1);
    QFile f(dir.path() + QStringLiteral("/new/") + left.constFirst());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("Subject: big\n\nthe whole body\n"));
}

QTEST_GUILESS_MAIN(TestPop3Session)
#include "tst_pop3_session.moc"
