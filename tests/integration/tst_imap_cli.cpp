// `satchel-cli imap` against the real Dovecot, as a script would use it: every command of
// CLI.md, checked by what it did on the server (and in the offline cache), not only by its
// exit code. All tests share one Dovecot, so each area has its own account or its own
// folders: alice has the folder tests, dave the message tests (one folder each), bob
// the cache sync, erin IDLE, TLS, the log and the failures. carol belongs to tst_pop3_cli.
#include "tests/common/CliRunner.h"
#include "tests/common/TestData.h"
#include "tests/common/TestServerEnv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Satchel::Test;

namespace {

enum class Out { Json, Text };
enum class Tls { Implicit, StartTls };

QString sourceData(const QString &relative)
{
    return qEnvironmentVariable("SATCHEL_SOURCE_DIR") + QStringLiteral("/tests/data/") + relative;
}

QString demoMail(const char *name)
{
    return sourceData(QStringLiteral("demo/mail/") + QLatin1String(name));
}

QString mimeMail(const char *name)
{
    return sourceData(QStringLiteral("mime/") + QLatin1String(name));
}

// IMAP date for SINCE: 27-Nov-2026, English month names whatever the locale.
QString imapDate(const QDate &date)
{
    return QLocale::c().toString(date, QStringLiteral("d-MMM-yyyy"));
}

QSet<qint64> uidSet(const QJsonArray &records)
{
    QSet<qint64> uids;
    for (const QJsonValue &v : records) {
        uids.insert(v.toObject().value(QStringLiteral("uid")).toInteger());
    }
    return uids;
}

QList<qint64> uidList(const QJsonDocument &searchResult)
{
    QList<qint64> uids;
    for (const QJsonValue &v : searchResult.object().value(QStringLiteral("uids")).toArray()) {
        uids.append(v.toInteger());
    }
    std::sort(uids.begin(), uids.end());
    return uids;
}

QJsonObject byUid(const QJsonArray &records, qint64 uid)
{
    for (const QJsonValue &v : records) {
        if (v.toObject().value(QStringLiteral("uid")).toInteger() == uid) {
            return v.toObject();
        }
    }
    return {};
}

// The flags of a list record, without \Recent (a per-session flag, RFC 9051 dropped it).
QSet<QString> flagsOf(const QJsonObject &record)
{
    QSet<QString> flags;
    for (const QJsonValue &v : record.value(QStringLiteral("flags")).toArray()) {
        if (v.toString() != QLatin1String("\\Recent")) {
            flags.insert(v.toString());
        }
    }
    return flags;
}

QSet<QString> flagSet(const QString &spaceSeparated)
{
    QSet<QString> flags;
    for (const QString &f : spaceSeparated.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (f != QLatin1String("\\Recent")) {
            flags.insert(f);
        }
    }
    return flags;
}

QJsonObject folderNamed(const QJsonArray &folders, const QString &name)
{
    return recordWhere(folders, QStringLiteral("name"), name);
}

QStringList folderNames(const QJsonArray &folders)
{
    return stringsOf(folders, QStringLiteral("name"));
}

} // namespace

// Fails the test with the CLI's own words when it did not exit 0.
#define CLI_OK(result)                                                                                                 \
    QVERIFY2((result).exitCode == 0,                                                                                   \
        qPrintable(QStringLiteral("exit %1: %2").arg((result).exitCode).arg(QString::fromUtf8((result).err))))

class TestImapCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void foldersHaveAttributesAndRoles();
    void folderLifecycle();
    void nonAsciiFolderRoundTrips();
    void statusCounts();
    void listShowsDecodedSummaries();
    void searchCriteria();
    void fetchReturnsRawBytes();
    void flagsShowInListAndSearch();
    void appendWithFlags();
    void copyAndMove();
    void deleteMessagesAndExpunge();
    void syncFollowsAnotherClient();
    void idleReportsNewMail();
    void idleReportsChangesAndVanished();
    void bothTlsModesWork();
    void failuresHaveExitCodes_data();
    void failuresHaveExitCodes();
    void logNeverHoldsThePassword();

private:
    QString password(const QString &user) const { return m_env->value(QStringLiteral("DOVECOT_PASSWORD_") + user); }
    QString url(const QString &user, Tls tls = Tls::Implicit) const;
    CliResult imap(const QString &user, const QStringList &command, Out out = Out::Json, Tls tls = Tls::Implicit) const;
    QJsonArray listOf(const QString &user, const QString &folder, const QStringList &options = {}) const;
    QJsonObject statusOf(const QString &user, const QString &folder) const;
    QJsonArray foldersOf(const QString &user) const;
    qint64 append(const QString &user, const QString &folder, const QString &file, const QString &flags = {}) const;
    bool mkfolder(const QString &user, const QString &folder) const;
    bool seed(const QString &user, const QString &folder, const QStringList &files) const;
    QString writeMessage(const QString &name, const QByteArray &bytes);
    QString maildir(const QString &user) const;

    std::optional<TestServerEnv> m_env;
    QTemporaryDir m_dir;
};

QString TestImapCli::url(const QString &user, Tls tls) const
{
    return QStringLiteral("%1://%2@127.0.0.1:%3")
        .arg(tls == Tls::Implicit ? QStringLiteral("imaps") : QStringLiteral("imap"), user,
            m_env->value(
                tls == Tls::Implicit ? QStringLiteral("DOVECOT_IMAPS_PORT") : QStringLiteral("DOVECOT_IMAP_PORT")));
}

CliResult TestImapCli::imap(const QString &user, const QStringList &command, Out out, Tls tls) const
{
    CliRunner runner;
    runner.setPassword(password(user));
    QStringList args { QStringLiteral("--ca-file"), m_env->value(QStringLiteral("DOVECOT_CA")) };
    if (out == Out::Json) {
        args << QStringLiteral("--json");
    }
    args << QStringLiteral("imap") << url(user, tls) << command;
    return runner.run(args);
}

QJsonArray TestImapCli::listOf(const QString &user, const QString &folder, const QStringList &options) const
{
    const CliResult r = imap(user, QStringList { QStringLiteral("list"), folder } + options);
    if (r.exitCode != 0 || !r.json().isArray()) {
        qWarning("list %s failed (%d): %s %s", qPrintable(folder), r.exitCode, r.err.constData(), r.out.constData());
        return {};
    }
    return r.json().array();
}

QJsonObject TestImapCli::statusOf(const QString &user, const QString &folder) const
{
    const CliResult r = imap(user, { QStringLiteral("status"), folder });
    if (r.exitCode != 0 || !r.json().isObject()) {
        qWarning("status %s failed (%d): %s", qPrintable(folder), r.exitCode, r.err.constData());
        return {};
    }
    return r.json().object();
}

QJsonArray TestImapCli::foldersOf(const QString &user) const
{
    const CliResult r = imap(user, { QStringLiteral("folders") });
    if (r.exitCode != 0 || !r.json().isArray()) {
        qWarning("folders failed (%d): %s", r.exitCode, r.err.constData());
        return {};
    }
    return r.json().array();
}

// The UID the CLI printed for the appended message; 0 on failure.
qint64 TestImapCli::append(const QString &user, const QString &folder, const QString &file, const QString &flags) const
{
    QStringList command { QStringLiteral("append"), folder, file };
    if (!flags.isEmpty()) {
        command << QStringLiteral("--flags") << flags;
    }
    const CliResult r = imap(user, command);
    if (r.exitCode != 0) {
        qWarning(
            "append %s to %s failed (%d): %s", qPrintable(file), qPrintable(folder), r.exitCode, r.err.constData());
        return 0;
    }
    return r.json().object().value(QStringLiteral("uid")).toInteger();
}

bool TestImapCli::mkfolder(const QString &user, const QString &folder) const
{
    QString output;
    const bool ok = runServerScript(QStringLiteral("dovecot.sh"),
        { QStringLiteral("mkfolder"), qEnvironmentVariable("SATCHEL_TEST_SERVERS") + QStringLiteral("/dovecot"), user,
            folder },
        &output);
    if (!ok) {
        qWarning("mkfolder %s failed: %s", qPrintable(folder), qPrintable(output));
    }
    return ok;
}

// Delivers message files straight into FOLDER (doveadm save): in a fresh folder they
// get the UIDs 1, 2, ... in the order given.
bool TestImapCli::seed(const QString &user, const QString &folder, const QStringList &files) const
{
    QString output;
    const bool ok = runServerScript(QStringLiteral("dovecot.sh"),
        QStringList { QStringLiteral("seed"), qEnvironmentVariable("SATCHEL_TEST_SERVERS") + QStringLiteral("/dovecot"),
            user, folder }
            + files,
        &output);
    if (!ok) {
        qWarning("seeding %s failed: %s", qPrintable(folder), qPrintable(output));
    }
    return ok;
}

QString TestImapCli::writeMessage(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
        return {};
    }
    return path;
}

QString TestImapCli::maildir(const QString &user) const
{
    return m_env->value(QStringLiteral("DOVECOT_STATE")) + QStringLiteral("/home/") + user + QStringLiteral("/Maildir");
}

void TestImapCli::initTestCase()
{
    QString error;
    m_env = TestServerEnv::load(QStringLiteral("dovecot"), &error);
    if (!m_env) {
        QFAIL(qPrintable(error));
    }
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(CliRunner::cliPath()), qPrintable(CliRunner::cliPath()));
    QVERIFY2(QFile::exists(demoMail("02-travel.eml")), "SATCHEL_SOURCE_DIR must point at the sources");
    for (const char *user : { "alice", "bob", "dave", "erin" }) {
        QVERIFY2(!password(QLatin1String(user)).isEmpty(), user);
    }
}

void TestImapCli::foldersHaveAttributesAndRoles()
{
    QVERIFY(mkfolder(QStringLiteral("alice"), QStringLiteral("Plain")));
    const QJsonArray folders = foldersOf(QStringLiteral("alice"));
    QVERIFY(!folders.isEmpty());
    for (const QJsonValue &v : folders) {
        const QJsonObject f = v.toObject();
        for (const char *key : { "name", "delimiter", "attributes", "role" }) {
            QVERIFY2(f.contains(QLatin1String(key)), QJsonDocument(f).toJson(QJsonDocument::Compact).constData());
        }
        QVERIFY(f.value(QStringLiteral("attributes")).isArray());
        QCOMPARE(f.value(QStringLiteral("delimiter")).toString(), QStringLiteral("/"));
    }
    const QList<std::pair<QString, QString>> roles { { QStringLiteral("INBOX"), QStringLiteral("inbox") },
        { QStringLiteral("Sent"), QStringLiteral("sent") }, { QStringLiteral("Drafts"), QStringLiteral("drafts") },
        { QStringLiteral("Trash"), QStringLiteral("trash") }, { QStringLiteral("Junk"), QStringLiteral("junk") },
        { QStringLiteral("Archive"), QStringLiteral("archive") } };
    for (const auto &[name, role] : roles) {
        const QJsonObject f = folderNamed(folders, name);
        QVERIFY2(!f.isEmpty(), qPrintable(name));
        QCOMPARE(f.value(QStringLiteral("role")).toString(), role);
        if (name != QLatin1String("INBOX")) {
            // The special-use attribute is what the role came from (RFC 6154).
            const QString attribute = QLatin1Char('\\') + name;
            QVERIFY2(f.value(QStringLiteral("attributes")).toArray().contains(attribute), qPrintable(name));
        }
    }
    const QJsonObject plain = folderNamed(folders, QStringLiteral("Plain"));
    QVERIFY(!plain.isEmpty());
    QVERIFY(plain.value(QStringLiteral("role")).isNull());

    // Without --json: one line per folder, name, role, attributes, tab-separated.
    const CliResult text = imap(QStringLiteral("alice"), { QStringLiteral("folders") }, Out::Text);
    CLI_OK(text);
    const QStringList lines = QString::fromUtf8(text.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), folders.size());
    QVERIFY2(lines.contains(QStringLiteral("INBOX\tinbox\t")) || lines.contains(QStringLiteral("INBOX\tinbox")),
        text.out.constData());
    QVERIFY2(
        lines.filter(QRegularExpression(QStringLiteral("^Sent\tsent\t.*\\\\Sent"))).size() == 1, text.out.constData());
}

void TestImapCli::folderLifecycle()
{
    const QString user = QStringLiteral("alice");
    const QString subscriptions = maildir(user) + QStringLiteral("/subscriptions");
    auto subscribed = [&subscriptions](const QString &name) {
        return QString::fromUtf8(readAll(subscriptions)).split(QLatin1Char('\n')).contains(name);
    };

    CliResult r = imap(user, { QStringLiteral("create"), QStringLiteral("Projekte") });
    CLI_OK(r);
    QVERIFY(folderNames(foldersOf(user)).contains(QStringLiteral("Projekte")));

    r = imap(user, { QStringLiteral("create"), QStringLiteral("Projekte") });
    QCOMPARE(r.exitCode, 9); // the server refuses: it exists already
    QCOMPARE(QJsonDocument::fromJson(r.err).object().value(QStringLiteral("code")).toInt(), 9);

    r = imap(user, { QStringLiteral("rename"), QStringLiteral("Projekte"), QStringLiteral("Projekte 2027") });
    CLI_OK(r);
    QStringList names = folderNames(foldersOf(user));
    QVERIFY(!names.contains(QStringLiteral("Projekte")));
    QVERIFY(names.contains(QStringLiteral("Projekte 2027")));

    r = imap(user, { QStringLiteral("create"), QStringLiteral("Projekte 2027/Q1") });
    CLI_OK(r);
    QVERIFY(folderNames(foldersOf(user)).contains(QStringLiteral("Projekte 2027/Q1")));

    r = imap(user, { QStringLiteral("subscribe"), QStringLiteral("Projekte 2027") });
    CLI_OK(r);
    QVERIFY2(subscribed(QStringLiteral("Projekte 2027")), readAll(subscriptions).constData());
    r = imap(user, { QStringLiteral("unsubscribe"), QStringLiteral("Projekte 2027") });
    CLI_OK(r);
    QVERIFY2(!subscribed(QStringLiteral("Projekte 2027")), readAll(subscriptions).constData());

    r = imap(user, { QStringLiteral("delete"), QStringLiteral("Projekte 2027/Q1") }, Out::Text);
    CLI_OK(r);
    r = imap(user, { QStringLiteral("delete"), QStringLiteral("Projekte 2027") }, Out::Text);
    CLI_OK(r);
    names = folderNames(foldersOf(user));
    QVERIFY(!names.contains(QStringLiteral("Projekte 2027")));
    QVERIFY(!names.contains(QStringLiteral("Projekte 2027/Q1")));
    QVERIFY(names.contains(QStringLiteral("INBOX")));

    r = imap(user, { QStringLiteral("delete"), QStringLiteral("Projekte 2027") });
    QCOMPARE(r.exitCode, 7);
    r = imap(user, { QStringLiteral("rename"), QStringLiteral("Nowhere"), QStringLiteral("Somewhere") });
    QCOMPARE(r.exitCode, 7);
    QVERIFY(!folderNames(foldersOf(user)).contains(QStringLiteral("Somewhere")));
}

void TestImapCli::nonAsciiFolderRoundTrips()
{
    const QString user = QStringLiteral("alice");
    const QString taipei = QStringLiteral("Entwürfe/台北");
    const QString tokyo = QStringLiteral("Entwürfe/東京");
    const QString ampersand = QStringLiteral("Q&A ärger"); // '&' is the modified UTF-7 escape

    for (const QString &name : { taipei, ampersand }) {
        const CliResult r = imap(user, { QStringLiteral("create"), name });
        CLI_OK(r);
    }
    QJsonArray folders = foldersOf(user);
    QVERIFY2(folderNames(folders).contains(taipei), qPrintable(folderNames(folders).join(QLatin1Char(','))));
    QVERIFY(folderNames(folders).contains(ampersand));
    QCOMPARE(folderNamed(folders, taipei).value(QStringLiteral("delimiter")).toString(), QStringLiteral("/"));

    QJsonObject status = statusOf(user, taipei);
    QCOMPARE(status.value(QStringLiteral("name")).toString(), taipei);
    QCOMPARE(status.value(QStringLiteral("messages")).toInt(), 0);

    const qint64 uid = append(user, taipei, demoMail("02-travel.eml"));
    QVERIFY(uid > 0);
    status = statusOf(user, taipei);
    QCOMPARE(status.value(QStringLiteral("messages")).toInt(), 1);
    QCOMPARE(status.value(QStringLiteral("unseen")).toInt(), 1);
    const QJsonArray list = listOf(user, taipei);
    QCOMPARE(list.size(), 1);
    QCOMPARE(
        list.at(0).toObject().value(QStringLiteral("subject")).toString(), QStringLiteral("Reisepläne für Dezember ✈"));
    const CliResult found
        = imap(user, { QStringLiteral("search"), taipei, QStringLiteral("SUBJECT"), QStringLiteral("Reisepläne") });
    CLI_OK(found);
    QCOMPARE(uidList(found.json()), QList<qint64> { uid });

    CliResult r = imap(user, { QStringLiteral("subscribe"), taipei });
    CLI_OK(r);
    r = imap(user, { QStringLiteral("unsubscribe"), taipei });
    CLI_OK(r);

    r = imap(user, { QStringLiteral("rename"), taipei, tokyo });
    CLI_OK(r);
    folders = foldersOf(user);
    QVERIFY(folderNames(folders).contains(tokyo));
    QVERIFY(!folderNames(folders).contains(taipei));
    QCOMPARE(listOf(user, tokyo).size(), 1); // the message moved with its folder

    for (const QString &name : { tokyo, ampersand }) {
        r = imap(user, { QStringLiteral("delete"), name });
        CLI_OK(r);
    }
    folders = foldersOf(user);
    QVERIFY(!folderNames(folders).contains(tokyo));
    QVERIFY(!folderNames(folders).contains(ampersand));
}

void TestImapCli::statusCounts()
{
    const QString user = QStringLiteral("dave");
    const QString folder = QStringLiteral("Counting");
    QVERIFY(mkfolder(user, folder));
    QJsonObject s = statusOf(user, folder);
    for (const char *key : { "name", "messages", "unseen", "uidnext", "uidvalidity", "highestmodseq" }) {
        QVERIFY2(s.contains(QLatin1String(key)), key);
    }
    QCOMPARE(s.value(QStringLiteral("name")).toString(), folder);
    QCOMPARE(s.value(QStringLiteral("messages")).toInt(), 0);
    QCOMPARE(s.value(QStringLiteral("unseen")).toInt(), 0);
    const qint64 uidvalidity = s.value(QStringLiteral("uidvalidity")).toInteger();
    QVERIFY(uidvalidity > 0);

    const qint64 a = append(user, folder, demoMail("01-welcome.eml"));
    const qint64 b = append(user, folder, demoMail("02-travel.eml"), QStringLiteral("\\Seen"));
    const qint64 c = append(user, folder, demoMail("03-report.eml"));
    QVERIFY(a > 0 && b > a && c > b);
    s = statusOf(user, folder);
    QCOMPARE(s.value(QStringLiteral("messages")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("unseen")).toInt(), 2);
    QCOMPARE(s.value(QStringLiteral("uidnext")).toInteger(), c + 1);
    QCOMPARE(s.value(QStringLiteral("uidvalidity")).toInteger(), uidvalidity);
    const qint64 modseq = s.value(QStringLiteral("highestmodseq")).toInteger();
    QVERIFY(modseq > 0); // Dovecot has CONDSTORE

    CliResult r = imap(user, { QStringLiteral("flag"), folder, QString::number(a), QStringLiteral("+\\Seen") });
    CLI_OK(r);
    s = statusOf(user, folder);
    QCOMPARE(s.value(QStringLiteral("unseen")).toInt(), 1);
    QVERIFY(s.value(QStringLiteral("highestmodseq")).toInteger() > modseq);

    r = imap(user, { QStringLiteral("flag"), folder, QString::number(b), QStringLiteral("-\\Seen") });
    CLI_OK(r);
    r = imap(user, { QStringLiteral("delete-messages"), folder, QString::number(c) });
    CLI_OK(r);
    s = statusOf(user, folder);
    QCOMPARE(s.value(QStringLiteral("messages")).toInt(), 2);
    QCOMPARE(s.value(QStringLiteral("unseen")).toInt(), 1); // b again; c is gone

    const CliResult text = imap(user, { QStringLiteral("status"), folder }, Out::Text);
    CLI_OK(text);
    QVERIFY2(text.out.startsWith(QByteArray("Counting: 2 messages, 1 unseen, uidnext " + QByteArray::number(c + 1))),
        text.out.constData());
}

void TestImapCli::listShowsDecodedSummaries()
{
    const QString user = QStringLiteral("dave");
    const QString folder = QStringLiteral("Listing");
    QVERIFY(mkfolder(user, folder));
    const QStringList files { demoMail("01-welcome.eml"), demoMail("02-travel.eml"), demoMail("03-report.eml"),
        demoMail("04-newsletter.eml"), mimeMail("01-broken-encoded-words.eml") };
    QVERIFY(seed(user, folder, files));

    // A message received long ago: Dovecot takes a Maildir file's mtime as its INTERNALDATE
    // when it first sees the file, which is what SEARCH SINCE (and so --since) looks at.
    const QString newDir = maildir(user) + QStringLiteral("/.") + folder + QStringLiteral("/new");
    QVERIFY2(QDir(newDir).exists(), qPrintable(newDir));
    {
        QFile old(newDir + QStringLiteral("/1500000000.M1P1.satchel-since"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        QVERIFY(old.write("From: Old Timer <old@example.org>\nSubject: from long ago\nDate: Wed, 1 Jan 2020 12:00:00 "
                          "+0000\n\nold\n")
            > 0);
        QVERIFY(old.flush());
        QVERIFY(
            old.setFileTime(QDateTime(QDate(2020, 1, 1), QTime(12, 0), Qt::UTC), QFileDevice::FileModificationTime));
        old.close();
    }

    const QJsonArray all = listOf(user, folder);
    QCOMPARE(all.size(), 6);
    QCOMPARE(uidSet(all), (QSet<qint64> { 1, 2, 3, 4, 5, 6 }));
    const QRegularExpression iso(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$"));
    for (const QJsonValue &v : all) {
        const QJsonObject m = v.toObject();
        for (const char *key : { "uid", "flags", "date", "from", "subject", "size" }) {
            QVERIFY2(m.contains(QLatin1String(key)), key);
        }
        QVERIFY(m.value(QStringLiteral("flags")).isArray());
        QVERIFY2(iso.match(m.value(QStringLiteral("date")).toString()).hasMatch(),
            qPrintable(m.value(QStringLiteral("date")).toString()));
        if (m.value(QStringLiteral("uid")).toInteger() <= 5) {
            const QByteArray file = crlf(readAll(files.at(m.value(QStringLiteral("uid")).toInt() - 1)));
            QCOMPARE(m.value(QStringLiteral("size")).toInteger(), qint64(file.size()));
        }
    }

    const QJsonObject travel = byUid(all, 2);
    QCOMPARE(travel.value(QStringLiteral("subject")).toString(), QStringLiteral("Reisepläne für Dezember ✈"));
    QVERIFY2(travel.value(QStringLiteral("from")).toString().contains(QStringLiteral("Jürgen Müller")),
        qPrintable(travel.value(QStringLiteral("from")).toString()));
    QVERIFY(travel.value(QStringLiteral("from")).toString().contains(QStringLiteral("juergen@example.de")));
    QCOMPARE(QDateTime::fromString(travel.value(QStringLiteral("date")).toString(), Qt::ISODate).toUTC(),
        QDateTime(QDate(2026, 11, 24), QTime(17, 2, 11), Qt::UTC));
    QVERIFY(flagsOf(travel).isEmpty());

    const QJsonObject broken = byUid(all, 5);
    QCOMPARE(broken.value(QStringLiteral("subject")).toString(), QStringLiteral("Café crème€ split"));
    QVERIFY2(broken.value(QStringLiteral("from")).toString().contains(QStringLiteral("Jörg Schäfer")),
        qPrintable(broken.value(QStringLiteral("from")).toString()));
    QCOMPARE(byUid(all, 3).value(QStringLiteral("subject")).toString(),
        QStringLiteral("Quarterly report (with attachment)"));
    QCOMPARE(QDateTime::fromString(byUid(all, 6).value(QStringLiteral("date")).toString(), Qt::ISODate).toUTC(),
        QDateTime(QDate(2020, 1, 1), QTime(12, 0), Qt::UTC));

    // --limit N: the newest N, that is the highest UIDs.
    const QJsonArray two = listOf(user, folder, { QStringLiteral("--limit"), QStringLiteral("2") });
    QCOMPARE(uidSet(two), (QSet<qint64> { 5, 6 }));
    QCOMPARE(uidSet(listOf(user, folder, { QStringLiteral("--limit"), QStringLiteral("10") })).size(), 6);

    // --since: by the date the server received it.
    const QString yesterday = imapDate(QDate::currentDate().addDays(-1));
    QCOMPARE(uidSet(listOf(user, folder, { QStringLiteral("--since"), yesterday })), (QSet<qint64> { 1, 2, 3, 4, 5 }));
    QCOMPARE(uidSet(listOf(user, folder, { QStringLiteral("--since"), QStringLiteral("1-Jan-2019") })).size(), 6);
    const CliResult future = imap(
        user, { QStringLiteral("list"), folder, QStringLiteral("--since"), imapDate(QDate::currentDate().addDays(3)) });
    CLI_OK(future);
    QCOMPARE(future.json().array().size(), 0);
    QCOMPARE(uidSet(listOf(user, folder,
                 { QStringLiteral("--since"), yesterday, QStringLiteral("--limit"), QStringLiteral("1") })),
        QSet<qint64> { 5 });

    // The text form: one line per message, the UID first, the decoded subject in it.
    const CliResult text
        = imap(user, { QStringLiteral("list"), folder, QStringLiteral("--limit"), QStringLiteral("3") }, Out::Text);
    CLI_OK(text);
    const QStringList lines = QString::fromUtf8(text.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.filter(QRegularExpression(QStringLiteral("^5\t.*Café crème€ split"))).size() == 1);

    const CliResult badLimit
        = imap(user, { QStringLiteral("list"), folder, QStringLiteral("--limit"), QStringLiteral("many") });
    QCOMPARE(badLimit.exitCode, 2);
    const CliResult badSince
        = imap(user, { QStringLiteral("list"), folder, QStringLiteral("--since"), QStringLiteral("31-Feb-2026") });
    QCOMPARE(badSince.exitCode, 2);
    QVERIFY(badSince.out.isEmpty());
}

void TestImapCli::searchCriteria()
{
    const QString user = QStringLiteral("dave");
    const QString folder = QStringLiteral("Searching");
    QVERIFY(mkfolder(user, folder));
    // UIDs 1 welcome (team@), 2 travel (juergen@example.de), 3 report (bob@), 4 newsletter, 5 joerg@example.de.
    QVERIFY(seed(user, folder,
        { demoMail("01-welcome.eml"), demoMail("02-travel.eml"), demoMail("03-report.eml"),
            demoMail("04-newsletter.eml"), mimeMail("01-broken-encoded-words.eml") }));
    CliResult r = imap(user, { QStringLiteral("flag"), folder, QStringLiteral("1,4"), QStringLiteral("+\\Seen") });
    CLI_OK(r);

    auto search = [this, &user, &folder](const QStringList &criteria) {
        const CliResult result = imap(user, QStringList { QStringLiteral("search"), folder } + criteria);
        if (result.exitCode != 0) {
            qWarning("search %s: exit %d: %s", qPrintable(criteria.join(QLatin1Char(' '))), result.exitCode,
                result.err.constData());
            return QList<qint64> { -1 };
        }
        return uidList(result.json());
    };
    QCOMPARE(search({ QStringLiteral("ALL") }), (QList<qint64> { 1, 2, 3, 4, 5 }));
    QCOMPARE(search({ QStringLiteral("UNSEEN") }), (QList<qint64> { 2, 3, 5 }));
    QCOMPARE(search({ QStringLiteral("SEEN") }), (QList<qint64> { 1, 4 }));
    QCOMPARE(search({ QStringLiteral("FROM"), QStringLiteral("juergen") }), QList<qint64> { 2 });
    QCOMPARE(search({ QStringLiteral("FROM"), QStringLiteral("example.de") }), (QList<qint64> { 2, 5 }));
    QCOMPARE(search({ QStringLiteral("SUBJECT"), QStringLiteral("Reisepläne") }), QList<qint64> { 2 });
    QCOMPARE(search({ QStringLiteral("SUBJECT"), QStringLiteral("Reisepläne für") }), QList<qint64> { 2 });
    QCOMPARE(search({ QStringLiteral("SUBJECT"), QStringLiteral("crème") }), QList<qint64> { 5 });
    QCOMPARE(search({ QStringLiteral("FROM"), QStringLiteral("Müller") }), QList<qint64> { 2 });
    QCOMPARE(search({ QStringLiteral("OR"), QStringLiteral("FROM"), QStringLiteral("bob"), QStringLiteral("FROM"),
                 QStringLiteral("team") }),
        (QList<qint64> { 1, 3 }));
    QCOMPARE(search({ QStringLiteral("NOT"), QStringLiteral("FROM"), QStringLiteral("bob") }),
        (QList<qint64> { 1, 2, 4, 5 }));
    QCOMPARE(search({ QStringLiteral("UNSEEN"), QStringLiteral("FROM"), QStringLiteral("example.de") }),
        (QList<qint64> { 2, 5 }));
    QCOMPARE(search({ QStringLiteral("NOT"), QStringLiteral("OR"), QStringLiteral("SEEN"), QStringLiteral("FROM"),
                 QStringLiteral("bob") }),
        (QList<qint64> { 2, 5 }));
    QCOMPARE(search({ QStringLiteral("SINCE"), imapDate(QDate::currentDate().addDays(-1)) }),
        (QList<qint64> { 1, 2, 3, 4, 5 }));
    QCOMPARE(search({ QStringLiteral("SUBJECT"), QStringLiteral("no such words anywhere") }), QList<qint64> {});

    // Text output: one UID a line.
    const CliResult text = imap(
        user, { QStringLiteral("search"), folder, QStringLiteral("SUBJECT"), QStringLiteral("Reisepläne") }, Out::Text);
    CLI_OK(text);
    QCOMPARE(text.out.trimmed(), QByteArray("2"));

    for (const QStringList &bad : { QStringList { QStringLiteral("BOGUS") }, QStringList { QStringLiteral("SUBJECT") },
             QStringList { QStringLiteral("OR"), QStringLiteral("SEEN") },
             QStringList { QStringLiteral("SINCE"), QStringLiteral("yesterday") } }) {
        const CliResult failed = imap(user, QStringList { QStringLiteral("search"), folder } + bad);
        QVERIFY2(failed.exitCode == 2,
            qPrintable(bad.join(QLatin1Char(' ')) + QStringLiteral(": exit %1").arg(failed.exitCode)));
        QCOMPARE(QJsonDocument::fromJson(failed.err).object().value(QStringLiteral("code")).toInt(), 2);
        QVERIFY(failed.out.isEmpty());
    }
}

void TestImapCli::fetchReturnsRawBytes()
{
    const QString user = QStringLiteral("dave");
    const QString folder = QStringLiteral("Fetching");
    QVERIFY(mkfolder(user, folder));
    QVERIFY(seed(user, folder, { demoMail("02-travel.eml"), demoMail("03-report.eml") }));
    const QByteArray travel = crlf(readAll(demoMail("02-travel.eml")));
    const QByteArray report = crlf(readAll(demoMail("03-report.eml")));
    const qsizetype split = travel.indexOf("\r\n\r\n") + 4;

    CliResult r = imap(user, { QStringLiteral("fetch"), folder, QStringLiteral("1") }, Out::Text);
    CLI_OK(r);
    QCOMPARE(r.out, travel);
    r = imap(user, { QStringLiteral("fetch"), folder, QStringLiteral("2") }, Out::Text);
    CLI_OK(r);
    QCOMPARE(r.out, report);

    r = imap(user,
        { QStringLiteral("fetch"), folder, QStringLiteral("1"), QStringLiteral("--part"), QStringLiteral("header") },
        Out::Text);
    CLI_OK(r);
    QCOMPARE(r.out, travel.left(split));
    r = imap(user,
        { QStringLiteral("fetch"), folder, QStringLiteral("1"), QStringLiteral("--part"), QStringLiteral("text") },
        Out::Text);
    CLI_OK(r);
    QCOMPARE(r.out, travel.mid(split));
    r = imap(user,
        { QStringLiteral("fetch"), folder, QStringLiteral("2"), QStringLiteral("--part"), QStringLiteral("1.2") },
        Out::Text);
    CLI_OK(r);
    QVERIFY2(r.out.contains("<b>numbers</b>") && !r.out.contains("text/plain"), r.out.constData());
    r = imap(user,
        { QStringLiteral("fetch"), folder, QStringLiteral("2"), QStringLiteral("--part"), QStringLiteral("2") },
        Out::Text);
    CLI_OK(r);
    QCOMPARE(r.out.trimmed(), QByteArray("cXVhcnRlcixyZXZlbnVlCjEsMTAwCjIsMTIwCjMsMTUwCjQsMTgwCg=="));

    // Reading does not mark anything \Seen (BODY.PEEK).
    QVERIFY(flagsOf(byUid(listOf(user, folder), 1)).isEmpty());

    // -o: the file holds exactly the bytes, and nothing else is left beside it.
    const QString outDir = m_dir.filePath(QStringLiteral("fetch-out"));
    QVERIFY(QDir().mkpath(outDir));
    const QString target = outDir + QStringLiteral("/travel.eml");
    r = imap(user, { QStringLiteral("fetch"), folder, QStringLiteral("1"), QStringLiteral("-o"), target }, Out::Text);
    CLI_OK(r);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(readAll(target), travel);
    QCOMPARE(QDir(outDir).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("travel.eml") });

    // Overwritten whole: the report replaces the travel mail, no mix of the two.
    r = imap(user, { QStringLiteral("fetch"), folder, QStringLiteral("2"), QStringLiteral("-o"), target }, Out::Text);
    CLI_OK(r);
    QCOMPARE(readAll(target), report);

    // A missing UID: exit 7, no file made, and an existing file is left as it was.
    const QString missing = outDir + QStringLiteral("/missing.eml");
    r = imap(user, { QStringLiteral("fetch"), folder, QStringLiteral("99"), QStringLiteral("-o"), missing }, Out::Text);
    QCOMPARE(r.exitCode, 7);
    QVERIFY2(r.err.contains("99"), r.err.constData());
    QVERIFY(!QFile::exists(missing));
    r = imap(user, { QStringLiteral("fetch"), folder, QStringLiteral("99"), QStringLiteral("-o"), target }, Out::Text);
    QCOMPARE(r.exitCode, 7);
    QCOMPARE(readAll(target), report);
    QCOMPARE(QDir(outDir).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("travel.eml") });

    r = imap(user, { QStringLiteral("fetch"), folder, QStringLiteral("99") }, Out::Text);
    QCOMPARE(r.exitCode, 7);
    QVERIFY(r.out.isEmpty());

    // Nowhere to write: local I/O, before anything is fetched.
    r = imap(user,
        { QStringLiteral("fetch"), folder, QStringLiteral("1"), QStringLiteral("-o"),
            m_dir.filePath(QStringLiteral("no/such/dir/x.eml")) });
    QCOMPARE(r.exitCode, 8);

    r = imap(user,
        { QStringLiteral("fetch"), folder, QStringLiteral("1"), QStringLiteral("--part"),
            QStringLiteral("everything") });
    QCOMPARE(r.exitCode, 2);
    r = imap(user, { QStringLiteral("fetch"), folder, QStringLiteral("first") });
    QCOMPARE(r.exitCode, 2);
}

void TestImapCli::flagsShowInListAndSearch()
{
    const QString user = QStringLiteral("dave");
    const QString folder = QStringLiteral("Flagging");
    QVERIFY(mkfolder(user, folder));
    QVERIFY(seed(user, folder, { demoMail("01-welcome.eml"), demoMail("02-travel.eml"), demoMail("03-report.eml") }));

    CliResult r = imap(user, { QStringLiteral("flag"), folder, QStringLiteral("1:3"), QStringLiteral("+\\Flagged") });
    CLI_OK(r);
    QJsonArray list = listOf(user, folder);
    for (qint64 uid : { 1, 2, 3 }) {
        QCOMPARE(flagsOf(byUid(list, uid)), QSet<QString> { QStringLiteral("\\Flagged") });
    }

    r = imap(user,
        { QStringLiteral("flag"), folder, QStringLiteral("1,2"), QStringLiteral("+\\Seen"),
            QStringLiteral("-\\Flagged") });
    CLI_OK(r);
    r = imap(user, { QStringLiteral("flag"), folder, QStringLiteral("3"), QStringLiteral("+urgent") });
    CLI_OK(r);
    list = listOf(user, folder);
    QCOMPARE(flagsOf(byUid(list, 1)), QSet<QString> { QStringLiteral("\\Seen") });
    QCOMPARE(flagsOf(byUid(list, 2)), QSet<QString> { QStringLiteral("\\Seen") });
    QCOMPARE(flagsOf(byUid(list, 3)), (QSet<QString> { QStringLiteral("\\Flagged"), QStringLiteral("urgent") }));

    auto search = [this, &user, &folder](const QStringList &criteria) {
        const CliResult result = imap(user, QStringList { QStringLiteral("search"), folder } + criteria);
        return result.exitCode == 0 ? uidList(result.json()) : QList<qint64> { -1 };
    };
    QCOMPARE(search({ QStringLiteral("SEEN") }), (QList<qint64> { 1, 2 }));
    QCOMPARE(search({ QStringLiteral("UNSEEN") }), QList<qint64> { 3 });
    QCOMPARE(search({ QStringLiteral("FLAGGED") }), QList<qint64> { 3 });
    QCOMPARE(search({ QStringLiteral("KEYWORD"), QStringLiteral("urgent") }), QList<qint64> { 3 });

    r = imap(user,
        { QStringLiteral("flag"), folder, QStringLiteral("3"), QStringLiteral("-urgent"),
            QStringLiteral("-\\Flagged") });
    CLI_OK(r);
    QVERIFY(flagsOf(byUid(listOf(user, folder), 3)).isEmpty());

    // Usage errors change nothing.
    for (const QStringList &bad : { QStringList { QStringLiteral("1"), QStringLiteral("\\Seen") },
             QStringList { QStringLiteral("x:y"), QStringLiteral("+\\Seen") },
             QStringList { QStringLiteral("1"), QStringLiteral("+bad flag(") } }) {
        r = imap(user, QStringList { QStringLiteral("flag"), folder } + bad);
        QVERIFY2(r.exitCode == 2, qPrintable(bad.join(QLatin1Char(' '))));
    }
    QVERIFY(flagsOf(byUid(listOf(user, folder), 3)).isEmpty());
}

void TestImapCli::appendWithFlags()
{
    const QString user = QStringLiteral("dave");
    const QString folder = QStringLiteral("Appending");
    QVERIFY(mkfolder(user, folder));

    // The text form says the UID.
    CliResult r = imap(user,
        { QStringLiteral("append"), folder, demoMail("02-travel.eml"), QStringLiteral("--flags"),
            QStringLiteral("\\Seen") },
        Out::Text);
    CLI_OK(r);
    QCOMPARE(r.out.trimmed(), QByteArray("appended as UID 1"));
    const qint64 plain = append(user, folder, demoMail("01-welcome.eml"));
    QCOMPARE(plain, qint64(2));
    const qint64 two = append(user, folder, mimeMail("03-raw-8bit-headers.eml"), QStringLiteral("\\Seen \\Flagged"));
    QCOMPARE(two, qint64(3));

    const QJsonArray list = listOf(user, folder);
    QCOMPARE(flagsOf(byUid(list, 1)), QSet<QString> { QStringLiteral("\\Seen") });
    QVERIFY(flagsOf(byUid(list, 2)).isEmpty());
    QCOMPARE(flagsOf(byUid(list, 3)), (QSet<QString> { QStringLiteral("\\Seen"), QStringLiteral("\\Flagged") }));
    QCOMPARE(byUid(list, 1).value(QStringLiteral("subject")).toString(), QStringLiteral("Reisepläne für Dezember ✈"));

    // What went up comes back byte for byte (with CRLF line ends), 8-bit headers included.
    r = imap(user, { QStringLiteral("fetch"), folder, QStringLiteral("3") }, Out::Text);
    CLI_OK(r);
    QCOMPARE(r.out, crlf(readAll(mimeMail("03-raw-8bit-headers.eml"))));
    r = imap(user, { QStringLiteral("fetch"), folder, QStringLiteral("1") }, Out::Text);
    CLI_OK(r);
    QCOMPARE(r.out, crlf(readAll(demoMail("02-travel.eml"))));

    // A large message (3 MB, in many literal chunks) both ways, to stdout and with -o.
    QByteArray big = "From: Big <big@example.org>\nSubject: big one\nDate: Fri, 27 Nov 2026 10:00:00 +0000\n\n";
    for (int i = 0; i < 40000; ++i) {
        big += QByteArray::number(i).rightJustified(8, '0') + ' ' + QByteArray(66, char('a' + i % 26)) + '\n';
    }
    const QString bigFile = writeMessage(QStringLiteral("big.eml"), big);
    QVERIFY(!bigFile.isEmpty());
    const qint64 bigUid = append(user, folder, bigFile);
    QCOMPARE(bigUid, qint64(4));
    QCOMPARE(byUid(listOf(user, folder), bigUid).value(QStringLiteral("size")).toInteger(), qint64(crlf(big).size()));
    r = imap(user, { QStringLiteral("fetch"), folder, QString::number(bigUid) }, Out::Text);
    CLI_OK(r);
    QVERIFY(r.out == crlf(big));
    const QString bigCopy = m_dir.filePath(QStringLiteral("big-copy.eml"));
    r = imap(
        user, { QStringLiteral("fetch"), folder, QString::number(bigUid), QStringLiteral("-o"), bigCopy }, Out::Text);
    CLI_OK(r);
    QVERIFY(readAll(bigCopy) == crlf(big));

    r = imap(user, { QStringLiteral("append"), QStringLiteral("No Such Folder"), demoMail("01-welcome.eml") });
    QCOMPARE(r.exitCode, 7);
    r = imap(user,
        { QStringLiteral("append"), folder, demoMail("01-welcome.eml"), QStringLiteral("--flags"),
            QStringLiteral("Seen(") });
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(statusOf(user, folder).value(QStringLiteral("messages")).toInt(), 4);
}

void TestImapCli::copyAndMove()
{
    const QString user = QStringLiteral("dave");
    const QString source = QStringLiteral("CopyFrom");
    const QString destination = QStringLiteral("CopyTo");
    QVERIFY(mkfolder(user, source));
    QVERIFY(mkfolder(user, destination));
    QVERIFY(seed(user, source, { demoMail("01-welcome.eml"), demoMail("02-travel.eml"), demoMail("03-report.eml") }));
    auto subjects = [this, &user](const QString &folder) {
        QSet<QString> s;
        for (const QJsonValue &v : listOf(user, folder)) {
            s.insert(v.toObject().value(QStringLiteral("subject")).toString());
        }
        return s;
    };
    const QString welcome = QStringLiteral("Welcome to Satchel");
    const QString travel = QStringLiteral("Reisepläne für Dezember ✈");
    const QString report = QStringLiteral("Quarterly report (with attachment)");

    CliResult r = imap(user, { QStringLiteral("copy"), source, QStringLiteral("1"), destination });
    CLI_OK(r);
    QCOMPARE(subjects(destination), QSet<QString> { welcome });
    QCOMPARE(uidSet(listOf(user, source)), (QSet<qint64> { 1, 2, 3 }));

    r = imap(user, { QStringLiteral("move"), source, QStringLiteral("2:3"), destination });
    CLI_OK(r);
    QCOMPARE(subjects(destination), (QSet<QString> { welcome, travel, report }));
    QCOMPARE(uidSet(listOf(user, source)), QSet<qint64> { 1 });
    QCOMPARE(statusOf(user, source).value(QStringLiteral("messages")).toInt(), 1); // expunged, not only flagged

    // The copy is the same message.
    const QJsonArray copied = listOf(user, destination);
    qint64 travelUid = 0;
    for (const QJsonValue &v : copied) {
        if (v.toObject().value(QStringLiteral("subject")).toString() == travel) {
            travelUid = v.toObject().value(QStringLiteral("uid")).toInteger();
        }
    }
    QVERIFY(travelUid > 0);
    r = imap(user, { QStringLiteral("fetch"), destination, QString::number(travelUid) }, Out::Text);
    CLI_OK(r);
    QCOMPARE(r.out, crlf(readAll(demoMail("02-travel.eml"))));

    r = imap(user, { QStringLiteral("copy"), source, QStringLiteral("1"), QStringLiteral("Nonexistent") });
    QCOMPARE(r.exitCode, 7);
    QCOMPARE(QJsonDocument::fromJson(r.err).object().value(QStringLiteral("code")).toInt(), 7);
    r = imap(user, { QStringLiteral("move"), source, QStringLiteral("1"), QStringLiteral("Nonexistent") });
    QCOMPARE(r.exitCode, 7);
    QCOMPARE(uidSet(listOf(user, source)), QSet<qint64> { 1 }); // a failed move keeps the message
    QVERIFY(flagsOf(byUid(listOf(user, source), 1)).isEmpty());
    QVERIFY(!folderNames(foldersOf(user)).contains(QStringLiteral("Nonexistent")));
}

void TestImapCli::deleteMessagesAndExpunge()
{
    const QString user = QStringLiteral("dave");
    const QString folder = QStringLiteral("Deleting");
    QVERIFY(mkfolder(user, folder));
    QVERIFY(seed(user, folder,
        { demoMail("01-welcome.eml"), demoMail("02-travel.eml"), demoMail("03-report.eml"),
            demoMail("04-newsletter.eml") }));

    // Someone else marked 2 \Deleted; delete-messages 1,3 must not take it along.
    CliResult r = imap(user, { QStringLiteral("flag"), folder, QStringLiteral("2"), QStringLiteral("+\\Deleted") });
    CLI_OK(r);
    r = imap(user, { QStringLiteral("delete-messages"), folder, QStringLiteral("1,3") });
    CLI_OK(r);
    QJsonArray list = listOf(user, folder);
    QCOMPARE(uidSet(list), (QSet<qint64> { 2, 4 }));
    QCOMPARE(flagsOf(byUid(list, 2)), QSet<QString> { QStringLiteral("\\Deleted") });
    QCOMPARE(statusOf(user, folder).value(QStringLiteral("messages")).toInt(), 2);

    r = imap(user, { QStringLiteral("expunge"), folder });
    CLI_OK(r);
    QCOMPARE(r.json().object().value(QStringLiteral("expunged")).toInt(), 1);
    QCOMPARE(uidSet(listOf(user, folder)), QSet<qint64> { 4 });

    r = imap(user, { QStringLiteral("expunge"), folder }, Out::Text);
    CLI_OK(r);
    QVERIFY2(r.out.startsWith("0 messages expunged"), r.out.constData());
    QCOMPARE(uidSet(listOf(user, folder)), QSet<qint64> { 4 });

    r = imap(user, { QStringLiteral("delete-messages"), folder, QStringLiteral("4:x") });
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(uidSet(listOf(user, folder)), QSet<qint64> { 4 });
}

void TestImapCli::syncFollowsAnotherClient()
{
    const QString user = QStringLiteral("bob");
    const QString folder = QStringLiteral("Synced");
    QVERIFY(mkfolder(user, folder));
    const QStringList files { demoMail("01-welcome.eml"), demoMail("02-travel.eml"), demoMail("03-report.eml"),
        demoMail("04-newsletter.eml"), mimeMail("01-broken-encoded-words.eml"), mimeMail("02-rfc2231-filenames.eml") };
    for (const QString &file : files) {
        QVERIFY(append(user, folder, file) > 0);
    }
    const QString cacheDir = m_dir.filePath(QStringLiteral("cache-bob"));
    auto sync = [this, &user, &folder, &cacheDir] {
        return imap(user, { QStringLiteral("sync"), folder, QStringLiteral("--cache"), cacheDir });
    };
    auto counts = [](const CliResult &result) {
        const QJsonObject o = result.json().object();
        return QList<int> { o.value(QStringLiteral("new")).toInt(-1), o.value(QStringLiteral("changed")).toInt(-1),
            o.value(QStringLiteral("vanished")).toInt(-1), o.value(QStringLiteral("total")).toInt(-1) };
    };

    CliResult r = sync();
    CLI_OK(r);
    for (const char *key : { "new", "changed", "vanished", "total", "seconds" }) {
        QVERIFY2(r.json().object().contains(QLatin1String(key)), key);
    }
    QVERIFY(r.json().object().value(QStringLiteral("seconds")).toDouble(-1) >= 0);
    QCOMPARE(counts(r), (QList<int> { 6, 0, 0, 6 }));

    r = sync();
    CLI_OK(r);
    QCOMPARE(counts(r), (QList<int> { 0, 0, 0, 6 }));

    // Another client, other connections: two flag changes, two expunged (one by UID
    // EXPUNGE, one by a plain EXPUNGE of a \Deleted message), two new messages.
    QList<CliResult> changes {
        imap(user, { QStringLiteral("flag"), folder, QStringLiteral("1"), QStringLiteral("+\\Seen") }),
        imap(user,
            { QStringLiteral("flag"), folder, QStringLiteral("2"), QStringLiteral("+\\Flagged"),
                QStringLiteral("+$label1") }),
        imap(user, { QStringLiteral("delete-messages"), folder, QStringLiteral("4") }),
        imap(user, { QStringLiteral("flag"), folder, QStringLiteral("5"), QStringLiteral("+\\Deleted") }),
        imap(user, { QStringLiteral("expunge"), folder }),
    };
    for (const CliResult &change : std::as_const(changes)) {
        CLI_OK(change);
    }
    QCOMPARE(append(user, folder, mimeMail("03-raw-8bit-headers.eml")), qint64(7));
    QCOMPARE(append(user, folder, mimeMail("04-nested-multipart.eml"), QStringLiteral("\\Seen")), qint64(8));

    r = sync();
    CLI_OK(r);
    QCOMPARE(counts(r), (QList<int> { 2, 2, 2, 6 }));

    r = sync();
    CLI_OK(r);
    QCOMPARE(counts(r), (QList<int> { 0, 0, 0, 6 }));

    // The cache holds what the server lists.
    const QJsonArray server = listOf(user, folder);
    QCOMPARE(uidSet(server), (QSet<qint64> { 1, 2, 3, 6, 7, 8 }));
    const QStringList caches = QDir(cacheDir).entryList({ QStringLiteral("*.sqlite") }, QDir::Files);
    QCOMPARE(caches.size(), 1);
    const QString connection = QStringLiteral("imap-cache");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QDir(cacheDir).filePath(caches.constFirst()));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "SELECT m.uid, m.flags, m.subject, m.size FROM messages m JOIN folders f ON f.id = m.folder_id"
            " WHERE f.name = ? ORDER BY m.uid"));
        q.addBindValue(folder);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QSet<qint64> cached;
        while (q.next()) {
            const qint64 uid = q.value(0).toLongLong();
            cached.insert(uid);
            const QJsonObject listed = byUid(server, uid);
            QVERIFY2(
                !listed.isEmpty(), qPrintable(QStringLiteral("UID %1 is in the cache, not on the server").arg(uid)));
            QCOMPARE(flagSet(q.value(1).toString()), flagsOf(listed));
            QCOMPARE(q.value(2).toString(), listed.value(QStringLiteral("subject")).toString());
            QCOMPARE(q.value(3).toLongLong(), listed.value(QStringLiteral("size")).toInteger());
        }
        QCOMPARE(cached, uidSet(server));
        QCOMPARE(flagSet(QStringLiteral("\\Seen")), flagsOf(byUid(server, 1)));
        QCOMPARE(flagsOf(byUid(server, 2)), (QSet<QString> { QStringLiteral("\\Flagged"), QStringLiteral("$label1") }));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);

    // The text form says the same.
    r = imap(user, { QStringLiteral("sync"), folder, QStringLiteral("--cache"), cacheDir }, Out::Text);
    CLI_OK(r);
    QVERIFY2(r.out.startsWith("0 new, 0 changed, 0 vanished, 6 in the cache"), r.out.constData());

    // The folder is replaced by another of the same name (a new UIDVALIDITY): the cache
    // starts over instead of mixing old and new UIDs.
    r = imap(user, { QStringLiteral("delete"), folder });
    CLI_OK(r);
    r = imap(user, { QStringLiteral("create"), folder });
    CLI_OK(r);
    QCOMPARE(append(user, folder, mimeMail("07-wrong-charset.eml")), qint64(1));
    r = sync();
    CLI_OK(r);
    QCOMPARE(r.json().object().value(QStringLiteral("new")).toInt(), 1);
    QCOMPARE(r.json().object().value(QStringLiteral("total")).toInt(), 1);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QDir(cacheDir).filePath(caches.constFirst()));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "SELECT m.uid, m.subject FROM messages m JOIN folders f ON f.id = m.folder_id WHERE f.name = ?"));
        q.addBindValue(folder);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(1));
        QCOMPARE(
            q.value(1).toString(), listOf(user, folder).at(0).toObject().value(QStringLiteral("subject")).toString());
        QVERIFY(!q.next());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);

    r = imap(user, { QStringLiteral("sync"), folder });
    QCOMPARE(r.exitCode, 2); // --cache is required
    r = imap(user, { QStringLiteral("sync"), QStringLiteral("Not There"), QStringLiteral("--cache"), cacheDir });
    QCOMPARE(r.exitCode, 7);
}

void TestImapCli::idleReportsNewMail()
{
    const QString user = QStringLiteral("erin");
    const QString log = m_dir.filePath(QStringLiteral("idle.log"));
    QProcess idle;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SATCHEL_PASSWORD"), password(user));
    idle.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    idle.start(CliRunner::cliPath(),
        { QStringLiteral("--ca-file"), m_env->value(QStringLiteral("DOVECOT_CA")), QStringLiteral("--json"),
            QStringLiteral("--log"), log, QStringLiteral("imap"), url(user), QStringLiteral("idle"),
            QStringLiteral("INBOX"), QStringLiteral("--for"), QStringLiteral("10") });
    QVERIFY(idle.waitForStarted());
    // Deliver only once the server has said it is idling.
    QTRY_VERIFY_WITH_TIMEOUT(readAll(log).contains("+ idling") || idle.state() == QProcess::NotRunning, 15000);
    QVERIFY2(idle.state() == QProcess::Running, idle.readAllStandardError().constData());

    const QString subject
        = QStringLiteral("Idle news %1 Grüße").arg(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
    const QString file = writeMessage(QStringLiteral("idle.eml"),
        "From: Watcher <watch@example.org>\r\nSubject: =?UTF-8?Q?"
            + subject.toUtf8().toPercentEncoding(" ").replace('%', '=').replace(' ', '_')
            + "?=\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\n\r\nwake up\r\n");
    QVERIFY(!file.isEmpty());
    const qint64 uid = append(user, QStringLiteral("INBOX"), file);
    QVERIFY(uid > 0);

    QVERIFY2(idle.waitForFinished(40000), "idle --for 10 did not stop");
    const qint64 elapsed = clock.elapsed();
    const QByteArray out = idle.readAllStandardOutput();
    const QByteArray err = idle.readAllStandardError();
    QCOMPARE(idle.exitStatus(), QProcess::NormalExit);
    QVERIFY2(idle.exitCode() == 0, err.constData());
    QVERIFY2(elapsed >= 10000 && elapsed < 35000, qPrintable(QString::number(elapsed)));

    bool seen = false;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        QJsonParseError error;
        const QJsonObject event = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData()); // JSON lines
        QVERIFY2(event.contains(QStringLiteral("event")), line.constData());
        if (event.value(QStringLiteral("event")).toString() == QLatin1String("new")) {
            QCOMPARE(event.value(QStringLiteral("subject")).toString(), subject);
            QCOMPARE(event.value(QStringLiteral("uid")).toInteger(), uid);
            QVERIFY(event.value(QStringLiteral("from")).toString().contains(QStringLiteral("watch@example.org")));
            seen = true;
        }
    }
    QVERIFY2(seen, out.constData());
}

void TestImapCli::idleReportsChangesAndVanished()
{
    const QString user = QStringLiteral("erin");
    const QString folder = QStringLiteral("Watched");
    QVERIFY(mkfolder(user, folder));
    QVERIFY(seed(user, folder, { demoMail("01-welcome.eml"), demoMail("02-travel.eml"), demoMail("03-report.eml") }));
    const QString log = m_dir.filePath(QStringLiteral("idle-changes.log"));
    QProcess idle;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SATCHEL_PASSWORD"), password(user));
    idle.setProcessEnvironment(env);
    idle.start(CliRunner::cliPath(),
        { QStringLiteral("--ca-file"), m_env->value(QStringLiteral("DOVECOT_CA")), QStringLiteral("--json"),
            QStringLiteral("--log"), log, QStringLiteral("imap"), url(user), QStringLiteral("idle"), folder,
            QStringLiteral("--for"), QStringLiteral("10") });
    QVERIFY(idle.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(readAll(log).contains("+ idling") || idle.state() == QProcess::NotRunning, 15000);
    QVERIFY2(idle.state() == QProcess::Running, idle.readAllStandardError().constData());

    CliResult r = imap(user, { QStringLiteral("flag"), folder, QStringLiteral("1"), QStringLiteral("+\\Flagged") });
    CLI_OK(r);
    r = imap(user, { QStringLiteral("delete-messages"), folder, QStringLiteral("2") });
    CLI_OK(r);

    QVERIFY2(idle.waitForFinished(40000), "idle --for 10 did not stop");
    const QByteArray out = idle.readAllStandardOutput();
    QVERIFY2(
        idle.exitStatus() == QProcess::NormalExit && idle.exitCode() == 0, idle.readAllStandardError().constData());
    bool changed = false;
    bool vanished = false;
    for (const QByteArray &line : out.split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        const QString kind = event.value(QStringLiteral("event")).toString();
        if (kind == QLatin1String("changed") && event.value(QStringLiteral("uid")).toInteger() == 1) {
            changed = changed || event.value(QStringLiteral("flags")).toArray().contains(QStringLiteral("\\Flagged"));
        } else if (kind == QLatin1String("vanished")) {
            vanished = vanished || event.value(QStringLiteral("uids")).toArray().contains(2);
        } else if (kind == QLatin1String("expunged")) {
            vanished = vanished || event.value(QStringLiteral("sequence")).toInteger() == 2; // without QRESYNC
        }
        QVERIFY2(kind != QLatin1String("new"), line.constData()); // nothing arrived
    }
    QVERIFY2(changed, out.constData());
    QVERIFY2(vanished, out.constData());
}

void TestImapCli::bothTlsModesWork()
{
    const QString user = QStringLiteral("erin");
    const CliResult implicit
        = imap(user, { QStringLiteral("status"), QStringLiteral("INBOX") }, Out::Json, Tls::Implicit);
    CLI_OK(implicit);
    QCOMPARE(implicit.json().object().value(QStringLiteral("name")).toString(), QStringLiteral("INBOX"));
    const CliResult starttls
        = imap(user, { QStringLiteral("status"), QStringLiteral("INBOX") }, Out::Json, Tls::StartTls);
    CLI_OK(starttls);
    QCOMPARE(starttls.json().object().value(QStringLiteral("uidvalidity")),
        implicit.json().object().value(QStringLiteral("uidvalidity")));
    const CliResult f1 = imap(user, { QStringLiteral("folders") }, Out::Json, Tls::Implicit);
    const CliResult f2 = imap(user, { QStringLiteral("folders") }, Out::Json, Tls::StartTls);
    CLI_OK(f1);
    CLI_OK(f2);
    const QStringList names1 = folderNames(f1.json().array());
    const QStringList names2 = folderNames(f2.json().array());
    QVERIFY(names1.contains(QStringLiteral("INBOX")));
    QCOMPARE(QSet<QString>(names1.begin(), names1.end()), QSet<QString>(names2.begin(), names2.end()));
}

void TestImapCli::failuresHaveExitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("words");
    const QString ca = m_env->value(QStringLiteral("DOVECOT_CA"));
    const QString good = password(QStringLiteral("erin"));
    const QString imaps = url(QStringLiteral("erin"), Tls::Implicit);
    const QString starttls = url(QStringLiteral("erin"), Tls::StartTls);
    auto with = [&ca](const QStringList &rest) {
        return QStringList { QStringLiteral("--ca-file"), ca, QStringLiteral("--json") } + rest;
    };

    QTest::newRow("wrong password") << with({ QStringLiteral("imap"), imaps, QStringLiteral("folders") })
                                    << QStringLiteral("wrong-pw-Xy1") << 5 << QStringLiteral("erin");
    QTest::newRow("wrong password, STARTTLS")
        << with({ QStringLiteral("imap"), starttls, QStringLiteral("status"), QStringLiteral("INBOX") })
        << QStringLiteral("wrong-pw-Xy1") << 5 << QStringLiteral("erin");
    QTest::newRow("status of a missing folder")
        << with({ QStringLiteral("imap"), imaps, QStringLiteral("status"), QStringLiteral("No Such Folder") }) << good
        << 7 << QStringLiteral("No Such Folder");
    QTest::newRow("list of a missing folder")
        << with({ QStringLiteral("imap"), imaps, QStringLiteral("list"), QStringLiteral("No Such Folder") }) << good
        << 7 << QStringLiteral("No Such Folder");
    QTest::newRow("search in a missing folder") << with({ QStringLiteral("imap"), imaps, QStringLiteral("search"),
        QStringLiteral("No Such Folder"), QStringLiteral("ALL") })
                                                << good << 7 << QStringLiteral("No Such Folder");
    QTest::newRow("untrusted certificate, implicit TLS")
        << QStringList { QStringLiteral("--json"), QStringLiteral("imap"), imaps, QStringLiteral("folders") } << good
        << 4 << QStringLiteral("not trusted");
    QTest::newRow("untrusted certificate, STARTTLS")
        << QStringList { QStringLiteral("--json"), QStringLiteral("imap"), starttls, QStringLiteral("folders") } << good
        << 4 << QStringLiteral("not trusted");
    QTest::newRow("imaps:// on the STARTTLS port") << with({ QStringLiteral("imap"),
        QStringLiteral("imaps://erin@127.0.0.1:") + m_env->value(QStringLiteral("DOVECOT_IMAP_PORT")),
        QStringLiteral("folders") }) << good << 4 << QStringLiteral("TLS");
    QTest::newRow("nothing listening") << with(
        { QStringLiteral("imap"), QStringLiteral("imaps://erin@127.0.0.1:1"), QStringLiteral("folders") })
                                       << good << 3 << QStringLiteral("127.0.0.1:1");
    QTest::newRow("unknown command") << with({ QStringLiteral("imap"), imaps, QStringLiteral("frobnicate") }) << good
                                     << 2 << QStringLiteral("frobnicate");
    QTest::newRow("pop3 URL") << with(
        { QStringLiteral("imap"), QStringLiteral("pop3s://erin@127.0.0.1:1"), QStringLiteral("folders") })
                              << good << 2 << QStringLiteral("pop3");
    QTest::newRow("password on the command line") << with(
        { QStringLiteral("--password"), QStringLiteral("x"), QStringLiteral("imap"), imaps, QStringLiteral("folders") })
                                                  << good << 2 << QStringLiteral("never taken from the command line");
}

void TestImapCli::failuresHaveExitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(QString, password);
    QFETCH(int, exitCode);
    QFETCH(QString, words);
    CliRunner runner;
    runner.setPassword(password);
    const CliResult r = runner.run(args);
    QVERIFY2(r.exitCode == exitCode,
        qPrintable(
            QStringLiteral("exit %1, expected %2: %3").arg(r.exitCode).arg(exitCode).arg(QString::fromUtf8(r.err))));
    const QJsonObject error = QJsonDocument::fromJson(r.err).object();
    QCOMPARE(error.value(QStringLiteral("code")).toInt(), exitCode);
    QVERIFY2(error.value(QStringLiteral("error")).toString().contains(words), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QVERIFY2(!r.err.contains(password.toUtf8()), "no password in messages");
}

void TestImapCli::logNeverHoldsThePassword()
{
    const QString user = QStringLiteral("erin");
    const QByteArray good = password(user).toUtf8();
    const QByteArray wrong = "Wr0ng-Secret-Q7";
    struct Case {
        QByteArray password;
        Tls tls;
        int exitCode;
    };
    int n = 0;
    for (const Case &c :
        { Case { good, Tls::StartTls, 0 }, Case { good, Tls::Implicit, 0 }, Case { wrong, Tls::StartTls, 5 } }) {
        const QString log = m_dir.filePath(QStringLiteral("session-%1.log").arg(++n));
        CliRunner runner;
        runner.setPassword(QString::fromUtf8(c.password));
        const CliResult r = runner.run({ QStringLiteral("--ca-file"), m_env->value(QStringLiteral("DOVECOT_CA")),
            QStringLiteral("--log"), log, QStringLiteral("-v"), QStringLiteral("imap"), url(user, c.tls),
            QStringLiteral("status"), QStringLiteral("INBOX") });
        QVERIFY2(r.exitCode == c.exitCode, r.err.constData());
        const QByteArray bytes = readAll(log);
        QVERIFY2(bytes.contains("INBOX") || c.exitCode != 0, bytes.constData()); // the log is real
        QVERIFY2(bytes.contains("<redacted>"), bytes.constData());
        const QByteArray nul(1, '\0');
        // The password as it is, and as AUTHENTICATE PLAIN and LOGIN would carry it.
        for (const QByteArray &secret :
            { c.password, c.password.toBase64(), QByteArray(nul + user.toUtf8() + nul + c.password).toBase64(),
                QByteArray(user.toUtf8() + nul + user.toUtf8() + nul + c.password).toBase64() }) {
            QVERIFY2(
                !bytes.contains(secret), qPrintable(QStringLiteral("%1 in %2").arg(QString::fromLatin1(secret), log)));
            QVERIFY(!r.err.contains(secret) && !r.out.contains(secret));
        }
    }
}

QTEST_GUILESS_MAIN(TestImapCli)
#include "tst_imap_cli.moc"
