# Debian 12's cmocka 1.1.5 ships no CMake target; wrap it in our own imported target.
include_guard(GLOBAL)
if(NOT TARGET bcsim::cmocka)
  find_path(CMOCKA_INCLUDE_DIR cmocka.h)
  find_library(CMOCKA_LIBRARY cmocka)
  if(NOT CMOCKA_INCLUDE_DIR OR NOT CMOCKA_LIBRARY)
    message(FATAL_ERROR "bcsim: cmocka not found (Debian: apt-get install libcmocka-dev)")
  endif()
  add_library(bcsim::cmocka UNKNOWN IMPORTED GLOBAL)
  set_target_properties(bcsim::cmocka PROPERTIES
    IMPORTED_LOCATION "${CMOCKA_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CMOCKA_INCLUDE_DIR}")
endif()
