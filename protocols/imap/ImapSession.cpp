#include "protocols/imap/ImapSession.h"

#include "protocols/imap/LoginCommands.h"
#include "protocols/imap/ModifiedUtf7.h"
#include "protocols/imap/ResponseData.h"

#include <QPointer>

namespace Satchel::Imap {

namespace {

// Reads the socket in large pieces: a FETCH of 100,000 summaries is tens of MB.
constexpr qint64 kReadBuffer = 1024 * 1024;
// RFC 7888 §4: LITERAL- allows non-synchronizing literals up to 4096 octets.
constexpr qsizetype kLiteralMinusMax = 4096;

QString words(const QByteArray &text)
{
    return QString::fromUtf8(text).trimmed();
}

// Untagged data that only makes sense with a mailbox selected (RFC 9051 §7.4, §7.5).
bool isMailboxData(const QByteArray &name)
{
    return name == "FETCH" || name == "EXISTS" || name == "EXPUNGE" || name == "RECENT" || name == "VANISHED";
}

class CapabilityCommand : public ImapCommand
{
public:
    QByteArray verb() const override { return "CAPABILITY"; }
};

class EnableCommand : public ImapCommand
{
public:
    explicit EnableCommand(QList<QByteArray> extensions)
        : m_extensions(std::move(extensions))
    { }
    QByteArray verb() const override { return "ENABLE"; }
    CommandArgs args(const ImapSession &) const override
    {
        CommandArgs a;
        for (const QByteArray &e : m_extensions) {
            a.atom(e);
        }
        return a;
    }

private:
    QList<QByteArray> m_extensions;
};

// ID (RFC 2971): who we are, so server logs can tell clients apart. No version
// or platform details beyond the name.
class IdCommand : public ImapCommand
{
public:
    QByteArray verb() const override { return "ID"; }
    CommandArgs args(const ImapSession &) const override
    {
        return CommandArgs().open().string("name").string("Satchel").close();
    }
    bool onUntagged(const Response &response) override { return response.name == "ID"; }
};

// NAMESPACE (RFC 2342 §5): the personal namespace's hierarchy delimiter.
class NamespaceCommand : public ImapCommand
{
public:
    QByteArray verb() const override { return "NAMESPACE"; }
    bool onUntagged(const Response &response) override
    {
        if (response.name != "NAMESPACE") {
            return false;
        }
        // (("prefix" "delim") ...) NIL NIL
        if (!response.nodes.empty() && response.nodes[0].isList() && response.nodes.size() > 3
            && response.nodes[1].isList()) {
            const QByteArray d = nodeString(response.nodes[response.nodes[2].end]);
            if (d.size() == 1) {
                delimiter = QChar::fromLatin1(d.front());
            }
        }
        return true;
    }
    QChar delimiter;
};

class LogoutCommand : public ImapCommand
{
public:
    QByteArray verb() const override { return "LOGOUT"; }
    bool exclusive() const override { return true; }
};

} // namespace

QString ImapCommand::failureText() const
{
    if (!error.isEmpty()) {
        return error;
    }
    QString text = words(result.text);
    if (!result.code.name.isEmpty()) {
        text = QStringLiteral("[%1] %2").arg(QString::fromLatin1(result.code.name), text);
    }
    return text.isEmpty() ? QStringLiteral("no reason given") : text;
}

ImapSession::ImapSession(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_framer(m_options.limits)
{
    if (m_options.connection.readBufferSize == 0) {
        m_options.connection.readBufferSize = kReadBuffer;
    }
    m_connection = new Net::Connection(m_options.connection, this);
    m_framer.setSinkProvider([this](quint64 size, QByteArrayView text) { return sinkFor(size, text); });
    connect(m_connection, &Net::Connection::ready, this, &ImapSession::onReady);
    connect(m_connection, &Net::Connection::readyRead, this, &ImapSession::onReadyRead);
    connect(m_connection, &Net::Connection::trustQuestion, this, &ImapSession::trustQuestion);
    connect(m_connection, &Net::Connection::tlsEstablished, this, [this] {
        // RFC 9051 §6.2.1: capabilities learned before TLS are forgotten and asked again.
        m_capabilities.clear();
        m_framer.reset();
        askCapabilities([this] { authenticate(); });
    });
    connect(m_connection, &Net::Connection::failed, this, [this](const Net::NetError &e) {
        if (!m_finished) {
            m_finished = true;
            dropCommands();
            Q_EMIT failed(OperationError::fromNet(e));
        }
    });
}

ImapSession::~ImapSession() = default;

void ImapSession::open()
{
    m_state = State::Connecting;
    m_connection->open();
}

void ImapSession::onReady()
{
    m_state = State::Greeting;
    m_connection->setResponsePending(true);
}

void ImapSession::onReadyRead()
{
    const qint64 available = m_connection->bytesAvailable();
    if (available > 0) {
        m_framer.feed(m_connection->read(available));
    }
    processInput();
}

void ImapSession::processInput()
{
    const QPointer<ImapSession> alive(this);
    while (alive && !m_finished && m_connection->state() == Net::Connection::State::Ready) {
        RawResponse raw;
        const ResponseFramer::Status status = m_framer.next(&raw);
        if (status == ResponseFramer::Status::NeedMore) {
            break;
        }
        if (status == ResponseFramer::Status::Error) {
            fail(m_framer.errorString().startsWith(QStringLiteral("could not store")) ? OperationError::Kind::LocalIo
                                                                                      : OperationError::Kind::Protocol,
                m_framer.errorString());
            break;
        }
        if (m_options.connection.log) {
            QByteArray shown = raw.text.left(400);
            if (raw.text.size() > 400) {
                shown += "...";
            }
            m_options.connection.log->serverLine(shown);
        }
        auto parsed = parseResponse(std::move(raw));
        if (auto *error = std::get_if<ParseError>(&parsed)) {
            fail(OperationError::Kind::Protocol,
                QStringLiteral("the server sent a response that is not IMAP: %1").arg(error->message));
            break;
        }
        handle(std::move(std::get<Response>(parsed)));
    }
}

void ImapSession::handle(Response response)
{
    if (m_state == State::Greeting) {
        handleGreeting(response);
        return;
    }
    switch (response.kind) {
    case Response::Kind::Continuation:
        handleContinuation(response);
        return;
    case Response::Kind::Tagged:
        handleTagged(response);
        return;
    case Response::Kind::Untagged:
        if (checkState(response)) {
            handleUntagged(response);
        }
        return;
    }
}

void ImapSession::handleGreeting(const Response &r)
{
    // RFC 9051 §7.1: the greeting is an untagged OK, PREAUTH or BYE.
    if (r.kind != Response::Kind::Untagged
        || (r.status != Response::Status::Ok && r.status != Response::Status::Preauth
            && r.status != Response::Status::Bye)) {
        fail(OperationError::Kind::Protocol,
            QStringLiteral("the server's greeting is not IMAP: '%1'").arg(QString::fromLatin1(r.raw.text.left(80))));
        return;
    }
    if (r.status == Response::Status::Bye) {
        fail(OperationError::Kind::Refused,
            QStringLiteral("the server turned the connection away: %1").arg(words(r.text)));
        return;
    }
    m_connection->setResponsePending(false);
    noteCode(r);
    if (r.status == Response::Status::Preauth) {
        // A PREAUTH session can never be upgraded (RFC 9051 §6.2.1): with TLS
        // required and no TLS yet, it must not be used.
        if (m_options.connection.policy == Net::TlsPolicy::StartTlsRequired && !m_connection->isEncrypted()) {
            fail(OperationError::Kind::Tls,
                QStringLiteral("TLS: the server greeted with PREAUTH, so STARTTLS is impossible, "
                               "and this account requires TLS; nothing was sent"));
            return;
        }
        m_state = State::Authenticated;
        afterLogin();
        return;
    }
    m_state = State::NotAuthenticated;
    auto next = [this] {
        if (m_options.connection.policy == Net::TlsPolicy::StartTlsRequired) {
            startTls();
        } else {
            authenticate();
        }
    };
    if (m_capabilities.isEmpty()) {
        askCapabilities(next);
    } else {
        next();
    }
}

void ImapSession::noteCode(const Response &r)
{
    const QByteArray &code = r.code.name;
    if (code.isEmpty()) {
        return;
    }
    if (code == "CAPABILITY") {
        m_capabilities = capabilitiesFromText(r.code.args);
    } else if (code == "ALERT") {
        // RFC 9051 §7.1 ALERT must be shown — but text from before TLS could be
        // anyone's (RFC 9051 §11.1): it is logged, never shown as the server's.
        const bool trusted = m_connection->isEncrypted() || m_options.connection.policy == Net::TlsPolicy::Plain;
        if (trusted) {
            Q_EMIT alert(words(r.text));
        } else if (m_options.connection.log) {
            m_options.connection.log->note(QStringLiteral("ignored an [ALERT] sent before TLS"));
        }
    } else if (m_selected && r.kind == Response::Kind::Untagged) {
        bool ok = false;
        if (code == "UIDVALIDITY") {
            m_mailbox.uidValidity = r.code.args.trimmed().toUInt(&ok);
        } else if (code == "UIDNEXT") {
            m_mailbox.uidNext = r.code.args.trimmed().toUInt(&ok);
        } else if (code == "HIGHESTMODSEQ") {
            m_mailbox.highestModSeq = r.code.args.trimmed().toULongLong(&ok);
        } else if (code == "NOMODSEQ") {
            m_mailbox.highestModSeq = 0;
        } else if (code == "PERMANENTFLAGS") {
            m_mailbox.permanentFlags.clear();
            QByteArray inside = r.code.args.trimmed();
            if (inside.startsWith('(') && inside.endsWith(')')) {
                inside = inside.mid(1, inside.size() - 2);
            }
            for (const QByteArrayView f : QLatin1StringView(inside).tokenize(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                m_mailbox.permanentFlags.append(f.toByteArray());
            }
        }
    }
}

bool ImapSession::checkState(const Response &r)
{
    if (r.isStatus() || !isMailboxData(r.name)) {
        return true;
    }
    if (!m_selected) {
        fail(OperationError::Kind::Protocol,
            QStringLiteral("the server sent %1 data with no folder selected").arg(QString::fromLatin1(r.name)));
        return false;
    }
    if (r.name == "EXISTS") {
        m_mailbox.exists = r.number;
        return true;
    }
    if (r.name == "RECENT") {
        return true;
    }
    if (r.name == "VANISHED") {
        QString error;
        const auto vanished = vanishedFrom(r, &error);
        if (!vanished) {
            fail(OperationError::Kind::Protocol, QStringLiteral("the server sent an invalid VANISHED: %1").arg(error));
            return false;
        }
        if (!vanished->earlier) {
            // RFC 7162 §3.2.10: VANISHED without EARLIER is an expunge of each UID.
            const auto count = static_cast<quint32>(vanished->uids.size());
            m_mailbox.exists = count > m_mailbox.exists ? 0 : m_mailbox.exists - count;
        }
        return true;
    }
    // EXPUNGE and FETCH name a message number: 1..EXISTS (RFC 9051 §2.3.1.2).
    if (!r.hasNumber || r.number == 0 || r.number > m_mailbox.exists) {
        fail(OperationError::Kind::Protocol,
            QStringLiteral("the server sent %1 for message %2, but the folder has %3 messages")
                .arg(QString::fromLatin1(r.name))
                .arg(r.number)
                .arg(m_mailbox.exists));
        return false;
    }
    if (r.name == "EXPUNGE") {
        --m_mailbox.exists;
    }
    return true;
}

void ImapSession::handleUntagged(const Response &r)
{
    if (r.isStatus()) {
        noteCode(r);
        if (r.status == Response::Status::Bye) {
            if (m_state == State::LoggingOut) {
                return; // RFC 9051 §6.1.3: BYE, then the tagged OK of LOGOUT
            }
            fail(OperationError::Kind::Network, QStringLiteral("the server ended the session: %1").arg(words(r.text)));
            return;
        }
    } else if (r.name == "CAPABILITY") {
        m_capabilities = capabilitiesFrom(r);
    } else if (r.name == "ENABLED") {
        for (const QByteArray &c : capabilitiesFrom(r)) {
            m_enabled.insert(c);
        }
    } else if (r.name == "FLAGS" && m_selected && !r.nodes.empty()) {
        m_mailbox.flags = flagListFrom(r, 0);
    }
    // Offered to the commands in the order they were sent: the oldest that wants it takes it.
    for (const auto &command : m_inFlight) {
        if (command->onUntagged(r)) {
            return;
        }
    }
    if (!r.isStatus() && isMailboxData(r.name)) {
        if (r.name == "FETCH") {
            QString error;
            const auto fetch = fetchFrom(r, &error);
            if (!fetch) {
                fail(OperationError::Kind::Protocol, QStringLiteral("the server sent an invalid FETCH: %1").arg(error));
                return;
            }
        }
        Q_EMIT unsolicited(r);
    }
}

void ImapSession::handleTagged(const Response &r)
{
    auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(), [&r](const auto &c) { return c->tag == r.tag; });
    if (it == m_inFlight.end()) {
        fail(OperationError::Kind::Protocol,
            QStringLiteral("the server answered a command that was never sent (tag '%1')")
                .arg(QString::fromLatin1(r.tag.left(40))));
        return;
    }
    const std::shared_ptr<ImapCommand> command = *it;
    m_inFlight.erase(it);
    if (m_transmitting == command) {
        // A NO instead of "+" for a literal (RFC 9051 §7.5): the rest is not sent.
        m_transmitting.reset();
    }
    command->result = r;
    noteCode(r);
    if (command->selects() && !command->isOk()) {
        m_selected = false; // RFC 9051 §6.3.2: a failed SELECT leaves no mailbox selected
    }
    if (command->deselects() && command->isOk()) {
        m_selected = false;
    }
    if (command->selects() && command->isOk()) {
        m_mailbox.readOnly = r.code.name == "READ-ONLY";
    }
    if (r.code.name == "REFERRAL") {
        // RFC 2221: never followed, and never with our credentials.
        command->error = QStringLiteral("the server refers to another server (%1); Satchel does not follow referrals")
                             .arg(QString::fromUtf8(r.code.args));
    }
    if (m_inFlight.empty()) {
        m_connection->setResponsePending(false);
    }
    command->onTagged(r);
    const QPointer<ImapSession> alive(this);
    if (auto done = std::exchange(command->onDone, nullptr)) {
        done();
    }
    if (alive && !m_finished) {
        pump();
    }
}

void ImapSession::handleContinuation(const Response &r)
{
    if (m_transmitting) {
        continueTransmit();
        return;
    }
    if (!m_inFlight.empty() && m_inFlight.back()->exclusive()) {
        const auto command = m_inFlight.back();
        command->onContinuation(r, *this);
        if (command->verb() == "IDLE") {
            // Idling: silence is expected until something happens (RFC 2177 §3).
            m_connection->setResponsePending(false);
        }
        return;
    }
    fail(OperationError::Kind::Protocol, QStringLiteral("the server sent a continuation request nobody asked for"));
}

void ImapSession::askCapabilities(std::function<void()> then)
{
    auto command = std::make_shared<CapabilityCommand>();
    command->onDone = [this, command, then] {
        if (!command->isOk()) {
            fail(OperationError::Kind::Protocol,
                QStringLiteral("the server refused CAPABILITY: %1").arg(command->failureText()));
            return;
        }
        then();
    };
    sendNow(command);
}

void ImapSession::startTls()
{
    if (!m_capabilities.contains("STARTTLS")) {
        fail(OperationError::Kind::Tls,
            QStringLiteral("TLS: the server does not offer STARTTLS, and this account requires TLS; nothing was sent"));
        return;
    }
    auto command = std::make_shared<StatusOnlyCommand>("STARTTLS", CommandArgs(), true);
    command->onDone = [this, command] {
        if (!command->isOk()) {
            fail(OperationError::Kind::Tls,
                QStringLiteral("TLS: the server refused STARTTLS (%1), and this account "
                               "requires TLS; nothing was sent")
                    .arg(command->failureText()));
            return;
        }
        // Anything after the OK, in our buffer or the socket's, is injected plaintext:
        // the connection fails rather than starting TLS (RFC 9051 §11.1).
        m_connection->startTls(m_framer.pendingBytes());
    };
    sendNow(command);
}

void ImapSession::authenticate()
{
    const QByteArray user = m_options.credentials.user.toUtf8();
    const QByteArray password = m_options.credentials.password.toUtf8();
    std::shared_ptr<ImapCommand> command;
    if (m_capabilities.contains("AUTH=PLAIN")) {
        command = std::make_shared<AuthenticatePlainCommand>(user, password, m_capabilities.contains("SASL-IR"));
    } else if (m_capabilities.contains("LOGINDISABLED")) {
        const bool plaintext = !m_connection->isEncrypted();
        fail(plaintext ? OperationError::Kind::Tls : OperationError::Kind::Authentication,
            plaintext ? QStringLiteral("the server refuses to log in without TLS (LOGINDISABLED); nothing was sent")
                      : QStringLiteral("the server offers no way to log in (LOGINDISABLED, no AUTH=PLAIN)"));
        return;
    } else {
        command = std::make_shared<LoginCommand>(user, password);
    }
    command->onDone = [this, command] {
        if (!command->isOk()) {
            fail(command->result.status == Response::Status::No ? OperationError::Kind::Authentication
                                                                : OperationError::Kind::Protocol,
                QStringLiteral("the server refused the login for %1: %2")
                    .arg(m_options.credentials.user, command->failureText()));
            return;
        }
        m_state = State::Authenticated;
        // RFC 9051 §6.2.2: capabilities may change at login; a CAPABILITY code saves asking.
        if (command->result.code.name == "CAPABILITY") {
            afterLogin();
        } else {
            m_capabilities.clear();
            askCapabilities([this] { afterLogin(); });
        }
    };
    sendNow(command);
}

void ImapSession::afterLogin()
{
    m_state = State::Authenticated;
    if (m_capabilities.isEmpty()) {
        askCapabilities([this] { afterLogin(); });
        return;
    }
    QList<QByteArray> wanted;
    if (m_options.enableQresync && hasCapability("QRESYNC")) {
        wanted << "CONDSTORE"
               << "QRESYNC";
    } else if (m_options.enableQresync && hasCapability("CONDSTORE")) {
        wanted << "CONDSTORE";
    }
    if (m_options.enableUtf8 && hasCapability("UTF8=ACCEPT")) {
        wanted << "UTF8=ACCEPT";
    }
    if (m_options.sendId && hasCapability("ID")) {
        sendNow(std::make_shared<IdCommand>());
    }
    if (hasCapability("NAMESPACE")) {
        auto ns = std::make_shared<NamespaceCommand>();
        ns->onDone = [this, ns] { m_delimiter = ns->delimiter; };
        sendNow(ns);
    }
    if (!wanted.isEmpty() && hasCapability("ENABLE")) {
        auto enable = std::make_shared<EnableCommand>(wanted);
        enable->onDone = [this, enable] {
            // A refused ENABLE only means the extensions stay off.
            Q_EMIT loggedIn();
        };
        sendNow(enable);
        return;
    }
    const QPointer<ImapSession> alive(this);
    Q_EMIT loggedIn();
    if (alive) {
        pump();
    }
}

bool ImapSession::hasCapability(QByteArrayView name) const
{
    return m_capabilities.contains(name.toByteArray());
}

bool ImapSession::isEnabled(QByteArrayView extension) const
{
    return m_enabled.contains(extension.toByteArray());
}

QByteArray ImapSession::encodeMailbox(const QString &name) const
{
    return utf8Accepted() ? name.toUtf8() : encodeMailboxName(name);
}

void ImapSession::send(std::shared_ptr<ImapCommand> command)
{
    if (m_finished || m_quitRequested) {
        return;
    }
    m_queued.push_back(std::move(command));
    pump();
}

void ImapSession::sendNow(std::shared_ptr<ImapCommand> command)
{
    // Login steps go before anything queued by the user of the session.
    m_queued.push_front(std::move(command));
    m_queued.front()->tag = "internal";
    pump();
}

void ImapSession::quit()
{
    if (m_finished || m_quitRequested) {
        return;
    }
    auto logout = std::make_shared<LogoutCommand>();
    logout->onDone = [this] {
        m_state = State::Done;
        m_finished = true;
        m_connection->close();
        Q_EMIT finished();
    };
    m_queued.push_back(logout);
    m_quitRequested = true;
    pump();
}

void ImapSession::abort()
{
    m_finished = true;
    dropCommands();
    m_connection->abort();
}

void ImapSession::pump()
{
    while (
        !m_finished && !m_queued.empty() && !m_transmitting && m_connection->state() == Net::Connection::State::Ready) {
        const std::shared_ptr<ImapCommand> next = m_queued.front();
        const bool internal = next->tag == "internal";
        if (!internal && m_state != State::Authenticated) {
            break; // user commands wait for the login
        }
        const bool exclusiveInFlight
            = std::any_of(m_inFlight.begin(), m_inFlight.end(), [](const auto &c) { return c->exclusive(); });
        if (exclusiveInFlight || (next->exclusive() && !m_inFlight.empty())) {
            break;
        }
        // A selecting command changes what message numbers mean: it waits for the
        // commands before it, and those after it wait for its answer.
        const bool selectInFlight = std::any_of(
            m_inFlight.begin(), m_inFlight.end(), [](const auto &c) { return c->selects() || c->deselects(); });
        if (selectInFlight || ((next->selects() || next->deselects()) && !m_inFlight.empty())) {
            break;
        }
        m_queued.pop_front();
        if (next->verb() == "LOGOUT") {
            m_state = State::LoggingOut;
        }
        transmit(next);
    }
}

void ImapSession::transmit(const std::shared_ptr<ImapCommand> &command)
{
    command->tag = 'A' + QByteArray::number(m_nextTag++);
    if (command->selects()) {
        m_selected = true;
        m_mailbox = MailboxState();
    }
    m_inFlight.push_back(command);
    m_connection->setResponsePending(true);
    m_transmitArgs = command->args(*this);
    QByteArray line = command->tag + ' ' + command->verb();
    const QByteArray &first = m_transmitArgs.texts().first();
    if (!first.isEmpty() || m_transmitArgs.hasLiterals()) {
        line += ' ' + first;
    }
    if (!m_transmitArgs.hasLiterals()) {
        m_connection->sendLine(line, command->secrecy());
        return;
    }
    m_transmitting = command;
    m_transmitLiteral = 0;
    // The first piece; the rest follows literal by literal.
    const QByteArray &literal = m_transmitArgs.literals().first();
    const bool nonSync = hasCapability("LITERAL+") || (hasCapability("LITERAL-") && literal.size() <= kLiteralMinusMax);
    line += '{' + QByteArray::number(literal.size()) + (nonSync ? "+}" : "}");
    m_connection->sendLine(line, command->secrecy());
    if (nonSync) {
        continueTransmit();
    }
}

void ImapSession::continueTransmit()
{
    // Sends literal m_transmitLiteral, then the text after it; stops at the next
    // synchronizing literal, which waits for the next "+".
    while (m_transmitting) {
        const auto &literals = m_transmitArgs.literals();
        const auto &texts = m_transmitArgs.texts();
        const qsizetype i = m_transmitLiteral;
        m_connection->sendRaw(literals.at(i), m_transmitting->secrecy());
        ++m_transmitLiteral;
        QByteArray line = texts.at(i + 1);
        if (m_transmitLiteral >= literals.size()) {
            m_transmitting.reset();
            m_connection->sendLine(line, Net::Secrecy::Public);
            pump();
            return;
        }
        const QByteArray &next = literals.at(m_transmitLiteral);
        const bool nonSync
            = hasCapability("LITERAL+") || (hasCapability("LITERAL-") && next.size() <= kLiteralMinusMax);
        line += '{' + QByteArray::number(next.size()) + (nonSync ? "+}" : "}");
        m_connection->sendLine(line, Net::Secrecy::Public);
        if (!nonSync) {
            return;
        }
    }
}

void ImapSession::sendDone()
{
    m_connection->setResponsePending(true);
    m_connection->sendLine("DONE");
}

void ImapSession::sendContinuationLine(const QByteArray &line, Net::Secrecy secrecy)
{
    m_connection->sendLine(line, secrecy);
}

LiteralSink ImapSession::sinkFor(quint64 size, QByteArrayView textSoFar)
{
    for (const auto &command : m_inFlight) {
        if (LiteralSink sink = command->literalSink(size, textSoFar)) {
            return sink;
        }
    }
    return {};
}

void ImapSession::fail(OperationError::Kind kind, const QString &message)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    dropCommands();
    m_connection->abort();
    Q_EMIT failed(OperationError { kind, message });
}

void ImapSession::dropCommands()
{
    // Their onDone never runs: the session's failed() is the one answer.
    m_queued.clear();
    m_inFlight.clear();
    m_transmitting.reset();
}

} // namespace Satchel::Imap
