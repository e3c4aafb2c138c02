/* bcsim shim: Aux_klib.h — the capitalised spelling Learn uses ("include Aux_klib.h"); forwards to <aux_klib.h> (S10). */
#include <aux_klib.h>
