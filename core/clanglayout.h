#pragma once

// C layouts from a header or a source file, parsed by libclang 14 as C with this machine's
// default include paths and ABI: sizes, offsets and bitfields are clang's own
// (clang_Type_getSizeOf, clang_Cursor_getOffsetOfField), so packed structs, #pragma pack,
// alignment attributes and the <stdint.h> types come out as the compiler lays them out.

#include "layout.h"

#include <memory>
#include <string>
#include <vector>

namespace shm::layout {

// Parses `path` as C. `arguments` are more compiler options (-I DIR, -D NAME=VALUE). A file
// that does not parse: an Error whose sentence holds clang's errors with their lines
// ("record.h:12:3: error: unknown type name 'uint32'"); a file that cannot be read: errno's.
Result<std::unique_ptr<TypeSource>> parseCFile(const std::string &path,
                                               const std::vector<std::string> &arguments = {});

// The directory libclang needs for its own headers (<stddef.h>, <stdint.h>'s parts, <stdarg.h>):
// the one the build found, else the newest under /usr/lib/llvm-14/lib/clang; empty when none
// has include/stddef.h.
std::string clangResourceDirectory();

} // namespace shm::layout
