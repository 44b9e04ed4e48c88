// shmscope-test-asuser-widgets: the core steps of asuserhelper.h, and steps on the browser and
// the memory view, built in this process (its own, spawned by the test: no fork of a Qt
// process). Offscreen; QStandardPaths in test mode. A shmid may be written @ here too.
//
//     browser refresh | select ID | remove ID | mode ID OCTAL | open ID ro|rw
//     browser perms ID | owner ID      ok: the cell of the table; refused "not listed"
//     browser buttons                  ok: the buttons of the last message box, "|" between
//     browser accept-read-only         clicks its "Open Read-Only"; ok: the view's access
//     browser matches-kernel           shmtest::tableMatchesKernel
//     view open ID ro|rw               a MemoryView on a new attachment, live ticks paused
//     view editable on|off | access    ok: "read-only" or "read-write"
//     view type OFFSET KEYS            keys typed at OFFSET
//     view bytes OFFSET COUNT          what the view's source holds, in hex
//     view selected OFFSET COUNT       after a refresh, the selected bytes, in hex
//     source open ID ro|rw | reattach ro|rw | state
//     semaphores setval ID INDEX VALUE | remove ID | mode ID OCTAL    the semaphore tab's actions
//     queues peek ID                   ok: the messages pane's sentence; refused when it says
//                                      the peek failed (its sentence)
//     queues send ID TYPE HEX | receive ID TYPE | mode ID OCTAL | maxbytes ID N | remove ID
// A refused browser or queues step's text is the window's or the queue tab's last message; a
// refused view or source step's, the error it gave.

#include "asuserhelper.h"
#include "support/browsercheck.h"

#include "ui/browser/mainwindow.h"
#include "ui/browser/queuebrowser.h"
#include "ui/browser/segmenttablemodel.h"
#include "ui/browser/semaphorebrowser.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/memorywindow.h"

#include "core/attachment.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shmtest::asuser;

namespace {

shm::Access accessOf(const std::string &word)
{
    return word == "rw" ? shm::Access::ReadWrite : shm::Access::ReadOnly;
}

std::string accessText(bool readOnly)
{
    return readOnly ? "read-only" : "read-write";
}

// ok when the call succeeded, else refused with its error.
Report outcome(const shm::Result<void> &result)
{
    return result ? ok() : refused(result.error());
}

// "view|source open ID ro|rw": a new attachment, handed to make.
template<typename Make> std::optional<Report> openStep(const Words &w, const Make &make)
{
    const auto id = w.size() == 4 ? number(w[2]) : std::nullopt;
    if (!id)
        return std::nullopt;
    auto attached = shm::Attachment::attach(*id, accessOf(w[3]));
    if (!attached)
        return refused(attached.error());
    make(std::move(attached.value()));
    return ok();
}

class WidgetSteps
{
public:
    std::optional<Report> run(const Words &w)
    {
        if (w.size() < 2)
            return std::nullopt;
        const bool open = w[1] == "open";
        if (w[0] == "browser")
            return browserStep(w);
        if (w[0] == "semaphores")
            return semaphoreStep(w);
        if (w[0] == "view" && open)
            return openStep(w, [&](shm::Attachment attachment) {
                m_view = std::make_unique<MemoryView>(std::move(attachment));
                m_view->hexView()->setLivePaused(true);
            });
        if (w[0] == "view")
            return m_view ? viewStep(w) : refused(std::string("no view open"));
        if (w[0] == "source" && open)
            return openStep(w, [&](shm::Attachment attachment) {
                m_source = std::make_unique<AttachmentByteSource>(std::move(attachment));
            });
        if (w[0] == "source")
            return m_source ? sourceStep(w) : refused(std::string("no source open"));
        if (w[0] == "queues")
            return queuesStep(w);
        return std::nullopt;
    }

private:
    MainWindow &browser()
    {
        if (!m_browser)
            m_browser = std::make_unique<MainWindow>();
        return *m_browser;
    }

    Report lastMessage(bool succeeded)
    {
        return succeeded ? ok() : refused(m_browser->lastMessage().toStdString());
    }

    std::optional<Report> browserStep(const Words &w)
    {
        MainWindow &window = browser();
        const std::string &verb = w[1];
        if (verb == "refresh") {
            window.refresh();
            return ok();
        }
        if (verb == "matches-kernel")
            return shmtest::tableMatchesKernel(window) ? ok() : refused(std::string("differs"));
        if (verb == "buttons" || verb == "accept-read-only") {
            auto *box = window.findChild<QMessageBox *>(QStringLiteral("messageBox"));
            if (!box)
                return refused(std::string("no message box"));
            QStringList texts;
            QAbstractButton *readOnly = nullptr;
            for (QAbstractButton *button : box->buttons()) {
                texts << button->text().remove(QLatin1Char('&'));
                if (texts.back() == QLatin1String("Open Read-Only"))
                    readOnly = button;
            }
            if (verb == "buttons")
                return ok(texts.join(QLatin1Char('|')).toStdString());
            if (!readOnly)
                return refused(std::string("not offered"));
            readOnly->click();
            MemoryWindow *memory = window.findChild<MemoryWindow *>();
            if (!memory)
                return refused(window.lastMessage().toStdString());
            const bool isReadOnly = memory->memoryView()->isReadOnly();
            delete memory;
            return ok(accessText(isReadOnly));
        }
        const auto id = w.size() > 2 ? number(w[2]) : std::nullopt;
        if (!id)
            return std::nullopt;
        if (verb == "select" && w.size() == 3)
            return window.selectSegment(*id) ? ok() : refused(std::string("not listed"));
        if ((verb == "perms" || verb == "owner") && w.size() == 3) {
            const int row = window.model()->rowOfShmid(*id);
            if (row < 0)
                return refused(std::string("not listed"));
            const int column
                = verb == "perms" ? SegmentTableModel::PermsColumn : SegmentTableModel::OwnerColumn;
            return ok(window.model()->index(row, column).data().toString().toStdString());
        }
        if (verb == "remove" && w.size() == 3)
            return lastMessage(window.removeSegments({*id}) == 1);
        if (verb == "mode" && w.size() == 4 && number(w[3], 8))
            return lastMessage(window.changeMode({*id}, unsigned(*number(w[3], 8))) == 1);
        if (verb == "open" && w.size() == 4) {
            for (QMessageBox *old : window.findChildren<QMessageBox *>())
                delete old;
            const auto opened = window.openSegment(*id, accessOf(w[3]));
            for (MemoryWindow *memory : window.findChildren<MemoryWindow *>())
                delete memory;
            Report report = lastMessage(opened.ok());
            if (!opened)
                report.kind = shm::kindName(opened.error().kind);
            return report;
        }
        return std::nullopt;
    }

    std::optional<Report> semaphoreStep(const Words &w)
    {
        SemaphoreBrowser &tab = *browser().semaphores();
        const auto id = w.size() > 2 ? number(w[2]) : std::nullopt;
        if (!id)
            return std::nullopt;
        const auto said = [&tab](bool succeeded) {
            return succeeded ? ok() : refused(tab.lastMessage().toStdString());
        };
        if (w[1] == "setval" && w.size() == 5 && number(w[3]) && number(w[4]))
            return said(tab.setValue(*id, int(*number(w[3])), int(*number(w[4]))));
        if (w[1] == "remove" && w.size() == 3)
            return said(tab.removeSets({*id}) == 1);
        if (w[1] == "mode" && w.size() == 4 && number(w[3], 8))
            return said(tab.changeMode({*id}, unsigned(*number(w[3], 8))) == 1);
        return std::nullopt;
    }

    std::optional<Report> viewStep(const Words &w)
    {
        const std::string &verb = w[1];
        HexView *view = m_view->hexView();
        if (verb == "editable" && w.size() == 3)
            return outcome(m_view->setEditable(w[2] == "on"));
        if (verb == "access")
            return ok(accessText(m_view->isReadOnly()));
        const auto offset = w.size() == 4 ? number(w[2]) : std::nullopt;
        if (!offset)
            return std::nullopt;
        if (verb == "type") {
            view->setFocus();
            view->setCursorOffset(quint64(*offset));
            QTest::keyClicks(view, QString::fromStdString(w[3]));
            return ok();
        }
        const auto count = number(w[3]);
        if (!count || quint64(*offset) + quint64(*count) > view->source()->size())
            return refused(std::string("past the end of the segment"));
        if (verb == "bytes")
            return ok(hex(view->source()->constData() + *offset, std::size_t(*count)));
        if (verb == "selected") {
            view->refreshNow();
            view->setSelection(quint64(*offset), quint64(*count));
            const QByteArray bytes = view->selectedBytes();
            return ok(hex(bytes.constData(), std::size_t(bytes.size())));
        }
        return std::nullopt;
    }

    std::optional<Report> sourceStep(const Words &w)
    {
        const std::string &verb = w[1];
        if (verb == "reattach" && w.size() == 3)
            return outcome(m_source->reattach(accessOf(w[2])));
        if (verb == "state")
            return ok(std::string(m_source->isWritable() ? "writable" : "read-only")
                      + (m_source->attachment().isValid() ? ", attached" : ", detached"));
        return std::nullopt;
    }

    // The queue browser's steps (issue 16).
    std::optional<Report> queuesStep(const Words &w)
    {
        if (!m_queues) {
            m_queues = std::make_unique<QueueBrowser>(&m_queueNames);
            m_queues->setPaused(true);
        }
        QueueBrowser &queues = *m_queues;
        const auto id = w.size() > 2 ? number(w[2]) : std::nullopt;
        if (!id)
            return std::nullopt;
        const std::string &verb = w[1];
        const auto said = [&](bool succeeded) {
            return succeeded ? ok() : refused(queues.lastMessage().toStdString());
        };
        if (verb == "peek" && w.size() == 3) {
            if (!queues.selectQueue(*id))
                return refused(std::string("not listed"));
            queues.peekNow();
            const std::string text = queues.peekText().toStdString();
            return queues.peekText().startsWith(QLatin1String("Cannot")) ? refused(text)
                                                                          : ok(text);
        }
        if (verb == "send" && w.size() == 5 && number(w[3]) && unhex(w[4])) {
            const std::string bytes = *unhex(w[4]);
            return said(queues.sendMessage(*id, *number(w[3]),
                                           QByteArray(bytes.data(), qsizetype(bytes.size()))));
        }
        if (verb == "receive" && w.size() == 4 && number(w[3]))
            return said(queues.receiveMessage(*id, *number(w[3])).has_value());
        if (verb == "mode" && w.size() == 4 && number(w[3], 8))
            return said(queues.changeMode(*id, unsigned(*number(w[3], 8))));
        if (verb == "maxbytes" && w.size() == 4 && number(w[3]))
            return said(queues.changeMaxBytes(*id, std::uint64_t(*number(w[3]))));
        if (verb == "remove" && w.size() == 3)
            return said(queues.removeQueue(*id));
        return std::nullopt;
    }

    std::unique_ptr<MainWindow> m_browser;
    SegmentTableModel m_queueNames; // the queue tab's names, as the window's segment table
    std::unique_ptr<QueueBrowser> m_queues;
    std::unique_ptr<MemoryView> m_view;
    std::unique_ptr<AttachmentByteSource> m_source;
};

} // namespace

int main(int argc, char **argv)
{
    const auto steps = start(argc, argv); // drops privileges before Qt starts
    if (!steps)
        return 1;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    WidgetSteps widgets;
    const int status = runSteps(*steps, [&](const Words &words) { return widgets.run(words); });
    return status;
}
