#pragma once

// Conversions between bytes and typed values, shared by the data inspector (show and edit a
// value at the cursor), the find bar (search for a value) and copy (hex text, C array, base64).
// No widgets: tested on their own.

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <vector>

namespace valuecodec {

enum class Endian { Little, Big };

enum class ValueType {
    Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float32, Float64,
    TimeT,  // 64-bit seconds since the epoch, shown as a UTC date
    Char,   // the byte as a character (escaped when not printable ASCII)
    Utf8,   // the UTF-8 sequence starting at the byte
    Binary, // the byte's eight bits
    ValueTypeCount
};

// Bytes the value needs (Utf8: 1, its actual length depends on the data).
int byteWidth(ValueType type);
// Whether byte order matters for the type.
bool hasEndianness(ValueType type);
// "int16", "float64", "time_t"...
QString typeName(ValueType type);

// The value at bytes[0..available): an empty string when fewer than byteWidth bytes are there.
QString format(ValueType type, Endian endian, const std::byte *bytes, qint64 available);

// The bytes of `text` read as a value of `type` (user input: range-checked, never throws).
// TimeT accepts seconds or an ISO date ("2024-05-01T12:00:00Z"); Char one Latin-1 character;
// Utf8 one or more characters; Binary up to 8 binary digits.
shm::Result<std::vector<std::byte>> encode(ValueType type, Endian endian, const QString &text);

enum class CopyFormat { HexText, CArray, Base64 };
// "de ad be ef" / a C array declaration / base64.
QString formatBytes(CopyFormat format, const QByteArray &bytes);

} // namespace valuecodec
