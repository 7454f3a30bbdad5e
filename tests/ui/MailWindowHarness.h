// The main window as the mail UI tests drive it against the test Dovecot: built on the
// test's account store and session-only vault, its cache in the test's folder, trusting
// the test CA; it answers the password prompt for one user and counts every prompt and
// trust question; it records how each of the controller's requests ended; and
// QAbstractItemModelTester watches the folder tree and the message list throughout.
#pragma once

#include "protocols/accounts/Account.h"
#include "protocols/net/TrustStore.h"
#include "ui/MainWindow.h"
#include "ui/mail/MailController.h"

#include <QAbstractItemModelTester>
#include <QHash>
#include <QPair>
#include <QString>
#include <QTest>

#include <memory>
#include <optional>

namespace Satchel::Test {

class MailWindowHarness
{
public:
    int passwordAsked = 0;
    int trustAsked = 0; // the CA is trusted: any question is a bug (and is cancelled)
    QHash<quint64, QPair<bool, QString>> finished; // request id -> (ok, failure)
    std::unique_ptr<Ui::MainWindow> window;

    // Builds and shows the window, 1200x800. Its password prompt gives `password` for
    // `user` and nothing for anyone else. False when the window was not exposed.
    bool open(Accounts::AccountStore *store, Accounts::PasswordVault *vault, const QString &cacheDir,
        std::shared_ptr<Net::TrustStore> trust, const QString &user, const QString &password)
    {
        Ui::MainWindow::Options options;
        options.accounts = store;
        options.vault = vault;
        options.mailCacheDir = cacheDir;
        options.trust = std::move(trust);
        options.askPassword
            = [this, user, password](const Accounts::Account &account, const QString &) -> std::optional<QString> {
            ++passwordAsked;
            return account.user == user ? std::optional<QString>(password) : std::nullopt;
        };
        options.askTrust = [this](const Net::TrustQuestion &, std::function<void(Net::TrustAnswer)> answer) {
            ++trustAsked;
            answer(Net::TrustAnswer::Cancel);
        };
        window = std::make_unique<Ui::MainWindow>(options);
        window->resize(1200, 800);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) {
            return false;
        }
        QObject::connect(controller(), &Ui::MailController::requestFinished, window.get(),
            [this](quint64 id, bool ok, const QString &failure) {
                finished.insert(id, { ok, failure });
            });
        using Mode = QAbstractItemModelTester::FailureReportingMode;
        m_folderTester = std::make_unique<QAbstractItemModelTester>(controller()->folderModel(), Mode::QtTest);
        m_listTester = std::make_unique<QAbstractItemModelTester>(controller()->messageProxy(), Mode::QtTest);
        return true;
    }

    Ui::MailController *controller() const { return window->mailController(); }

    // The testers first, then the window (its engines stop; their threads are joined).
    void close()
    {
        m_listTester.reset();
        m_folderTester.reset();
        window.reset();
    }

    ~MailWindowHarness() { close(); }

private:
    std::unique_ptr<QAbstractItemModelTester> m_folderTester;
    std::unique_ptr<QAbstractItemModelTester> m_listTester;
};

} // namespace Satchel::Test
