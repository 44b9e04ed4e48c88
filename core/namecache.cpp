#include "namecache.h"

#include <cerrno>
#include <grp.h>
#include <pwd.h>
#include <vector>

namespace shm {

namespace {

template<typename Entry, typename Lookup>
Entry lookup(unsigned id, Lookup fn)
{
    Entry entry;
    std::vector<char> buffer(4096);
    for (;;) {
        auto [found, err] = fn(id, buffer);
        if (err == ERANGE && buffer.size() < (1u << 20)) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (found) {
            entry.name = found;
            entry.named = true;
        } else {
            entry.name = std::to_string(id);
        }
        return entry;
    }
}

} // namespace

const NameCache::Entry &NameCache::user(uid_t uid)
{
    auto it = m_users.find(uid);
    if (it != m_users.end())
        return it->second;
    Entry entry = lookup<Entry>(uid, [](unsigned id, std::vector<char> &buffer) {
        passwd pw{};
        passwd *result = nullptr;
        int err = getpwuid_r(id, &pw, buffer.data(), buffer.size(), &result);
        return std::pair<const char *, int>(result ? result->pw_name : nullptr, err);
    });
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
    Entry entry = lookup<Entry>(gid, [](unsigned id, std::vector<char> &buffer) {
        group gr{};
        group *result = nullptr;
        int err = getgrgid_r(id, &gr, buffer.data(), buffer.size(), &result);
        return std::pair<const char *, int>(result ? result->gr_name : nullptr, err);
    });
    return m_groups.emplace(gid, std::move(entry)).first->second.name;
}

} // namespace shm
