#pragma once

#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QNetworkAccessManager;
class QPushButton;

namespace Satchel::Mime {
class ParsedMessage;
}

namespace Satchel::Ui {

class SafeHtmlView;

// The message reader: a header block (From, To, Cc, Date, Subject), the body, a bar
// that says how much remote content was blocked, and an attachment bar; a plain-text
// toggle and "view source". It renders exactly one body part (never parts glued into
// one HTML document, the EFAIL lesson), HTML only through SafeHtmlView, and fetches
// remote content only after the person allows it for this message or this sender.
class MessageReader : public QWidget
{
    Q_OBJECT

public:
    explicit MessageReader(QWidget *parent = nullptr);
    ~MessageReader() override;

    // False with the reason in `error` when the bytes are not a readable message.
    bool showMessage(const QByteArray &raw, QString *error);
    void setPreferPlainText(bool plain);
    bool prefersPlainText() const { return m_preferPlain; }

    // Senders (addresses) whose remote content is shown without asking.
    void setTrustedSenders(const QSet<QString> &senders) { m_trustedSenders = senders; }
    QSet<QString> trustedSenders() const { return m_trustedSenders; }

    // How a link is confirmed and opened; by default a question and the desktop's browser.
    void setLinkHandlers(std::function<bool(const QUrl &)> confirm, std::function<void(const QUrl &)> open);

    // Saves attachment `partPath` to `filePath` (atomically). False with `error` set.
    bool saveAttachment(const QString &partPath, const QString &filePath, QString *error) const;

    SafeHtmlView *view() const { return m_view; }
    int blockedRemoteCount() const;
    void allowRemoteContent();
    void trustCurrentSender();
    void showSource();

Q_SIGNALS:
    void trustedSendersChanged(const QSet<QString> &senders);

private:
    void render();
    void updateRemoteBar();
    void fetchRemote();
    void onLinkClicked(const QUrl &url);
    void onAttachmentActivated(int row);
    QString currentSender() const;

    std::unique_ptr<Mime::ParsedMessage> m_message;
    QLabel *m_headers;
    QWidget *m_remoteBar;
    QLabel *m_remoteText;
    QPushButton *m_allowOnce;
    QPushButton *m_allowSender;
    SafeHtmlView *m_view;
    QListWidget *m_attachments;
    QAction *m_plainAction;
    QAction *m_sourceAction;
    QNetworkAccessManager *m_network = nullptr;
    QSet<QString> m_trustedSenders;
    bool m_preferPlain = false;
    bool m_remoteAllowed = false;
    int m_pendingFetches = 0;
    int m_remoteReferences = 0;
    std::function<bool(const QUrl &)> m_confirmLink;
    std::function<void(const QUrl &)> m_openLink;
};

} // namespace Satchel::Ui
