// The pure text helpers of the MIME layer: attachment names made safe, format=flowed
// (RFC 3676), quote depth, plain text as HTML, and the HTML sanitiser's inventory of
// remote references.
#include "protocols/mime/AttachmentName.h"
#include "protocols/mime/HtmlSanitizer.h"
#include "protocols/mime/PlainText.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Satchel::Mime;

class TestMimeText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileNames_data();
    void fileNames();
    void uniquePathNeverOverwrites();
    void flowed_data();
    void flowed();
    void plainToHtmlEscapesAndQuotes();
    void sanitizer_data();
    void sanitizer();
};

void TestMimeText::fileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("safe");
    QTest::newRow("plain") << QStringLiteral("report.pdf") << QStringLiteral("report.pdf");
    QTest::newRow("unix traversal") << QStringLiteral("../../etc/passwd") << QStringLiteral("passwd");
    QTest::newRow("windows path") << QStringLiteral("C:\\Windows\\evil.dll") << QStringLiteral("evil.dll");
    QTest::newRow("dot dot") << QStringLiteral("..") << QStringLiteral("attachment");
    QTest::newRow("hidden file") << QStringLiteral(".bashrc") << QStringLiteral("bashrc");
    QTest::newRow("trailing dots and spaces") << QStringLiteral("name.txt. . ") << QStringLiteral("name.txt");
    QTest::newRow("device name") << QStringLiteral("NUL") << QStringLiteral("_NUL");
    QTest::newRow("device name with extension") << QStringLiteral("com1.log") << QStringLiteral("_com1.log");
    QTest::newRow("not a device name") << QStringLiteral("console.txt") << QStringLiteral("console.txt");
    QTest::newRow("control characters") << QStringLiteral("a\x01\x1f\x7f" "b.txt") << QStringLiteral("ab.txt");
    QTest::newRow("right-to-left override") << QStringLiteral("invoice\u202Efdp.exe") << QStringLiteral("invoicefdp.exe");
    QTest::newRow("reserved punctuation") << QStringLiteral("a<b>c:d\"e|f?g*h.txt") << QStringLiteral("abcdefgh.txt");
    QTest::newRow("unicode kept") << QStringLiteral("Grüße – Köln.txt") << QStringLiteral("Grüße – Köln.txt");
    QTest::newRow("empty") << QString() << QStringLiteral("attachment");
    QTest::newRow("long name keeps extension") << QString(300, QLatin1Char('x')) + QStringLiteral(".pdf")
                                               << QString(196, QLatin1Char('x')) + QStringLiteral(".pdf");
    QTest::newRow("long multibyte name") << QString(150, QChar(0x00fc)) + QStringLiteral(".txt")
                                         << QString(98, QChar(0x00fc)) + QStringLiteral(".txt");
}

void TestMimeText::fileNames()
{
    QFETCH(QString, name);
    QFETCH(QString, safe);
    QCOMPARE(sanitizeFileName(name), safe);
    QVERIFY(sanitizeFileName(name).toUtf8().size() <= 200);
}

void TestMimeText::uniquePathNeverOverwrites()
{
    QTemporaryDir dir;
    const QString first = uniqueFilePath(dir.path(), QStringLiteral("a.txt"));
    QCOMPARE(first, dir.filePath(QStringLiteral("a.txt")));
    QFile f(first);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QCOMPARE(uniqueFilePath(dir.path(), QStringLiteral("a.txt")), dir.filePath(QStringLiteral("a (2).txt")));
}

void TestMimeText::flowed_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<bool>("delSp");
    QTest::addColumn<QString>("out");
    QTest::newRow("soft break joins") << QStringLiteral("one two \nthree\n") << false << QStringLiteral("one two three\n");
    QTest::newRow("delsp removes the break space") << QStringLiteral("hyphen- \nated\n") << true << QStringLiteral("hyphen-ated\n");
    QTest::newRow("hard break stays") << QStringLiteral("one\ntwo\n") << false << QStringLiteral("one\ntwo\n");
    QTest::newRow("signature separator never flows") << QStringLiteral("-- \nme\n") << false << QStringLiteral("-- \nme\n");
    QTest::newRow("quote depth change ends a paragraph")
        << QStringLiteral("> quoted \n>> deeper\nplain\n") << false << QStringLiteral("> quoted \n>> deeper\nplain\n");
    QTest::newRow("quoted paragraph flows") << QStringLiteral("> a \n> b\n") << false << QStringLiteral("> a b\n");
    QTest::newRow("space-stuffing removed") << QStringLiteral(" From here\n") << false << QStringLiteral("From here\n");
}

void TestMimeText::flowed()
{
    QFETCH(QString, in);
    QFETCH(bool, delSp);
    QFETCH(QString, out);
    QCOMPARE(decodeFlowed(in, delSp), out);
}

void TestMimeText::plainToHtmlEscapesAndQuotes()
{
    const QString html = plainTextToHtml(QStringLiteral("<script>x</script> & https://example.org/a?b=1\n> quoted\n>> deeper\nback"));
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;x&lt;/script&gt; &amp; ")));
    QVERIFY(html.contains(QStringLiteral("<a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a>")));
    QCOMPARE(html.count(QStringLiteral("<blockquote")), 2);
    QCOMPARE(html.count(QStringLiteral("</blockquote>")), 2);
    QCOMPARE(quoteDepth(QStringLiteral("> > > x")), 3);
    QCOMPARE(quoteDepth(QStringLiteral(" > x")), 0);
}

void TestMimeText::sanitizer_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("mustNotContain");
    QTest::addColumn<int>("remote");
    QTest::newRow("script element") << QStringLiteral("<p>a</p><script>alert(1)</script>") << QStringList{QStringLiteral("alert")} << 0;
    QTest::newRow("unclosed script") << QStringLiteral("<p>a</p><script src=x>") << QStringList{QStringLiteral("<script")} << 0;
    QTest::newRow("event handlers") << QStringLiteral("<body onload=\"x()\"><img src=a.png onerror='y()'>")
                                    << QStringList{QStringLiteral("onload"), QStringLiteral("onerror")} << 0;
    QTest::newRow("javascript link") << QStringLiteral("<a href=\"javascript:alert(2)\">x</a>") << QStringList{QStringLiteral("javascript")} << 0;
    QTest::newRow("frames, objects, forms, base, refresh")
        << QStringLiteral("<iframe src=https://e/x></iframe><object data=x></object><embed src=y><form action=z></form>"
                          "<base href=https://e/><meta http-equiv=\"refresh\" content=\"0;url=https://e\">")
        << QStringList{QStringLiteral("iframe"), QStringLiteral("object"), QStringLiteral("embed"), QStringLiteral("form"),
                       QStringLiteral("base"), QStringLiteral("refresh")}
        << 0;
    QTest::newRow("remote image, stylesheet, background, css url, import")
        << QStringLiteral("<link rel=stylesheet href=\"https://t/s.css\"><img src=\"http://t/p.gif\">"
                          "<td background=//t/bg.png><div style=\"background:url('https://t/u.png')\"><style>@import \"https://t/i.css\";</style>")
        << QStringList{} << 5;
    QTest::newRow("inline and data images are not remote")
        << QStringLiteral("<img src=\"cid:logo\"><img src=\"data:image/png;base64,AAAA\">") << QStringList{} << 0;
}

void TestMimeText::sanitizer()
{
    QFETCH(QString, html);
    QFETCH(QStringList, mustNotContain);
    QFETCH(int, remote);
    const SanitizedHtml result = sanitizeHtml(html);
    for (const QString &bad : mustNotContain) {
        QVERIFY2(!result.html.contains(bad, Qt::CaseInsensitive), qPrintable(result.html));
    }
    QCOMPARE(result.remoteUrls.size(), remote);
}

QTEST_GUILESS_MAIN(TestMimeText)
#include "tst_mime_text.moc"
