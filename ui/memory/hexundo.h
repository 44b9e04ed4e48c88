#pragma once

// The undo step of an edit in the memory view. Undo (and redo after an undo) writes only when
// the memory still holds what this step left there; otherwise it leaves the memory alone and
// reports that another process has changed those bytes.

#include <QByteArray>
#include <QPointer>
#include <QUndoCommand>

#include <functional>

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

private:
    bool apply(const QByteArray &expected, const QByteArray &wanted, bool isUndo);

    QPointer<ByteSource> m_source;
    quint64 m_offset;
    QByteArray m_old;
    QByteArray m_new;
    int m_runId;
    Reporter m_reporter;
    bool m_firstRedo = true;
    bool m_lastApplied = true;
};
