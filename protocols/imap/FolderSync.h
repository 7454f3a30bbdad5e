#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/imap/ImapSession.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

namespace Satchel::Store {
class CacheWriter;
class MailCache;
} // namespace Satchel::Store

namespace Satchel::Imap {

class SelectCommand;

// Brings one folder of the offline cache up to date (the mail window reads the
// cache). The first sync fetches every summary in batches of UIDs, newest first.
// Later syncs ask only for what changed: with QRESYNC (RFC 7162 §3.2.5) the SELECT
// itself reports vanished UIDs and changed flags; with CONDSTORE (RFC 7162 §3.1)
// FETCH CHANGEDSINCE gives the changed flags and a UID SEARCH the expunges; without
// either, the UID list and every message's flags are compared with the cache. A
// changed UIDVALIDITY (RFC 9051 §2.3.1.1) drops the folder's cache and starts over.
class FolderSync : public QObject
{
    Q_OBJECT

public:
    struct Result {
        qsizetype added = 0;
        qsizetype changed = 0;
        qsizetype vanished = 0;
        qsizetype total = 0;
        bool fullResync = false; // first sync, or the cache was dropped
        qint64 unseen = -1; // cached messages without \Seen, counted on the engine's thread
        double seconds = 0;
    };

    FolderSync(ImapSession &session, Store::MailCache &cache, QString folder, QObject *parent = nullptr);
    ~FolderSync() override;

    // Summaries fetched per UID FETCH command; the commands are pipelined.
    void setBatchSize(int uids) { m_batchSize = uids; }
    // Summaries of a first sync are written by this writer's thread instead of the
    // session's (optional; it must write to the same cache file).
    void setWriter(Store::CacheWriter *writer) { m_writer = writer; }
    // Also fetch each new message's References field, for the window's threads. Off
    // for the command line's sync, which stores what `UID FETCH ... ENVELOPE` gives.
    void setFetchReferences(bool on) { m_fetchReferences = on; }
    void start();

Q_SIGNALS:
    void done(const Satchel::Imap::FolderSync::Result &result);
    void failed(const Satchel::OperationError &error);
    // Progress of the summary download: fetched of expected.
    void progress(qsizetype fetched, qsizetype expected);

private:
    void select();
    void onSelected(SelectCommand &select);
    void fullSync();
    void fetchSummaries(QList<quint32> uidsNewestFirst, std::function<void()> then);
    void resyncFlagsAndExpunges(std::function<void()> then);
    void fetchNew(std::function<void()> then);
    void finish();
    // viaWriter: through the writer thread (then flushed before the sync ends).
    bool store(const QList<MessageSummary> &batch, bool viaWriter = false);
    void fail(OperationError::Kind kind, const QString &message);
    bool commandFailed(const ImapCommand &command, const QString &what);

    ImapSession &m_session;
    Store::MailCache &m_cache;
    Store::CacheWriter *m_writer = nullptr;
    QString m_folder;
    int m_batchSize = 2000;
    bool m_fetchReferences = false;
    QElapsedTimer m_timer;
    Result m_result;
    quint32 m_uidValidity = 0;
    quint32 m_cachedUidNext = 0;
    quint64 m_cachedModSeq = 0;
    bool m_restarted = false;
    bool m_failed = false;
    QList<MessageSummary> m_batch;
};

} // namespace Satchel::Imap

Q_DECLARE_METATYPE(Satchel::Imap::FolderSync::Result)
