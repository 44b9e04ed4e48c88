#include "ui/memory/hexundo.h"

#include "ui/memory/bytesource.h"
#include "ui/common/errortext.h"

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
        if (!m_source) {
            m_lastApplied = false;
            return;
        }
        const auto written = m_source->write(
            m_offset, reinterpret_cast<const std::byte *>(m_new.constData()),
            quint64(m_new.size()));
        m_lastApplied = written.ok();
        if (!written && m_reporter)
            m_reporter(errortext::message(written.error()));
        return;
    }
    if (std::exchange(m_skipNext, false))
        return;
    m_lastApplied = apply(false);
}

void WriteBytesCommand::undo()
{
    if (std::exchange(m_skipNext, false))
        return;
    m_lastApplied = apply(true);
}

std::optional<QString> WriteBytesCommand::refusal(bool isUndo) const
{
    const QString what = isUndo ? QCoreApplication::translate("WriteBytesCommand", "Undo")
                                : QCoreApplication::translate("WriteBytesCommand", "Redo");
    const QString kept =
        isUndo ? QCoreApplication::translate("WriteBytesCommand",
                                             "the edit stays on the undo side")
               : QCoreApplication::translate("WriteBytesCommand",
                                             "the edit stays on the redo side");
    if (!m_source || !m_source->isWritable())
        return QCoreApplication::translate("WriteBytesCommand",
                                           "%1 refused: the view is read-only; memory left as "
                                           "it is, %2.")
            .arg(what, kept);
    const QByteArray &expected = isUndo ? m_new : m_old;
    const quint64 count = quint64(expected.size());
    QByteArray current(expected.size(), Qt::Uninitialized);
    const auto report = m_source->readReport(
        m_offset, reinterpret_cast<std::byte *>(current.data()), count);
    if (report.unreadable > 0 || report.skipped > 0 || !m_source->contains(m_offset, count))
        return QCoreApplication::translate("WriteBytesCommand",
                                           "%1 refused: the bytes at 0x%2 cannot be read now; "
                                           "memory left as it is, %3.")
            .arg(what)
            .arg(m_offset, 0, 16)
            .arg(kept);
    if (current == expected)
        return std::nullopt;
    qsizetype first = 0;
    while (first < current.size() && current[first] == expected[first])
        ++first;
    return QCoreApplication::translate("WriteBytesCommand",
                                       "%1 refused: another process has changed the byte at "
                                       "0x%2 since; memory left as it is, %3.")
        .arg(what)
        .arg(m_offset + quint64(first), 0, 16)
        .arg(kept);
}

bool WriteBytesCommand::apply(bool isUndo)
{
    m_refusedNow = false;
    if (const auto refused = refusal(isUndo)) {
        m_refusedNow = true;
        if (m_reporter)
            m_reporter(*refused);
        return false;
    }
    const QByteArray &wanted = isUndo ? m_old : m_new;
    if (const auto written = m_source->write(
            m_offset, reinterpret_cast<const std::byte *>(wanted.constData()),
            quint64(wanted.size()));
        !written) {
        m_refusedNow = true;
        if (m_reporter)
            m_reporter(errortext::message(written.error()));
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
