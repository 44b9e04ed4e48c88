#include "ui/memory/findbar.h"

#include "ui/memory/bytesource.h"
#include "ui/common/errortext.h"
#include "ui/common/plural.h"
#include "ui/memory/hexview.h"

#include "core/parse.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include <bit>
#include <cstring>
#include <limits>
#include <memory>

using valuecodec::Endian;

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_width(new QComboBox(this))
    , m_endian(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(new QLabel(tr("Find:"), this));
    m_kind->addItem(tr("Hex bytes"), int(Kind::HexBytes));
    m_kind->addItem(tr("Text"), int(Kind::Text));
    m_kind->addItem(tr("Integer"), int(Kind::Integer));
    m_kind->addItem(tr("Float"), int(Kind::Float));
    m_endian->addItem(tr("Little endian"), int(Endian::Little));
    m_endian->addItem(tr("Big endian"), int(Endian::Big));
    m_text->setPlaceholderText(tr("de ad be ef"));
    m_text->setClearButtonEnabled(true);
    auto *previous = new QToolButton(this);
    previous->setText(tr("Previous"));
    previous->setToolTip(tr("Find previous (Shift+F3, Shift+Enter)"));
    auto *next = new QToolButton(this);
    next->setText(tr("Next"));
    next->setToolTip(tr("Find next (F3, Enter)"));
    auto *close = new QToolButton(this);
    close->setText(tr("Close"));
    close->setAutoRaise(true);
    layout->addWidget(m_kind);
    layout->addWidget(m_width);
    layout->addWidget(m_endian);
    layout->addWidget(m_text, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_status);
    layout->addWidget(close);
    updateWidthChoices();
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateWidthChoices();
        if (m_view)
            m_view->setHighlightPattern({});
    });
    connect(m_text, &QLineEdit::returnPressed, this, [this] { findNext(TaskWait::Return); });
    connect(next, &QToolButton::clicked, this, [this] { findNext(TaskWait::Return); });
    connect(previous, &QToolButton::clicked, this, [this] { findPrevious(TaskWait::Return); });
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        if (m_view) {
            m_view->setHighlightPattern({});
            m_view->setFocus();
        }
    });
}

void FindBar::setHexView(HexView *view)
{
    m_view = view;
}

void FindBar::updateWidthChoices()
{
    const auto kind = Kind(m_kind->currentData().toInt());
    const int previous = m_width->currentData().toInt();
    m_width->clear();
    if (kind == Kind::Integer) {
        for (int bits : {8, 16, 32, 64})
            m_width->addItem(tr("%1-bit").arg(bits), bits / 8);
    } else if (kind == Kind::Float) {
        m_width->addItem(tr("32-bit"), 4);
        m_width->addItem(tr("64-bit"), 8);
    }
    const int index = m_width->findData(previous);
    m_width->setCurrentIndex(index >= 0 ? index : (kind == Kind::Integer ? 2 : 0));
    const bool numeric = kind == Kind::Integer || kind == Kind::Float;
    m_width->setVisible(numeric);
    m_endian->setVisible(numeric);
    m_text->setPlaceholderText(kind == Kind::HexBytes ? tr("de ad be ef")
                               : kind == Kind::Text  ? tr("text")
                                                     : tr("value"));
}

shm::Result<QByteArray> FindBar::needle(Kind kind, const QString &text, int width, Endian endian)
{
    const auto toArray = [](const std::vector<std::byte> &bytes) {
        return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
    };
    switch (kind) {
    case Kind::HexBytes: {
        auto bytes = shm::parseHexBytes(text.toStdString());
        if (!bytes)
            return bytes.error();
        return toArray(*bytes);
    }
    case Kind::Text:
        if (text.isEmpty())
            return shm::inputError("find", "", shm::value(tr("Type the text to find.").toStdString()));
        return text.toUtf8();
    case Kind::Integer: {
        if (width != 1 && width != 2 && width != 4 && width != 8)
            return shm::inputError("find", std::to_string(width),
                                   shm::value(tr("An integer is 1, 2, 4 or 8 bytes wide.").toStdString()));
        // Accept the signed and the unsigned range of the width: -128 and 255 are both a byte.
        const std::string input = text.trimmed().toStdString();
        std::uint64_t raw = 0;
        if (input.starts_with('-')) {
            const std::int64_t min = width == 8 ? std::numeric_limits<std::int64_t>::min()
                                                : -(std::int64_t(1) << (width * 8 - 1));
            auto v = shm::parseInteger(input, min, 0);
            if (!v)
                return v.error();
            raw = std::uint64_t(*v);
        } else {
            const std::uint64_t max = width == 8 ? std::numeric_limits<std::uint64_t>::max()
                                                 : (std::uint64_t(1) << (width * 8)) - 1;
            auto v = shm::parseUnsigned(input, max);
            if (!v)
                return v.error();
            raw = *v;
        }
        QByteArray out(width, Qt::Uninitialized);
        for (int i = 0; i < width; ++i) {
            const int index = endian == Endian::Little ? i : width - 1 - i;
            out[index] = char(raw & 0xff);
            raw >>= 8;
        }
        return out;
    }
    case Kind::Float: {
        if (width != 4 && width != 8)
            return shm::inputError("find", std::to_string(width),
                                   shm::value(tr("A float is 4 or 8 bytes wide.").toStdString()));
        auto bytes = valuecodec::encode(width == 4 ? valuecodec::ValueType::Float32
                                                   : valuecodec::ValueType::Float64,
                                        endian, text);
        if (!bytes)
            return bytes.error();
        return toArray(*bytes);
    }
    }
    return shm::inputError("find", "", shm::value("unknown kind"));
}

void FindBar::setQuery(Kind kind, const QString &text, int width, Endian endian)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    const int w = m_width->findData(width);
    if (w >= 0)
        m_width->setCurrentIndex(w);
    m_endian->setCurrentIndex(m_endian->findData(int(endian)));
    m_text->setText(text);
}

bool FindBar::findNext(TaskWait wait)
{
    return find(true, wait);
}

bool FindBar::findPrevious(TaskWait wait)
{
    return find(false, wait);
}

QString FindBar::statusText() const
{
    return m_status->text();
}

void FindBar::setStatus(const QString &text)
{
    m_status->setText(text);
    if (!text.isEmpty())
        emit message(text);
}

namespace {

struct FindOutcome
{
    shm::MemoryMatch match;
    bool wrapped = false;
};

// From `start` to the end, then once from the start of the segment up to `start` (forward); from
// `start` down to 0, then once from the end down to `start` (backward). Every start is looked at
// once.
FindOutcome searchOnce(const shm::MemoryAccess &access, const QByteArray &pattern, quint64 start,
                       bool forward, TaskProgress &progress)
{
    const auto *n = reinterpret_cast<const std::byte *>(pattern.constData());
    const std::size_t len = std::size_t(pattern.size());
    const quint64 end = access.size() >= len ? access.size() - len + 1 : 0;
    start = std::min(start, end);
    progress.setTotal(end);
    const shm::SearchControl control{[&progress] { return progress.isCancelled(); },
                                     [&progress](quint64 starts) { progress.advance(starts); }};
    FindOutcome outcome;
    outcome.match = forward ? shm::findForward(access, n, len, start, end, control)
                            : shm::findBackward(access, n, len, 0, start, control);
    if (outcome.match.status != shm::MemoryMatch::Status::NotFound)
        return outcome;
    const quint64 unreadable = outcome.match.unreadable;
    outcome.match = forward ? shm::findForward(access, n, len, 0, start, control)
                            : shm::findBackward(access, n, len, start, end, control);
    outcome.match.unreadable += unreadable;
    outcome.wrapped = outcome.match.status == shm::MemoryMatch::Status::Found;
    return outcome;
}

} // namespace

bool FindBar::find(bool forward, TaskWait wait)
{
    if (!m_view || !m_view->source())
        return false;
    const auto kind = Kind(m_kind->currentData().toInt());
    auto pattern = needle(kind, m_text->text(), m_width->currentData().toInt(),
                          Endian(m_endian->currentData().toInt()));
    if (!pattern) {
        setStatus(errortext::message(pattern.error()));
        emit found(false);
        return false;
    }
    // Start after the current match (or at the cursor) so repeated Find Next walks the matches.
    const quint64 from = m_view->hasSelection() ? m_view->selectionStart() : m_view->cursorOffset();
    const quint64 start = forward && m_view->hasSelection() ? from + 1 : from;
    const shm::MemoryAccess access = m_view->source()->memoryAccess();
    const QByteArray bytes = *pattern;
    auto outcome = std::make_shared<FindOutcome>();
    auto selected = std::make_shared<bool>(false);
    auto work = [access, bytes, start, forward, outcome](TaskProgress &progress) {
        *outcome = searchOnce(access, bytes, start, forward, progress);
    };
    auto done = [this, bytes, outcome, selected](bool cancelled) {
        *selected = finish(bytes, outcome->match, outcome->wrapped, cancelled);
    };
    if (!m_runner) {
        TaskProgress progress;
        work(progress);
        done(false);
        return *selected;
    }
    setStatus(QString());
    MemoryTask *task = m_runner(tr("Finding"), std::move(work), std::move(done));
    if (!task) {
        emit found(false);
        return false; // the runner said which task runs
    }
    if (wait == TaskWait::Return)
        return true;
    waitForTask(task);
    return *selected;
}

bool FindBar::finish(const QByteArray &pattern, const shm::MemoryMatch &match, bool wrapped,
                     bool cancelled)
{
    bool selected = false;
    if (cancelled || match.status == shm::MemoryMatch::Status::Cancelled) {
        setStatus(tr("Find cancelled."));
    } else if (!m_view || !m_view->source()) {
        setStatus(QString());
    } else {
        m_view->setHighlightPattern(pattern);
        QString text;
        if (match.status == shm::MemoryMatch::Status::NotFound) {
            text = tr("Not found.");
        } else {
            // The cursor on the match's first byte, where the inspector reads it.
            m_view->selectMatch(match.offset, quint64(pattern.size()));
            text = wrapped ? tr("Found at 0x%1 (wrapped around).").arg(match.offset, 0, 16)
                           : tr("Found at 0x%1.").arg(match.offset, 0, 16);
            selected = true;
        }
        if (match.unreadable > 0)
            text += QLatin1Char(' ')
                    + tr("%L1 bytes could not be read (a fault): not searched.", nullptr,
                         plural::count(match.unreadable))
                          .arg(match.unreadable);
        setStatus(text);
    }
    emit found(selected);
    return selected;
}

void FindBar::activate()
{
    show();
    m_text->setFocus();
    m_text->selectAll();
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (m_view) {
            m_view->setHighlightPattern({});
            m_view->setFocus();
        }
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (event->modifiers() & Qt::ShiftModifier)) {
        findPrevious();
        return;
    }
    QWidget::keyPressEvent(event);
}
