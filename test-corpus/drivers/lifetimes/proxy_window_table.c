/*
 * proxy_window_table.c -- a diagnostics application's register mapper that asks a proxy driver
 * for the copy (CE 6: applications cannot call VirtualCopy). Addresses inside the SoC's
 * configuration windows are served from windows reserved once, kept in a static table walked
 * with a pointer, and reused for the process's life; others get a reservation of their own.
 * The walk breaks out with the window it found: what it stored in the table stays there.
 */
#include <windows.h>
#include <ceddk.h>

#define SOC_CONFIG_REGS_PA      0x48000000
#define SOC_CONFIG_REGS_SIZE    0x01000000
#define SOC_PERI_REGS_PA        0x49000000
#define SOC_PERI_REGS_SIZE      0x00100000
#define SOC_DSS_REGS_PA         0x48050000
#define IOCTL_VIRTUAL_COPY_EX   0x1234

typedef struct { DWORD idDestProc; void *pvDestMem; DWORD physAddr; DWORD size; } VIRTUAL_COPY_EX_DATA;
typedef struct { DWORD dwStart; DWORD dwSize; void *pv; } REGISTER_WINDOW;
typedef struct { DWORD REVISION; DWORD SYSCONFIG; } DSS_REGS;

HANDLE GetProxyDriverHandle(void);

static REGISTER_WINDOW s_windows[] = {
    { SOC_CONFIG_REGS_PA, SOC_CONFIG_REGS_SIZE, NULL },
    { SOC_PERI_REGS_PA,   SOC_PERI_REGS_SIZE,   NULL },
    { 0,                  0,                    NULL }
};

void *MapRegisters(PHYSICAL_ADDRESS pa, ULONG size)
{
    REGISTER_WINDOW *pWindow = s_windows;
    void *pAddress = NULL;
    BOOL rc;
    VIRTUAL_COPY_EX_DATA data;

    if (pa.HighPart == 0) {
        while (pWindow->dwSize > 0) {
            if (pWindow->dwStart <= pa.LowPart && pWindow->dwStart + pWindow->dwSize > pa.LowPart) {
                rc = TRUE;
                if (pWindow->pv == NULL) {
                    pWindow->pv = VirtualAlloc(NULL, pWindow->dwSize, MEM_RESERVE, PAGE_READWRITE | PAGE_NOCACHE); // ok: mapping-leak
                    if (pWindow->pv == NULL) {
                        goto cleanUp;
                    }
                    data.idDestProc = GetCurrentProcessId();
                    data.pvDestMem = pWindow->pv;
                    data.physAddr = pWindow->dwStart;
                    data.size = pWindow->dwSize;
                    rc = DeviceIoControl(GetProxyDriverHandle(), IOCTL_VIRTUAL_COPY_EX, &data, sizeof(data), NULL, 0, NULL, NULL);
                }
                if (!rc) {
                    VirtualFree(pWindow->pv, 0, MEM_RELEASE);
                    pWindow->pv = NULL;
                    goto cleanUp;
                }
                pAddress = (void *)((UINT32)pWindow->pv + (pa.LowPart - pWindow->dwStart));
                break;
            }
            ++pWindow;
        }
    }
    if (pAddress == NULL) {
        pAddress = VirtualAlloc(0, size, MEM_RESERVE, PAGE_READWRITE | PAGE_NOCACHE);
        if (pAddress == NULL) {
            goto cleanUp;
        }
        data.idDestProc = GetCurrentProcessId();
        data.pvDestMem = pAddress;
        data.physAddr = pa.LowPart;
        data.size = size;
        rc = DeviceIoControl(GetProxyDriverHandle(), IOCTL_VIRTUAL_COPY_EX, &data, sizeof(data), NULL, 0, NULL, NULL);
        if (!rc) {
            VirtualFree(pAddress, 0, MEM_RELEASE);
            pAddress = NULL;
            goto cleanUp;
        }
    }
cleanUp:
    return pAddress;
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
    return revision;
}
