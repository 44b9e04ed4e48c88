#pragma once

// C layouts from an ELF file's DWARF debug info, read with libdw (elfutils): the structs,
// unions, enums, typedefs and base types of every compilation unit, with the offsets and sizes
// the compiler wrote down (DW_AT_data_member_location, DW_AT_data_bit_offset or the older
// DW_AT_bit_offset, DW_AT_byte_size, DW_TAG_subrange_type's count or upper bound).

#include "layout.h"

#include <memory>
#include <string>

namespace shm::layout {

// Opens the ELF file `path` (a program, a library, an object file, /proc/PID/exe). A stripped
// program's debug info is looked for by build ID under /usr/lib/debug/.build-id (nothing is
// fetched from the network). A file without debug info: an Error that says so (and how to get
// it: -g); one that cannot be read: errno's; one that is not ELF: libelf's sentence.
Result<std::unique_ptr<TypeSource>> readDwarfFile(const std::string &path);

} // namespace shm::layout
