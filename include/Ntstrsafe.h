/* bcsim shim: Ntstrsafe.h — the capitalised spelling Learn uses ("include Ntstrsafe.h"); forwards to <ntstrsafe.h> (S10). */
#include <ntstrsafe.h>
