/* An ordinary shared library, not built with bcsim_add_driver(). */
int plain_library_function(void) { return 42; }
