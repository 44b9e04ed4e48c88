// libFuzzer target: text a person types into the ui, through the functions the widgets call.
// The first byte picks what:
//  0  find patterns: FindBar::needle for each kind (hex bytes, text, integer, float), any width
//     and byte order;
//  1  inspector values: valuecodec::encode for every type and byte order, then format;
//  2  inspector display of raw bytes: valuecodec::format of every type, and the copy formats;
//  3  the hex view's Go to offset and paste hex (a writable 256-byte buffer source);
//  4  the create dialog (key, ftok path/project id, size + unit, mode), the mode editor;
//  5  the owner dialog's user/group fields.
// Properties: no crash or sanitizer report; an integer or float needle is exactly `width`
// bytes; a value that encodes, formatted and encoded again, gives the same bytes; a create
// request that validates has size > 0 and mode <= 0777; go-to never moves past the end.

#include "ui/memory/bytesource.h"
#include "fuzzcheck.h"
#include "ui/browser/controldialogs.h"
#include "ui/common/errortext.h"
#include "ui/browser/createsegmentdialog.h"
#include "ui/memory/findbar.h"
#include "ui/memory/hexview.h"
#include "ui/browser/modeeditor.h"
#include "ui/memory/valuecodec.h"

#include "fuzzapp.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QUndoStack>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

using fuzzcheck::check;

QString toQString(const std::string &bytes)
{
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

using valuecodec::Endian;
using valuecodec::ValueType;

// `bytes`, in `endian` order, read as a Float (of Bits' width) is a NaN.
template <typename Bits, typename Float>
bool isNaNAs(const std::vector<std::byte> &bytes, Endian endian)
{
    static_assert(sizeof(Bits) == sizeof(Float));
    constexpr int width = int(sizeof(Bits));
    Bits u = 0;
    for (int i = 0; i < width; ++i)
        u |= Bits(bytes[size_t(endian == Endian::Little ? i : width - 1 - i)]) << (8 * i);
    Float value;
    std::memcpy(&value, &u, sizeof value);
    return std::isnan(value);
}

bool isNaNBytes(ValueType type, const std::vector<std::byte> &bytes, Endian endian)
{
    if (type == ValueType::Float32)
        return isNaNAs<std::uint32_t, float>(bytes, endian);
    if (type == ValueType::Float64)
        return isNaNAs<std::uint64_t, double>(bytes, endian);
    return false;
}

void fuzzNeedle(FuzzedDataProvider &input)
{
    const auto kind = FindBar::Kind(input.ConsumeIntegralInRange(0, 3));
    const int width = input.ConsumeIntegralInRange(-1, 9);
    const Endian endian = input.ConsumeBool() ? Endian::Big : Endian::Little;
    const QString text = toQString(input.ConsumeRemainingBytesAsString());
    const auto needle = FindBar::needle(kind, text, width, endian);
    if (!needle) {
        check(needle.error().kind == shm::ErrorKind::BadInput, "a refused pattern is bad input");
        check(!needle.error().english().empty(), "a refused pattern says why");
        return;
    }
    check(!needle->isEmpty(), "a needle is never empty");
    if (kind == FindBar::Kind::Integer || kind == FindBar::Kind::Float)
        check(needle->size() == width, "a value needle is exactly width bytes");
}

void fuzzEncode(FuzzedDataProvider &input)
{
    const auto type = ValueType(input.ConsumeIntegralInRange(0, int(ValueType::ValueTypeCount) - 1));
    const Endian endian = input.ConsumeBool() ? Endian::Big : Endian::Little;
    const QString text = toQString(input.ConsumeRemainingBytesAsString());
    const auto bytes = valuecodec::encode(type, endian, text);
    if (!bytes) {
        check(bytes.error().kind == shm::ErrorKind::BadInput, "a refused value is bad input");
        check(!bytes.error().english().empty(), "a refused value says why");
        return;
    }
    check(!bytes->empty(), "a value has bytes");
    if (type != ValueType::Utf8)
        check(int(bytes->size()) == valuecodec::byteWidth(type), "a value is byteWidth bytes");
    const QString shown = valuecodec::format(type, endian, bytes->data(), qint64(bytes->size()));
    // What the inspector shows for a value can be typed back for the same bytes (Char and
    // UTF-8 show decorations; NaN payloads are not kept; a time_t outside years 1..9999 is
    // shown as "out of range").
    if (type == ValueType::Char || type == ValueType::Utf8 || isNaNBytes(type, *bytes, endian)
        || shown.startsWith(QLatin1String("out of range")))
        return;
    const auto again = valuecodec::encode(type, endian, shown);
    check(again.ok(), "a shown value can be typed back");
    check(*again == *bytes, "a shown value typed back gives the same bytes");
}

void fuzzFormat(FuzzedDataProvider &input)
{
    const Endian endian = input.ConsumeBool() ? Endian::Big : Endian::Little;
    const std::string raw = input.ConsumeRemainingBytesAsString();
    const auto *bytes = reinterpret_cast<const std::byte *>(raw.data());
    for (int t = 0; t < int(ValueType::ValueTypeCount); ++t)
        (void)valuecodec::format(ValueType(t), endian, bytes, qint64(raw.size()));
    const QByteArray array(raw.data(), qsizetype(raw.size()));
    (void)valuecodec::formatBytes(valuecodec::CopyFormat::HexText, array);
    (void)valuecodec::formatBytes(valuecodec::CopyFormat::CArray, array);
    (void)valuecodec::formatBytes(valuecodec::CopyFormat::Base64, array);
}

void fuzzHexView(FuzzedDataProvider &input)
{
    static BufferByteSource source(256, true);
    static HexView view;
    static bool once = [] {
        view.resize(640, 200);
        view.setSource(&source);
        view.setLivePaused(true);
        return true;
    }();
    (void)once;
    const bool paste = input.ConsumeBool();
    const QString text = toQString(input.ConsumeRemainingBytesAsString());
    if (paste) {
        const auto pasted = view.pasteHex(text);
        check(pasted || !errortext::message(pasted.error()).isEmpty(), "a refused paste says why");
        check(view.cursorOffset() < source.size(), "the cursor stays inside");
    } else {
        const auto moved = view.goTo(text);
        check(moved || !errortext::message(moved.error()).isEmpty(), "a refused go-to says why");
        check(view.cursorOffset() < source.size(), "go-to never passes the end");
    }
    view.setCursorOffset(0);
    view.undoStack()->clear(); // bounded memory across inputs
}

void fuzzCreateDialog(FuzzedDataProvider &input)
{
    static CreateSegmentDialog dialog;
    dialog.keyKindCombo()->setCurrentIndex(input.ConsumeIntegralInRange(0, 2));
    dialog.unitCombo()->setCurrentIndex(input.ConsumeIntegralInRange(0, dialog.unitCombo()->count() - 1));
    dialog.keyEdit()->setText(toQString(input.ConsumeRandomLengthString(40)));
    dialog.pathEdit()->setText(input.ConsumeBool() ? QStringLiteral("/tmp")
                                                   : toQString(input.ConsumeRandomLengthString(20)));
    dialog.projectIdEdit()->setText(toQString(input.ConsumeRandomLengthString(8)));
    dialog.modeEditor()->octalEdit()->setText(toQString(input.ConsumeRandomLengthString(12)));
    dialog.sizeEdit()->setText(toQString(input.ConsumeRemainingBytesAsString()));
    const auto request = dialog.request();
    if (request) {
        check(request->size > 0, "a valid request has size > 0");
        check(request->mode <= 0777, "a valid request has mode <= 0777");
    } else {
        check(!dialog.validationMessage().isEmpty(), "a refused request says why");
    }
    check(dialog.modeEditor()->mode() <= 0777, "the mode editor's mode <= 0777");
}

void fuzzOwner(FuzzedDataProvider &input)
{
    const bool group = input.ConsumeBool();
    const QString text = toQString(input.ConsumeRemainingBytesAsString());
    if (group) {
        if (auto gid = OwnerDialog::resolveGroup(text))
            check(*gid != gid_t(-1), "never gid -1 (means unchanged)");
    } else if (auto uid = OwnerDialog::resolveUser(text)) {
        check(*uid != uid_t(-1), "never uid -1 (means unchanged)");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzedDataProvider input(data, size);
    switch (input.ConsumeIntegralInRange(0, 5)) {
    case 0: fuzzNeedle(input); break;
    case 1: fuzzEncode(input); break;
    case 2: fuzzFormat(input); break;
    case 3: fuzzHexView(input); break;
    case 4: fuzzCreateDialog(input); break;
    case 5: fuzzOwner(input); break;
    }
    return 0;
}
