#include "protocols/core/BuildInfo.h"
#include "ui/MainWindow.h"
#include "ui/mail/MessageReader.h"
#include "ui/common/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Satchel"));
    QApplication::setApplicationName(QStringLiteral("satchel"));
    QApplication::setApplicationDisplayName(QStringLiteral("Satchel"));
    QApplication::setApplicationVersion(Satchel::BuildInfo::satchelVersion());
    QApplication::setDesktopFileName(QStringLiteral("org.satchel.Satchel"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/satchel.svg")));

    Satchel::Ui::installTranslations(app, QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Mail and FTP client"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("message.eml"), QStringLiteral("Open a saved message in a reader window."));
    parser.process(app);

    // `satchel message.eml`: the message in a reader window of its own.
    if (!parser.positionalArguments().isEmpty()) {
        const QString path = parser.positionalArguments().constFirst();
        QFile file(path);
        QString error;
        Satchel::Ui::MessageReader reader;
        if (!file.open(QIODevice::ReadOnly)) {
            error = QApplication::translate("main", "Cannot open %1: %2").arg(path, file.errorString());
        } else if (reader.showMessage(file.readAll(), &error)) {
            reader.setWindowTitle(QFileInfo(path).fileName());
            reader.resize(900, 700);
            reader.show();
            return QApplication::exec();
        }
        QMessageBox::critical(nullptr, QStringLiteral("Satchel"), error);
        return 1;
    }

    Satchel::Ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
