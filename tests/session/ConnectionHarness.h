#pragma once

#include "protocols/net/Connection.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace Satchel::Test {

// A Connection under test plus what it reported: ready/TLS/closed flags, the failure,
// the trust questions, and the lines it read. Waits use QSignalSpy / QTRY_*, never sleeps.
struct ConnectionHarness {
    explicit ConnectionHarness(Net::ConnectionSettings settings)
        : connection(std::make_unique<Net::Connection>(std::move(settings)))
    {
        QObject::connect(connection.get(), &Net::Connection::ready, connection.get(), [this] { isReady = true; });
        QObject::connect(connection.get(), &Net::Connection::tlsEstablished, connection.get(), [this] { tlsUp = true; });
        QObject::connect(connection.get(), &Net::Connection::failed, connection.get(),
                         [this](const Net::NetError &e) { error = e; hasFailed = true; });
        QObject::connect(connection.get(), &Net::Connection::trustQuestion, connection.get(),
                         [this](const Net::TrustQuestion &q) { questions.append(q); });
        QObject::connect(connection.get(), &Net::Connection::readyRead, connection.get(), [this] {
            QByteArray line;
            while (connection->readLine(&line) == Net::Connection::LineStatus::Line) {
                lines.append(line);
            }
        });
    }

    // Waits until the connection is ready, has failed, or asks a question.
    bool waitSettled(int ms = 10000)
    {
        return QTest::qWaitFor([this] { return isReady || hasFailed || !questions.isEmpty(); }, ms);
    }

    std::unique_ptr<Net::Connection> connection;
    bool isReady = false;
    bool tlsUp = false;
    bool hasFailed = false;
    Net::NetError error;
    QList<Net::TrustQuestion> questions;
    QList<QByteArray> lines;
};

} // namespace Satchel::Test
