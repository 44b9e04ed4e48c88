#include "layoutvalues.h"

namespace shm::layout {

namespace {

// Why [from, from + length) could not be read, or nothing when it could.
Text faultOver(const MemoryAccess &memory, const MemoryAccess::ReadReport &report,
               std::uint64_t from, std::uint64_t length)
{
    for (const PageRun &run : report.notRead) {
        const bool overlaps = run.offset < from + length && from < run.offset + run.length;
        if (!overlaps)
            continue;
        if (run.state == PageState::Unreadable)
            return report.firstFault
                ? faultText(*report.firstFault, memory.isHugeTlb())
                : Text(QT_TRANSLATE_NOOP("shm", "the page could not be read."));
        if (run.state == PageState::MaybeSwapped || run.state == PageState::Unknown)
            return Text(QT_TRANSLATE_NOOP("shm", "the page was not read (not in memory)."));
    }
    return {};
}

LeafReading reading(const Leaf &leaf, const std::byte *bytes, Text unreadable)
{
    LeafReading r;
    if (!unreadable.empty()) {
        r.unreadable = std::move(unreadable);
        return r;
    }
    auto value = readLeaf(leaf, bytes, static_cast<std::size_t>(leaf.size));
    if (value)
        r.value = std::move(value.value());
    else
        r.unreadable = value.error().text;
    return r;
}

} // namespace

std::vector<LeafReading> readLeaves(const MemoryAccess &memory, const std::vector<Leaf> &leaves,
                                    std::uint64_t offset, std::uint64_t size,
                                    MemoryAccess::Reach reach)
{
    constexpr std::uint64_t OneCopy = 16u << 20;
    std::vector<LeafReading> readings;
    readings.reserve(leaves.size());
    if (size <= OneCopy) {
        std::vector<std::byte> whole(static_cast<std::size_t>(size));
        const auto report = memory.read(offset, whole.data(), size, reach);
        for (const Leaf &leaf : leaves) {
            const bool inside = leaf.offset >= offset && leaf.offset - offset <= size
                && leaf.size <= size - (leaf.offset - offset);
            if (!inside) { // not a leaf of this span: refused, never read past the copy
                readings.push_back(
                    reading(leaf, nullptr,
                            Text(QT_TRANSLATE_NOOP("shm", "%1 lies outside the type."),
                                 {value(leaf.path)})));
                continue;
            }
            readings.push_back(reading(leaf, whole.data() + (leaf.offset - offset),
                                       faultOver(memory, report, leaf.offset, leaf.size)));
        }
        return readings;
    }
    // A large array costs no more memory than its largest leaf.
    std::vector<std::byte> own;
    for (const Leaf &leaf : leaves) {
        own.resize(static_cast<std::size_t>(leaf.size));
        const auto report = memory.read(leaf.offset, own.data(), leaf.size, reach);
        readings.push_back(
            reading(leaf, own.data(), faultOver(memory, report, leaf.offset, leaf.size)));
    }
    return readings;
}

} // namespace shm::layout
