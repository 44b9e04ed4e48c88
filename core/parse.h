#pragma once

// Parsers for text the user types. Each returns a value or an Error whose message says what
// was expected. None of them throws or crashes, whatever the input.

#include "result.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shm {

// "0x1a2b", "0X1A2B", "6699", "-1": hex with 0x, else decimal; range of a 32-bit key
// (-2147483648..4294967295; values above INT32_MAX wrap like ipcs shows them).
Result<key_t> parseKey(std::string_view text);

// "4096", "4 KiB", "4k", "1.5M", "2 GiB", "10 MB"(=MiB), and in French "4 Kio", "2 Go",
// "7 o": bytes, > 0, whole (a fraction of a byte is refused). Units are powers of 1024 (B/o,
// K/KiB/Kio, M/MiB/Mio, G/GiB/Gio, T/TiB/Tio, case-insensitive). A number without a unit is
// counted in `unit` bytes ("1.5" with unit 1024 is 1536 bytes).
Result<std::uint64_t> parseSize(std::string_view text, std::uint64_t unit = 1);

// "640", "0640", "0o640": octal, 0..0777 only.
Result<unsigned> parseMode(std::string_view text);

// A shmid: decimal 0..INT_MAX.
Result<int> parseShmid(std::string_view text);

// An ftok project id: "65" (decimal 1..255) or one character ("A", "é": its code, 1..255).
Result<int> parseProjectId(std::string_view text);

// An offset: "0x1f0" hex, "496" decimal, also "1f0h"; 64-bit.
Result<std::uint64_t> parseOffset(std::string_view text);

// "de ad be ef", "DEADBEEF", "de:ad", "0xde 0xad": an even count of hex digits; separators
// (space, tab, newline, ':', ',', '-') between whole bytes only. Empty input is an error.
Result<std::vector<std::byte>> parseHexBytes(std::string_view text);

// The value of one hex digit (0-9, a-f, A-F), or -1 for any other character.
constexpr int hexDigitValue(char32_t c)
{
    if (c >= '0' && c <= '9')
        return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f')
        return static_cast<int>(c - 'a') + 10;
    if (c >= 'A' && c <= 'F')
        return static_cast<int>(c - 'A') + 10;
    return -1;
}

// An unsigned or signed decimal (or 0x hex) integer within [min, max].
Result<std::int64_t> parseInteger(std::string_view text, std::int64_t min, std::int64_t max);
Result<std::uint64_t> parseUnsigned(std::string_view text, std::uint64_t max);

// A finite or non-finite double ("1.5", "-2e10", "inf", "nan"). A finite value beyond a
// double's range ("1e400") is refused with the range.
Result<double> parseDouble(std::string_view text);

// The same for a float32: parsed straight into a float (rounded once). A finite value beyond
// its range ("3.5e38", which a cast from double would make +inf, or "1e-50", which would
// become 0) is refused with the range (at most 3.40282e+38); inf and nan are allowed.
Result<float> parseFloat32(std::string_view text);

} // namespace shm
