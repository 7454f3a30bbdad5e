// Internal to the MailController files (MailController.cpp, MailControllerOperations.cpp,
// MailControllerViews.cpp), which together define Satchel::Ui::MailController: what more than
// one of them needs, the \Seen flag (set by Mark as Read and when a message is opened). Include
// it from nowhere else.
#pragma once

#include <QByteArray>

namespace Satchel::Ui {

inline const QByteArray seenFlag = QByteArrayLiteral("\\Seen");

} // namespace Satchel::Ui
