#pragma once

#include "app/cli/CliContext.h"
#include "protocols/net/Connection.h"

#include <QEventLoop>

#include <functional>
#include <memory>

namespace Satchel::Cli {

// One command-line run of a protocol session (POP3, FTP): log in, do the work (which
// ends with done() or finishWithError()), end the session, return the exit code.
// Session is any engine session with the common shape: open/quit/abort, connection(),
// and the loggedIn/trustQuestion/failed/finished signals.
template<class Session>
class SessionRun
{
public:
    SessionRun(CliContext &context, typename Session::Options options)
        : m_context(context)
        , m_session(std::make_unique<Session>(std::move(options)))
    {
        Session *s = m_session.get();
        // The command line cannot ask a person: an untrusted certificate is refused,
        // and the error names the --pin that would trust it.
        QObject::connect(s, &Session::trustQuestion, s, [s](const Net::TrustQuestion &q) {
            s->connection()->answerTrustQuestion(q.id, Net::TrustAnswer::Cancel);
        });
        QObject::connect(s, &Session::failed, s, [this](const OperationError &e) { finishWithError(e); });
        QObject::connect(s, &Session::finished, s, [this] { finish(m_code); });
    }

    int run(const std::function<void(SessionRun &)> &work)
    {
        QObject::connect(m_session.get(), &Session::loggedIn, m_session.get(), [this, work] { work(*this); });
        m_session->open();
        m_loop.exec();
        return m_code;
    }

    Session &session() { return *m_session; }
    CliContext &context() { return m_context; }

    // The work is done: end the session properly (QUIT) and exit with `code`.
    void done(int code = 0)
    {
        m_code = code;
        m_session->quit();
    }
    // Report the first error only (one line on stderr), then stop.
    void finishWithError(const OperationError &error)
    {
        if (!m_finished) {
            finish(m_context.fail(error));
        }
    }
    // Stop at once, without QUIT.
    void finish(int code)
    {
        if (!m_finished) {
            m_finished = true;
            m_code = code;
            m_session->abort();
            m_loop.quit();
        }
    }

private:
    CliContext &m_context;
    std::unique_ptr<Session> m_session;
    QEventLoop m_loop;
    int m_code = 0;
    bool m_finished = false;
};

} // namespace Satchel::Cli
