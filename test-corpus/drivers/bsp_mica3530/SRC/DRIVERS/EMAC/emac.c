/*
 * Mica3530 EMAC NDIS miniport. NDIS loads it from [HKLM\Comm\MicaEmac] "ImagePath",
 * into the kernel on CE 6. The receive pool used to sit at a fixed SDRAM address
 * below the frame buffers; config.bib now gives that SDRAM to the kernel.
 */
#include <windows.h>
#include <ceddk.h>
#include "mica_base_regs.h"

#define EMAC_RX_POOL_PA         0x83800000      /* inside config.bib's RAM */
#define EMAC_RX_POOL_BYTES      0x00080000
#define EMAC_SOFTRESET          (0x174 / 4)

typedef struct {
    volatile DWORD *pRegs;
    PVOID pRxPool;
} EMAC_ADAPTER;

BOOL EMAC_MapRegisters(EMAC_ADAPTER *adapter)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = MICA_PA_EMAC;
    adapter->pRegs = (volatile DWORD *)MmMapIoSpace(pa, MICA_SZ_EMAC, FALSE); // ok: kernel-only-api
    if (adapter->pRegs == NULL) {
        return FALSE;
    }
    adapter->pRegs[EMAC_SOFTRESET] = 1;
    return TRUE;
}

BOOL EMAC_MapReceivePool(EMAC_ADAPTER *adapter)
{
    PHYSICAL_ADDRESS pa;

    pa.LowPart = EMAC_RX_POOL_PA;
    pa.HighPart = 0;
    adapter->pRxPool = MmMapIoSpace(pa, EMAC_RX_POOL_BYTES, FALSE); // expect: physical-on-kernel-ram
    return adapter->pRxPool != NULL;
}

void EMAC_Unmap(EMAC_ADAPTER *adapter)
{
    if (adapter->pRxPool != NULL) {
        MmUnmapIoSpace(adapter->pRxPool, EMAC_RX_POOL_BYTES);
        adapter->pRxPool = NULL;
    }
    if (adapter->pRegs != NULL) {
        MmUnmapIoSpace((PVOID)adapter->pRegs, MICA_SZ_EMAC);
        adapter->pRegs = NULL;
    }
}
