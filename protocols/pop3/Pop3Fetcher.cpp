#include "protocols/pop3/Pop3Fetcher.h"

#include "protocols/pop3/Pop3Listing.h"
#include "protocols/pop3/RetrCommand.h"

#include <QDateTime>

namespace Satchel::Pop3 {

struct Pop3Fetcher::Download {
    int number = 0;
    QByteArray uidl;
    qint64 serverSize = 0;
    bool partial = false;
    QString replaces; // an earlier headers-only file this full copy supersedes
    std::unique_ptr<Store::MaildirWriter::Delivery> delivery;
};

Pop3Fetcher::Pop3Fetcher(Pop3Session *session, const QString &maildir, QString account, FetchPolicy policy,
                         QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_writer(maildir)
    , m_account(std::move(account))
    , m_policy(policy)
{
    connect(m_session, &Pop3Session::failed, this, [this](const OperationError &e) {
        if (m_stopped) {
            return;
        }
        // Complete messages already written are still saved; the cut one is not.
        commitBatch();
        stop(e.kind, e.message);
    });
    connect(m_session, &Pop3Session::finished, this, [this] {
        if (m_stopped) {
            return;
        }
        m_stopped = true;
        if (m_refusal) {
            Q_EMIT failed({OperationError::Kind::Refused,
                           *m_refusal + (m_refusedCount > 1 ? QStringLiteral(" (and %1 more)").arg(m_refusedCount - 1)
                                                            : QString())});
            return;
        }
        Q_EMIT finished(m_summary);
    });
}

Pop3Fetcher::~Pop3Fetcher() = default;

QString Pop3Fetcher::ledgerPath(const QString &maildir)
{
    return maildir + QStringLiteral("/.satchel-pop3-uidl.sqlite");
}

void Pop3Fetcher::start()
{
    QString error;
    if (!m_writer.ensureExists(&error) || !m_ledger.open(ledgerPath(m_writer.root()), &error)) {
        stop(OperationError::Kind::LocalIo, error);
        return;
    }
    m_saved = m_ledger.entries(m_account, &error);
    if (!error.isEmpty()) {
        stop(OperationError::Kind::LocalIo, error);
        return;
    }
    auto uidl = std::make_shared<ListingCommand>("UIDL");
    uidl->onDone = [this, uidl] { onUidls(*uidl); };
    m_session->send(uidl);
}

void Pop3Fetcher::onUidls(const ListingCommand &uidl)
{
    if (!uidl.status.ok) {
        stop(OperationError::Kind::Refused,
             QStringLiteral("the server does not give messages unique ids (UIDL: %1); without them a second run "
                            "could not tell what is already saved")
                 .arg(QString::fromUtf8(uidl.status.text)));
        return;
    }
    QSet<QByteArray> seen;
    for (const QByteArray &line : uidl.lines) {
        const std::optional<UidlEntry> entry = parseUidlLine(line);
        if (!entry) {
            stop(OperationError::Kind::Protocol,
                 QStringLiteral("the server sent an invalid UIDL line: '%1'").arg(QString::fromLatin1(line.left(80))));
            return;
        }
        if (seen.contains(entry->uidl)) {
            stop(OperationError::Kind::Protocol,
                 QStringLiteral("the server gave two messages the same UIDL '%1'").arg(QString::fromLatin1(entry->uidl)));
            return;
        }
        seen.insert(entry->uidl);
        m_uidls.append({entry->number, entry->uidl});
    }
    auto list = std::make_shared<ListingCommand>("LIST");
    list->onDone = [this, list] { onSizes(*list); };
    m_session->send(list);
}

void Pop3Fetcher::onSizes(const ListingCommand &list)
{
    if (!list.status.ok) {
        stop(OperationError::Kind::Refused,
             QStringLiteral("the server refused LIST: %1").arg(QString::fromUtf8(list.status.text)));
        return;
    }
    QHash<int, qint64> sizes;
    for (const QByteArray &line : list.lines) {
        if (const std::optional<ListEntry> entry = parseListLine(line)) {
            sizes.insert(entry->number, entry->size);
        } else {
            stop(OperationError::Kind::Protocol,
                 QStringLiteral("the server sent an invalid LIST line: '%1'").arg(QString::fromLatin1(line.left(80))));
            return;
        }
    }

    QString error;
    if (!recoverInterruptedDeliveries(&error)) {
        stop(OperationError::Kind::LocalIo, error);
        return;
    }

    QList<QByteArray> onServer;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const auto &[number, uidl] : std::as_const(m_uidls)) {
        onServer.append(uidl);
        const auto it = m_saved.constFind(uidl);
        const qint64 size = sizes.value(number, 0);
        const bool wantFull = m_policy.maxFullSize < 0 || size <= m_policy.maxFullSize;
        if (it != m_saved.cend() && (!it->partial || !wantFull)) {
            ++m_summary.skipped;
            const bool expired = m_policy.keepDays >= 0 && it->savedAt <= now - qint64(m_policy.keepDays) * 86400;
            if (!it->partial && (m_policy.deleteAfterDownload || expired)) {
                deleteOnServer(number);
            }
            continue;
        }
        auto item = std::make_shared<Download>();
        item->number = number;
        item->uidl = uidl;
        item->serverSize = size;
        item->partial = !wantFull;
        // A full copy supersedes the headers-only one saved earlier.
        item->replaces = it != m_saved.cend() ? it->file : QString();
        download(item);
        ++m_total;
    }
    // A listing that is suddenly empty while the ledger remembers messages may be a
    // server-side hiccup (an unmounted home): forgetting would download it all again.
    const bool suspiciousEmpty = onServer.isEmpty() && !m_saved.isEmpty();
    if (!suspiciousEmpty && !m_ledger.forgetAllExcept(m_account, onServer, &error)) {
        stop(OperationError::Kind::LocalIo, error);
        return;
    }
    m_listed = true;
    Q_EMIT progress(0, m_total);
    maybeFinish();
}

bool Pop3Fetcher::recoverInterruptedDeliveries(QString *error)
{
    // A run that stopped between "pending" and "saved": the Maildir decides. A file
    // that made it into new/ or cur/ is made durable before it counts as saved (and
    // before anything relies on it); one that did not is downloaded again, still
    // superseding the headers-only copy it was meant to replace.
    QList<Store::UidlLedger::Record> recovered;
    for (auto it = m_saved.begin(); it != m_saved.end();) {
        if (it->state == Store::UidlLedger::State::Pending) {
            if (m_writer.contains(it->file)) {
                it->state = Store::UidlLedger::State::Saved;
                recovered.append({it.key(), *it});
            } else if (!it->replaces.isEmpty()) {
                Store::UidlLedger::Entry partial = *it;
                partial.state = Store::UidlLedger::State::Saved;
                partial.file = it->replaces;
                partial.partial = true;
                partial.replaces.clear();
                *it = partial;
                recovered.append({it.key(), partial});
            } else {
                it = m_saved.erase(it);
                continue;
            }
        }
        if (it->state == Store::UidlLedger::State::Saved && !it->replaces.isEmpty()) {
            // The full copy is saved; the headers-only file it supersedes may remain.
            m_writer.remove(it->replaces);
            it->replaces.clear();
            recovered.append({it.key(), *it});
        }
        ++it;
    }
    if (recovered.isEmpty()) {
        return true;
    }
    return m_writer.syncData(error) && m_writer.syncNewDirectory(error) && m_ledger.record(m_account, recovered, error);
}

void Pop3Fetcher::download(const std::shared_ptr<Download> &item)
{
    auto sink = [this, item](std::string_view chunk, QString *error) {
        if (!item->delivery) {
            item->delivery = m_writer.begin(error);
            if (!item->delivery) {
                return false;
            }
            if (item->partial) {
                const std::string marker = "X-Satchel-Partial: headers only; the whole message is "
                    + std::to_string(item->serverSize) + " bytes\n";
                if (!item->delivery->write(marker, error)) {
                    return false;
                }
            }
        }
        return item->delivery->write(chunk, error);
    };
    auto retr = std::make_shared<RetrCommand>(item->number, sink, item->partial ? 0 : -1);
    retr->onDone = [this, item, retr] { onDownloaded(item, *retr); };
    ++m_outstanding;
    m_session->send(retr);
}

void Pop3Fetcher::onDownloaded(const std::shared_ptr<Download> &item, const RetrCommand &command)
{
    --m_outstanding;
    ++m_done;
    QString error;
    if (!command.status.ok) {
        // The server would not send this one: it stays on the server, untouched, and
        // the run reports it. Saved messages are unaffected, so the session still ends
        // with QUIT.
        if (!m_refusal) {
            m_refusal = QStringLiteral("the server refused to send message %1: %2")
                            .arg(item->number)
                            .arg(QString::fromUtf8(command.status.text));
        }
        ++m_refusedCount;
        item->delivery.reset();
    } else {
        if (!item->delivery) { // an empty message: no body bytes at all
            item->delivery = m_writer.begin(&error);
        }
        if (!item->delivery || !item->delivery->finishWriting(&error)) {
            stop(OperationError::Kind::LocalIo, error);
            return;
        }
        m_batch.append(item);
    }
    Q_EMIT progress(m_done, m_total);
    if (m_batch.size() >= m_policy.batchSize || m_outstanding == 0) {
        if (!commitBatch()) {
            return;
        }
    }
    maybeFinish();
}

bool Pop3Fetcher::commitBatch()
{
    if (m_batch.isEmpty()) {
        return true;
    }
    QList<std::shared_ptr<Download>> batch;
    batch.swap(m_batch);
    QString error;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<Store::UidlLedger::Record> records;
    for (const auto &item : std::as_const(batch)) {
        records.append({item->uidl,
                        {Store::UidlLedger::State::Pending, item->delivery->uniqueName(), item->delivery->size(),
                         item->partial, now, item->replaces}});
    }
    // Data on disk, then the intent, then the rename, then the fact.
    if (!m_writer.syncData(&error) || !m_ledger.record(m_account, records, &error)) {
        stop(OperationError::Kind::LocalIo, error);
        return false;
    }
    for (const auto &item : std::as_const(batch)) {
        if (!item->delivery->moveToNew(&error)) {
            stop(OperationError::Kind::LocalIo, error);
            return false;
        }
    }
    if (!m_writer.syncNewDirectory(&error)) {
        stop(OperationError::Kind::LocalIo, error);
        return false;
    }
    for (auto &record : records) {
        record.entry.state = Store::UidlLedger::State::Saved;
    }
    if (!m_ledger.record(m_account, records, &error)) {
        stop(OperationError::Kind::LocalIo, error);
        return false;
    }
    // Saved and durable: now the headers-only copies they supersede can go, and the
    // ledger forgets them (a crash in between removes them on the next run).
    QList<Store::UidlLedger::Record> superseded;
    for (auto &record : records) {
        if (!record.entry.replaces.isEmpty()) {
            m_writer.remove(record.entry.replaces);
            record.entry.replaces.clear();
            superseded.append(record);
        }
    }
    if (!superseded.isEmpty() && !m_ledger.record(m_account, superseded, &error)) {
        stop(OperationError::Kind::LocalIo, error);
        return false;
    }
    for (const auto &item : std::as_const(batch)) {
        ++m_summary.downloaded;
        if (item->partial) {
            ++m_summary.partial;
        } else if (m_policy.deleteAfterDownload || m_policy.keepDays == 0) {
            deleteOnServer(item->number);
        }
    }
    return true;
}

void Pop3Fetcher::deleteOnServer(int number)
{
    if (m_stopped || m_quitting) {
        return;
    }
    auto dele = std::make_shared<SimpleCommand>("DELE " + QByteArray::number(number));
    dele->onDone = [this, dele] {
        --m_outstanding;
        if (dele->status.ok) {
            ++m_summary.deleted;
        } else {
            ++m_refusedCount;
            if (!m_refusal) {
                m_refusal = QStringLiteral("the server refused to delete a message: %1")
                                .arg(QString::fromUtf8(dele->status.text));
            }
        }
        maybeFinish();
    };
    ++m_outstanding;
    m_session->send(dele);
}

void Pop3Fetcher::maybeFinish()
{
    if (m_stopped || !m_listed || m_outstanding > 0) {
        return;
    }
    if (!commitBatch()) {
        return;
    }
    if (m_outstanding > 0) {
        return; // the commit queued deletions: wait for their answers first
    }
    m_quitting = true;
    m_session->quit(); // finished() follows when the server has committed
}

void Pop3Fetcher::stop(OperationError::Kind kind, const QString &message)
{
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    m_batch.clear(); // uncommitted deliveries remove their tmp/ files
    m_session->abort();
    Q_EMIT failed({kind, message});
}

} // namespace Satchel::Pop3
