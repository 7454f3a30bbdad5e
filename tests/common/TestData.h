#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Satchel::Test {

// Small helpers the IMAP tests share: file bytes, messages in IMAP's line ends, and
// looking into the JSON arrays satchel-cli prints.

// A file's bytes; empty when it cannot be read (the comparison that follows fails).
inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A message as IMAP stores and returns it: lines end in CRLF (RFC 9051 §2.2).
inline QByteArray crlf(QByteArray bytes)
{
    if (!bytes.contains("\r\n")) {
        bytes.replace("\n", "\r\n");
    }
    return bytes;
}

// The first record whose `key` equals `value`; empty when there is none.
inline QJsonObject recordWhere(const QJsonArray &records, const QString &key, const QJsonValue &value)
{
    for (const QJsonValue &v : records) {
        if (v.toObject().value(key) == value) {
            return v.toObject();
        }
    }
    return {};
}

// The string `key` of every record, in order.
inline QStringList stringsOf(const QJsonArray &records, const QString &key)
{
    QStringList out;
    for (const QJsonValue &v : records) {
        out.append(v.toObject().value(key).toString());
    }
    return out;
}

} // namespace Satchel::Test
