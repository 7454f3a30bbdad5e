// The corpus of odd messages in tests/data/mime/, each with its expected decoded
// output in expected.json (one row per file, named after it): broken encoded words,
// RFC 2231 names, raw 8-bit headers, nested multiparts, digests, missing boundaries,
// wrong charsets, hostile attachment names, hostile HTML, format=flowed. Then the
// bounds, with messages made on the fly: too many header fields, too large a header,
// nesting too deep, too many parts — each a clear error, never a crash.
#include "protocols/mime/ParsedMessage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Satchel::Mime;

class TestMimeCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data();
    void corpus();
    void bounds_data();
    void bounds();
    void cidFindsTheInlineImage();
    void partContentIsDecoded();

private:
    static QString dataDir() { return qEnvironmentVariable("SATCHEL_SOURCE_DIR") + QStringLiteral("/tests/data/mime"); }
    static std::unique_ptr<ParsedMessage> load(const QString &name);
};

std::unique_ptr<ParsedMessage> TestMimeCorpus::load(const QString &name)
{
    QFile file(dataDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly)) {
        return nullptr;
    }
    QString error;
    return ParsedMessage::parse(file.readAll(), &error);
}

static QString joined(const QList<MailAddress> &list)
{
    QStringList parts;
    for (const MailAddress &a : list) {
        parts << a.display();
    }
    return parts.join(QStringLiteral(", "));
}

void TestMimeCorpus::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QJsonObject>("expected");
    QFile file(dataDir() + QStringLiteral("/expected.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonObject all = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(all.size() >= 10);
    const QStringList files = QDir(dataDir()).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), all.size()); // every message has its expectations
    for (const QString &name : files) {
        QTest::newRow(qPrintable(name)) << name << all.value(name).toObject();
    }
}

void TestMimeCorpus::corpus()
{
    QFETCH(QString, file);
    QFETCH(QJsonObject, expected);
    const auto message = load(file);
    QVERIFY(message);
    const MessageHeaders &h = message->headers();
    QCOMPARE(h.subject, expected.value(QStringLiteral("subject")).toString());
    QCOMPARE(joined(h.from), expected.value(QStringLiteral("from")).toString());
    QCOMPARE(joined(h.to), expected.value(QStringLiteral("to")).toString());
    QCOMPARE(joined(h.cc), expected.value(QStringLiteral("cc")).toString());
    QCOMPARE(h.date, QDateTime::fromString(expected.value(QStringLiteral("date")).toString(), Qt::ISODate));

    const QString body = message->plainBody() ? message->plainBody()->text : QString();
    for (const QJsonValue &v : expected.value(QStringLiteral("bodyContains")).toArray()) {
        QVERIFY2(body.contains(v.toString()), qPrintable(body));
    }
    for (const QJsonValue &v : expected.value(QStringLiteral("bodyExcludes")).toArray()) {
        QVERIFY2(!body.contains(v.toString()), qPrintable(body));
    }
    const QJsonArray want = expected.value(QStringLiteral("attachments")).toArray();
    const QList<PartInfo> got = message->attachments();
    QCOMPARE(got.size(), want.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        const QJsonObject w = want.at(i).toObject();
        QCOMPARE(got.at(i).path, w.value(QStringLiteral("part")).toString());
        QCOMPARE(got.at(i).mimeType, w.value(QStringLiteral("type")).toString());
        QCOMPARE(got.at(i).saveName, w.value(QStringLiteral("filename")).toString());
        QCOMPARE(got.at(i).size, w.value(QStringLiteral("size")).toInteger());
        QVERIFY(!got.at(i).saveName.contains(QLatin1Char('/')) && !got.at(i).saveName.contains(QLatin1Char('\\')));
        QVERIFY(got.at(i).saveName != QLatin1String("..") && !got.at(i).saveName.startsWith(QLatin1Char('.')));
    }
}

void TestMimeCorpus::bounds_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("error");

    QByteArray manyFields;
    for (int i = 0; i < 1001; ++i) {
        manyFields += "X-Field-" + QByteArray::number(i) + ": v\r\n";
    }
    QTest::newRow("1001 header fields") << QByteArray(manyFields + "\r\nbody\r\n")
                                        << QStringLiteral("the message has more than 1000 header fields");
    QTest::newRow("2 MiB header") << QByteArray("Subject: " + QByteArray(2 * 1024 * 1024, 'x') + "\r\n\r\nbody\r\n")
                                  << QStringLiteral("the message's header is larger than 1024 KiB");
    QByteArray deep = "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n";
    for (int i = 1; i < 60; ++i) {
        deep += "--b" + QByteArray::number(i - 1) + "\r\nContent-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\r\n\r\n";
    }
    deep += "--b59\r\nContent-Type: text/plain\r\n\r\ndeep\r\n";
    QTest::newRow("nesting 60 deep") << deep << QStringLiteral("the message nests parts more than 32 levels deep");
    QByteArray many = "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n";
    for (int i = 0; i < 2100; ++i) {
        many += "--m\r\nContent-Type: text/plain\r\n\r\n" + QByteArray::number(i) + "\r\n";
    }
    many += "--m--\r\n";
    QTest::newRow("2100 parts") << many << QStringLiteral("the message has more than 2000 parts");
}

void TestMimeCorpus::bounds()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, error);
    QString got;
    QVERIFY(!ParsedMessage::parse(raw, &got));
    QCOMPARE(got, error);
}

void TestMimeCorpus::cidFindsTheInlineImage()
{
    const auto message = load(QStringLiteral("04-nested-multipart.eml"));
    QVERIFY(message);
    const QString path = message->partForContentId(QStringLiteral("cid:logo@example.org"));
    QCOMPARE(path, QStringLiteral("1.2"));
    QVERIFY(message->partContent(path).startsWith("\x89PNG"));
    QVERIFY(message->htmlBody().has_value());
    QVERIFY(message->htmlBody()->text.contains(QStringLiteral("cid:logo@example.org")));
    QCOMPARE(message->headers().references,
             (QStringList{QStringLiteral("first-1@example.org"), QStringLiteral("earlier-3@example.org")}));
    QCOMPARE(message->headers().inReplyTo, QStringLiteral("<earlier-3@example.org>"));
}

void TestMimeCorpus::partContentIsDecoded()
{
    const auto message = load(QStringLiteral("02-rfc2231-filenames.eml"));
    QVERIFY(message);
    QCOMPARE(message->partContent(QStringLiteral("2")), QByteArray("%PDF-1.4\n%\xc3\xa4\xc3\xbc\xc3\xb6\xc3\x9f\n"));
}

QTEST_GUILESS_MAIN(TestMimeCorpus)
#include "tst_mime_corpus.moc"
