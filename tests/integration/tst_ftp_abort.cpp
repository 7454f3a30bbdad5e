// The transfer queue stops a running transfer with ABOR (RFC 959 §4.1.3) instead of
// dropping its connection, against the two real FTP servers: vsftpd (explicit FTPS with
// require_ssl_reuse, so every later data connection must still resume the control
// connection's TLS session) and pyftpdlib (explicit FTPS, MLSD). A paused download or a
// cancelled upload of 256 MiB, stopped in the middle, does not cost a new connection and
// login: the same logged-in connection takes the next item, and a paused download,
// resumed, still arrives byte for byte.
#include "protocols/ftp/FtpGetOperation.h"
#include "protocols/ftp/TransferQueue.h"
#include "protocols/net/TrustStore.h"
#include "tests/common/TestServerEnv.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <unistd.h>

using namespace Satchel;
using namespace Satchel::Ftp;
using namespace Satchel::Test;

struct FtpServer {
    QString prefix; // env keys: VSFTPD_..., MLSDFTP_...
    QString portKey; // the explicit FTPS (AUTH TLS) port
    QString tag; // in file names, so the rows never share a file
};
Q_DECLARE_METATYPE(FtpServer)

namespace {

constexpr int kBigMiB = 256;

QByteArray randomBytes(int size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

// One random MiB written over and over, each copy with its offset in front, so a
// misplaced or repeated block shows in the hash.
bool writeBigFile(const QString &path, int mebibytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    QByteArray chunk = randomBytes(1024 * 1024);
    for (quint64 offset = 0; offset < quint64(mebibytes) * 1024 * 1024; offset += quint64(chunk.size())) {
        std::memcpy(chunk.data(), &offset, sizeof offset);
        if (f.write(chunk) != chunk.size()) {
            return false;
        }
    }
    return true;
}

// A file put straight into a server's root is made the FTP user's (the root's owner),
// as if it had uploaded it: vsftpd serves a local user only what that user may read.
bool handToServer(const QString &path, const QString &serverRoot)
{
    if (!QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther)) {
        return false;
    }
    const QFileInfo root(serverRoot);
    return ::geteuid() != 0 || ::chown(QFile::encodeName(path).constData(), root.ownerId(), root.groupId()) == 0;
}

// SHA-256 of a file, read in pieces (256 MiB is not read into memory).
QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return f.open(QIODevice::ReadOnly) && hash.addData(&f) ? hash.result() : QByteArray();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("missing");
}

TransferItem itemFor(TransferItem::Direction direction, const QString &local, const QString &remote)
{
    TransferItem item;
    item.direction = direction;
    item.localPath = local;
    item.remotePath = remote;
    return item;
}

// Once the item `running` on `queue` (one connection) has moved bytes, `stop` (pause or
// cancel) leaves it `stopped`. The next item is added at once (with nothing left to do,
// the queue would say goodbye to the server) and runs on the same connection once ABOR
// was answered. A failure here fails the test: the caller checks currentTestFailed().
void stopWhileRunningThenRun(TransferQueue &queue, qint64 running, void (TransferQueue::*stop)(qint64),
    TransferItem::State stopped, const TransferItem &next)
{
    QTRY_VERIFY_WITH_TIMEOUT(
        queue.item(running).state == TransferItem::State::Running && queue.item(running).transferred > 0, 30000);
    (queue.*stop)(running);
    QCOMPARE(queue.item(running).state, stopped);
    const qint64 id = queue.add(next);
    QTRY_VERIFY2_WITH_TIMEOUT(
        queue.item(id).state == TransferItem::State::Done, qPrintable(queue.item(id).error), 30000);
}

} // namespace

class TestFtpAbort : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pausingARunningDownloadKeepsTheConnection_data() { addServers(); }
    void pausingARunningDownloadKeepsTheConnection();
    void cancellingARunningUploadKeepsTheConnection_data() { addServers(); }
    void cancellingARunningUploadKeepsTheConnection();

private:
    static void addServers();
    const TestServerEnv &envOf(const FtpServer &server) const
    {
        return server.prefix == QLatin1String("VSFTPD") ? *m_vsftpd : *m_mlsd;
    }
    bool sessionOptions(const FtpServer &server, FtpSession::Options *options, QString *error) const;

    std::optional<TestServerEnv> m_vsftpd;
    std::optional<TestServerEnv> m_mlsd;
};

void TestFtpAbort::initTestCase()
{
    QString error;
    m_vsftpd = TestServerEnv::load(QStringLiteral("vsftpd"), &error);
    QVERIFY2(m_vsftpd.has_value(), qPrintable(error));
    m_mlsd = TestServerEnv::load(QStringLiteral("mlsdftp"), &error);
    QVERIFY2(m_mlsd.has_value(), qPrintable(error));
}

void TestFtpAbort::addServers()
{
    QTest::addColumn<FtpServer>("server");
    QTest::newRow("vsftpd, AUTH TLS, session reuse required")
        << FtpServer { QStringLiteral("VSFTPD"), QStringLiteral("VSFTPD_PORT"), QStringLiteral("vs") };
    QTest::newRow("pyftpdlib, AUTH TLS, MLSD")
        << FtpServer { QStringLiteral("MLSDFTP"), QStringLiteral("MLSDFTP_TLS_PORT"), QStringLiteral("mt") };
}

// AUTH TLS required, the server's certificate trusted through the test CA (no question).
bool TestFtpAbort::sessionOptions(const FtpServer &server, FtpSession::Options *options, QString *error) const
{
    const TestServerEnv &env = envOf(server);
    auto trust = std::make_shared<Net::TrustStore>();
    if (!trust->addCaFile(env.value(server.prefix + QStringLiteral("_CA")), error)) {
        return false;
    }
    options->connection.host = env.value(server.prefix + QStringLiteral("_HOST"));
    options->connection.port = env.port(server.portKey);
    options->connection.policy = Net::TlsPolicy::StartTlsRequired;
    options->connection.trust = trust;
    options->credentials = { env.value(server.prefix + QStringLiteral("_USER")),
        env.value(server.prefix + QStringLiteral("_PASSWORD")) };
    return true;
}

void TestFtpAbort::pausingARunningDownloadKeepsTheConnection()
{
    QFETCH(FtpServer, server);
    const QString serverRoot = envOf(server).value(server.prefix + QStringLiteral("_ROOT"));
    const QString bigName = QStringLiteral("/abort big %1.bin").arg(server.tag);
    const QString smallName = QStringLiteral("/abort small %1.bin").arg(server.tag);
    const auto removeFromServer = qScopeGuard([&] {
        QFile::remove(serverRoot + bigName);
        QFile::remove(serverRoot + smallName);
    });
    QVERIFY(writeBigFile(serverRoot + bigName, kBigMiB));
    QVERIFY(handToServer(serverRoot + bigName, serverRoot));
    const QByteArray small = randomBytes(6 * 1024);
    {
        QFile f(serverRoot + smallName);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(small) == small.size());
    }
    QVERIFY(handToServer(serverRoot + smallName, serverRoot));

    FtpSession::Options options;
    QString error;
    QVERIFY2(sessionOptions(server, &options, &error), qPrintable(error));
    QTemporaryDir local;
    QVERIFY(local.isValid());
    const QString bigLocal = local.filePath(QStringLiteral("big.bin"));
    const QString smallLocal = local.filePath(QStringLiteral("small.bin"));
    TransferQueue queue(options, 1);
    const qint64 big = queue.add(itemFor(TransferItem::Direction::Download, bigLocal, bigName));
    stopWhileRunningThenRun(queue, big, &TransferQueue::pause, TransferItem::State::Paused,
        itemFor(TransferItem::Direction::Download, smallLocal, smallName));
    if (QTest::currentTestFailed()) {
        return;
    }
    QCOMPARE(readAll(smallLocal), small);
    QCOMPARE(queue.connectionsOpened(), 1);
    QCOMPARE(queue.item(big).state, TransferItem::State::Paused);
    QVERIFY(!QFile::exists(bigLocal)); // at most its partial file
    QVERIFY(!QFile::exists(FtpGetOperation::partialPath(smallLocal)));

    // Resumed, it continues its partial file (REST) instead of starting over. To see
    // that, the partial file's first bytes are marked: a download that starts over
    // would replace them with the server's.
    const QByteArray mark("KEPT BY RESUME!!");
    QByteArray original;
    {
        QFile part(FtpGetOperation::partialPath(bigLocal));
        QVERIFY(part.size() > mark.size());
        QVERIFY(part.open(QIODevice::ReadWrite));
        original = part.read(mark.size());
        QVERIFY(part.seek(0) && part.write(mark) == mark.size());
    }
    queue.resume(big);
    QTRY_VERIFY2_WITH_TIMEOUT(
        queue.item(big).state == TransferItem::State::Done, qPrintable(queue.item(big).error), 120000);
    QVERIFY(!QFile::exists(FtpGetOperation::partialPath(bigLocal)));
    QCOMPARE(QFileInfo(bigLocal).size(), QFileInfo(serverRoot + bigName).size());
    {
        QFile done(bigLocal);
        QVERIFY(done.open(QIODevice::ReadWrite));
        QCOMPARE(done.read(mark.size()), mark); // continued, not fetched again
        QVERIFY(done.seek(0) && done.write(original) == original.size());
    }
    const QByteArray got = sha256Of(bigLocal);
    QVERIFY(!got.isEmpty());
    QCOMPARE(got, sha256Of(serverRoot + bigName));
    QCOMPARE(queue.connectionsOpened(), 1);
}

void TestFtpAbort::cancellingARunningUploadKeepsTheConnection()
{
    QFETCH(FtpServer, server);
    const QString serverRoot = envOf(server).value(server.prefix + QStringLiteral("_ROOT"));
    const QString bigName = QStringLiteral("/abort upload big %1.bin").arg(server.tag);
    const QString smallName = QStringLiteral("/abort upload small %1.bin").arg(server.tag);
    const auto removeFromServer = qScopeGuard([&] {
        QFile::remove(serverRoot + bigName);
        QFile::remove(serverRoot + smallName);
    });
    QFile::remove(serverRoot + smallName); // a run before this one may have left it
    QTemporaryDir local;
    QVERIFY(local.isValid());
    const QString bigLocal = local.filePath(QStringLiteral("big.bin"));
    const QString smallLocal = local.filePath(QStringLiteral("small.bin"));
    QVERIFY(writeBigFile(bigLocal, kBigMiB));
    const QByteArray small = randomBytes(6 * 1024);
    {
        QFile f(smallLocal);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(small) == small.size());
    }

    FtpSession::Options options;
    QString error;
    QVERIFY2(sessionOptions(server, &options, &error), qPrintable(error));
    TransferQueue queue(options, 1);
    const qint64 big = queue.add(itemFor(TransferItem::Direction::Upload, bigLocal, bigName));
    stopWhileRunningThenRun(queue, big, &TransferQueue::cancel, TransferItem::State::Cancelled,
        itemFor(TransferItem::Direction::Upload, smallLocal, smallName));
    if (QTest::currentTestFailed()) {
        return;
    }
    QCOMPARE(readAll(serverRoot + smallName), small);
    QCOMPARE(queue.item(big).state, TransferItem::State::Cancelled);
    QCOMPARE(queue.connectionsOpened(), 1);
}

QTEST_GUILESS_MAIN(TestFtpAbort)
#include "tst_ftp_abort.moc"
