# tests/conformance/check_inventory.cmake — the export inventory agrees with the headers and the
# library (docs/ARCHITECTURE.md "The export inventory").
#
#   cmake -DAUX=<gcc -aux-info output of all_headers.c> -DEXPORTS=<src/exports.inc>
#         -DLIB=<libbcsim.a> -DNM=<nm> -DINCLUDE=<include dir> -P check_inventory.cmake
#
# Checks:
#   1. every function the shim headers declare (include/, not the CRT subset in include/crt,
#      not bcsim's own bcsim* hooks) has a FUNC row in src/exports.inc;
#   2. every FUNC row is defined (T/W) and every DATA row defined (D/B/R) in libbcsim.a;
#   3. every row is declared by a shim header, except rows with header "-" (exports the WDK does
#      not declare, e.g. KiBugCheckData), which must NOT be declared;
#   and the wide CRT functions the shim's string.h binds by asm label are defined in libbcsim.a.
cmake_minimum_required(VERSION 3.25)
foreach(v AUX EXPORTS LIB NM INCLUDE)
  if(NOT ${v})
    message(FATAL_ERROR "check_inventory.cmake: -D${v}=... is required")
  endif()
endforeach()

# Declarations the WDK makes for routines the driver defines (bugcheck-api.md 4.2, fact 4).
set(driver_defined BugCheckSecondaryMultiPartDumpDataCallback)

set(errors "")
macro(fail msg)
  string(APPEND errors "  ${msg}\n")
endmacro()

# ---- functions the headers declare (gcc -aux-info: "/* file:line:NC */ decl;") ------------------
file(STRINGS "${AUX}" aux_lines REGEX "^/\\* .*:[0-9]+:[NO][CF] \\*/ ")
set(declared "")
foreach(l IN LISTS aux_lines)
  if(NOT l MATCHES "^/\\* (.*):[0-9]+:[NO]([CF]) \\*/ (.*)$")
    continue()
  endif()
  set(file "${CMAKE_MATCH_1}")
  set(cf "${CMAKE_MATCH_2}")
  set(decl "${CMAKE_MATCH_3}")
  if(NOT cf STREQUAL "C" OR decl MATCHES "^static ")
    continue()               # inline bodies in headers are not exports
  endif()
  string(FIND "${file}" "${INCLUDE}/" at)
  if(NOT at EQUAL 0 OR file MATCHES "/include/crt/")
    continue()
  endif()
  # "extern T Name (params);", or "extern ROLE_TYPE Name;" for a routine declared through its
  # function type.
  if(decl MATCHES "([A-Za-z_][A-Za-z0-9_]*) \\(")
    set(name "${CMAKE_MATCH_1}")
  elseif(decl MATCHES "([A-Za-z_][A-Za-z0-9_]*) *;$")
    set(name "${CMAKE_MATCH_1}")
  else()
    message(FATAL_ERROR "cannot find the function name in: ${l}")
  endif()
  if(name MATCHES "^bcsim" OR name IN_LIST driver_defined)
    continue()
  endif()
  list(APPEND declared "${name}")
endforeach()
list(REMOVE_DUPLICATES declared)

# ---- the inventory ---------------------------------------------------------------------------------
file(STRINGS "${EXPORTS}" rows REGEX "^BCSIM__EXPORT_ENUM\\(")
set(funcs "")
set(data "")
set(undeclared "")
set(nstub 0)
set(nimpl 0)
foreach(r IN LISTS rows)
  if(NOT r MATCHES "^BCSIM__EXPORT_ENUM\\(([A-Za-z_][A-Za-z0-9_]*), *\"([^\"]*)\", *(FUNC|DATA), *(IMPLEMENTED|STUB),")
    message(FATAL_ERROR "cannot parse inventory row: ${r}")
  endif()
  set(name "${CMAKE_MATCH_1}")
  if(CMAKE_MATCH_3 STREQUAL "FUNC")
    list(APPEND funcs "${name}")
  else()
    list(APPEND data "${name}")
  endif()
  if(CMAKE_MATCH_2 STREQUAL "-")
    list(APPEND undeclared "${name}")
  endif()
  if(CMAKE_MATCH_4 STREQUAL "STUB")
    math(EXPR nstub "${nstub} + 1")
  else()
    math(EXPR nimpl "${nimpl} + 1")
  endif()
endforeach()

# ---- what libbcsim.a defines -------------------------------------------------------------------------
execute_process(COMMAND "${NM}" -g --defined-only "${LIB}" OUTPUT_VARIABLE nm_out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIB}")
endif()
string(REGEX MATCHALL "[0-9a-fA-F]+ [TW] [A-Za-z_][A-Za-z0-9_]*" text_syms "${nm_out}")
string(REGEX REPLACE "[0-9a-fA-F]+ [TW] " "" text_syms "${text_syms}")
string(REGEX MATCHALL "[0-9a-fA-F]+ [DBRGSV] [A-Za-z_][A-Za-z0-9_]*" data_syms "${nm_out}")
string(REGEX REPLACE "[0-9a-fA-F]+ [DBRGSV] " "" data_syms "${data_syms}")

# ---- 1. declared => inventoried
foreach(name IN LISTS declared)
  if(NOT name IN_LIST funcs)
    fail("${name} is declared by a shim header but has no FUNC row in src/exports.inc")
  endif()
endforeach()

# ---- 2. inventoried => defined
foreach(name IN LISTS funcs)
  if(NOT name IN_LIST text_syms)
    fail("${name} (FUNC) is not defined in libbcsim.a")
  endif()
endforeach()
foreach(name IN LISTS data)
  if(NOT name IN_LIST data_syms)
    fail("${name} (DATA) is not defined in libbcsim.a")
  endif()
endforeach()

# ---- 3. inventoried => declared (or deliberately not)
file(GLOB_RECURSE headers "${INCLUDE}/*.h")
list(FILTER headers EXCLUDE REGEX "/include/(crt|bcsim)/|/include/bcsim\\.h$")
set(header_text "")
foreach(h IN LISTS headers)
  file(READ "${h}" t)
  string(APPEND header_text "${t}\n")
endforeach()
# Comments may quote declarations drivers write themselves ("extern PULONG_PTR KiBugCheckData;").
string(REGEX REPLACE "/\\*([^*]|\\*+[^*/])*\\*+/" " " header_text "${header_text}")
string(REGEX REPLACE "//[^\n]*" " " header_text "${header_text}")
foreach(name IN LISTS funcs)
  if(name IN_LIST undeclared)
    if(name IN_LIST declared)
      fail("${name} has header \"-\" (deliberately undeclared) but a shim header declares it")
    endif()
  elseif(NOT name IN_LIST declared)
    fail("${name} (FUNC) is in src/exports.inc but no shim header declares it")
  endif()
endforeach()
foreach(name IN LISTS data)
  string(REGEX MATCH "extern[^;(){}]*[ *]${name}[ \t]*;" decl "${header_text}")
  if(name IN_LIST undeclared AND decl)
    fail("${name} has header \"-\" (deliberately undeclared) but a shim header declares it: ${decl}")
  elseif(NOT name IN_LIST undeclared AND NOT decl)
    fail("${name} (DATA) is in src/exports.inc but no shim header declares it")
  endif()
endforeach()

# ---- the CRT's wide-string bodies (include/crt/string.h asm labels)
file(STRINGS "${INCLUDE}/crt/string.h" labels REGEX "__asm__\\(\"bcsim_[a-z0-9]+\"\\)")
foreach(l IN LISTS labels)
  string(REGEX REPLACE ".*__asm__\\(\"(bcsim_[a-z0-9]+)\"\\).*" "\\1" sym "${l}")
  if(NOT sym IN_LIST text_syms)
    fail("${sym} (asm label in include/crt/string.h) is not defined in libbcsim.a")
  endif()
endforeach()

list(LENGTH declared ndeclared)
list(LENGTH funcs nfuncs)
list(LENGTH data ndata)
message("inventory: ${nfuncs} functions and ${ndata} data exports (${nimpl} implemented, ${nstub} stubs); "
        "${ndeclared} functions declared by the shim headers")
if(errors)
  message(FATAL_ERROR "export inventory mismatch:\n${errors}")
endif()
