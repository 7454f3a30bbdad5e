#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

namespace Satchel::Test {

struct TestCertificate {
    QSslCertificate certificate;
    QSslKey key;
    QByteArray certificatePem;
};

// Certificates made by the tests themselves (OpenSSL, EC P-256, in memory): a CA,
// leaves it signs, self-signed ones, and ones outside their validity.
class TestPki
{
public:
    TestPki(); // makes a fresh CA ("Satchel Session Test CA")

    const TestCertificate &ca() const { return m_ca; }

    // A server certificate signed by this CA for `names` ("127.0.0.1" becomes an IP SAN,
    // anything else a DNS SAN), valid from now + fromDays to now + toDays.
    TestCertificate issue(const QStringList &names, int fromDays = -1, int toDays = 30) const;
    // A self-signed server certificate for `names`.
    static TestCertificate selfSigned(const QStringList &names);

    // Writes the CA certificate to `path` (PEM); false on error.
    bool writeCa(const QString &path) const;

private:
    TestCertificate m_ca;
};

} // namespace Satchel::Test
