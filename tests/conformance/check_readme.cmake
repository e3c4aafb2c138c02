# tests/conformance/check_readme.cmake — README.md states what the code says.
#
#   cmake -DREADME=<README.md> -DINVENTORY=<bcsim-inventory> -DCHECKLIST=<wdk_checklist.txt>
#         [-DUPDATE=1] -P check_readme.cmake
#
# * Between <!-- support-table:begin --> and <!-- support-table:end -->: exactly the output of
#   bcsim-inventory (the export inventory, src/exports.inc).
# * Between <!-- shim-coverage:begin --> and <!-- shim-coverage:end -->: "N/M" with N = M = the
#   number of symbols in wdk_checklist.txt (the conformance build proves every one of them).
# With -DUPDATE=1 the README is rewritten instead of checked.
cmake_minimum_required(VERSION 3.25)
foreach(v README INVENTORY CHECKLIST)
  if(NOT ${v})
    message(FATAL_ERROR "check_readme.cmake: -D${v}=... is required")
  endif()
endforeach()

include("${CMAKE_CURRENT_LIST_DIR}/gen_coverage.cmake")
bcsim_coverage_generate("${CHECKLIST}" "" "" count)

execute_process(COMMAND "${INVENTORY}" OUTPUT_VARIABLE table RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${INVENTORY} failed")
endif()
set(coverage "**${count}/${count}** symbols of the `wdk-surface.md` section 3 checklist\n")
string(APPEND coverage "(`tests/conformance/wdk_checklist.txt`) are provided with their WDK shapes: the generated\n")
string(APPEND coverage "coverage unit compiles warning-free with gcc and clang-19 as C (c99, c11, gnu11) and C++ (c++17).\n")

file(READ "${README}" readme)
set(new "${readme}")
set(problems "")
foreach(section support-table shim-coverage)
  if(section STREQUAL "support-table")
    set(want "${table}")
  else()
    set(want "${coverage}")
  endif()
  set(begin "<!-- ${section}:begin -->\n")
  set(end "<!-- ${section}:end -->")
  string(FIND "${new}" "${begin}" b)
  string(FIND "${new}" "${end}" e)
  if(b EQUAL -1 OR e EQUAL -1 OR e LESS b)
    string(APPEND problems "  README.md has no ${begin} ... ${end} section\n")
    continue()
  endif()
  string(LENGTH "${begin}" blen)
  math(EXPR start "${b} + ${blen}")
  math(EXPR len "${e} - ${start}")
  string(SUBSTRING "${new}" ${start} ${len} have)
  if(NOT have STREQUAL want)
    string(APPEND problems "  README.md section ${section} is out of date\n")
    string(SUBSTRING "${new}" 0 ${start} head)
    string(SUBSTRING "${new}" ${e} -1 tail)
    set(new "${head}${want}${tail}")
  endif()
endforeach()

if(UPDATE)
  if(NOT new STREQUAL readme)
    file(WRITE "${README}" "${new}")
    message("README.md updated")
  endif()
elseif(problems)
  message(FATAL_ERROR "${problems}Regenerate with: cmake -DREADME=... -DINVENTORY=... -DCHECKLIST=... -DUPDATE=1 -P ${CMAKE_CURRENT_LIST_FILE}")
else()
  message("README.md: support table (${INVENTORY}) and shim coverage (${count}/${count}) are current")
endif()
