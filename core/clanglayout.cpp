#include "clanglayout.h"

#include "namedtypesource.h"

#include <clang-c/Index.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

namespace shm::layout {

namespace {

std::string take(CXString text)
{
    const char *c = clang_getCString(text);
    std::string out = c ? c : "";
    clang_disposeString(text);
    return out;
}

bool hasStddef(const std::string &dir)
{
    struct stat st;
    return !dir.empty() && stat((dir + "/include/stddef.h").c_str(), &st) == 0;
}

// "struct (unnamed struct at /x/record.h:3:5)" and "(anonymous ...)" as C would say it.
std::string cleanName(std::string name)
{
    for (const char *marker : {"(unnamed", "(anonymous"}) {
        const std::size_t at = name.find(marker);
        if (at == std::string::npos)
            continue;
        const std::size_t close = name.find(')', at);
        name.replace(at, close == std::string::npos ? std::string::npos : close - at + 1, "{...}");
    }
    return name;
}

class TranslationUnit
{
public:
    TranslationUnit() = default;
    ~TranslationUnit()
    {
        if (m_unit)
            clang_disposeTranslationUnit(m_unit);
        if (m_index)
            clang_disposeIndex(m_index);
    }
    TranslationUnit(const TranslationUnit &) = delete;
    TranslationUnit &operator=(const TranslationUnit &) = delete;

    CXIndex m_index = nullptr;
    CXTranslationUnit m_unit = nullptr;
};

struct ClangEntry
{
    CXCursor cursor;
    bool system = false;
};

class ClangSource final : public NamedTypeSource<ClangEntry>
{
public:
    ClangSource(std::unique_ptr<TranslationUnit> unit, std::string file)
        : NamedTypeSource(std::move(file))
        , m_unit(std::move(unit))
    {
        index();
    }

private:
    Result<TypePtr> build(const std::string &, const ClangEntry &entry) const override
    {
        std::string problem;
        TypePtr t = convert(clang_getCursorType(entry.cursor), 0, problem);
        if (!t)
            return layOutError(take(clang_getTypeSpelling(clang_getCursorType(entry.cursor))),
                               problem);
        return t;
    }

    void index()
    {
        const CXCursor root = clang_getTranslationUnitCursor(m_unit->m_unit);
        clang_visitChildren(
            root,
            [](CXCursor cursor, CXCursor, CXClientData data) {
                auto *self = static_cast<ClangSource *>(data);
                const CXCursorKind kind = clang_getCursorKind(cursor);
                const bool tag = kind == CXCursor_StructDecl || kind == CXCursor_UnionDecl
                    || kind == CXCursor_EnumDecl;
                if (!tag && kind != CXCursor_TypedefDecl)
                    return CXChildVisit_Continue;
                if (tag && clang_isCursorDefinition(cursor) && !clang_Cursor_isAnonymous(cursor)) {
                    const char *prefix = kind == CXCursor_StructDecl ? "struct "
                        : kind == CXCursor_UnionDecl                 ? "union "
                                                                     : "enum ";
                    self->add(prefix + take(clang_getCursorSpelling(cursor)), cursor);
                } else if (kind == CXCursor_TypedefDecl) {
                    self->add(take(clang_getCursorSpelling(cursor)), cursor);
                }
                // Structs declared inside structs are file-scope types in C.
                return kind == CXCursor_EnumDecl || kind == CXCursor_TypedefDecl
                    ? CXChildVisit_Continue
                    : CXChildVisit_Recurse;
            },
            this);
        sortByName(m_summaries);
    }

    void add(const std::string &name, CXCursor cursor)
    {
        if (name.empty() || m_named.count(name))
            return;
        const bool system = clang_Location_isInSystemHeader(clang_getCursorLocation(cursor)) != 0;
        m_named.emplace(name, ClangEntry {cursor, system});
        if (system)
            return;
        const CXType type = clang_getCursorType(cursor);
        const long long size = clang_Type_getSizeOf(type);
        if (size < 0)
            return; // void typedefs, incomplete types: nothing to lay over memory
        TypeSummary summary;
        summary.name = name;
        summary.size = static_cast<std::uint64_t>(size);
        summary.kind = kindOf(clang_getCanonicalType(type));
        m_summaries.push_back(std::move(summary));
    }

    static Kind kindOf(CXType canonical)
    {
        switch (canonical.kind) {
        case CXType_Record:
            return clang_getCursorKind(clang_getTypeDeclaration(canonical)) == CXCursor_UnionDecl
                ? Kind::Union
                : Kind::Struct;
        case CXType_Enum:
            return Kind::Enum;
        case CXType_ConstantArray:
        case CXType_IncompleteArray:
            return Kind::Array;
        case CXType_Pointer:
        case CXType_BlockPointer:
        case CXType_MemberPointer:
            return Kind::Pointer;
        case CXType_Bool:
            return Kind::Bool;
        case CXType_Float:
        case CXType_Double:
        case CXType_LongDouble:
        case CXType_Float128:
        case CXType_Half:
        case CXType_Float16:
            return Kind::Float;
        case CXType_Char_S:
        case CXType_SChar:
        case CXType_WChar:
        case CXType_Short:
        case CXType_Int:
        case CXType_Long:
        case CXType_LongLong:
        case CXType_Int128:
            return Kind::Signed;
        case CXType_Char_U:
        case CXType_UChar:
        case CXType_Char16:
        case CXType_Char32:
        case CXType_UShort:
        case CXType_UInt:
        case CXType_ULong:
        case CXType_ULongLong:
        case CXType_UInt128:
            return Kind::Unsigned;
        default:
            return Kind::Opaque;
        }
    }

    // Sizes from clang; -1 (incomplete, dependent) leaves `problem` said.
    static bool sizeOf(CXType type, std::uint64_t &size, std::string &problem)
    {
        const long long s = clang_Type_getSizeOf(type);
        if (s < 0) {
            problem = cleanName(take(clang_getTypeSpelling(type))) + " has no size here "
                + "(an incomplete type)";
            return false;
        }
        size = static_cast<std::uint64_t>(s);
        return true;
    }

    TypePtr convert(CXType type, int depth, std::string &problem) const
    {
        const std::string name = cleanName(take(clang_getTypeSpelling(type)));
        if (depth > 64) {
            problem = "types nest too deeply";
            return nullptr;
        }
        switch (type.kind) {
        case CXType_Typedef: {
            const TypePtr under
                = convert(clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(type)),
                          depth + 1, problem);
            return under ? under->renamed(name) : nullptr;
        }
        case CXType_Elaborated: {
            const TypePtr named = convert(clang_Type_getNamedType(type), depth + 1, problem);
            return named ? named->renamed(name) : nullptr;
        }
        case CXType_Attributed:
            return convert(clang_Type_getModifiedType(type), depth + 1, problem);
        case CXType_Atomic: {
            const TypePtr inner = convert(clang_Type_getValueType(type), depth + 1, problem);
            return inner ? inner->renamed(name) : nullptr;
        }
        case CXType_Unexposed: {
            const CXType canonical = clang_getCanonicalType(type);
            if (canonical.kind != CXType_Unexposed) {
                const TypePtr inner = convert(canonical, depth + 1, problem);
                return inner ? inner->renamed(name) : nullptr;
            }
            break;
        }
        default:
            break;
        }
        auto out = std::make_shared<Type>();
        out->name = name;
        const Kind kind = kindOf(type);
        out->kind = kind;
        if (type.kind == CXType_IncompleteArray) {
            out->size = 0;
        } else if (!sizeOf(type, out->size, problem)) {
            if (type.kind != CXType_Void)
                return nullptr;
            out->size = 0;
        }
        switch (kind) {
        case Kind::Signed:
            out->isSigned = true;
            break;
        case Kind::Struct:
        case Kind::Union:
            if (!addFields(type, *out, depth, problem))
                return nullptr;
            break;
        case Kind::Array: {
            out->element = convert(clang_getArrayElementType(type), depth + 1, problem);
            if (!out->element)
                return nullptr;
            const long long count = clang_getArraySize(type);
            out->count = count > 0 ? static_cast<std::uint64_t>(count) : 0;
            break;
        }
        case Kind::Enum:
            addEnumerators(type, *out);
            break;
        default:
            break;
        }
        return out;
    }

    struct FieldVisit
    {
        const ClangSource *self;
        Type *record;
        int depth;
        std::string *problem;
        bool failed = false;
    };

    bool addFields(CXType type, Type &record, int depth, std::string &problem) const
    {
        FieldVisit visit {this, &record, depth, &problem};
        clang_Type_visitFields(
            type,
            [](CXCursor cursor, CXClientData data) {
                auto *v = static_cast<FieldVisit *>(data);
                Field field;
                field.name = take(clang_getCursorSpelling(cursor));
                const bool bitfield = clang_Cursor_isBitField(cursor) != 0;
                if (bitfield && (field.name.empty() || clang_getFieldDeclBitWidth(cursor) <= 0))
                    return CXVisit_Continue; // padding (int : 3, int : 0)
                const long long bits = clang_Cursor_getOffsetOfField(cursor);
                if (bits < 0) {
                    *v->problem = "clang gives no offset for " + field.name;
                    v->failed = true;
                    return CXVisit_Break;
                }
                field.type
                    = v->self->convert(clang_getCursorType(cursor), v->depth + 1, *v->problem);
                if (!field.type) {
                    v->failed = true;
                    return CXVisit_Break;
                }
                field.offset = static_cast<std::uint64_t>(bits) / 8;
                if (bitfield) {
                    field.bitOffset = static_cast<std::uint32_t>(bits % 8);
                    field.bits = static_cast<std::uint32_t>(clang_getFieldDeclBitWidth(cursor));
                }
                v->record->fields.push_back(std::move(field));
                return CXVisit_Continue;
            },
            &visit);
        return !visit.failed;
    }

    static void addEnumerators(CXType type, Type &out)
    {
        const CXCursor decl = clang_getTypeDeclaration(type);
        const CXType integer = clang_getCanonicalType(clang_getEnumDeclIntegerType(decl));
        out.isSigned = kindOf(integer) == Kind::Signed;
        clang_visitChildren(
            decl,
            [](CXCursor cursor, CXCursor, CXClientData data) {
                auto *e = static_cast<Type *>(data);
                if (clang_getCursorKind(cursor) == CXCursor_EnumConstantDecl) {
                    Enumerator item;
                    item.name = take(clang_getCursorSpelling(cursor));
                    item.value = e->isSigned
                        ? clang_getEnumConstantDeclValue(cursor)
                        : static_cast<std::int64_t>(clang_getEnumConstantDeclUnsignedValue(cursor));
                    e->enumerators.push_back(std::move(item));
                }
                return CXChildVisit_Continue;
            },
            &out);
        fitEnumeratorsToWidth(out);
    }

    std::unique_ptr<TranslationUnit> m_unit;
};

} // namespace

std::string clangResourceDirectory()
{
    if (hasStddef(SHMSCOPE_CLANG_RESOURCE_DIR))
        return SHMSCOPE_CLANG_RESOURCE_DIR;
    std::string best;
    for (const char *parent : {"/usr/lib/llvm-14/lib/clang", "/usr/lib/clang"}) {
        DIR *dir = opendir(parent);
        if (!dir)
            continue;
        while (const dirent *entry = readdir(dir)) {
            const std::string candidate = std::string(parent) + "/" + entry->d_name;
            if (entry->d_name[0] != '.' && hasStddef(candidate) && candidate > best)
                best = candidate;
        }
        closedir(dir);
        if (!best.empty())
            break;
    }
    return best;
}

Result<std::unique_ptr<TypeSource>> parseCFile(const std::string &path,
                                               const std::vector<std::string> &arguments)
{
    // Readable at all? libclang's own message for a missing file is only "failure".
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return systemError("open", path, errno);
    close(fd);

    std::vector<std::string> options = {"-x", "c", "-std=gnu17"};
    const std::string resources = clangResourceDirectory();
    if (!resources.empty()) {
        options.push_back("-resource-dir");
        options.push_back(resources);
    }
    options.insert(options.end(), arguments.begin(), arguments.end());
    std::vector<const char *> argv;
    for (const std::string &option : options)
        argv.push_back(option.c_str());

    auto unit = std::make_unique<TranslationUnit>();
    unit->m_index = clang_createIndex(0, 0);
    const CXErrorCode code = clang_parseTranslationUnit2(
        unit->m_index, path.c_str(), argv.data(), static_cast<int>(argv.size()), nullptr, 0,
        CXTranslationUnit_SkipFunctionBodies | CXTranslationUnit_IncludeAttributedTypes,
        &unit->m_unit);
    if (code != CXError_Success || !unit->m_unit)
        return inputError("parse", path,
                          Text(QT_TRANSLATE_NOOP("shm", "libclang could not parse %1 (error %2)."),
                               {value(path), value(std::int64_t(code))}));

    std::string errors;
    int errorCount = 0;
    const unsigned count = clang_getNumDiagnostics(unit->m_unit);
    for (unsigned i = 0; i < count; ++i) {
        CXDiagnostic diagnostic = clang_getDiagnostic(unit->m_unit, i);
        if (clang_getDiagnosticSeverity(diagnostic) >= CXDiagnostic_Error) {
            if (++errorCount <= 10)
                errors += "\n"
                    + take(clang_formatDiagnostic(diagnostic,
                                                  CXDiagnostic_DisplaySourceLocation
                                                      | CXDiagnostic_DisplayColumn));
        }
        clang_disposeDiagnostic(diagnostic);
    }
    if (errorCount > 0) {
        if (resources.empty())
            errors += "\n(clang's own headers, such as <stddef.h>, are not installed: on Debian, "
                      "in libclang-common-14-dev)";
        if (errorCount > 10)
            errors += "\n... (" + std::to_string(errorCount) + " errors)";
        return inputError("parse", path,
                          Text(QT_TRANSLATE_NOOP("shm", "%1 does not parse as C:%2"),
                               {value(path), value(errors)}));
    }
    return std::unique_ptr<TypeSource>(std::make_unique<ClangSource>(std::move(unit), path));
}

} // namespace shm::layout
