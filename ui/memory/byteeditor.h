#pragma once

// The one path that writes to the memory a view shows: typing, paste, fill, import and the data
// inspector all come here. The editor checks once that there is a writable source and that the
// range fits, keeps the undo stack (hexundo.h: undo writes only while memory still holds what we
// wrote), and words every refusal. A refusal is returned as an error, never written anywhere
// else; undo and redo, which have no caller to return to, report through message().

#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <cstddef>
#include <optional>

class ByteSource;
class QUndoStack;
class TaskProgress;

// An error for what the user asked of a view (bad input, a refused edit): `sentence` is shown as
// it is (already translated); `what` and `input` name the operation and what it was applied to.
shm::Error refusal(const char *what, const QString &input, const QString &sentence);

class ByteEditor : public QObject
{
    Q_OBJECT
public:
    // Undo keeps a copy of what a step replaces: larger writes go through writeWithoutUndo.
    static constexpr quint64 MaxUndoableBytes = quint64(256) << 20;

    explicit ByteEditor(QObject *parent = nullptr);
    ~ByteEditor() override;

    // The editor does not own the source. Clears the undo stack.
    void setSource(ByteSource *source);
    ByteSource *source() const { return m_source; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // Whether `count` bytes at `offset` may be written now: an error saying why not (no
    // writable source: read-only; the range passes the end; more than MaxUndoableBytes when
    // `undoable`).
    shm::Result<void> check(quint64 offset, quint64 count, bool undoable = true) const;
    // Writes `bytes` at `offset` as one undo step named `undoText`; nothing when refused.
    shm::Result<void> write(quint64 offset, const QByteArray &bytes, const QString &undoText);
    // Fills `count` bytes at `offset` with `value`, one undo step.
    shm::Result<void> fill(quint64 offset, quint64 count, quint8 value);
    // One typed byte at `offset`. The bytes typed one after the other (until endTypingRun())
    // are one undo step.
    shm::Result<void> type(quint64 offset, quint8 value);
    void endTypingRun() { m_typingRunOpen = false; }
    // Undoes (redoes) the step before (after) the stack's index, when memory still holds what
    // that step left there. When refused (another process changed those bytes, the bytes cannot
    // be read, a read-only view), the undo stack stays exactly as it was: the step stays where
    // it is, nothing moves to the other side; message() says why and false comes back. Calls
    // made on undoStack() directly follow the same rule (the step is put back).
    bool undo();
    bool redo();
    struct FileWrite
    {
        quint64 bytes = 0;          // written at the offset
        bool sourceHasMore = false; // a source of unknown size gave more than fits
        bool undoable = true;       // one undo step (false: more than MaxUndoableBytes)
    };
    // Writes what the file at `path` gives at `offset`, read in chunks: one undo step named
    // `undoText` up to MaxUndoableBytes, beyond that chunk by chunk and not undoable. A file of
    // known size (a regular file that reports one) is refused, writing nothing, when it does
    // not fit before the end. A source of unknown size (a pipe, a device such as /dev/zero,
    // /proc files) is read up to what fits and no further: never held whole in memory.
    // Refuses, writing nothing, when the file cannot be opened or a read fails before anything
    // was written. Reads on the calling thread: readFile + finishFile, which MemoryView runs
    // in its worker and then on the GUI thread.
    shm::Result<FileWrite> writeFile(quint64 offset, const QString &path, const QString &undoText);

    // The reading half of writeFile, for a worker thread (no widgets, no editor): what the file
    // gave, to be written as one undo step, or, for a source beyond MaxUndoableBytes, what was
    // already written into `source` chunk by chunk. Stops between chunks when `progress` is
    // cancelled (then nothing is written unless streaming had begun).
    struct FileRead
    {
        QByteArray head;            // for finishFile: one undo step
        quint64 streamed = 0;       // already written, not undoable
        bool sourceHasMore = false; // a source of unknown size gave more than fits
        std::optional<shm::Error> error;
    };
    static FileRead readFile(ByteSource *source, quint64 offset, const QString &path,
                             TaskProgress *progress = nullptr);
    // The writing half, on the GUI thread: the head as one undo step named `undoText`.
    shm::Result<FileWrite> finishFile(quint64 offset, const FileRead &read, const QString &undoText);

    // The refusals, worded here for every writer: a read-only (or missing) source; `count`
    // bytes at `offset` that do not fit in `size`.
    static shm::Error readOnlyError();
    static shm::Error rangeError(quint64 offset, quint64 count, quint64 size);

signals:
    // Undo or redo refused (another process changed the bytes since, or read-only).
    void message(const QString &text);

private:
    // One undo step; refused (nothing written) when the bytes it replaces cannot be read.
    shm::Result<void> push(quint64 offset, const QByteArray &bytes, const QString &undoText,
                           int runId);
    bool undoOrRedo(bool isUndo);
    // Puts a step that refused back where it was (see undo()).
    void onIndexChanged(int index);

    QPointer<ByteSource> m_source;
    QUndoStack *m_undoStack;
    int m_typingRun = 0;
    bool m_typingRunOpen = false;
    int m_index = 0; // the stack's index as last seen
    bool m_restoring = false;
};
