#include "layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace shm::layout {

bool Type::isCharArray() const
{
    if (kind != Kind::Array || !element || element->size != 1)
        return false;
    const std::string &e = element->name;
    return (element->kind == Kind::Signed || element->kind == Kind::Unsigned)
        && (e == "char" || e == "signed char" || e == "unsigned char" || e == "const char"
            || e == "volatile char");
}

TypePtr Type::renamed(std::string newName) const
{
    auto copy = std::make_shared<Type>(*this);
    copy->name = std::move(newName);
    return copy;
}

std::vector<TypeSummary> orderForSegment(std::vector<TypeSummary> types, std::uint64_t segmentSize)
{
    std::sort(types.begin(), types.end(),
              [segmentSize](const TypeSummary &a, const TypeSummary &b) {
                  const bool aFits = a.size <= segmentSize;
                  const bool bFits = b.size <= segmentSize;
                  if (aFits != bFits)
                      return aFits;
                  if (a.size != b.size)
                      return aFits ? a.size > b.size : a.size < b.size;
                  return a.name < b.name;
              });
    return types;
}

Error unknownTypeError(std::string_view name, const std::vector<TypeSummary> &known,
                       const std::string &file)
{
    constexpr std::size_t Named = 20;
    std::string list;
    for (std::size_t i = 0; i < known.size() && i < Named; ++i)
        list += (i ? ", " : "") + known[i].name;
    if (known.size() > Named)
        list += ", ... (" + std::to_string(known.size()) + ")";
    if (known.empty())
        return inputError(
            "find type", std::string(name),
            Text(QT_TRANSLATE_NOOP("shm", "%1 declares no type; there is no %2 in it."),
                 {value(file), value(std::string(name))}),
            ErrorKind::NotFound);
    return inputError("find type", std::string(name),
                      Text(QT_TRANSLATE_NOOP("shm", "there is no type %1 in %2; its types are: %3"),
                           {value(std::string(name)), value(file), value(list)}),
                      ErrorKind::NotFound);
}

Error layOutError(const std::string &file, const std::string &typeName, const std::string &problem)
{
    return inputError("lay out type", file,
                      Text(QT_TRANSLATE_NOOP("shm", "%1 cannot be laid out: %2"),
                           {value(typeName), value(problem)}));
}

void sortByName(std::vector<TypeSummary> &types)
{
    std::sort(types.begin(), types.end(),
              [](const TypeSummary &a, const TypeSummary &b) { return a.name < b.name; });
}

void fitEnumeratorsToWidth(Type &enumType)
{
    if (enumType.size == 0 || enumType.size >= 8)
        return;
    const unsigned width = static_cast<unsigned>(enumType.size * 8);
    for (Enumerator &item : enumType.enumerators) {
        auto bits = static_cast<std::uint64_t>(item.value) & ((1ull << width) - 1);
        if (enumType.isSigned && (bits >> (width - 1)) & 1)
            bits |= ~((1ull << width) - 1);
        item.value = static_cast<std::int64_t>(bits);
    }
}

namespace {

__extension__ typedef unsigned __int128 Uint128;

class Flattener
{
public:
    Flattener(std::size_t limit)
        : m_limit(limit)
    {
    }

    Leaves result;

    void add(const Type &type, std::uint64_t offset, const std::string &path, int depth)
    {
        if (result.cut)
            return;
        // Deep nesting only comes from a hostile or broken input: a type is at most as deep as
        // its declarations, and a real one is far from this.
        if (depth > 64) {
            leaf(type, offset, path, type.size);
            return;
        }
        switch (type.kind) {
        case Kind::Struct:
        case Kind::Union:
            for (const Field &field : type.fields) {
                if (!field.type)
                    continue;
                const std::string sub = field.name.empty()
                    ? path
                    : (path.empty() ? field.name : path + "." + field.name);
                if (field.bits > 0) {
                    if (result.leaves.size() >= m_limit) {
                        result.cut = true;
                        return;
                    }
                    Leaf l;
                    l.path = sub;
                    l.offset = offset + field.offset;
                    l.bitOffset = field.bitOffset;
                    l.bits = field.bits;
                    l.size = (field.bitOffset + field.bits + 7) / 8;
                    l.type = field.type.get();
                    result.leaves.push_back(std::move(l));
                } else {
                    add(*field.type, offset + field.offset, sub, depth + 1);
                }
                if (result.cut)
                    return;
            }
            return;
        case Kind::Array:
            if (type.isCharArray() || !type.element || type.element->size == 0) {
                if (type.count > 0 || type.isCharArray())
                    leaf(type, offset, path, type.size);
                return;
            }
            for (std::uint64_t i = 0; i < type.count && !result.cut; ++i)
                add(*type.element, offset + i * type.element->size,
                    path + "[" + std::to_string(i) + "]", depth + 1);
            return;
        default:
            leaf(type, offset, path, type.size);
        }
    }

private:
    void leaf(const Type &type, std::uint64_t offset, const std::string &path, std::uint64_t size)
    {
        if (result.leaves.size() >= m_limit) {
            result.cut = true;
            return;
        }
        Leaf l;
        l.path = path;
        l.offset = offset;
        l.size = size;
        l.type = &type;
        result.leaves.push_back(std::move(l));
    }

    std::size_t m_limit;
};

// Little-endian, at most 16 bytes.
Uint128 loadLittleEndian(const std::byte *bytes, std::size_t count)
{
    Uint128 v = 0;
    for (std::size_t i = std::min<std::size_t>(count, 16); i-- > 0;)
        v = (v << 8) | std::to_integer<unsigned>(bytes[i]);
    return v;
}

std::optional<std::string> enumeratorOf(const Type &type, std::int64_t bits)
{
    for (const Enumerator &e : type.enumerators) {
        if (e.value == bits)
            return e.name;
    }
    return std::nullopt;
}

bool isInteger(Kind kind)
{
    return kind == Kind::Signed || kind == Kind::Unsigned || kind == Kind::Bool
        || kind == Kind::Pointer || kind == Kind::Enum;
}

} // namespace

Leaves leavesOf(const TypePtr &type, std::uint64_t base, std::size_t limit)
{
    Flattener flattener(limit);
    if (type)
        flattener.add(*type, base, "", 0);
    return std::move(flattener.result);
}

Result<Value> readLeaf(const Leaf &leaf, const std::byte *bytes, std::size_t count)
{
    if (!leaf.type || count < leaf.size)
        return inputError(
            "read field", leaf.path,
            Text(QT_TRANSLATE_NOOP("shm", "%1 needs %2 bytes; %3 were given."),
                 {value(leaf.path), value(std::int64_t(leaf.size)), value(std::int64_t(count))}));
    const Type &type = *leaf.type;
    Value v;
    if (type.isCharArray()) {
        v.form = Value::Form::String;
        const auto *chars = reinterpret_cast<const char *>(bytes);
        const std::size_t n = static_cast<std::size_t>(leaf.size);
        v.bytes.assign(chars, static_cast<std::size_t>(std::find(chars, chars + n, '\0') - chars));
        return v;
    }
    if (type.kind == Kind::Float && !leaf.isBitfield()) {
        v.form = Value::Form::Float;
        if (leaf.size == sizeof(float)) {
            float f;
            std::memcpy(&f, bytes, sizeof f);
            v.f = f;
            v.floatBytes = sizeof f;
            return v;
        }
        if (leaf.size == sizeof(double)) {
            double d;
            std::memcpy(&d, bytes, sizeof d);
            v.f = d;
            v.floatBytes = static_cast<std::uint8_t>(sizeof d);
            return v;
        }
        if (leaf.size == sizeof(long double)) {
            long double d;
            std::memcpy(&d, bytes, sizeof d);
            v.f = d;
            v.floatBytes = static_cast<std::uint8_t>(sizeof d);
            return v;
        }
    }
    if (!isInteger(type.kind) || (!leaf.isBitfield() && (leaf.size == 0 || leaf.size > 16))
        || (leaf.isBitfield() && (leaf.bits > 64 || leaf.size > 9))) {
        v.form = Value::Form::Bytes;
        v.bytes.assign(reinterpret_cast<const char *>(bytes), static_cast<std::size_t>(leaf.size));
        return v;
    }
    Uint128 raw = loadLittleEndian(bytes, static_cast<std::size_t>(leaf.size));
    unsigned width = static_cast<unsigned>(leaf.size * 8);
    if (leaf.isBitfield()) {
        raw >>= leaf.bitOffset;
        width = leaf.bits;
    }
    if (width < 128)
        raw &= (static_cast<Uint128>(1) << width) - 1;
    const bool isSigned = type.isSigned && type.kind != Kind::Pointer && type.kind != Kind::Bool;
    if (isSigned && width > 0 && width < 128 && ((raw >> (width - 1)) & 1))
        raw |= ~((static_cast<Uint128>(1) << width) - 1); // sign extension
    v.wide = width > 64;
    v.high = static_cast<std::uint64_t>(raw >> 64);
    v.u = static_cast<std::uint64_t>(raw);
    v.i = static_cast<std::int64_t>(v.u);
    v.form = type.kind == Kind::Bool ? Value::Form::Bool
        : isSigned                   ? Value::Form::Signed
                                     : Value::Form::Unsigned;
    if (type.kind == Kind::Enum)
        v.enumerator = enumeratorOf(type, v.i);
    return v;
}

std::string jsonString(std::string_view text)
{
    std::string out = "\"";
    const auto escape = [&out](unsigned c) {
        char cell[8];
        std::snprintf(cell, sizeof cell, "\\u%04x", c);
        out += cell;
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
        } else if (c == '\n') {
            out += "\\n";
            ++i;
        } else if (c == '\t') {
            out += "\\t";
            ++i;
        } else if (c < 0x20 || c == 0x7f) {
            escape(c);
            ++i;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else {
            // A whole, shortest, valid UTF-8 sequence is kept; any other byte is escaped as the
            // code point of its value (as Latin-1 would read it).
            const std::size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
            bool valid = n > 0 && c <= 0xf4 && c >= 0xc2 && i + n <= text.size();
            std::uint32_t cp = n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
            for (std::size_t k = 1; valid && k < n; ++k) {
                const auto cc = static_cast<unsigned char>(text[i + k]);
                valid = (cc & 0xc0) == 0x80;
                cp = (cp << 6) | (cc & 0x3f);
            }
            valid = valid && !(n == 3 && cp < 0x800) && !(n == 4 && (cp < 0x10000 || cp > 0x10ffff))
                && !(cp >= 0xd800 && cp <= 0xdfff);
            if (valid) {
                out.append(text.substr(i, n));
                i += n;
            } else {
                escape(c);
                ++i;
            }
        }
    }
    return out + "\"";
}

namespace {

std::string hexOf(std::string_view bytes)
{
    std::string out;
    char cell[4];
    for (char b : bytes) {
        std::snprintf(cell, sizeof cell, "%02x", static_cast<unsigned char>(b));
        out += cell;
    }
    return out;
}

// The shortest text that reads back as the same value of the leaf's own type.
std::string floatText(long double f, unsigned bytes)
{
    if (std::isnan(f))
        return "nan";
    if (std::isinf(f))
        return f < 0 ? "-inf" : "inf";
    char text[64] = "";
    for (int digits = 6; digits <= 21; ++digits) {
        std::snprintf(text, sizeof text, "%.*Lg", digits, f);
        const bool same = bytes == sizeof(float)
            ? std::strtof(text, nullptr) == static_cast<float>(f)
            : bytes == sizeof(double) ? std::strtod(text, nullptr) == static_cast<double>(f)
                                      : std::strtold(text, nullptr) == f;
        if (same)
            break;
    }
    return text;
}

// A 128-bit integer's digits.
std::string wideText(std::uint64_t high, std::uint64_t low, bool isSigned)
{
    Uint128 v = (static_cast<Uint128>(high) << 64) | low;
    const bool negative = isSigned && (high >> 63);
    if (negative)
        v = ~v + 1;
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    } while (v != 0);
    return negative ? "-" + digits : digits;
}

} // namespace

std::string valueJson(const Value &v)
{
    switch (v.form) {
    case Value::Form::Signed:
        return v.wide ? wideText(v.high, v.u, true) : std::to_string(v.i);
    case Value::Form::Unsigned:
        return v.wide ? wideText(v.high, v.u, false) : std::to_string(v.u);
    case Value::Form::Bool:
        return v.u == 0 ? "false" : v.u == 1 ? "true" : std::to_string(v.u);
    case Value::Form::Float: {
        const std::string text = floatText(v.f, v.floatBytes);
        return std::isfinite(v.f) ? text : jsonString(text);
    }
    case Value::Form::String:
        return jsonString(v.bytes);
    case Value::Form::Bytes:
        return jsonString(hexOf(v.bytes));
    }
    return "null";
}

std::string valueText(const Value &v, const Type &type)
{
    switch (v.form) {
    case Value::Form::Unsigned:
        if (type.kind == Kind::Pointer) {
            char text[24];
            std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(v.u));
            return text;
        }
        [[fallthrough]];
    case Value::Form::Signed: {
        const std::string number = valueJson(v);
        if (type.kind == Kind::Enum)
            return v.enumerator ? *v.enumerator + " (" + number + ")" : number;
        return number;
    }
    case Value::Form::Bool:
        return std::to_string(v.u);
    case Value::Form::Float:
        return floatText(v.f, v.floatBytes);
    case Value::Form::String: {
        std::string out = "\"";
        for (char ch : v.bytes) {
            const auto c = static_cast<unsigned char>(ch);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += ch;
            } else if (c == '\n') {
                out += "\\n";
            } else if (c < 0x20 || c >= 0x7f) {
                char cell[8];
                std::snprintf(cell, sizeof cell, "\\x%02x", c);
                out += cell;
            } else {
                out += ch;
            }
        }
        return out + "\"";
    }
    case Value::Form::Bytes: {
        std::string out;
        char cell[4];
        for (std::size_t i = 0; i < v.bytes.size(); ++i) {
            std::snprintf(cell, sizeof cell, "%02x", static_cast<unsigned char>(v.bytes[i]));
            out += (i ? " " : "") + std::string(cell);
        }
        return out;
    }
    }
    return {};
}

} // namespace shm::layout
