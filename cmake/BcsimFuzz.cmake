# bcsim: fuzzing driver callbacks and other input surfaces (included by BcsimDriver.cmake).
#
#   bcsim_add_fuzzer(<name> DRIVER <target>
#                    [REASONS <reason>...]      # SecondaryDumpData or KbCallbackSecondaryDumpData,
#                                               # legacy; default: every reason the driver registers
#                    [DICT <file>] [CORPUS <dir>...] [OPTIONS <file>]
#                    [RUNS <n>] [SECONDS <s>] [LABELS <label>...] [NO_TESTS | NO_FUZZ_TEST])
#     A fuzzer executable <name> for the driver's bug-check callbacks: each input is decoded into
#     the ReasonSpecificData of one reason and the conditions around it, and dispatched through
#     bcsim's dispatcher (fuzz/README.md). Seeds: bcsim's per-reason seeds plus CORPUS.
#
#   bcsim_add_fuzz_target(<name> SOURCES <src>... [CORPUS <dir>...] [DICT <file>] [OPTIONS <file>]
#                         [HOST] [DRIVER_SOURCES <src>...] [RUNS <n>] [SECONDS <s>]
#                         [LABELS <label>...] [NO_TESTS | NO_FUZZ_TEST])
#     Any LLVMFuzzerTestOneInput target (bcsim's own: fuzz_dump_reader, fuzz_scenario, ...).
#     HOST: the target loads driver modules or links DRIVER_SOURCES (compiled with the driver
#     profile). COVERED: the code under test is bcsim itself; link the coverage-instrumented
#     copy of the library where the build makes one (bcsim's own libFuzzer builds).
#
# What gets built depends on BCSIM_BUILD_FUZZERS (default ON with clang, OFF otherwise):
#   ON   a libFuzzer executable (BCSIM_FUZZ_ENGINE, default -fsanitize=fuzzer; OSS-Fuzz passes
#        $LIB_FUZZING_ENGINE), compiled with BCSIM_FUZZ_CFLAGS (coverage + ASan + UBSan); a
#        driver is fuzzed through an instrumented copy of its module, <name>_driver.
#   OFF  the same target with a plain replay main() (bcsim_fuzz_main.c) and the driver as built:
#        no fuzzing, but the corpus replays as a regression test in any CI.
# Tests (unless BUILD_TESTING is OFF): <name>_replay runs every seed once (label fuzz-replay, both
# modes); with libFuzzer also <name>_fuzz, a short real run bounded by RUNS (default 20000)
# and SECONDS (default 5) (label fuzz). LABELS are added to both. NO_TESTS: neither;
# NO_FUZZ_TEST: the replay test only (e.g. a driver known to crash under fuzzing). Each test has
# a TIMEOUT (TIMEOUT <s>, or BCSIM_TEST_TIMEOUT, or 120 s; the fuzz run SECONDS + 120).
#
#   bcsim_install_fuzzers([DESTINATION <dir>] [TARGETS <fuzzer>...] [TARGET_NAME <name>])
#     A build target (default bcsim_fuzzers_out) that puts the project's fuzzers into an
#     OSS-Fuzz / ClusterFuzzLite $OUT: each executable, its driver module, <name>_seed_corpus.zip,
#     <name>.dict and <name>.options. DESTINATION defaults to $OUT as the configure step sees it;
#     TARGETS to every fuzzer bcsim_add_fuzzer()/bcsim_add_fuzz_target() made in the project.
#     A project's build.sh: cmake ...; cmake --build build --target bcsim_fuzzers_out
#
# BCSIM_FUZZ_DICT is the path of bcsim's fuzzer dictionary (installed as
# share/bcsim/fuzz/bcsim_fuzz_driver.dict, next to the per-reason seeds in share/bcsim/fuzz/corpus).
include_guard(GLOBAL)

if(NOT DEFINED BCSIM_BUILD_FUZZERS)
  if(CMAKE_C_COMPILER_ID STREQUAL "Clang")
    set(_bcsim_fuzz_default ON)
  else()
    set(_bcsim_fuzz_default OFF)
  endif()
  option(BCSIM_BUILD_FUZZERS "Build libFuzzer fuzz targets (needs clang)" ${_bcsim_fuzz_default})
endif()
set(BCSIM_FUZZ_ENGINE "-fsanitize=fuzzer" CACHE STRING
    "Link option(s) providing the fuzzing engine's main() (OSS-Fuzz: $LIB_FUZZING_ENGINE)")
set(BCSIM_FUZZ_CFLAGS "-fsanitize=fuzzer-no-link,address,undefined;-fno-sanitize-recover=undefined;-fno-omit-frame-pointer"
    CACHE STRING "Compile options for fuzz targets and instrumented driver copies (empty when CFLAGS carry them)")
set(BCSIM_FUZZ_LDFLAGS "-fsanitize=address,undefined" CACHE STRING
    "Link options for fuzz targets besides the engine (sanitizer runtimes)")

# This file sits in cmake/ of a source tree (next to fuzz/driver: the fuzzer source, its seeds
# and dictionary) or in the installed package (the source next to it in fuzz/, the seeds and the
# dictionary under share/bcsim/fuzz, which bcsimConfig.cmake names in _BCSIM_FUZZ_DATA_DIR).
get_filename_component(_bcsim_fuzz_here "${CMAKE_CURRENT_LIST_DIR}" ABSOLUTE)
if(EXISTS "${_bcsim_fuzz_here}/../fuzz/driver/bcsim_fuzz_driver.c")
  get_filename_component(_bcsim_fuzz_src "${_bcsim_fuzz_here}/../fuzz/driver" ABSOLUTE)
  set(_bcsim_fuzz_data "${_bcsim_fuzz_src}")
else()
  set(_bcsim_fuzz_src "${_bcsim_fuzz_here}/fuzz")
  set(_bcsim_fuzz_data "${_BCSIM_FUZZ_DATA_DIR}")
  if(NOT _bcsim_fuzz_data)
    set(_bcsim_fuzz_data "${_bcsim_fuzz_src}")
  endif()
endif()
set(_BCSIM_FUZZ_SRC_DIR "${_bcsim_fuzz_src}" CACHE INTERNAL "bcsim fuzzer source")
set(_BCSIM_FUZZ_SEED_DIR "${_bcsim_fuzz_data}" CACHE INTERNAL "bcsim fuzzer seeds and dictionary")
set(BCSIM_FUZZ_DICT "${_bcsim_fuzz_data}/bcsim_fuzz_driver.dict" CACHE INTERNAL
    "bcsim's dictionary for driver fuzzers (-dict=)")
set(_BCSIM_FUZZ_MAIN "${_bcsim_fuzz_here}/bcsim_fuzz_main.c" CACHE INTERNAL "bcsim replay main")
set(_BCSIM_FUZZ_REASON_NAMES SecondaryDumpData DumpIo AddPages SecondaryMultiPartDumpData
    RemovePages TriageDumpData Reserved1 Reserved2 Reserved3 legacy CACHE INTERNAL "")

# libFuzzer or replay for this project's compiler.
function(_bcsim_fuzz_mode out)
  if(BCSIM_BUILD_FUZZERS AND CMAKE_C_COMPILER_ID MATCHES "Clang")
    set(${out} libfuzzer PARENT_SCOPE)
  else()
    if(BCSIM_BUILD_FUZZERS AND NOT _BCSIM_FUZZ_WARNED)
      message(WARNING "bcsim: BCSIM_BUILD_FUZZERS needs clang (libFuzzer); building replay-only fuzz targets")
      set(_BCSIM_FUZZ_WARNED ON CACHE INTERNAL "")
    endif()
    set(${out} replay PARENT_SCOPE)
  endif()
endfunction()

# The executable itself, either kind; tests for it.
function(_bcsim_fuzz_executable name)
  cmake_parse_arguments(PARSE_ARGV 1 A "HOST;COVERED;NO_TESTS;NO_FUZZ_TEST" "DICT;OPTIONS;RUNS;SECONDS;TIMEOUT"
                        "SOURCES;CORPUS;LABELS;DRIVER_SOURCES;ENV")
  _bcsim_fuzz_mode(mode)
  # COVERED (bcsim's own targets, whose code under test is bcsim): link bcsim_cov, the library
  # built with coverage, where the build has one (src/CMakeLists.txt). Everything else links
  # the plain library: a driver fuzzer's coverage is the driver's.
  set(lib bcsim::bcsim)
  if(A_COVERED AND mode STREQUAL "libfuzzer" AND TARGET bcsim_cov)
    set(lib bcsim_cov)
  endif()
  if(mode STREQUAL "libfuzzer")
    add_executable(${name} ${A_SOURCES})
    target_compile_options(${name} PRIVATE ${BCSIM_FUZZ_CFLAGS})
    target_link_options(${name} PRIVATE ${BCSIM_FUZZ_ENGINE} ${BCSIM_FUZZ_LDFLAGS})
  else()
    add_executable(${name} ${A_SOURCES} "${_BCSIM_FUZZ_MAIN}")
  endif()
  if(A_DRIVER_SOURCES)
    add_library(${name}_drv OBJECT ${A_DRIVER_SOURCES})
    target_link_libraries(${name}_drv PRIVATE bcsim::driver)
    if(mode STREQUAL "libfuzzer")
      target_compile_options(${name}_drv PRIVATE ${BCSIM_FUZZ_CFLAGS})
    endif()
    target_link_libraries(${name} PRIVATE ${name}_drv)
  endif()
  if(A_HOST OR A_DRIVER_SOURCES)
    bcsim_link_host(${name} ${lib})
  else()
    target_link_libraries(${name} PRIVATE ${lib})
  endif()
  set_target_properties(${name} PROPERTIES BCSIM_FUZZ_MODE ${mode} BCSIM_FUZZ_CORPUS "${A_CORPUS}"
                                           BCSIM_FUZZ_DICT "${A_DICT}" BCSIM_FUZZ_OPTIONS "${A_OPTIONS}")
  # The project's fuzzers, for bcsim_install_fuzzers(); bcsim's own (made in its source tree when
  # a project add_subdirectory()s it) are not the project's.
  if(NOT PROJECT_NAME STREQUAL "bcsim")
    set_property(DIRECTORY "${CMAKE_SOURCE_DIR}" APPEND PROPERTY BCSIM_FUZZERS ${name})
  endif()

  # Tests unless the project turned testing off (a project that only calls enable_testing()
  # gets them too, like bcsim_add_driver_test()).
  if(A_NO_TESTS OR (DEFINED BUILD_TESTING AND NOT BUILD_TESTING))
    return()
  endif()
  set(seeds "")
  foreach(dir IN LISTS A_CORPUS)
    if(IS_DIRECTORY "${dir}")
      list(APPEND seeds "${dir}")
    endif()
  endforeach()
  if(NOT seeds)
    return()
  endif()
  if(mode STREQUAL "libfuzzer")
    # libFuzzer runs every corpus input once before mutating; -runs=0 stops there.
    add_test(NAME ${name}_replay COMMAND ${name} -runs=0 ${seeds})
  else()
    add_test(NAME ${name}_replay COMMAND ${name} ${seeds})
  endif()
  # Every test ends (a hanging driver never stalls CI): TIMEOUT, or BCSIM_TEST_TIMEOUT, or 120 s.
  _bcsim_test_timeout(replay_timeout "${A_TIMEOUT}")
  set_tests_properties(${name}_replay PROPERTIES LABELS "fuzz-replay;${A_LABELS}" ENVIRONMENT "${A_ENV}"
                                                 TIMEOUT ${replay_timeout})
  if(mode STREQUAL "libfuzzer" AND NOT A_NO_FUZZ_TEST)
    if(NOT A_RUNS)
      set(A_RUNS 20000)
    endif()
    if(NOT A_SECONDS)
      set(A_SECONDS 5)
    endif()
    # New inputs go to the first directory (in the build tree), never into the seed directories.
    set(work "${CMAKE_CURRENT_BINARY_DIR}/${name}.corpus")
    file(MAKE_DIRECTORY "${work}")
    set(args -runs=${A_RUNS} -max_total_time=${A_SECONDS} -seed=1 -print_final_stats=1
             "-artifact_prefix=${CMAKE_CURRENT_BINARY_DIR}/${name}-")
    if(A_DICT)
      list(APPEND args "-dict=${A_DICT}")
    endif()
    add_test(NAME ${name}_fuzz COMMAND ${name} ${args} "${work}" ${seeds})
    # -max_total_time bounds the fuzzing; the timeout bounds everything else (a hang at start).
    if(A_TIMEOUT)
      set(fuzz_timeout ${A_TIMEOUT})
    else()
      math(EXPR fuzz_timeout "${A_SECONDS} + 120")
    endif()
    set_tests_properties(${name}_fuzz PROPERTIES LABELS "fuzz;${A_LABELS}" ENVIRONMENT "${A_ENV}"
                                                 TIMEOUT ${fuzz_timeout})
  endif()
endfunction()

function(bcsim_add_fuzz_target name)
  cmake_parse_arguments(PARSE_ARGV 1 A "HOST;COVERED;NO_TESTS;NO_FUZZ_TEST" "DICT;OPTIONS;RUNS;SECONDS;TIMEOUT"
                        "SOURCES;CORPUS;LABELS;DRIVER_SOURCES")
  if(A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "bcsim_add_fuzz_target(${name}): unknown arguments: ${A_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT A_SOURCES)
    message(FATAL_ERROR "bcsim_add_fuzz_target(${name}): SOURCES is required")
  endif()
  set(pass "")
  foreach(flag HOST COVERED NO_TESTS NO_FUZZ_TEST)
    if(A_${flag})
      list(APPEND pass ${flag})
    endif()
  endforeach()
  foreach(kw DICT OPTIONS RUNS SECONDS TIMEOUT)
    if(A_${kw})
      list(APPEND pass ${kw} "${A_${kw}}")
    endif()
  endforeach()
  _bcsim_fuzz_executable(${name} SOURCES ${A_SOURCES} CORPUS ${A_CORPUS} LABELS ${A_LABELS}
                         DRIVER_SOURCES ${A_DRIVER_SOURCES} ${pass})
endfunction()

# An instrumented copy of a bcsim_add_driver() target: the same sources, include directories,
# definitions, options and link settings, plus BCSIM_FUZZ_CFLAGS, so libFuzzer sees the
# driver's coverage and ASan its memory accesses. The original module stays as it was (it
# still loads into an uninstrumented `bcsim run`).
function(_bcsim_fuzz_driver_copy driver copy)
  get_target_property(imported ${driver} IMPORTED)
  if(imported)
    message(WARNING "bcsim_add_fuzzer: ${driver} is imported; fuzzing it without coverage instrumentation")
    set(${copy} ${driver} PARENT_SCOPE)
    return()
  endif()
  set(target ${${copy}})
  get_target_property(srcs ${driver} SOURCES)
  get_target_property(dir ${driver} SOURCE_DIR)
  set(abs "")
  foreach(s IN LISTS srcs)
    if(IS_ABSOLUTE "${s}" OR s MATCHES "^\\$<")
      list(APPEND abs "${s}")
    else()
      list(APPEND abs "${dir}/${s}")
    endif()
  endforeach()
  add_library(${target} SHARED ${abs})
  foreach(prop INCLUDE_DIRECTORIES COMPILE_DEFINITIONS COMPILE_OPTIONS LINK_LIBRARIES LINK_OPTIONS
               C_STANDARD C_EXTENSIONS CXX_STANDARD C_VISIBILITY_PRESET)
    get_target_property(v ${driver} ${prop})
    if(v)
      set_property(TARGET ${target} PROPERTY ${prop} "${v}")
    endif()
  endforeach()
  target_compile_options(${target} PRIVATE ${BCSIM_FUZZ_CFLAGS})
  set_target_properties(${target} PROPERTIES PREFIX "" BCSIM_DRIVER TRUE)
endfunction()

function(bcsim_add_fuzzer name)
  cmake_parse_arguments(PARSE_ARGV 1 A "NO_TESTS;NO_FUZZ_TEST" "DRIVER;DICT;OPTIONS;RUNS;SECONDS;TIMEOUT"
                        "REASONS;CORPUS;LABELS")
  if(A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "bcsim_add_fuzzer(${name}): unknown arguments: ${A_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT A_DRIVER OR NOT TARGET ${A_DRIVER})
    message(FATAL_ERROR "bcsim_add_fuzzer(${name}): DRIVER must name a bcsim_add_driver() target")
  endif()
  set(reasons "")
  foreach(r IN LISTS A_REASONS)
    string(REGEX REPLACE "^KbCallback" "" short "${r}")
    if(short STREQUAL "BugCheckCallback" OR short STREQUAL "Legacy")
      set(short legacy)
    endif()
    if(NOT short IN_LIST _BCSIM_FUZZ_REASON_NAMES)
      message(FATAL_ERROR "bcsim_add_fuzzer(${name}): unknown reason '${r}' (one of: ${_BCSIM_FUZZ_REASON_NAMES}, "
                          "with or without the KbCallback prefix)")
    endif()
    list(APPEND reasons ${short})
  endforeach()
  list(JOIN reasons "," reasons_csv)

  # Seeds: bcsim's per-reason seeds, then the project's own.
  set(seed_reasons ${reasons})
  if(NOT seed_reasons)
    set(seed_reasons ${_BCSIM_FUZZ_REASON_NAMES})
  endif()
  set(corpus "")
  foreach(r IN LISTS seed_reasons)
    if(IS_DIRECTORY "${_BCSIM_FUZZ_SEED_DIR}/corpus/${r}")
      list(APPEND corpus "${_BCSIM_FUZZ_SEED_DIR}/corpus/${r}")
    endif()
  endforeach()
  foreach(c IN LISTS A_CORPUS)
    get_filename_component(c "${c}" ABSOLUTE)
    list(APPEND corpus "${c}")
  endforeach()
  set(dict "${BCSIM_FUZZ_DICT}")
  if(A_DICT)
    get_filename_component(dict "${A_DICT}" ABSOLUTE)
  endif()

  _bcsim_fuzz_mode(mode)
  if(mode STREQUAL "libfuzzer")
    set(module ${name}_driver)
    _bcsim_fuzz_driver_copy(${A_DRIVER} module)
  else()
    set(module ${A_DRIVER})
  endif()
  set(pass "")
  foreach(flag NO_TESTS NO_FUZZ_TEST)
    if(A_${flag})
      list(APPEND pass ${flag})
    endif()
  endforeach()
  foreach(kw RUNS SECONDS TIMEOUT)
    if(A_${kw})
      list(APPEND pass ${kw} "${A_${kw}}")
    endif()
  endforeach()
  _bcsim_fuzz_executable(${name} SOURCES "${_BCSIM_FUZZ_SRC_DIR}/bcsim_fuzz_driver.c" HOST
                         CORPUS ${corpus} DICT "${dict}" LABELS ${A_LABELS} ${pass})
  target_compile_definitions(${name} PRIVATE
    BCSIM_FUZZ_DRIVER_PATH="$<TARGET_FILE:${module}>" BCSIM_FUZZ_REASONS="${reasons_csv}")
  add_dependencies(${name} ${module})
  set_target_properties(${name} PROPERTIES BCSIM_FUZZ_DRIVER_MODULE ${module})
endfunction()

# ---- OSS-Fuzz / ClusterFuzzLite: the project's fuzzers into $OUT -----------------------------

set(_BCSIM_FUZZ_OUT_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/bcsim_fuzzers_out.cmake" CACHE INTERNAL "")

function(bcsim_install_fuzzers)
  cmake_parse_arguments(PARSE_ARGV 0 A "" "DESTINATION;TARGET_NAME" "TARGETS")
  if(A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "bcsim_install_fuzzers: unknown arguments: ${A_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT A_DESTINATION)
    set(A_DESTINATION "$ENV{OUT}")
  endif()
  if(NOT A_DESTINATION)
    message(FATAL_ERROR "bcsim_install_fuzzers: no DESTINATION and $OUT is not set")
  endif()
  if(NOT A_TARGET_NAME)
    set(A_TARGET_NAME bcsim_fuzzers_out)
  endif()
  if(NOT A_TARGETS)
    get_property(A_TARGETS DIRECTORY "${CMAKE_SOURCE_DIR}" PROPERTY BCSIM_FUZZERS)
  endif()
  set(cmds "")
  set(deps "")
  foreach(t IN LISTS A_TARGETS)
    if(NOT TARGET ${t})
      message(FATAL_ERROR "bcsim_install_fuzzers: ${t} is not a fuzzer target")
    endif()
    get_target_property(module ${t} BCSIM_FUZZ_DRIVER_MODULE)
    get_target_property(corpus ${t} BCSIM_FUZZ_CORPUS)
    get_target_property(dict ${t} BCSIM_FUZZ_DICT)
    get_target_property(options ${t} BCSIM_FUZZ_OPTIONS)
    set(module_file "")
    if(module)
      set(module_file "$<TARGET_FILE:${module}>")
      list(APPEND deps ${module})
    endif()
    foreach(v corpus dict options)
      if(NOT ${v})
        set(${v} "")
      endif()
    endforeach()
    string(REPLACE ";" "|" corpus "${corpus}")
    list(APPEND deps ${t})
    list(APPEND cmds COMMAND "${CMAKE_COMMAND}" "-DOUT=${A_DESTINATION}" "-DNAME=${t}"
                     "-DEXE=$<TARGET_FILE:${t}>" "-DMODULE=${module_file}" "-DCORPUS=${corpus}"
                     "-DDICT=${dict}" "-DOPTIONS=${options}" -P "${_BCSIM_FUZZ_OUT_SCRIPT}")
  endforeach()
  add_custom_target(${A_TARGET_NAME} ${cmds} DEPENDS ${deps} VERBATIM
                    COMMENT "bcsim: fuzzers, seed corpora, dictionaries and options into ${A_DESTINATION}")
endfunction()
