#include "protocols/core/BuildInfo.h"
#include "ui/MainWindow.h"
#include "ui/common/Translations.h"

#include <QApplication>
#include <QIcon>

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

    Satchel::Ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
