#include "ui/mail/MailAccounts.h"

#include "protocols/accounts/AccountStore.h"
#include "protocols/accounts/PasswordVault.h"
#include "protocols/imap/ImapAccountEngine.h"
#include "protocols/net/EngineThread.h"
#include "protocols/net/TrustStore.h"
#include "protocols/pop3/LocalInboxEngine.h"
#include "ui/common/CertificateDialog.h"
#include "ui/mail/CacheReader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QInputDialog>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

namespace Satchel::Ui {

using Imap::ImapAccountEngine;

namespace {

// An engine's error text as a sentence: capitalised, with a full stop.
QString sentence(QString text)
{
    text = text.trimmed();
    if (text.isEmpty()) {
        return text;
    }
    text[0] = text.at(0).toUpper();
    if (!text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('!')) && !text.endsWith(QLatin1Char('?'))) {
        text += QLatin1Char('.');
    }
    return text;
}

// The account id as a file name: ids are UUIDs, but the settings file is the person's
// to edit, so anything else becomes a hash (DESIGN.md: no name becomes a path unsanitised).
QString cacheFileName(const QString &accountId)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (safe.match(accountId).hasMatch()) {
        return accountId + QStringLiteral(".sqlite");
    }
    return QString::fromLatin1(QCryptographicHash::hash(accountId.toUtf8(), QCryptographicHash::Sha256).toHex())
        + QStringLiteral(".sqlite");
}

bool isSelectable(const Imap::FolderInfo &folder)
{
    return std::none_of(folder.attributes.begin(), folder.attributes.end(), [](const QByteArray &a) {
        return a.compare("\\Noselect", Qt::CaseInsensitive) == 0
            || a.compare("\\NonExistent", Qt::CaseInsensitive) == 0;
    });
}

std::optional<QString> askPasswordWithDialog(QWidget *parent, const Accounts::Account &account, const QString &reason)
{
    bool ok = false;
    const QString text = QInputDialog::getText(parent, MailAccounts::tr("Password for %1").arg(account.label()),
        reason + QStringLiteral("\n\n") + MailAccounts::tr("Password for %1 on %2:").arg(account.user, account.host),
        QLineEdit::Password, QString(), &ok);
    if (!ok) {
        return std::nullopt;
    }
    return text;
}

} // namespace

struct MailAccounts::Engine {
    Accounts::Account account;
    quint64 generation = 0; // a new one for each engine the account gets
    QString cachePath;
    std::unique_ptr<CacheReader> cache;
    // Null while the account waits for its password; a POP3 account has `local` instead.
    std::unique_ptr<Net::EngineThread<ImapAccountEngine>> thread;
    std::unique_ptr<Net::EngineThread<Pop3::LocalInboxEngine>> local;
    bool isPop3() const { return account.protocol == Accounts::Account::Protocol::Pop3; }
    bool hasEngine() const { return thread || local; }
    QList<Imap::FolderInfo> folders;
    QHash<QString, int> unread;
    bool online = false;
    bool askingPassword = false;
    bool promptQueued = false; // the password is about to be asked again
};

MailAccounts::MailAccounts(
    Accounts::AccountStore *store, Accounts::PasswordVault *vault, Options options, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_vault(vault)
    , m_options(std::move(options))
    , m_window(window)
{
    Q_ASSERT(m_store && m_vault);
    ImapAccountEngine::registerMetaTypes();
    Pop3::LocalInboxEngine::registerMetaTypes();
    if (m_options.cacheDir.isEmpty()) {
        m_options.cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/mail");
    }
    connect(m_store, &Accounts::AccountStore::changed, this, &MailAccounts::sync);
    sync();
}

MailAccounts::~MailAccounts()
{
    // The engines first: their threads stop (quit + wait) while everything they could
    // still be answering to exists.
    m_engines.clear();
}

// --- What the window reads --------------------------------------------------------

MailAccounts::Engine *MailAccounts::engineFor(const QString &accountId) const
{
    const auto it = m_engines.find(accountId);
    return it == m_engines.end() ? nullptr : it->second.get();
}

MailAccounts::Engine *MailAccounts::liveEngine(const QString &accountId, quint64 generation) const
{
    Engine *engine = engineFor(accountId);
    return engine && engine->generation == generation ? engine : nullptr;
}

QString MailAccounts::label(const QString &accountId) const
{
    const Engine *engine = engineFor(accountId);
    return engine ? engine->account.label() : accountId;
}

QString MailAccounts::cachePath(const QString &accountId) const
{
    return QDir(m_options.cacheDir).filePath(cacheFileName(accountId));
}

CacheReader *MailAccounts::cache(const QString &accountId) const
{
    const Engine *engine = engineFor(accountId);
    return engine ? engine->cache.get() : nullptr;
}

QList<Imap::FolderInfo> MailAccounts::folders(const QString &accountId) const
{
    const Engine *engine = engineFor(accountId);
    return engine ? engine->folders : QList<Imap::FolderInfo>();
}

QHash<QString, int> MailAccounts::unread(const QString &accountId) const
{
    const Engine *engine = engineFor(accountId);
    return engine ? engine->unread : QHash<QString, int>();
}

std::optional<int> MailAccounts::refreshUnread(const QString &accountId, const QString &folder)
{
    Engine *engine = engineFor(accountId);
    if (!engine || folder.isEmpty()) {
        return std::nullopt;
    }
    const std::optional<int> count = engine->cache->unseenCount(folder);
    if (count) {
        engine->unread.insert(folder, *count);
    }
    return count;
}

QString MailAccounts::folderWithRole(const QString &accountId, const QString &role) const
{
    if (const Engine *engine = engineFor(accountId)) {
        for (const Imap::FolderInfo &folder : engine->folders) {
            if (folder.role == role && isSelectable(folder)) {
                return folder.name;
            }
        }
    }
    if (role == QLatin1String("inbox")) {
        return ImapAccountEngine::inboxName(); // every server has one (RFC 9051 §5.1)
    }
    return {};
}

bool MailAccounts::hasFolder(const QString &accountId, const QString &folder) const
{
    const Engine *engine = engineFor(accountId);
    return engine && std::any_of(engine->folders.begin(), engine->folders.end(), [&folder](const Imap::FolderInfo &f) {
        return f.name == folder && isSelectable(f);
    });
}

bool MailAccounts::isStarted(const QString &accountId) const
{
    const Engine *engine = engineFor(accountId);
    return engine && engine->hasEngine();
}

bool MailAccounts::isLocalInbox(const QString &accountId) const
{
    const Engine *engine = engineFor(accountId);
    return engine && engine->isPop3();
}

bool MailAccounts::isOnline(const QString &accountId) const
{
    const Engine *engine = engineFor(accountId);
    return engine && engine->online;
}

void MailAccounts::say(const QString &text, int timeoutMs)
{
    Q_EMIT statusMessage(text, timeoutMs);
}

// --- Accounts and their engines ---------------------------------------------------

void MailAccounts::sync()
{
    QStringList order;
    const QList<Accounts::Account> accounts = m_store->accounts();
    for (const Accounts::Account &account : accounts) {
        order.append(account.id);
        Engine *engine = engineFor(account.id);
        if (!engine) {
            start(account);
        } else if (!(engine->account == account)) {
            const Accounts::Account &was = engine->account;
            const bool sameLogin = was.host == account.host && was.port == account.port
                && was.security == account.security && was.user == account.user && was.protocol == account.protocol
                && was.maildir == account.maildir && was.deleteAfterDownload == account.deleteAfterDownload;
            if (sameLogin) {
                engine->account = account; // a new display name
            } else {
                stop(account.id);
                start(account);
            }
        }
    }
    QStringList gone;
    for (const auto &[id, engine] : m_engines) {
        if (!order.contains(id)) {
            gone.append(id);
        }
    }
    for (const QString &id : std::as_const(gone)) {
        stop(id);
    }
    m_order = order;
    Q_EMIT accountsChanged();
}

void MailAccounts::start(const Accounts::Account &account)
{
    auto engine = std::make_unique<Engine>();
    engine->account = account;
    engine->generation = m_nextGeneration++;
    engine->cachePath = cachePath(account.id);
    engine->cache = std::make_unique<CacheReader>(engine->cachePath);
    if (engine->isPop3()) {
        // One folder: the Maildir the downloads go to, shown from the cache at once.
        Imap::FolderInfo inbox;
        inbox.name = Pop3::LocalInboxEngine::inboxName();
        inbox.role = QStringLiteral("inbox");
        // Its unread count comes with the engine's first sync, counted on its thread (a
        // full scan of a large cache here would stall the window at start-up).
        engine->folders = { inbox };
    }
    const quint64 generation = engine->generation;
    const QString id = account.id;
    m_engines[id] = std::move(engine);

    QPointer<MailAccounts> self(this);
    m_vault->readPassword(id, [self, id, generation](const Accounts::VaultResult &result) {
        if (!self || !self->liveEngine(id, generation)) {
            return;
        }
        if (result.ok && !result.password.isEmpty()) {
            self->launch(id, result.password);
            return;
        }
        QString why = tr("Satchel has no password for %1.").arg(self->label(id));
        // Why not, unless it is only that there is none (e.g. that no keyring is running).
        if (!result.error.isEmpty()
            && result.error != Accounts::PasswordVault::tr("No password is stored for this account.")) {
            why += QLatin1Char(' ') + result.error;
        }
        self->askPassword(id, why);
    });
}

void MailAccounts::stop(const QString &accountId)
{
    const auto it = m_engines.find(accountId);
    if (it == m_engines.end()) {
        return;
    }
    dropRequests(accountId, tr("The account was closed."));
    std::erase_if(m_trustQueue, [&accountId](const PendingTrust &p) { return p.accountId == accountId; });
    m_engines.erase(it); // quits and joins its thread
}

void MailAccounts::dropRequests(const QString &accountId, const QString &why)
{
    QList<quint64> orphaned;
    for (auto r = m_requests.cbegin(); r != m_requests.cend(); ++r) {
        if (r.value().accountId == accountId) {
            orphaned.append(r.key());
        }
    }
    for (const quint64 id : std::as_const(orphaned)) {
        finish(id, false, why);
    }
}

void MailAccounts::askPassword(const QString &accountId, const QString &reason)
{
    Engine *engine = engineFor(accountId);
    if (!engine || engine->askingPassword) {
        return;
    }
    engine->askingPassword = true;
    const quint64 generation = engine->generation;
    const Accounts::Account account = engine->account;
    // The prompt may run an event loop: anything can change meanwhile.
    const std::optional<QString> password = m_options.askPassword ? m_options.askPassword(account, reason)
                                                                  : askPasswordWithDialog(m_window, account, reason);
    engine = liveEngine(accountId, generation);
    if (!engine) {
        if (Engine *successor = engineFor(accountId)) {
            successor->askingPassword = false;
        }
        return;
    }
    engine->askingPassword = false;
    if (!password || password->isEmpty()) {
        say(tr("%1 is not connected: no password was given. Use Get New Mail to enter one.").arg(account.label()), 0);
        return;
    }
    QPointer<MailAccounts> self(this);
    m_vault->writePassword(accountId, *password, [self](const Accounts::VaultResult &result) {
        if (self && !result.ok && !result.error.isEmpty()) {
            self->say(result.error, 0); // kept for this session in any case
        }
    });
    launch(accountId, *password);
}

void MailAccounts::launch(const QString &accountId, const QString &password)
{
    Engine *engine = engineFor(accountId);
    if (!engine) {
        return;
    }
    if (engine->hasEngine()) {
        // A new password: a new engine. Its predecessor's answers are ignored from now on.
        dropRequests(accountId, tr("The account connected again with a new password."));
        engine->thread.reset();
        engine->local.reset();
        engine->generation = m_nextGeneration++;
        engine->online = false;
    }
    if (engine->isPop3()) {
        launchLocalInbox(*engine, password);
        return;
    }
    const Accounts::Account &account = engine->account;
    Imap::ImapSession::Options options;
    options.connection.host = account.host;
    options.connection.port = account.port;
    options.connection.policy = account.security;
    options.connection.trust = m_options.trust;
    options.credentials = { account.user, password };
    engine->thread = std::make_unique<Net::EngineThread<ImapAccountEngine>>(
        QStringLiteral("imap ") + account.label(), std::move(options), engine->cachePath);
    connectEngine(*engine);
    engine->thread->start();
    // New mail matters in INBOX: a second connection watches it (IDLE).
    engine->thread->post([](ImapAccountEngine &e) { e.watch(ImapAccountEngine::inboxName()); });
    say(tr("Connecting to %1…").arg(account.label()), 5000);
}

void MailAccounts::connectEngine(Engine &engine)
{
    ImapAccountEngine *source = engine.thread->engine();
    const QString id = engine.account.id;
    const quint64 generation = engine.generation;
    // Answers of an engine that was replaced meanwhile are dropped here.
    const auto live = [this, id, generation] { return liveEngine(id, generation); };

    connect(source, &ImapAccountEngine::connected, this, [this, live] {
        if (Engine *e = live()) {
            e->online = true;
            say(tr("Connected to %1.").arg(e->account.label()), 4000);
        }
    });
    connect(source, &ImapAccountEngine::connectionLost, this, [this, live](const OperationError &error) {
        if (Engine *e = live()) {
            onConnectionLost(*e, error);
        }
    });
    connect(source, &ImapAccountEngine::trustQuestion, this, [this, live](const Net::TrustQuestion &question) {
        if (Engine *e = live()) {
            m_trustQueue.push_back(PendingTrust { e->account.id, e->generation, question });
            askNextTrustQuestion();
        }
    });
    connect(source, &ImapAccountEngine::alert, this, [this, live](const QString &text) {
        if (Engine *e = live()) {
            say(tr("The server of %1 says: %2").arg(e->account.label(), text), 0);
        }
    });
    connect(source, &ImapAccountEngine::foldersListed, this,
        [this, live](const QList<Imap::FolderInfo> &folders, const QHash<QString, int> &unread) {
            if (Engine *e = live()) {
                e->folders = folders;
                // Counts the server did not give (no LIST-STATUS, not cached) stay as they were.
                for (auto it = unread.cbegin(); it != unread.cend(); ++it) {
                    e->unread.insert(it.key(), it.value());
                }
                Q_EMIT foldersListed(e->account.id);
            }
        });
    connect(source, &ImapAccountEngine::folderSynced, this,
        [this, live](quint64 requestId, const QString &folder, const Imap::FolderSync::Result &result) {
            if (Engine *e = live()) {
                const int unseen = static_cast<int>(result.unseen);
                if (unseen >= 0) {
                    e->unread.insert(folder, unseen);
                }
                const bool changed = result.fullResync || result.added > 0 || result.changed > 0 || result.vanished > 0;
                Q_EMIT folderSynced(e->account.id, requestId, folder, unseen, changed);
                finish(requestId, true);
            }
        });
    connect(source, &ImapAccountEngine::messageFetched, this,
        [this, live](quint64 requestId, const QString &folder, quint32 uid, const QByteArray &message) {
            if (Engine *e = live()) {
                Q_EMIT messageFetched(e->account.id, requestId, folder, uid, message);
                finish(requestId, true);
            }
        });
    connect(source, &ImapAccountEngine::searchDone, this,
        [this, live](quint64 requestId, const QString &folder, const QList<quint32> &uids) {
            if (Engine *e = live()) {
                Q_EMIT searchDone(e->account.id, requestId, folder, uids);
                finish(requestId, true);
            }
        });
    connect(source, &ImapAccountEngine::operationDone, this, [this, live](quint64 requestId) {
        if (Engine *e = live()) {
            Q_EMIT operationDone(e->account.id, requestId, false);
            finish(requestId, true);
        }
    });
    connect(source, &ImapAccountEngine::operationQueued, this, [this, live](quint64 requestId) {
        if (Engine *e = live()) {
            say(tr("%1 is offline; the change is shown here and sent when it is back.").arg(e->account.label()), 0);
            Q_EMIT operationDone(e->account.id, requestId, true);
            finish(requestId, true);
        }
    });
    connect(source, &ImapAccountEngine::operationFailed, this,
        [this, live](quint64 requestId, const OperationError &error) {
            if (Engine *e = live()) {
                if (requestId == 0) {
                    say(tr("%1: %2").arg(e->account.label(), sentence(error.message)), 0);
                }
                Q_EMIT operationFailed(e->account.id, requestId, error);
                finish(requestId, false, error.message);
            }
        });
    connect(source, &ImapAccountEngine::newMail, this,
        [this, live](const QString &folder, const QList<Imap::MessageSummary> &messages) {
            if (Engine *e = live()) {
                Q_EMIT newMail(e->account.id, folder, messages);
            }
        });
}

void MailAccounts::launchLocalInbox(Engine &engine, const QString &password)
{
    const Accounts::Account &account = engine.account;
    Pop3::LocalInboxEngine::Options options;
    options.session.connection.host = account.host;
    options.session.connection.port = account.port;
    options.session.connection.policy = account.security;
    options.session.connection.trust = m_options.trust;
    options.session.credentials.user = account.user;
    options.session.credentials.password = password;
    options.maildir = account.maildir;
    options.cachePath = engine.cachePath;
    options.uidMapPath = engine.cachePath.chopped(int(qstrlen(".sqlite"))) + QStringLiteral(".maildir-uids");
    options.deleteAfterDownload = account.deleteAfterDownload;
    engine.local = std::make_unique<Net::EngineThread<Pop3::LocalInboxEngine>>(
        QStringLiteral("pop3 ") + account.label(), std::move(options));
    connectLocalEngine(engine);
    engine.local->start();
    // What the Maildir holds now (another program may have changed it since).
    engine.local->post([](Pop3::LocalInboxEngine &e) { e.syncFolder(0); });
    Q_EMIT foldersListed(account.id); // its one folder, known from the start
}

void MailAccounts::connectLocalEngine(Engine &engine)
{
    Pop3::LocalInboxEngine *source = engine.local->engine();
    const QString id = engine.account.id;
    const quint64 generation = engine.generation;
    const auto live = [this, id, generation] { return liveEngine(id, generation); };
    using Pop3::LocalInboxEngine;

    connect(source, &LocalInboxEngine::trustQuestion, this, [this, live](const Net::TrustQuestion &question) {
        if (Engine *e = live()) {
            m_trustQueue.push_back(PendingTrust { e->account.id, e->generation, question });
            askNextTrustQuestion();
        }
    });
    connect(source, &LocalInboxEngine::folderSynced, this,
        [this, live](quint64 requestId, const QString &folder, int unseen, bool changed) {
            if (Engine *e = live()) {
                e->unread.insert(folder, unseen);
                Q_EMIT folderSynced(e->account.id, requestId, folder, unseen, changed);
                finish(requestId, true);
            }
        });
    connect(source, &LocalInboxEngine::messageFetched, this,
        [this, live](quint64 requestId, const QString &folder, quint32 uid, const QByteArray &message) {
            if (Engine *e = live()) {
                Q_EMIT messageFetched(e->account.id, requestId, folder, uid, message);
                finish(requestId, true);
            }
        });
    connect(source, &LocalInboxEngine::searchDone, this,
        [this, live](quint64 requestId, const QString &folder, const QList<quint32> &uids) {
            if (Engine *e = live()) {
                Q_EMIT searchDone(e->account.id, requestId, folder, uids);
                finish(requestId, true);
            }
        });
    connect(source, &LocalInboxEngine::operationDone, this, [this, live](quint64 requestId) {
        if (Engine *e = live()) {
            Q_EMIT operationDone(e->account.id, requestId, false);
            finish(requestId, true);
        }
    });
    connect(
        source, &LocalInboxEngine::operationFailed, this, [this, live](quint64 requestId, const OperationError &error) {
            if (Engine *e = live()) {
                if (error.kind == OperationError::Kind::Authentication) {
                    onConnectionLost(*e, error); // asks for the password again
                } else if (requestId == 0 || error.kind == OperationError::Kind::Tls
                    || error.kind == OperationError::Kind::Network) {
                    say(tr("%1: %2").arg(e->account.label(), sentence(error.message)), 0);
                }
                Q_EMIT operationFailed(e->account.id, requestId, error);
                finish(requestId, false, error.message);
            }
        });
    connect(source, &LocalInboxEngine::newMail, this,
        [this, live](const QString &folder, const QList<Imap::MessageSummary> &messages) {
            if (Engine *e = live()) {
                Q_EMIT newMail(e->account.id, folder, messages);
            }
        });
}

void MailAccounts::onConnectionLost(Engine &engine, const OperationError &error)
{
    engine.online = false;
    const QString account = engine.account.label();
    if (error.kind == OperationError::Kind::Authentication) {
        // A refused password is asked again (each attempt comes from something the
        // person did: the engine retries a refused login only when a request arrives).
        const QString reason = tr("%1 refused the password: %2").arg(account, sentence(error.message));
        say(reason, 0);
        if (!engine.promptQueued && !engine.askingPassword) {
            engine.promptQueued = true;
            const QString id = engine.account.id;
            const quint64 generation = engine.generation;
            // Not from inside the engine's signal: the prompt runs an event loop.
            QTimer::singleShot(0, this, [this, id, generation, reason] {
                if (Engine *e = liveEngine(id, generation)) {
                    e->promptQueued = false;
                    askPassword(id, reason);
                }
            });
        }
        return;
    }
    if (error.kind == OperationError::Kind::Tls) {
        say(tr("%1 is not connected: %2 Use Get New Mail to try again.").arg(account, sentence(error.message)), 0);
        return;
    }
    say(tr("%1 is not connected: %2 Trying again…").arg(account, sentence(error.message)), 0);
}

// --- Requests -------------------------------------------------------------------

quint64 MailAccounts::post(const QString &accountId, const QString &description, Call call, LocalCall local)
{
    Engine *engine = engineFor(accountId);
    if (!engine) {
        return 0;
    }
    if (engine->isPop3() && !local) {
        say(tr("%1 keeps its mail in one local inbox: that is not possible there.").arg(engine->account.label()), 0);
        return 0;
    }
    if (!engine->hasEngine()) {
        say(tr("%1 is not connected: Satchel has no password for it.").arg(engine->account.label()), 0);
        return 0;
    }
    const quint64 requestId = m_nextRequestId++;
    m_requests.insert(requestId, Running { accountId, description });
    if (engine->local) {
        engine->local->post([requestId, local = std::move(local)](Pop3::LocalInboxEngine &e) { local(e, requestId); });
    } else {
        engine->thread->post([requestId, call = std::move(call)](ImapAccountEngine &e) { call(e, requestId); });
    }
    Q_EMIT activityChanged();
    return requestId;
}

void MailAccounts::finish(quint64 requestId, bool ok, const QString &error)
{
    if (requestId == 0 || m_requests.remove(requestId) == 0) {
        return;
    }
    Q_EMIT requestFinished(requestId, ok, error);
    Q_EMIT activityChanged();
}

QList<MailAccounts::Activity> MailAccounts::activities() const
{
    QList<quint64> ids = m_requests.keys();
    std::sort(ids.begin(), ids.end());
    QList<Activity> list;
    for (const quint64 id : std::as_const(ids)) {
        const Running running = m_requests.value(id);
        list.append({ id, label(running.accountId),
            running.description.isEmpty() ? tr("Working on %1").arg(label(running.accountId)) : running.description,
            running.cancelling });
    }
    return list;
}

bool MailAccounts::cancel(quint64 requestId)
{
    auto it = m_requests.find(requestId);
    if (it == m_requests.end()) {
        return false;
    }
    Engine *engine = engineFor(it->accountId);
    if (!engine || !engine->thread) {
        // (A local inbox's requests are file work, or one download that ends by itself.)
        finish(requestId, false, tr("cancelled"));
        return true;
    }
    it->cancelling = true;
    engine->thread->post([requestId](ImapAccountEngine &e) { e.cancel(requestId); });
    Q_EMIT activityChanged();
    return true;
}

QStringList MailAccounts::activity() const
{
    QList<quint64> ids = m_requests.keys();
    std::sort(ids.begin(), ids.end());
    QStringList lines;
    for (const quint64 id : std::as_const(ids)) {
        const Running running = m_requests.value(id);
        lines.append(
            running.description.isEmpty() ? tr("Working on %1").arg(label(running.accountId)) : running.description);
    }
    return lines;
}

// --- Certificate questions ----------------------------------------------------------

void MailAccounts::askNextTrustQuestion()
{
    if (m_askingTrust || m_trustQueue.empty()) {
        return;
    }
    m_askingTrust = true;
    const PendingTrust asked = m_trustQueue.front();
    m_trustQueue.pop_front();
    say(tr("Waiting for your decision about the certificate of %1…").arg(asked.question.host), 0);

    QPointer<MailAccounts> self(this);
    auto answered = std::make_shared<bool>(false);
    auto answer = [self, asked, answered](Net::TrustAnswer choice) {
        MailAccounts *that = self.data();
        if (*answered || !that) {
            return;
        }
        *answered = true;
        that->answerTrust(asked, choice);
        // The other connection (the INBOX watch) or another account on the same
        // server asked the same: the same answer.
        std::deque<PendingTrust> rest;
        for (PendingTrust &p : that->m_trustQueue) {
            const Net::TrustQuestion &q = p.question;
            if (q.host == asked.question.host && q.port == asked.question.port && q.pin == asked.question.pin) {
                that->answerTrust(p, choice);
            } else {
                rest.push_back(std::move(p));
            }
        }
        that->m_trustQueue = std::move(rest);
        that->m_askingTrust = false;
        QTimer::singleShot(0, self.data(), [self] {
            if (self) {
                self->askNextTrustQuestion();
            }
        });
    };
    if (m_options.askTrust) {
        m_options.askTrust(asked.question, answer);
        return;
    }
    auto *dialog = new CertificateDialog(asked.question, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CertificateDialog::answered, this,
        [answer](const Net::TrustQuestion &, Net::TrustAnswer choice) { answer(choice); });
    dialog->open();
}

void MailAccounts::answerTrust(const PendingTrust &asked, Net::TrustAnswer answer)
{
    Engine *engine = liveEngine(asked.accountId, asked.generation);
    if (!engine || !engine->hasEngine()) {
        return;
    }
    const quint64 questionId = asked.question.id;
    if (engine->local) {
        engine->local->post(
            [questionId, answer](Pop3::LocalInboxEngine &e) { e.answerTrustQuestion(questionId, answer); });
    } else {
        engine->thread->post([questionId, answer](ImapAccountEngine &e) { e.answerTrustQuestion(questionId, answer); });
    }
    if (answer == Net::TrustAnswer::Cancel) {
        say(tr("You did not trust the certificate of %1, so Satchel did not log in to %2.")
                .arg(asked.question.host, engine->account.label()),
            0);
    }
}

} // namespace Satchel::Ui
