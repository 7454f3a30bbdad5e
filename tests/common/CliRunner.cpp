#include "tests/common/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QUuid>

namespace Satchel::Test {

CliRunner::CliRunner()
    : m_env(QProcessEnvironment::systemEnvironment())
{
    m_env.remove(QStringLiteral("SATCHEL_PASSWORD"));
}

QString CliRunner::cliPath()
{
    return qEnvironmentVariable("SATCHEL_BINARY_DIR") + QStringLiteral("/app/satchel-cli");
}

CliResult CliRunner::run(const QStringList &args, int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.start(cliPath(), args);
    CliResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "satchel-cli did not finish in time";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

bool runServerScript(const QString &script, const QStringList &args, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(qEnvironmentVariable("SATCHEL_SOURCE_DIR") + QStringLiteral("/tests/servers/") + script, args);
    const bool finished = process.waitForFinished(120000);
    *output = QString::fromUtf8(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool seedDovecot(const QString &user, const QString &folder, const QList<QByteArray> &messages,
    const QString &scratchDir, QString *output)
{
    QStringList args { QStringLiteral("seed"),
        qEnvironmentVariable("SATCHEL_TEST_SERVERS") + QStringLiteral("/dovecot"), user, folder };
    for (const QByteArray &message : messages) {
        // Names unique across calls: a test may seed several times into one directory.
        const QString path
            = QDir(scratchDir)
                  .filePath(QStringLiteral("seed-%1.eml").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(message) != message.size()) {
            *output = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
        args << path;
    }
    return runServerScript(QStringLiteral("dovecot.sh"), args, output);
}

} // namespace Satchel::Test
