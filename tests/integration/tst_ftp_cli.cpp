// `satchel-cli ftp` against two different real servers: vsftpd (explicit FTPS with
// require_ssl_reuse: every data connection must resume the control TLS session; LIST
// only) and pyftpdlib (MLSD; plain, explicit FTPS and implicit FTPS). Every command, with names that
// have spaces and non-ASCII letters; resume of an interrupted get and put; errors.
#include "tests/common/CliRunner.h"
#include "tests/common/TestServerEnv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QMap>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Satchel::Test;

struct FtpTarget {
    QString url;
    QStringList globals; // --ca-file, --insecure-plain
    QString password;
    QStringList commandOptions = {}; // --active
};
Q_DECLARE_METATYPE(FtpTarget)

class TestFtpCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyCommand_data();
    void everyCommand();
    void resumeGetAndPut_data();
    void resumeGetAndPut();
    void asciiTextRoundTrips_data();
    void asciiTextRoundTrips();
    void overwritePolicies_data();
    void overwritePolicies();
    void recursiveTreesInParallel_data();
    void recursiveTreesInParallel();
    void modificationTimesKept_data();
    void modificationTimesKept();
    void errors_data();
    void errors();

private:
    void addTargets();
    CliResult run(const FtpTarget &t, const QStringList &args);
    static QByteArray randomBytes(int size);

    std::optional<TestServerEnv> m_vsftpd;
    std::optional<TestServerEnv> m_mlsd;
    QTemporaryDir m_dir;
};

QByteArray TestFtpCli::randomBytes(int size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

void TestFtpCli::initTestCase()
{
    QString error;
    m_vsftpd = TestServerEnv::load(QStringLiteral("vsftpd"), &error);
    QVERIFY2(m_vsftpd.has_value(), qPrintable(error));
    m_mlsd = TestServerEnv::load(QStringLiteral("mlsdftp"), &error);
    QVERIFY2(m_mlsd.has_value(), qPrintable(error));
}

void TestFtpCli::addTargets()
{
    QTest::addColumn<FtpTarget>("target");
    QTest::addColumn<QString>("tag");
    QTest::newRow("vsftpd, AUTH TLS, session reuse required")
        << FtpTarget{QStringLiteral("ftp://%1@127.0.0.1:%2").arg(m_vsftpd->value(QStringLiteral("VSFTPD_USER")), m_vsftpd->value(QStringLiteral("VSFTPD_PORT"))),
                     {QStringLiteral("--ca-file"), m_vsftpd->value(QStringLiteral("VSFTPD_CA"))},
                     m_vsftpd->value(QStringLiteral("VSFTPD_PASSWORD"))}
        << QStringLiteral("vs");
    QTest::newRow("pyftpdlib, AUTH TLS, MLSD")
        << FtpTarget{QStringLiteral("ftp://%1@127.0.0.1:%2").arg(m_mlsd->value(QStringLiteral("MLSDFTP_USER")), m_mlsd->value(QStringLiteral("MLSDFTP_TLS_PORT"))),
                     {QStringLiteral("--ca-file"), m_mlsd->value(QStringLiteral("MLSDFTP_CA"))},
                     m_mlsd->value(QStringLiteral("MLSDFTP_PASSWORD"))}
        << QStringLiteral("mt");
    QTest::newRow("pyftpdlib, implicit FTPS, MLSD")
        << FtpTarget{QStringLiteral("ftps://%1@127.0.0.1:%2").arg(m_mlsd->value(QStringLiteral("MLSDFTP_USER")), m_mlsd->value(QStringLiteral("MLSDFTP_IMPLICIT_PORT"))),
                     {QStringLiteral("--ca-file"), m_mlsd->value(QStringLiteral("MLSDFTP_CA"))},
                     m_mlsd->value(QStringLiteral("MLSDFTP_PASSWORD"))}
        << QStringLiteral("mi");
    QTest::newRow("vsftpd, AUTH TLS, active mode")
        << FtpTarget{QStringLiteral("ftp://%1@127.0.0.1:%2").arg(m_vsftpd->value(QStringLiteral("VSFTPD_USER")), m_vsftpd->value(QStringLiteral("VSFTPD_PORT"))),
                     {QStringLiteral("--ca-file"), m_vsftpd->value(QStringLiteral("VSFTPD_CA"))},
                     m_vsftpd->value(QStringLiteral("VSFTPD_PASSWORD")),
                     {QStringLiteral("--active")}}
        << QStringLiteral("va");
    // pyftpdlib cannot do active mode with TLS (curl fails the same way), so plain here.
    QTest::newRow("pyftpdlib, plain by choice, active mode")
        << FtpTarget{QStringLiteral("ftp://%1@127.0.0.1:%2").arg(m_mlsd->value(QStringLiteral("MLSDFTP_USER")), m_mlsd->value(QStringLiteral("MLSDFTP_PLAIN_PORT"))),
                     {QStringLiteral("--insecure-plain")},
                     m_mlsd->value(QStringLiteral("MLSDFTP_PASSWORD")),
                     {QStringLiteral("--active")}}
        << QStringLiteral("ma");
    QTest::newRow("pyftpdlib, plain by choice, MLSD")
        << FtpTarget{QStringLiteral("ftp://%1@127.0.0.1:%2").arg(m_mlsd->value(QStringLiteral("MLSDFTP_USER")), m_mlsd->value(QStringLiteral("MLSDFTP_PLAIN_PORT"))),
                     {QStringLiteral("--insecure-plain")},
                     m_mlsd->value(QStringLiteral("MLSDFTP_PASSWORD"))}
        << QStringLiteral("mp");
}

CliResult TestFtpCli::run(const FtpTarget &t, const QStringList &args)
{
    CliRunner runner;
    runner.setPassword(t.password);
    QStringList all = t.globals;
    all << QStringLiteral("ftp") << t.url << args << t.commandOptions;
    return runner.run(all);
}

void TestFtpCli::everyCommand_data()
{
    addTargets();
}

void TestFtpCli::everyCommand()
{
    QFETCH(FtpTarget, target);
    QFETCH(QString, tag);
    const QString dir = QStringLiteral("Ünïcode dir %1").arg(tag);
    const QString local = m_dir.filePath(QStringLiteral("upload %1.bin").arg(tag));
    const QByteArray content = randomBytes(3 * 1024 * 1024 + 17);
    QFile f(local);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(content) == content.size());
    f.close();
    const QString remote = dir + QStringLiteral("/Grüße aus Köln.bin");

    CliResult r = run(target, {QStringLiteral("mkdir"), dir});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run(target, {QStringLiteral("put"), local, remote});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    CliRunner runner;
    runner.setPassword(target.password);
    const CliResult ls = runner.run(target.globals
                                    + QStringList{QStringLiteral("--json"), QStringLiteral("ftp"), target.url, QStringLiteral("ls"), dir}
                                    + target.commandOptions);
    QVERIFY2(ls.exitCode == 0, ls.err.constData());
    const QJsonArray entries = ls.json().array();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("name")).toString(), QStringLiteral("Grüße aus Köln.bin"));
    QCOMPARE(entry.value(QStringLiteral("type")).toString(), QStringLiteral("file"));
    QCOMPARE(entry.value(QStringLiteral("size")).toInteger(), content.size());
    QVERIFY(QDateTime::fromString(entry.value(QStringLiteral("mtime")).toString(), Qt::ISODate).isValid());

    r = run(target, {QStringLiteral("size"), remote});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.trimmed().toLongLong(), content.size());
    r = run(target, {QStringLiteral("mtime"), remote});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QDateTime mtime = QDateTime::fromString(QString::fromUtf8(r.out.trimmed()), Qt::ISODate);
    QVERIFY(mtime.isValid());
    QVERIFY(qAbs(mtime.secsTo(QDateTime::currentDateTimeUtc())) < 3600);

    const QString moved = dir + QStringLiteral("/renamed file.bin");
    r = run(target, {QStringLiteral("mv"), remote, moved});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString back = m_dir.filePath(QStringLiteral("back %1.bin").arg(tag));
    r = run(target, {QStringLiteral("get"), moved, back});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile b(back);
    QVERIFY(b.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(b.readAll(), QCryptographicHash::Sha256), QCryptographicHash::hash(content, QCryptographicHash::Sha256));
    QVERIFY(!QFile::exists(back + QStringLiteral(".part")));

    r = run(target, {QStringLiteral("rm"), moved});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run(target, {QStringLiteral("rmdir"), dir});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run(target, {QStringLiteral("size"), moved});
    QCOMPARE(r.exitCode, 7);
}

void TestFtpCli::modificationTimesKept_data()
{
    addTargets();
}

// A download takes the server's modification time (MDTM); an upload gives the server
// the local one (MFMT) where FEAT offers it: pyftpdlib does, vsftpd does not (its file
// then has the time of the upload).
void TestFtpCli::modificationTimesKept()
{
    QFETCH(FtpTarget, target);
    QFETCH(QString, tag);
    const bool serverSetsTime = tag.startsWith(QLatin1Char('m'));
    const QDateTime past(QDate(2021, 3, 4), QTime(5, 6, 7), QTimeZone::utc());
    const QString local = m_dir.filePath(QStringLiteral("dated-%1.txt").arg(tag));
    {
        QFile f(local);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(randomBytes(4096)) == 4096);
        f.close(); // written out first: a later flush would set the time again
        QVERIFY(f.open(QIODevice::Append));
        QVERIFY(f.setFileTime(past, QFileDevice::FileModificationTime));
    }
    QCOMPARE(QFileInfo(local).lastModified().toUTC(), past);
    const QString remote = QStringLiteral("dated %1.txt").arg(tag);
    CliResult r = run(target, {QStringLiteral("put"), local, remote});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run(target, {QStringLiteral("mtime"), remote});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QDateTime remoteTime = QDateTime::fromString(QString::fromUtf8(r.out.trimmed()), Qt::ISODate);
    QVERIFY(remoteTime.isValid());
    if (serverSetsTime) {
        QCOMPARE(remoteTime.toUTC(), past);
    } else {
        QVERIFY(qAbs(remoteTime.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
    }

    const QString back = m_dir.filePath(QStringLiteral("dated-back-%1.txt").arg(tag));
    r = run(target, {QStringLiteral("get"), remote, back});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QFileInfo(back).lastModified().toUTC(), remoteTime.toUTC());
    r = run(target, {QStringLiteral("rm"), remote});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestFtpCli::resumeGetAndPut_data()
{
    addTargets();
}

void TestFtpCli::resumeGetAndPut()
{
    QFETCH(FtpTarget, target);
    QFETCH(QString, tag);
    const QByteArray content = randomBytes(2 * 1024 * 1024);
    const QString full = m_dir.filePath(QStringLiteral("full-%1.bin").arg(tag));
    const QString half = m_dir.filePath(QStringLiteral("half-%1.bin").arg(tag));
    QFile f(full);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(content) == content.size());
    f.close();
    QFile h(half);
    QVERIFY(h.open(QIODevice::WriteOnly) && h.write(content.left(content.size() / 2)) == content.size() / 2);
    h.close();
    const QString remote = QStringLiteral("resume %1.bin").arg(tag);

    // An interrupted upload left half the file on the server; --resume appends the rest.
    CliResult r = run(target, {QStringLiteral("put"), half, remote});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run(target, {QStringLiteral("put"), full, remote, QStringLiteral("--resume")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run(target, {QStringLiteral("size"), remote});
    QCOMPARE(r.out.trimmed().toLongLong(), content.size());

    // An interrupted download left half in LOCAL.part; --resume continues it (REST).
    const QString local = m_dir.filePath(QStringLiteral("downloaded-%1.bin").arg(tag));
    QVERIFY(QFile::copy(half, local + QStringLiteral(".part")));
    r = run(target, {QStringLiteral("get"), remote, local, QStringLiteral("--resume")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile d(local);
    QVERIFY(d.open(QIODevice::ReadOnly));
    QVERIFY(d.readAll() == content);
    QVERIFY(!QFile::exists(local + QStringLiteral(".part")));
    QCOMPARE(run(target, {QStringLiteral("rm"), remote}).exitCode, 0);
}

void TestFtpCli::asciiTextRoundTrips_data()
{
    addTargets();
}

// --ascii (TYPE A): a text file with LF line ends goes up and comes back identical,
// whatever the server does with line ends in between (pyftpdlib converts them, vsftpd
// by default stores what it gets); the session is in binary type again afterwards.
void TestFtpCli::asciiTextRoundTrips()
{
    QFETCH(FtpTarget, target);
    QFETCH(QString, tag);
    const QByteArray text = QByteArray("first line\nGrüße aus Köln\n\nlast line without end");
    const QString local = m_dir.filePath(QStringLiteral("ascii-%1.txt").arg(tag));
    QFile f(local);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
    f.close();
    const QString remote = QStringLiteral("ascii %1.txt").arg(tag);
    CliResult r = run(target, {QStringLiteral("put"), local, remote, QStringLiteral("--ascii")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString back = m_dir.filePath(QStringLiteral("ascii-back-%1.txt").arg(tag));
    r = run(target, {QStringLiteral("get"), remote, back, QStringLiteral("--ascii")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile b(back);
    QVERIFY(b.open(QIODevice::ReadOnly));
    QCOMPARE(b.readAll(), text);
    // A binary transfer afterwards is byte-exact again (TYPE I was restored).
    const QByteArray binary = randomBytes(64 * 1024);
    const QString blob = m_dir.filePath(QStringLiteral("after-ascii-%1.bin").arg(tag));
    QFile bf(blob);
    QVERIFY(bf.open(QIODevice::WriteOnly) && bf.write(binary) == binary.size());
    bf.close();
    QCOMPARE(run(target, {QStringLiteral("put"), blob, QStringLiteral("after ascii %1.bin").arg(tag)}).exitCode, 0);
    r = run(target, {QStringLiteral("size"), QStringLiteral("after ascii %1.bin").arg(tag)});
    QCOMPARE(r.out.trimmed().toLongLong(), binary.size());
    QCOMPARE(run(target, {QStringLiteral("get"), remote, back, QStringLiteral("--ascii"), QStringLiteral("--resume")}).exitCode, 2);
    QCOMPARE(run(target, {QStringLiteral("rm"), remote}).exitCode, 0);
    QCOMPARE(run(target, {QStringLiteral("rm"), QStringLiteral("after ascii %1.bin").arg(tag)}).exitCode, 0);
}

void TestFtpCli::overwritePolicies_data()
{
    addTargets();
}

// --overwrite: what happens when the destination exists, for get and put, one file and
// trees. Each case checks the bytes that end up on both sides.
void TestFtpCli::overwritePolicies()
{
    QFETCH(FtpTarget, target);
    QFETCH(QString, tag);
    const QByteArray content = randomBytes(1024 * 1024);
    const QByteArray other = randomBytes(64 * 1024);
    const QString source = m_dir.filePath(QStringLiteral("ow-source-%1.bin").arg(tag));
    QFile f(source);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(content) == content.size());
    f.close();
    const QString remote = QStringLiteral("overwrite %1.bin").arg(tag);
    auto read = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("missing");
    };
    auto write = [](const QString &path, const QByteArray &bytes) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    CliResult r = run(target, {QStringLiteral("put"), source, remote});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // get --overwrite skip: the existing local file stays as it was.
    const QString local = m_dir.filePath(QStringLiteral("ow-local-%1.bin").arg(tag));
    QVERIFY(write(local, other));
    r = run(target, {QStringLiteral("get"), remote, local, QStringLiteral("--overwrite"), QStringLiteral("skip")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("1 skipped"), r.out.constData());
    QVERIFY(read(local) == other);

    // get --overwrite rename: the download goes to "name (2).ext", the original stays.
    r = run(target, {QStringLiteral("get"), remote, local, QStringLiteral("--overwrite"), QStringLiteral("rename")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(read(local) == other);
    QVERIFY(read(m_dir.filePath(QStringLiteral("ow-local-%1 (2).bin").arg(tag))) == content);

    // get --overwrite resume-if-smaller: a smaller local copy (the first half) is continued.
    QVERIFY(write(local, content.left(content.size() / 3)));
    r = run(target, {QStringLiteral("get"), remote, local, QStringLiteral("--overwrite"), QStringLiteral("resume-if-smaller")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(read(local) == content);
    QVERIFY(!QFile::exists(local + QStringLiteral(".part")));
    // ...and one of the same size is left alone.
    r = run(target, {QStringLiteral("get"), remote, local, QStringLiteral("--overwrite"), QStringLiteral("resume-if-smaller")});
    QVERIFY2(r.exitCode == 0 && r.out.contains("1 skipped"), r.out.constData());

    // put --overwrite skip: the server's file is unchanged.
    const QString small = m_dir.filePath(QStringLiteral("ow-small-%1.bin").arg(tag));
    QVERIFY(write(small, other));
    r = run(target, {QStringLiteral("put"), small, remote, QStringLiteral("--overwrite"), QStringLiteral("skip")});
    QVERIFY2(r.exitCode == 0 && r.out.contains("1 skipped"), r.out.constData());
    r = run(target, {QStringLiteral("size"), remote});
    QCOMPARE(r.out.trimmed().toLongLong(), content.size());

    // put --overwrite rename: the upload lands as "overwrite TAG (2).bin".
    r = run(target, {QStringLiteral("put"), small, remote, QStringLiteral("--overwrite"), QStringLiteral("rename")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString renamed = QStringLiteral("overwrite %1 (2).bin").arg(tag);
    r = run(target, {QStringLiteral("size"), renamed});
    QCOMPARE(r.out.trimmed().toLongLong(), other.size());

    // put --overwrite resume-if-smaller: the server's shorter copy is completed.
    const QString partial = QStringLiteral("overwrite partial %1.bin").arg(tag);
    const QString firstHalf = m_dir.filePath(QStringLiteral("ow-half-%1.bin").arg(tag));
    QVERIFY(write(firstHalf, content.left(content.size() / 2)));
    QCOMPARE(run(target, {QStringLiteral("put"), firstHalf, partial}).exitCode, 0);
    r = run(target, {QStringLiteral("put"), source, partial, QStringLiteral("--overwrite"), QStringLiteral("resume-if-smaller")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString check = m_dir.filePath(QStringLiteral("ow-check-%1.bin").arg(tag));
    QCOMPARE(run(target, {QStringLiteral("get"), partial, check}).exitCode, 0);
    QVERIFY(read(check) == content);

    // The command line cannot ask.
    r = run(target, {QStringLiteral("get"), remote, local, QStringLiteral("--overwrite"), QStringLiteral("ask")});
    QCOMPARE(r.exitCode, 2);
    for (const QString &name : {remote, renamed, partial}) {
        QCOMPARE(run(target, {QStringLiteral("rm"), name}).exitCode, 0);
    }
}

static QMap<QString, QByteArray> snapshot(const QString &root)
{
    // relative path -> SHA-256 for files, "dir" for folders (empty ones included)
    QMap<QString, QByteArray> result;
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString relative = QDir(root).relativeFilePath(info.filePath());
        if (info.isDir()) {
            result.insert(relative, "dir");
        } else {
            QFile f(info.filePath());
            result.insert(relative, f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                                               : QByteArray("unreadable"));
        }
    }
    return result;
}

void TestFtpCli::recursiveTreesInParallel_data()
{
    QTest::addColumn<FtpTarget>("target");
    QTest::addColumn<QString>("tag");
    QTest::newRow("vsftpd, 12 connections")
        << FtpTarget{QStringLiteral("ftp://%1@127.0.0.1:%2").arg(m_vsftpd->value(QStringLiteral("VSFTPD_USER")), m_vsftpd->value(QStringLiteral("VSFTPD_PORT"))),
                     {QStringLiteral("--ca-file"), m_vsftpd->value(QStringLiteral("VSFTPD_CA"))},
                     m_vsftpd->value(QStringLiteral("VSFTPD_PASSWORD"))}
        << QStringLiteral("rv");
    QTest::newRow("pyftpdlib, 12 connections")
        << FtpTarget{QStringLiteral("ftp://%1@127.0.0.1:%2").arg(m_mlsd->value(QStringLiteral("MLSDFTP_USER")), m_mlsd->value(QStringLiteral("MLSDFTP_TLS_PORT"))),
                     {QStringLiteral("--ca-file"), m_mlsd->value(QStringLiteral("MLSDFTP_CA"))},
                     m_mlsd->value(QStringLiteral("MLSDFTP_PASSWORD"))}
        << QStringLiteral("rm");
}

void TestFtpCli::recursiveTreesInParallel()
{
    QFETCH(FtpTarget, target);
    QFETCH(QString, tag);
    // A tree with spaces and non-ASCII names, nested folders and an empty one.
    const QString source = m_dir.filePath(QStringLiteral("tree-%1").arg(tag));
    QVERIFY(QDir().mkpath(source + QStringLiteral("/Sub dir/Ünïcode ä")));
    QVERIFY(QDir().mkpath(source + QStringLiteral("/empty folder")));
    for (int i = 0; i < 30; ++i) {
        const QString name = i % 3 == 0 ? QStringLiteral("/Sub dir/Ünïcode ä/f %1.bin") : i % 3 == 1 ? QStringLiteral("/Sub dir/f %1.bin")
                                                                                                    : QStringLiteral("/f %1.bin");
        QFile f(source + name.arg(i));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(randomBytes(1000 + i * 997));
    }
    const QString remote = QStringLiteral("tree %1").arg(tag);
    CliResult r;
    {
        // --json comes before the protocol word, so the runner is called directly.
        CliRunner runner;
        runner.setPassword(target.password);
        r = runner.run(target.globals + QStringList{QStringLiteral("--json"), QStringLiteral("ftp"), target.url, QStringLiteral("put"),
                                                    QStringLiteral("-r"), source, remote, QStringLiteral("--parallel"), QStringLiteral("12")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json().object().value(QStringLiteral("done")).toInt(), 30);
        QCOMPARE(r.json().object().value(QStringLiteral("connections")).toInt(), 12); // more than ten, as asked
        const QString back = m_dir.filePath(QStringLiteral("back-%1").arg(tag));
        r = runner.run(target.globals + QStringList{QStringLiteral("--json"), QStringLiteral("ftp"), target.url, QStringLiteral("get"),
                                                    QStringLiteral("-r"), remote, back, QStringLiteral("--parallel"), QStringLiteral("12")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json().object().value(QStringLiteral("done")).toInt(), 30);
        QCOMPARE(snapshot(back), snapshot(source));
    }
}

void TestFtpCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("words");
    const QString vsUrl = QStringLiteral("ftp://%1@127.0.0.1:%2").arg(m_vsftpd->value(QStringLiteral("VSFTPD_USER")), m_vsftpd->value(QStringLiteral("VSFTPD_PORT")));
    const QString ca = m_vsftpd->value(QStringLiteral("VSFTPD_CA"));
    const QString good = m_vsftpd->value(QStringLiteral("VSFTPD_PASSWORD"));
    QTest::newRow("wrong password") << QStringList{QStringLiteral("--ca-file"), ca, QStringLiteral("ftp"), vsUrl, QStringLiteral("ls")}
                                    << QStringLiteral("wrong") << 5 << QStringLiteral("refused the login");
    QTest::newRow("untrusted certificate") << QStringList{QStringLiteral("ftp"), vsUrl, QStringLiteral("ls")} << good << 4
                                           << QStringLiteral("is not trusted");
    QTest::newRow("missing remote file") << QStringList{QStringLiteral("--ca-file"), ca, QStringLiteral("ftp"), vsUrl, QStringLiteral("get"),
                                                        QStringLiteral("no such file.bin"), m_dir.filePath(QStringLiteral("nothing.bin"))}
                                         << good << 7 << QStringLiteral("RETR no such file.bin: 550");
    QTest::newRow("plaintext refused by the server") << QStringList{QStringLiteral("--insecure-plain"), QStringLiteral("ftp"), vsUrl, QStringLiteral("ls")}
                                                     << good << 5 << QStringLiteral("530");
}

void TestFtpCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, password);
    QFETCH(int, code);
    QFETCH(QString, words);
    CliRunner runner;
    runner.setPassword(password);
    const CliResult r = runner.run(args);
    QCOMPARE(r.exitCode, code);
    QVERIFY2(QString::fromUtf8(r.err).contains(words), r.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nothing.bin"))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nothing.bin.part"))));
}

QTEST_GUILESS_MAIN(TestFtpCli)
#include "tst_ftp_cli.moc"
