/* bcsim shim: Ntifs.h — the capitalised spelling Learn uses ("include Ntifs.h"); forwards to <ntifs.h> (S10). */
#include <ntifs.h>
