#pragma once

#include <QFile>
#include <QString>

#include <memory>
#include <string_view>

namespace Satchel::Store {

// Delivers messages into a Maildir (https://cr.yp.to/proto/maildir.html): each is
// written under tmp/ with a name unique to this host, process and moment, and only
// moved into new/ once it is complete and on disk. A reader never sees half a
// message; a crash leaves at most a file in tmp/, which is not mail.
class MaildirWriter
{
public:
    // One message being written to tmp/. Destroying it without commit removes the file.
    class Delivery
    {
    public:
        ~Delivery();
        bool write(std::string_view bytes, QString *error);
        // Flushes and closes; the file stays in tmp/ until moveToNew().
        bool finishWriting(QString *error);
        // Renames tmp/NAME to new/NAME. The caller makes the data durable first.
        bool moveToNew(QString *error);
        void discard();

        QString uniqueName() const { return m_name; }
        QString tmpPath() const;
        qint64 size() const { return m_size; }

    private:
        friend class MaildirWriter;
        Delivery(QString root, QString name);
        QString m_root;
        QString m_name;
        QFile m_file;
        qint64 m_size = 0;
        bool m_inNew = false;
    };

    explicit MaildirWriter(QString root);
    ~MaildirWriter();
    MaildirWriter(const MaildirWriter &) = delete;
    MaildirWriter &operator=(const MaildirWriter &) = delete;

    // Creates root, tmp/, new/ and cur/ (mode 0700) as needed, and opens the handle
    // syncData() uses: syncfs(2) reports write-back errors only from the moment its
    // descriptor was opened, so it is opened before anything is written.
    bool ensureExists(QString *error);
    std::unique_ptr<Delivery> begin(QString *error);

    // Makes the data of every file written so far durable: one filesystem sync for a
    // whole batch of messages, rather than one fsync per message.
    bool syncData(QString *error) const;
    // Makes the renames into new/ durable (fsync of the directory; cur/ too, where a
    // reader may have moved a message).
    bool syncNewDirectory(QString *error) const;

    // A message delivered under this unique name is in new/ or cur/ (where a mail
    // reader may have moved it and appended ":2,FLAGS").
    bool contains(const QString &uniqueName) const;

    // Removes a message this writer delivered earlier (from new/ or cur/).
    void remove(const QString &uniqueName) const;

    QString root() const { return m_root; }

private:
    QString m_root;
    int m_syncFd = -1;
};

} // namespace Satchel::Store
