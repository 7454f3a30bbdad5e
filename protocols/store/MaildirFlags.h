#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

namespace Satchel::Store {

// The IMAP flags (RFC 9051 §2.3.2) a Maildir file name carries in its info part
// ":2,LETTERS" (https://cr.yp.to/proto/maildir.html): D \Draft, F \Flagged,
// R \Answered, S \Seen, T \Deleted. Other letters (P "passed", keyword letters) have
// no system flag and are left out; so is an info of another version than 2. The result
// is in letter order. fileName is a bare name; a directory part is ignored.
QList<QByteArray> flagsFromMaildirInfo(QStringView fileName);
// fileName with its info replaced by ":2," and the letters of `flags` (matched without
// regard to case, RFC 9051 §9), plus every letter of the old ":2," info that stands for
// no system flag, in ASCII order as the spec asks. Flags without a letter are dropped.
QString withMaildirFlags(QStringView fileName, const QList<QByteArray> &flags);

// The unique name is everything before the info: writers encode ':' in the host part
// (as \072), so the first ':' starts the info.
QStringView uniquePart(QStringView fileName);

// Whether `flags` holds `flag`, in any case (RFC 9051 §9).
bool containsFlag(const QList<QByteArray> &flags, QByteArrayView flag);
// Whether a and b hold the same flags, in any order and case.
bool sameFlags(const QList<QByteArray> &a, const QList<QByteArray> &b);

} // namespace Satchel::Store
