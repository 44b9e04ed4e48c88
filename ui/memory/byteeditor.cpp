#include "ui/memory/byteeditor.h"

#include "ui/common/errortext.h"
#include "ui/common/plural.h"

#include "ui/memory/bytesource.h"
#include "ui/memory/memorytask.h"
#include "ui/memory/hexundo.h"

#include <QFile>
#include <QUndoStack>

#include <algorithm>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

shm::Error refusal(const char *what, const QString &input, const QString &sentence)
{
    return shm::inputError(what, input.toStdString(), shm::value(sentence.toStdString()));
}

namespace {

shm::Error editError(quint64 offset, const QString &sentence)
{
    return refusal("write", QStringLiteral("offset 0x%1").arg(offset, 0, 16), sentence);
}

} // namespace

ByteEditor::ByteEditor(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::indexChanged, this, &ByteEditor::onIndexChanged);
}

ByteEditor::~ByteEditor() = default;

void ByteEditor::setSource(ByteSource *source)
{
    m_source = source;
    m_undoStack->clear();
    m_typingRunOpen = false;
    m_index = m_undoStack->index();
}

bool ByteEditor::undo()
{
    return undoOrRedo(true);
}

bool ByteEditor::redo()
{
    return undoOrRedo(false);
}

bool ByteEditor::undoOrRedo(bool isUndo)
{
    if (isUndo ? !m_undoStack->canUndo() : !m_undoStack->canRedo())
        return false;
    const int index = m_undoStack->index() - (isUndo ? 1 : 0);
    auto *step =
        dynamic_cast<WriteBytesCommand *>(const_cast<QUndoCommand *>(m_undoStack->command(index)));
    if (step) {
        if (const auto refused = step->refusal(isUndo)) {
            emit message(*refused);
            return false;
        }
    }
    endTypingRun();
    if (isUndo)
        m_undoStack->undo();
    else
        m_undoStack->redo();
    return !step || step->lastApplied();
}

void ByteEditor::onIndexChanged(int index)
{
    const int previous = std::exchange(m_index, index);
    if (m_restoring || (index != previous - 1 && index != previous + 1))
        return;
    // One step undone (index fell by one) or redone (rose by one) that refused: the stack
    // moved anyway; move it back without writing.
    const bool undone = index < previous;
    auto *step = dynamic_cast<WriteBytesCommand *>(
        const_cast<QUndoCommand *>(m_undoStack->command(undone ? index : previous)));
    if (!step || !step->takeRefusal())
        return;
    m_restoring = true;
    step->skipNextApply();
    if (undone)
        m_undoStack->redo();
    else
        m_undoStack->undo();
    m_restoring = false;
    m_index = m_undoStack->index();
}

shm::Error ByteEditor::readOnlyError()
{
    return refusal("write", QString(),
                   tr("This view is read-only: switch editing on (Ctrl+E) to change bytes."));
}

shm::Error ByteEditor::rangeError(quint64 offset, quint64 count, quint64 size)
{
    const quint64 room = offset < size ? size - offset : 0;
    return editError(offset, tr("%L1 bytes do not fit at 0x%2:", nullptr, plural::count(count))
                                     .arg(count)
                                     .arg(offset, 0, 16)
                                 + QLatin1Char(' ')
                                 + tr("only %L1 bytes fit before the end of the segment; "
                                      "nothing was written.",
                                      nullptr, plural::count(room))
                                       .arg(room));
}

shm::Result<void> ByteEditor::check(quint64 offset, quint64 count, bool undoable) const
{
    if (!m_source)
        return readOnlyError();
    if (auto allowed = m_source->checkWrite(offset, count); !allowed)
        return allowed;
    if (undoable && count > MaxUndoableBytes)
        return editError(offset, tr("Change at most %1 MiB at a time: undo keeps a copy of the "
                                    "bytes an edit replaces.")
                                     .arg(MaxUndoableBytes >> 20));
    return {};
}

shm::Result<void> ByteEditor::write(quint64 offset, const QByteArray &bytes,
                                    const QString &undoText)
{
    if (auto allowed = check(offset, quint64(bytes.size())); !allowed)
        return allowed;
    if (bytes.isEmpty())
        return {};
    endTypingRun();
    return push(offset, bytes, undoText, -1);
}

shm::Result<void> ByteEditor::fill(quint64 offset, quint64 count, quint8 value)
{
    if (auto allowed = check(offset, count); !allowed)
        return allowed;
    endTypingRun();
    return push(offset, QByteArray(qsizetype(count), char(value)),
                tr("Fill %L1 bytes with 0x%2", nullptr, plural::count(count))
                    .arg(count)
                    .arg(value, 2, 16, QLatin1Char('0')),
                -1);
}

shm::Result<void> ByteEditor::type(quint64 offset, quint8 value)
{
    if (auto allowed = check(offset, 1); !allowed)
        return allowed;
    if (!m_typingRunOpen) {
        ++m_typingRun;
        m_typingRunOpen = true;
    }
    return push(offset, QByteArray(1, char(value)), tr("Typing"), m_typingRun);
}

namespace {

constexpr qint64 FileChunk = qint64(4) << 20;

// Reads from `file` into `into` until it holds `upTo` bytes or the file ends; false on a read
// error. A pipe or a device gives what it has: the loop asks again.
// Cancel, when `progress` says so, ends the loop early (true, short).
bool readUpTo(QFile &file, QByteArray &into, quint64 upTo, TaskProgress *progress)
{
    while (quint64(into.size()) < upTo) {
        if (progress && progress->isCancelled())
            return true;
        const qsizetype at = into.size();
        const qint64 want = qint64(std::min<quint64>(quint64(FileChunk), upTo - quint64(at)));
        into.resize(at + qsizetype(want));
        const qint64 got = file.read(into.data() + at, want);
        into.resize(at + qsizetype(std::max<qint64>(got, 0)));
        if (got < 0)
            return false;
        if (got == 0)
            return true;
        if (progress)
            progress->advance(quint64(got));
    }
    return true;
}

// A FIFO opened for reading waits for a writer, maybe for ever: opened without waiting, it is
// polled until a writer has come (Linux reports no hang-up before the first one), checking
// for Cancel. The descriptor, back in blocking mode, or -1 when cancelled or not openable.
int openFifoCancellably(const QString &path, const TaskProgress &progress)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    while (!progress.isCancelled()) {
        pollfd ready{fd, POLLIN, 0};
        if (::poll(&ready, 1, 100) > 0 && ready.revents != 0) {
            if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0)
                ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
            return fd;
        }
    }
    ::close(fd);
    return -1;
}

bool isFifo(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
}

} // namespace

shm::Result<ByteEditor::FileWrite> ByteEditor::writeFile(quint64 offset, const QString &path,
                                                         const QString &undoText)
{
    endTypingRun();
    return finishFile(offset, readFile(m_source, offset, path), undoText);
}

ByteEditor::FileRead ByteEditor::readFile(ByteSource *source, quint64 offset, const QString &path,
                                          TaskProgress *progress)
{
    FileRead read;
    QFile file(path);
    const auto readError = [&](quint64 written) {
        QString sentence = tr("Cannot read %1: %2").arg(path, file.errorString());
        if (written > 0)
            sentence += QLatin1Char(' ')
                        + tr("%L1 bytes were written before the error; they cannot be undone.",
                             nullptr, plural::count(written))
                              .arg(written);
        return refusal("read", path, sentence);
    };
    const auto failed = [&](shm::Error error) {
        read.error = std::move(error);
        return read;
    };
    if (!source)
        return failed(readOnlyError());
    constexpr auto mode = QIODevice::ReadOnly | QIODevice::Unbuffered;
    if (progress && isFifo(path)) {
        const int fd = openFifoCancellably(path, *progress);
        if (fd < 0 && progress->isCancelled())
            return read;
        if (fd < 0 || !file.open(fd, mode, QFileDevice::AutoCloseHandle)) {
            if (fd >= 0)
                ::close(fd);
            return failed(readError(0));
        }
    } else if (!file.open(mode)) {
        return failed(readError(0));
    }
    // /proc files say 0 bytes and pipes and devices say nothing: their size is unknown.
    const bool knownSize = !file.isSequential() && file.size() > 0;
    const quint64 size = source->size();
    const quint64 room = offset < size ? size - offset : 0;
    const quint64 limit = knownSize ? quint64(file.size()) : room;
    if (auto allowed = source->checkWrite(offset, knownSize ? limit : std::min<quint64>(room, 1));
        !allowed)
        return failed(allowed.error());
    if (!knownSize && room == 0)
        return failed(rangeError(offset, 1, size));
    if (progress)
        progress->setTotal(limit);
    const auto cancelled = [progress] { return progress && progress->isCancelled(); };
    // What one undo step can keep is read first: the whole source when it ends within it. A
    // file known to be larger is streamed from the start.
    const quint64 undoLimit =
        knownSize && limit > MaxUndoableBytes ? 0 : std::min(limit, MaxUndoableBytes);
    QByteArray head;
    if (!readUpTo(file, head, undoLimit, progress))
        return failed(readError(0));
    QByteArray next;
    if (quint64(head.size()) == undoLimit && undoLimit < limit && !cancelled()
        && !readUpTo(file, next, std::min<quint64>(quint64(FileChunk), limit - undoLimit),
                     progress))
        return failed(readError(0));
    if (cancelled())
        return read;
    // Whether a source of unknown size had more than fits (one byte more is read to know).
    const auto hasMore = [&](quint64 written) {
        char byte;
        return !knownSize && written == limit && file.read(&byte, 1) == 1;
    };
    if (next.isEmpty()) {
        read.sourceHasMore = hasMore(quint64(head.size()));
        read.head = std::move(head);
        return read;
    }
    // Beyond what undo keeps: written as it is read, chunk by chunk, not undoable.
    const auto put = [&](const QByteArray &chunk) {
        const auto written = source->write(
            offset + read.streamed, reinterpret_cast<const std::byte *>(chunk.constData()),
            quint64(chunk.size()));
        if (written)
            read.streamed += quint64(chunk.size());
        return written;
    };
    if (auto written = put(head); !written)
        return failed(written.error());
    head = QByteArray();
    while (!next.isEmpty()) {
        if (auto written = put(next); !written)
            return failed(written.error());
        next.clear();
        if (read.streamed < limit && !cancelled()
            && !readUpTo(file, next,
                         std::min<quint64>(quint64(FileChunk), limit - read.streamed), progress))
            return failed(readError(read.streamed));
    }
    read.sourceHasMore = !cancelled() && hasMore(read.streamed);
    return read;
}

shm::Result<ByteEditor::FileWrite> ByteEditor::finishFile(quint64 offset, const FileRead &read,
                                                          const QString &undoText)
{
    if (read.error)
        return *read.error;
    if (read.streamed > 0)
        return FileWrite{read.streamed, read.sourceHasMore, false};
    if (!read.head.isEmpty()) {
        if (auto allowed = check(offset, quint64(read.head.size())); !allowed)
            return allowed.error();
        endTypingRun();
        if (auto pushed = push(offset, read.head, undoText, -1); !pushed)
            return pushed.error();
    }
    return FileWrite{quint64(read.head.size()), read.sourceHasMore, true};
}

shm::Result<void> ByteEditor::push(quint64 offset, const QByteArray &bytes,
                                   const QString &undoText, int runId)
{
    QByteArray old(bytes.size(), Qt::Uninitialized);
    const auto report = m_source->readReport(offset, reinterpret_cast<std::byte *>(old.data()),
                                             quint64(old.size()));
    // Undo keeps what an edit replaces: bytes that cannot be read cannot be kept (and writing
    // them would fault too).
    if (report.unreadable > 0 || report.skipped > 0) {
        const quint64 at = report.firstFault ? report.firstFault->offset : offset;
        QString sentence = tr("The bytes at 0x%1 cannot be read, so an edit there could not be "
                              "undone: nothing was written.")
                               .arg(at, 0, 16);
        if (report.firstFault)
            sentence += QLatin1Char(' ')
                        + errortext::translated(shm::faultText(
                            *report.firstFault, m_source->memoryAccess().isHugeTlb()));
        return editError(at, sentence);
    }
    QPointer<ByteEditor> self(this);
    m_undoStack->push(new WriteBytesCommand(m_source, offset, std::move(old), bytes, undoText,
                                            runId, [self](const QString &text) {
                                                if (self)
                                                    emit self->message(text);
                                            }));
    return {};
}
