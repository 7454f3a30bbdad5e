#include "tests/common/TestLineClient.h"

#include <QSslConfiguration>

namespace Satchel::Test {

TestLineClient::TestLineClient(const QString &caFile)
    : m_caFile(caFile)
{
}

void TestLineClient::configure()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_caFile);
    config.setCaCertificates(ca);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    m_socket.setSslConfiguration(config);
    if (ca.isEmpty()) {
        m_error = QStringLiteral("no CA certificate in %1").arg(m_caFile);
    }
}

bool TestLineClient::connectPlain(const QString &host, quint16 port)
{
    configure();
    m_host = host;
    m_socket.connectToHost(host, port);
    if (!m_socket.waitForConnected(m_timeoutMs)) {
        m_error = m_socket.errorString();
        return false;
    }
    return true;
}

bool TestLineClient::connectImplicitTls(const QString &host, quint16 port)
{
    configure();
    m_host = host;
    m_socket.connectToHostEncrypted(host, port);
    if (!m_socket.waitForEncrypted(m_timeoutMs)) {
        m_error = m_socket.errorString();
        return false;
    }
    return true;
}

bool TestLineClient::startTls()
{
    if (m_socket.bytesAvailable() > 0) {
        m_error = QStringLiteral("bytes arrived before the TLS handshake");
        return false;
    }
    m_socket.startClientEncryption();
    if (!m_socket.waitForEncrypted(m_timeoutMs)) {
        m_error = m_socket.errorString();
        return false;
    }
    return true;
}

bool TestLineClient::writeLine(const QByteArray &line)
{
    m_socket.write(line + "\r\n");
    if (!m_socket.waitForBytesWritten(m_timeoutMs)) {
        m_error = m_socket.errorString();
        return false;
    }
    return true;
}

QByteArray TestLineClient::readLine()
{
    while (!m_socket.canReadLine()) {
        if (!m_socket.waitForReadyRead(m_timeoutMs)) {
            m_error = QStringLiteral("no complete line: %1").arg(m_socket.errorString());
            return {};
        }
    }
    QByteArray line = m_socket.readLine();
    while (line.endsWith('\n') || line.endsWith('\r')) {
        line.chop(1);
    }
    return line;
}

QList<QByteArray> TestLineClient::readUntil(const std::function<bool(const QByteArray &)> &isLast)
{
    QList<QByteArray> lines;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray line = readLine();
        if (line.isEmpty() && !m_error.isEmpty()) {
            break;
        }
        lines.append(line);
        if (isLast(line)) {
            break;
        }
    }
    return lines;
}

bool TestLineClient::isEncrypted() const
{
    return m_socket.isEncrypted();
}

QSslCertificate TestLineClient::peerCertificate() const
{
    return m_socket.peerCertificate();
}

QString TestLineClient::error() const
{
    return m_error;
}

} // namespace Satchel::Test
