#include "protocols/ftp/FtpCommandOperation.h"

#include "protocols/ftp/FtpSession.h"

#include <QDateTime>
#include <QTimeZone>

namespace Satchel::Ftp {

FtpCommandOperation::FtpCommandOperation(FtpSession *session, QList<QByteArray> steps, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_steps(std::move(steps))
{
    connect(m_session, &FtpSession::failed, this, [this](const OperationError &e) {
        if (!m_done) {
            m_done = true;
            Q_EMIT failed(e);
        }
    });
}

FtpCommandOperation *FtpCommandOperation::rename(FtpSession *session, const QString &from, const QString &to, QObject *parent)
{
    return new FtpCommandOperation(session, {"RNFR " + from.toUtf8(), "RNTO " + to.toUtf8()}, parent);
}

void FtpCommandOperation::start()
{
    next();
}

void FtpCommandOperation::next()
{
    const QByteArray line = m_steps.at(m_index);
    m_session->command(line, [this, line](const FtpReply &reply) {
        m_last = reply;
        const bool last = m_index + 1 == m_steps.size();
        const bool accepted = last ? reply.isPositive() : reply.isIntermediate() || reply.isPositive();
        if (!accepted) {
            m_done = true;
            const OperationError::Kind kind = reply.code == 550 || reply.code == 450 ? OperationError::Kind::NotFound
                                            : reply.code == 530                    ? OperationError::Kind::Authentication
                                                                                     : OperationError::Kind::Refused;
            Q_EMIT failed({kind, QStringLiteral("%1: %2 %3").arg(QString::fromUtf8(line.split(' ').constFirst())).arg(reply.code).arg(reply.text())});
            return;
        }
        if (last) {
            m_done = true;
            Q_EMIT succeeded(reply);
            return;
        }
        ++m_index;
        next();
    });
}

QString parseQuotedPathname(const FtpReply &reply)
{
    const QByteArray text = reply.lines.value(0);
    const qsizetype open = text.indexOf('"');
    if (open < 0) {
        return {};
    }
    QByteArray path;
    for (qsizetype i = open + 1; i < text.size(); ++i) {
        if (text.at(i) != '"') {
            path.append(text.at(i));
        } else if (i + 1 < text.size() && text.at(i + 1) == '"') {
            path.append('"');
            ++i;
        } else {
            return QString::fromUtf8(path);
        }
    }
    return {}; // no closing quote
}

QDateTime parseFtpTime(const QString &text)
{
    const QString digits = text.trimmed().left(14);
    QDateTime t = QDateTime::fromString(digits, QStringLiteral("yyyyMMddHHmmss"));
    if (!t.isValid()) {
        return {};
    }
    t.setTimeZone(QTimeZone::utc());
    return t;
}

} // namespace Satchel::Ftp
