#pragma once

#include "protocols/accounts/Site.h"

#include <QList>
#include <QObject>

#include <memory>
#include <optional>

class QSettings;

namespace Satchel::Accounts {

// The person's FTP sites, kept in QSettings under "sites/<id>/..." (and their order
// in "sites/order"), beside the mail accounts' "accounts/" group in the same file.
// Only what Site holds is written — never a password: those belong to the
// PasswordVault under Site::passwordKey(), and whoever deletes a site there (the
// site manager) clears its entry too.
// Lives on the GUI thread; the file window gets Site values, not the store.
class SiteStore : public QObject
{
    Q_OBJECT

public:
    // Uses `settings` (not owned; it must outlive the store).
    explicit SiteStore(QSettings *settings, QObject *parent = nullptr);
    // Owns an INI file at `iniPath` (tests, portable installs).
    explicit SiteStore(const QString &iniPath, QObject *parent = nullptr);
    ~SiteStore() override;

    // In the person's order: the order they were added in, an update keeping its place.
    QList<Site> sites() const { return m_sites; }
    std::optional<Site> site(const QString &id) const;

    // Adds `site` (a new id is made if it has none) or replaces the one with its id;
    // writes it at once and returns the id. A port of 0 becomes the default port of
    // its security, and connections are held to 1..64. A site without a host (or
    // with blanks in it) is refused: nothing is written, the result is empty and
    // lastError() says why.
    QString addOrUpdate(Site site);
    // Forgets the site. False if there was no such site.
    bool remove(const QString &id);

    // Reads the settings again (another instance may have written them).
    void reload();
    // Why the last change was refused or could not be written, in words; empty when
    // all is well.
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void changed();

private:
    void load();
    void write(const Site &site);
    void writeOrder();
    void sync();

    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings;
    QList<Site> m_sites;
    QString m_lastError;
};

} // namespace Satchel::Accounts
