// The overwrite decision for a transfer whose destination exists (OverwritePolicy),
// as a table, and the "name (2).ext" names a renamed transfer takes.
#include "protocols/ftp/OverwritePolicy.h"

#include <QTest>

using namespace Satchel::Ftp;
using Action = OverwriteDecision::Action;

class TestFtpOverwrite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decision_data();
    void decision();
    void names_data();
    void names();
    void policyNames();
};

void TestFtpOverwrite::decision_data()
{
    QTest::addColumn<OverwritePolicy>("policy");
    QTest::addColumn<qint64>("destination");
    QTest::addColumn<qint64>("source");
    QTest::addColumn<int>("action");
    QTest::addColumn<qint64>("offset");

    const auto a = [](Action x) { return static_cast<int>(x); };
    for (const OverwritePolicy p : { OverwritePolicy::Overwrite, OverwritePolicy::Skip,
             OverwritePolicy::ResumeIfSmaller, OverwritePolicy::Rename, OverwritePolicy::Ask }) {
        QTest::addRow("%s, nothing there: transfer", qPrintable(overwritePolicyName(p)))
            << p << qint64(-1) << qint64(100) << a(Action::Transfer) << qint64(0);
    }
    QTest::newRow("overwrite") << OverwritePolicy::Overwrite << qint64(50) << qint64(100) << a(Action::Transfer)
                               << qint64(0);
    QTest::newRow("skip") << OverwritePolicy::Skip << qint64(50) << qint64(100) << a(Action::Skip) << qint64(0);
    QTest::newRow("rename") << OverwritePolicy::Rename << qint64(50) << qint64(100) << a(Action::Rename) << qint64(0);
    QTest::newRow("ask") << OverwritePolicy::Ask << qint64(50) << qint64(100) << a(Action::Ask) << qint64(0);
    QTest::newRow("resume-if-smaller, smaller")
        << OverwritePolicy::ResumeIfSmaller << qint64(50) << qint64(100) << a(Action::Resume) << qint64(50);
    QTest::newRow("resume-if-smaller, empty")
        << OverwritePolicy::ResumeIfSmaller << qint64(0) << qint64(100) << a(Action::Resume) << qint64(0);
    QTest::newRow("resume-if-smaller, same size")
        << OverwritePolicy::ResumeIfSmaller << qint64(100) << qint64(100) << a(Action::Skip) << qint64(0);
    QTest::newRow("resume-if-smaller, larger")
        << OverwritePolicy::ResumeIfSmaller << qint64(200) << qint64(100) << a(Action::Skip) << qint64(0);
    QTest::newRow("resume-if-smaller, source size unknown")
        << OverwritePolicy::ResumeIfSmaller << qint64(50) << qint64(-1) << a(Action::Skip) << qint64(0);
}

void TestFtpOverwrite::decision()
{
    QFETCH(OverwritePolicy, policy);
    QFETCH(qint64, destination);
    QFETCH(qint64, source);
    QFETCH(int, action);
    QFETCH(qint64, offset);
    const OverwriteDecision d = decideOverwrite(policy, destination, source);
    QCOMPARE(static_cast<int>(d.action), action);
    QCOMPARE(d.offset, offset);
    // A skip always says why, in words.
    QCOMPARE(d.action == Action::Skip, !d.reason.isEmpty());
}

void TestFtpOverwrite::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    QTest::newRow("extension") << QStringLiteral("report.pdf") << 2 << QStringLiteral("report (2).pdf");
    QTest::newRow("double extension") << QStringLiteral("archive.tar.gz") << 3 << QStringLiteral("archive (3).tar.gz");
    QTest::newRow("no extension") << QStringLiteral("README") << 2 << QStringLiteral("README (2)");
    QTest::newRow("dot file") << QStringLiteral(".profile") << 2 << QStringLiteral(".profile (2)");
    QTest::newRow("non-ASCII") << QStringLiteral("Grüße aus Köln.txt") << 12
                               << QStringLiteral("Grüße aus Köln (12).txt");
}

void TestFtpOverwrite::names()
{
    QFETCH(QString, name);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QCOMPARE(numberedName(name, n), expected);
}

void TestFtpOverwrite::policyNames()
{
    for (const OverwritePolicy p : { OverwritePolicy::Overwrite, OverwritePolicy::Skip,
             OverwritePolicy::ResumeIfSmaller, OverwritePolicy::Rename, OverwritePolicy::Ask }) {
        OverwritePolicy parsed = OverwritePolicy::Overwrite;
        QVERIFY(parseOverwritePolicy(overwritePolicyName(p), &parsed));
        QCOMPARE(parsed, p);
    }
    OverwritePolicy unchanged = OverwritePolicy::Skip;
    QVERIFY(!parseOverwritePolicy(QStringLiteral("clobber"), &unchanged));
    QCOMPARE(unchanged, OverwritePolicy::Skip);
}

QTEST_GUILESS_MAIN(TestFtpOverwrite)
#include "tst_ftp_overwrite.moc"
