#pragma once

#include <QByteArray>
#include <QSslSocket>
#include <QString>

namespace Satchel::Test {

// A deliberately simple, blocking line client for tests that check a real server is
// up and speaks TLS. It is test scaffolding, not how Satchel talks to servers (the
// engines are event-driven and never block). Certificates are verified against the
// CA file the server script generated, with the host name check on.
class TestLineClient
{
public:
    explicit TestLineClient(const QString &caFile);

    bool connectPlain(const QString &host, quint16 port);
    bool connectImplicitTls(const QString &host, quint16 port);
    // Upgrades an open plain connection (after the server agreed to STARTTLS/STLS/AUTH TLS).
    bool startTls();

    bool writeLine(const QByteArray &line);
    // One line without its CRLF; empty with error() set on timeout or close.
    QByteArray readLine();
    // Lines up to and including the first one for which `isLast` is true.
    QList<QByteArray> readUntil(const std::function<bool(const QByteArray &)> &isLast);

    bool isEncrypted() const;
    QSslCertificate peerCertificate() const;
    QString error() const;

private:
    void configure();

    QSslSocket m_socket;
    QString m_caFile;
    QString m_host;
    QString m_error;
    int m_timeoutMs = 10000;
};

} // namespace Satchel::Test
