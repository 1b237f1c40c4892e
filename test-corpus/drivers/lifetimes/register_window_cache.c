/*
 * register_window_cache.c -- a diagnostics tool's register mapper: addresses inside the SoC's
 * configuration windows are served from windows mapped once and kept for the process's life;
 * anything else gets a mapping of its own. Which path a caller takes depends on the table.
 */
#include <windows.h>
#include <ceddk.h>

#define SOC_CONFIG_REGS_PA      0x48000000
#define SOC_CONFIG_REGS_SIZE    0x01000000
#define SOC_PERI_REGS_PA        0x49000000
#define SOC_PERI_REGS_SIZE      0x00100000
#define SOC_DSS_REGS_PA         0x48050000

typedef struct {
    DWORD dwStart;
    DWORD dwSize;
    void *pv;
} REGISTER_WINDOW;

typedef struct {
    DWORD REVISION;
    DWORD SYSCONFIG;
    DWORD SYSSTATUS;
    DWORD CONTROL;
} DSS_REGS;

static REGISTER_WINDOW s_windows[] = {
    { SOC_CONFIG_REGS_PA, SOC_CONFIG_REGS_SIZE, NULL },
    { SOC_PERI_REGS_PA,   SOC_PERI_REGS_SIZE,   NULL },
    { 0,                  0,                    NULL }
};

void *MapRegisters(PHYSICAL_ADDRESS pa, ULONG size)
{
    REGISTER_WINDOW *pWindow = s_windows;
    void *pAddress = NULL;

    while (pWindow->dwSize > 0) {
        if (pWindow->dwStart <= pa.LowPart && pWindow->dwStart + pWindow->dwSize > pa.LowPart) {
            if (pWindow->pv == NULL) {
                pWindow->pv = VirtualAlloc(NULL, pWindow->dwSize, MEM_RESERVE, PAGE_NOACCESS);
                if (pWindow->pv == NULL) {
                    return NULL;
                }
                if (!VirtualCopy(pWindow->pv, (void *)(pWindow->dwStart >> 8), pWindow->dwSize,
                        PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
                    VirtualFree(pWindow->pv, 0, MEM_RELEASE);
                    pWindow->pv = NULL;
                    return NULL;
                }
            }
            return (BYTE *)pWindow->pv + (pa.LowPart - pWindow->dwStart);
        }
        pWindow++;
    }

    /* Outside every window: a mapping of its own, which this tool never gives back. */
    pAddress = MmMapIoSpace(pa, size, FALSE);
    return pAddress;
}

void UnmapRegisters(void *pAddress, ULONG size)
{
    /* The windows stay mapped for the process's life. */
    UNREFERENCED_PARAMETER(pAddress);
    UNREFERENCED_PARAMETER(size);
}

DWORD DumpDisplayRegisters(void)
{
    PHYSICAL_ADDRESS pa = { 0 };
    DSS_REGS *pDss;
    DWORD revision;

    pa.LowPart = SOC_DSS_REGS_PA;
    pDss = (DSS_REGS *)MapRegisters(pa, sizeof(DSS_REGS)); // ok: mapping-leak
    if (pDss == NULL) {
        return 0;
    }
    revision = pDss->REVISION;
    UnmapRegisters(pDss, sizeof(DSS_REGS));
    return revision;
}
