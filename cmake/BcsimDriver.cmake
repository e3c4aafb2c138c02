# bcsim: the driver translation-unit profile and the helpers driver projects use.
#
# Included by bcsim's own build and by the installed package (bcsimConfig.cmake), so the
# profile is computed for the compilers of the project that builds the drivers.
#
#   bcsim::driver                      INTERFACE target: shim include dirs + every flag a
#                                      driver TU needs (wdk-surface.md section 1)
#   bcsim_add_driver(<target> SOURCES ... [INCLUDE_DIRS ...] [DEFINITIONS ...])
#   bcsim_add_driver_test(<name> DRIVER <target> [BUGCHECK ...] [DUMP_TYPE ...]
#                         [EXPECT_VIOLATIONS name...] [SCENARIO file] [LABELS ...]
#                         [SOURCES test.c ...])
#   bcsim_link_host(<target>)          make an executable able to load driver modules
#
# bcsim_add_fuzzer() is defined in BcsimFuzz.cmake, included at the end.
include_guard(GLOBAL)

# The compiler's own header directory (stddef.h, stdarg.h, ...): the only system headers a
# driver TU may see once -nostdinc has removed the C library's.
function(_bcsim_builtin_include_dir lang out)
  if(NOT CMAKE_${lang}_COMPILER)
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  execute_process(COMMAND ${CMAKE_${lang}_COMPILER} -print-file-name=include
                  OUTPUT_VARIABLE dir OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT IS_DIRECTORY "${dir}")
    message(FATAL_ERROR "bcsim: cannot find the ${lang} compiler's builtin include directory "
                        "(${CMAKE_${lang}_COMPILER} -print-file-name=include gave '${dir}')")
  endif()
  set(${out} "${dir}" PARENT_SCOPE)
endfunction()

# bcsim_define_driver_profile(<interface-target> <shim include dir>)
# Fills an INTERFACE target with the driver-TU profile. Used for bcsim::driver in the build
# tree and in the installed package.
function(bcsim_define_driver_profile target shim_dir)
  get_property(langs GLOBAL PROPERTY ENABLED_LANGUAGES)
  # The plain folder, for bcsim_add_driver()'s include scan (the argument may be a
  # $<BUILD_INTERFACE:...> expression).
  string(REGEX REPLACE "^\\$<BUILD_INTERFACE:(.*)>$" "\\1" plain "${shim_dir}")
  set_property(GLOBAL PROPERTY BCSIM_SHIM_INCLUDE_DIR "${plain}")
  # -fno-optimize-sibling-calls: a driver's "return KeRegister...(...)" keeps its own frame, so
  # call sites in findings and gdb backtraces name the driver line.
  # -include bcsim_shim/msvc.h: the MSVC keywords (__declspec, __int64, __forceinline, ...) are
  # the compiler's own in MSVC, usable before any header; here they are macros, so every TU gets
  # them first (msvc.h defines only macros).
  set(opts -nostdinc -fshort-wchar -fms-extensions -fno-strict-aliasing -fno-optimize-sibling-calls
           "$<$<COMPILE_LANGUAGE:C,CXX>:SHELL:-include bcsim_shim/msvc.h>")
  foreach(lang C CXX)
    if(lang IN_LIST langs)
      _bcsim_builtin_include_dir(${lang} dir)
      list(APPEND opts "$<$<COMPILE_LANGUAGE:${lang}>:SHELL:-isystem ${dir}>")
    endif()
  endforeach()
  list(APPEND opts
    # MSVC C linkage model (S5): merged tentative definitions, one copy of __inline bodies.
    "$<$<COMPILE_LANGUAGE:C>:-fcommon;-fgnu89-inline>"
    "$<$<COMPILE_LANGUAGE:CXX>:-nostdinc++>"
    # clang accepts most MSVC-isms natively (S4).
    "$<$<C_COMPILER_ID:Clang>:$<$<COMPILE_LANGUAGE:C>:-fms-compatibility;-fdeclspec;-Wno-microsoft;-Wno-error=incompatible-function-pointer-types;-Wno-error=implicit-function-declaration;-Wno-error=int-conversion>>"
    "$<$<CXX_COMPILER_ID:Clang>:$<$<COMPILE_LANGUAGE:CXX>:-fms-compatibility;-fdeclspec;-Wno-microsoft>>"
    # C++ as MSVC's /kernel compiles it: no exceptions, no RTTI, no thread-safe statics (there is
    # no C++ runtime in the kernel: a driver brings its own operator new/delete).
    "$<$<COMPILE_LANGUAGE:CXX>:-fno-exceptions;-fno-rtti;-fno-threadsafe-statics>"
    # MSVC pragmas clang knows but cannot honour on ELF (#pragma intrinsic of a renamed intrinsic,
    # #pragma optimize): tolerated like the unknown ones (wdk-surface.md 3.9).
    # (#pragma init_seg too: -Wno-ignored-pragmas.)
    "$<$<C_COMPILER_ID:Clang>:$<$<COMPILE_LANGUAGE:C>:-Wno-ignored-pragma-intrinsic;-Wno-ignored-pragma-optimize;-Wno-ignored-pragmas>>"
    "$<$<CXX_COMPILER_ID:Clang>:$<$<COMPILE_LANGUAGE:CXX>:-Wno-ignored-pragma-intrinsic;-Wno-ignored-pragma-optimize;-Wno-ignored-pragmas>>"
    # Leniency real driver code needs (S11): never -Werror for driver TUs.
    -Wno-unknown-pragmas -Wno-multichar -Wno-ignored-attributes
    "$<$<COMPILE_LANGUAGE:C>:-Wno-pointer-sign>"
    "$<$<AND:$<COMPILE_LANGUAGE:C>,$<C_COMPILER_ID:GNU>,$<VERSION_GREATER_EQUAL:$<C_COMPILER_VERSION>,14>>:-fpermissive>"
  )
  target_compile_options(${target} INTERFACE ${opts})
  target_compile_definitions(${target} INTERFACE _WIN64=1 _AMD64_=1 AMD64=1 _KERNEL_MODE=1)
  target_include_directories(${target} INTERFACE "${shim_dir}" "${shim_dir}/crt")
endfunction()

# Executables that load driver modules export bcsim's kernel routines to them: the whole
# static library is linked in and its symbols are exported (-rdynamic). An optional second
# argument names another build of the library (bcsim_cov, for bcsim's own fuzz targets).
function(bcsim_link_host target)
  set(lib bcsim::bcsim)
  if(ARGC GREATER 1)
    set(lib ${ARGV1})
  endif()
  target_link_libraries(${target} PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,${lib}>")
  set_target_properties(${target} PROPERTIES ENABLE_EXPORTS ON)
endfunction()

# Where this file lives, for the helpers: a cache entry so functions called from any
# directory (add_subdirectory() users) see it.
set(_BCSIM_DRIVER_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}" CACHE INTERNAL "bcsim CMake helpers")

# bcsim_add_driver(<target> SOURCES ... [INCLUDE_DIRS ...] [DEFINITIONS ...])
# Builds unchanged driver sources (C and C++) into a module (a shared object) that
# `bcsim run --driver` loads and that test executables may link. Kernel routines resolve from
# the host when the module is loaded; an import bcsim does not provide becomes a stub that
# reports UNRESOLVED_IMPORT (src/machine/imports.c). Includes are resolved as MSVC resolves them
# (BcsimIncludes.cmake): backslash paths, case-insensitive names, the includers' folders.
function(bcsim_add_driver target)
  cmake_parse_arguments(PARSE_ARGV 1 A "" "" "SOURCES;INCLUDE_DIRS;DEFINITIONS")
  if(A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "bcsim_add_driver(${target}): unknown arguments: ${A_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT A_SOURCES)
    message(FATAL_ERROR "bcsim_add_driver(${target}): SOURCES is required")
  endif()
  add_library(${target} SHARED ${A_SOURCES} "${_BCSIM_DRIVER_CMAKE_DIR}/bcsim_driver_marker.c")
  target_link_libraries(${target} PRIVATE bcsim::driver)
  # Findings and sanitizer reports name file:line in every build type: debug information
  # always (the optimisation level stays the build type's). Debug and RelWithDebInfo have it.
  target_compile_options(${target} PRIVATE "$<$<NOT:$<CONFIG:Debug,RelWithDebInfo>>:-g>")
  set(abs_dirs "")
  foreach(d IN LISTS A_INCLUDE_DIRS)
    get_filename_component(d "${d}" ABSOLUTE)
    list(APPEND abs_dirs "${d}")
  endforeach()
  if(abs_dirs)
    target_include_directories(${target} PRIVATE ${abs_dirs})
  endif()
  set(abs_sources "")
  foreach(s IN LISTS A_SOURCES)
    get_filename_component(s "${s}" ABSOLUTE)
    list(APPEND abs_sources "${s}")
  endforeach()
  get_property(shim GLOBAL PROPERTY BCSIM_SHIM_INCLUDE_DIR)
  _bcsim_windows_includes(${target} SOURCES ${abs_sources} INCLUDE_DIRS ${abs_dirs}
                          SYSTEM_DIRS "${shim}" "${shim}/crt")
  # WPP-traced sources include a generated "<source>.tmh" (the WDK's trace preprocessor output,
  # wdk-surface.md 4): bcsim writes its own from the driver's configuration (BcsimWpp.cmake).
  set(wpp_sources "")
  foreach(s IN LISTS abs_sources)
    if(s MATCHES "\\.(c|cc|cpp|cxx)$" AND EXISTS "${s}")
      file(STRINGS "${s}" tmh_includes REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<][^\">]+\\.tmh[\">]")
      if(tmh_includes)
        list(APPEND wpp_sources "${s}")
      endif()
    endif()
  endforeach()
  if(wpp_sources)
    bcsim_wpp_tmh(${target} SOURCES ${wpp_sources})
  endif()
  if(A_DEFINITIONS)
    target_compile_definitions(${target} PRIVATE ${A_DEFINITIONS})
  endif()
  # COMDAT-like "keep one copy" for header-defined globals and __inline bodies (S5);
  # bind the driver's own symbols inside the module; resolve kernel routines at load time.
  target_link_options(${target} PRIVATE
    "LINKER:--allow-multiple-definition" "LINKER:-Bsymbolic")
  set_target_properties(${target} PROPERTIES PREFIX "" C_VISIBILITY_PRESET default
                                             CXX_VISIBILITY_PRESET default BCSIM_DRIVER TRUE)
  # C++ TUs link like C ones: no libstdc++ (the kernel has no C++ runtime; what a driver does
  # not define itself is an unresolved import, as it would be a link error on Windows).
  get_property(langs GLOBAL PROPERTY ENABLED_LANGUAGES)
  if("C" IN_LIST langs)
    set_target_properties(${target} PROPERTIES LINKER_LANGUAGE C)
  endif()
endfunction()

include("${CMAKE_CURRENT_LIST_DIR}/BcsimIncludes.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/BcsimDriverTest.cmake" OPTIONAL)
include("${CMAKE_CURRENT_LIST_DIR}/BcsimFuzz.cmake" OPTIONAL)
include("${CMAKE_CURRENT_LIST_DIR}/BcsimWpp.cmake")
