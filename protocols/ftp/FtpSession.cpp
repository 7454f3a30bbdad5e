#include "protocols/ftp/FtpSession.h"

#include <QPointer>
#include <QSslSocket>

namespace Satchel::Ftp {

FtpSession::FtpSession(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_connection(nullptr)
{
    if (m_options.keepAlive.count() > 0 && m_options.connection.idleTimeout.count() == 0) {
        m_options.connection.idleTimeout = m_options.keepAlive;
    }
    m_connection = new Net::Connection(m_options.connection, this);
    connect(m_connection, &Net::Connection::idleTimedOut, this, [this] {
        // Only an idle, logged-in session: a running command or transfer is traffic.
        if (m_loggedIn && !m_finished && !m_current && m_queue.empty()) {
            ++m_keepAlives;
            command("NOOP", [](const FtpReply &) {});
        }
    });
    connect(m_connection, &Net::Connection::ready, this, &FtpSession::onReady);
    connect(m_connection, &Net::Connection::readyRead, this, &FtpSession::onReadyRead);
    connect(m_connection, &Net::Connection::trustQuestion, this, &FtpSession::trustQuestion);
    connect(m_connection, &Net::Connection::tlsEstablished, this, [this] {
        m_features.clear(); // RFC 4217 §6: what was said before TLS is not trusted
        askFeatures();
    });
    connect(m_connection, &Net::Connection::failed, this, [this](const Net::NetError &e) {
        if (!m_finished) {
            m_finished = true;
            m_queue.clear();
            m_current.reset();
            Q_EMIT failed(OperationError::fromNet(e));
        }
    });
}

FtpSession::~FtpSession() = default;

void FtpSession::open()
{
    m_connection->open();
}

void FtpSession::onReady()
{
    m_connection->setResponsePending(true); // the greeting
}

void FtpSession::onReadyRead()
{
    const QPointer<FtpSession> alive(this);
    QByteArray line;
    while (alive && !m_finished && m_connection->state() == Net::Connection::State::Ready
        && m_connection->readLine(&line) == Net::Connection::LineStatus::Line) {
        switch (m_reader.feed(line)) {
        case FtpReplyReader::Status::NeedMore:
            break;
        case FtpReplyReader::Status::Error:
            fail(OperationError::Kind::Protocol, m_reader.error());
            return;
        case FtpReplyReader::Status::Reply:
            onReply(m_reader.takeReply());
            break;
        }
    }
}

void FtpSession::onReply(const FtpReply &reply)
{
    if (!m_greeted) {
        if (reply.isPreliminary()) {
            return; // 120: service ready in a while (RFC 959 §4.2)
        }
        m_greeted = true;
        m_connection->setResponsePending(false);
        afterGreeting(reply);
        return;
    }
    if (!m_current) {
        // Unsolicited: only a 421 closing notice is legitimate (RFC 959 §4.2).
        fail(reply.code == 421 ? OperationError::Kind::Network : OperationError::Kind::Protocol,
            reply.code == 421
                ? QStringLiteral("the server is closing the connection: %1").arg(reply.text())
                : QStringLiteral("the server sent a reply nobody asked for: %1 %2").arg(reply.code).arg(reply.text()));
        return;
    }
    if (reply.isPreliminary()) {
        if (m_current->onPreliminary && m_current->delivers()) {
            m_current->onPreliminary(reply);
        }
        return;
    }
    Pending done = std::move(*m_current);
    m_current.reset();
    m_connection->setResponsePending(false);
    if (done.onFinal && done.delivers()) {
        done.onFinal(reply);
    }
    if (!m_finished) {
        sendNext();
    }
}

void FtpSession::command(const QByteArray &line, ReplyHandler onFinal, ReplyHandler onPreliminary, Net::Secrecy secrecy)
{
    if (m_finished) {
        return;
    }
    m_queue.push_back({ line, secrecy, std::move(onFinal), std::move(onPreliminary) });
    if (!m_current) {
        sendNext();
    }
}

void FtpSession::commandFor(
    const QObject *owner, const QByteArray &line, ReplyHandler onFinal, ReplyHandler onPreliminary)
{
    if (m_finished) {
        return;
    }
    Pending pending { line, Net::Secrecy::Public, std::move(onFinal), std::move(onPreliminary) };
    pending.owner = owner;
    pending.owned = true;
    m_queue.push_back(std::move(pending));
    if (!m_current) {
        sendNext();
    }
}

void FtpSession::abortFor(const QObject *owner, ReplyHandler onDone)
{
    if (m_finished) {
        return;
    }
    std::erase_if(m_queue, [owner](const Pending &p) { return p.owned && p.owner == owner; });
    if (!m_current) {
        command("ABOR", std::move(onDone)); // nothing outstanding: ABOR is just the next command
        return;
    }
    if (m_current->owned && m_current->owner == owner) {
        m_current->abandoned = true;
    }
    // Out of turn: replies come in order, so the one outstanding now comes first, then
    // ABOR's. Without the Telnet "Synch" (RFC 959 §4.1.3), a server reads ABOR once the
    // closed data connection has ended its transfer, which the caller already did.
    Pending abor { "ABOR", Net::Secrecy::Public, std::move(onDone), {} };
    abor.sent = true;
    m_queue.push_front(std::move(abor));
    m_connection->sendLine("ABOR", Net::Secrecy::Public);
}

void FtpSession::sendNext()
{
    if (m_current || m_queue.empty() || m_finished) {
        return;
    }
    // Replies carry no tags (RFC 959 §4.2): a line already waiting when a command is
    // about to go out was sent before anyone asked, and would be taken as its answer.
    // (ABOR, sent out of turn, may find its answer already here, rightly.)
    if (!m_queue.front().sent && m_connection->bytesAvailable() > 0 && !m_reader.inMultiLine()) {
        QByteArray line;
        m_connection->readLine(&line);
        fail(OperationError::Kind::Protocol,
            QStringLiteral("the server sent a reply nobody asked for: %1").arg(QString::fromUtf8(line.left(80))));
        return;
    }
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    if (m_current->sent || m_connection->sendLine(m_current->line, m_current->secrecy)) {
        m_connection->setResponsePending(true);
    }
}

void FtpSession::afterGreeting(const FtpReply &reply)
{
    const Net::TlsPolicy policy = m_options.connection.policy;
    if (reply.code == 230 && policy != Net::TlsPolicy::Plain && !m_connection->isEncrypted()) {
        // Logged in before any credential, before TLS: a server (or a man in the middle)
        // that skips authentication must not get the session's commands in plaintext.
        fail(OperationError::Kind::Tls,
            QStringLiteral("TLS: the server logged in without credentials before TLS "
                           "(230 greeting), and this account requires TLS; nothing was sent"));
        return;
    }
    if (!reply.isPositive()) {
        fail(OperationError::Kind::Refused,
            QStringLiteral("the server turned the connection away: %1 %2").arg(reply.code).arg(reply.text()));
        return;
    }
    if (policy == Net::TlsPolicy::StartTlsRequired) {
        command("AUTH TLS", [this](const FtpReply &r) {
            if (r.code != 234) {
                fail(OperationError::Kind::Tls,
                    QStringLiteral("TLS: the server refused AUTH TLS (%1 %2), and this account "
                                   "requires TLS; nothing was sent")
                        .arg(r.code)
                        .arg(r.text()));
                return;
            }
            m_connection->startTls(); // bytes already in the socket fail it (injection)
        });
        return;
    }
    askFeatures();
}

void FtpSession::askFeatures()
{
    command("FEAT", [this](const FtpReply &r) {
        if (r.code == 211) {
            for (const QByteArray &line : r.lines) {
                // RFC 2389 §3.2: feature lines start with a space; the first word names it.
                if (line.startsWith(' ')) {
                    const QByteArray feature = line.trimmed().toUpper();
                    m_features.insert(feature);
                    m_features.insert(feature.split(' ').constFirst());
                }
            }
        }
        login();
    });
}

void FtpSession::login()
{
    const QByteArray user = m_options.credentials.user.toUtf8();
    command("USER " + user, [this](const FtpReply &r) {
        auto loggedIn = [this] {
            m_loggedIn = true;
            protectData();
        };
        if (r.code == 230) {
            loggedIn();
            return;
        }
        if (r.code != 331) {
            fail(r.code == 530 ? OperationError::Kind::Authentication : OperationError::Kind::Refused,
                QStringLiteral("the server refused the user %1: %2 %3")
                    .arg(m_options.credentials.user)
                    .arg(r.code)
                    .arg(r.text()));
            return;
        }
        command(
            "PASS " + m_options.credentials.password.toUtf8(),
            [this, loggedIn](const FtpReply &p) {
                if (p.code == 230 || p.code == 202) {
                    loggedIn();
                    return;
                }
                fail(p.isPermanentError() ? OperationError::Kind::Authentication : OperationError::Kind::Refused,
                    QStringLiteral("the server refused the login of %1: %2 %3")
                        .arg(m_options.credentials.user)
                        .arg(p.code)
                        .arg(p.text()));
            },
            {}, Net::Secrecy::Secret);
    });
}

void FtpSession::protectData()
{
    auto finishLogin = [this] {
        if (hasFeature("UTF8")) {
            command("OPTS UTF8 ON", {}); // RFC 2640 §3.1; a refusal changes nothing we rely on
        }
        command("TYPE I", [this](const FtpReply &r) {
            if (!r.isPositive()) {
                fail(OperationError::Kind::Refused, QStringLiteral("the server refused binary mode: %1").arg(r.text()));
                return;
            }
            Q_EMIT loggedIn();
        });
    };
    if (!m_connection->isEncrypted()) {
        finishLogin();
        return;
    }
    // RFC 4217 §9: PBSZ 0, then PROT P: data connections are protected like this one.
    command("PBSZ 0", [this, finishLogin](const FtpReply &pbsz) {
        if (!pbsz.isPositive()) {
            fail(OperationError::Kind::Tls, QStringLiteral("TLS: the server refused PBSZ 0: %1").arg(pbsz.text()));
            return;
        }
        command("PROT P", [this, finishLogin](const FtpReply &prot) {
            if (!prot.isPositive()) {
                fail(OperationError::Kind::Tls,
                    QStringLiteral("TLS: the server refused to protect data connections (PROT P): %1")
                        .arg(prot.text()));
                return;
            }
            m_dataProtected = true;
            finishLogin();
        });
    });
}

QHostAddress FtpSession::peerAddress() const
{
    return m_connection->socket()->peerAddress();
}

QSslConfiguration FtpSession::dataTlsConfiguration() const
{
    return m_connection->socket()->sslConfiguration();
}

QSslCertificate FtpSession::controlPeerCertificate() const
{
    return m_connection->socket()->peerCertificate();
}

void FtpSession::quit()
{
    if (m_finished) {
        return;
    }
    command("QUIT", [this](const FtpReply &) {
        m_finished = true;
        m_connection->close();
        Q_EMIT finished();
    });
}

void FtpSession::abort()
{
    if (!m_finished) {
        m_finished = true;
        m_queue.clear();
        m_current.reset();
        m_connection->abort();
    }
}

void FtpSession::fail(OperationError::Kind kind, const QString &message)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_queue.clear();
    m_current.reset();
    m_connection->abort();
    Q_EMIT failed({ kind, message });
}

} // namespace Satchel::Ftp
