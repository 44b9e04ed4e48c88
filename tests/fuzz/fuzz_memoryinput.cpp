// libFuzzer target: the inputs of the memory engine's new parts. The first byte picks:
//  0: a scan value typed for any type (core/valuescan.h): an accepted value, printed back by
//     formatScanValue, parses to the same bits (NaN is refused); stored and loaded in either
//     byte order it stays the same; a refusal is bad input with a sentence;
//  1: a --watch interval (core/watchcommand.h): accepted means 1 ms to one hour;
//  2: two buffers compared by compareSources (core/rangediff.h) as live memory: the ranges are
//     sorted, disjoint, not touching, and say exactly which bytes differ; a size mismatch is
//     refused.

#include "core/rangediff.h"
#include "core/valuescan.h"
#include "core/watchcommand.h"
#include "fuzzcheck.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using fuzzcheck::check;
using fuzzcheck::checkError;

void scanValue(FuzzedDataProvider &input)
{
    const auto type = shm::ScanType(
        input.ConsumeIntegralInRange<int>(0, int(shm::ScanType::ScanTypeCount) - 1));
    const std::string text = input.ConsumeRemainingBytesAsString();
    const auto bits = shm::parseScanValue(type, text);
    checkError(bits);
    if (!bits)
        return;
    const unsigned width = shm::scanTypeWidth(type);
    check(width == 8 || (*bits >> (8 * width)) == 0, "the bits fit the type's width");
    const std::string printed = shm::formatScanValue(type, *bits);
    const auto again = shm::parseScanValue(type, printed);
    check(again.ok(), "a printed value parses");
    check(*again == *bits, "a printed value parses to the same bits");
    for (const auto order : {shm::ScanOrder::Little, shm::ScanOrder::Big}) {
        const shm::ScanFormat format{type, order, 0};
        std::byte bytes[8] = {};
        shm::storeScanValue(format, *bits, bytes);
        check(shm::loadScanValue(format, bytes) == *bits, "store then load gives the value");
    }
}

void watchInterval(FuzzedDataProvider &input)
{
    const auto interval = shm::parseWatchInterval(input.ConsumeRemainingBytesAsString());
    checkError(interval);
    if (interval)
        check(interval->count() >= 1 && interval->count() <= 3600000,
              "an accepted interval is 1 ms to one hour");
}

void compareBuffers(FuzzedDataProvider &input)
{
    const bool sameSize = input.ConsumeBool();
    const std::size_t maxRanges = input.ConsumeIntegralInRange<std::size_t>(1, 64);
    std::vector<std::uint8_t> a = input.ConsumeBytes<std::uint8_t>(
        input.ConsumeIntegralInRange<std::size_t>(0, 4096));
    std::vector<std::uint8_t> b = input.ConsumeRemainingBytes<std::uint8_t>();
    if (sameSize)
        b.resize(a.size());
    const shm::MemoryAccess left(reinterpret_cast<const std::byte *>(a.data()), a.size());
    const shm::MemoryAccess right(reinterpret_cast<const std::byte *>(b.data()), b.size());
    const auto result = shm::compareSources(shm::DiffSource::fromMemory(left),
                                            shm::DiffSource::fromMemory(right), {}, maxRanges);
    if (a.size() != b.size()) {
        check(!result.ok() && result.error().kind == shm::ErrorKind::BadInput,
              "sizes that differ are refused as bad input");
        return;
    }
    check(result.ok(), "equal sizes compare");
    std::uint64_t differing = 0;
    std::vector<shm::ByteRange> expected;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i])
            continue;
        ++differing;
        if (!expected.empty() && expected.back().offset + expected.back().length == i)
            ++expected.back().length;
        else
            expected.push_back({i, 1});
    }
    check(result->size == a.size(), "the size is the inputs'");
    check(result->changedBytes == differing, "every differing byte is counted");
    check(result->rangesCut == (expected.size() > maxRanges), "the list is cut only past the limit");
    if (expected.size() > maxRanges)
        expected.resize(maxRanges);
    check(result->ranges == expected, "the ranges are the runs of differing bytes");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzedDataProvider input(data, size);
    switch (input.ConsumeIntegralInRange(0, 2)) {
    case 0:
        scanValue(input);
        break;
    case 1:
        watchInterval(input);
        break;
    default:
        compareBuffers(input);
        break;
    }
    return 0;
}
