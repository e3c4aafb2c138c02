/*
 * bcsim shim: the configuration-manager part of wdm.h — hardware resource descriptors (what a
 * PnP start hands a driver: CM_RESOURCE_LIST and its partial descriptors, x64 layout with the
 * WDK's 4-byte packing), bus interface types, the standard bus interface (BUS_INTERFACE_STANDARD,
 * configuration space through the bus driver), device registry properties and the registry value
 * types and key rights drivers name. Needs ntdef.h, ke.h, io.h, pci.h first.
 */
#ifndef BCSIM_SHIM_CM_H
#define BCSIM_SHIM_CM_H

#ifndef _NTDEF_
#  error "include <wdm.h> or <ntddk.h>, not bcsim_shim/cm.h"
#endif

EXTERN_C_START

/* ---- bus interface types --------------------------------------------------------------------- */
typedef enum _INTERFACE_TYPE {
    InterfaceTypeUndefined = -1,
    Internal = 0,
    Isa = 1,
    Eisa = 2,
    MicroChannel = 3,
    TurboChannel = 4,
    PCIBus = 5,
    VMEBus = 6,
    NuBus = 7,
    PCMCIABus = 8,
    CBus = 9,
    MPIBus = 10,
    MPSABus = 11,
    ProcessorInternal = 12,
    InternalPowerBus = 13,
    PNPISABus = 14,
    PNPBus = 15,
    Vmcs = 16,
    ACPIBus = 17,
    MaximumInterfaceType = 18
} INTERFACE_TYPE, *PINTERFACE_TYPE;

/* ---- resource types, share dispositions and flags ---------------------------------------------- */
typedef int CM_RESOURCE_TYPE;
#define CmResourceTypeNull             0
#define CmResourceTypePort             1
#define CmResourceTypeInterrupt        2
#define CmResourceTypeMemory           3
#define CmResourceTypeDma              4
#define CmResourceTypeDeviceSpecific   5
#define CmResourceTypeBusNumber        6
#define CmResourceTypeMemoryLarge      7
#define CmResourceTypeNonArbitrated    128
#define CmResourceTypeConfigData       128
#define CmResourceTypeDevicePrivate    129
#define CmResourceTypePcCardConfig     130
#define CmResourceTypeMfCardConfig     131
#define CmResourceTypeConnection       132

typedef enum _CM_SHARE_DISPOSITION {
    CmResourceShareUndetermined = 0,
    CmResourceShareDeviceExclusive = 1,
    CmResourceShareDriverExclusive = 2,
    CmResourceShareShared = 3
} CM_SHARE_DISPOSITION;

#define CM_RESOURCE_INTERRUPT_LEVEL_SENSITIVE      0x0000
#define CM_RESOURCE_INTERRUPT_LATCHED              0x0001
#define CM_RESOURCE_INTERRUPT_MESSAGE              0x0002
#define CM_RESOURCE_INTERRUPT_POLICY_INCLUDED      0x0004
#define CM_RESOURCE_INTERRUPT_SECONDARY_INTERRUPT  0x0010
#define CM_RESOURCE_INTERRUPT_WAKE_HINT            0x0020
#define CM_RESOURCE_INTERRUPT_LEVEL_LATCHED_BITS   0x0001
#define CM_RESOURCE_INTERRUPT_MESSAGE_TOKEN        ((ULONG)-2)

#define CM_RESOURCE_MEMORY_READ_WRITE                     0x0000
#define CM_RESOURCE_MEMORY_READ_ONLY                      0x0001
#define CM_RESOURCE_MEMORY_WRITE_ONLY                     0x0002
#define CM_RESOURCE_MEMORY_WRITEABILITY_MASK              0x0003
#define CM_RESOURCE_MEMORY_PREFETCHABLE                   0x0004
#define CM_RESOURCE_MEMORY_COMBINEDWRITE                  0x0008
#define CM_RESOURCE_MEMORY_24                             0x0010
#define CM_RESOURCE_MEMORY_CACHEABLE                      0x0020
#define CM_RESOURCE_MEMORY_WINDOW_DECODE                  0x0040
#define CM_RESOURCE_MEMORY_BAR                            0x0080
#define CM_RESOURCE_MEMORY_COMPAT_FOR_INACCESSIBLE_RANGE  0x0100
#define CM_RESOURCE_MEMORY_LARGE                          0x0E00
#define CM_RESOURCE_MEMORY_LARGE_40                       0x0200
#define CM_RESOURCE_MEMORY_LARGE_48                       0x0400
#define CM_RESOURCE_MEMORY_LARGE_64                       0x0800

#define CM_RESOURCE_PORT_MEMORY           0x0000
#define CM_RESOURCE_PORT_IO               0x0001
#define CM_RESOURCE_PORT_10_BIT_DECODE    0x0004
#define CM_RESOURCE_PORT_12_BIT_DECODE    0x0008
#define CM_RESOURCE_PORT_16_BIT_DECODE    0x0010
#define CM_RESOURCE_PORT_POSITIVE_DECODE  0x0020
#define CM_RESOURCE_PORT_PASSIVE_DECODE   0x0040
#define CM_RESOURCE_PORT_WINDOW_DECODE    0x0080
#define CM_RESOURCE_PORT_BAR              0x0100

#define CM_RESOURCE_DMA_8           0x0000
#define CM_RESOURCE_DMA_16          0x0001
#define CM_RESOURCE_DMA_32          0x0002
#define CM_RESOURCE_DMA_8_AND_16    0x0004
#define CM_RESOURCE_DMA_BUS_MASTER  0x0008
#define CM_RESOURCE_DMA_TYPE_A      0x0010
#define CM_RESOURCE_DMA_TYPE_B      0x0020
#define CM_RESOURCE_DMA_TYPE_F      0x0040
#define CM_RESOURCE_DMA_V3          0x0080

/* ---- descriptors: the WDK declares them under 4-byte packing (x64: 20-byte partial descriptors) - */
#pragma pack(push, 4)
typedef struct _CM_PARTIAL_RESOURCE_DESCRIPTOR {
    UCHAR Type;
    UCHAR ShareDisposition;
    USHORT Flags;
    union {
        struct {
            PHYSICAL_ADDRESS Start;
            ULONG Length;
        } Generic;
        struct {
            PHYSICAL_ADDRESS Start;
            ULONG Length;
        } Port;
        struct {
            USHORT Level;
            USHORT Group;
            ULONG Vector;
            KAFFINITY Affinity;
        } Interrupt;
        struct {
            union {
                struct {
                    USHORT Group;
                    USHORT MessageCount;
                    ULONG Vector;
                    KAFFINITY Affinity;
                } Raw;
                struct {
                    USHORT Level;
                    USHORT Group;
                    ULONG Vector;
                    KAFFINITY Affinity;
                } Translated;
            };
        } MessageInterrupt;
        struct {
            PHYSICAL_ADDRESS Start;
            ULONG Length;
        } Memory;
        struct {
            ULONG Channel;
            ULONG Port;
            ULONG Reserved1;
        } Dma;
        struct {
            ULONG Channel;
            ULONG RequestLine;
            UCHAR TransferWidth;
            UCHAR Reserved1;
            UCHAR Reserved2;
            UCHAR Reserved3;
        } DmaV3;
        struct {
            ULONG Data[3];
        } DevicePrivate;
        struct {
            ULONG Start;
            ULONG Length;
            ULONG Reserved;
        } BusNumber;
        struct {
            ULONG DataSize;
            ULONG Reserved1;
            ULONG Reserved2;
        } DeviceSpecificData;
        struct {
            PHYSICAL_ADDRESS Start;
            ULONG Length40;
        } Memory40;
        struct {
            PHYSICAL_ADDRESS Start;
            ULONG Length48;
        } Memory48;
        struct {
            PHYSICAL_ADDRESS Start;
            ULONG Length64;
        } Memory64;
        struct {
            UCHAR Class;
            UCHAR Type;
            UCHAR Reserved1;
            UCHAR Reserved2;
            ULONG IdLowPart;
            ULONG IdHighPart;
        } Connection;
    } u;
} CM_PARTIAL_RESOURCE_DESCRIPTOR, *PCM_PARTIAL_RESOURCE_DESCRIPTOR;

typedef struct _CM_PARTIAL_RESOURCE_LIST {
    USHORT Version;
    USHORT Revision;
    ULONG Count;
    CM_PARTIAL_RESOURCE_DESCRIPTOR PartialDescriptors[1];
} CM_PARTIAL_RESOURCE_LIST, *PCM_PARTIAL_RESOURCE_LIST;

typedef struct _CM_FULL_RESOURCE_DESCRIPTOR {
    INTERFACE_TYPE InterfaceType;
    ULONG BusNumber;
    CM_PARTIAL_RESOURCE_LIST PartialResourceList;
} CM_FULL_RESOURCE_DESCRIPTOR, *PCM_FULL_RESOURCE_DESCRIPTOR;

/* PCM_RESOURCE_LIST is declared with the other I/O object pointers (bcsim_shim/io.h). */
typedef struct _CM_RESOURCE_LIST {
    ULONG Count;
    CM_FULL_RESOURCE_DESCRIPTOR List[1];
} CM_RESOURCE_LIST;
#pragma pack(pop)

#if defined(_WIN64) && !defined(BCSIM_SHIM_ALLOW_32BIT)
C_ASSERT(sizeof(CM_PARTIAL_RESOURCE_DESCRIPTOR) == 20);
C_ASSERT(FIELD_OFFSET(CM_PARTIAL_RESOURCE_DESCRIPTOR, u) == 4);
C_ASSERT(FIELD_OFFSET(CM_PARTIAL_RESOURCE_LIST, PartialDescriptors) == 8);
#endif

/* ---- the standard bus interface (GUID_BUS_INTERFACE_STANDARD, wdmguid.h) ---------------------- */
typedef
_Function_class_(TRANSLATE_BUS_ADDRESS)
_IRQL_requires_same_
BOOLEAN
TRANSLATE_BUS_ADDRESS(
    _Inout_opt_ PVOID Context,
    _In_ PHYSICAL_ADDRESS BusAddress,
    _In_ ULONG Length,
    _Out_ PULONG AddressSpace,
    _Out_ PPHYSICAL_ADDRESS TranslatedAddress
    );
typedef TRANSLATE_BUS_ADDRESS *PTRANSLATE_BUS_ADDRESS;

typedef
_Function_class_(GET_DMA_ADAPTER)
_IRQL_requires_same_
struct _DMA_ADAPTER *
GET_DMA_ADAPTER(
    _Inout_opt_ PVOID Context,
    _In_ struct _DEVICE_DESCRIPTION *DeviceDescriptor,
    _Out_ PULONG NumberOfMapRegisters
    );
typedef GET_DMA_ADAPTER *PGET_DMA_ADAPTER;

typedef
_Function_class_(GET_SET_DEVICE_DATA)
_IRQL_requires_same_
ULONG
GET_SET_DEVICE_DATA(
    _Inout_opt_ PVOID Context,
    _In_ ULONG DataType,
    _Inout_updates_bytes_(Length) PVOID Buffer,
    _In_ ULONG Offset,
    _In_ ULONG Length
    );
typedef GET_SET_DEVICE_DATA *PGET_SET_DEVICE_DATA;

typedef struct _BUS_INTERFACE_STANDARD {
    USHORT Size;
    USHORT Version;
    PVOID Context;
    PINTERFACE_REFERENCE InterfaceReference;
    PINTERFACE_DEREFERENCE InterfaceDereference;
    PTRANSLATE_BUS_ADDRESS TranslateBusAddress;
    PGET_DMA_ADAPTER GetDmaAdapter;
    PGET_SET_DEVICE_DATA SetBusData;
    PGET_SET_DEVICE_DATA GetBusData;
} BUS_INTERFACE_STANDARD, *PBUS_INTERFACE_STANDARD;

/* ---- device registry properties (IoGetDeviceProperty, WdfDeviceQueryProperty) -------------- */
typedef enum _DEVICE_REGISTRY_PROPERTY {
    DevicePropertyDeviceDescription = 0,
    DevicePropertyHardwareID = 1,
    DevicePropertyCompatibleIDs = 2,
    DevicePropertyBootConfiguration = 3,
    DevicePropertyBootConfigurationTranslated = 4,
    DevicePropertyClassName = 5,
    DevicePropertyClassGuid = 6,
    DevicePropertyDriverKeyName = 7,
    DevicePropertyManufacturer = 8,
    DevicePropertyFriendlyName = 9,
    DevicePropertyLocationInformation = 10,
    DevicePropertyPhysicalDeviceObjectName = 11,
    DevicePropertyBusTypeGuid = 12,
    DevicePropertyLegacyBusType = 13,
    DevicePropertyBusNumber = 14,
    DevicePropertyEnumeratorName = 15,
    DevicePropertyAddress = 16,
    DevicePropertyUINumber = 17,
    DevicePropertyInstallState = 18,
    DevicePropertyRemovalPolicy = 19,
    DevicePropertyResourceRequirements = 20,
    DevicePropertyAllocatedResources = 21,
    DevicePropertyContainerID = 22
} DEVICE_REGISTRY_PROPERTY;

#define PLUGPLAY_REGKEY_DEVICE              1
#define PLUGPLAY_REGKEY_DRIVER              2
#define PLUGPLAY_REGKEY_CURRENT_HWPROFILE   4

/* ---- registry value types, key rights and value information ------------------------------------ */
#define REG_NONE                        0
#define REG_SZ                          1
#define REG_EXPAND_SZ                   2
#define REG_BINARY                      3
#define REG_DWORD                       4
#define REG_DWORD_LITTLE_ENDIAN         4
#define REG_DWORD_BIG_ENDIAN            5
#define REG_LINK                        6
#define REG_MULTI_SZ                    7
#define REG_RESOURCE_LIST               8
#define REG_FULL_RESOURCE_DESCRIPTOR    9
#define REG_RESOURCE_REQUIREMENTS_LIST  10
#define REG_QWORD                       11
#define REG_QWORD_LITTLE_ENDIAN         11

#define REG_OPTION_NON_VOLATILE     0x00000000U
#define REG_OPTION_VOLATILE         0x00000001U
#define REG_CREATED_NEW_KEY         0x00000001U
#define REG_OPENED_EXISTING_KEY     0x00000002U

#define KEY_QUERY_VALUE         0x0001U
#define KEY_SET_VALUE           0x0002U
#define KEY_CREATE_SUB_KEY      0x0004U
#define KEY_ENUMERATE_SUB_KEYS  0x0008U
#define KEY_NOTIFY              0x0010U
#define KEY_CREATE_LINK         0x0020U
#define KEY_WOW64_64KEY         0x0100U
#define KEY_WOW64_32KEY         0x0200U
#define KEY_READ                0x00020019U
#define KEY_WRITE               0x00020006U
#define KEY_EXECUTE             0x00020019U
#define KEY_ALL_ACCESS          0x000F003FU

typedef enum _KEY_VALUE_INFORMATION_CLASS {
    KeyValueBasicInformation = 0,
    KeyValueFullInformation = 1,
    KeyValuePartialInformation = 2,
    KeyValueFullInformationAlign64 = 3,
    KeyValuePartialInformationAlign64 = 4,
    KeyValueLayerInformation = 5,
    MaxKeyValueInfoClass = 6
} KEY_VALUE_INFORMATION_CLASS;

typedef struct _KEY_VALUE_BASIC_INFORMATION {
    ULONG TitleIndex;
    ULONG Type;
    ULONG NameLength;
    WCHAR Name[1];
} KEY_VALUE_BASIC_INFORMATION, *PKEY_VALUE_BASIC_INFORMATION;

typedef struct _KEY_VALUE_FULL_INFORMATION {
    ULONG TitleIndex;
    ULONG Type;
    ULONG DataOffset;
    ULONG DataLength;
    ULONG NameLength;
    WCHAR Name[1];
} KEY_VALUE_FULL_INFORMATION, *PKEY_VALUE_FULL_INFORMATION;

typedef struct _KEY_VALUE_PARTIAL_INFORMATION {
    ULONG TitleIndex;
    ULONG Type;
    ULONG DataLength;
    UCHAR Data[1];
} KEY_VALUE_PARTIAL_INFORMATION, *PKEY_VALUE_PARTIAL_INFORMATION;

/* ---- DMA scatter/gather lists (wdm.h): what EvtProgramDma and the DMA adapter hand over ------- */
typedef struct _SCATTER_GATHER_ELEMENT {
    PHYSICAL_ADDRESS Address;
    ULONG Length;
    ULONG_PTR Reserved;
} SCATTER_GATHER_ELEMENT, *PSCATTER_GATHER_ELEMENT;

typedef struct _SCATTER_GATHER_LIST {
    ULONG NumberOfElements;
    ULONG_PTR Reserved;
    SCATTER_GATHER_ELEMENT Elements[];      /* the WDK's flexible array: sizeof == 16 */
} SCATTER_GATHER_LIST, *PSCATTER_GATHER_LIST;

/* ---- device object alignment requirements (wdm.h: DEVICE_OBJECT.AlignmentRequirement) ------ */
#define FILE_BYTE_ALIGNMENT     0x00000000
#define FILE_WORD_ALIGNMENT     0x00000001
#define FILE_LONG_ALIGNMENT     0x00000003
#define FILE_QUAD_ALIGNMENT     0x00000007
#define FILE_OCTA_ALIGNMENT     0x0000000f
#define FILE_32_BYTE_ALIGNMENT  0x0000001f
#define FILE_64_BYTE_ALIGNMENT  0x0000003f
#define FILE_128_BYTE_ALIGNMENT 0x0000007f
#define FILE_256_BYTE_ALIGNMENT 0x000000ff
#define FILE_512_BYTE_ALIGNMENT 0x000001ff

/* ---- ExInitializeDriverRuntime (wdm.h): opting a driver's pool into no-execute memory --------
 * Learn: called first in DriverEntry with DrvRtPoolNxOptIn. bcsim's pool does not model
 * execute rights, so the call changes nothing here. */
typedef enum _DRIVER_RUNTIME_INIT_FLAGS {
    DrvRtPoolNxOptIn = 0x00000001
} DRIVER_RUNTIME_INIT_FLAGS;

BCSIM_SHIM_INLINE VOID ExInitializeDriverRuntime(_In_ ULONG RuntimeFlags)
{
    (void)RuntimeFlags;
}

/* ---- access rights, sharing and create options (wdm.h: ZwCreateFile, I/O targets by name) --- */
#ifndef GENERIC_READ
#  define GENERIC_READ    0x80000000L
#  define GENERIC_WRITE   0x40000000L
#  define GENERIC_EXECUTE 0x20000000L
#  define GENERIC_ALL     0x10000000L
#endif
#define FILE_SHARE_READ                 0x00000001
#define FILE_SHARE_WRITE                0x00000002
#define FILE_SHARE_DELETE               0x00000004
#define FILE_ATTRIBUTE_NORMAL           0x00000080
#define FILE_SUPERSEDE                  0x00000000
#define FILE_OPEN                       0x00000001
#define FILE_CREATE                     0x00000002
#define FILE_OPEN_IF                    0x00000003
#define FILE_OVERWRITE                  0x00000004
#define FILE_OVERWRITE_IF               0x00000005
#define FILE_DIRECTORY_FILE             0x00000001
#define FILE_WRITE_THROUGH              0x00000002
#define FILE_SEQUENTIAL_ONLY            0x00000004
#define FILE_SYNCHRONOUS_IO_ALERT       0x00000010
#define FILE_SYNCHRONOUS_IO_NONALERT    0x00000020
#define FILE_NON_DIRECTORY_FILE         0x00000040
#define FILE_SUPERSEDED                 0x00000000
#define FILE_OPENED                     0x00000001
#define FILE_CREATED                    0x00000002
#define FILE_OVERWRITTEN                0x00000003
#define FILE_EXISTS                     0x00000004
#define FILE_DOES_NOT_EXIST             0x00000005

EXTERN_C_END

#endif /* BCSIM_SHIM_CM_H */
