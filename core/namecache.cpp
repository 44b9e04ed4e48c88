#include "namecache.h"

#include <cerrno>
#include <grp.h>
#include <pwd.h>
#include <vector>

namespace shm {

namespace {

// Runs a *_r lookup, growing its buffer while it says ERANGE. fn(buffer) returns the found
// record's field (a name or an id), or nullopt, and the error.
template<typename T, typename Lookup>
std::optional<T> withBuffer(Lookup fn)
{
    std::vector<char> buffer(4096);
    for (;;) {
        auto [found, err] = fn(buffer);
        if (err == ERANGE && buffer.size() < (1u << 20)) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        return found;
    }
}

template<typename Entry>
Entry entryOf(unsigned id, const std::optional<std::string> &name)
{
    Entry entry;
    entry.named = name.has_value();
    entry.name = name ? *name : std::to_string(id);
    return entry;
}

using Found = std::pair<std::optional<std::string>, int>;

} // namespace

const NameCache::Entry &NameCache::user(uid_t uid)
{
    auto it = m_users.find(uid);
    if (it != m_users.end())
        return it->second;
    Entry entry = entryOf<Entry>(uid, withBuffer<std::string>([uid](std::vector<char> &buffer) {
        passwd pw{};
        passwd *result = nullptr;
        int err = getpwuid_r(uid, &pw, buffer.data(), buffer.size(), &result);
        return Found(result ? std::optional<std::string>(result->pw_name) : std::nullopt, err);
    }));
    return m_users.emplace(uid, std::move(entry)).first->second;
}

const std::string &NameCache::userName(uid_t uid)
{
    return user(uid).name;
}

bool NameCache::hasUserName(uid_t uid)
{
    return user(uid).named;
}

const std::string &NameCache::groupName(gid_t gid)
{
    auto it = m_groups.find(gid);
    if (it != m_groups.end())
        return it->second.name;
    Entry entry = entryOf<Entry>(gid, withBuffer<std::string>([gid](std::vector<char> &buffer) {
        group gr{};
        group *result = nullptr;
        int err = getgrgid_r(gid, &gr, buffer.data(), buffer.size(), &result);
        return Found(result ? std::optional<std::string>(result->gr_name) : std::nullopt, err);
    }));
    return m_groups.emplace(gid, std::move(entry)).first->second.name;
}

std::optional<uid_t> userIdNamed(const std::string &name)
{
    return withBuffer<uid_t>([&name](std::vector<char> &buffer) {
        passwd pw{};
        passwd *result = nullptr;
        int err = getpwnam_r(name.c_str(), &pw, buffer.data(), buffer.size(), &result);
        return std::pair(result ? std::optional<uid_t>(result->pw_uid) : std::nullopt, err);
    });
}

std::optional<gid_t> groupIdNamed(const std::string &name)
{
    return withBuffer<gid_t>([&name](std::vector<char> &buffer) {
        group gr{};
        group *result = nullptr;
        int err = getgrnam_r(name.c_str(), &gr, buffer.data(), buffer.size(), &result);
        return std::pair(result ? std::optional<gid_t>(result->gr_gid) : std::nullopt, err);
    });
}

} // namespace shm
