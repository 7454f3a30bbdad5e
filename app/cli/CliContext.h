#pragma once

#include "app/cli/CliUsage.h"
#include "app/cli/GlobalOptions.h"
#include "app/cli/ServerUrl.h"
#include "protocols/core/OperationError.h"
#include "protocols/net/ConnectionSettings.h"

#include <QJsonObject>
#include <QString>

namespace Satchel::Cli {

// What every protocol command needs: the parsed options and URL, the password, the
// connection settings built from them, and the way to report results and errors.
class CliContext
{
public:
    CliContext(GlobalOptions options, ServerUrl url);

    // Password from SATCHEL_PASSWORD or --password-file (never argv). False with the
    // reason in `error` and its exit code in `code` when there is none.
    bool loadPassword(QString *error, ExitCode *code);
    // Trust (system CAs, --ca-file, --pin for this server), timeouts, the log.
    bool buildConnectionSettings(Net::LogDialect dialect, QString *error, ExitCode *code);

    const GlobalOptions &options() const { return m_options; }
    const ServerUrl &url() const { return m_url; }
    const QString &password() const { return m_password; }
    const Net::ConnectionSettings &connectionSettings() const { return m_settings; }
    QString account() const;
    // FTP: data connections in active mode (--active).
    void setActiveMode(bool on) { m_activeMode = on; }
    bool activeMode() const { return m_activeMode; }

    // Output: human text, or with --json one JSON document / JSON lines on stdout.
    void printLine(const QString &text) const;
    void printJson(const QJsonValue &value) const;
    // False when stdout cannot take them (a full disk, a closed pipe).
    bool writeStdout(const QByteArray &bytes) const;
    // One line on stderr in words (a JSON object with --json); returns the exit code.
    int fail(ExitCode code, const QString &message) const;
    int fail(const OperationError &error) const;

    static ExitCode exitCodeFor(OperationError::Kind kind);

private:
    GlobalOptions m_options;
    ServerUrl m_url;
    QString m_password;
    Net::ConnectionSettings m_settings;
    bool m_activeMode = false;
};

} // namespace Satchel::Cli
