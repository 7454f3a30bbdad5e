// satchel-cli keeps the contract of ../shared/CLI.md for what this build has:
// --help and --version exit 0 on stdout; anything it does not know is a usage
// error, exit code 2, with the reason in words on stderr.
#include <QProcess>
#include <QTest>

class TestCliContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void run_data();
    void run();
    void versionNamesTheLibraries();

private:
    struct Result {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result runCli(const QStringList &args) const;

    QString m_cli;
};

void TestCliContract::initTestCase()
{
    m_cli = qEnvironmentVariable("SATCHEL_BINARY_DIR") + QStringLiteral("/app/satchel-cli");
    QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
}

TestCliContract::Result TestCliContract::runCli(const QStringList &args) const
{
    QProcess process;
    process.start(m_cli, args);
    Result result;
    if (!process.waitForFinished(30000)) {
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void TestCliContract::run_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("stdoutContains");
    QTest::addColumn<QByteArray>("stderrContains");

    QTest::newRow("--help prints usage") << QStringList{QStringLiteral("--help")} << 0 << QByteArray("Usage: satchel-cli") << QByteArray();
    QTest::newRow("-h prints usage") << QStringList{QStringLiteral("-h")} << 0 << QByteArray("Exit codes:") << QByteArray();
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << 0 << QByteArray("satchel-cli 0.") << QByteArray();
    QTest::newRow("no arguments is a usage error") << QStringList{} << 2 << QByteArray() << QByteArray("Usage: satchel-cli");
    QTest::newRow("unknown command is a usage error")
        << QStringList{QStringLiteral("frobnicate")} << 2 << QByteArray() << QByteArray("unknown command or option 'frobnicate'");
}

void TestCliContract::run()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, stdoutContains);
    QFETCH(QByteArray, stderrContains);

    const Result result = runCli(args);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.out.contains(stdoutContains), result.out.constData());
    QVERIFY2(result.err.contains(stderrContains), result.err.constData());
    if (exitCode == 0) {
        QVERIFY2(result.err.isEmpty(), result.err.constData());
    } else {
        QVERIFY2(result.out.isEmpty(), "errors go to stderr, never stdout");
    }
}

void TestCliContract::versionNamesTheLibraries()
{
    const Result result = runCli({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("Qt: 6."));
    QVERIFY(result.out.contains("TLS backend: openssl"));
    QVERIFY(result.out.contains("TLS library: OpenSSL 3"));
    QVERIFY(result.out.contains("GMime: 3."));
}

QTEST_GUILESS_MAIN(TestCliContract)
#include "tst_cli_contract.moc"
