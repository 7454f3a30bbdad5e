#include "ui/files/OverwriteDialog.h"

#include "ui/files/TransferQueueModel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFont>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Satchel::Ui {

namespace {

using Item = Ftp::TransferItem;

// "1.5 MiB (1,572,864 bytes)": the rounded size to read, the exact one to compare.
QString sizeText(qint64 bytes)
{
    const QLocale locale;
    const QString rounded = locale.formattedDataSize(bytes, 1);
    if (bytes < 1024)
        return rounded; // already exact: "512 bytes"
    return OverwriteDialog::tr("%1 (%2 bytes)").arg(rounded, locale.toString(bytes));
}

} // namespace

bool OverwriteDialog::canResume(qint64 destinationSize, qint64 sourceSize)
{
    return sourceSize >= 0 && destinationSize >= 0 && destinationSize < sourceSize;
}

OverwriteDialog::OverwriteDialog(const Item &item, qint64 destinationSize, QWidget *parent)
    : QDialog(parent)
    , m_item(item)
    , m_destinationSize(destinationSize)
    , m_applyToAll(new QCheckBox(tr("Apply to all files in the queue"), this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("overwriteDialog"));
    setWindowTitle(tr("File exists"));

    auto *layout = new QVBoxLayout(this);

    const QString name = TransferQueueModel::destinationName(item);
    auto *heading = new QLabel(tr("“%1” already exists").arg(name), this);
    heading->setObjectName(QStringLiteral("overwriteHeading"));
    heading->setTextFormat(Qt::PlainText); // a file name, possibly from the server
    heading->setWordWrap(true);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);

    auto *form = new QFormLayout;
    const bool download = item.direction == Item::Direction::Download;
    addValue(form, tr("Existing file:"), destinationSize >= 0 ? sizeText(destinationSize) : tr("size unknown"),
        QStringLiteral("existingSize"));
    addValue(
        form, tr("New file:"), item.size >= 0 ? sizeText(item.size) : tr("size unknown"), QStringLiteral("newSize"));
    // A download's destination is on this computer, where the person can go and look.
    addValue(form, download ? tr("Local path:") : tr("Remote path:"),
        download ? QDir::toNativeSeparators(item.localPath) : item.remotePath, QStringLiteral("destinationPath"));
    layout->addLayout(form);

    const bool resumable = canResume(destinationSize, item.size);
    if (resumable) {
        auto *hint = new QLabel(tr("The existing file is smaller: it may be an interrupted copy, which Resume "
                                   "completes."),
            this);
        hint->setObjectName(QStringLiteral("overwriteHint"));
        hint->setWordWrap(true);
        layout->addWidget(hint);
    }

    m_applyToAll->setObjectName(QStringLiteral("applyToAll"));
    m_applyToAll->setToolTip(tr("Answer the same for every other file of the queue that already exists"));
    layout->addWidget(m_applyToAll);

    m_buttons->setObjectName(QStringLiteral("overwriteButtons"));
    QPushButton *overwrite = addButton(tr("Overwrite"), QStringLiteral("overwriteButton"),
        tr("Replace the existing file with the new one"), QDialogButtonBox::AcceptRole);
    QPushButton *resume = addButton(tr("Resume"), QStringLiteral("resumeButton"),
        resumable ? tr("Keep the existing file as the start of the new one and transfer the rest")
                  : (item.size < 0 ? tr("The new file's size is not known, so a partial copy cannot be told apart")
                                   : tr("The existing file is not smaller than the new one")),
        QDialogButtonBox::AcceptRole);
    resume->setEnabled(resumable);
    QPushButton *rename = addButton(tr("Rename"), QStringLiteral("renameButton"),
        tr("Keep both: the new file gets a free name such as “%1”").arg(Ftp::numberedName(name, 2)),
        QDialogButtonBox::AcceptRole);
    QPushButton *skip = addButton(tr("Skip"), QStringLiteral("skipButton"),
        tr("Leave the existing file and do not transfer this one"), QDialogButtonBox::RejectRole);
    // Enter must not replace a file by accident.
    skip->setDefault(true);
    skip->setFocus();
    connect(overwrite, &QPushButton::clicked, this, [this] { choose(Ftp::OverwritePolicy::Overwrite); });
    connect(resume, &QPushButton::clicked, this, [this] { choose(Ftp::OverwritePolicy::ResumeIfSmaller); });
    connect(rename, &QPushButton::clicked, this, [this] { choose(Ftp::OverwritePolicy::Rename); });
    connect(skip, &QPushButton::clicked, this, [this] { choose(Ftp::OverwritePolicy::Skip); });
    layout->addWidget(m_buttons);
}

QPushButton *OverwriteDialog::addButton(
    const QString &text, const QString &objectName, const QString &toolTip, int role)
{
    QPushButton *button = m_buttons->addButton(text, QDialogButtonBox::ButtonRole(role));
    button->setObjectName(objectName);
    button->setToolTip(toolTip);
    button->setAutoDefault(false);
    return button;
}

QLabel *OverwriteDialog::addValue(
    QFormLayout *form, const QString &label, const QString &value, const QString &objectName)
{
    auto *field = new QLabel(value, this);
    field->setObjectName(objectName);
    field->setTextFormat(Qt::PlainText); // paths come from the server
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    form->addRow(label, field);
    return field;
}

bool OverwriteDialog::applyToAll() const
{
    return m_chosen && m_applyToAll->isChecked();
}

void OverwriteDialog::choose(Ftp::OverwritePolicy policy)
{
    m_policy = policy;
    m_chosen = true;
    done(policy == Ftp::OverwritePolicy::Skip ? QDialog::Rejected : QDialog::Accepted);
}

void OverwriteDialog::done(int result)
{
    if (!m_chosen) {
        m_policy = Ftp::OverwritePolicy::Skip; // Escape or the window's close button
    }
    QDialog::done(result);
    if (!m_emitted) {
        m_emitted = true;
        Q_EMIT answered(m_item.id, m_policy, applyToAll());
    }
}

} // namespace Satchel::Ui
