/*
 * Mica3530 DSP link driver. The DSP/BIOS shared memory is the DSP area config.bib
 * keeps out of the kernel's RAM (RESERVED). EBOOT ran from the same area before the
 * OS started (eboot.bib's RAM): that is the boot loader's RAM, never the kernel's,
 * so mapping it physically is right.
 */
#include <windows.h>
#include <ceddk.h>
#include "mica_base_regs.h"

#define DSP_MAILBOX_OFFSET      0x00010000
#define EBOOT_LOG_BYTES         0x00004000

static PVOID g_pShared;

BOOL DSP_MapSharedMemory(void)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = MICA_PA_DSP_SHARED;
    g_pShared = MmMapIoSpace(pa, MICA_SZ_DSP_SHARED, FALSE); // ok: physical-on-kernel-ram
    return g_pShared != NULL;
}

/* Copies the log EBOOT left in its data area, for the boot report. */
DWORD DSP_CopyBootLog(BYTE *buffer, DWORD bytes)
{
    PHYSICAL_ADDRESS pa;
    PVOID log;

    if (bytes > EBOOT_LOG_BYTES) {
        bytes = EBOOT_LOG_BYTES;
    }
    pa.QuadPart = MICA_PA_EBOOT_DATA;
    log = MmMapIoSpace(pa, EBOOT_LOG_BYTES, FALSE); // ok: physical-on-kernel-ram
    if (log == NULL) {
        return 0;
    }
    memcpy(buffer, log, bytes);
    MmUnmapIoSpace(log, EBOOT_LOG_BYTES);
    return bytes;
}

void DSP_Unmap(void)
{
    if (g_pShared != NULL) {
        MmUnmapIoSpace(g_pShared, MICA_SZ_DSP_SHARED);
        g_pShared = NULL;
    }
}
