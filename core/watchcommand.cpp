#include "watchcommand.h"

#include "attachment.h"
#include "parse.h"
#include "segmentinfo.h"
#include "segmentlist.h"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstring>
#include <ctime>
#include <pthread.h>

namespace shm {

namespace {

constexpr std::int64_t MaxIntervalMs = 3600000;
// How often the segment's record is read again (removed? swapped pages?).
constexpr auto StatusPeriod = std::chrono::seconds(1);

std::string english(const WatchTranslator &say, const Text &text)
{
    return say ? say(text) : text.english();
}

void complain(std::FILE *err, const std::string &message)
{
    std::fprintf(err, "shmscope: %s\n", message.c_str());
    std::fflush(err);
}

// SIGINT and SIGTERM blocked on this thread and taken with sigtimedwait, so that a signal ends
// the wait between passes at once and never interrupts a pass.
class QuitSignals
{
public:
    QuitSignals()
    {
        sigemptyset(&m_set);
        sigaddset(&m_set, SIGINT);
        sigaddset(&m_set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &m_set, &m_previous);
    }
    ~QuitSignals() { pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }
    QuitSignals(const QuitSignals &) = delete;
    QuitSignals &operator=(const QuitSignals &) = delete;

    // Waits up to `wait`; true when a quit signal came.
    bool wait(std::chrono::nanoseconds wait) const
    {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(wait);
        timespec timeout{};
        timeout.tv_sec = seconds.count();
        timeout.tv_nsec = long((wait - seconds).count());
        while (true) {
            const int got = sigtimedwait(&m_set, nullptr, &timeout);
            if (got == SIGINT || got == SIGTERM)
                return true;
            if (got < 0 && errno == EINTR)
                continue; // another signal: the rest of the wait is not worth tracking
            return false;
        }
    }
    bool pending() const { return wait(std::chrono::nanoseconds(0)); }

private:
    sigset_t m_set{};
    sigset_t m_previous{};
};

std::string isoTime(SegmentWatcher::WallClock::time_point time)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch());
    const std::time_t seconds = std::time_t(ms.count() / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &local);
    const long zone = local.tm_gmtoff / 60; // minutes east of UTC
    char text[64];
    std::snprintf(text, sizeof text, "%s.%03d%c%02ld:%02ld", date, int(ms.count() % 1000),
                  zone < 0 ? '-' : '+', std::labs(zone) / 60, std::labs(zone) % 60);
    return text;
}

// The segment ended under the watch: gone from the kernel's table, or removed (IPC_RMID) with
// only this watch still attached. The sentence, or empty while it lives.
std::optional<Text> segmentEnded(int shmid, SegmentWatcher &watcher)
{
    const auto info = statSegment(shmid);
    if (!info)
        return Text(QT_TRANSLATE_NOOP("shm", "Segment %1 is gone: %2"),
                    {value(std::int64_t(shmid)), info.error().text});
    watcher.setSwappedBytes(info->swap);
    if (info->isMarkedForDestruction() && info->nattch <= 1)
        return Text(QT_TRANSLATE_NOOP("shm", "Segment %1 was removed (IPC_RMID) and only this "
                                             "watch still held it: the watch ends."),
                    {value(std::int64_t(shmid))});
    return std::nullopt;
}

} // namespace

Result<std::chrono::milliseconds> parseWatchInterval(std::string_view text)
{
    std::int64_t ms = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || ms < 1
        || ms > MaxIntervalMs)
        return inputError("parse interval", std::string(text),
                          Text(QT_TRANSLATE_NOOP("shm", "The interval %1 is not valid: give a "
                                                        "whole number of milliseconds from 1 "
                                                        "to 3600000."),
                               {value(std::string(text))}));
    return std::chrono::milliseconds(ms);
}

std::string watchLine(const SegmentWatcher::Change &change,
                      SegmentWatcher::WallClock::time_point time)
{
    static const char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(change.after.size() * 2);
    for (std::byte b : change.after) {
        hex += digits[std::to_integer<unsigned>(b) >> 4];
        hex += digits[std::to_integer<unsigned>(b) & 15];
    }
    return "{\"time\": \"" + isoTime(time) + "\", \"offset\": " + std::to_string(change.offset)
           + ", \"length\": " + std::to_string(change.length) + ", \"after\": \"" + hex + "\"}";
}

int runWatch(int shmid, std::chrono::milliseconds interval, std::FILE *out, std::FILE *err,
             const WatchTranslator &say)
{
    const QuitSignals quit; // before anything: a signal from now on ends the watch cleanly
    auto attachment = Attachment::attach(shmid, Access::ReadOnly);
    if (!attachment) {
        complain(err, english(say, attachment.error().describeText()));
        return 2;
    }
    SegmentWatcher::Options options;
    options.minInterval = interval;
    SegmentWatcher watcher(MemoryAccess::forAttachment(*attachment), options);
    auto nextStatus = SegmentWatcher::Clock::now();
    while (!quit.pending()) {
        if (SegmentWatcher::Clock::now() >= nextStatus) {
            if (const auto ended = segmentEnded(shmid, watcher)) {
                complain(err, english(say, *ended));
                return 1;
            }
            nextStatus = SegmentWatcher::Clock::now() + StatusPeriod;
        }
        const SegmentWatcher::PassResult result = watcher.pass();
        for (const SegmentWatcher::Change &change : result.changes) {
            const std::string line = watchLine(change, result.time) + '\n';
            if (std::fwrite(line.data(), 1, line.size(), out) != line.size()
                || std::fflush(out) != 0) {
                complain(err, english(say, Text(QT_TRANSLATE_NOOP("shm", "cannot write: %1"),
                                                {errnoPhrase(errno)})));
                return 1;
            }
        }
        using Duration = SegmentWatcher::Clock::duration;
        const Duration untilStatus = nextStatus - SegmentWatcher::Clock::now();
        if (quit.wait(std::max(Duration::zero(), std::min(result.wait, untilStatus))))
            break;
    }
    return 0;
}

std::optional<int> runWatchCommandLine(int argc, char **argv, std::FILE *out, std::FILE *err)
{
    const char *shmid = nullptr;
    const char *interval = nullptr;
    for (int i = 1; i < argc; i += 2) {
        const char **slot = std::strcmp(argv[i], "--watch") == 0        ? &shmid
                            : std::strcmp(argv[i], "--interval") == 0 ? &interval
                                                                      : nullptr;
        if (!slot || *slot || i + 1 >= argc)
            return std::nullopt;
        *slot = argv[i + 1];
    }
    if (!shmid)
        return std::nullopt;
    const auto id = parseShmid(shmid);
    if (!id) {
        complain(err, id.error().english());
        return 2;
    }
    auto period = interval ? parseWatchInterval(interval)
                           : Result<std::chrono::milliseconds>(SegmentWatcherOptions{}.minInterval);
    if (!period) {
        complain(err, period.error().english());
        return 2;
    }
    return runWatch(*id, *period, out, err);
}

} // namespace shm
