#pragma once

#include "protocols/net/TrustQuestion.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QPushButton;

namespace Satchel::Ui {

// The certificate question, put to the person when a server's certificate is not
// trusted: who the certificate is for (subject, names), who issued it, when it is
// valid (an expired or not-yet-valid date is marked), its SHA-256 fingerprint to
// compare with one the administrator published, and why it is not trusted. The
// answers are the engine's: trust the key permanently (a pin), trust it for this
// connection once, or cancel — the default, and what closing the dialog means.
class CertificateDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CertificateDialog(const Net::TrustQuestion &question, QWidget *parent = nullptr);

    const Net::TrustQuestion &question() const { return m_question; }
    // Cancel until a trust button was clicked.
    Net::TrustAnswer answer() const { return m_answer; }

    void done(int result) override;

    // "AB:CD:..." broken after the 16th byte, so it fits; remove the line break to compare.
    static QString formatFingerprint(const QString &fingerprint);

Q_SIGNALS:
    // Once, when the dialog closes: with Cancel if it was closed without a trust button.
    void answered(const Satchel::Net::TrustQuestion &question, Satchel::Net::TrustAnswer answer);

private:
    void choose(Net::TrustAnswer answer);
    QLabel *addValue(QFormLayout *form, const QString &label, const QString &value, const QString &objectName);

    Net::TrustQuestion m_question;
    Net::TrustAnswer m_answer = Net::TrustAnswer::Cancel;
    bool m_emitted = false;
};

} // namespace Satchel::Ui
