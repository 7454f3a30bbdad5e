#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/ftp/FtpReply.h"
#include "protocols/net/Connection.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>

#include <deque>
#include <functional>

namespace Satchel::Ftp {

struct FtpCredentials {
    QString user;
    QString password;
};

// The FTP control connection (RFC 959) with its security (RFC 4217): greeting, AUTH
// TLS when the account requires it (a 230 greeting or a refused AUTH TLS is a failure,
// before any credential is sent), FEAT (RFC 2389, asked after TLS), USER/PASS, then
// PBSZ 0 + PROT P so data connections are protected too, OPTS UTF8 ON when offered,
// TYPE I. Commands then run one at a time (FTP has no pipelining): each gets its
// final reply; 1xx preliminary replies (a transfer starting) go to their own callback.
class FtpSession : public QObject
{
    Q_OBJECT

public:
    struct Options {
        Net::ConnectionSettings connection;
        FtpCredentials credentials;
        // Active mode (RFC 2428 EPRT, else RFC 959 PORT): the server connects to us.
        bool activeMode = false;
        // Keep-alive: after this long with nothing said on an idle control connection,
        // NOOP (RFC 959 §4.1.3), so servers and NAT boxes that drop quiet connections
        // (vsftpd's idle_session_timeout is 300 s) keep it. Zero: never.
        std::chrono::milliseconds keepAlive { std::chrono::seconds(60) };
    };
    using ReplyHandler = std::function<void(const FtpReply &reply)>;

    explicit FtpSession(Options options, QObject *parent = nullptr);
    ~FtpSession() override;

    void open();
    void command(const QByteArray &line, ReplyHandler onFinal, ReplyHandler onPreliminary = {},
        Net::Secrecy secrecy = Net::Secrecy::Public);
    // A command on behalf of `owner` (a transfer): its replies reach the handlers only
    // while the owner exists and has not been abandoned by abortFor().
    void commandFor(
        const QObject *owner, const QByteArray &line, ReplyHandler onFinal, ReplyHandler onPreliminary = {});
    // RFC 959 §4.1.3 ABOR, for a transfer of `owner` that was stopped (its data
    // connection already closed): what the owner queued is taken back, the reply its
    // running command still gets (426, or 226 if it had just finished) is swallowed,
    // and ABOR goes out at once, ahead of any queue. `onDone` gets ABOR's own reply
    // (225/226); after it the session is idle and ready for the next command.
    void abortFor(const QObject *owner, ReplyHandler onDone);
    void quit();
    void abort();

    bool hasFeature(const QByteArray &name) const { return m_features.contains(name.toUpper()); }
    bool dataProtected() const { return m_dataProtected; }
    Net::Connection *connection() const { return m_connection; }
    // Where data connections go: the control connection's peer, whatever PASV says.
    QHostAddress peerAddress() const;
    // The control connection's TLS state, with the newest session ticket, for a data
    // connection to resume (RFC 4217 §10.2 and vsftpd's require_ssl_reuse).
    QSslConfiguration dataTlsConfiguration() const;
    QSslCertificate controlPeerCertificate() const;
    const Options &options() const { return m_options; }
    int keepAlivesSent() const { return m_keepAlives; }

Q_SIGNALS:
    void loggedIn();
    void trustQuestion(const Satchel::Net::TrustQuestion &question);
    void failed(const Satchel::OperationError &error);
    void finished();

private:
    struct Pending {
        QByteArray line;
        Net::Secrecy secrecy;
        ReplyHandler onFinal;
        ReplyHandler onPreliminary;
        QPointer<const QObject> owner; // only for commandFor()
        bool owned = false;
        bool abandoned = false;
        bool sent = false; // written out of turn (ABOR): only its reply is awaited
        bool delivers() const { return !abandoned && (!owned || owner); }
    };
    void onReady();
    void onReadyRead();
    void onReply(const FtpReply &reply);
    void sendNext();
    void afterGreeting(const FtpReply &reply);
    void askFeatures();
    void login();
    void protectData();
    void fail(OperationError::Kind kind, const QString &message);

    Options m_options;
    Net::Connection *m_connection;
    FtpReplyReader m_reader;
    std::deque<Pending> m_queue;
    std::optional<Pending> m_current;
    bool m_greeted = false;
    bool m_finished = false;
    bool m_loggedIn = false;
    int m_keepAlives = 0;
    bool m_dataProtected = false;
    QSet<QByteArray> m_features;
};

} // namespace Satchel::Ftp
