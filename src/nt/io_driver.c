/*
 * src/nt/io_driver.c — simulated DRIVER_OBJECTs and the calls into DriverEntry and
 * DriverUnload, made with the shim's own types so the layout drivers see is the WDK's.
 */
#include <wdm.h>
#include "../bridge.h"

static PWCH widen(const char *s, USHORT *bytes)
{
    ULONG n = 0;
    while (s[n])
        n++;
    PWCH w = (PWCH)bcsim__os_alloc_bridge((n + 1) * sizeof(WCHAR));
    if (!w)
        return NULL;
    for (ULONG i = 0; i < n; i++)
        w[i] = (WCHAR)(unsigned char)s[i];
    w[n] = 0;
    *bytes = (USHORT)(n * sizeof(WCHAR));
    return w;
}

static int init_ustr(PUNICODE_STRING u, const char *s)
{
    USHORT bytes = 0;
    PWCH w = widen(s, &bytes);
    if (!w)
        return -1;
    u->Buffer = w;
    u->Length = bytes;
    u->MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
    return 0;
}

void *bcsim__nt_driver_object_new(const char *driver_name, const char *service_name,
                                  const char *registry_path, void *image_base,
                                  bcsim__u32 image_size, void **registry_path_out)
{
    PDRIVER_OBJECT d = (PDRIVER_OBJECT)bcsim__os_alloc_bridge(sizeof(DRIVER_OBJECT));
    PDRIVER_EXTENSION x = (PDRIVER_EXTENSION)bcsim__os_alloc_bridge(sizeof(DRIVER_EXTENSION));
    PUNICODE_STRING rp = (PUNICODE_STRING)bcsim__os_alloc_bridge(sizeof(UNICODE_STRING));
    if (!d || !x || !rp)
        return 0;
    d->Type = IO_TYPE_DRIVER;
    d->Size = (CSHORT)sizeof(DRIVER_OBJECT);
    d->DriverStart = image_base;
    d->DriverSize = image_size;
    d->DriverExtension = x;
    x->DriverObject = d;
    if (init_ustr(&d->DriverName, driver_name) || init_ustr(&x->ServiceKeyName, service_name) ||
        init_ustr(rp, registry_path))
        return 0;
    *registry_path_out = rp;
    return d;
}

void *bcsim__nt_driver_unload_routine(void *driver_object)
{
    return (void *)((PDRIVER_OBJECT)driver_object)->DriverUnload;
}

bcsim__i32 bcsim__nt_call_driver_entry(void *entry, void *driver_object, void *registry_path)
{
    PDRIVER_INITIALIZE fn = (PDRIVER_INITIALIZE)entry;
    ((PDRIVER_OBJECT)driver_object)->DriverInit = fn;
    return fn((PDRIVER_OBJECT)driver_object, (PUNICODE_STRING)registry_path);
}

void bcsim__nt_call_driver_unload(void *unload, void *driver_object)
{
    ((PDRIVER_UNLOAD)unload)((PDRIVER_OBJECT)driver_object);
}
