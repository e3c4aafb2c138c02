/* panel_dumpio — a DumpIo driver that paints a crash panel on a serial console before the dump
 * streams: about 10 seconds of KeStallExecutionProcessor-paced port writes on the first write.
 * Legal on Windows (no watchdog runs during a bug check; the dump is just late): a warning at
 * most, never a hang. */
#include <ntddk.h>

#define PANEL_PORT ((PUCHAR)0x3F8)
#define PANEL_MS 10000

static KBUGCHECK_REASON_CALLBACK_RECORD Record;
static BOOLEAN Painted;
static ULONG Writes;

KBUGCHECK_REASON_CALLBACK_ROUTINE PanelDumpIo;
VOID PanelDumpIo(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Rec,
                 PVOID Data, ULONG Length)
{
    PKBUGCHECK_DUMP_IO io = (PKBUGCHECK_DUMP_IO)Data;
    UNREFERENCED_PARAMETER(Rec);
    if (Reason != KbCallbackDumpIo || Length < sizeof(*io))
        return;
    if (!Painted) {
        static const char text[] = "*** STOP: the machine crashed; writing the dump ***\r\n";
        for (ULONG ms = 0; ms < PANEL_MS; ms++) {
            WRITE_PORT_UCHAR(PANEL_PORT, (UCHAR)text[ms % (sizeof(text) - 1)]);
            KeStallExecutionProcessor(1000);
        }
        Painted = TRUE;
    }
    Writes++;
}

DRIVER_UNLOAD PanelUnload;
VOID PanelUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&Record);
}

DRIVER_INITIALIZE DriverEntry;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = PanelUnload;
    KeInitializeCallbackRecord(&Record);
    return KeRegisterBugCheckReasonCallback(&Record, PanelDumpIo, KbCallbackDumpIo, (PUCHAR)"panel")
               ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
