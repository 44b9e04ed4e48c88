#pragma once

// C layouts over memory: the type model that a C header (clanglayout.h) or an ELF's DWARF
// (dwarflayout.h) is turned into, the leaves of a type (each scalar, string or bitfield with its
// dotted path and its offset), and the reading of a leaf's value from bytes. Everything here is
// pure: no memory of a segment is touched; the caller reads the bytes through MemoryAccess and
// hands them over, so a fault or an untouched page stays the access layer's business.
//
// Values are read as this machine's ABI lays them out (x86-64 and the other little-endian
// Linux ABIs): integers little-endian, floats IEEE 754, long double as the host's.

#include "result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shm::layout {

enum class Kind : std::uint8_t {
    Signed, // a signed integer (char, short, int, long, long long, int128...)
    Unsigned, // an unsigned integer
    Bool, // _Bool
    Float, // float, double, long double (the host's)
    Pointer, // any pointer: an unsigned integer of the pointer's size
    Enum, // an enumeration: an integer (signed or not) with named values
    Struct,
    Union,
    Array,
    Opaque, // a type this model does not read (complex, vectors, void): shown as hex bytes
};

struct Type;
using TypePtr = std::shared_ptr<const Type>;

struct Enumerator
{
    std::string name;
    std::int64_t value = 0; // an unsigned enumerator above INT64_MAX is kept as its bits
};

// A member of a struct or a union. An anonymous struct or union member has an empty name: its
// members are reached as if they were the parent's, as in C.
struct Field
{
    std::string name;
    std::uint64_t offset = 0; // bytes from the start of the parent (a bitfield: its first byte)
    // A bitfield: `bits` > 0, its first bit `bitOffset` (0..7) bits above the least significant
    // bit of the byte at `offset`.
    std::uint32_t bitOffset = 0;
    std::uint32_t bits = 0;
    TypePtr type;
};

struct Type
{
    Kind kind = Kind::Opaque;
    std::string name; // as C writes it: "int", "uint32_t", "struct point", "char[16]"
    std::uint64_t size = 0; // sizeof
    bool isSigned = false; // Signed, and an Enum whose underlying type is signed
    std::vector<Field> fields; // Struct, Union
    TypePtr element; // Array
    std::uint64_t count = 0; // Array: elements (0 for a flexible array member)
    std::vector<Enumerator> enumerators; // Enum

    // A char array (char, signed char or unsigned char elements, as declared): one leaf, a
    // string. An array of int8_t or uint8_t is a byte array, a leaf per element.
    bool isCharArray() const;
    // The same type under another name (a typedef): the layout is shared.
    TypePtr renamed(std::string newName) const;
};

// Where a type comes from, and the names and sizes of the types a file has: what the GUI offers
// to choose from.
struct TypeSummary
{
    std::string name; // "struct record", "point_t", "enum color", "union value"
    std::uint64_t size = 0;
    Kind kind = Kind::Opaque;

    bool operator==(const TypeSummary &) const = default;
};

// `types` ordered for a segment of `segmentSize` bytes: those that fit first, the largest
// (the likeliest to describe the whole segment) first, then the ones too large, smallest first;
// names break ties.
std::vector<TypeSummary> orderForSegment(std::vector<TypeSummary> types, std::uint64_t segmentSize);

// The types of a layout file and how to build one by its name.
class TypeSource
{
public:
    virtual ~TypeSource() = default;
    // The types the file itself declares, sorted by name: those of system headers (declared
    // under /usr/include, for a binary) are left out, though type() finds them.
    virtual std::vector<TypeSummary> types() const = 0;
    // The type called `name` ("struct record", "point_t", or the bare tag "record" when no
    // other type has that name). An unknown name: an Error that lists the types there are.
    virtual Result<TypePtr> type(std::string_view name) const = 0;
};

// The error for an unknown type `name` among `known` (names a few of them and their count).
Error unknownTypeError(std::string_view name, const std::vector<TypeSummary> &known,
                       const std::string &file);

// The error for the type `typeName` of `file` that cannot be laid out, and why (`problem`).
Error layOutError(const std::string &file, const std::string &typeName, const std::string &problem);

// Sorts a TypeSource's summaries by name, as types() gives them.
void sortByName(std::vector<TypeSummary> &types);

// Each of an enum's enumerators as it reads back from memory (the enum's width, sign-extended
// or not), so that it compares equal with what readLeaf gives.
void fitEnumeratorsToWidth(Type &enumType);

// One thing to read: a scalar, a string (a char array), a bitfield or opaque bytes.
struct Leaf
{
    std::string path; // "pts[1].y", "val.d", "stats.counts[0]", "" for a scalar type
    std::uint64_t offset = 0; // bytes from where the type was placed (plus the base given)
    std::uint64_t size = 0; // bytes read (a bitfield: the bytes its bits touch)
    std::uint32_t bitOffset = 0; // a bitfield's first bit above the LSB of the byte at offset
    std::uint32_t bits = 0; // > 0 for a bitfield
    const Type *type = nullptr; // the leaf's type (owned by the TypePtr given to leavesOf)

    bool isBitfield() const { return bits > 0; }
};

struct Leaves
{
    std::vector<Leaf> leaves;
    bool cut = false; // more than the limit: the first `limit` leaves only
};

// Every leaf of `type` placed at `base`, in memory order within each struct (union members all
// listed, one after the other). At most `limit` leaves. `type` must outlive the leaves.
Leaves leavesOf(const TypePtr &type, std::uint64_t base = 0, std::size_t limit = 1u << 20);

// A leaf's value.
struct Value
{
    enum class Form : std::uint8_t { Signed, Unsigned, Float, Bool, String, Bytes };
    Form form = Form::Bytes;
    std::int64_t i = 0; // Signed (and Signed enums); a 128-bit integer: its low bits
    std::uint64_t u = 0; // Unsigned, Bool, Pointer, unsigned enums
    long double f = 0; // Float
    std::string bytes; // String: up to the first NUL; Bytes: the raw bytes
    // A 128-bit integer: `high` holds its upper 64 bits (i/u its lower ones) and wide is set.
    std::uint64_t high = 0;
    bool wide = false;
    std::uint8_t floatBytes = 0; // Float: 4, 8 or sizeof(long double), for the shortest text
    std::optional<std::string> enumerator; // Enum: the enumerator's name, if one has this value
};

// Reads `leaf` from `bytes`, which hold its `leaf.size` bytes (from leaf.offset). Fewer bytes
// than leaf.size: an Error (never a read past the end).
Result<Value> readLeaf(const Leaf &leaf, const std::byte *bytes, std::size_t count);

// The value as JSON: an exact number (64-bit integers as digits, never through a double), a
// JSON string for strings, "inf"/"-inf"/"nan" as strings, bytes as a hex string, true/false
// for a _Bool of 0 or 1.
std::string valueJson(const Value &value);
// The value for a person: the number (a pointer in hex), a string quoted with C escapes, an
// enum as "RED (1)", bytes in hex.
std::string valueText(const Value &value, const Type &type);

// `text` as a JSON string literal, quotes included: control characters and invalid UTF-8
// bytes escaped (\u00XX), valid UTF-8 kept.
std::string jsonString(std::string_view text);

} // namespace shm::layout
