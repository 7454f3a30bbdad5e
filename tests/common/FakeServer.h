#pragma once

#include "tests/common/TestPki.h"

#include <QList>
#include <QSslSocket>
#include <QStringList>
#include <QTcpServer>

namespace Satchel::Test {

// A scripted server for session tests, on 127.0.0.1 and a port the system picks.
// The script is a transcript, one step per line:
//   S: text     send "text\r\n"
//   S> text     send "text" with no line ending (\r and \n escapes are understood)
//   C: text     expect exactly this line from the client
//   C~ regex    expect a line matching the regular expression
//   TLS         start TLS (server side) and wait for the handshake
//   STALL       stop here, keep the connection open, answer nothing
//   CLOSE       close the connection cleanly
//   RESET       reset the connection (RST)
// Consecutive S:/S> steps go out in ONE write, so they share a TCP segment: that is
// how a test puts bytes right behind a STARTTLS reply. Each accepted connection runs
// the script from its first step (or its own script, see the list constructor).
// Mismatches are collected in errors().
class FakeServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit FakeServer(const QString &script, QObject *parent = nullptr);
    // Connection n runs scripts[n] (the last one for any later connection).
    explicit FakeServer(const QStringList &scripts, QObject *parent = nullptr);
    // A transcript kept in a file (tests/session/transcripts/NAME), same syntax.
    static QString scriptFromFile(const QString &name);

    void setCertificate(const TestCertificate &certificate) { m_certificate = certificate; }
    void setImplicitTls(bool on) { m_implicitTls = on; }
    quint16 start();

    QStringList errors() const { return m_errors; }
    QList<QByteArray> received() const { return m_received; }
    bool scriptFinished() const { return m_finished; }
    int connectionCount() const { return m_connections; }
    // The client closed or reset the current connection.
    bool clientGone() const { return m_clientGone; }

Q_SIGNALS:
    void finished();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Step {
        enum class Kind { Send, SendRaw, Expect, ExpectRegex, Tls, Stall, Close, Reset } kind;
        QByteArray text;
    };
    static QList<Step> parse(const QString &script);
    void advance();
    void flushPending();

    QList<Step> m_steps;
    QStringList m_scripts;
    TestCertificate m_certificate;
    bool m_implicitTls = false;
    QSslSocket *m_socket = nullptr;
    qsizetype m_step = 0;
    bool m_waitingForTls = false;
    bool m_stalled = false;
    bool m_finished = false;
    int m_connections = 0;
    bool m_clientGone = false;
    QByteArray m_pending;
    QStringList m_errors;
    QList<QByteArray> m_received;
};

} // namespace Satchel::Test
