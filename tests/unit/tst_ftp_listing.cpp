// FTP directory listings: MLSD lines (RFC 3659 §7), Unix and DOS/IIS LIST lines (RFC 959
// §4.1.3 leaves LIST free-form), and remote names made safe as one local path component.
// Rows are named "NN-format-what it shows", after FileZilla's tests/dirparsertest.cpp.
#include "protocols/ftp/ListingParser.h"

#include <QTest>
#include <QVariant>

using namespace Satchel::Ftp;

namespace {

// Every LIST row is read as if the client's clock said this.
QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);
}

QString typeName(DirectoryEntry::Type type)
{
    switch (type) {
    case DirectoryEntry::Type::File:
        return QStringLiteral("file");
    case DirectoryEntry::Type::Directory:
        return QStringLiteral("dir");
    case DirectoryEntry::Type::Link:
        return QStringLiteral("link");
    case DirectoryEntry::Type::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("invalid");
}

// A line that must parse into exactly these fields. `modified` is ISO 8601 in UTC, or empty
// for "unknown".
void accepted(const char *tag, const char *format, const QByteArray &line, const QString &name, const char *type,
    qint64 size, const char *modified, const QString &linkTarget, const char *permissions)
{
    QTest::newRow(tag) << QString::fromLatin1(format) << line << true << name << QString::fromLatin1(type) << size
                       << QString::fromLatin1(modified) << linkTarget << QString::fromLatin1(permissions);
}

// A line that must not parse; the other columns are not looked at.
void refused(const char *tag, const char *format, const QByteArray &line)
{
    QTest::newRow(tag) << QString::fromLatin1(format) << line << false << QString() << QString() << qint64(-1)
                       << QString() << QString() << QString();
}

} // namespace

class TestFtpListing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listing_data();
    void listing();
    void yearWithoutNow();
    void yearAcrossNewYear();
    void sanitize_data();
    void sanitize();
    void metatype();
};

void TestFtpListing::listing_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("modified");
    QTest::addColumn<QString>("linkTarget");
    QTest::addColumn<QString>("permissions");

    accepted("01-unix-std dir", "list", "drwxr-xr-x    2 user     group        4096 Nov 27 10:15 docs",
        QStringLiteral("docs"), "dir", 4096, "2026-11-27T10:15:00Z", QString(), "rwxr-xr-x");
    accepted("02-unix-symlink", "list", "lrwxrwxrwx    1 user     group          11 Jan  3  2024 latest -> release-1.2",
        QStringLiteral("latest"), "link", 11, "2024-01-03T00:00:00Z", QStringLiteral("release-1.2"), "rwxrwxrwx");
    accepted("03-unix-device", "list", "crw-rw----    1 root     tty        4,   1 Nov 27 10:15 tty1",
        QStringLiteral("tty1"), "other", -1, "2026-11-27T10:15:00Z", QString(), "rw-rw----");
    accepted("04-unix-year date", "list", "-rw-r--r--    1 user     group      123456 Jan  3  2024 report.pdf",
        QStringLiteral("report.pdf"), "file", 123456, "2024-01-03T00:00:00Z", QString(), "rw-r--r--");
    // Dec 15 this year would be weeks after "now", and ls shows a time only for past dates.
    accepted("05-unix-time date last year", "list", "-rw-r--r--    1 user     group         512 Dec 15 09:00 notes.txt",
        QStringLiteral("notes.txt"), "file", 512, "2025-12-15T09:00:00Z", QString(), "rw-r--r--");
    accepted("06-unix-spaces in name", "list",
        "-rw-r--r--    1 user     group         100 Nov 20 08:00 my  file  name.txt",
        QStringLiteral("my  file  name.txt"), "file", 100, "2026-11-20T08:00:00Z", QString(), "rw-r--r--");
    accepted("07-unix-numeric ids", "list", "-rw-r--r--    1 1000     1000           42 Oct  1 23:59 a.txt",
        QStringLiteral("a.txt"), "file", 42, "2026-10-01T23:59:00Z", QString(), "rw-r--r--");
    accepted("08-unix-no group", "list", "-rw-r--r--    1 ftp          5000 Jun  9  2025 nogroup.bin",
        QStringLiteral("nogroup.bin"), "file", 5000, "2025-06-09T00:00:00Z", QString(), "rw-r--r--");
    accepted("09-dos-dir", "list", "11-27-26  10:15AM       <DIR>          Folder Name", QStringLiteral("Folder Name"),
        "dir", -1, "2026-11-27T10:15:00Z", QString(), "");
    accepted("10-dos-file pm", "list", "11-27-2026  10:15PM            12345 file.txt", QStringLiteral("file.txt"),
        "file", 12345, "2026-11-27T22:15:00Z", QString(), "");
    accepted("11-dos-two-digit year 1999", "list", "03-14-99  12:05AM              777 old.txt",
        QStringLiteral("old.txt"), "file", 777, "1999-03-14T00:05:00Z", QString(), "");

    accepted("12-mlsd-file", "mlsd", "type=file;size=1024;modify=20261127101500;perm=adfr; report.pdf",
        QStringLiteral("report.pdf"), "file", 1024, "2026-11-27T10:15:00Z", QString(), "adfr");
    accepted("13-mlsd-dir", "mlsd", "type=dir;modify=20250101000000;perm=flcdmpe; Documents",
        QStringLiteral("Documents"), "dir", -1, "2025-01-01T00:00:00Z", QString(), "flcdmpe");
    refused("14-mlsd-cdir skipped", "mlsd", "type=cdir;perm=el; /home/user");
    accepted("15-mlsd-name with spaces and semicolon", "mlsd", "type=file;size=5; a b;c=d.txt",
        QStringLiteral("a b;c=d.txt"), "file", 5, "", QString(), "");
    accepted("16-mlsd-unix slink", "mlsd", "type=OS.unix=slink:/srv/Data;modify=20260101000000; data",
        QStringLiteral("data"), "link", -1, "2026-01-01T00:00:00Z", QStringLiteral("/srv/Data"), "");

    refused("17-garbage", "list", "hello world");
    refused("18-total line", "list", "total 123");
    accepted("19-unix-time date earlier this year", "list", "-rw-r--r-- 1 user group 7 Jan  3 10:15 jan.txt",
        QStringLiteral("jan.txt"), "file", 7, "2026-01-03T10:15:00Z", QString(), "rw-r--r--");
    accepted("20-unix-time date tomorrow is clock skew", "list", "-rw-r--r-- 1 user group 7 Nov 28 08:00 skew.txt",
        QStringLiteral("skew.txt"), "file", 7, "2026-11-28T08:00:00Z", QString(), "rw-r--r--");
    accepted("21-unix-feb 29 without year is the last leap year", "list",
        "-rw-r--r-- 1 user group 7 Feb 29 10:00 leap.txt", QStringLiteral("leap.txt"), "file", 7,
        "2024-02-29T10:00:00Z", QString(), "rw-r--r--");
    accepted("22-unix-leading space kept", "list", "-rw-r--r-- 1 user group 1 Nov 27 10:15  lead.txt",
        QStringLiteral(" lead.txt"), "file", 1, "2026-11-27T10:15:00Z", QString(), "rw-r--r--");
    accepted("23-unix-trailing CR", "list", "-rw-r--r-- 1 user group 1 Nov 27 10:15 cr.txt\r", QStringLiteral("cr.txt"),
        "file", 1, "2026-11-27T10:15:00Z", QString(), "rw-r--r--");
    accepted("24-unix-acl marker", "list", "drwxr-x---+   3 user     group        4096 Nov 27 10:15 shared",
        QStringLiteral("shared"), "dir", 4096, "2026-11-27T10:15:00Z", QString(), "rwxr-x---");
    accepted("25-unix-arrow in a file name is kept", "list", "-rw-r--r-- 1 user group 3 Nov 27 10:15 a -> b",
        QStringLiteral("a -> b"), "file", 3, "2026-11-27T10:15:00Z", QString(), "rw-r--r--");
    accepted("26-unix-name that looks like a date", "list", "-rw-r--r-- 1 user group 100 Mar  3 09:15 Mar  3 09:15",
        QStringLiteral("Mar  3 09:15"), "file", 100, "2026-03-03T09:15:00Z", QString(), "rw-r--r--");
    accepted("27-unix-utf8 name", "list",
        "-rw-r--r-- 1 user group 9 Nov 27 10:15 Gr\xc3\xbc\xc3\x9f"
        "e.txt",
        QStringLiteral("Gr\u00fc\u00dfe.txt"), "file", 9, "2026-11-27T10:15:00Z", QString(), "rw-r--r--");
    accepted("28-unix-size over 4 GiB", "list", "-rw-r--r-- 1 user group 5000000000 Nov 27 10:15 big.iso",
        QStringLiteral("big.iso"), "file", 5000000000, "2026-11-27T10:15:00Z", QString(), "rw-r--r--");
    accepted("29-unix-block device without group", "list", "brw-rw---- 1 root 8, 0 Nov 27 10:15 sda",
        QStringLiteral("sda"), "other", -1, "2026-11-27T10:15:00Z", QString(), "rw-rw----");
    refused("30-unix-dotdot skipped", "list", "drwxr-xr-x 2 user group 4096 Nov 27 10:15 ..");
    refused("31-unix-no name", "list", "-rw-r--r-- 1 user group 3 Nov 27 10:15");
    refused("32-unix-nothing after the separator", "list", "-rw-r--r-- 1 user group 3 Nov 27 10:15 ");
    refused("33-unix-not a month", "list", "-rw-r--r-- 1 user group 3 Foo 27 10:15 x");
    refused("34-unix-april 31", "list", "-rw-r--r-- 1 user group 3 Apr 31  2024 x");
    refused("35-unix-hour 25", "list", "-rw-r--r-- 1 user group 3 Nov 27 25:00 x");
    refused("36-unix-unknown file type", "list", "zrw-r--r-- 1 user group 3 Nov 27 10:15 x");
    refused("37-unix-size not a number", "list", "-rw-r--r-- 1 user group 3k Nov 27 10:15 x");
    accepted("38-dos-12PM is noon", "list", "01-05-00  12:30PM                1 noon.txt", QStringLiteral("noon.txt"),
        "file", 1, "2000-01-05T12:30:00Z", QString(), "");
    accepted("39-dos-two-digit year 69 is 2069", "list", "07-04-69  09:00AM               10 later.txt",
        QStringLiteral("later.txt"), "file", 10, "2069-07-04T09:00:00Z", QString(), "");
    accepted("40-dos-two-digit year 70 is 1970", "list", "01-01-70  12:00AM       <DIR>          epoch",
        QStringLiteral("epoch"), "dir", -1, "1970-01-01T00:00:00Z", QString(), "");
    refused("41-dos-month 13", "list", "13-27-26  10:15AM                1 x");
    refused("42-dos-no AM or PM", "list", "11-27-26  10:15                  1 x");
    refused("43-dos-hour 13 with PM", "list", "11-27-26  13:15PM                1 x");
    refused("44-dos-neither size nor <DIR>", "list", "11-27-26  01:15PM       <JUNK>         x");
    refused("45-empty line", "list", "");
    refused("46-unix-an MLSD line is not LIST", "list", "type=file;size=3; x");

    refused("47-mlsd-pdir skipped", "mlsd", "type=pdir;perm=el; ..");
    accepted("48-mlsd-fact names in any case", "mlsd", "Type=FILE;Size=7;Modify=20261127101500.25; Up.TXT",
        QStringLiteral("Up.TXT"), "file", 7, "2026-11-27T10:15:00.250Z", QString(), "");
    accepted("49-mlsd-sizd for a directory", "mlsd", "type=dir;sizd=4096; d", QStringLiteral("d"), "dir", 4096, "",
        QString(), "");
    accepted("50-mlsd-unix.mode when there is no perm", "mlsd", "type=file;size=1;UNIX.mode=0644; m.txt",
        QStringLiteral("m.txt"), "file", 1, "", QString(), "0644");
    accepted("51-mlsd-facts in any order, unknown facts ignored", "mlsd",
        "modify=20260101120000;perm=adfr;type=file;unique=12U1;UNIX.owner=0;size=7; b.txt", QStringLiteral("b.txt"),
        "file", 7, "2026-01-01T12:00:00Z", QString(), "adfr");
    accepted(
        "52-mlsd-no facts at all", "mlsd", " bare name", QStringLiteral("bare name"), "other", -1, "", QString(), "");
    refused("53-mlsd-no space", "mlsd", "type=file;size=3;name");
    refused("54-mlsd-empty name", "mlsd", "type=file;size=3; ");
    refused("55-mlsd-fact without '='", "mlsd", "type=file;junk; x");
    accepted("56-mlsd-short modify leaves the time unknown", "mlsd", "type=file;size=3;modify=2026; x",
        QStringLiteral("x"), "file", 3, "", QString(), "");
    accepted("57-mlsd-leap second leaves the time unknown", "mlsd", "type=file;modify=20261231235960; x",
        QStringLiteral("x"), "file", -1, "", QString(), "");
    accepted("58-mlsd-negative size leaves the size unknown", "mlsd", "type=file;size=-3; x", QStringLiteral("x"),
        "file", -1, "", QString(), "");
    accepted("59-mlsd-CRLF", "mlsd", "type=file;size=3; crlf.txt\r\n", QStringLiteral("crlf.txt"), "file", 3, "",
        QString(), "");
    accepted("60-mlsd-symlink without target", "mlsd", "type=OS.unix=symlink; s", QStringLiteral("s"), "link", -1, "",
        QString(), "");
    accepted("61-mlsd-other OS type", "mlsd", "type=OS.unix=blkdev; sda", QStringLiteral("sda"), "other", -1, "",
        QString(), "");
    // Parsed as sent; sanitizeRemoteName() is what refuses it (see sanitize_data).
    accepted("62-mlsd-path traversal kept verbatim", "mlsd", "type=file;size=1; ../../etc/passwd",
        QStringLiteral("../../etc/passwd"), "file", 1, "", QString(), "");
    accepted("63-mlsd-utf8 name", "mlsd",
        "type=file;size=1; Gr\xc3\xbc\xc3\x9f"
        "e.txt",
        QStringLiteral("Gr\u00fc\u00dfe.txt"), "file", 1, "", QString(), "");
    refused("64-mlsd-garbage", "mlsd", "hello");
    refused("65-mlsd-dos line is not MLSD", "mlsd", "11-27-26  10:15AM       <DIR>          x");
}

void TestFtpListing::listing()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(qint64, size);
    QFETCH(QString, modified);
    QFETCH(QString, linkTarget);
    QFETCH(QString, permissions);

    const std::optional<DirectoryEntry> entry
        = format == QLatin1String("mlsd") ? parseMlsdLine(line) : parseListLine(line, fixedNow());
    QCOMPARE(entry.has_value(), valid);
    if (!entry) {
        return;
    }
    QCOMPARE(entry->name, name);
    QCOMPARE(typeName(entry->type), type);
    QCOMPARE(entry->size, size);
    if (modified.isEmpty()) {
        QVERIFY(!entry->modified.isValid());
    } else {
        const QDateTime expected = QDateTime::fromString(modified, Qt::ISODateWithMs);
        QVERIFY(expected.isValid());
        QCOMPARE(entry->modified, expected);
        QCOMPARE(entry->modified.timeSpec(), Qt::UTC);
    }
    QCOMPARE(entry->linkTarget, linkTarget);
    QCOMPARE(entry->permissions, permissions);
}

void TestFtpListing::yearWithoutNow()
{
    // Without a clock the year of "Nov 27 10:15" is unknown: the entry stays, its date does not.
    const auto recent = parseListLine(QByteArray("-rw-r--r-- 1 user group 3 Nov 27 10:15 x"), QDateTime());
    QVERIFY(recent.has_value());
    QCOMPARE(recent->name, QStringLiteral("x"));
    QVERIFY(!recent->modified.isValid());
    // A date with its year needs no clock.
    const auto old = parseListLine(QByteArray("-rw-r--r-- 1 user group 3 Jan  3  2024 y"), QDateTime());
    QVERIFY(old.has_value());
    QCOMPARE(old->modified, QDateTime(QDate(2024, 1, 3), QTime(0, 0), Qt::UTC));
}

void TestFtpListing::yearAcrossNewYear()
{
    // A server already in the new year (time zones) while the client is still in the old one.
    const QDateTime newYearsEve(QDate(2026, 12, 31), QTime(23, 0), Qt::UTC);
    const auto ahead = parseListLine(QByteArray("-rw-r--r-- 1 u g 3 Jan  1 05:00 a"), newYearsEve);
    QVERIFY(ahead.has_value());
    QCOMPARE(ahead->modified, QDateTime(QDate(2027, 1, 1), QTime(5, 0), Qt::UTC));
    // Early January: a December time is last December.
    const QDateTime january(QDate(2027, 1, 5), QTime(8, 0), Qt::UTC);
    const auto december = parseListLine(QByteArray("-rw-r--r-- 1 u g 3 Dec 30 10:00 b"), january);
    QVERIFY(december.has_value());
    QCOMPARE(december->modified, QDateTime(QDate(2026, 12, 30), QTime(10, 0), Qt::UTC));
}

void TestFtpListing::sanitize_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("kept");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dot") << QStringLiteral(".") << false;
    QTest::newRow("dot dot") << QStringLiteral("..") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("parent with slash") << QStringLiteral("../x") << false;
    QTest::newRow("parent with backslash") << QStringLiteral("..\\x") << false;
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << false;
    QTest::newRow("NUL") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << false;
    QTest::newRow("tab") << QStringLiteral("tab\there") << false;
    QTest::newRow("newline") << QStringLiteral("line\nbreak") << false;
    QTest::newRow("escape sequence") << QStringLiteral("\x1b[31mred") << false;
    QTest::newRow("DEL") << QStringLiteral("del\x7f") << false;
    QTest::newRow("ok name") << QStringLiteral("ok name.txt") << true;
    QTest::newRow("umlauts") << QStringLiteral("Gr\u00fc\u00dfe.txt") << true;
    QTest::newRow("three dots") << QStringLiteral("...") << true;
    QTest::newRow("dot file") << QStringLiteral(".hidden") << true;
    QTest::newRow("dots inside") << QStringLiteral("a..b") << true;
    QTest::newRow("leading space") << QStringLiteral(" lead") << true;
    QTest::newRow("C1 control") << QString(QStringLiteral("c1") + QChar(0x9b) + QStringLiteral("x")) << false;
    QTest::newRow("right-to-left override") << QStringLiteral("invoice\u202Efdp.exe") << false;
}

void TestFtpListing::sanitize()
{
    QFETCH(QString, name);
    QFETCH(bool, kept);
    if (name.contains(QChar(0))) {
        QCOMPARE(name.size(), qsizetype(3)); // the NUL really is in the string
    }
    const QString result = sanitizeRemoteName(name);
    if (kept) {
        QCOMPARE(result, name);
    } else {
        QVERIFY2(result.isEmpty(), qPrintable(result));
    }
}

void TestFtpListing::metatype()
{
    DirectoryEntry entry;
    entry.name = QStringLiteral("a.txt");
    entry.type = DirectoryEntry::Type::File;
    entry.size = 3;
    const QVariant variant = QVariant::fromValue(entry);
    QVERIFY(variant.canConvert<DirectoryEntry>());
    const DirectoryEntry back = variant.value<DirectoryEntry>();
    QCOMPARE(back.name, QStringLiteral("a.txt"));
    QCOMPARE(back.size, qint64(3));
    QVERIFY(back.type == DirectoryEntry::Type::File);
}

QTEST_GUILESS_MAIN(TestFtpListing)
#include "tst_ftp_listing.moc"
