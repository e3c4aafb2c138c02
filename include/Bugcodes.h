/* bcsim shim: Bugcodes.h — the capitalised spelling Learn uses ("include Bugcodes.h"); forwards to <bugcodes.h> (S10). */
#include <bugcodes.h>
