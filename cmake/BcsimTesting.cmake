# Helpers for bcsim's own tests and benchmarks (not installed).
include_guard(GLOBAL)

# bcsim_link_driver_sources(<executable> [driver sources...]): the sources compiled with the
# driver profile and linked in, and the executable made a host that loads driver modules.
function(bcsim_link_driver_sources name)
  if(ARGN)
    add_library(${name}_drv OBJECT ${ARGN})
    target_link_libraries(${name}_drv PRIVATE bcsim::driver)
    target_link_libraries(${name} PRIVATE ${name}_drv)
  endif()
  bcsim_link_host(${name})
endfunction()

# bcsim_add_unit_test(<name> SOURCES ... [DRIVER_SOURCES ...] [LABELS ...] [HOST])
#   SOURCES         cmocka test files (harness world, see tests/bcsim_test.h)
#   DRIVER_SOURCES  test-driver files compiled with the driver profile, linked in
#   HOST            the test loads driver modules: export bcsim's kernel routines
function(bcsim_add_unit_test name)
  cmake_parse_arguments(PARSE_ARGV 1 A "HOST" "TIMEOUT" "SOURCES;DRIVER_SOURCES;LABELS;DEPENDS")
  add_executable(${name} ${A_SOURCES})
  target_compile_options(${name} PRIVATE ${BCSIM_WARNINGS})
  target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests" "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(${name} PRIVATE bcsim::cmocka)
  bcsim_link_driver_sources(${name} ${A_DRIVER_SOURCES})
  if(A_DEPENDS)
    add_dependencies(${name} ${A_DEPENDS})
  endif()
  add_test(NAME ${name} COMMAND ${name})
  set(labels unit ${A_LABELS})
  set_tests_properties(${name} PROPERTIES LABELS "${labels}"
    ENVIRONMENT "CMOCKA_MESSAGE_OUTPUT=stdout")
  if(A_TIMEOUT)
    set_tests_properties(${name} PROPERTIES TIMEOUT ${A_TIMEOUT})
  endif()
endfunction()
