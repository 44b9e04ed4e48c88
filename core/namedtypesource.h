#pragma once

// What the TypeSources of C headers (clanglayout.cpp) and of debug info (dwarflayout.cpp)
// share: the types known by name, each with the source's own `Entry` to build it from, their
// summaries, and the lookup by name or bare tag.

#include "layout.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace shm::layout {

template<typename Entry> class NamedTypeSource : public TypeSource
{
public:
    std::vector<TypeSummary> types() const override { return m_summaries; }

    // The exact name, else the bare tag ("record" for "struct record") when one tag alone has it.
    Result<TypePtr> type(std::string_view name) const override
    {
        const std::string wanted(name);
        auto found = m_named.find(wanted);
        if (found == m_named.end()) {
            int matches = 0;
            for (const char *prefix : {"struct ", "union ", "enum "}) {
                const auto tagged = m_named.find(prefix + wanted);
                if (tagged != m_named.end()) {
                    found = tagged;
                    ++matches;
                }
            }
            if (matches != 1)
                return unknownTypeError(name, m_summaries, m_path);
        }
        return build(found->first, found->second);
    }

protected:
    explicit NamedTypeSource(std::string path)
        : m_path(std::move(path))
    {
    }

    // The type `name`, from its entry.
    virtual Result<TypePtr> build(const std::string &name, const Entry &entry) const = 0;

    // The error for the type `typeName` that cannot be laid out, and why.
    Error layOutError(const std::string &typeName, const std::string &problem) const
    {
        return layout::layOutError(m_path, typeName, problem);
    }

    std::string m_path; // the file, as given
    std::map<std::string, Entry> m_named;
    std::vector<TypeSummary> m_summaries; // sorted by name once indexed
};

} // namespace shm::layout
