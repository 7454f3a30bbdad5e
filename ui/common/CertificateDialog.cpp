#include "ui/common/CertificateDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Satchel::Ui {

namespace {

const QString kWarningStyle = QStringLiteral("color: #c62828; font-weight: bold;");

QString dateText(const QDateTime &when)
{
    return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::LongFormat) : QString();
}

} // namespace

QString CertificateDialog::formatFingerprint(const QString &fingerprint)
{
    // 32 bytes are 95 characters: two lines of 16 bytes read (and compare) better.
    const qsizetype half = 16 * 3;
    if (fingerprint.size() <= half) {
        return fingerprint;
    }
    return fingerprint.left(half) + QLatin1Char('\n') + fingerprint.mid(half);
}

CertificateDialog::CertificateDialog(const Net::TrustQuestion &question, QWidget *parent)
    : QDialog(parent)
    , m_question(question)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Untrusted certificate"));

    auto *layout = new QVBoxLayout(this);

    const QString endpoint = question.host + QLatin1Char(':') + QString::number(question.port);
    auto *heading
        = new QLabel(tr("Satchel cannot confirm that the server at %1 is who it claims to be.").arg(endpoint), this);
    heading->setObjectName(QStringLiteral("certificateHeading"));
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);

    QString reasons;
    if (question.reasons.isEmpty()) {
        reasons = tr("Its certificate is not trusted.");
    } else {
        QStringList items;
        for (const QString &reason : question.reasons) {
            items << QStringLiteral("<li>%1</li>").arg(reason.toHtmlEscaped());
        }
        reasons = tr("Its certificate is not trusted because:") + QStringLiteral("<ul style=\"margin-top:0\">")
            + items.join(QString()) + QStringLiteral("</ul>");
    }
    auto *reasonsLabel = new QLabel(reasons, this);
    reasonsLabel->setObjectName(QStringLiteral("certificateReasons"));
    reasonsLabel->setTextFormat(Qt::RichText);
    reasonsLabel->setWordWrap(true);
    layout->addWidget(reasonsLabel);

    auto *form = new QFormLayout;
    addValue(form, tr("Issued to:"), question.subject, QStringLiteral("certificateSubject"));
    addValue(
        form, tr("Valid for names:"), question.names.join(QStringLiteral(", ")), QStringLiteral("certificateNames"));
    addValue(form, tr("Issued by:"), question.issuer, QStringLiteral("certificateIssuer"));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QLabel *from
        = addValue(form, tr("Valid from:"), dateText(question.notBefore), QStringLiteral("certificateNotBefore"));
    if (question.notBefore.isValid() && question.notBefore > now) {
        from->setText(from->text() + QLatin1Char(' ') + tr("(not valid yet)"));
        from->setStyleSheet(kWarningStyle);
    }
    QLabel *until
        = addValue(form, tr("Valid until:"), dateText(question.notAfter), QStringLiteral("certificateNotAfter"));
    if (question.notAfter.isValid() && question.notAfter < now) {
        until->setText(until->text() + QLatin1Char(' ') + tr("(expired)"));
        until->setStyleSheet(kWarningStyle);
    }

    QLabel *fingerprint = addValue(form, tr("SHA-256 fingerprint:"), formatFingerprint(question.sha256Fingerprint),
        QStringLiteral("certificateFingerprint"));
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QLabel *pin = addValue(form, tr("Key pin:"), question.pin, QStringLiteral("certificatePin"));
    pin->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addLayout(form);

    auto *explanation = new QLabel(tr("Compare the fingerprint with the one your provider publishes. \"Trust "
                                      "permanently\" remembers this server's key: Satchel connects without asking "
                                      "while the key stays the same, and refuses if it ever changes. \"Trust once\" "
                                      "accepts it for this connection only."),
        this);
    explanation->setObjectName(QStringLiteral("certificateExplanation"));
    explanation->setWordWrap(true);
    layout->addWidget(explanation);

    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("certificateButtons"));
    auto *permanently = buttons->addButton(tr("Trust permanently"), QDialogButtonBox::AcceptRole);
    permanently->setObjectName(QStringLiteral("trustPermanently"));
    auto *once = buttons->addButton(tr("Trust once"), QDialogButtonBox::AcceptRole);
    once->setObjectName(QStringLiteral("trustOnce"));
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelTrust"));
    // Enter must not trust a certificate by accident.
    permanently->setAutoDefault(false);
    once->setAutoDefault(false);
    cancel->setDefault(true);
    cancel->setFocus();
    connect(permanently, &QPushButton::clicked, this, [this] { choose(Net::TrustAnswer::TrustPermanently); });
    connect(once, &QPushButton::clicked, this, [this] { choose(Net::TrustAnswer::TrustOnce); });
    connect(cancel, &QPushButton::clicked, this, [this] { choose(Net::TrustAnswer::Cancel); });
    layout->addWidget(buttons);
}

QLabel *CertificateDialog::addValue(
    QFormLayout *form, const QString &label, const QString &value, const QString &objectName)
{
    auto *field = new QLabel(value.isEmpty() ? tr("unknown") : value, this);
    field->setObjectName(objectName);
    field->setTextFormat(Qt::PlainText); // it comes from the server's certificate
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    form->addRow(label, field);
    return field;
}

void CertificateDialog::choose(Net::TrustAnswer answer)
{
    m_answer = answer;
    done(answer == Net::TrustAnswer::Cancel ? QDialog::Rejected : QDialog::Accepted);
}

void CertificateDialog::done(int result)
{
    if (result == QDialog::Rejected) {
        m_answer = Net::TrustAnswer::Cancel; // Escape or the window's close button
    }
    QDialog::done(result);
    if (!m_emitted) {
        m_emitted = true;
        Q_EMIT answered(m_question, m_answer);
    }
}

} // namespace Satchel::Ui
