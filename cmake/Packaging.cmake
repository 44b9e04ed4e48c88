# CPack: `cpack -G DEB` in the build directory makes shmscope_<version>_<arch>.deb.
# dpkg-shlibdeps (dpkg-dev) computes the library dependencies (Qt, libc...); the plugins that
# no library links (the X11/Wayland platform plugins, the SVG icon engine) are named here.

set(CPACK_PACKAGE_NAME shmscope)
set(CPACK_PACKAGE_VENDOR "The shmscope authors")
set(CPACK_PACKAGE_CONTACT "shmscope maintainers <shmscope@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Inspector for System V shared memory")
# The extended description: lines of at most 72 characters (Debian's policy; lintian refuses
# lines beyond 80), paragraphs apart by an empty line (CPack writes it as " .").
set(CPACK_PACKAGE_DESCRIPTION
    "shmscope lists and inspects System V shared-memory segments in a window:
everything ipcs, ipcrm and ipcmk do for them, and more.

The segment browser is a live table of every segment with every field
the kernel keeps, sortable and filterable, with the processes that have
the selected segment attached. It creates, removes, locks and unlocks
segments and changes their mode and owner.

The memory view is a live hex view of a segment, read-only unless asked:
bytes that other processes change light up. It edits (with undo), finds
hex, text or numbers, reads and writes typed values in a data inspector,
and exports and imports files.

The fork demo replays the classic lesson, one system call at a time: a
parent shares an int with the child it forks, and watches it change.

shmscope --list [--json] prints the segments without a display.
In English and French.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # shmscope_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
# --dump with a C header needs clang's own headers (<stddef.h>...) and the C library's
# (<stdint.h>...) at run time; a layout from a binary's debug info needs neither.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, libclang-common-14-dev, libc6-dev")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Source packages: the tree without builds and editor files.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/build-.*/" "/\\\\.git/" "\\\\.user$")

include(CPack)
