/* bcsim shim: initguid.h — after this, DEFINE_GUID defines its GUIDs (guiddef.h). */
#ifndef INITGUID
#define INITGUID
#endif
#include <guiddef.h>
