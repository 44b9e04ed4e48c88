#pragma once

// User and group names, looked up once per distinct id.

#include <optional>
#include <string>
#include <sys/types.h>
#include <unordered_map>

namespace shm {

class NameCache
{
public:
    // The user name, or the number as text when the uid has no name.
    const std::string &userName(uid_t uid);
    const std::string &groupName(gid_t gid);
    // Whether the id has a name (false: userName returned the number).
    bool hasUserName(uid_t uid);

private:
    struct Entry
    {
        std::string name;
        bool named = false;
    };
    const Entry &user(uid_t uid);
    std::unordered_map<uid_t, Entry> m_users;
    std::unordered_map<gid_t, Entry> m_groups;
};

// The id of the user or group with this name (getpwnam_r, getgrnam_r), nullopt if none.
std::optional<uid_t> userIdNamed(const std::string &name);
std::optional<gid_t> groupIdNamed(const std::string &name);

} // namespace shm
