#pragma once

#include "protocols/ftp/OverwritePolicy.h"
#include "protocols/ftp/TransferItem.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace Satchel::Ui {

// The overwrite question, put to the person when a transfer with OverwritePolicy::Ask
// finds its destination in place (TransferQueue::overwriteQuestion): the file's name,
// the sizes of the existing file and of the new one, and where it is. The answers are
// the queue's policies: overwrite, resume (offered only when the existing file is
// smaller than a new file of known size, so it can be a partial copy), rename (keep
// both) or skip, for this file or, with "Apply to all", for the rest of the queue.
// Skip is the default and what closing the dialog means: it destroys nothing.
class OverwriteDialog : public QDialog
{
    Q_OBJECT

public:
    OverwriteDialog(const Ftp::TransferItem &item, qint64 destinationSize, QWidget *parent = nullptr);

    const Ftp::TransferItem &item() const { return m_item; }
    qint64 destinationSize() const { return m_destinationSize; }
    // Skip until a button was clicked.
    Ftp::OverwritePolicy policy() const { return m_policy; }
    // False when the dialog was closed without a button, whatever the box says.
    bool applyToAll() const;

    // A destination smaller than a source of known size can be continued.
    static bool canResume(qint64 destinationSize, qint64 sourceSize);

    void done(int result) override;

Q_SIGNALS:
    // Once, when the dialog closes.
    void answered(qint64 id, Satchel::Ftp::OverwritePolicy policy, bool applyToAll);

private:
    QPushButton *addButton(const QString &text, const QString &objectName, const QString &toolTip, int role);
    QLabel *addValue(QFormLayout *form, const QString &label, const QString &value, const QString &objectName);
    void choose(Ftp::OverwritePolicy policy);

    Ftp::TransferItem m_item;
    qint64 m_destinationSize;
    Ftp::OverwritePolicy m_policy = Ftp::OverwritePolicy::Skip;
    bool m_chosen = false; // a button, not Escape or the window's close button
    bool m_emitted = false;
    QCheckBox *m_applyToAll;
    QDialogButtonBox *m_buttons;
};

} // namespace Satchel::Ui
