# Install rules and the CMake package: find_package(bcsim CONFIG REQUIRED) gives
#   bcsim::bcsim (static library), bcsim::cli (the bcsim program), bcsim::driver (the driver
#   profile, computed for the consumer's compilers), bcsim::cmocka, and the helpers
#   bcsim_add_driver(), bcsim_add_driver_test(), bcsim_add_fuzzer(), bcsim_wpp_tmh().
# Layout: include/bcsim.h, include/bcsim/*.h (harness API), include/bcsim/wdk/ (the shim:
# wdm.h & co., kept out of the include root so it never shadows a system header),
# lib/libbcsim.a, lib/cmake/bcsim/, lib/pkgconfig/bcsim.pc, lib/bcsim/examples/,
# share/bcsim/gdb/bcsim_gdb.py.
include(CMakePackageConfigHelpers)

set(BCSIM_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/bcsim")

install(FILES "${PROJECT_SOURCE_DIR}/include/bcsim.h" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/bcsim/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/bcsim"
        FILES_MATCHING PATTERN "*.h")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/bcsim/wdk"
        PATTERN "bcsim.h" EXCLUDE
        REGEX "/bcsim$" EXCLUDE)

install(TARGETS bcsim bcsim_cli EXPORT bcsimTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(EXPORT bcsimTargets NAMESPACE bcsim:: DESTINATION "${BCSIM_INSTALL_CMAKEDIR}")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/bcsimConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/bcsimConfig.cmake" INSTALL_DESTINATION "${BCSIM_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/bcsimConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/bcsimConfig.cmake" "${PROJECT_BINARY_DIR}/bcsimConfigVersion.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/BcsimDriver.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/BcsimDriverTest.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/BcsimIncludes.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/BcsimCmocka.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/bcsim_driver_marker.c"
        DESTINATION "${BCSIM_INSTALL_CMAKEDIR}")
foreach(optional BcsimFuzz.cmake BcsimWpp.cmake bcsim_fuzz_main.c bcsim_wpp_tmh.cmake bcsim_fuzzers_out.cmake)
  if(EXISTS "${PROJECT_SOURCE_DIR}/cmake/${optional}")
    install(FILES "${PROJECT_SOURCE_DIR}/cmake/${optional}" DESTINATION "${BCSIM_INSTALL_CMAKEDIR}")
  endif()
endforeach()
if(EXISTS "${PROJECT_SOURCE_DIR}/fuzz/driver")
  # the fuzzer's source beside the CMake helpers; its seeds and dictionary where data belongs
  install(FILES "${PROJECT_SOURCE_DIR}/fuzz/driver/bcsim_fuzz_driver.c" DESTINATION "${BCSIM_INSTALL_CMAKEDIR}/fuzz")
  install(FILES "${PROJECT_SOURCE_DIR}/fuzz/driver/bcsim_fuzz_driver.dict"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/bcsim/fuzz")
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/fuzz/driver/corpus/" DESTINATION "${CMAKE_INSTALL_DATADIR}/bcsim/fuzz/corpus")
endif()

# pkg-config: harness programs (not driver modules, which need the profile above).
file(RELATIVE_PATH BCSIM_PC_PREFIX_REL "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" BCSIM_PC_PREFIX_REL "${BCSIM_PC_PREFIX_REL}")
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  message(WARNING "bcsim: absolute install directories: bcsim.pc is not relocatable")
endif()
# A sanitizer build of libbcsim.a calls the ASan/UBSan runtimes: a pkg-config link needs them too
# (CMake consumers get them from the target's INSTALL_INTERFACE link options).
set(BCSIM_PC_SANITIZE_LIBS "")
if(BCSIM_SANITIZE)
  set(BCSIM_PC_SANITIZE_LIBS " -fsanitize=address,undefined")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/bcsim.pc.in" "${PROJECT_BINARY_DIR}/bcsim.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/bcsim.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

install(FILES "${BCSIM_GDB_JOINED_SCRIPT}" DESTINATION "${CMAKE_INSTALL_DATADIR}/bcsim/gdb")

