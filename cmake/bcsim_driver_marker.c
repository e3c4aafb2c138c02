/*
 * Linked into every module built with bcsim_add_driver(): `bcsim run` refuses a shared
 * object without this marker ("not a bcsim driver"). Compiled with the driver profile.
 */
__attribute__((__visibility__("default"), __used__))
const unsigned int bcsim_driver_abi_version = 1;
