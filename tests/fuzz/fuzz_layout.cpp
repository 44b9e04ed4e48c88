// libFuzzer target: the leaf reader of C layouts (core/layout.h), on types and bytes from the
// input. The first byte picks:
//  0: a type tree built from the input (structs, unions, arrays, char arrays, integers of
//     1 to 16 bytes, floats, bitfields, enums, pointers, nested up to a few levels, fields
//     placed anywhere inside their parent), its leaves, and each leaf read from a buffer of
//     exactly its size (ASan sees any read past it): every leaf lies inside the type, a
//     bitfield's value fits its bits, every value's JSON is valid;
//  1: jsonString on any bytes: the result is a JSON string of valid UTF-8 without control
//     characters, and it decodes back to the input when the input was valid UTF-8.

#include "core/layout.h"
#include "fuzzcheck.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace {

using fuzzcheck::check;
namespace layout = shm::layout;

// Whether text is valid UTF-8 (shortest forms, no surrogates, at most U+10FFFF).
bool validUtf8(const std::string &text, bool allowControls)
{
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (!allowControls && (c < 0x20 || c == 0x7f))
                return false;
            ++i;
            continue;
        }
        const std::size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
        if (n == 0 || c > 0xf4 || i + n > text.size())
            return false;
        std::uint32_t cp = n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
        for (std::size_t k = 1; k < n; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff))
            || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += n;
    }
    return true;
}

// Undoes jsonString's escapes (\" \\ \n \t \u00XX); false when the text is not what it makes.
bool decodeJsonString(const std::string &json, std::string &out)
{
    if (json.size() < 2 || json.front() != '"' || json.back() != '"')
        return false;
    for (std::size_t i = 1; i + 1 < json.size(); ++i) {
        const char c = json[i];
        if (c == '"')
            return false;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= json.size() - 1)
            return false;
        const char e = json[i];
        if (e == '"' || e == '\\')
            out += e;
        else if (e == 'n')
            out += '\n';
        else if (e == 't')
            out += '\t';
        else if (e == 'u' && i + 4 < json.size() - 1 && json.compare(i + 1, 2, "00") == 0) {
            out += static_cast<char>(std::stoi(json.substr(i + 3, 2), nullptr, 16));
            i += 4;
        } else
            return false;
    }
    return true;
}

layout::TypePtr scalar(FuzzedDataProvider &input)
{
    auto t = std::make_shared<layout::Type>();
    const int pick = input.ConsumeIntegralInRange<int>(0, 5);
    static const std::uint64_t floatSizes[] = {4, 8, 16};
    switch (pick) {
    case 0:
    case 1:
        t->kind = pick == 0 ? layout::Kind::Signed : layout::Kind::Unsigned;
        t->isSigned = pick == 0;
        t->size = input.ConsumeIntegralInRange<std::uint64_t>(1, 16);
        t->name = t->size == 1 ? "char" : "int";
        break;
    case 2:
        t->kind = layout::Kind::Float;
        t->size = floatSizes[input.ConsumeIntegralInRange<int>(0, 2)];
        t->name = "double";
        break;
    case 3:
        t->kind = layout::Kind::Bool;
        t->size = 1;
        t->name = "_Bool";
        break;
    case 4:
        t->kind = layout::Kind::Pointer;
        t->size = 8;
        t->name = "void *";
        break;
    default:
        t->kind = layout::Kind::Enum;
        t->isSigned = input.ConsumeBool();
        t->size = input.ConsumeIntegralInRange<std::uint64_t>(1, 8);
        t->name = "enum e";
        for (int i = input.ConsumeIntegralInRange<int>(0, 4); i > 0; --i)
            t->enumerators.push_back({"E", input.ConsumeIntegral<std::int64_t>()});
        break;
    }
    return t;
}

layout::TypePtr build(FuzzedDataProvider &input, int depth)
{
    const int pick = depth > 3 ? 0 : input.ConsumeIntegralInRange<int>(0, 3);
    if (pick == 0)
        return scalar(input);
    auto t = std::make_shared<layout::Type>();
    if (pick == 1) {
        t->kind = layout::Kind::Array;
        t->element = input.ConsumeBool() ? scalar(input) : build(input, depth + 1);
        t->count = input.ConsumeIntegralInRange<std::uint64_t>(0, 6);
        t->size = t->count * t->element->size;
        t->name = t->element->name + "[]";
        return t;
    }
    t->kind = pick == 2 ? layout::Kind::Struct : layout::Kind::Union;
    t->name = "struct s";
    t->size = input.ConsumeIntegralInRange<std::uint64_t>(0, 256);
    for (int i = input.ConsumeIntegralInRange<int>(0, 5); i > 0; --i) {
        layout::Field field;
        field.name = input.ConsumeBool() ? "f" : "";
        field.type = build(input, depth + 1);
        if (input.ConsumeBool() && field.type->kind != layout::Kind::Struct
            && field.type->kind != layout::Kind::Union && field.type->kind != layout::Kind::Array
            && field.type->kind != layout::Kind::Float) {
            field.bits = input.ConsumeIntegralInRange<std::uint32_t>(1, 64);
            field.bitOffset = input.ConsumeIntegralInRange<std::uint32_t>(0, 7);
        }
        const std::uint64_t span
            = field.bits ? (field.bitOffset + field.bits + 7) / 8 : field.type->size;
        // Inside the parent, as a compiler places it; the parent grows when it must.
        t->size = std::max(t->size, span);
        field.offset = input.ConsumeIntegralInRange<std::uint64_t>(0, t->size - span);
        t->fields.push_back(std::move(field));
    }
    return t;
}

void checkValue(const layout::Leaf &leaf, const layout::Value &v)
{
    const std::string json = layout::valueJson(v);
    check(!json.empty(), "a value has JSON");
    check(validUtf8(json, false), "a value's JSON is valid UTF-8 without control characters");
    check(!layout::valueText(v, *leaf.type).empty() || v.form == layout::Value::Form::String
              || v.form == layout::Value::Form::Bytes,
          "a number has text");
    if (leaf.isBitfield() && leaf.bits < 64) {
        if (v.form == layout::Value::Form::Signed) {
            const std::int64_t limit = std::int64_t(1) << (leaf.bits - 1);
            check(v.i >= -limit && v.i < limit, "a signed bitfield fits its bits");
        } else if (v.form == layout::Value::Form::Unsigned || v.form == layout::Value::Form::Bool) {
            check(v.u >> leaf.bits == 0, "an unsigned bitfield fits its bits");
        }
    }
}

void types(FuzzedDataProvider &input)
{
    const layout::TypePtr type = build(input, 0);
    const std::uint64_t base = input.ConsumeIntegralInRange<std::uint64_t>(0, 1u << 20);
    const layout::Leaves leaves = layout::leavesOf(type, base, 4096);
    const std::string bytes = input.ConsumeRemainingBytesAsString();
    for (const layout::Leaf &leaf : leaves.leaves) {
        check(leaf.offset >= base && leaf.offset - base + leaf.size <= type->size,
              "a leaf lies inside its type");
        std::vector<std::byte> buffer(leaf.size);
        for (std::size_t i = 0; i < buffer.size() && !bytes.empty(); ++i)
            buffer[i]
                = std::byte(static_cast<unsigned char>(bytes[(leaf.offset + i) % bytes.size()]));
        // Exactly the leaf's bytes on the heap: a read past them is ASan's.
        auto *exact = new std::byte[buffer.size() ? buffer.size() : 1];
        if (!buffer.empty())
            std::memcpy(exact, buffer.data(), buffer.size());
        const auto value = layout::readLeaf(leaf, exact, buffer.size());
        delete[] exact;
        check(value.ok(), "a leaf given its bytes reads");
        checkValue(leaf, *value);
        if (leaf.size > 0)
            check(!layout::readLeaf(leaf, buffer.data(), buffer.size() - 1).ok(),
                  "too few bytes are refused");
    }
}

void strings(FuzzedDataProvider &input)
{
    const std::string text = input.ConsumeRemainingBytesAsString();
    const std::string json = layout::jsonString(text);
    check(validUtf8(json, false), "a JSON string is valid UTF-8 without control characters");
    std::string decoded;
    check(decodeJsonString(json, decoded), "a JSON string is one");
    if (validUtf8(text, true))
        check(decoded == text, "valid UTF-8 comes back as it was");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzedDataProvider input(data, size);
    if (input.ConsumeIntegralInRange<int>(0, 1) == 0)
        types(input);
    else
        strings(input);
    return 0;
}
