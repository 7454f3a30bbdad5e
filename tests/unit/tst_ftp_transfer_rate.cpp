// The rate and time left shown for a running transfer (TransferRate): steady rates are
// reported as they are, changes are followed smoothly, unknown stays unknown.
#include "protocols/ftp/TransferRate.h"

#include <QTest>

using namespace Satchel::Ftp;

class TestFtpTransferRate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unknownUntilTwoSamples();
    void steadyRate();
    void followsAChangeSmoothly();
    void restartedTransferStartsOver();
};

void TestFtpTransferRate::unknownUntilTwoSamples()
{
    TransferRate rate;
    QCOMPARE(rate.bytesPerSecond(), 0);
    QCOMPARE(rate.secondsLeft(0, 1000), -1);
    rate.sample(0, 0);
    QCOMPARE(rate.bytesPerSecond(), 0);
    rate.sample(500, 0); // no time passed: no rate from it
    QCOMPARE(rate.bytesPerSecond(), 0);
}

void TestFtpTransferRate::steadyRate()
{
    TransferRate rate;
    for (int i = 0; i <= 8; ++i) {
        rate.sample(i * 250'000, i * 250); // 1 MB/s
    }
    QCOMPARE(rate.bytesPerSecond(), 1'000'000);
    QCOMPARE(rate.secondsLeft(2'000'000, 5'000'000), 3);
    QCOMPARE(rate.secondsLeft(2'000'000, -1), -1); // size unknown
    QCOMPARE(rate.secondsLeft(6'000'000, 5'000'000), 0);
}

void TestFtpTransferRate::followsAChangeSmoothly()
{
    TransferRate rate;
    qint64 bytes = 0;
    qint64 msecs = 0;
    rate.sample(bytes, msecs);
    for (int i = 0; i < 8; ++i) {
        bytes += 250'000; // 1 MB/s
        msecs += 250;
        rate.sample(bytes, msecs);
    }
    bytes += 500'000; // one quarter second at 2 MB/s
    msecs += 250;
    rate.sample(bytes, msecs);
    QVERIFY(rate.bytesPerSecond() > 1'000'000);
    QVERIFY(rate.bytesPerSecond() < 2'000'000); // smoothed, not the instant figure
    for (int i = 0; i < 20; ++i) {
        bytes += 500'000;
        msecs += 250;
        rate.sample(bytes, msecs);
    }
    QVERIFY(qAbs(rate.bytesPerSecond() - 2'000'000) < 10'000); // and it gets there
}

void TestFtpTransferRate::restartedTransferStartsOver()
{
    TransferRate rate;
    rate.sample(0, 0);
    rate.sample(1'000'000, 1000);
    QCOMPARE(rate.bytesPerSecond(), 1'000'000);
    rate.sample(0, 1250); // fewer bytes than before: a new attempt
    rate.sample(250'000, 1500);
    QVERIFY(rate.bytesPerSecond() > 0);
    rate.reset();
    QCOMPARE(rate.bytesPerSecond(), 0);
}

QTEST_GUILESS_MAIN(TestFtpTransferRate)
#include "tst_ftp_transfer_rate.moc"
