#include "ui/memory/valuecodec.h"

#include "core/parse.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <bit>
#include <cstdint>
#include <cmath>
#include <cstring>
#include <limits>

namespace valuecodec {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("valuecodec", text);
}

std::uint64_t loadUnsigned(const std::byte *bytes, int width, Endian endian)
{
    std::uint64_t v = 0;
    for (int i = 0; i < width; ++i) {
        const int index = endian == Endian::Little ? width - 1 - i : i;
        v = (v << 8) | std::uint64_t(std::to_integer<unsigned>(bytes[index]));
    }
    return v;
}

std::vector<std::byte> storeUnsigned(std::uint64_t v, int width, Endian endian)
{
    std::vector<std::byte> out(static_cast<std::size_t>(width));
    for (int i = 0; i < width; ++i) {
        const int index = endian == Endian::Little ? i : width - 1 - i;
        out[std::size_t(index)] = std::byte(v & 0xff);
        v >>= 8;
    }
    return out;
}

std::int64_t signExtend(std::uint64_t v, int width)
{
    if (width == 8)
        return std::int64_t(v);
    const int bits = width * 8;
    const std::uint64_t sign = std::uint64_t(1) << (bits - 1);
    return std::int64_t((v ^ sign) - sign);
}

QString formatDouble(double d)
{
    // QString::number drops the sign of -0.0; typed back, "0" would give other bytes.
    if (d == 0 && std::signbit(d))
        return QStringLiteral("-0");
    return QString::number(d, 'g', 17);
}

shm::Error error(const QString &input, const QString &message)
{
    return shm::inputError("value", input.toStdString(), shm::value(message.toStdString()));
}

} // namespace

int byteWidth(ValueType type)
{
    switch (type) {
    case ValueType::Int8: case ValueType::UInt8: case ValueType::Char: case ValueType::Utf8:
    case ValueType::Binary: return 1;
    case ValueType::Int16: case ValueType::UInt16: return 2;
    case ValueType::Int32: case ValueType::UInt32: case ValueType::Float32: return 4;
    case ValueType::Int64: case ValueType::UInt64: case ValueType::Float64:
    case ValueType::TimeT: return 8;
    case ValueType::ValueTypeCount: break;
    }
    return 1;
}

bool hasEndianness(ValueType type)
{
    return byteWidth(type) > 1;
}

QString typeName(ValueType type)
{
    switch (type) {
    case ValueType::Int8: return QStringLiteral("int8");
    case ValueType::UInt8: return QStringLiteral("uint8");
    case ValueType::Int16: return QStringLiteral("int16");
    case ValueType::UInt16: return QStringLiteral("uint16");
    case ValueType::Int32: return QStringLiteral("int32");
    case ValueType::UInt32: return QStringLiteral("uint32");
    case ValueType::Int64: return QStringLiteral("int64");
    case ValueType::UInt64: return QStringLiteral("uint64");
    case ValueType::Float32: return QStringLiteral("float32");
    case ValueType::Float64: return QStringLiteral("float64");
    case ValueType::TimeT: return QStringLiteral("time_t");
    case ValueType::Char: return tr("char");
    case ValueType::Utf8: return QStringLiteral("UTF-8");
    case ValueType::Binary: return tr("binary");
    case ValueType::ValueTypeCount: break;
    }
    return {};
}

QString format(ValueType type, Endian endian, const std::byte *bytes, qint64 available)
{
    const int width = byteWidth(type);
    if (available < width || !bytes)
        return {};
    const std::uint64_t u = loadUnsigned(bytes, width, endian);
    switch (type) {
    case ValueType::Int8: case ValueType::Int16: case ValueType::Int32: case ValueType::Int64:
        return QString::number(signExtend(u, width));
    case ValueType::UInt8: case ValueType::UInt16: case ValueType::UInt32: case ValueType::UInt64:
        return QString::number(u);
    case ValueType::Float32:
        return formatDouble(double(std::bit_cast<float>(std::uint32_t(u))));
    case ValueType::Float64:
        return formatDouble(std::bit_cast<double>(u));
    case ValueType::TimeT: {
        const auto secs = std::int64_t(u);
        // QDateTime covers about +-292 million years; stay well inside.
        constexpr std::int64_t limit = 253402300799; // 9999-12-31T23:59:59Z
        if (secs < -62135596800 || secs > limit)
            return tr("out of range (%1)").arg(secs);
        return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC)
                   .toString(Qt::ISODate);
    }
    case ValueType::Char: {
        const unsigned c = std::to_integer<unsigned>(bytes[0]);
        if (c >= 0x20 && c < 0x7f)
            return QStringLiteral("'%1'").arg(QChar(c));
        switch (c) {
        case 0: return QStringLiteral("'\\0'");
        case '\n': return QStringLiteral("'\\n'");
        case '\r': return QStringLiteral("'\\r'");
        case '\t': return QStringLiteral("'\\t'");
        default: return QStringLiteral("'\\x%1'").arg(c, 2, 16, QLatin1Char('0'));
        }
    }
    case ValueType::Utf8: {
        const unsigned lead = std::to_integer<unsigned>(bytes[0]);
        int length = lead < 0x80 ? 1 : (lead & 0xe0) == 0xc0 ? 2 : (lead & 0xf0) == 0xe0 ? 3
                   : (lead & 0xf8) == 0xf0 ? 4 : 0;
        if (length == 0 || available < length)
            return tr("invalid");
        char32_t cp = length == 1 ? lead : length == 2 ? (lead & 0x1f) : length == 3 ? (lead & 0x0f)
                                                                                     : (lead & 0x07);
        for (int i = 1; i < length; ++i) {
            const unsigned b = std::to_integer<unsigned>(bytes[i]);
            if ((b & 0xc0) != 0x80)
                return tr("invalid");
            cp = (cp << 6) | (b & 0x3f);
        }
        const char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < minimum[length] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return tr("invalid");
        const QString shown = cp < 0x20 || cp == 0x7f ? QString() : QString::fromUcs4(&cp, 1) + u' ';
        return shown + QStringLiteral("U+")
               + QStringLiteral("%1").arg(quint32(cp), 4, 16, QLatin1Char('0')).toUpper();
    }
    case ValueType::Binary: {
        const QString bits = QStringLiteral("%1").arg(std::to_integer<unsigned>(bytes[0]), 8, 2,
                                                      QLatin1Char('0'));
        return bits.left(4) + u' ' + bits.mid(4);
    }
    case ValueType::ValueTypeCount: break;
    }
    return {};
}

shm::Result<std::vector<std::byte>> encode(ValueType type, Endian endian, const QString &text)
{
    const QString trimmed = text.trimmed();
    const std::string input = trimmed.toStdString();
    const int width = byteWidth(type);
    switch (type) {
    case ValueType::Int8: case ValueType::Int16: case ValueType::Int32: case ValueType::Int64: {
        const std::int64_t max = width == 8 ? std::numeric_limits<std::int64_t>::max()
                                            : (std::int64_t(1) << (width * 8 - 1)) - 1;
        auto v = shm::parseInteger(input, -max - 1, max);
        if (!v)
            return v.error();
        return storeUnsigned(std::uint64_t(*v), width, endian);
    }
    case ValueType::UInt8: case ValueType::UInt16: case ValueType::UInt32: case ValueType::UInt64:
    case ValueType::TimeT: {
        if (type == ValueType::TimeT) {
            auto secs = shm::parseInteger(input, std::numeric_limits<std::int64_t>::min(),
                                          std::numeric_limits<std::int64_t>::max());
            if (secs)
                return storeUnsigned(std::uint64_t(*secs), width, endian);
            QDateTime date = QDateTime::fromString(trimmed, Qt::ISODate);
            if (!date.isValid())
                return error(text, tr("Expected seconds since 1970 or an ISO date such as "
                                      "2024-05-01T12:00:00Z."));
            if (date.timeSpec() == Qt::LocalTime)
                date.setTimeZone(QTimeZone::utc());
            return storeUnsigned(std::uint64_t(date.toSecsSinceEpoch()), width, endian);
        }
        const std::uint64_t max = width == 8 ? std::numeric_limits<std::uint64_t>::max()
                                             : (std::uint64_t(1) << (width * 8)) - 1;
        auto v = shm::parseUnsigned(input, max);
        if (!v)
            return v.error();
        return storeUnsigned(*v, width, endian);
    }
    case ValueType::Float32: {
        // Refuses what a float cannot hold (3.5e38 would silently become inf).
        auto f = shm::parseFloat32(input);
        if (!f)
            return f.error();
        return storeUnsigned(std::bit_cast<std::uint32_t>(*f), 4, endian);
    }
    case ValueType::Float64: {
        auto d = shm::parseDouble(input);
        if (!d)
            return d.error();
        return storeUnsigned(std::bit_cast<std::uint64_t>(*d), 8, endian);
    }
    case ValueType::Char: {
        const QString raw = text; // spaces are characters here
        if (raw.size() != 1 || raw.at(0).unicode() > 0xff)
            return error(text, tr("Expected one Latin-1 character."));
        return std::vector<std::byte>{std::byte(raw.at(0).unicode())};
    }
    case ValueType::Utf8: {
        if (text.isEmpty())
            return error(text, tr("Expected at least one character."));
        const QByteArray utf8 = text.toUtf8();
        std::vector<std::byte> out(std::size_t(utf8.size()));
        std::memcpy(out.data(), utf8.constData(), out.size());
        return out;
    }
    case ValueType::Binary: {
        QString digits = trimmed;
        digits.remove(u' ');
        if (digits.startsWith(QLatin1String("0b")))
            digits = digits.mid(2);
        bool ok = !digits.isEmpty() && digits.size() <= 8;
        unsigned v = 0;
        for (QChar c : digits) {
            if (c != u'0' && c != u'1')
                ok = false;
            v = (v << 1) | (c == u'1' ? 1u : 0u);
        }
        if (!ok)
            return error(text, tr("Expected up to 8 binary digits, such as 0100 1101."));
        return std::vector<std::byte>{std::byte(v)};
    }
    case ValueType::ValueTypeCount: break;
    }
    return error(text, tr("Unknown type."));
}

QString formatBytes(CopyFormat format, const QByteArray &bytes)
{
    switch (format) {
    case CopyFormat::HexText:
        return QString::fromLatin1(bytes.toHex(' '));
    case CopyFormat::Base64:
        return QString::fromLatin1(bytes.toBase64());
    case CopyFormat::CArray: {
        QString out = QStringLiteral("const unsigned char data[%1] = {").arg(bytes.size());
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            out += i % 12 == 0 ? QStringLiteral("\n    ") : QStringLiteral(" ");
            out += QStringLiteral("0x%1").arg(quint8(bytes[i]), 2, 16, QLatin1Char('0'));
            if (i + 1 < bytes.size())
                out += u',';
        }
        out += QStringLiteral("\n};\n");
        return out;
    }
    }
    return {};
}

} // namespace valuecodec
