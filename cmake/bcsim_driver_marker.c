/*
 * Linked into every module built with bcsim_add_driver(): bcsim refuses a shared object
 * without this marker ("not a bcsim driver"), reading it from the ELF file before loading
 * (src/machine/elfcheck.c). Its value is BCSIM_DRIVER_ABI_VERSION (include/bcsim.h; a test checks the
 * two agree: every module the tests load carries this marker and is checked against it before it
 * loads). Compiled with the driver profile.
 */
__attribute__((__visibility__("default"), __used__))
const unsigned int bcsim_driver_abi_version = 1;
