#include "app/cli/CliContext.h"

#include "protocols/net/SpkiPin.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace Satchel::Cli {

CliContext::CliContext(GlobalOptions options, ServerUrl url)
    : m_options(std::move(options))
    , m_url(std::move(url))
{
}

QString CliContext::account() const
{
    // The mailbox, not the way to it: pop3:// on 110 and pop3s:// on 995 reach the same
    // messages and must share one ledger.
    return m_url.user + QLatin1Char('@') + m_url.host.toLower();
}

bool CliContext::loadPassword(QString *error, ExitCode *code)
{
    *code = ExitCode::Usage;
    if (!m_options.passwordFile.isEmpty()) {
        QFile file(m_options.passwordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *code = ExitCode::LocalIo;
            *error = QStringLiteral("cannot read the password file %1: %2").arg(file.fileName(), file.errorString());
            return false;
        }
        QByteArray line = file.readLine();
        while (line.endsWith('\n') || line.endsWith('\r')) {
            line.chop(1);
        }
        m_password = QString::fromUtf8(line);
    } else if (qEnvironmentVariableIsSet("SATCHEL_PASSWORD")) {
        m_password = qEnvironmentVariable("SATCHEL_PASSWORD");
    } else {
        *error = QStringLiteral("no password: set SATCHEL_PASSWORD or use --password-file");
        return false;
    }
    return true;
}

bool CliContext::buildConnectionSettings(Net::LogDialect dialect, QString *error, ExitCode *code)
{
    *code = ExitCode::Usage;
    using namespace std::chrono;
    m_settings.host = m_url.host;
    m_settings.port = m_url.port;
    m_settings.policy = m_url.policy;
    m_settings.connectTimeout = seconds(m_options.timeoutSeconds);
    m_settings.responseTimeout = seconds(m_options.timeoutSeconds);
    m_settings.trust = std::make_shared<Net::TrustStore>();
    for (const QString &file : m_options.caFiles) {
        if (!m_settings.trust->addCaFile(file, error)) {
            *code = ExitCode::LocalIo;
            return false;
        }
    }
    for (const QString &text : m_options.pins) {
        const Net::SpkiPin pin = Net::SpkiPin::parse(text);
        if (!pin.isValid()) {
            *error = QStringLiteral("'%1' is not a key pin; it looks like sha256/ followed by 44 base64 characters")
                         .arg(text);
            return false;
        }
        m_settings.trust->addPin(m_url.host, m_url.port, pin);
    }
    if (!m_options.logFile.isEmpty()) {
        m_settings.log = std::make_shared<Net::ProtocolLog>(dialect, account());
        if (!m_settings.log->openFile(m_options.logFile, error)) {
            *code = ExitCode::LocalIo;
            return false;
        }
    }
    return true;
}

bool CliContext::writeStdout(const QByteArray &bytes) const
{
    return std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout) == static_cast<size_t>(bytes.size());
}

void CliContext::printLine(const QString &text) const
{
    writeStdout(text.toUtf8() + '\n');
}

void CliContext::printJson(const QJsonValue &value) const
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    writeStdout(doc.toJson(QJsonDocument::Compact) + '\n');
}

int CliContext::fail(ExitCode code, const QString &message) const
{
    QByteArray line;
    if (m_options.json) {
        line = QJsonDocument(QJsonObject{{QStringLiteral("error"), message},
                                         {QStringLiteral("code"), static_cast<int>(code)}})
                   .toJson(QJsonDocument::Compact);
    } else {
        line = QByteArray("satchel-cli: ") + message.toUtf8();
    }
    line += '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    return static_cast<int>(code);
}

int CliContext::fail(const OperationError &error) const
{
    return fail(exitCodeFor(error.kind), error.message);
}

ExitCode CliContext::exitCodeFor(OperationError::Kind kind)
{
    switch (kind) {
    case OperationError::Kind::Network:
        return ExitCode::Network;
    case OperationError::Kind::Tls:
        return ExitCode::Tls;
    case OperationError::Kind::Authentication:
        return ExitCode::Authentication;
    case OperationError::Kind::Protocol:
        return ExitCode::Protocol;
    case OperationError::Kind::NotFound:
        return ExitCode::NotFound;
    case OperationError::Kind::LocalIo:
        return ExitCode::LocalIo;
    case OperationError::Kind::Refused:
    case OperationError::Kind::Cancelled:
        return ExitCode::Refused;
    }
    return ExitCode::Protocol;
}

} // namespace Satchel::Cli
