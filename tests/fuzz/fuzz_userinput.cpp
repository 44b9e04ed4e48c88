// libFuzzer target: every parser of text the user types in core/parse.h. The first byte picks
// the parser; parseInteger/parseUnsigned take their bounds from the next bytes. Properties:
//  - an accepted value respects the parser's contract (mode <= 0777, size > 0, shmid >= 0,
//    integers within the bounds asked for, at least one hex byte, no more bytes than digits);
//  - an accepted value printed back in a canonical form parses to the same value;
//  - digits refused by parseUnsigned say "too large" with the limit; parseFloat32 (tried on
//    parseDouble's input) never turns a finite value into inf and accepts what a float holds;
//  - a project id is 1..255 and its number parses back.

#include "core/parse.h"
#include "fuzzcheck.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace {

using fuzzcheck::check;
using fuzzcheck::checkError;

// `again`, a value printed and parsed anew, is accepted and is `value`.
template<typename R, typename T>
void checkRoundTrip(const R &again, const T &value, const char *what)
{
    check(again && *again == value, what);
}

std::string printed(const char *format, auto value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzedDataProvider input(data, size);
    const int which = input.ConsumeIntegralInRange(0, 9);
    std::int64_t low = 0, high = 0;
    std::uint64_t max = 0;
    if (which == 6) {
        low = input.ConsumeIntegral<std::int64_t>();
        high = input.ConsumeIntegral<std::int64_t>();
        if (low > high)
            std::swap(low, high);
    } else if (which == 7) {
        max = input.ConsumeIntegral<std::uint64_t>();
    }
    const std::string text = input.ConsumeRemainingBytesAsString();

    switch (which) {
    case 0: {
        auto key = shm::parseKey(text);
        checkError(key);
        if (key) {
            checkRoundTrip(shm::parseKey(printed("0x%08x", static_cast<std::uint32_t>(*key))), *key,
                           "key round trip (hex)");
            checkRoundTrip(shm::parseKey(printed("%d", static_cast<int>(*key))), *key,
                           "key round trip (signed decimal)");
        }
        break;
    }
    case 1: {
        auto bytes = shm::parseSize(text);
        checkError(bytes);
        if (bytes) {
            check(*bytes > 0, "size > 0");
            checkRoundTrip(shm::parseSize(printed("%" PRIu64, *bytes)), *bytes, "size round trip");
        }
        break;
    }
    case 2: {
        auto mode = shm::parseMode(text);
        checkError(mode);
        if (mode) {
            check(*mode <= 0777, "mode <= 0777");
            checkRoundTrip(shm::parseMode(printed("%04o", *mode)), *mode, "mode round trip");
        }
        break;
    }
    case 3: {
        auto shmid = shm::parseShmid(text);
        checkError(shmid);
        if (shmid) {
            check(*shmid >= 0, "shmid >= 0");
            checkRoundTrip(shm::parseShmid(std::to_string(*shmid)), *shmid, "shmid round trip");
        }
        break;
    }
    case 4: {
        auto offset = shm::parseOffset(text);
        checkError(offset);
        if (offset) {
            checkRoundTrip(shm::parseOffset(printed("0x%" PRIx64, *offset)), *offset,
                           "offset round trip (0x)");
            checkRoundTrip(shm::parseOffset(printed("%" PRIx64 "h", *offset)), *offset,
                           "offset round trip (h)");
            checkRoundTrip(shm::parseOffset(printed("%" PRIu64, *offset)), *offset,
                           "offset round trip (decimal)");
        }
        break;
    }
    case 5: {
        auto bytes = shm::parseHexBytes(text);
        checkError(bytes);
        if (bytes) {
            check(!bytes->empty(), "at least one byte");
            check(bytes->size() * 2 <= text.size(), "two digits per byte");
            std::string hex;
            for (std::byte b : *bytes)
                hex += printed("%02x ", static_cast<unsigned>(b));
            checkRoundTrip(shm::parseHexBytes(hex), *bytes, "hex round trip");
        }
        break;
    }
    case 6: {
        auto value = shm::parseInteger(text, low, high);
        checkError(value);
        if (value) {
            check(*value >= low && *value <= high, "integer within [min, max]");
            checkRoundTrip(shm::parseInteger(std::to_string(*value), low, high), *value,
                           "integer round trip");
        }
        break;
    }
    case 7: {
        auto value = shm::parseUnsigned(text, max);
        checkError(value);
        if (value) {
            check(*value <= max, "unsigned <= max");
            checkRoundTrip(shm::parseUnsigned(std::to_string(*value), max), *value,
                           "unsigned round trip");
        } else if (!text.empty() && text.size() <= 60
                   && text.find_first_not_of("0123456789") == std::string::npos) {
            // Only digits: refused only as too large, and the message gives the limit.
            const std::string english = value.error().english();
            check(english.find("too large") != std::string::npos, "digits refused as too large");
            check(english.find(std::to_string(max)) != std::string::npos, "the limit is named");
        }
        break;
    }
    case 9: {
        auto id = shm::parseProjectId(text);
        checkError(id);
        if (id) {
            check(*id >= 1 && *id <= 255, "a project id is 1..255");
            check(shm::parseProjectId(std::to_string(*id)).ok(), "a project id's number parses");
        }
        break;
    }
    case 8: {
        auto value = shm::parseDouble(text);
        checkError(value);
        if (value && std::isfinite(*value)) {
            checkRoundTrip(shm::parseDouble(printed("%.17g", *value)), *value, "double round trip");
        }
        // The same text as a float32: a finite input never becomes inf, and one a double
        // holds but a float cannot (beyond FLT_MAX's rounding) is refused.
        auto single = shm::parseFloat32(text);
        checkError(single);
        if (single) {
            check(value.ok(), "a float32 is a double too");
            check(std::isinf(*single) == std::isinf(*value), "float32 is inf only for inf");
            check(std::isnan(*single) == std::isnan(*value), "float32 is nan only for nan");
            if (std::isfinite(*single)) {
                checkRoundTrip(shm::parseFloat32(printed("%.9g", static_cast<double>(*single))),
                               *single, "float32 round trip");
            }
        } else if (value && std::isfinite(*value) && std::fabs(*value) < 3.4e38
                   && (*value == 0 || std::fabs(*value) > 1.5e-45)) {
            check(false, "a double within float32's range is a float32");
        }
        break;
    }
    }
    return 0;
}
