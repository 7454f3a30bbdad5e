// Benchmark of the mail window's message list against issue 8's targets, in one process
// with a QApplication (run it with QT_QPA_PLATFORM=offscreen; bench_mail_window.sh does):
//
//   bench_mail_window ENV_FILE CACHE_DIR [FOLDER]
//   bench_mail_window --host H --port P --user U --password PW --ca PEM CACHE_DIR [FOLDER]
//
// ENV_FILE is the env file tests/servers/dovecot.sh writes (user alice unless --user);
// the connection is imap:// with STARTTLS on DOVECOT_IMAP_PORT (--imaps: implicit TLS on
// DOVECOT_IMAPS_PORT). CACHE_DIR must not hold a cache yet. FOLDER defaults to INBOX.
//
// a) Full sync with the GUI watching: an ImapAccountEngine on its Net::EngineThread syncs
//    FOLDER into the empty cache while the GUI thread runs a 1 ms Qt::PreciseTimer and
//    records the gap between consecutive timeouts. The GUI thread does what the window
//    does (MailController): a MessageListModel behind a MessageFilterProxy in a shown
//    QTableView set up as MailController::attach() sets it up; on the first folder list it
//    shows the folder's cache (setFolder) and asks for a sync of it (a queued
//    syncFolder); on every folderSynced it takes the folder's unread count from the result
//    and, for the shown folder, reads the list again when the sync changed anything
//    (MessageListModel::refresh, MailController::reloadList). The engine watches INBOX
//    on its second connection, as MailAccounts::launch() asks (--no-watch: not).
//    Recording ends when the window's own sync request is answered. Baseline: the same
//    timer for --idle-ms (2 s) with nothing syncing, the view shown.
//    Targets: no gap over 16 ms; p99 <= 8 ms.
// b) Open from a warm cache: a fresh model, proxy and view; timed from setFolder() until
//    the view has painted and the first visible row's subject is there. Median of
//    --repeat (5). Baseline, timed the same way: open a read-only Qt SQL connection to
//    the file and read `SELECT uid, subject, from_name, date, size, flags FROM messages
//    WHERE folder_id = ? ORDER BY date DESC LIMIT 50`. Target: <= 150 ms. Timed again
//    with View > Threads on: setFolder() then also reads the threading headers of every
//    message and orders the threads (threadMessages()) before the first row shows.
// c) Bytes per message: a fresh model (no view); bytesPerMessage() after setFolder() and
//    after reading every row's subject, and the growth of the process's VmRSS (and of
//    malloc's bytes in use, which freed memory reused from a) and b) cannot hide) over
//    the same span, divided by the rows. Target: <= 350 bytes.
//
// --expect N: the folder must end up with N messages (else MISMATCH, exit 1).
// Progress goes to stderr; the report to stdout.
#include "protocols/imap/FolderSync.h"
#include "protocols/imap/ImapAccountEngine.h"
#include "protocols/net/EngineThread.h"
#include "protocols/net/TrustStore.h"
#include "tests/bench/BenchSupport.h"
#include "ui/mail/CacheReader.h"
#include "ui/mail/MessageFilterProxy.h"
#include "ui/mail/MessageListModel.h"
#include "ui/mail/OffscreenInsertionGuard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHeaderView>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <malloc.h>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

using namespace Satchel;
using namespace Satchel::Bench;
using Satchel::Imap::FolderSync;
using Satchel::Imap::ImapAccountEngine;
using Satchel::Ui::MessageFilterProxy;
using Satchel::Ui::MessageListModel;

namespace {

constexpr quint64 kWindowRequest = 1; // the id of the window's own syncFolder request
constexpr double kOpenMs = 150;
constexpr double kBytesPerMessage = 350;

void progress(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

// VmRSS of this process in KiB (/proc/self/status); -1 when it cannot be read.
qint64 vmRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return -1;
    }
    while (!status.atEnd()) {
        const QByteArray line = status.readLine();
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

// Bytes malloc has handed out and not got back (glibc): arena chunks and mmapped ones.
qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks) + qint64(info.hblkhd);
}

// --- The list as the window shows it ------------------------------------------------

// One message list: model, the window's filter proxy, and a view set up as
// MailController::attach() sets up the window's.
struct ListView {
    std::unique_ptr<MessageListModel> model = std::make_unique<MessageListModel>();
    std::unique_ptr<MessageFilterProxy> proxy = std::make_unique<MessageFilterProxy>();
    std::unique_ptr<QTableView> view = std::make_unique<QTableView>();

    ListView()
    {
        proxy->setSourceModel(model.get());
        view->setModel(proxy.get());
        new Satchel::Ui::OffscreenInsertionGuard(view.get(), model.get()); // as MailController::attach does
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        view->setShowGrid(false);
        view->setWordWrap(false);
        view->verticalHeader()->hide();
        view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        QHeaderView *header = view->horizontalHeader();
        const int character = view->fontMetrics().averageCharWidth();
        header->resizeSection(MessageListModel::StatusColumn, 6 * character);
        header->resizeSection(MessageListModel::FromColumn, 24 * character);
        header->resizeSection(MessageListModel::DateColumn, 18 * character);
        header->resizeSection(MessageListModel::SizeColumn, 9 * character);
        header->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);
        header->setSortIndicator(model->sortColumn(), model->sortOrder());
        view->setSortingEnabled(true);
        view->resize(1100, 700); // about the list's share of a maximised window
    }
    ~ListView()
    {
        view.reset(); // before the models it shows
        proxy.reset();
        model.reset();
    }
    ListView(const ListView &) = delete;
    ListView &operator=(const ListView &) = delete;
};

struct Server {
    QString host;
    quint16 port = 0;
    bool implicitTls = false;
    QString user;
    QString password;
    QString ca;
};

// --- a) Full sync with the GUI watching ------------------------------------------------

struct SyncEvent {
    quint64 requestId = 0;
    QString folder;
    FolderSync::Result result;
    qint64 atNs = 0; // since the engine thread was started
    qint64 unreadNs = 0; // GUI thread: CacheReader::unseenCount
    qint64 refreshNs = -1; // GUI thread: MessageListModel::refresh (-1: not the shown folder)
};

struct SyncReport {
    GapStats idle;
    GapStats sync;
    std::vector<Gap> worst; // the largest gaps of the sync, largest first
    std::vector<SyncEvent> events;
    std::optional<SyncEvent> full; // the first sync of the folder
    qint64 answeredNs = 0; // the window's request answered: recording ended
    qint64 connectedNs = -1;
    qint64 listedNs = -1;
    int rows = 0;
};

SyncReport runSync(
    const Server &server, const QString &cachePath, const QString &folder, int idleMs, bool watchInbox, int timeoutS)
{
    SyncReport report;
    ListView list;
    list.view->setWindowTitle(QStringLiteral("bench_mail_window"));
    list.view->show();
    Ui::CacheReader reader(cachePath);
    spin(300); // the first paint and whatever settles after show()

    GapRecorder recorder;
    progress(QStringLiteral("idle baseline: %1 ms of the 1 ms timer, nothing syncing").arg(idleMs));
    recorder.start();
    spin(idleMs);
    recorder.stop();
    report.idle = summarize(recorder.gaps());

    auto trust = std::make_shared<Net::TrustStore>();
    QString error;
    if (!trust->addCaFile(server.ca, &error)) {
        die(QStringLiteral("CA file %1: %2").arg(server.ca, error));
    }
    Imap::ImapSession::Options options;
    options.connection.host = server.host;
    options.connection.port = server.port;
    options.connection.policy = server.implicitTls ? Net::TlsPolicy::ImplicitTls : Net::TlsPolicy::StartTlsRequired;
    options.connection.trust = trust;
    options.credentials = { server.user, server.password };
    auto host = std::make_unique<Net::EngineThread<ImapAccountEngine>>(
        QStringLiteral("imap bench"), std::move(options), cachePath);
    ImapAccountEngine *engine = host->engine();

    QEventLoop loop;
    QString failure;
    bool listed = false;
    bool answered = false;
    // Declared after everything its connections capture: destroyed first, it takes the
    // engine's queued signals that were not delivered yet with it.
    QObject gui;
    const auto fail = [&](const QString &why) {
        if (failure.isEmpty()) {
            failure = why;
        }
        loop.quit();
    };
    QObject::connect(engine, &ImapAccountEngine::connected, &gui, [&] {
        if (report.connectedNs < 0) {
            report.connectedNs = recorder.nowNs();
        }
    });
    QObject::connect(engine, &ImapAccountEngine::connectionLost, &gui,
        [&](const OperationError &e) { fail(QStringLiteral("connection lost: ") + e.message); });
    QObject::connect(engine, &ImapAccountEngine::trustQuestion, &gui, [&](const Net::TrustQuestion &q) {
        fail(QStringLiteral("the server's certificate is not trusted: ") + q.reasons.join(QStringLiteral("; ")));
    });
    QObject::connect(engine, &ImapAccountEngine::operationFailed, &gui, [&](quint64 id, const OperationError &e) {
        fail(QStringLiteral("request %1 failed: %2").arg(id).arg(e.message));
    });
    QObject::connect(engine, &ImapAccountEngine::foldersListed, &gui, [&] {
        if (listed) {
            return;
        }
        listed = true;
        report.listedNs = recorder.nowNs();
        // MailController::onFoldersListed -> showFolder: what the cache has, at once, then
        // a sync request (MailController::syncFolder), queued to the engine's thread.
        if (!list.model->setFolder(cachePath, folder)) {
            fail(QStringLiteral("setFolder: ") + list.model->lastError());
            return;
        }
        const QString name = folder;
        QMetaObject::invokeMethod(
            engine, [engine, name] { engine->syncFolder(kWindowRequest, name); }, Qt::QueuedConnection);
    });
    QObject::connect(engine, &ImapAccountEngine::folderSynced, &gui,
        [&](quint64 requestId, const QString &synced, const FolderSync::Result &result) {
            SyncEvent event { requestId, synced, result, recorder.nowNs() };
            // MailController::onFolderSynced: the unread count comes with the result (counted
            // on the engine's thread; read from the cache here only when it is missing), then
            // reloadList for the shown folder when the sync changed anything.
            QElapsedTimer work;
            work.start();
            if (result.unseen < 0) {
                reader.unseenCount(synced);
            }
            event.unreadNs = work.nsecsElapsed();
            const bool changed = result.fullResync || result.added > 0 || result.changed > 0 || result.vanished > 0;
            if (synced == folder && listed && changed) {
                // MailController::reloadList: a big folder's index is read off the GUI
                // thread; what is timed here is the GUI thread's part (the reset comes later
                // and shows in the timer's gaps).
                work.start();
                list.model->refreshInBackground();
                event.refreshNs = work.nsecsElapsed();
            }
            report.events.push_back(event);
            if (synced == folder && !report.full) {
                report.full = event;
                progress(QStringLiteral("full sync of %1: %2 messages in %3 s (engine: %4 s)")
                             .arg(folder)
                             .arg(result.total)
                             .arg(fmt(double(event.atNs) / 1e9, 2), fmt(result.seconds, 2)));
            }
            if (requestId == kWindowRequest) {
                answered = true;
                loop.quit();
            }
        });
    QTimer::singleShot(timeoutS * 1000, &gui, [&] { fail(QStringLiteral("no answer in %1 s").arg(timeoutS)); });

    progress(QStringLiteral("syncing %1 from %2:%3 into %4").arg(folder, server.host).arg(server.port).arg(cachePath));
    recorder.start();
    host->start();
    if (watchInbox) {
        // As MailAccounts::launch(): INBOX is watched on the second connection.
        host->post([](ImapAccountEngine &e) { e.watch(ImapAccountEngine::inboxName()); });
    }
    loop.exec();
    report.answeredNs = recorder.nowNs();
    // The list's last refresh may still be reading its index or inserting its rows (a
    // big insertion is spread over several turns of the event loop): that is part of
    // what the GUI thread does for the sync, so the timer runs until it is done.
    QElapsedTimer settle;
    settle.start();
    while (list.model->isUpdating() && settle.elapsed() < 10000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    recorder.stop();
    progress(QStringLiteral("stopping the engine"));
    host.reset(); // quits and joins its thread; the cache file is closed
    if (!answered || !failure.isEmpty()) {
        die(failure.isEmpty() ? QStringLiteral("the sync did not finish") : failure);
    }
    if (!report.full) {
        die(QStringLiteral("no folderSynced for %1").arg(folder));
    }
    report.sync = summarize(recorder.gaps());
    report.worst = recorder.gaps();
    const size_t keep = std::min<size_t>(5, report.worst.size());
    std::partial_sort(report.worst.begin(), report.worst.begin() + qsizetype(keep), report.worst.end(),
        [](const Gap &a, const Gap &b) { return a.ns > b.ns; });
    report.worst.resize(keep);
    report.rows = list.model->rowCount();
    return report;
}

// --- b) Open from a warm cache ---------------------------------------------------------

struct OpenRun {
    qint64 setFolderNs = 0;
    qint64 shownNs = 0; // setFolder + show + first paint with the first row's subject
    int rows = 0;
    int indented = 0; // with threads: rows shown as replies
};

// threaded: View > Threads is on (set before the folder, as the window does), so
// setFolder() also reads the threading headers and orders the threads.
OpenRun openOnce(const QString &cachePath, const QString &folder, bool threaded)
{
    PaintWatch watch;
    ListView list;
    list.model->setThreaded(threaded);
    list.view->viewport()->installEventFilter(&watch);
    QElapsedTimer clock;
    clock.start();
    if (!list.model->setFolder(cachePath, folder)) {
        die(QStringLiteral("setFolder: ") + list.model->lastError());
    }
    OpenRun run;
    run.setFolderNs = clock.nsecsElapsed();
    list.view->show();
    for (;;) {
        QCoreApplication::processEvents();
        if (watch.painted) {
            const int row = list.view->rowAt(0);
            if (row >= 0
                && !list.proxy->index(row, MessageListModel::SubjectColumn)
                        .data(Qt::DisplayRole)
                        .toString()
                        .isEmpty()) {
                break;
            }
        }
        if (clock.elapsed() > 10000) {
            die(QStringLiteral("the list showed no row within 10 s of setFolder (painted: %1)")
                    .arg(watch.painted ? QStringLiteral("yes") : QStringLiteral("no")));
        }
    }
    run.shownNs = clock.nsecsElapsed();
    run.rows = list.model->rowCount();
    for (int row = 0; threaded && row < run.rows; ++row) {
        if (list.model->index(row, 0).data(MessageListModel::ThreadDepthRole).toInt() > 0) {
            ++run.indented;
        }
    }
    list.view->hide();
    list.view->viewport()->removeEventFilter(&watch);
    return run;
}

qint64 folderId(const QString &cachePath, const QString &folder)
{
    const QString name = QStringLiteral("bench-folder-id");
    qint64 id = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(cachePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            die(QStringLiteral("cannot open %1: %2").arg(cachePath, db.lastError().text()));
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id FROM folders WHERE name = ?"));
        q.addBindValue(folder);
        if (!q.exec() || !q.next()) {
            die(QStringLiteral("no folder %1 in %2").arg(folder, cachePath));
        }
        id = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(name);
    return id;
}

// The baseline: a new read-only connection (as the model opens one) and the first 50
// rows of the folder by date, read into strings.
qint64 rawFirstPage(const QString &cachePath, qint64 folder, int *rows)
{
    struct RawRow {
        quint32 uid;
        QString subject;
        QString fromName;
        qint64 date;
        qint64 size;
        QString flags;
    };
    const QString name = QStringLiteral("bench-raw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::vector<RawRow> read;
    read.reserve(50);
    QElapsedTimer clock;
    clock.start();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(cachePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=100"));
        if (!db.open()) {
            die(QStringLiteral("cannot open %1: %2").arg(cachePath, db.lastError().text()));
        }
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT uid, subject, from_name, date, size, flags FROM messages"
                                 " WHERE folder_id = ? ORDER BY date DESC LIMIT 50"));
        q.addBindValue(folder);
        if (!q.exec()) {
            die(QStringLiteral("raw query: ") + q.lastError().text());
        }
        while (q.next()) {
            read.push_back(RawRow { q.value(0).toUInt(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toString() });
        }
    }
    const qint64 ns = clock.nsecsElapsed();
    QSqlDatabase::removeDatabase(name);
    *rows = int(read.size());
    return ns;
}

double medianMs(std::vector<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    return ns.empty() ? 0 : toMs(ns[ns.size() / 2]);
}

QString listMs(const std::vector<qint64> &ns)
{
    QStringList parts;
    for (const qint64 v : ns) {
        parts.append(fmt(toMs(v), 1));
    }
    return parts.join(QStringLiteral(" "));
}

// --- c) Bytes per message --------------------------------------------------------------

struct Bytes {
    int rows = 0;
    qsizetype modelAfterSet = 0;
    qsizetype modelAfterTouch = 0;
    int pagesAfterTouch = 0;
    double rssAfterSet = 0; // bytes per message
    double rssAfterTouch = 0;
    double heapAfterSet = 0;
    double heapAfterTouch = 0;
    qint64 touchNs = 0;
};

Bytes measureBytes(const QString &cachePath, const QString &folder)
{
    malloc_trim(0); // what a) and b) freed goes back first, so the growth is the model's
    const qint64 rss0 = vmRssKb();
    const qint64 heap0 = heapInUse();
    auto model = std::make_unique<MessageListModel>();
    if (!model->setFolder(cachePath, folder)) {
        die(QStringLiteral("setFolder: ") + model->lastError());
    }
    Bytes b;
    b.rows = model->rowCount();
    if (b.rows == 0) {
        die(QStringLiteral("the folder is empty in the cache"));
    }
    const double rows = b.rows;
    b.modelAfterSet = model->bytesPerMessage();
    b.rssAfterSet = double(vmRssKb() - rss0) * 1024 / rows;
    b.heapAfterSet = double(heapInUse() - heap0) / rows;
    QElapsedTimer clock;
    clock.start();
    qsizetype characters = 0;
    for (int row = 0; row < b.rows; ++row) {
        characters += model->index(row, MessageListModel::SubjectColumn).data(Qt::DisplayRole).toString().size();
    }
    b.touchNs = clock.nsecsElapsed();
    b.modelAfterTouch = model->bytesPerMessage();
    b.pagesAfterTouch = model->cachedPageCount();
    b.rssAfterTouch = double(vmRssKb() - rss0) * 1024 / rows;
    b.heapAfterTouch = double(heapInUse() - heap0) / rows;
    if (characters == 0) {
        die(QStringLiteral("every subject was empty"));
    }
    return b;
}

// --- Report ------------------------------------------------------------------------------

void row(const QString &target, const QString &measured, const QString &baseline, const QString &ratio,
    const QString &goal, const QString &result)
{
    std::printf("  %-44s %12s %12s %8s %10s  %s\n", qPrintable(target), qPrintable(measured), qPrintable(baseline),
        qPrintable(ratio), qPrintable(goal), qPrintable(result));
}

QString verdict(double value, double limit)
{
    return value <= limit ? QStringLiteral("PASS") : QStringLiteral("MISS");
}

QString ratio(double a, double b)
{
    return b > 0 ? QString(fmt(a / b, 2) + u'x') : QStringLiteral("-");
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_mail_window"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The mail window's message list against issue 8's targets."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ENV_FILE"), QStringLiteral("dovecot.sh's env file (not with --host)"));
    parser.addPositionalArgument(QStringLiteral("CACHE_DIR"), QStringLiteral("an empty folder for the mail cache"));
    parser.addPositionalArgument(
        QStringLiteral("FOLDER"), QStringLiteral("the folder to sync (INBOX)"), QStringLiteral("[FOLDER]"));
    const QCommandLineOption hostOpt(QStringLiteral("host"), QStringLiteral("server host"), QStringLiteral("HOST"));
    const QCommandLineOption portOpt(QStringLiteral("port"), QStringLiteral("server port"), QStringLiteral("PORT"));
    const QCommandLineOption userOpt(
        QStringLiteral("user"), QStringLiteral("user (alice)"), QStringLiteral("USER"), QStringLiteral("alice"));
    const QCommandLineOption passwordOpt(QStringLiteral("password"), QStringLiteral("password"), QStringLiteral("PW"));
    const QCommandLineOption caOpt(QStringLiteral("ca"), QStringLiteral("CA certificate (PEM)"), QStringLiteral("PEM"));
    const QCommandLineOption imapsOpt(QStringLiteral("imaps"), QStringLiteral("implicit TLS, not STARTTLS"));
    const QCommandLineOption repeatOpt(
        QStringLiteral("repeat"), QStringLiteral("runs of b) (5)"), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption idleOpt(QStringLiteral("idle-ms"), QStringLiteral("idle baseline length (2000)"),
        QStringLiteral("MS"), QStringLiteral("2000"));
    const QCommandLineOption expectOpt(
        QStringLiteral("expect"), QStringLiteral("messages the folder must have"), QStringLiteral("N"));
    const QCommandLineOption noWatchOpt(QStringLiteral("no-watch"), QStringLiteral("do not watch INBOX (IDLE)"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"), QStringLiteral("seconds the sync may take (900)"),
        QStringLiteral("S"), QStringLiteral("900"));
    parser.addOptions({ hostOpt, portOpt, userOpt, passwordOpt, caOpt, imapsOpt, repeatOpt, idleOpt, expectOpt,
        noWatchOpt, timeoutOpt });
    parser.process(app);

    QStringList args = parser.positionalArguments();
    Server server;
    server.user = parser.value(userOpt);
    server.implicitTls = parser.isSet(imapsOpt);
    if (parser.isSet(hostOpt)) {
        server.host = parser.value(hostOpt);
        server.port = quint16(parser.value(portOpt).toUInt());
        server.password = parser.value(passwordOpt);
        server.ca = parser.value(caOpt);
        if (server.port == 0 || server.password.isEmpty() || server.ca.isEmpty()) {
            die(QStringLiteral("--host needs --port, --password and --ca"));
        }
    } else {
        if (args.isEmpty()) {
            parser.showHelp(1);
        }
        const QHash<QString, QString> env = readEnvFile(args.takeFirst());
        server.host = env.value(QStringLiteral("DOVECOT_HOST"), QStringLiteral("127.0.0.1"));
        server.port = quint16(
            env.value(server.implicitTls ? QStringLiteral("DOVECOT_IMAPS_PORT") : QStringLiteral("DOVECOT_IMAP_PORT"))
                .toUInt());
        server.password = env.value(QStringLiteral("DOVECOT_PASSWORD_") + server.user);
        server.ca = env.value(QStringLiteral("DOVECOT_CA"));
        if (server.port == 0 || server.password.isEmpty() || server.ca.isEmpty()) {
            die(QStringLiteral("the env file has no port, password for %1 or CA").arg(server.user));
        }
    }
    if (args.isEmpty() || args.size() > 2) {
        parser.showHelp(1);
    }
    const QString cacheDir = args.value(0);
    const QString folder = args.value(1, ImapAccountEngine::inboxName());
    const int repeat = std::max(1, parser.value(repeatOpt).toInt());
    const int idleMs = std::max(100, parser.value(idleOpt).toInt());
    const int timeoutS = std::max(10, parser.value(timeoutOpt).toInt());
    if (!QDir().mkpath(cacheDir)) {
        die(QStringLiteral("cannot create %1").arg(cacheDir));
    }
    const QString cachePath = QDir(QFileInfo(cacheDir).absoluteFilePath()).filePath(QStringLiteral("bench.sqlite"));
    if (QFileInfo::exists(cachePath)) {
        die(QStringLiteral("%1 exists: the sync must start from an empty cache").arg(cachePath));
    }

    // a)
    const SyncReport sync = runSync(server, cachePath, folder, idleMs, !parser.isSet(noWatchOpt), timeoutS);
    if (parser.isSet(expectOpt) && sync.rows != parser.value(expectOpt).toInt()) {
        std::printf("MISMATCH: the list shows %d messages after the sync, not %s\n", sync.rows,
            qPrintable(parser.value(expectOpt)));
        return 1;
    }

    // b)
    progress(
        QStringLiteral("opening %1 from the warm cache, %2 times, and the raw query as often").arg(folder).arg(repeat));
    const qint64 id = folderId(cachePath, folder);
    std::vector<qint64> openNs, setFolderNs, rawNs, threadedNs, threadedSetFolderNs;
    int rawRows = 0;
    int threadedDeep = 0; // rows of the threaded list indented at least once
    for (int i = 0; i < repeat; ++i) {
        // Alternating which goes first.
        const auto openRun = [&] {
            const OpenRun run = openOnce(cachePath, folder, false);
            openNs.push_back(run.shownNs);
            setFolderNs.push_back(run.setFolderNs);
            const OpenRun threads = openOnce(cachePath, folder, true);
            threadedNs.push_back(threads.shownNs);
            threadedSetFolderNs.push_back(threads.setFolderNs);
            threadedDeep = threads.indented;
        };
        const auto rawRun = [&] { rawNs.push_back(rawFirstPage(cachePath, id, &rawRows)); };
        if (i % 2 == 0) {
            openRun();
            rawRun();
        } else {
            rawRun();
            openRun();
        }
        QCoreApplication::processEvents(); // deferred deletes of the closed views
    }

    // c)
    progress(QStringLiteral("bytes per message: a model of %1, every row read").arg(folder));
    const Bytes bytes = measureBytes(cachePath, folder);

    // Report.
    const SyncEvent &full = *sync.full;
    std::printf(
        "\nMail window, folder %s: %d messages, cache %s\n", qPrintable(folder), sync.rows, qPrintable(cachePath));
    std::printf("  a) full sync %.2f s from engine start (engine's own %.2f s; connected at %.2f s, folders listed"
                " at %.2f s); window's request answered at %.2f s\n",
        double(full.atNs) / 1e9, full.result.seconds, double(sync.connectedNs) / 1e9, double(sync.listedNs) / 1e9,
        double(sync.answeredNs) / 1e9);
    for (const SyncEvent &e : sync.events) {
        std::printf("     folderSynced %-12s request %llu at %7.2f s: added %lld, total %lld, full %s;"
                    " GUI: unread count %.1f ms, list refresh %s ms\n",
            qPrintable(e.folder), static_cast<unsigned long long>(e.requestId), double(e.atNs) / 1e9,
            static_cast<long long>(e.result.added), static_cast<long long>(e.result.total),
            e.result.fullResync ? "yes" : "no", toMs(e.unreadNs),
            e.refreshNs < 0 ? "-" : qPrintable(fmt(toMs(e.refreshNs), 1)));
    }
    std::printf(
        "     1 ms timer during the sync: %lld ticks, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %lld gaps > 16 ms\n",
        static_cast<long long>(sync.sync.count), sync.sync.p50Ms, sync.sync.p99Ms, sync.sync.maxMs,
        static_cast<long long>(sync.sync.over16));
    std::printf(
        "     1 ms timer idle (%d ms):      %lld ticks, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %lld gaps > 16 ms\n",
        idleMs, static_cast<long long>(sync.idle.count), sync.idle.p50Ms, sync.idle.p99Ms, sync.idle.maxMs,
        static_cast<long long>(sync.idle.over16));
    QStringList worst;
    for (const Gap &g : sync.worst) {
        QString where = QStringLiteral("%1 ms ending at %2 s").arg(fmt(toMs(g.ns), 1), fmt(double(g.endNs) / 1e9, 2));
        if (g.ranNs >= 0) {
            where += QStringLiteral(" (ran %1, waited for a CPU %2)")
                         .arg(fmt(toMs(g.ranNs), 1), fmt(toMs(g.waitedNs), 1));
        }
        worst.append(where);
    }
    std::printf("     largest gaps: %s\n", qPrintable(worst.join(QStringLiteral(", "))));
    std::printf("  b) open from the warm cache, setFolder to first row painted: median %.1f ms (setFolder alone %.1f"
                " ms)   runs: %s\n",
        medianMs(openNs), medianMs(setFolderNs), qPrintable(listMs(openNs)));
    std::printf("     raw first page (open + SELECT ... LIMIT 50, %d rows): median %.2f ms   runs: %s\n", rawRows,
        medianMs(rawNs), qPrintable(listMs(rawNs)));
    std::printf("     with threads: first row painted median %.1f ms (setFolder alone %.1f ms), %d rows shown as"
                " replies   runs: %s\n",
        medianMs(threadedNs), medianMs(threadedSetFolderNs), threadedDeep, qPrintable(listMs(threadedNs)));
    std::printf("  c) %d rows: model's own count %lld B/message after setFolder, %lld after reading every row (%d"
                " pages kept, %.0f ms for all rows)\n",
        bytes.rows, static_cast<long long>(bytes.modelAfterSet), static_cast<long long>(bytes.modelAfterTouch),
        bytes.pagesAfterTouch, toMs(bytes.touchNs));
    std::printf("     VmRSS growth %.0f B/message after setFolder, %.0f after reading every row;"
                " malloc in use %.0f and %.0f\n",
        bytes.rssAfterSet, bytes.rssAfterTouch, bytes.heapAfterSet, bytes.heapAfterTouch);

    std::printf("\n");
    row(QStringLiteral("target"), QStringLiteral("satchel"), QStringLiteral("baseline"), QStringLiteral("ratio"),
        QStringLiteral("goal"), QStringLiteral("result"));
    const double open = medianMs(openNs);
    const double raw = medianMs(rawNs);
    row(QStringLiteral("open from warm cache, first rows shown"), fmt(open, 1) + QStringLiteral(" ms"),
        fmt(raw, 2) + QStringLiteral(" ms"), ratio(open, raw), QStringLiteral("<= 150 ms"), verdict(open, kOpenMs));
    const double threadedOpen = medianMs(threadedNs);
    row(QStringLiteral("  the same with View > Threads"), fmt(threadedOpen, 1) + QStringLiteral(" ms"),
        fmt(raw, 2) + QStringLiteral(" ms"), ratio(threadedOpen, raw), QStringLiteral("<= 150 ms"),
        verdict(threadedOpen, kOpenMs));
    row(QStringLiteral("GUI stall during full sync, max"), fmt(sync.sync.maxMs, 2) + QStringLiteral(" ms"),
        fmt(sync.idle.maxMs, 2) + QStringLiteral(" ms"), ratio(sync.sync.maxMs, sync.idle.maxMs),
        QStringLiteral("<= 16 ms"), verdict(sync.sync.maxMs, kStallMaxMs));
    row(QStringLiteral("GUI stall during full sync, p99"), fmt(sync.sync.p99Ms, 2) + QStringLiteral(" ms"),
        fmt(sync.idle.p99Ms, 2) + QStringLiteral(" ms"), ratio(sync.sync.p99Ms, sync.idle.p99Ms),
        QStringLiteral("<= 8 ms"), verdict(sync.sync.p99Ms, kStallP99Ms));
    row(QStringLiteral("GUI stalls > 16 ms during full sync"), QString::number(sync.sync.over16),
        QString::number(sync.idle.over16), QStringLiteral("-"), QStringLiteral("0"),
        verdict(double(sync.sync.over16), 0));
    const double modelBytes = double(std::max(bytes.modelAfterSet, bytes.modelAfterTouch));
    row(QStringLiteral("model bytes/message (its own count)"), fmt(modelBytes, 0) + QStringLiteral(" B"),
        QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("<= 350 B"), verdict(modelBytes, kBytesPerMessage));
    row(QStringLiteral("model bytes/message (VmRSS growth)"), fmt(bytes.rssAfterTouch, 0) + QStringLiteral(" B"),
        QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("<= 350 B"),
        verdict(bytes.rssAfterTouch, kBytesPerMessage));
    row(QStringLiteral("  (malloc bytes in use growth)"), fmt(bytes.heapAfterTouch, 0) + QStringLiteral(" B"),
        QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("<= 350 B"),
        verdict(bytes.heapAfterTouch, kBytesPerMessage));
    std::fflush(stdout);
    return 0;
}
