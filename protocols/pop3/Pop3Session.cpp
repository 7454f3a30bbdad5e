#include "protocols/pop3/Pop3Session.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QRegularExpression>

namespace Satchel::Pop3 {

namespace {
// RFC 2449 §4 caps a response line at 512 octets; real servers stay far below. Any
// status line beyond this bound is hostile or broken.
constexpr qsizetype kMaxStatusLine = 64 * 1024;
} // namespace

Pop3Session::Pop3Session(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_connection(new Net::Connection(m_options.connection, this))
{
    connect(m_connection, &Net::Connection::ready, this, &Pop3Session::onReady);
    connect(m_connection, &Net::Connection::readyRead, this, &Pop3Session::onReadyRead);
    connect(m_connection, &Net::Connection::trustQuestion, this, &Pop3Session::trustQuestion);
    connect(m_connection, &Net::Connection::tlsEstablished, this, [this] {
        // RFC 2595 §4: everything learned before TLS is forgotten and asked again.
        m_capabilities.clear();
        m_apopTimestamp.clear();
        m_in.clear();
        m_pos = 0;
        askCapabilities(State::CapaAfterTls);
    });
    connect(m_connection, &Net::Connection::failed, this, [this](const Net::NetError &e) {
        if (!m_finished) {
            m_finished = true;
            dropCommands();
            Q_EMIT failed(OperationError::fromNet(e));
        }
    });
}

Pop3Session::~Pop3Session() = default;

void Pop3Session::open()
{
    m_state = State::Connecting;
    m_connection->open();
}

void Pop3Session::onReady()
{
    m_state = State::Greeting;
    m_connection->setResponsePending(true);
}

void Pop3Session::onReadyRead()
{
    m_in.append(m_connection->read(m_connection->bytesAvailable()));
    processInput();
}

bool Pop3Session::takeLine(QByteArray *line)
{
    const qsizetype newline = m_in.indexOf('\n', m_pos);
    if (newline < 0) {
        if (m_in.size() - m_pos > kMaxStatusLine) {
            fail(OperationError::Kind::Protocol,
                 QStringLiteral("the server sent a status line longer than %1 bytes").arg(kMaxStatusLine));
        }
        return false;
    }
    *line = m_in.mid(m_pos, newline - m_pos);
    if (line->endsWith('\r')) {
        line->chop(1);
    }
    m_pos = newline + 1;
    if (m_options.connection.log) {
        m_options.connection.log->serverLine(*line);
    }
    return true;
}

void Pop3Session::processInput()
{
    // A callback may delete this session (not only deleteLater): stop touching it then.
    const QPointer<Pop3Session> alive(this);
    // Stops when the connection is upgrading or gone: bytes left then are not ours to read.
    while (alive && !m_finished && m_connection->state() == Net::Connection::State::Ready) {
        if (m_state == State::Greeting) {
            QByteArray line;
            if (!takeLine(&line)) {
                break;
            }
            handleGreeting(line);
            continue;
        }
        if (m_inFlight.empty()) {
            if (m_pos < m_in.size()) {
                fail(OperationError::Kind::Protocol,
                     QStringLiteral("the server sent data nobody asked for: '%1'")
                         .arg(QString::fromLatin1(m_in.mid(m_pos, 80)).trimmed()));
            }
            break;
        }
        const std::shared_ptr<Pop3Command> command = m_inFlight.front();
        if (!m_inBody) {
            QByteArray line;
            if (!takeLine(&line)) {
                break;
            }
            const std::optional<Pop3Status> status = parseStatusLine(line);
            if (!status) {
                fail(OperationError::Kind::Protocol,
                     QStringLiteral("the server answered '%1' to %2, which is neither +OK nor -ERR")
                         .arg(QString::fromLatin1(line.left(80)), QString::fromLatin1(command->line().split(' ').value(0))));
                break;
            }
            command->status = *status;
            if (status->ok && command->expectsBody(*status)) {
                m_inBody = true;
                m_decoder.reset();
                continue;
            }
        } else {
            m_decoded.clear();
            std::size_t consumed = 0;
            const auto result = m_decoder.feed(std::string_view(m_in.constData() + m_pos, m_in.size() - m_pos), m_decoded,
                                               consumed);
            m_pos += static_cast<qsizetype>(consumed);
            if (result == MultiLineDecoder::Status::TooLarge) {
                fail(OperationError::Kind::Protocol, QStringLiteral("the server's answer to %1 is too large")
                                                         .arg(QString::fromLatin1(command->line())));
                break;
            }
            if (!m_decoded.empty() && !command->onBodyData(m_decoded)) {
                fail(OperationError::Kind::LocalIo, command->localError);
                break;
            }
            if (result == MultiLineDecoder::Status::NeedMore) {
                break;
            }
            if (m_options.connection.log) {
                m_options.connection.log->note(QStringLiteral("S: <%1 bytes>").arg(m_decoder.decodedBytes()));
            }
            m_inBody = false;
            command->onBodyEnd();
        }
        m_inFlight.pop_front();
        if (m_inFlight.empty()) {
            m_connection->setResponsePending(false);
        }
        // Moved out first: a callback that captures its own command would otherwise keep it alive.
        if (auto done = std::exchange(command->onDone, nullptr)) {
            done();
        }
        if (!alive) {
            return;
        }
        pump();
    }
    if (!alive) {
        return;
    }
    // Keep the buffer small: drop what was consumed.
    if (m_pos > 0 && (m_pos == m_in.size() || m_pos > (1 << 20))) {
        m_in.remove(0, m_pos);
        m_pos = 0;
    }
}

void Pop3Session::handleGreeting(const QByteArray &line)
{
    const std::optional<Pop3Status> status = parseStatusLine(line);
    if (!status) {
        fail(OperationError::Kind::Protocol, QStringLiteral("the server's greeting is not POP3: '%1'")
                                                 .arg(QString::fromLatin1(line.left(80))));
        return;
    }
    if (!status->ok) {
        fail(OperationError::Kind::Refused,
             QStringLiteral("the server turned the connection away: %1").arg(QString::fromUtf8(status->text)));
        return;
    }
    // RFC 1939 §7: an APOP-capable server puts a timestamp "<...@...>" in its greeting.
    static const QRegularExpression timestamp(QStringLiteral("<[^<>@]+@[^<>]+>"));
    const auto match = timestamp.match(QString::fromLatin1(line));
    m_apopTimestamp = match.hasMatch() ? match.captured(0).toLatin1() : QByteArray();
    m_connection->setResponsePending(false);
    askCapabilities(State::Capa);
}

void Pop3Session::askCapabilities(State state)
{
    m_state = state;
    auto capa = std::make_shared<ListingCommand>("CAPA", 64 * 1024);
    capa->onDone = [this, capa] { onCapabilities(*capa); };
    sendNow(capa);
}

void Pop3Session::onCapabilities(const ListingCommand &capa)
{
    m_capabilities.clear();
    if (capa.status.ok) {
        for (const QByteArray &line : capa.lines) {
            const QByteArray trimmed = line.trimmed();
            if (trimmed.isEmpty()) {
                continue;
            }
            m_capabilities.insert(trimmed.toUpper());
            const QList<QByteArray> words = trimmed.split(' ');
            m_capabilities.insert(words.constFirst().toUpper());
        }
    }
    if (m_state == State::Capa && m_options.connection.policy == Net::TlsPolicy::StartTlsRequired) {
        startTlsOrFail();
        return;
    }
    authenticate();
}

void Pop3Session::startTlsOrFail()
{
    // CAPA answered and STLS not in it: the server does not offer TLS. CAPA refused
    // (a pre-RFC 2449 server): try STLS once anyway. Either way: no TLS, no login.
    if (!m_capabilities.isEmpty() && !m_capabilities.contains("STLS")) {
        fail(OperationError::Kind::Tls,
             QStringLiteral("TLS: the server does not offer STLS, and this account requires TLS; nothing was sent"));
        return;
    }
    m_state = State::Stls;
    auto stls = std::make_shared<SimpleCommand>("STLS");
    stls->onDone = [this, stls] {
        if (!stls->status.ok) {
            fail(OperationError::Kind::Tls,
                 QStringLiteral("TLS: the server refused STLS (%1), and this account requires TLS; nothing was sent")
                     .arg(QString::fromUtf8(stls->status.text)));
            return;
        }
        // Anything after the +OK, in our buffer or the socket's, is injected plaintext:
        // the connection fails rather than starting TLS (RFC 2595 §3.1).
        m_connection->startTls(m_in.size() - m_pos);
    };
    sendNow(stls);
}

void Pop3Session::authenticate()
{
    m_state = State::Authenticating;
    const Pop3Credentials &c = m_options.credentials;
    const QByteArray user = c.user.toUtf8();
    const QByteArray password = c.password.toUtf8();
    const bool hasSasl = std::any_of(m_capabilities.cbegin(), m_capabilities.cend(),
                                     [](const QByteArray &cap) { return cap.startsWith("SASL ") && cap.split(' ').contains("PLAIN"); });
    auto finishWith = [this](std::shared_ptr<Pop3Command> command) {
        command->onDone = [this, command] {
            if (m_state == State::Authenticating) {
                onAuthenticated(*command);
            }
        };
        sendNow(std::move(command));
    };
    if (c.allowApop && !m_apopTimestamp.isEmpty()) {
        const QByteArray digest = QCryptographicHash::hash(QByteArray(m_apopTimestamp + password), QCryptographicHash::Md5).toHex();
        finishWith(std::make_shared<SimpleCommand>("APOP " + user + ' ' + digest, Net::Secrecy::Secret));
    } else if (hasSasl) {
        // RFC 5034 §4: AUTH PLAIN with the initial response, authzid empty (RFC 4616).
        const QByteArray response = QByteArray(QByteArray(1, '\0') + user + '\0' + password).toBase64();
        finishWith(std::make_shared<SimpleCommand>("AUTH PLAIN " + response, Net::Secrecy::Secret));
    } else {
        // RFC 1939 §7 USER then PASS, one after the other: PASS only once USER is accepted.
        auto userCommand = std::make_shared<SimpleCommand>("USER " + user);
        userCommand->onDone = [this, userCommand, password, finishWith] {
            if (!userCommand->status.ok) {
                onAuthenticated(*userCommand);
                return;
            }
            finishWith(std::make_shared<SimpleCommand>("PASS " + password, Net::Secrecy::Secret));
        };
        sendNow(userCommand);
    }
}

void Pop3Session::onAuthenticated(const Pop3Command &command)
{
    if (!command.status.ok) {
        const bool inUse = command.status.code == "IN-USE";
        const bool temporary = command.status.code.startsWith("SYS/TEMP");
        fail(inUse || temporary ? OperationError::Kind::Refused : OperationError::Kind::Authentication,
             inUse ? QStringLiteral("the mailbox of %1 is in use by another session: %2")
                         .arg(m_options.credentials.user, QString::fromUtf8(command.status.text))
                   : QStringLiteral("the server refused the login of %1: %2")
                         .arg(m_options.credentials.user, QString::fromUtf8(command.status.text)));
        return;
    }
    m_state = State::Transaction;
    Q_EMIT loggedIn();
    pump();
}

void Pop3Session::send(std::shared_ptr<Pop3Command> command)
{
    if (m_finished || (m_quitRequested && command->line() != "QUIT")) {
        command->onDone = nullptr; // nothing goes after QUIT
        return;
    }
    m_queued.push_back(std::move(command));
    pump();
}

void Pop3Session::pump()
{
    if (m_state != State::Transaction || m_finished) {
        return;
    }
    const std::size_t depth = isPipelining() ? static_cast<std::size_t>(std::max(1, m_options.pipelineDepth)) : 1;
    while (!m_queued.empty() && m_inFlight.size() < depth) {
        std::shared_ptr<Pop3Command> next = m_queued.front();
        m_queued.pop_front();
        sendNow(std::move(next));
    }
}

void Pop3Session::sendNow(std::shared_ptr<Pop3Command> command)
{
    if (m_finished) {
        return;
    }
    if (!m_connection->sendLine(command->line(), command->secrecy())) {
        return; // the connection has failed and said why
    }
    m_inFlight.push_back(std::move(command));
    m_connection->setResponsePending(true);
}

void Pop3Session::quit()
{
    if (m_finished || m_quitRequested) {
        return;
    }
    m_quitRequested = true;
    // QUIT goes through the queue like any command: after everything already asked
    // for, and pipelined only where the server allows it.
    auto quitCommand = std::make_shared<SimpleCommand>("QUIT");
    quitCommand->onDone = [this, quitCommand] {
        m_state = State::Done;
        m_finished = true;
        dropCommands();
        m_connection->close();
        if (quitCommand->status.ok) {
            Q_EMIT finished();
        } else {
            // RFC 1939 §6: -ERR to QUIT means some deletions were not committed.
            Q_EMIT failed({OperationError::Kind::Refused,
                           QStringLiteral("the server could not commit the session: %1")
                               .arg(QString::fromUtf8(quitCommand->status.text))});
        }
    };
    send(quitCommand);
}

void Pop3Session::dropCommands()
{
    // Commands that will never be answered: their callbacks (which may hold the
    // command itself, and a half-written delivery) are released, so what they own is
    // cleaned up now — a half-written message leaves nothing behind in tmp/.
    for (auto *queue : {&m_inFlight, &m_queued}) {
        for (const auto &command : *queue) {
            command->onDone = nullptr;
        }
        queue->clear();
    }
}

void Pop3Session::abort()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    dropCommands();
    m_state = State::Done;
    m_connection->abort();
}

void Pop3Session::fail(OperationError::Kind kind, const QString &message)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_state = State::Done;
    dropCommands();
    // No QUIT: the server stays out of UPDATE state and deletes nothing (RFC 1939 §6).
    m_connection->abort();
    Q_EMIT failed({kind, message});
}

} // namespace Satchel::Pop3
