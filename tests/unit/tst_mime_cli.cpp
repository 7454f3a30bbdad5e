// `satchel-cli mime show|extract` keep ../shared/CLI.md's contract: decoded headers,
// the body as text and the attachment list in JSON; extract saves under sanitised
// names, only inside DIR, never over an existing file; errors have their codes.
#include "tests/common/CliRunner.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Satchel::Test;

class TestMimeCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showGivesTheContractKeys();
    void extractStaysInsideAndNeverOverwrites();
    void errors_data();
    void errors();

private:
    static QString data(const QString &name)
    {
        return qEnvironmentVariable("SATCHEL_SOURCE_DIR") + QStringLiteral("/tests/data/mime/") + name;
    }
    CliRunner m_cli;
};

void TestMimeCli::showGivesTheContractKeys()
{
    const CliResult r = m_cli.run({QStringLiteral("--json"), QStringLiteral("mime"), QStringLiteral("show"),
                                   data(QStringLiteral("02-rfc2231-filenames.eml"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = r.json().object();
    for (const char *key : {"subject", "from", "to", "cc", "date", "body", "attachments"}) {
        QVERIFY2(o.contains(QLatin1String(key)), key);
    }
    QCOMPARE(o.value(QStringLiteral("date")).toString(), QStringLiteral("2026-11-24T09:00:00Z"));
    const QJsonArray attachments = o.value(QStringLiteral("attachments")).toArray();
    QCOMPARE(attachments.size(), 2);
    QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("filename")).toString(), QStringLiteral("€ rates.pdf"));
    QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("part")).toString(), QStringLiteral("2"));
    QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("application/pdf"));
    QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("size")).toInt(), 19);

    const CliResult human = m_cli.run({QStringLiteral("mime"), QStringLiteral("show"), data(QStringLiteral("03-raw-8bit-headers.eml"))});
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.out.contains("Subject: Grüße aus Köln"), human.out.constData());
}

void TestMimeCli::extractStaysInsideAndNeverOverwrites()
{
    QTemporaryDir root;
    const QString dir = root.filePath(QStringLiteral("out"));
    const QStringList args{QStringLiteral("--json"), QStringLiteral("mime"), QStringLiteral("extract"),
                           data(QStringLiteral("08-hostile-attachment-names.eml")), QStringLiteral("--to"), dir};
    const CliResult first = m_cli.run(args);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(first.json().array().size(), 6);
    const CliResult second = m_cli.run(args);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    names.sort();
    QStringList expected{QStringLiteral("_CON (2).txt"), QStringLiteral("_CON.txt"), QStringLiteral("bashrc"),
                                 QStringLiteral("bashrc (2)"), QStringLiteral("CWindowsSystem32evil (2).dll"),
                                 QStringLiteral("CWindowsSystem32evil.dll"), QStringLiteral("invoicefdp (2).exe"),
                                 QStringLiteral("invoicefdp.exe"), QStringLiteral("part-7 (2).txt"), QStringLiteral("part-7.txt"),
                                 QStringLiteral("tabandctl (2).txt"), QStringLiteral("tabandctl.txt")};
    expected.sort();
    QCOMPARE(names, expected);
    // Nothing anywhere else under the temporary root.
    QDirIterator it(root.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int total = 0;
    while (it.hasNext()) {
        QVERIFY2(QFileInfo(it.next()).absolutePath() == QFileInfo(dir).absoluteFilePath(), qPrintable(it.filePath()));
        ++total;
    }
    QCOMPARE(total, 12);
    QFile bashrc(dir + QStringLiteral("/bashrc"));
    QVERIFY(bashrc.open(QIODevice::ReadOnly));
    QCOMPARE(bashrc.readAll(), QByteArray("a"));
}

void TestMimeCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("words");
    QTest::newRow("missing file") << QStringList{QStringLiteral("mime"), QStringLiteral("show"), QStringLiteral("/nonexistent/x.eml")}
                                  << 7 << QByteArray("cannot read /nonexistent/x.eml");
    QTest::newRow("extract without --to") << QStringList{QStringLiteral("mime"), QStringLiteral("extract"), QStringLiteral("x.eml")}
                                          << 2 << QByteArray("bad mime command");
    QTest::newRow("unknown mime command") << QStringList{QStringLiteral("mime"), QStringLiteral("frob"), QStringLiteral("x.eml")}
                                          << 2 << QByteArray("bad mime command");
}

void TestMimeCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QByteArray, words);
    const CliResult r = m_cli.run(args);
    QCOMPARE(r.exitCode, code);
    QVERIFY2(r.err.contains(words), r.err.constData());
}

QTEST_GUILESS_MAIN(TestMimeCli)
#include "tst_mime_cli.moc"
