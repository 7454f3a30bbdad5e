#pragma once

#include <QStringList>

#include <optional>

namespace Satchel::Cli {

// The options of ../shared/CLI.md that come before the protocol word, and what is left.
struct GlobalOptions {
    bool insecurePlain = false;
    QString passwordFile;
    QStringList caFiles;
    QStringList pins;
    int timeoutSeconds = 30;
    bool json = false;
    QString logFile;
    bool quiet = false;
    bool verbose = false;
    bool help = false;
    bool version = false;
    QStringList rest; // protocol word, URL, command, its arguments
};

// nullopt with `error` in words on a usage error.
std::optional<GlobalOptions> parseGlobalOptions(const QStringList &args, QString *error);

// Takes "--name VALUE" (or "--name=VALUE") out of `args`; empty when absent. Sets
// `error` when the option is there without a value.
QString takeOption(QStringList &args, const QString &name, QString *error);
// Takes a bare "--name" flag out of `args`.
bool takeFlag(QStringList &args, const QString &name);

} // namespace Satchel::Cli
