// libFuzzer target: a hostile /proc/sysvipc/shm (and /proc/PID/maps) shown by the browser.
// The input holds a filter text, a sort column, two listings and a maps text. Both listings
// are parsed and merged in turn into SegmentTableModel under QAbstractItemModelTester (fatal on
// any model-contract breach); every cell is read in every role through the sort/filter proxy;
// the details panel shows each row and the attachers. Properties: no crash, no sanitizer or
// model-tester report, and after each merge the model holds exactly the parsed listing.

#include "core/attachers.h"
#include "fuzzcheck.h"
#include "core/segmentlist.h"
#include "ui/browser/segmentdetailswidget.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"

#include "fuzzapp.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <QAbstractItemModelTester>
#include <QApplication>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using fuzzcheck::check;

struct Browser
{
    SegmentTableModel model;
    QAbstractItemModelTester modelTester{&model,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal};
    SegmentFilterProxy proxy;
    QAbstractItemModelTester proxyTester{&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal};
    SegmentDetailsWidget details{&model};

    Browser()
    {
        model.setHighlightDuration(0);
        proxy.setSourceModel(&model);
    }
};

void readEverything(const QAbstractItemModel &model)
{
    const int roles[] = {Qt::DisplayRole, Qt::ToolTipRole, Qt::BackgroundRole,
                         Qt::ForegroundRole, Qt::TextAlignmentRole, Qt::FontRole,
                         SegmentTableModel::SortRole, SegmentTableModel::ShmidRole,
                         SegmentTableModel::SearchTextRole, SegmentTableModel::HighlightedRole};
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            for (int role : roles)
                (void)model.data(index, role);
        }
    }
    for (int column = 0; column < model.columnCount(); ++column)
        (void)model.headerData(column, Qt::Horizontal, Qt::DisplayRole);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzedDataProvider input(data, size);
    const int sortColumn = input.ConsumeIntegralInRange(-1, int(SegmentTableModel::ColumnCount));
    const bool descending = input.ConsumeBool();
    const std::string filter = input.ConsumeRandomLengthString(64);
    const std::string first = input.ConsumeRandomLengthString(8192);
    const std::string second = input.ConsumeRandomLengthString(8192);
    const std::string maps = input.ConsumeRemainingBytesAsString();

    // One browser for the whole run (its name caches stay warm: a passwd lookup per uid per
    // input would dominate), emptied before each input.
    static Browser browser;
    browser.model.merge({});
    browser.details.setSegment(std::nullopt);
    browser.proxy.setFilterText(QString::fromUtf8(filter.data(), qsizetype(filter.size())));
    browser.proxy.sort(sortColumn, descending ? Qt::DescendingOrder : Qt::AscendingOrder);

    for (const std::string *text : {&first, &second}) {
        const auto listing = shm::parseProcSysvipcShm(*text);
        browser.model.merge(listing);
        check(browser.model.segments() == listing, "the model holds exactly the listing");
        readEverything(browser.proxy);
        for (int row = 0; row < browser.model.rowCount(); ++row)
            browser.details.setSegment(browser.model.segmentAt(row));
    }
    // A second merge of the same listing changes nothing.
    const auto last = shm::parseProcSysvipcShm(second);
    const auto stats = browser.model.merge(last);
    check(stats.total() == 0, "merging the same listing again changes nothing");

    std::vector<shm::Attacher> attachers;
    for (const auto &mapping : shm::parseMaps(maps)) {
        shm::Attacher a;
        a.pid = 1;
        a.start = mapping.start;
        a.end = mapping.end;
        a.writable = mapping.writable;
        a.shmid = mapping.shmid;
        a.key = mapping.key;
        a.command = maps.substr(0, 80);
        attachers.push_back(a);
    }
    browser.details.setAttachers(attachers);
    browser.details.setSegment(std::nullopt);
    return 0;
}
