#include "ui/memory/byteeditor.h"

#include "ui/common/plural.h"

#include "ui/memory/bytesource.h"
#include "ui/memory/hexundo.h"

#include <QFile>
#include <QUndoStack>

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
}

ByteEditor::~ByteEditor() = default;

void ByteEditor::setSource(ByteSource *source)
{
    m_source = source;
    m_undoStack->clear();
    m_typingRunOpen = false;
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
    push(offset, bytes, undoText, -1);
    return {};
}

shm::Result<void> ByteEditor::fill(quint64 offset, quint64 count, quint8 value)
{
    if (auto allowed = check(offset, count); !allowed)
        return allowed;
    endTypingRun();
    push(offset, QByteArray(qsizetype(count), char(value)),
         tr("Fill %L1 bytes with 0x%2", nullptr, plural::count(count))
             .arg(count)
             .arg(value, 2, 16, QLatin1Char('0')),
         -1);
    return {};
}

shm::Result<void> ByteEditor::type(quint64 offset, quint8 value)
{
    if (auto allowed = check(offset, 1); !allowed)
        return allowed;
    if (!m_typingRunOpen) {
        ++m_typingRun;
        m_typingRunOpen = true;
    }
    push(offset, QByteArray(1, char(value)), tr("Typing"), m_typingRun);
    return {};
}

shm::Result<quint64> ByteEditor::writeFile(quint64 offset, const QString &path,
                                           const QString &undoText)
{
    QFile file(path);
    const auto readError = [&] {
        return refusal("read", path, tr("Cannot read %1: %2").arg(path, file.errorString()));
    };
    if (!file.open(QIODevice::ReadOnly))
        return readError();
    const quint64 fileSize = quint64(file.size());
    const bool undoable = fileSize <= MaxUndoableBytes;
    if (auto allowed = check(offset, fileSize, undoable); !allowed)
        return allowed.error();
    endTypingRun();
    if (undoable) {
        const QByteArray bytes = file.readAll();
        if (quint64(bytes.size()) != fileSize)
            return readError();
        if (!bytes.isEmpty())
            push(offset, bytes, undoText, -1);
        return fileSize;
    }
    // Too large to keep an undo copy: written in chunks, not undoable.
    constexpr qint64 Chunk = qint64(4) << 20;
    for (quint64 done = 0; done < fileSize;) {
        const QByteArray chunk = file.read(Chunk);
        if (chunk.isEmpty())
            return readError();
        if (auto written = m_source->write(offset + done,
                                           reinterpret_cast<const std::byte *>(chunk.constData()),
                                           quint64(chunk.size()));
            !written)
            return written.error();
        done += quint64(chunk.size());
    }
    return fileSize;
}

void ByteEditor::push(quint64 offset, const QByteArray &bytes, const QString &undoText, int runId)
{
    QByteArray old(bytes.size(), Qt::Uninitialized);
    m_source->read(offset, reinterpret_cast<std::byte *>(old.data()), quint64(old.size()));
    QPointer<ByteEditor> self(this);
    m_undoStack->push(new WriteBytesCommand(m_source, offset, std::move(old), bytes, undoText,
                                            runId, [self](const QString &text) {
                                                if (self)
                                                    emit self->message(text);
                                            }));
}
