// `satchel-cli pop3` against the real Dovecot, as a script would use it: fetched
// messages are byte-identical to the server's copies, a second run fetches nothing,
// STLS works, retr -o is atomic, --delete deletes only what was saved whole,
// --keep-days deletes only what was saved long enough ago, and every failure has its
// exit code and its words. The account is carol's: no other test touches it.
#include "protocols/pop3/Pop3Fetcher.h"
#include "tests/common/CliRunner.h"
#include "tests/common/TestServerEnv.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Satchel::Test;

class TestPop3Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statAndList();
    void fetchIsByteIdentical();
    void secondRunFetchesNothing();
    void fetchOverStls();
    void retrWritesAtomically();
    void failuresHaveExitCodesAndWords_data();
    void failuresHaveExitCodesAndWords();
    void pinTrustsTheKey();
    void keepDaysDeletesOnlyOldEnough();
    void deleteRemovesOnlyWhatWasSavedWhole();

private:
    QString url(bool implicitTls = true) const;
    QStringList cli(const QStringList &args) const;
    QSet<QByteArray> serverCopies() const;
    static QSet<QByteArray> localCopies(const QString &maildir);
    bool seed(const QList<QByteArray> &messages);

    std::optional<TestServerEnv> m_env;
    CliRunner m_cli;
    QTemporaryDir m_dir;
};

QString TestPop3Cli::url(bool implicitTls) const
{
    return QStringLiteral("%1://carol@127.0.0.1:%2")
        .arg(implicitTls ? QStringLiteral("pop3s") : QStringLiteral("pop3"),
             m_env->value(implicitTls ? QStringLiteral("DOVECOT_POP3S_PORT") : QStringLiteral("DOVECOT_POP3_PORT")));
}

QStringList TestPop3Cli::cli(const QStringList &args) const
{
    return QStringList{QStringLiteral("--ca-file"), m_env->value(QStringLiteral("DOVECOT_CA"))} + args;
}

QSet<QByteArray> TestPop3Cli::serverCopies() const
{
    QSet<QByteArray> copies;
    const QString maildir = m_env->value(QStringLiteral("DOVECOT_STATE")) + QStringLiteral("/home/carol/Maildir");
    for (const QString &sub : {QStringLiteral("/new"), QStringLiteral("/cur")}) {
        const QDir dir(maildir + sub);
        for (const QString &name : dir.entryList(QDir::Files)) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::ReadOnly)) {
                copies.insert(f.readAll());
            }
        }
    }
    return copies;
}

QSet<QByteArray> TestPop3Cli::localCopies(const QString &maildir)
{
    QSet<QByteArray> copies;
    const QDir dir(maildir + QStringLiteral("/new"));
    for (const QString &name : dir.entryList(QDir::Files)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly)) {
            copies.insert(f.readAll());
        }
    }
    return copies;
}

bool TestPop3Cli::seed(const QList<QByteArray> &messages)
{
    QString output;
    const bool ok = seedDovecot(QStringLiteral("carol"), QStringLiteral("INBOX"), messages, m_dir.path(), &output);
    if (!ok) {
        qWarning("seeding failed: %s", qPrintable(output));
    }
    return ok;
}

void TestPop3Cli::initTestCase()
{
    QString error;
    m_env = TestServerEnv::load(QStringLiteral("dovecot"), &error);
    QVERIFY2(m_env.has_value(), qPrintable(error));
    m_cli.setPassword(m_env->value(QStringLiteral("DOVECOT_PASSWORD_carol")));
    // Messages that stress the transfer: dot-stuffed lines, a 100 KB line, 8-bit text,
    // a message with no body, CRLF and LF sources.
    QList<QByteArray> messages{
        "From: a@example.org\r\nSubject: dots\r\n\r\n.\r\n..\r\n.leading dot\r\nend\r\n",
        "From: b@example.org\r\nSubject: long line\r\n\r\n" + QByteArray(100000, 'x') + "\r\n",
        "From: c@example.org\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\nContent-Type: text/plain; charset=utf-8\n\nGr\xc3\xbc\xc3\x9f"
        "e aus K\xc3\xb6ln\n",
        "From: d@example.org\r\nSubject: empty body\r\n\r\n",
    };
    for (int i = 0; i < 6; ++i) {
        messages << "From: n" + QByteArray::number(i) + "@example.org\r\nSubject: number " + QByteArray::number(i)
                + "\r\n\r\nbody " + QByteArray::number(i) + "\r\n";
    }
    QVERIFY(seed(messages));
    QCOMPARE(serverCopies().size(), 10);
}

void TestPop3Cli::statAndList()
{
    const CliResult stat = m_cli.run(cli({QStringLiteral("--json"), QStringLiteral("pop3"), url(), QStringLiteral("stat")}));
    QCOMPARE(stat.exitCode, 0);
    QCOMPARE(stat.json().object().value(QStringLiteral("count")).toInt(), 10);
    QVERIFY(stat.json().object().value(QStringLiteral("size")).toInteger() > 100000);

    const CliResult list = m_cli.run(cli({QStringLiteral("--json"), QStringLiteral("pop3"), url(), QStringLiteral("list")}));
    QCOMPARE(list.exitCode, 0);
    const QJsonArray records = list.json().array();
    QCOMPARE(records.size(), 10);
    QCOMPARE(records.at(0).toObject().value(QStringLiteral("number")).toInt(), 1);
    QVERIFY(!records.at(0).toObject().value(QStringLiteral("uidl")).toString().isEmpty());
    QVERIFY(records.at(1).toObject().value(QStringLiteral("size")).toInteger() > 100000);
}

void TestPop3Cli::fetchIsByteIdentical()
{
    const QString maildir = m_dir.filePath(QStringLiteral("Mail"));
    const CliResult r = m_cli.run(cli({QStringLiteral("--json"), QStringLiteral("pop3"), url(), QStringLiteral("fetch"),
                                       QStringLiteral("--maildir"), maildir}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().object().value(QStringLiteral("downloaded")).toInt(), 10);
    QCOMPARE(r.json().object().value(QStringLiteral("deleted")).toInt(), 0);
    // Dovecot keeps its Maildir files with LF line ends, as we write ours.
    QCOMPARE(localCopies(maildir), serverCopies());
    QVERIFY(QDir(maildir + QStringLiteral("/tmp")).entryList(QDir::Files).isEmpty());
}

void TestPop3Cli::secondRunFetchesNothing()
{
    const QString maildir = m_dir.filePath(QStringLiteral("Mail"));
    const CliResult r = m_cli.run(cli({QStringLiteral("--json"), QStringLiteral("pop3"), url(), QStringLiteral("fetch"),
                                       QStringLiteral("--maildir"), maildir}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().object().value(QStringLiteral("downloaded")).toInt(), 0);
    QCOMPARE(r.json().object().value(QStringLiteral("skipped")).toInt(), 10);
    QCOMPARE(QDir(maildir + QStringLiteral("/new")).entryList(QDir::Files).size(), 10);
}

void TestPop3Cli::fetchOverStls()
{
    const QString maildir = m_dir.filePath(QStringLiteral("Mail-stls"));
    const CliResult r = m_cli.run(cli({QStringLiteral("--json"), QStringLiteral("pop3"), url(false), QStringLiteral("fetch"),
                                       QStringLiteral("--maildir"), maildir}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().object().value(QStringLiteral("downloaded")).toInt(), 10);
    QCOMPARE(localCopies(maildir), serverCopies());
}

void TestPop3Cli::retrWritesAtomically()
{
    const QString file = m_dir.filePath(QStringLiteral("two.eml"));
    const CliResult r = m_cli.run(cli({QStringLiteral("pop3"), url(), QStringLiteral("retr"), QStringLiteral("2"),
                                       QStringLiteral("-o"), file}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray content = f.readAll();
    QVERIFY(content.contains("Subject: long line"));
    QVERIFY(serverCopies().contains(content));

    const QString missing = m_dir.filePath(QStringLiteral("missing.eml"));
    const CliResult none = m_cli.run(cli({QStringLiteral("pop3"), url(), QStringLiteral("retr"), QStringLiteral("99"),
                                          QStringLiteral("-o"), missing}));
    QCOMPARE(none.exitCode, 7);
    QVERIFY2(none.err.startsWith("satchel-cli: message 99: "), none.err.constData());
    QVERIFY2(!QFile::exists(missing), "nothing partial is left where the user asked for a file");
}

void TestPop3Cli::failuresHaveExitCodesAndWords_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("words");
    const QString ca = m_env->value(QStringLiteral("DOVECOT_CA"));
    const QString good = m_env->value(QStringLiteral("DOVECOT_PASSWORD_carol"));
    QTest::newRow("wrong password") << QStringList{QStringLiteral("--ca-file"), ca, QStringLiteral("pop3"), url(), QStringLiteral("stat")}
                                    << QStringLiteral("wrong") << 5 << QStringLiteral("refused the login of carol");
    QTest::newRow("untrusted certificate")
        << QStringList{QStringLiteral("pop3"), url(), QStringLiteral("stat")} << good << 4
        << QStringLiteral("TLS: certificate for 127.0.0.1 is not trusted");
    QTest::newRow("nothing listening")
        << QStringList{QStringLiteral("pop3"), QStringLiteral("pop3s://carol@127.0.0.1:1"), QStringLiteral("stat")} << good << 3
        << QStringLiteral("127.0.0.1:1 refused the connection");
    QTest::newRow("bad URL") << QStringList{QStringLiteral("pop3"), QStringLiteral("imaps://carol@x"), QStringLiteral("stat")} << good << 2
                             << QStringLiteral("is a imap URL, not pop3");
    QTest::newRow("password on the command line")
        << QStringList{QStringLiteral("--password"), QStringLiteral("x"), QStringLiteral("pop3"), url(), QStringLiteral("stat")} << good << 2
        << QStringLiteral("never taken from the command line");
}

void TestPop3Cli::failuresHaveExitCodesAndWords()
{
    QFETCH(QStringList, args);
    QFETCH(QString, password);
    QFETCH(int, exitCode);
    QFETCH(QString, words);
    CliRunner runner;
    runner.setPassword(password);
    const CliResult r = runner.run(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(words), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QVERIFY2(!r.err.contains(password.toUtf8()) || password == QLatin1String("x"), "no password in messages");
}

void TestPop3Cli::pinTrustsTheKey()
{
    // Without the CA the error names the pin; with that pin the same server is trusted.
    const CliResult refused = m_cli.run({QStringLiteral("--json"), QStringLiteral("pop3"), url(), QStringLiteral("stat")});
    QCOMPARE(refused.exitCode, 4);
    const QJsonObject error = QJsonDocument::fromJson(refused.err).object();
    QCOMPARE(error.value(QStringLiteral("code")).toInt(), 4);
    const auto match = QRegularExpression(QStringLiteral("--pin (sha256/\\S{44})")).match(error.value(QStringLiteral("error")).toString());
    QVERIFY2(match.hasMatch(), refused.err.constData());
    const CliResult pinned = m_cli.run({QStringLiteral("--pin"), match.captured(1), QStringLiteral("pop3"), url(), QStringLiteral("stat")});
    QVERIFY2(pinned.exitCode == 0, pinned.err.constData());
    QVERIFY(pinned.out.startsWith("10 messages"));
}

void TestPop3Cli::keepDaysDeletesOnlyOldEnough()
{
    const QString maildir = m_dir.filePath(QStringLiteral("Mail"));
    const QStringList fetchKeep1 = cli({QStringLiteral("--json"), QStringLiteral("pop3"), url(), QStringLiteral("fetch"),
                                        QStringLiteral("--maildir"), maildir, QStringLiteral("--keep-days"), QStringLiteral("1")});
    CliResult r = m_cli.run(fetchKeep1);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().object().value(QStringLiteral("deleted")).toInt(), 0); // saved today: kept

    {   // Two days pass (for the ledger).
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("age"));
        db.setDatabaseName(Satchel::Pop3::Pop3Fetcher::ledgerPath(maildir));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE pop3_ledger SET saved_at = saved_at - 2 * 86400")));
        QCOMPARE(q.numRowsAffected(), 10);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("age"));
    r = m_cli.run(fetchKeep1);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().object().value(QStringLiteral("deleted")).toInt(), 10);
    QCOMPARE(r.json().object().value(QStringLiteral("downloaded")).toInt(), 0);
    QVERIFY(serverCopies().isEmpty());
    QCOMPARE(localCopies(maildir).size(), 10); // and every one of them is still here
}

void TestPop3Cli::deleteRemovesOnlyWhatWasSavedWhole()
{
    QVERIFY(seed({"Subject: small\r\n\r\nsmall\r\n", "Subject: big\r\n\r\n" + QByteArray(5000, 'b') + "\r\n"}));
    const QString maildir = m_dir.filePath(QStringLiteral("Mail-limit"));
    const CliResult r = m_cli.run(cli({QStringLiteral("--json"), QStringLiteral("pop3"), url(), QStringLiteral("fetch"),
                                       QStringLiteral("--maildir"), maildir, QStringLiteral("--max-size"), QStringLiteral("1000"),
                                       QStringLiteral("--delete")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject summary = r.json().object();
    QCOMPARE(summary.value(QStringLiteral("downloaded")).toInt(), 2);
    QCOMPARE(summary.value(QStringLiteral("partial")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("deleted")).toInt(), 1);
    const QSet<QByteArray> left = serverCopies();
    QCOMPARE(left.size(), 1);
    QVERIFY(left.values().constFirst().startsWith("Subject: big"));
}

QTEST_GUILESS_MAIN(TestPop3Cli)
#include "tst_pop3_cli.moc"
