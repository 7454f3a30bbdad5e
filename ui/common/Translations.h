#pragma once

#include <QLocale>

class QCoreApplication;

namespace Satchel::Ui {

// Installs Satchel's and Qt's own translations for `locale` on `app`. Returns true
// when a Satchel translation for that language exists (English needs none).
bool installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace Satchel::Ui
