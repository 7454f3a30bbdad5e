#include "protocols/net/SpkiPin.h"

#include <QCryptographicHash>

#include <openssl/x509.h>

#include <memory>

namespace Satchel::Net {

namespace {
struct X509Free {
    void operator()(X509 *x) const { X509_free(x); }
};
} // namespace

SpkiPin SpkiPin::of(const QSslCertificate &certificate)
{
    SpkiPin pin;
    const QByteArray der = certificate.toDer();
    const auto *cursor = reinterpret_cast<const unsigned char *>(der.constData());
    std::unique_ptr<X509, X509Free> x509(d2i_X509(nullptr, &cursor, der.size()));
    if (!x509) {
        return pin;
    }
    // i2d_X509_PUBKEY writes exactly the SubjectPublicKeyInfo SEQUENCE.
    X509_PUBKEY *spki = X509_get_X509_PUBKEY(x509.get());
    const int length = i2d_X509_PUBKEY(spki, nullptr);
    if (length <= 0) {
        return pin;
    }
    QByteArray spkiDer(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(spkiDer.data());
    if (i2d_X509_PUBKEY(spki, &out) != length) {
        return pin;
    }
    pin.m_digest = QCryptographicHash::hash(spkiDer, QCryptographicHash::Sha256);
    return pin;
}

SpkiPin SpkiPin::parse(const QString &text)
{
    SpkiPin pin;
    static const QLatin1String prefix("sha256/");
    if (!text.startsWith(prefix) || text.size() != prefix.size() + 44) {
        return pin;
    }
    const auto decoded = QByteArray::fromBase64Encoding(text.mid(prefix.size()).toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (decoded && decoded.decoded.size() == 32) {
        pin.m_digest = decoded.decoded;
    }
    return pin;
}

QString SpkiPin::toString() const
{
    return QStringLiteral("sha256/") + QString::fromLatin1(m_digest.toBase64());
}

} // namespace Satchel::Net
