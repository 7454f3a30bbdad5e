// libFuzzer target for the MIME parse path: GMime's parser under our bounds, the walk
// of the part tree, charset conversion, flowed text, attachment names, the HTML
// sanitiser and every part's decoded content. Beyond "no crash, no sanitizer report":
// every attachment's save name is a single safe path component, and every listed part
// can be fetched.
#include "protocols/mime/AttachmentName.h"
#include "protocols/mime/HtmlSanitizer.h"
#include "protocols/mime/ParsedMessage.h"
#include "protocols/mime/PlainText.h"

#include <cstdint>

using namespace Satchel::Mime;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    const auto message = ParsedMessage::parse(raw, &error);
    if (!message) {
        if (error.isEmpty()) {
            __builtin_trap(); // a failure always says why
        }
        return 0;
    }
    for (const PartInfo &part : message->parts()) {
        const QString &name = part.saveName;
        if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) || name == QLatin1String("..")
            || name.startsWith(QLatin1Char('.')) || name.toUtf8().size() > 200) {
            __builtin_trap();
        }
        (void)message->partContent(part.path);
    }
    if (const auto html = message->htmlBody()) {
        (void)sanitizeHtml(html->text);
    }
    if (const auto plain = message->plainBody()) {
        (void)plainTextToHtml(plain->text);
        (void)decodeFlowed(plain->text, true);
    }
    return 0;
}
