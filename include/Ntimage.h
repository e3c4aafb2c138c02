/* bcsim shim: Ntimage.h — the capitalised spelling Learn uses ("include Ntimage.h"); forwards to <ntimage.h> (S10). */
#include <ntimage.h>
