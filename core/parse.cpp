#include "parse.h"

#include "textscan.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <system_error>
#include <type_traits>

namespace shm {

namespace {

std::string_view trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
            return false;
    }
    return true;
}

// The input shown back in a message: trimmed, cut to a sane length.
std::string shown(std::string_view text)
{
    std::string s(text.substr(0, 40));
    if (text.size() > 40)
        s += "...";
    return "\"" + s + "\"";
}

// What reading a number found: a value, no number, or a number beyond the type's range.
enum class Scan { Ok, NotANumber, OutOfRange };

// The whole of `text` as a number of type T (integers in `base`): like parseWhole, but tells
// digits that overflow T ("99999999999999999999") from text that is no number at all.
template<typename T>
Scan scanWhole(std::string_view text, T &out, int base = 10)
{
    if (text.empty())
        return Scan::NotANumber;
    const char *end = text.data() + text.size();
    std::from_chars_result result;
    if constexpr (std::is_floating_point_v<T>)
        result = std::from_chars(text.data(), end, out);
    else
        result = std::from_chars(text.data(), end, out, base);
    if (result.ptr != end)
        return Scan::NotANumber;
    if (result.ec == std::errc::result_out_of_range)
        return Scan::OutOfRange;
    return result.ec == std::errc() ? Scan::Ok : Scan::NotANumber;
}

// Unsigned with optional 0x prefix; the digits only (no sign).
Scan scanUnsignedDigits(std::string_view text, std::uint64_t &out)
{
    if (startsWithNoCase(text, "0x"))
        return scanWhole(text.substr(2), out, 16);
    return scanWhole(text, out, 10);
}

} // namespace

Result<key_t> parseKey(std::string_view input)
{
    // `typed` is quoted in messages as the user wrote it, minus sign included.
    const std::string_view typed = trim(input);
    std::string_view text = typed;
    const auto bad = [&](Text why) {
        return inputError("parse key", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The key %1 %2"),
                               {shm::value(shown(typed)), std::move(why)}));
    };
    if (text.empty())
        return inputError("parse key", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The key is empty: give a number such "
                                                        "as 0x1234 or 4660.")));
    bool negative = false;
    if (text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    std::uint64_t value = 0;
    const Scan scan = scanUnsignedDigits(text, value);
    if (scan == Scan::NotANumber)
        return bad(Text(QT_TRANSLATE_NOOP("shm", "is not a number: write hex with 0x (0x1a2b) or decimal (6699).")));
    if (scan == Scan::OutOfRange)
        value = std::numeric_limits<std::uint64_t>::max(); // out of range below, whatever the sign
    if (negative) {
        if (value > 0x80000000ull)
            return bad(Text(QT_TRANSLATE_NOOP("shm", "is out of range: a key is 32 bits (-2147483648 to 4294967295).")));
        return static_cast<key_t>(-static_cast<std::int64_t>(value));
    }
    if (value > 0xffffffffull)
        return bad(Text(QT_TRANSLATE_NOOP("shm", "is out of range: a key is 32 bits (at most 0xffffffff).")));
    return static_cast<key_t>(static_cast<std::uint32_t>(value));
}

Result<std::uint64_t> parseSize(std::string_view input, std::uint64_t unit)
{
    std::string_view text = trim(input);
    const auto bad = [&](Text why) {
        return inputError("parse size", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The size %1 %2"),
                               {shm::value(shown(text)), std::move(why)}));
    };
    if (text.empty())
        return inputError("parse size", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The size is empty: give a number of "
                                                        "bytes, or with a unit (4 KiB).")));
    std::size_t numberEnd = 0;
    while (numberEnd < text.size()
           && (std::isdigit(static_cast<unsigned char>(text[numberEnd])) || text[numberEnd] == '.'))
        ++numberEnd;
    std::string_view number = text.substr(0, numberEnd);
    std::string_view unitName = trim(text.substr(numberEnd));
    std::uint64_t multiplier = unit == 0 ? 1 : unit;
    if (!unitName.empty()) {
        std::string u;
        for (char c : unitName)
            u += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        struct Unit
        {
            const char *name;
            std::uint64_t factor;
        };
        // English and French (octet: o, Kio, Mio...), as humanSize writes them and the New
        // Segment dialog offers them, and the usual short forms.
        static constexpr Unit units[] = {
            {"b", 1},            {"byte", 1},         {"bytes", 1},        {"o", 1},
            {"octet", 1},        {"octets", 1},       {"k", 1ull << 10},   {"kb", 1ull << 10},
            {"kib", 1ull << 10}, {"ko", 1ull << 10},  {"kio", 1ull << 10}, {"m", 1ull << 20},
            {"mb", 1ull << 20},  {"mib", 1ull << 20}, {"mo", 1ull << 20},  {"mio", 1ull << 20},
            {"g", 1ull << 30},   {"gb", 1ull << 30},  {"gib", 1ull << 30}, {"go", 1ull << 30},
            {"gio", 1ull << 30}, {"t", 1ull << 40},   {"tb", 1ull << 40},  {"tib", 1ull << 40},
            {"to", 1ull << 40},  {"tio", 1ull << 40}, {"pib", 1ull << 50}, {"pio", 1ull << 50},
            {"eib", 1ull << 60}, {"eio", 1ull << 60}};
        bool found = false;
        for (const Unit &candidate : units) {
            if (u == candidate.name) {
                multiplier = candidate.factor;
                found = true;
                break;
            }
        }
        if (!found)
            return bad(Text(QT_TRANSLATE_NOOP("shm", "has an unknown unit: use B, KiB, MiB, GiB or TiB (powers of 1024).")));
    }
    if (number.empty())
        return bad(Text(QT_TRANSLATE_NOOP("shm", "is not a number of bytes.")));
    std::uint64_t bytes = 0;
    if (number.find('.') != std::string_view::npos) {
        double value = 0;
        if (!parseWhole(number, value) || !std::isfinite(value))
            return bad(Text(QT_TRANSLATE_NOOP("shm", "is not a number of bytes.")));
        double total = value * static_cast<double>(multiplier);
        if (total >= 18446744073709551616.0)
            return bad(Text(QT_TRANSLATE_NOOP("shm", "is too large.")));
        if (total != std::floor(total))
            return bad(Text(QT_TRANSLATE_NOOP("shm", "is not a whole number of bytes.")));
        bytes = static_cast<std::uint64_t>(total);
    } else {
        std::uint64_t value = 0;
        const Scan scan = scanWhole(number, value);
        if (scan == Scan::NotANumber)
            return bad(Text(QT_TRANSLATE_NOOP("shm", "is not a number of bytes.")));
        if (scan == Scan::OutOfRange || value > std::numeric_limits<std::uint64_t>::max() / multiplier)
            return bad(Text(QT_TRANSLATE_NOOP("shm", "is too large.")));
        bytes = value * multiplier;
    }
    if (bytes == 0)
        return bad(Text(QT_TRANSLATE_NOOP("shm", "is zero: a segment holds at least 1 byte.")));
    return bytes;
}

Result<unsigned> parseMode(std::string_view input)
{
    std::string_view text = trim(input);
    if (startsWithNoCase(text, "0o"))
        text.remove_prefix(2);
    unsigned value = 0;
    if (text.empty() || text.size() > 12 || !parseWhole(text, value, 8))
        return inputError("parse mode", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The mode %1 is not an octal number "
                                                        "such as 0640 (digits 0 to 7)."),
                               {shm::value(shown(text))}));
    if (value > 0777)
        return inputError("parse mode", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The mode %1 is out of range: "
                                                        "permission bits are 0 to 0777; higher "
                                                        "bits would turn into flags."),
                               {shm::value(shown(text))}));
    return value;
}

Result<int> parseShmid(std::string_view input)
{
    std::string_view text = trim(input);
    int value = 0;
    if (!parseWhole(text, value) || value < 0)
        return inputError("parse shmid", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The shmid %1 is not valid: a shmid is "
                                                        "a whole number from 0 to 2147483647."),
                               {shm::value(shown(text))}));
    return value;
}

Result<int> parseProjectId(std::string_view input)
{
    std::string_view text = trim(input);
    if (text.empty())
        return inputError("parse project id", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The project id is empty: give a number "
                                                        "from 1 to 255 or one character.")));
    std::string_view digits = text;
    if (digits.front() == '-' || digits.front() == '+')
        digits.remove_prefix(1);
    const bool number = !digits.empty()
        && digits.find_first_not_of("0123456789") == std::string_view::npos;
    if (number) {
        int value = 0;
        if (parseWhole(digits, value) && text.front() != '-' && value >= 1 && value <= 255)
            return value;
        return inputError("parse project id", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The project id must be from 1 to 255; "
                                                        "%1 is out of range."),
                               {shm::value(std::string(text.substr(0, 40)))}));
    }
    // One character: a byte 1..127, or U+0080..U+00FF in UTF-8 (two bytes, C2 or C3 first).
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    if (text.size() == 1 && byte(0) >= 1 && byte(0) < 0x80)
        return byte(0);
    if (text.size() == 2 && (byte(0) == 0xc2 || byte(0) == 0xc3) && (byte(1) & 0xc0) == 0x80)
        return ((byte(0) & 0x1f) << 6) | (byte(1) & 0x3f);
    return inputError("parse project id", std::string(input),
                      Text(QT_TRANSLATE_NOOP("shm", "The project id must be a number from 1 to "
                                                    "255 or one character; \"%1\" is neither."),
                           {shm::value(std::string(text.substr(0, 40)))}));
}

Result<std::uint64_t> parseOffset(std::string_view input)
{
    std::string_view text = trim(input);
    std::uint64_t value = 0;
    Scan scan = Scan::NotANumber;
    if (!text.empty() && (text.back() == 'h' || text.back() == 'H'))
        scan = scanWhole(text.substr(0, text.size() - 1), value, 16);
    else
        scan = scanUnsignedDigits(text, value);
    if (scan == Scan::OutOfRange)
        return inputError("parse offset", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The offset %1 is too large: an offset "
                                                        "is at most %2 (64 bits)."),
                               {shm::value(shown(text)), shm::value("0xffffffffffffffff")}));
    if (scan != Scan::Ok)
        return inputError("parse offset", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The offset %1 is not a number: write "
                                                        "hex with 0x (0x1f0) or decimal (496)."),
                               {shm::value(shown(text))}));
    return value;
}

Result<std::vector<std::byte>> parseHexBytes(std::string_view input)
{
    std::vector<std::byte> bytes;
    std::string_view text = input;
    const auto isSeparator = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':' || c == ',' || c == '-';
    };
    const auto hexValue = [](char c) { return hexDigitValue(static_cast<unsigned char>(c)); };
    std::size_t i = 0;
    while (i < text.size()) {
        if (isSeparator(text[i])) {
            ++i;
            continue;
        }
        // An optional 0x in front of a group.
        if (text[i] == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
            i += 2;
            if (i >= text.size() || hexValue(text[i]) < 0)
                return inputError("parse hex", std::string(input.substr(0, 40)),
                                  Text(QT_TRANSLATE_NOOP("shm", "\"0x\" must be followed by "
                                                                "hex digits.")));
        }
        std::size_t groupStart = i;
        while (i < text.size() && hexValue(text[i]) >= 0)
            ++i;
        std::size_t digits = i - groupStart;
        if (digits == 0)
            return inputError("parse hex", std::string(input.substr(0, 40)),
                              Text(QT_TRANSLATE_NOOP("shm", "The character '%1' at position %2 "
                                                            "is not a hex digit (0-9, a-f) or a "
                                                            "separator."),
                                   {shm::value(std::string(1, text[i])), shm::value(std::to_string(i + 1))}));
        if (digits % 2 != 0)
            return inputError("parse hex", std::string(input.substr(0, 40)),
                              Text(QT_TRANSLATE_NOOP("shm", "An odd number of hex digits ends at "
                                                            "position %1: each byte takes two "
                                                            "digits."),
                                   {shm::value(std::to_string(i))}));
        for (std::size_t j = groupStart; j < i; j += 2)
            bytes.push_back(static_cast<std::byte>(hexValue(text[j]) * 16 + hexValue(text[j + 1])));
    }
    if (bytes.empty())
        return inputError("parse hex", std::string(input.substr(0, 40)),
                          Text(QT_TRANSLATE_NOOP("shm", "No bytes given: write hex digits such "
                                                        "as \"de ad be ef\".")));
    return bytes;
}

Result<std::int64_t> parseInteger(std::string_view input, std::int64_t min, std::int64_t max)
{
    std::string_view text = trim(input);
    bool negative = !text.empty() && text.front() == '-';
    if (negative || (!text.empty() && text.front() == '+'))
        text.remove_prefix(1);
    std::uint64_t magnitude = 0;
    const auto range = [&] {
        return inputError("parse integer", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The value %1 is out of range: it must "
                                                        "be from %2 to %3."),
                               {shm::value(shown(trim(input))), shm::value(std::to_string(min)),
                                shm::value(std::to_string(max))}));
    };
    const Scan scan = scanUnsignedDigits(text, magnitude);
    if (scan == Scan::OutOfRange)
        return range();
    if (scan != Scan::Ok)
        return inputError("parse integer", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The value %1 is not a whole number."),
                               {shm::value(shown(trim(input)))}));
    std::int64_t value = 0;
    if (negative) {
        if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1)
            return range();
        // -magnitude without overflow for INT64_MIN.
        value = magnitude == 0 ? 0 : -static_cast<std::int64_t>(magnitude - 1) - 1;
    } else {
        if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return range();
        value = static_cast<std::int64_t>(magnitude);
    }
    // Both bounds for both signs: a negative max or a positive min is a valid range too.
    if (value < min || value > max)
        return range();
    return value;
}

Result<std::uint64_t> parseUnsigned(std::string_view input, std::uint64_t max)
{
    std::string_view text = trim(input);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    std::uint64_t value = 0;
    const Scan scan = scanUnsignedDigits(text, value);
    if (scan == Scan::NotANumber)
        return inputError("parse integer", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The value %1 is not a whole number from "
                                                        "0 up."),
                               {shm::value(shown(trim(input)))}));
    // Digits beyond 64 bits are a number too large, as is one above max.
    if (scan == Scan::OutOfRange || value > max)
        return inputError("parse integer", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The value %1 is too large: at most %2."),
                               {shm::value(shown(trim(input))), shm::value(std::to_string(max))}));
    return value;
}

namespace {

// A float32 or float64 ("1.5", "-2e10", "inf", "nan", a leading '+'): parsed straight into T,
// so a float32 is rounded once. A finite value beyond T's range (overflow, or a nonzero value
// that would round to 0) is refused with the range, never turned into inf or 0.
template<typename T>
Result<T> parseFloating(std::string_view input, const char *typeName)
{
    std::string_view text = trim(input);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    T value = 0;
    const Scan scan = scanWhole(text, value);
    if (scan == Scan::OutOfRange) {
        char largest[32];
        char smallest[32];
        const auto endLargest = std::to_chars(largest, largest + sizeof largest,
                                              std::numeric_limits<T>::max());
        const auto endSmallest = std::to_chars(smallest, smallest + sizeof smallest,
                                               std::numeric_limits<T>::denorm_min());
        return inputError("parse number", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The value %1 is out of range for a %2: "
                                                        "its magnitude must be at most %3, and a "
                                                        "nonzero one at least %4; inf and nan are "
                                                        "allowed."),
                               {shm::value(shown(trim(input))), shm::value(typeName),
                                shm::value(std::string(largest, endLargest.ptr)),
                                shm::value(std::string(smallest, endSmallest.ptr))}));
    }
    if (scan != Scan::Ok)
        return inputError("parse number", std::string(input),
                          Text(QT_TRANSLATE_NOOP("shm", "The value %1 is not a number such as "
                                                        "1.5, -2e10, inf or nan."),
                               {shm::value(shown(trim(input)))}));
    return value;
}

} // namespace

Result<double> parseDouble(std::string_view input)
{
    return parseFloating<double>(input, "float64");
}

Result<float> parseFloat32(std::string_view input)
{
    return parseFloating<float>(input, "float32");
}

} // namespace shm
