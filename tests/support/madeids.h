#pragma once

// The System V objects a test made (semaphore sets, queues), removed by its cleanup().

#include "core/result.h"

#include <QtGlobal>
#include <vector>

namespace shmtest {

class MadeIds
{
public:
    using Remove = void (*)(int id);
    explicit MadeIds(Remove remove) : m_remove(remove) {}
    ~MadeIds() { removeAll(); }
    MadeIds(const MadeIds &) = delete;
    MadeIds &operator=(const MadeIds &) = delete;

    // The id made, kept for removal; -1 (with the error as a warning) when it was refused.
    int keep(const shm::Result<int> &made)
    {
        if (!made) {
            qWarning("%s", made.error().describe().c_str());
            return -1;
        }
        m_ids.push_back(*made);
        return *made;
    }
    // An id made otherwise (by a dialog), kept for removal.
    void adopt(int id) { m_ids.push_back(id); }
    void removeAll()
    {
        for (int id : m_ids)
            m_remove(id);
        m_ids.clear();
    }

private:
    Remove m_remove;
    std::vector<int> m_ids;
};

} // namespace shmtest
