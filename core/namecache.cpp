#include "namecache.h"

#include <cerrno>
#include <grp.h>
#include <pwd.h>
#include <type_traits>
#include <vector>

namespace shm {

namespace {

// One getpw*_r / getgr*_r lookup of `key` (an id or a name), growing the buffer while it says
// ERANGE: the found record's `field` (its name, copied out of the buffer, or its id), or nullopt.
template<typename Record, typename Key, typename Field,
         typename Value = std::conditional_t<std::is_same_v<Field, char *>, std::string, Field>>
std::optional<Value> lookup(int (*call)(Key, Record *, char *, std::size_t, Record **), Key key,
                            Field Record::*field)
{
    std::vector<char> buffer(4096);
    for (;;) {
        Record record{};
        Record *result = nullptr;
        const int err = call(key, &record, buffer.data(), buffer.size(), &result);
        if (err == ERANGE && buffer.size() < (1u << 20)) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (!result)
            return std::nullopt;
        return Value(result->*field);
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

} // namespace

const NameCache::Entry &NameCache::user(uid_t uid)
{
    auto it = m_users.find(uid);
    if (it != m_users.end())
        return it->second;
    Entry entry = entryOf<Entry>(uid, lookup(getpwuid_r, uid, &passwd::pw_name));
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
    Entry entry = entryOf<Entry>(gid, lookup(getgrgid_r, gid, &group::gr_name));
    return m_groups.emplace(gid, std::move(entry)).first->second.name;
}

std::optional<uid_t> userIdNamed(const std::string &name)
{
    return lookup(getpwnam_r, name.c_str(), &passwd::pw_uid);
}

std::optional<gid_t> groupIdNamed(const std::string &name)
{
    return lookup(getgrnam_r, name.c_str(), &group::gr_gid);
}

} // namespace shm
