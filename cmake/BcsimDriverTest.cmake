# bcsim_add_driver_test(): one ctest entry per driver check (included by BcsimDriver.cmake).
#
#   bcsim_add_driver_test(<name> DRIVER <target>
#                         [BUGCHECK <code[,p1,p2,p3,p4]>]   # default MANUALLY_INITIATED_CRASH
#                         [DUMP_TYPE full|bitmap|small|header|none]
#                         [EXPECT_VIOLATIONS <NAME>...]      # default: none allowed
#                         [SCENARIO <file.json>]
#                         [SET <knob=value>...]
#                         [TIMEOUT <seconds>]               # default BCSIM_TEST_TIMEOUT or 120
#                         [LABELS <label>...])
#     Runs `bcsim run` on the driver module: the test fails on any unexpected violation, and on
#     a missing expected one. EXPECT_VIOLATIONS names are checked when the project is
#     configured (a misspelt name is a configure error listing the valid ones).
#
#   bcsim_add_driver_test(<name> DRIVER <target> SOURCES <test.c>... [LABELS ...])
#     Builds a cmocka test program that drives the driver through bcsim.h (fine-grained
#     assertions on the result object and the dump). The program gets BCSIM_DRIVER_PATH (the
#     module file) and BCSIM_DRIVER_NAME defined, and links bcsim and cmocka.
include_guard(GLOBAL)

# The timeout of a bcsim test: the TIMEOUT given, else the project's BCSIM_TEST_TIMEOUT, else
# 120 s, so a hanging driver ends its test instead of stalling CI for ctest's default.
function(_bcsim_test_timeout out given)
  if(given)
    set(t "${given}")
  elseif(DEFINED BCSIM_TEST_TIMEOUT)
    set(t "${BCSIM_TEST_TIMEOUT}")
  else()
    set(t 120)
  endif()
  if(NOT t MATCHES "^[0-9]+$" OR t EQUAL 0)
    message(FATAL_ERROR "bcsim: TIMEOUT must be a positive number of seconds, not '${t}'")
  endif()
  set(${out} ${t} PARENT_SCOPE)
endfunction()

# The finding names bcsim knows, from the one table (include/bcsim/violations.h): in the build
# tree next to this file's directory, installed under the include directory the package
# config names (_BCSIM_VIOLATIONS_HEADER).
function(_bcsim_violation_names out)
  set(hdr "${_BCSIM_VIOLATIONS_HEADER}")
  if(NOT hdr OR NOT EXISTS "${hdr}")
    set(hdr "${_BCSIM_DRIVER_CMAKE_DIR}/../include/bcsim/violations.h")
  endif()
  if(NOT EXISTS "${hdr}")
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  file(READ "${hdr}" text)
  string(REGEX MATCHALL "XX\\([A-Z0-9_]+, *(VIOLATION|WARNING|INFO)," rows "${text}")
  set(names "")
  foreach(row IN LISTS rows)
    string(REGEX REPLACE "^XX\\(([A-Z0-9_]+),.*" "\\1" n "${row}")
    list(APPEND names "${n}")
  endforeach()
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

function(_bcsim_cli_target out)
  if(NOT TARGET bcsim::cli)
    message(FATAL_ERROR "bcsim_add_driver_test: the bcsim program (bcsim::cli) is not available")
  endif()
  # With add_subdirectory(bcsim ... EXCLUDE_FROM_ALL) nothing else builds the program the
  # tests run: make the default build do it.
  get_target_property(imported bcsim::cli IMPORTED)
  if(NOT imported AND NOT TARGET bcsim_cli_for_driver_tests)
    get_target_property(real bcsim::cli ALIASED_TARGET)
    add_custom_target(bcsim_cli_for_driver_tests ALL)
    add_dependencies(bcsim_cli_for_driver_tests ${real})
  endif()
  set(${out} bcsim::cli PARENT_SCOPE)
endfunction()

function(bcsim_add_driver_test name)
  cmake_parse_arguments(PARSE_ARGV 1 A "" "DRIVER;BUGCHECK;DUMP_TYPE;SCENARIO;TIMEOUT"
                        "EXPECT_VIOLATIONS;LABELS;SOURCES;SET")
  if(A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "bcsim_add_driver_test(${name}): unknown arguments: ${A_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT A_DRIVER OR NOT TARGET ${A_DRIVER})
    message(FATAL_ERROR "bcsim_add_driver_test(${name}): DRIVER must name a bcsim_add_driver() target")
  endif()
  set(labels bcsim-driver ${A_LABELS})
  _bcsim_test_timeout(timeout "${A_TIMEOUT}")
  if(A_EXPECT_VIOLATIONS)
    _bcsim_violation_names(known)
    foreach(v IN LISTS A_EXPECT_VIOLATIONS)
      if(known AND NOT v IN_LIST known)
        list(JOIN known ", " known_text)
        message(FATAL_ERROR "bcsim_add_driver_test(${name}): EXPECT_VIOLATIONS: '${v}' is not a bcsim "
                            "finding name; the names are: ${known_text}")
      endif()
    endforeach()
  endif()

  if(A_SOURCES)
    if(A_BUGCHECK OR A_DUMP_TYPE OR A_SCENARIO OR A_EXPECT_VIOLATIONS OR A_SET)
      message(FATAL_ERROR "bcsim_add_driver_test(${name}): with SOURCES, the test program chooses "
                          "the bug check and checks the findings itself")
    endif()
    if(NOT TARGET bcsim::cmocka)
      include("${_BCSIM_DRIVER_CMAKE_DIR}/BcsimCmocka.cmake")
    endif()
    add_executable(${name} ${A_SOURCES})
    target_link_libraries(${name} PRIVATE bcsim::cmocka)
    bcsim_link_host(${name})
    target_compile_definitions(${name} PRIVATE
      BCSIM_DRIVER_PATH="$<TARGET_FILE:${A_DRIVER}>" BCSIM_DRIVER_NAME="${A_DRIVER}")
    add_dependencies(${name} ${A_DRIVER})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES LABELS "${labels}" TIMEOUT ${timeout})
    return()
  endif()

  _bcsim_cli_target(cli)
  set(args run --driver "$<TARGET_FILE:${A_DRIVER}>")
  if(A_SCENARIO)
    get_filename_component(scenario "${A_SCENARIO}" ABSOLUTE)
    list(APPEND args --scenario "${scenario}")
  endif()
  if(A_BUGCHECK)
    list(APPEND args --bugcheck "${A_BUGCHECK}")
  endif()
  if(A_DUMP_TYPE)
    list(APPEND args --dump-type "${A_DUMP_TYPE}")
  endif()
  foreach(kv IN LISTS A_SET)
    list(APPEND args --set "${kv}")
  endforeach()
  if(A_EXPECT_VIOLATIONS)
    list(JOIN A_EXPECT_VIOLATIONS "," expected)
    list(APPEND args --expect-violations "${expected}")
  endif()
  add_test(NAME ${name} COMMAND ${cli} ${args})
  set_tests_properties(${name} PROPERTIES LABELS "${labels}" TIMEOUT ${timeout})
endfunction()
