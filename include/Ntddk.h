/* bcsim shim: Ntddk.h — the capitalised spelling Learn uses ("include Ntddk.h"); forwards to <ntddk.h> (S10). */
#include <ntddk.h>
