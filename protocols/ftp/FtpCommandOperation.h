#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/ftp/FtpReply.h"

#include <QObject>

namespace Satchel::Ftp {

class FtpSession;

// A file-system command without a data connection, one step or a chain whose steps
// must each be accepted before the next is sent:
//   MKD, RMD (RFC 959 §4.1.3), DELE, RNFR then RNTO (RNFR must answer 350, §4.1.3),
//   SIZE and MDTM (RFC 3659 §4, §3), MFMT, CWD, PWD.
// The last reply is the result; a refusal stops the chain. 550 means "not found".
class FtpCommandOperation : public QObject
{
    Q_OBJECT

public:
    FtpCommandOperation(FtpSession *session, QList<QByteArray> steps, QObject *parent = nullptr);

    static FtpCommandOperation *rename(FtpSession *session, const QString &from, const QString &to, QObject *parent = nullptr);

    void start();
    FtpReply result() const { return m_last; }

Q_SIGNALS:
    void succeeded(const Satchel::Ftp::FtpReply &reply);
    void failed(const Satchel::OperationError &error);

private:
    void next();

    FtpSession *m_session;
    QList<QByteArray> m_steps;
    qsizetype m_index = 0;
    FtpReply m_last;
    bool m_done = false;
};

// The path in a 257 reply to PWD or MKD (RFC 959 §7, Appendix II): the text between
// the first quote and its closing quote, a doubled quote standing for one. Empty when
// the reply has no quoted path.
QString parseQuotedPathname(const FtpReply &reply);

// Parses an MDTM reply text "YYYYMMDDHHMMSS[.sss]" (RFC 3659 §2.3, UTC).
QDateTime parseFtpTime(const QString &text);

} // namespace Satchel::Ftp
