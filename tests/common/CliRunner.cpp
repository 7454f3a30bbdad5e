#include "tests/common/CliRunner.h"

#include <QProcess>

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

} // namespace Satchel::Test
