#include "ui/memory/hexundo.h"

#include "ui/memory/bytesource.h"

#include <QCoreApplication>

#include <cstring>

WriteBytesCommand::WriteBytesCommand(ByteSource *source, quint64 offset, QByteArray oldBytes,
                                     QByteArray newBytes, const QString &text, int runId,
                                     Reporter reporter)
    : QUndoCommand(text)
    , m_source(source)
    , m_offset(offset)
    , m_old(std::move(oldBytes))
    , m_new(std::move(newBytes))
    , m_runId(runId)
    , m_reporter(std::move(reporter))
{
}

void WriteBytesCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false;
        m_lastApplied = m_source && m_source->write(m_offset,
                                                    reinterpret_cast<const std::byte *>(m_new.constData()),
                                                    quint64(m_new.size()));
        if (!m_lastApplied && m_reporter)
            m_reporter(QCoreApplication::translate("WriteBytesCommand",
                                                   "The bytes could not be written: the view is read-only."));
        return;
    }
    m_lastApplied = apply(m_old, m_new, false);
}

void WriteBytesCommand::undo()
{
    m_lastApplied = apply(m_new, m_old, true);
}

bool WriteBytesCommand::apply(const QByteArray &expected, const QByteArray &wanted, bool isUndo)
{
    const auto say = [this](const QString &text) {
        if (m_reporter)
            m_reporter(text);
    };
    if (!m_source) {
        return false;
    }
    const quint64 count = quint64(expected.size());
    QByteArray current(expected.size(), Qt::Uninitialized);
    if (m_source->read(m_offset, reinterpret_cast<std::byte *>(current.data()), count) != count)
        return false;
    if (current != expected) {
        qsizetype first = 0;
        while (first < current.size() && current[first] == expected[first])
            ++first;
        const QString what = isUndo ? QCoreApplication::translate("WriteBytesCommand", "Undo")
                                    : QCoreApplication::translate("WriteBytesCommand", "Redo");
        say(QCoreApplication::translate("WriteBytesCommand",
                                        "%1 refused: another process has changed the byte at "
                                        "0x%2 since; memory left as it is.")
                .arg(what)
                .arg(m_offset + quint64(first), 0, 16));
        return false;
    }
    if (!m_source->write(m_offset, reinterpret_cast<const std::byte *>(wanted.constData()),
                         quint64(wanted.size()))) {
        say(QCoreApplication::translate("WriteBytesCommand",
                                        "Cannot change memory: the view is read-only."));
        return false;
    }
    return true;
}

bool WriteBytesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const WriteBytesCommand *>(other);
    if (!next || m_runId < 0 || next->m_runId != m_runId || next->m_source != m_source
        || next->m_offset != m_offset + quint64(m_new.size()) || !m_lastApplied)
        return false;
    m_old += next->m_old;
    m_new += next->m_new;
    return true;
}
