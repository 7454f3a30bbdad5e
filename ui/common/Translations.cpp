#include "ui/common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Satchel::Ui {

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Qt's own strings (standard buttons, context menus) come from Qt's catalogues.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    }

    // Ours are compiled into the binary by qt_add_translations (resource prefix /i18n).
    auto *ownTranslator = new QTranslator(&app);
    if (!ownTranslator->load(locale, QStringLiteral("satchel"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ownTranslator;
        return false;
    }
    QCoreApplication::installTranslator(ownTranslator);
    return true;
}

} // namespace Satchel::Ui
