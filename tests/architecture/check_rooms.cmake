# tests/architecture/check_rooms.cmake — the rooms' one rule: arrows point down
# (docs/ARCHITECTURE.md). A file in a room may include headers of its own room, of the rooms
# below it and the shared headers at the top of src/; it may call or read symbols defined in
# its own room and below. Nothing may reach upward.
#
#   cmake "-DOBJECTS=<o>|<o>|..." -DSRC=<src> -DNM=<nm> "-DROOMS=fuzz;dispatcher;..."
#         [-DSHARED=<entries allowed at the top of SRC>] [-DMIN_OBJECTS=n]
#         [-DBRIDGE_ROOM=<room> -DBRIDGE=<header>] -P check_rooms.cmake
#
# An object's room is the folder it was compiled from (<...>/<room>/<file>.c.o). Symbols come
# from `nm` (defined: T D B R C V W; used: U), includes from the compiler's dependency files
# (<object>.d). Every upward arrow is printed; any fails the check. With SHARED, SRC may hold
# only the rooms' folders and those entries. With BRIDGE, a room may call into BRIDGE_ROOM (the
# top, src/nt: the other header world) through the services BRIDGE declares, and nothing else.
cmake_minimum_required(VERSION 3.25)
foreach(v OBJECTS SRC NM ROOMS)
  if(NOT ${v})
    message(FATAL_ERROR "check_rooms: ${v} is required")
  endif()
endforeach()
if(NOT MIN_OBJECTS)
  set(MIN_OBJECTS 10)
endif()

set(bad 0)
if(DEFINED SHARED)
  file(GLOB entries RELATIVE "${SRC}" "${SRC}/*")
  foreach(e IN LISTS entries)
    list(FIND ROOMS "${e}" r)
    list(FIND SHARED "${e}" s)
    if(r LESS 0 AND s LESS 0)
      message("stray entry: src/${e} is neither a room nor a shared header")
      math(EXPR bad "${bad} + 1")
    endif()
  endforeach()
endif()

string(REPLACE "|" ";" all "${OBJECTS}")
set(objects "")
foreach(o IN LISTS all)
  get_filename_component(dir "${o}" DIRECTORY)
  get_filename_component(room "${dir}" NAME)
  list(FIND ROOMS "${room}" i)
  if(i GREATER_EQUAL 0)
    list(APPEND objects "${o}")
    set(room_of_${o} ${room})
  endif()
endforeach()
list(LENGTH objects nobj)
if(nobj LESS MIN_OBJECTS)
  message(FATAL_ERROR "check_rooms: only ${nobj} objects in the rooms ${ROOMS}: is the library built?")
endif()

set(bridge_text "")
if(BRIDGE)
  file(READ "${BRIDGE}" bridge_text)
endif()

# Who defines what.
foreach(o IN LISTS objects)
  execute_process(COMMAND "${NM}" --defined-only "${o}" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "check_rooms: ${NM} failed on ${o}")
  endif()
  string(REGEX MATCHALL "[0-9a-f]+ [TDBRCVW] [A-Za-z_][A-Za-z0-9_.]*" rows "${out}")
  foreach(r IN LISTS rows)
    string(REGEX REPLACE "^[0-9a-f]+ . " "" sym "${r}")
    set(owner_${sym} "${room_of_${o}}")
  endforeach()
endforeach()

foreach(o IN LISTS objects)
  set(room "${room_of_${o}}")
  list(FIND ROOMS "${room}" here)
  get_filename_component(src_name "${o}" NAME)
  string(REGEX REPLACE "\\.o(bj)?$" "" src_name "${src_name}")
  # calls and reads
  execute_process(COMMAND "${NM}" -u "${o}" OUTPUT_VARIABLE out)
  string(REGEX MATCHALL "U [A-Za-z_][A-Za-z0-9_.]*" rows "${out}")
  foreach(r IN LISTS rows)
    string(REGEX REPLACE "^U " "" sym "${r}")
    set(to "${owner_${sym}}")
    if(to)
      list(FIND ROOMS "${to}" there)
      if(there LESS here AND to STREQUAL BRIDGE_ROOM AND bridge_text MATCHES "[^A-Za-z0-9_]${sym}[^A-Za-z0-9_]")
        # a service of the other header world, declared in the bridge
      elseif(there LESS here)
        message("upward call: ${room}/${src_name} uses ${sym} of ${to}")
        math(EXPR bad "${bad} + 1")
      endif()
    endif()
  endforeach()
  # includes (the dependency file lists every header, directly included or not)
  set(dep "${o}.d")
  if(NOT EXISTS "${dep}")
    if(src_name MATCHES "\\.S$")
      continue()    # assembly without #include: the generator writes no dependency file
    endif()
    message(FATAL_ERROR "check_rooms: no dependency file ${dep}")
  endif()
  file(READ "${dep}" deps)
  string(REGEX MATCHALL "${SRC}/[a-z]+/[A-Za-z0-9_]+\\.(h|inc)" hdrs "${deps}")
  list(REMOVE_DUPLICATES hdrs)
  foreach(h IN LISTS hdrs)
    string(REGEX REPLACE "^${SRC}/([a-z]+)/.*" "\\1" to "${h}")
    list(FIND ROOMS "${to}" there)
    if(there GREATER_EQUAL 0 AND there LESS here)
      string(REPLACE "${SRC}/" "" hrel "${h}")
      message("upward include: ${room}/${src_name} includes ${hrel}")
      math(EXPR bad "${bad} + 1")
    endif()
  endforeach()
endforeach()
if(bad GREATER 0)
  message(FATAL_ERROR "check_rooms: ${bad} upward arrow(s) or stray entries; rooms top to bottom: ${ROOMS}")
endif()
message(STATUS "check_rooms: ${nobj} objects, every arrow points down (${ROOMS})")
