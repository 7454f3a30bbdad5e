#pragma once

#include "protocols/core/OperationError.h"
#include "protocols/pop3/Pop3Session.h"
#include "protocols/pop3/RetrCommand.h"
#include "protocols/store/MaildirWriter.h"
#include "protocols/store/UidlLedger.h"

#include <QObject>

#include <memory>

namespace Satchel::Pop3 {

// What to do with messages on the server once they are safely saved.
struct FetchPolicy {
    bool deleteAfterDownload = false; // else leave on the server (the default)
    int keepDays = -1;                // >= 0: delete what was saved at least this many days ago
    qint64 maxFullSize = -1;          // >= 0: larger messages: headers only (TOP n 0) until asked
    int batchSize = 256;              // messages made durable together (one filesystem sync)
};

struct FetchSummary {
    int downloaded = 0;
    int partial = 0; // of downloaded: headers only
    int deleted = 0;
    int skipped = 0; // already saved earlier
};

// "Download, then it's yours" (DESIGN.md, Storage): lists UIDLs, downloads every
// message the ledger has not saved into the Maildir, and deletes on the server only
// what is saved and durable, only as the policy says. Order of every batch:
// write to tmp/ -> sync -> ledger "pending" -> rename into new/ -> sync new/ ->
// ledger "saved" -> DELE. QUIT (which commits deletions, RFC 1939 §6) is sent only
// when every download ended as the server said; after any local failure (disk,
// ledger) or a broken connection the session ends without QUIT. A message the server
// refuses to send stays on the server and is reported after QUIT.
class Pop3Fetcher : public QObject
{
    Q_OBJECT

public:
    Pop3Fetcher(Pop3Session *session, const QString &maildir, QString account, FetchPolicy policy,
                QObject *parent = nullptr);
    ~Pop3Fetcher() override;

    // The session must be logged in. Ends with finished() or failed().
    void start();

    static QString ledgerPath(const QString &maildir);

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const Satchel::Pop3::FetchSummary &summary);
    void failed(const Satchel::OperationError &error);

private:
    struct Download;
    void onUidls(const ListingCommand &uidl);
    void onSizes(const ListingCommand &list);
    void download(const std::shared_ptr<Download> &item);
    void onDownloaded(const std::shared_ptr<Download> &item, const RetrCommand &command);
    bool recoverInterruptedDeliveries(QString *error);
    bool commitBatch();
    void deleteOnServer(int number);
    void maybeFinish();
    void stop(OperationError::Kind kind, const QString &message);

    Pop3Session *m_session;
    Store::MaildirWriter m_writer;
    Store::UidlLedger m_ledger;
    QString m_account;
    FetchPolicy m_policy;
    FetchSummary m_summary;
    QHash<QByteArray, Store::UidlLedger::Entry> m_saved;
    QList<QPair<int, QByteArray>> m_uidls;
    QList<std::shared_ptr<Download>> m_batch;
    int m_outstanding = 0;
    int m_total = 0;
    int m_done = 0;
    bool m_listed = false;
    bool m_stopped = false;
    bool m_quitting = false;
    std::optional<QString> m_refusal; // the first thing the server refused, in words
    int m_refusedCount = 0;
};

} // namespace Satchel::Pop3

Q_DECLARE_METATYPE(Satchel::Pop3::FetchSummary)
