/*
 * bcsim shim: guiddef.h — GUID and DEFINE_GUID (wdk-surface.md 2, 3.3).
 * DEFINE_GUID declares an extern const GUID unless INITGUID is defined, in which
 * case it defines it. Including <initguid.h> switches later DEFINE_GUIDs to definitions.
 */
#ifndef GUID_DEFINED
#define GUID_DEFINED
#define BCSIM_SHIM_GUIDDEF_H 1

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _GUID {
    unsigned int   Data1;     /* ULONG */
    unsigned short Data2;
    unsigned short Data3;
    unsigned char  Data4[8];
} GUID;

#ifdef __cplusplus
}
#endif
#endif /* GUID_DEFINED */

#ifndef BCSIM_SHIM_GUIDDEF_TYPES
#define BCSIM_SHIM_GUIDDEF_TYPES
typedef GUID *LPGUID, *PGUID;
typedef const GUID *LPCGUID, *PCGUID;
typedef GUID IID, CLSID, FMTID;
typedef IID *LPIID;
typedef CLSID *LPCLSID;

#ifdef __cplusplus
#  define REFGUID const GUID &
#  define REFIID  const IID &
#  define REFCLSID const IID &
#  define BCSIM_GUID_EXTERN extern "C"
#else
#  define REFGUID const GUID *
#  define REFIID  const IID *
#  define REFCLSID const IID *
#  define BCSIM_GUID_EXTERN extern
#endif

static __inline__ int bcsim_shim_guid_equal(const GUID *a, const GUID *b)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    for (int i = 0; i < 16; i++)
        if (x[i] != y[i])
            return 0;
    return 1;
}
#ifdef __cplusplus
#  define IsEqualGUID(a, b) bcsim_shim_guid_equal(&(a), &(b))
#else
#  define IsEqualGUID(a, b) bcsim_shim_guid_equal((a), (b))
#endif
#define IsEqualIID(a, b)   IsEqualGUID(a, b)
#define IsEqualCLSID(a, b) IsEqualGUID(a, b)
#define InlineIsEqualGUID(a, b) IsEqualGUID(a, b)
#endif /* BCSIM_SHIM_GUIDDEF_TYPES */

/* DEFINE_GUID is (re)defined on every inclusion so that initguid.h can switch it. */
#undef DEFINE_GUID
#ifdef INITGUID
   /* weak: MSVC gives GUID definitions "selectany" linkage, so one per TU is fine */
#  ifdef __cplusplus
#    define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
       extern "C" const GUID __attribute__((__weak__)) name = { l, w1, w2, { b1, b2, b3, b4, b5, b6, b7, b8 } }
#  else
#    define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
       const GUID __attribute__((__weak__)) name = { l, w1, w2, { b1, b2, b3, b4, b5, b6, b7, b8 } }
#  endif
#else
#  define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
     BCSIM_GUID_EXTERN const GUID name
#endif

#ifndef GUID_NULL
DEFINE_GUID(GUID_NULL, 0x00000000, 0x0000, 0x0000, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
#define GUID_NULL GUID_NULL
#endif
