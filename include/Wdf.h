/* bcsim shim: Wdf.h — the capitalised spelling Learn uses ("include Wdf.h"); forwards to <wdf.h> (S10). */
#include <wdf.h>
