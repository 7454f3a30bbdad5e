#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QStringList>

namespace Satchel::Test {

// Runs the built satchel-cli (black-box tests of the CLI.md contract).
struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

class CliRunner
{
public:
    CliRunner();
    void setPassword(const QString &password) { m_env.insert(QStringLiteral("SATCHEL_PASSWORD"), password); }
    void clearPassword() { m_env.remove(QStringLiteral("SATCHEL_PASSWORD")); }
    CliResult run(const QStringList &args, int timeoutMs = 120000) const;
    static QString cliPath();

private:
    QProcessEnvironment m_env;
};

// Runs a tests/servers script (seeding, for instance); true on exit code 0.
bool runServerScript(const QString &script, const QStringList &args, QString *output);

// Puts `messages` into `folder` of `user` on the test Dovecot (tests/servers/dovecot.sh
// seed), each written first to a file in `scratchDir`; true when they are there. On
// failure `output` says why.
bool seedDovecot(const QString &user, const QString &folder, const QList<QByteArray> &messages,
    const QString &scratchDir, QString *output);

} // namespace Satchel::Test
