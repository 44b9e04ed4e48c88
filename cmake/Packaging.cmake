# CPack: `cpack -G DEB` in the build directory makes shmscope_<version>_<arch>.deb.
# dpkg-shlibdeps (dpkg-dev) computes the library dependencies (Qt, libc...); the plugins that
# no library links (the X11/Wayland platform plugins, the SVG icon engine) are named here.

set(CPACK_PACKAGE_NAME shmscope)
set(CPACK_PACKAGE_VENDOR "The shmscope authors")
set(CPACK_PACKAGE_CONTACT "shmscope maintainers <shmscope@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Inspector for System V shared memory")
set(CPACK_PACKAGE_DESCRIPTION
    "shmscope shows every System V shared-memory segment in a window, as ipcs -m does, and
goes further: it shows a segment's bytes live and lets you edit them, tells which processes
have it attached, creates, locks and removes segments, and replays the classic fork-and-share
lesson step by step. shmscope --list [--json] prints the segments without a display.")
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
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Source packages: the tree without builds and editor files.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/build-.*/" "/\\\\.git/" "\\\\.user$")

include(CPack)
