#include "protocols/net/CertificateTrust.h"

#include <QAtomicInteger>

namespace Satchel::Net {

quint64 TrustQuestion::nextId()
{
    static QAtomicInteger<quint64> counter(0);
    return ++counter;
}

namespace {

QString reasonInWords(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
        return QStringLiteral("it is self-signed");
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return QStringLiteral("its issuer is not a trusted authority");
    case QSslError::HostNameMismatch:
        return QStringLiteral("it is not valid for this host name");
    case QSslError::CertificateExpired:
        return QStringLiteral("it has expired");
    case QSslError::CertificateNotYetValid:
        return QStringLiteral("it is not valid yet");
    case QSslError::CertificateRevoked:
        return QStringLiteral("it has been revoked");
    default:
        return error.errorString();
    }
}

QString joined(const QStringList &parts)
{
    return parts.join(QStringLiteral(" ")).trimmed();
}

} // namespace

TrustVerdict evaluateTrust(const QString &host, quint16 port, const QList<QSslCertificate> &chain,
                           const QList<QSslError> &errors, const QList<SpkiPin> &pins)
{
    TrustVerdict verdict;
    const QSslCertificate leaf = chain.value(0);
    const SpkiPin presented = SpkiPin::of(leaf);

    if (!pins.isEmpty()) {
        if (presented.isValid() && pins.contains(presented)) {
            verdict.outcome = TrustVerdict::Outcome::Trusted;
        } else {
            verdict.outcome = TrustVerdict::Outcome::PinMismatch;
            verdict.pinMismatchMessage =
                QStringLiteral("the key of %1:%2 is not the one you trusted (pinned %3, presented %4); "
                               "someone may be intercepting the connection")
                    .arg(host)
                    .arg(port)
                    .arg(pins.constFirst().toString(), presented.isValid() ? presented.toString() : QStringLiteral("none"));
        }
        return verdict;
    }
    if (errors.isEmpty()) {
        verdict.outcome = TrustVerdict::Outcome::Trusted;
        return verdict;
    }

    verdict.outcome = TrustVerdict::Outcome::AskPerson;
    TrustQuestion &q = verdict.question;
    q.id = TrustQuestion::nextId();
    q.host = host;
    q.port = port;
    q.subject = joined(leaf.subjectInfo(QSslCertificate::CommonName) + leaf.subjectInfo(QSslCertificate::Organization));
    q.issuer = joined(leaf.issuerInfo(QSslCertificate::CommonName) + leaf.issuerInfo(QSslCertificate::Organization));
    const auto alternatives = leaf.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        q.names.append(it.value());
    }
    if (q.names.isEmpty()) {
        q.names = leaf.subjectInfo(QSslCertificate::CommonName);
    }
    q.notBefore = leaf.effectiveDate();
    q.notAfter = leaf.expiryDate();
    q.sha256Fingerprint = QString::fromLatin1(leaf.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    q.pin = presented.toString();
    for (const QSslError &error : errors) {
        const QString reason = reasonInWords(error);
        if (!q.reasons.contains(reason)) {
            q.reasons.append(reason);
        }
    }
    return verdict;
}

QString untrustedMessage(const TrustQuestion &question)
{
    return QStringLiteral("certificate for %1 is not trusted (%2; issuer: %3); use --pin %4 to trust this key")
        .arg(question.host, question.reasons.join(QStringLiteral(", ")),
             question.issuer.isEmpty() ? QStringLiteral("unknown") : question.issuer, question.pin);
}

} // namespace Satchel::Net
