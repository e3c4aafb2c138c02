/* bcsim shim: Wdm.h — the capitalised spelling Learn uses ("include Wdm.h"); forwards to <wdm.h> (S10). */
#include <wdm.h>
