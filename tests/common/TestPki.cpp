#include "tests/common/TestPki.h"

#include <QFile>
#include <QHostAddress>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace Satchel::Test {

namespace {

struct PkeyFree {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct X509Free {
    void operator()(X509 *x) const { X509_free(x); }
};
struct BioFree {
    void operator()(BIO *b) const { BIO_free(b); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Cert = std::unique_ptr<X509, X509Free>;

Pkey newKey()
{
    return Pkey(EVP_EC_gen("P-256"));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

QByteArray keyPem(EVP_PKEY *key)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

QByteArray certPem(X509 *cert)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioBytes(bio.get());
}

void addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

// Builds and signs a certificate. `issuer`/`issuerKey` null: self-signed.
Cert makeCertificate(EVP_PKEY *key, const QByteArray &commonName, const QStringList &names, bool isCa, X509 *issuer,
                     EVP_PKEY *issuerKey, int fromDays, int toDays)
{
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), static_cast<long>(fromDays) * 86400);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(toDays) * 86400);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Satchel Session Test"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(commonName.constData()),
                               -1, -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    if (isCa) {
        addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExtension(cert.get(), signer, NID_basic_constraints, "CA:FALSE");
        addExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
        QStringList sans;
        for (const QString &n : names) {
            sans << (QHostAddress(n).isNull() ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + n;
        }
        if (!sans.isEmpty()) {
            addExtension(cert.get(), signer, NID_subject_alt_name, sans.join(QLatin1Char(',')).toLatin1());
        }
    }
    addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
    X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256());
    return cert;
}

TestCertificate toTestCertificate(X509 *cert, EVP_PKEY *key)
{
    TestCertificate result;
    result.certificatePem = certPem(cert);
    result.certificate = QSslCertificate(result.certificatePem, QSsl::Pem);
    result.key = QSslKey(keyPem(key), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    return result;
}

} // namespace

TestPki::TestPki()
{
    Pkey key = newKey();
    Cert cert = makeCertificate(key.get(), "Satchel Session Test CA", {}, true, nullptr, nullptr, -1, 30);
    m_ca = toTestCertificate(cert.get(), key.get());
}

TestCertificate TestPki::issue(const QStringList &names, int fromDays, int toDays) const
{
    const QByteArray caDer = m_ca.certificate.toDer();
    const auto *cursor = reinterpret_cast<const unsigned char *>(caDer.constData());
    Cert caCert(d2i_X509(nullptr, &cursor, caDer.size()));
    const QByteArray caKeyPem = m_ca.key.toPem();
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(caKeyPem.constData(), static_cast<int>(caKeyPem.size())));
    Pkey caKey(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));

    Pkey key = newKey();
    Cert cert = makeCertificate(key.get(), names.value(0, QStringLiteral("server")).toUtf8(), names, false, caCert.get(),
                                caKey.get(), fromDays, toDays);
    return toTestCertificate(cert.get(), key.get());
}

TestCertificate TestPki::selfSigned(const QStringList &names)
{
    Pkey key = newKey();
    Cert cert = makeCertificate(key.get(), names.value(0, QStringLiteral("server")).toUtf8(), names, false, nullptr,
                                nullptr, -1, 30);
    return toTestCertificate(cert.get(), key.get());
}

bool TestPki::writeCa(const QString &path) const
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(m_ca.certificatePem) == m_ca.certificatePem.size();
}

} // namespace Satchel::Test
