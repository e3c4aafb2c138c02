# bcsim_add_driver_test(): one ctest entry per driver check (included by BcsimDriver.cmake).
#
#   bcsim_add_driver_test(<name> DRIVER <target>
#                         [BUGCHECK <code[,p1,p2,p3,p4]>]   # default MANUALLY_INITIATED_CRASH
#                         [DUMP_TYPE full|bitmap|small|header|none]
#                         [EXPECT_VIOLATIONS <NAME>...]      # default: none allowed
#                         [SCENARIO <file.json>]
#                         [SET <knob=value>...]
#                         [LABELS <label>...])
#     Runs `bcsim run` on the driver module: the test fails on any unexpected violation, and on
#     a missing expected one.
#
#   bcsim_add_driver_test(<name> DRIVER <target> SOURCES <test.c>... [LABELS ...])
#     Builds a cmocka test program that drives the driver through bcsim.h (fine-grained
#     assertions on the result object and the dump). The program gets BCSIM_DRIVER_PATH (the
#     module file) and BCSIM_DRIVER_NAME defined, and links bcsim and cmocka.
include_guard(GLOBAL)

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
  cmake_parse_arguments(PARSE_ARGV 1 A "" "DRIVER;BUGCHECK;DUMP_TYPE;SCENARIO"
                        "EXPECT_VIOLATIONS;LABELS;SOURCES;SET")
  if(A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "bcsim_add_driver_test(${name}): unknown arguments: ${A_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT A_DRIVER OR NOT TARGET ${A_DRIVER})
    message(FATAL_ERROR "bcsim_add_driver_test(${name}): DRIVER must name a bcsim_add_driver() target")
  endif()
  set(labels bcsim-driver ${A_LABELS})

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
    set_tests_properties(${name} PROPERTIES LABELS "${labels}")
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
  set_tests_properties(${name} PROPERTIES LABELS "${labels}")
endfunction()
