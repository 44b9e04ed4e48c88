#include "browsercheck.h"

#include "ui/browser/mainwindow.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"

#include "core/segmentlist.h"

namespace shmtest {

bool tableMatchesKernel(MainWindow &window)
{
    // Another test may create and remove a segment between the two listings: the refresh then
    // saw one that neither listing has. Only a table that differs every time is a failure.
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto before = shm::listSegments();
        window.refresh();
        auto after = shm::listSegments();
        if (before && after && *before == *after && window.model()->segments() == *after
            && window.proxy()->rowCount() == int(after->size()))
            return true;
    }
    return false;
}

} // namespace shmtest
