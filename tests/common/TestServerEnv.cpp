#include "tests/common/TestServerEnv.h"

#include <QDir>
#include <QFile>

namespace Satchel::Test {

std::optional<TestServerEnv> TestServerEnv::load(const QString &server, QString *error)
{
    const QString root = qEnvironmentVariable("SATCHEL_TEST_SERVERS");
    if (root.isEmpty()) {
        *error = QStringLiteral("SATCHEL_TEST_SERVERS is not set: run this test through ctest");
        return std::nullopt;
    }
    QFile file(root + QLatin1Char('/') + server + QStringLiteral("/env"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1 is not running: cannot read %2 (%3)")
                     .arg(server, file.fileName(), file.errorString());
        return std::nullopt;
    }
    TestServerEnv env;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            continue;
        }
        QString value = line.mid(eq + 1);
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"'))) {
            value = value.mid(1, value.size() - 2);
        }
        env.m_values.insert(line.left(eq), value);
    }
    return env;
}

QString TestServerEnv::value(const QString &key) const
{
    return m_values.value(key);
}

quint16 TestServerEnv::port(const QString &key) const
{
    return m_values.value(key).toUShort();
}

QString testOutputDir()
{
    QString dir = qEnvironmentVariable("SATCHEL_TEST_OUTPUT");
    if (dir.isEmpty()) {
        dir = QDir::tempPath() + QStringLiteral("/satchel-test-output");
    }
    QDir().mkpath(dir);
    return dir;
}

} // namespace Satchel::Test
