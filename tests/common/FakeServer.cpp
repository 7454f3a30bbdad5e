#include "tests/common/FakeServer.h"

#include <QFile>
#include <QRegularExpression>

#include <sys/socket.h>

namespace Satchel::Test {

FakeServer::FakeServer(const QString &script, QObject *parent)
    : FakeServer(QStringList{script}, parent)
{
}

FakeServer::FakeServer(const QStringList &scripts, QObject *parent)
    : QTcpServer(parent)
    , m_steps(parse(scripts.value(0)))
    , m_scripts(scripts)
{
}

QString FakeServer::scriptFromFile(const QString &name)
{
    QFile file(qEnvironmentVariable("SATCHEL_SOURCE_DIR") + QStringLiteral("/tests/session/transcripts/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("FakeServer: cannot read transcript %s", qPrintable(file.fileName()));
    }
    return QString::fromUtf8(file.readAll());
}

QList<FakeServer::Step> FakeServer::parse(const QString &script)
{
    QList<Step> steps;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (QString line : lines) {
        if (line.endsWith(QLatin1Char('\r'))) {
            line.chop(1);
        }
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const QByteArray body = line.mid(line.indexOf(QLatin1Char(' ')) + 1).toUtf8();
        if (line.startsWith(QLatin1String("S: "))) {
            steps.append({Step::Kind::Send, body + "\r\n"});
        } else if (line.startsWith(QLatin1String("S> "))) {
            QByteArray raw = body;
            raw.replace("\\r", "\r").replace("\\n", "\n");
            steps.append({Step::Kind::SendRaw, raw});
        } else if (line.startsWith(QLatin1String("C: "))) {
            steps.append({Step::Kind::Expect, body});
        } else if (line.startsWith(QLatin1String("C~ "))) {
            steps.append({Step::Kind::ExpectRegex, body});
        } else if (trimmed == QLatin1String("TLS")) {
            steps.append({Step::Kind::Tls, {}});
        } else if (trimmed == QLatin1String("STALL")) {
            steps.append({Step::Kind::Stall, {}});
        } else if (trimmed == QLatin1String("CLOSE")) {
            steps.append({Step::Kind::Close, {}});
        } else if (trimmed == QLatin1String("RESET")) {
            steps.append({Step::Kind::Reset, {}});
        } else {
            qFatal("FakeServer: cannot parse script line '%s'", qPrintable(line));
        }
    }
    return steps;
}

quint16 FakeServer::start()
{
    if (!listen(QHostAddress::LocalHost, 0)) {
        m_errors << QStringLiteral("cannot listen: %1").arg(errorString());
        return 0;
    }
    return serverPort();
}

void FakeServer::incomingConnection(qintptr descriptor)
{
    ++m_connections;
    m_steps = parse(m_scripts.value(std::min<qsizetype>(m_connections - 1, m_scripts.size() - 1)));
    if (m_socket) {
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QSslSocket(this);
    m_socket->setSocketDescriptor(descriptor);
    m_socket->setLocalCertificate(m_certificate.certificate);
    m_socket->setPrivateKey(m_certificate.key);
    m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    m_step = 0;
    m_finished = false;
    m_stalled = false;
    m_pending.clear();
    m_clientGone = false;
    connect(m_socket, &QSslSocket::readyRead, this, &FakeServer::advance);
    connect(m_socket, &QSslSocket::disconnected, this, [this] { m_clientGone = true; });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_waitingForTls) {
            m_waitingForTls = false;
            if (m_step < m_steps.size() && m_steps.at(m_step).kind == Step::Kind::Tls) {
                ++m_step;
            }
            advance();
        }
    });
    if (m_implicitTls) {
        m_waitingForTls = true;
        m_socket->startServerEncryption();
        return;
    }
    advance();
}

void FakeServer::flushPending()
{
    if (!m_pending.isEmpty() && m_socket) {
        m_socket->write(m_pending);
        m_socket->flush();
        m_pending.clear();
    }
}

void FakeServer::advance()
{
    if (!m_socket || m_waitingForTls || m_stalled || m_finished) {
        return;
    }
    while (m_step < m_steps.size()) {
        const Step &step = m_steps.at(m_step);
        switch (step.kind) {
        case Step::Kind::Send:
        case Step::Kind::SendRaw:
            m_pending += step.text;
            ++m_step;
            continue;
        case Step::Kind::Expect:
        case Step::Kind::ExpectRegex: {
            flushPending();
            if (!m_socket->canReadLine()) {
                return;
            }
            QByteArray line = m_socket->readLine();
            while (line.endsWith('\n') || line.endsWith('\r')) {
                line.chop(1);
            }
            m_received.append(line);
            const bool ok = step.kind == Step::Kind::Expect
                ? line == step.text
                : QRegularExpression(QString::fromUtf8(step.text)).match(QString::fromUtf8(line)).hasMatch();
            if (!ok) {
                m_errors << QStringLiteral("step %1: expected '%2', got '%3'")
                                .arg(m_step)
                                .arg(QString::fromUtf8(step.text), QString::fromUtf8(line));
            }
            ++m_step;
            continue;
        }
        case Step::Kind::Tls:
            flushPending();
            m_waitingForTls = true;
            m_socket->startServerEncryption();
            return;
        case Step::Kind::Stall:
            flushPending();
            m_stalled = true;
            // Still record what the client sends, so tests can prove what never came.
            connect(m_socket, &QSslSocket::readyRead, this, [this] {
                while (m_socket->canReadLine()) {
                    QByteArray line = m_socket->readLine();
                    while (line.endsWith('\n') || line.endsWith('\r')) {
                        line.chop(1);
                    }
                    m_received.append(line);
                }
            });
            return;
        case Step::Kind::Close:
            flushPending();
            m_socket->disconnectFromHost();
            ++m_step;
            continue;
        case Step::Kind::Reset: {
            flushPending();
            // SO_LINGER with a zero timeout turns close() into a reset.
            const linger hard{1, 0};
            ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
            m_socket->abort();
            ++m_step;
            continue;
        }
        }
    }
    flushPending();
    m_finished = true;
    Q_EMIT finished();
}

} // namespace Satchel::Test
