#include "dwarflayout.h"

#include "namedtypesource.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwelf.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <unistd.h>

namespace shm::layout {

namespace {

// The open file and libdw's handle on it, released in this order.
class DwarfFile
{
public:
    DwarfFile() = default;
    ~DwarfFile()
    {
        if (m_dwfl)
            dwfl_end(m_dwfl); // its Dwarf with it
        else if (m_dwarf)
            dwarf_end(m_dwarf);
        for (Elf *elf : {m_debugElf, m_elf}) {
            if (elf)
                elf_end(elf);
        }
        for (int fd : {m_debugFd, m_fd}) {
            if (fd >= 0)
                close(fd);
        }
    }
    DwarfFile(const DwarfFile &) = delete;
    DwarfFile &operator=(const DwarfFile &) = delete;

    int m_fd = -1;
    Elf *m_elf = nullptr;
    int m_debugFd = -1; // a separate debug file, found by build ID
    Elf *m_debugElf = nullptr;
    Dwfl *m_dwfl = nullptr; // an object file's relocations
    Dwarf *m_dwarf = nullptr;
    std::uint64_t m_pointerSize = 8;
};

bool attrUnsigned(Dwarf_Die *die, unsigned name, Dwarf_Word &out)
{
    Dwarf_Attribute attr;
    return dwarf_attr_integrate(die, name, &attr) && dwarf_formudata(&attr, &out) == 0;
}

bool attrSigned(Dwarf_Die *die, unsigned name, Dwarf_Sword &out)
{
    Dwarf_Attribute attr;
    return dwarf_attr_integrate(die, name, &attr) && dwarf_formsdata(&attr, &out) == 0;
}

// The DIE DW_AT_type refers to; false for none (void).
bool typeOf(Dwarf_Die *die, Dwarf_Die &target)
{
    Dwarf_Attribute attr;
    return dwarf_attr_integrate(die, DW_AT_type, &attr) && dwarf_formref_die(&attr, &target);
}

std::string dieName(Dwarf_Die *die)
{
    const char *name = dwarf_diename(die);
    return name ? name : "";
}

// DW_AT_data_member_location: a constant, or (DWARF 2) DW_OP_plus_uconst N.
std::uint64_t memberLocation(Dwarf_Die *member)
{
    Dwarf_Attribute attr;
    if (!dwarf_attr_integrate(member, DW_AT_data_member_location, &attr))
        return 0;
    Dwarf_Word offset = 0;
    if (dwarf_formudata(&attr, &offset) == 0)
        return offset;
    Dwarf_Op *ops = nullptr;
    std::size_t count = 0;
    if (dwarf_getlocation(&attr, &ops, &count) == 0 && count == 1
        && ops[0].atom == DW_OP_plus_uconst)
        return ops[0].number;
    return 0;
}

class DwarfSource final : public NamedTypeSource<Dwarf_Off>
{
public:
    DwarfSource(std::unique_ptr<DwarfFile> file, std::string path)
        : NamedTypeSource(std::move(path))
        , m_file(std::move(file))
    {
        index();
    }

private:
    Result<TypePtr> build(const std::string &name, const Dwarf_Off &offset) const override
    {
        Dwarf_Die die;
        std::string problem = "libdw cannot read its entry";
        TypePtr t;
        if (dwarf_offdie(m_file->m_dwarf, offset, &die))
            t = convert(&die, 0, problem);
        if (!t)
            return layOutError(name, problem);
        return t;
    }

    void index()
    {
        Dwarf_Off offset = 0;
        Dwarf_Off next = 0;
        std::size_t headerSize = 0;
        while (dwarf_nextcu(m_file->m_dwarf, offset, &next, &headerSize, nullptr, nullptr, nullptr)
               == 0) {
            Dwarf_Die cu;
            if (dwarf_offdie(m_file->m_dwarf, offset + headerSize, &cu))
                indexChildren(&cu, 0);
            offset = next;
        }
        sortByName(m_summaries);
    }

    void indexChildren(Dwarf_Die *parent, int depth)
    {
        Dwarf_Die child;
        if (depth > 8 || dwarf_child(parent, &child) != 0)
            return;
        do {
            const int tag = dwarf_tag(&child);
            const char *prefix = tag == DW_TAG_structure_type      ? "struct "
                : tag == DW_TAG_union_type                         ? "union "
                : tag == DW_TAG_enumeration_type                   ? "enum "
                : tag == DW_TAG_typedef || tag == DW_TAG_base_type ? ""
                                                                   : nullptr;
            if (!prefix)
                continue;
            if (dwarf_hasattr(&child, DW_AT_declaration))
                continue;
            const std::string name = dieName(&child);
            if (!name.empty())
                add(prefix + name, &child, tag);
            if (tag == DW_TAG_structure_type || tag == DW_TAG_union_type)
                indexChildren(&child, depth + 1);
        } while (dwarf_siblingof(&child, &child) == 0);
    }

    void add(const std::string &name, Dwarf_Die *die, int tag)
    {
        if (m_named.count(name))
            return;
        m_named.emplace(name, dwarf_dieoffset(die));
        if (tag == DW_TAG_base_type)
            return; // int, char...: there, but not worth offering
        // As for a header, the system's types (FILE, __off_t) are found but not offered.
        const char *file = dwarf_decl_file(die);
        if (file
            && (std::strncmp(file, "/usr/include/", 13) == 0
                || std::strncmp(file, "/usr/lib/", 9) == 0))
            return;
        Dwarf_Die peeled;
        Dwarf_Word size = 0;
        if (dwarf_peel_type(die, &peeled) != 0 || dwarf_aggregate_size(&peeled, &size) != 0)
            return;
        const int peeledTag = dwarf_tag(&peeled);
        TypeSummary summary;
        summary.name = name;
        summary.size = size;
        summary.kind = peeledTag == DW_TAG_structure_type ? Kind::Struct
            : peeledTag == DW_TAG_union_type              ? Kind::Union
            : peeledTag == DW_TAG_enumeration_type        ? Kind::Enum
            : peeledTag == DW_TAG_array_type              ? Kind::Array
            : peeledTag == DW_TAG_pointer_type            ? Kind::Pointer
                                                          : Kind::Opaque;
        if (peeledTag == DW_TAG_base_type) {
            Dwarf_Word encoding = 0;
            attrUnsigned(&peeled, DW_AT_encoding, encoding);
            summary.kind = baseKind(encoding);
        }
        m_summaries.push_back(std::move(summary));
    }

    static Kind baseKind(Dwarf_Word encoding)
    {
        switch (encoding) {
        case DW_ATE_signed:
        case DW_ATE_signed_char:
            return Kind::Signed;
        case DW_ATE_unsigned:
        case DW_ATE_unsigned_char:
        case DW_ATE_UTF:
            return Kind::Unsigned;
        case DW_ATE_boolean:
            return Kind::Bool;
        case DW_ATE_float:
            return Kind::Float;
        default:
            return Kind::Opaque;
        }
    }

    // A name for the type at `die` without laying it out (pointers to the struct being laid
    // out, function pointers).
    static std::string shallowName(Dwarf_Die *die, int depth = 0)
    {
        const int tag = dwarf_tag(die);
        const std::string name = dieName(die);
        Dwarf_Die target;
        const bool hasTarget = typeOf(die, target);
        if (depth > 16)
            return "...";
        switch (tag) {
        case DW_TAG_structure_type:
            return name.empty() ? "struct {...}" : "struct " + name;
        case DW_TAG_union_type:
            return name.empty() ? "union {...}" : "union " + name;
        case DW_TAG_enumeration_type:
            return name.empty() ? "enum {...}" : "enum " + name;
        case DW_TAG_pointer_type:
            return (hasTarget ? shallowName(&target, depth + 1) : "void") + " *";
        case DW_TAG_const_type:
            return "const " + (hasTarget ? shallowName(&target, depth + 1) : "void");
        case DW_TAG_volatile_type:
            return "volatile " + (hasTarget ? shallowName(&target, depth + 1) : "void");
        case DW_TAG_atomic_type:
            return "_Atomic " + (hasTarget ? shallowName(&target, depth + 1) : "void");
        case DW_TAG_restrict_type:
            return hasTarget ? shallowName(&target, depth + 1) + " restrict" : "void";
        case DW_TAG_subroutine_type:
            return "function";
        case DW_TAG_array_type:
            return (hasTarget ? shallowName(&target, depth + 1) : "?") + "[]";
        default:
            return name.empty() ? "?" : name;
        }
    }

    TypePtr convert(Dwarf_Die *die, int depth, std::string &problem) const
    {
        if (depth > 64) {
            problem = "types nest too deeply";
            return nullptr;
        }
        const int tag = dwarf_tag(die);
        Dwarf_Die target;
        const bool hasTarget = typeOf(die, target);
        switch (tag) {
        case DW_TAG_typedef:
        case DW_TAG_const_type:
        case DW_TAG_volatile_type:
        case DW_TAG_atomic_type:
        case DW_TAG_restrict_type: {
            if (!hasTarget) {
                auto v = std::make_shared<Type>();
                v->name = tag == DW_TAG_typedef ? dieName(die) : shallowName(die);
                return v;
            }
            const TypePtr inner = convert(&target, depth + 1, problem);
            if (!inner)
                return nullptr;
            return inner->renamed(tag == DW_TAG_typedef ? dieName(die) : shallowName(die));
        }
        default:
            break;
        }
        auto out = std::make_shared<Type>();
        out->name = shallowName(die);
        Dwarf_Word size = 0;
        switch (tag) {
        case DW_TAG_base_type: {
            Dwarf_Word encoding = 0;
            attrUnsigned(die, DW_AT_encoding, encoding);
            out->kind = baseKind(encoding);
            out->isSigned = out->kind == Kind::Signed;
            attrUnsigned(die, DW_AT_byte_size, size);
            out->size = size;
            return out;
        }
        case DW_TAG_pointer_type:
        case DW_TAG_reference_type:
        case DW_TAG_rvalue_reference_type:
        case DW_TAG_ptr_to_member_type:
            out->kind = Kind::Pointer;
            out->size = attrUnsigned(die, DW_AT_byte_size, size) ? size : m_file->m_pointerSize;
            return out;
        case DW_TAG_structure_type:
        case DW_TAG_union_type:
        case DW_TAG_class_type:
            out->kind = tag == DW_TAG_union_type ? Kind::Union : Kind::Struct;
            if (dwarf_hasattr(die, DW_AT_declaration)
                || !attrUnsigned(die, DW_AT_byte_size, size)) {
                problem = out->name + " is only declared here (an incomplete type)";
                return nullptr;
            }
            out->size = size;
            return addMembers(die, *out, depth, problem) ? out : nullptr;
        case DW_TAG_enumeration_type:
            out->kind = Kind::Enum;
            attrUnsigned(die, DW_AT_byte_size, size);
            out->size = size;
            addEnumerators(die, hasTarget ? &target : nullptr, *out);
            return out;
        case DW_TAG_array_type:
            return array(die, hasTarget ? &target : nullptr, depth, problem);
        default:
            out->kind = Kind::Opaque;
            if (dwarf_aggregate_size(die, &size) == 0)
                out->size = size;
            return out;
        }
    }

    bool addMembers(Dwarf_Die *die, Type &record, int depth, std::string &problem) const
    {
        Dwarf_Die member;
        if (dwarf_child(die, &member) != 0)
            return true; // an empty struct
        do {
            if (dwarf_tag(&member) != DW_TAG_member)
                continue;
            Field field;
            field.name = dieName(&member);
            Dwarf_Die memberType;
            if (!typeOf(&member, memberType))
                continue;
            Dwarf_Word bitSize = 0;
            const bool bitfield = attrUnsigned(&member, DW_AT_bit_size, bitSize) && bitSize > 0;
            if (bitfield && field.name.empty())
                continue; // padding
            field.type = convert(&memberType, depth + 1, problem);
            if (!field.type)
                return false;
            const std::uint64_t location = memberLocation(&member);
            if (bitfield) {
                std::uint64_t totalBits = 0;
                Dwarf_Word dataBitOffset = 0;
                if (attrUnsigned(&member, DW_AT_data_bit_offset, dataBitOffset)) {
                    totalBits = dataBitOffset;
                } else {
                    // DWARF 2 and 3: counted from the most significant bit of a storage unit
                    // of DW_AT_byte_size (or the type's size) at the member's location.
                    Dwarf_Word storage = field.type->size;
                    attrUnsigned(&member, DW_AT_byte_size, storage);
                    Dwarf_Word bitOffset = 0;
                    attrUnsigned(&member, DW_AT_bit_offset, bitOffset);
                    const std::uint64_t top = location * 8 + storage * 8;
                    totalBits = top >= bitOffset + bitSize ? top - bitOffset - bitSize : 0;
                }
                field.offset = totalBits / 8;
                field.bitOffset = static_cast<std::uint32_t>(totalBits % 8);
                field.bits = static_cast<std::uint32_t>(std::min<Dwarf_Word>(bitSize, 128));
            } else {
                field.offset = location;
            }
            record.fields.push_back(std::move(field));
        } while (dwarf_siblingof(&member, &member) == 0);
        return true;
    }

    static void addEnumerators(Dwarf_Die *die, Dwarf_Die *underlying, Type &out)
    {
        if (underlying) {
            Dwarf_Die peeled;
            Dwarf_Word encoding = 0;
            if (dwarf_peel_type(underlying, &peeled) == 0)
                attrUnsigned(&peeled, DW_AT_encoding, encoding);
            out.isSigned = baseKind(encoding) == Kind::Signed;
        }
        Dwarf_Die item;
        if (dwarf_child(die, &item) != 0)
            return;
        bool negative = false;
        do {
            if (dwarf_tag(&item) != DW_TAG_enumerator)
                continue;
            Enumerator e;
            e.name = dieName(&item);
            Dwarf_Sword s = 0;
            Dwarf_Word u = 0;
            if (out.isSigned || !underlying) {
                attrSigned(&item, DW_AT_const_value, s);
                e.value = s;
                negative = negative || s < 0;
            } else {
                attrUnsigned(&item, DW_AT_const_value, u);
                e.value = static_cast<std::int64_t>(u);
            }
            out.enumerators.push_back(std::move(e));
        } while (dwarf_siblingof(&item, &item) == 0);
        if (!underlying)
            out.isSigned = negative;
        fitEnumeratorsToWidth(out);
    }

    TypePtr array(Dwarf_Die *die, Dwarf_Die *elementDie, int depth, std::string &problem) const
    {
        if (!elementDie) {
            problem = "an array without an element type";
            return nullptr;
        }
        TypePtr element = convert(elementDie, depth + 1, problem);
        if (!element)
            return nullptr;
        std::vector<std::uint64_t> counts;
        Dwarf_Die range;
        if (dwarf_child(die, &range) == 0) {
            do {
                if (dwarf_tag(&range) != DW_TAG_subrange_type)
                    continue;
                Dwarf_Word count = 0;
                Dwarf_Word upper = 0;
                Dwarf_Word lower = 0;
                attrUnsigned(&range, DW_AT_lower_bound, lower);
                if (attrUnsigned(&range, DW_AT_count, count)) {
                    counts.push_back(count);
                } else if (dwarf_hasattr(&range, DW_AT_upper_bound)
                           && attrUnsigned(&range, DW_AT_upper_bound, upper) && upper + 1 > lower
                           && upper != ~Dwarf_Word(0)) {
                    counts.push_back(upper + 1 - lower);
                } else {
                    counts.push_back(0); // a flexible array member, int a[]
                }
            } while (dwarf_siblingof(&range, &range) == 0);
        }
        if (counts.empty())
            counts.push_back(0);
        // int m[2][3] is an array of 2 arrays of 3: built from the last dimension out.
        TypePtr current = element;
        std::string suffix;
        for (std::size_t i = counts.size(); i-- > 0;) {
            auto a = std::make_shared<Type>();
            a->kind = Kind::Array;
            a->element = current;
            a->count = counts[i];
            if (current->size > 0 && a->count > UINT64_MAX / current->size) {
                problem = "an array larger than memory";
                return nullptr;
            }
            a->size = a->count * current->size;
            suffix = "[" + std::to_string(counts[i]) + "]" + suffix;
            a->name = element->name + suffix;
            current = a;
        }
        return current;
    }

    std::unique_ptr<DwarfFile> m_file;
};

// An object file (.o): its DWARF refers to its strings and types through relocations, which
// libdwfl applies. No other file is looked for (no debuginfod, no network).
void openRelocated(DwarfFile &file, const std::string &path)
{
    static char *noDebuginfoPath = nullptr;
    static const Dwfl_Callbacks callbacks
        = {[](Dwfl_Module *, void **, const char *, Dwarf_Addr, char **, Elf **) { return -1; },
           [](Dwfl_Module *, void **, const char *, Dwarf_Addr, const char *, const char *,
              GElf_Word, char **) { return -1; },
           dwfl_offline_section_address, &noDebuginfoPath};
    file.m_dwfl = dwfl_begin(&callbacks);
    if (!file.m_dwfl)
        return;
    Dwfl_Module *module = dwfl_report_offline(file.m_dwfl, path.c_str(), path.c_str(), -1);
    dwfl_report_end(file.m_dwfl, nullptr, nullptr);
    Dwarf_Addr bias = 0;
    if (module)
        file.m_dwarf = dwfl_module_getdwarf(module, &bias);
}

// A stripped program whose debug info is installed apart (Debian's -dbgsym packages):
// /usr/lib/debug/.build-id/xx/yyyy.debug, by the program's build ID.
void openSeparateDebugFile(DwarfFile &file)
{
    const void *id = nullptr;
    const ssize_t length = dwelf_elf_gnu_build_id(file.m_elf, &id);
    if (length < 2)
        return;
    std::string hex;
    char cell[3];
    for (ssize_t i = 0; i < length; ++i) {
        std::snprintf(cell, sizeof cell, "%02x", static_cast<const unsigned char *>(id)[i]);
        hex += cell;
    }
    const std::string debugPath
        = "/usr/lib/debug/.build-id/" + hex.substr(0, 2) + "/" + hex.substr(2) + ".debug";
    file.m_debugFd = open(debugPath.c_str(), O_RDONLY | O_CLOEXEC);
    if (file.m_debugFd < 0)
        return;
    file.m_debugElf = elf_begin(file.m_debugFd, ELF_C_READ_MMAP, nullptr);
    if (file.m_debugElf)
        file.m_dwarf = dwarf_begin_elf(file.m_debugElf, DWARF_C_READ, nullptr);
}

Error noDebugInfo(const std::string &path)
{
    return inputError("read debug info", path,
                      Text(QT_TRANSLATE_NOOP("shm",
                                             "%1 has no debug info (DWARF) to take types "
                                             "from, and none is installed for it under "
                                             "/usr/lib/debug: build it with -g, or give "
                                             "its separate debug file."),
                           {value(path)}),
                      ErrorKind::NotFound);
}

} // namespace

Result<std::unique_ptr<TypeSource>> readDwarfFile(const std::string &path)
{
    auto file = std::make_unique<DwarfFile>();
    file->m_fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file->m_fd < 0)
        return systemError("open", path, errno);
    elf_version(EV_CURRENT);
    file->m_elf = elf_begin(file->m_fd, ELF_C_READ_MMAP, nullptr);
    if (!file->m_elf || elf_kind(file->m_elf) != ELF_K_ELF)
        return inputError("read debug info", path,
                          Text(QT_TRANSLATE_NOOP("shm", "%1 cannot be read as an ELF file: %2"),
                               {value(path), value(elf_errmsg(-1))}));
    file->m_pointerSize = gelf_getclass(file->m_elf) == ELFCLASS32 ? 4 : 8;
    GElf_Ehdr header;
    if (gelf_getehdr(file->m_elf, &header) && header.e_type == ET_REL)
        openRelocated(*file, path);
    else
        file->m_dwarf = dwarf_begin_elf(file->m_elf, DWARF_C_READ, nullptr);
    if (!file->m_dwarf)
        openSeparateDebugFile(*file);
    if (!file->m_dwarf)
        return noDebugInfo(path);
    // A stripped file may keep an empty .debug_info-less shell: no unit at all is no debug info.
    Dwarf_Off next = 0;
    std::size_t headerSize = 0;
    if (dwarf_nextcu(file->m_dwarf, 0, &next, &headerSize, nullptr, nullptr, nullptr) != 0)
        return noDebugInfo(path);
    return std::unique_ptr<TypeSource>(std::make_unique<DwarfSource>(std::move(file), path));
}

} // namespace shm::layout
