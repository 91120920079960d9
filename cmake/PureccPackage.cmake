# Installs the CMake package that lets other projects use purecc:
#   find_package(purecc REQUIRED)        # <prefix>/lib/cmake/purecc/
#   purecc_enable(my_target)             # launcher + purecc::runtime
# Included from the top-level CMakeLists.txt after every installed target
# (purecc_rt_static, purecc_rt_shared, purecc) has joined the pureccTargets
# export set.
include(CMakePackageConfigHelpers)

set(PURECC_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/purecc)

install(EXPORT pureccTargets
  NAMESPACE purecc::
  FILE pureccTargets.cmake
  DESTINATION ${PURECC_CMAKE_DIR})

configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/pureccConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/pureccConfig.cmake
  INSTALL_DESTINATION ${PURECC_CMAKE_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR)
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/pureccConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)

install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/pureccConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/pureccConfigVersion.cmake
  DESTINATION ${PURECC_CMAKE_DIR})
