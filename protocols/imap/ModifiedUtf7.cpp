#include "protocols/imap/ModifiedUtf7.h"

#include <array>

namespace Satchel::Imap {

namespace {

// RFC 3501 §5.1.3: the base64 alphabet of RFC 2045 with "," in place of "/".
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

constexpr std::array<signed char, 256> makeDecodeTable()
{
    std::array<signed char, 256> table {};
    for (auto &entry : table) {
        entry = -1;
    }
    for (int i = 0; i < 64; ++i) {
        table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
    }
    return table;
}

constexpr std::array<signed char, 256> kDecode = makeDecodeTable();

constexpr bool isPrintableAscii(char16_t c)
{
    return c >= 0x20 && c <= 0x7e;
}

// Appends base64 of UTF-16 code units as they come; the bit buffer never holds
// more than 5 + 16 bits.
class Base64Run
{
public:
    explicit Base64Run(QByteArray &out)
        : m_out(out)
    { }

    void add(char16_t unit)
    {
        if (!m_open) {
            m_out.append('&');
            m_open = true;
        }
        m_bits = (m_bits << 16) | unit;
        m_count += 16;
        while (m_count >= 6) {
            m_count -= 6;
            m_out.append(kAlphabet[(m_bits >> m_count) & 0x3f]);
        }
        m_bits &= (1u << m_count) - 1;
    }

    void finish()
    {
        if (!m_open) {
            return;
        }
        if (m_count > 0) {
            m_out.append(kAlphabet[(m_bits << (6 - m_count)) & 0x3f]);
        }
        m_out.append('-');
        m_open = false;
        m_bits = 0;
        m_count = 0;
    }

private:
    QByteArray &m_out;
    quint32 m_bits = 0;
    int m_count = 0;
    bool m_open = false;
};

} // namespace

QByteArray encodeMailboxName(const QString &name)
{
    QByteArray out;
    out.reserve(name.size() + 8);
    Base64Run run(out);
    const qsizetype size = name.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = name.at(i).unicode();
        if (isPrintableAscii(c)) {
            run.finish();
            out.append(static_cast<char>(c));
            if (c == u'&') {
                out.append('-');
            }
        } else if (QChar::isHighSurrogate(c) && i + 1 < size && name.at(i + 1).isLowSurrogate()) {
            run.add(c);
            run.add(name.at(++i).unicode());
        } else if (QChar::isSurrogate(c)) {
            run.add(QChar::ReplacementCharacter);
        } else {
            run.add(c);
        }
    }
    run.finish();
    return out;
}

std::optional<QString> decodeMailboxName(QByteArrayView wire)
{
    QString out;
    out.reserve(wire.size());
    const qsizetype size = wire.size();
    qsizetype i = 0;
    while (i < size) {
        // Copy the plain stretch up to the next "&" in one go.
        const qsizetype start = i;
        while (i < size && wire[i] != '&') {
            if (!isPrintableAscii(static_cast<unsigned char>(wire[i]))) {
                return std::nullopt;
            }
            ++i;
        }
        out.append(QLatin1StringView(wire.sliced(start, i - start)));
        if (i == size) {
            break;
        }
        ++i; // the "&"
        if (i < size && wire[i] == '-') {
            out.append(u'&');
            ++i;
            continue;
        }
        quint32 bits = 0;
        int count = 0;
        char16_t high = 0; // a high surrogate waiting for its low half
        for (;;) {
            if (i == size) {
                return std::nullopt; // "&" run never closed
            }
            const auto c = static_cast<unsigned char>(wire[i++]);
            if (c == '-') {
                break;
            }
            const int value = kDecode[c];
            if (value < 0) {
                return std::nullopt;
            }
            bits = (bits << 6) | static_cast<quint32>(value);
            count += 6;
            if (count < 16) {
                continue;
            }
            count -= 16;
            const auto unit = static_cast<char16_t>(bits >> count);
            bits &= (1u << count) - 1;
            if (high != 0) {
                if (!QChar::isLowSurrogate(unit)) {
                    return std::nullopt;
                }
                out.append(QChar(high));
                out.append(QChar(unit));
                high = 0;
            } else if (QChar::isHighSurrogate(unit)) {
                high = unit;
            } else if (QChar::isLowSurrogate(unit)) {
                return std::nullopt;
            } else {
                out.append(QChar(unit));
            }
        }
        // Six or more bits left means half a code unit (an odd byte count or a
        // truncated run); set padding bits would give one name two spellings.
        if (high != 0 || count >= 6 || bits != 0) {
            return std::nullopt;
        }
    }
    return out;
}

} // namespace Satchel::Imap
