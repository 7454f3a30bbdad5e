#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace Satchel::Test {

// The env file a tests/servers script wrote for one running server (KEY=VALUE lines),
// found through SATCHEL_TEST_SERVERS, which CTest sets. A missing file means the
// server did not start: tests FAIL on that, they never skip.
class TestServerEnv
{
public:
    static std::optional<TestServerEnv> load(const QString &server, QString *error);

    QString value(const QString &key) const;
    quint16 port(const QString &key) const;

private:
    QHash<QString, QString> m_values;
};

// Where tests write artefacts (screenshots): SATCHEL_TEST_OUTPUT, created on demand.
QString testOutputDir();

} // namespace Satchel::Test
