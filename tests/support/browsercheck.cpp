#include "browsercheck.h"

#include "ui/browser/mainwindow.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"

#include "core/segmentlist.h"

namespace shmtest {

bool tableMatchesKernel(MainWindow &window)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto before = shm::listSegments();
        window.refresh();
        auto after = shm::listSegments();
        if (before && after && *before == *after)
            return window.model()->segments() == *after
                && window.proxy()->rowCount() == int(after->size());
    }
    return false;
}

} // namespace shmtest
