#include "ui/mail/MessageReader.h"

#include "protocols/mime/HtmlSanitizer.h"
#include "protocols/mime/ParsedMessage.h"
#include "protocols/mime/PlainText.h"
#include "ui/mail/SafeHtmlView.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolBar>
#include <QVBoxLayout>

namespace Satchel::Ui {

namespace {

QString addressList(const QList<Mime::MailAddress> &list)
{
    QStringList parts;
    for (const Mime::MailAddress &a : list) {
        parts << a.display().toHtmlEscaped();
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

MessageReader::MessageReader(QWidget *parent)
    : QWidget(parent)
    , m_headers(new QLabel(this))
    , m_remoteBar(new QWidget(this))
    , m_remoteText(new QLabel(m_remoteBar))
    , m_allowOnce(new QPushButton(tr("Show remote content"), m_remoteBar))
    , m_allowSender(new QPushButton(tr("Always for this sender"), m_remoteBar))
    , m_view(new SafeHtmlView(this))
    , m_attachments(new QListWidget(this))
{
    setObjectName(QStringLiteral("messageReader"));
    m_headers->setObjectName(QStringLiteral("readerHeaders"));
    m_headers->setTextFormat(Qt::RichText);
    m_headers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headers->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("readerBody"));
    m_attachments->setObjectName(QStringLiteral("readerAttachments"));
    m_remoteBar->setObjectName(QStringLiteral("remoteContentBar"));
    m_remoteBar->setAutoFillBackground(true);
    QPalette barPalette = m_remoteBar->palette();
    barPalette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    m_remoteBar->setPalette(barPalette);

    auto *barLayout = new QHBoxLayout(m_remoteBar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    barLayout->addWidget(m_remoteText, 1);
    barLayout->addWidget(m_allowOnce);
    barLayout->addWidget(m_allowSender);
    connect(m_allowOnce, &QPushButton::clicked, this, &MessageReader::allowRemoteContent);
    connect(m_allowSender, &QPushButton::clicked, this, &MessageReader::trustCurrentSender);

    auto *toolbar = new QToolBar(this);
    m_plainAction = toolbar->addAction(tr("Plain text"));
    m_plainAction->setObjectName(QStringLiteral("plainTextAction"));
    m_plainAction->setCheckable(true);
    connect(m_plainAction, &QAction::toggled, this, &MessageReader::setPreferPlainText);
    m_sourceAction = toolbar->addAction(tr("View source"));
    m_sourceAction->setObjectName(QStringLiteral("viewSourceAction"));
    connect(m_sourceAction, &QAction::triggered, this, &MessageReader::showSource);

    m_attachments->setFlow(QListView::LeftToRight);
    m_attachments->setMaximumHeight(56);
    m_attachments->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_attachments, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { onAttachmentActivated(m_attachments->row(item)); });
    connect(m_attachments, &QListWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QListWidgetItem *item = m_attachments->itemAt(pos);
        if (!item) {
            return;
        }
        QMenu menu(this);
        QAction *open = menu.addAction(tr("Open"));
        QAction *save = menu.addAction(tr("Save As…"));
        QAction *chosen = menu.exec(m_attachments->viewport()->mapToGlobal(pos));
        const QString path = item->data(Qt::UserRole).toString();
        if (chosen == open) {
            onAttachmentActivated(m_attachments->row(item));
        } else if (chosen == save) {
            const QString target = QFileDialog::getSaveFileName(this, tr("Save Attachment"),
                QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
                    .filePath(item->data(Qt::UserRole + 1).toString()));
            QString error;
            if (!target.isEmpty() && !saveAttachment(path, target, &error)) {
                QMessageBox::warning(this, tr("Save Attachment"), error);
            }
        }
    });

    connect(m_view, &QTextBrowser::anchorClicked, this, &MessageReader::onLinkClicked);
    // Hovering a link shows where it really goes, whatever its text says.
    connect(m_view, qOverload<const QUrl &>(&QTextBrowser::highlighted), this,
        [this](const QUrl &url) { m_view->setToolTip(url.isEmpty() ? QString() : url.toString()); });

    m_confirmLink = [this](const QUrl &url) {
        return QMessageBox::question(
                   this, tr("Open Link"), tr("Open this address in your web browser?\n\n%1").arg(url.toString()))
            == QMessageBox::Yes;
    };
    m_openLink = [](const QUrl &url) { QDesktopServices::openUrl(url); };

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolbar);
    layout->addWidget(m_headers);
    layout->addWidget(m_remoteBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_attachments);
    m_remoteBar->hide();
    m_attachments->hide();
}

MessageReader::~MessageReader() = default;

void MessageReader::setLinkHandlers(std::function<bool(const QUrl &)> confirm, std::function<void(const QUrl &)> open)
{
    m_confirmLink = std::move(confirm);
    m_openLink = std::move(open);
}

bool MessageReader::showMessage(const QByteArray &raw, QString *error)
{
    auto message = Mime::ParsedMessage::parse(raw, error);
    if (!message) {
        return false;
    }
    m_message = std::move(message);
    m_remoteAllowed = m_trustedSenders.contains(currentSender());
    const Mime::MessageHeaders &h = m_message->headers();
    QString header = QStringLiteral("<table cellspacing=\"2\">");
    auto row = [&header](const QString &label, const QString &value) {
        if (!value.isEmpty()) {
            header += QStringLiteral("<tr><td align=\"right\"><b>%1</b></td><td>%2</td></tr>").arg(label, value);
        }
    };
    row(tr("From:"), addressList(h.from));
    row(tr("To:"), addressList(h.to));
    row(tr("Cc:"), addressList(h.cc));
    row(tr("Date:"), h.date.isValid() ? QLocale().toString(h.date, QLocale::LongFormat).toHtmlEscaped() : QString());
    row(tr("Subject:"), QStringLiteral("<b>%1</b>").arg(h.subject.toHtmlEscaped()));
    m_headers->setText(header + QStringLiteral("</table>"));

    m_attachments->clear();
    const QList<Mime::PartInfo> attachments = m_message->attachments();
    for (const Mime::PartInfo &a : attachments) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 (%2, %3)").arg(a.saveName, a.mimeType, QLocale().formattedDataSize(a.size)),
            m_attachments);
        item->setData(Qt::UserRole, a.path);
        item->setData(Qt::UserRole + 1, a.saveName);
        item->setToolTip(a.fileName.isEmpty() ? a.saveName : a.fileName);
    }
    m_attachments->setVisible(!attachments.isEmpty());

    m_view->setCidProvider([this](const QString &cid) {
        const QString path = m_message ? m_message->partForContentId(cid) : QString();
        return path.isEmpty() ? QByteArray() : m_message->partContent(path);
    });
    render();
    if (m_remoteAllowed) {
        fetchRemote();
    }
    return true;
}

void MessageReader::setPreferPlainText(bool plain)
{
    m_preferPlain = plain;
    if (m_plainAction->isChecked() != plain) {
        m_plainAction->setChecked(plain);
    }
    if (m_message) {
        render();
    }
}

void MessageReader::render()
{
    const auto html = m_message->htmlBody();
    const auto plain = m_message->plainBody();
    m_view->setRemoteAllowed(m_remoteAllowed);
    if (html && !m_preferPlain) {
        const Mime::SanitizedHtml sanitized = Mime::sanitizeHtml(html->text);
        m_remoteReferences = QSet<QString>(sanitized.remoteUrls.cbegin(), sanitized.remoteUrls.cend()).size();
        m_view->showHtml(sanitized.html);
    } else {
        m_remoteReferences = 0;
        m_view->showHtml(Mime::plainTextToHtml(plain ? plain->text : QString()));
    }
    // Laying the document out now makes it ask for every resource it refers to.
    m_view->document()->setTextWidth(std::max(200, m_view->viewport()->width()));
    m_view->document()->size();
    updateRemoteBar();
}

int MessageReader::blockedRemoteCount() const
{
    // Every distinct remote reference in the HTML: those the view asked for and those
    // it would never use (CSS it does not support) are blocked alike.
    return m_remoteAllowed ? 0
                           : std::max<int>(m_remoteReferences, static_cast<int>(m_view->blockedRemoteUrls().size()));
}

void MessageReader::updateRemoteBar()
{
    const int blocked = blockedRemoteCount();
    m_remoteText->setText(tr("%n remote item(s) blocked to protect your privacy.", nullptr, blocked));
    m_remoteBar->setVisible(blocked > 0 && !m_remoteAllowed);
}

void MessageReader::allowRemoteContent()
{
    m_remoteAllowed = true;
    fetchRemote();
}

void MessageReader::trustCurrentSender()
{
    const QString sender = currentSender();
    if (!sender.isEmpty()) {
        m_trustedSenders.insert(sender);
        Q_EMIT trustedSendersChanged(m_trustedSenders);
    }
    allowRemoteContent();
}

QString MessageReader::currentSender() const
{
    return m_message && !m_message->headers().from.isEmpty() ? m_message->headers().from.constFirst().address.toLower()
                                                             : QString();
}

void MessageReader::fetchRemote()
{
    const QSet<QUrl> urls = m_view->blockedRemoteUrls();
    m_remoteBar->hide();
    if (urls.isEmpty()) {
        return;
    }
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
    }
    for (const QUrl &url : urls) {
        QUrl target = url;
        if (target.scheme().isEmpty()) {
            target.setScheme(QStringLiteral("https")); // protocol-relative
        }
        QNetworkRequest request(target);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setTransferTimeout(30000);
        QNetworkReply *reply = m_network->get(request);
        ++m_pendingFetches;
        connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
            reply->deleteLater();
            // 16 MiB per resource at most: a newsletter is not a download.
            const QByteArray bytes = reply->error() == QNetworkReply::NoError ? reply->read(16 << 20) : QByteArray();
            m_view->addRemoteResource(url, bytes);
            if (--m_pendingFetches == 0 && m_message) {
                render();
            }
        });
    }
}

void MessageReader::onLinkClicked(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https") && scheme != QLatin1String("mailto")) {
        return; // nothing else leaves the reader
    }
    if (m_confirmLink && m_confirmLink(url) && m_openLink) {
        m_openLink(url);
    }
}

bool MessageReader::saveAttachment(const QString &partPath, const QString &filePath, QString *error) const
{
    if (!m_message) {
        *error = tr("No message is shown.");
        return false;
    }
    const QByteArray content = m_message->partContent(partPath);
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(filePath, file.errorString());
        return false;
    }
    return true;
}

void MessageReader::onAttachmentActivated(int row)
{
    QListWidgetItem *item = m_attachments->item(row);
    if (!item || !m_message) {
        return;
    }
    // Opened from a private folder of its own, under its sanitised name.
    auto *dir = new QTemporaryDir(QDir::tempPath() + QStringLiteral("/satchel-attachment-XXXXXX"));
    dir->setAutoRemove(false);
    const QString path = dir->filePath(item->data(Qt::UserRole + 1).toString());
    delete dir;
    QString error;
    if (!saveAttachment(item->data(Qt::UserRole).toString(), path, &error)) {
        QMessageBox::warning(this, tr("Open Attachment"), error);
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

void MessageReader::showSource()
{
    if (!m_message) {
        return;
    }
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("messageSourceDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Message Source"));
    auto *text = new QPlainTextEdit(dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setPlainText(Mime::decodeText(m_message->raw(), QByteArray()));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    dialog->resize(800, 600);
    dialog->show();
}

} // namespace Satchel::Ui
