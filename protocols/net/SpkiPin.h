#pragma once

#include <QSslCertificate>
#include <QString>

namespace Satchel::Net {

// A key pin: "sha256/" + base64 of the SHA-256 of the certificate's DER-encoded
// SubjectPublicKeyInfo (the form of RFC 7469 §2.4). Pinning the key rather than the
// certificate survives a renewal that keeps the key.
class SpkiPin
{
public:
    static SpkiPin of(const QSslCertificate &certificate);
    // Accepts "sha256/BASE64" (44 base64 characters for 32 bytes); invalid otherwise.
    static SpkiPin parse(const QString &text);

    bool isValid() const { return m_digest.size() == 32; }
    QString toString() const;
    QByteArray digest() const { return m_digest; }

    friend bool operator==(const SpkiPin &a, const SpkiPin &b) { return a.m_digest == b.m_digest; }

private:
    QByteArray m_digest;
};

} // namespace Satchel::Net
