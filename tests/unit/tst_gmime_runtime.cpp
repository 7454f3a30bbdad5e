// GMime is linked, initialised once (from any thread, any number of times), and
// decodes an RFC 2047 encoded word: the MIME layer can stand on it.
#include "protocols/mime/GMimeInclude.h"
#include "protocols/mime/GMimeRuntime.h"

#include <QTest>

#include <thread>

class TestGMimeRuntime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialisesOnceFromManyThreads();
    void reportsItsVersion();
    void decodesEncodedWordSubject();
};

void TestGMimeRuntime::initialisesOnceFromManyThreads()
{
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([] { Satchel::Mime::ensureInitialized(); });
    }
    for (auto &t : threads) {
        t.join();
    }
    Satchel::Mime::ensureInitialized();
    // After g_mime_init the default parser options exist.
    QVERIFY(g_mime_parser_options_get_default() != nullptr);
}

void TestGMimeRuntime::reportsItsVersion()
{
    QVERIFY(Satchel::Mime::gmimeVersion().startsWith(QStringLiteral("3.")));
}

void TestGMimeRuntime::decodesEncodedWordSubject()
{
    Satchel::Mime::ensureInitialized();
    const QByteArray raw = "From: a@example.org\r\n"
                           "Subject: =?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=\r\n"
                           "\r\n"
                           "body\r\n";
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(raw.constData(), static_cast<size_t>(raw.size()));
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *message = g_mime_parser_construct_message(parser, nullptr);
    QVERIFY(message != nullptr);
    QCOMPARE(QString::fromUtf8(g_mime_message_get_subject(message)), QStringLiteral("Grüße aus Köln"));
    g_object_unref(message);
    g_object_unref(parser);
    g_object_unref(stream);
}

QTEST_GUILESS_MAIN(TestGMimeRuntime)
#include "tst_gmime_runtime.moc"
