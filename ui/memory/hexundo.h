#pragma once

// The undo step of an edit in the memory view. Undo (and redo after an undo) writes only when
// the memory still holds what this step left there; otherwise it leaves the memory alone and
// reports that another process has changed those bytes. QUndoCommand::undo() cannot refuse, so
// the stack would still move: ByteEditor::undo()/redo() ask refusal() first and, should the
// bytes change between the question and the write, put the step back where it was.

#include <QByteArray>
#include <QPointer>
#include <QUndoCommand>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

class ByteSource;

class WriteBytesCommand : public QUndoCommand
{
public:
    enum { Id = 0x4d56 };
    using Reporter = std::function<void(const QString &message)>;

    // runId >= 0 merges consecutive typed bytes of one run into one step; -1 never merges.
    WriteBytesCommand(ByteSource *source, quint64 offset, QByteArray oldBytes,
                      QByteArray newBytes, const QString &text, int runId, Reporter reporter);

    void redo() override;
    void undo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

    quint64 offset() const { return m_offset; }
    qint64 length() const { return m_new.size(); }
    // False when the last undo/redo was refused (memory changed by someone else, or read-only).
    bool lastApplied() const { return m_lastApplied; }
    // Why an undo (isUndo) or a redo of this step would be refused now; nullopt when it would
    // write. Reads the bytes, writes nothing.
    std::optional<QString> refusal(bool isUndo) const;
    // Whether the last undo()/redo() call was refused (reset by takeRefusal()).
    bool takeRefusal() { return std::exchange(m_refusedNow, false); }
    // The next undo() or redo() call does nothing: the stack moves the step back without
    // writing (after a refusal).
    void skipNextApply() { m_skipNext = true; }

private:
    bool apply(bool isUndo);

    QPointer<ByteSource> m_source;
    quint64 m_offset;
    QByteArray m_old;
    QByteArray m_new;
    int m_runId;
    Reporter m_reporter;
    bool m_firstRedo = true;
    bool m_lastApplied = true;
    bool m_refusedNow = false;
    bool m_skipNext = false;
};
