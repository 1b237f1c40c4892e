/*
 * ufn_dma_init.c -- USB function PDD init: the PDD object is filled from the registry, gets its
 * endpoint-0 DMA buffers, and reaches the MDD only when everything succeeded.
 */
#include <windows.h>
#include <pkfuncs.h>
#include <ceddk.h>

typedef struct _DEVICE_REGISTRY_PARAM {
    LPCWSTR name;
    DWORD   type;
    BOOL    required;
    DWORD   offset;
    DWORD   size;
    PVOID   pDefault;
} DEVICE_REGISTRY_PARAM;

extern DWORD GetDeviceRegistryParams(LPCWSTR context, VOID *pBase, DWORD count, const DEVICE_REGISTRY_PARAM params[]);
extern BOOL UfnHwAttach(DWORD dwIrq);

typedef struct _UFN_PDD {
    DWORD  dwIrq;
    DWORD  cbEp0Buffer;
    PVOID  pEp0Rx;
    DWORD  paEp0Rx;
    PVOID  pEp0Tx;
    DWORD  paEp0Tx;
} UFN_PDD;

static const DEVICE_REGISTRY_PARAM s_UfnParams[] = {
    { L"Irq", REG_DWORD, TRUE, 0, sizeof(DWORD), NULL },
    { L"Ep0BufferSize", REG_DWORD, FALSE, 4, sizeof(DWORD), (PVOID)0x1000 },
};

/* A failure after the buffers loses them with the object that holds them. */
DWORD UfnPdd_Start(LPCWSTR szActiveKey, PVOID *ppvPddContext)
{
    DWORD rc = ERROR_INVALID_PARAMETER;
    UFN_PDD *pPdd = (UFN_PDD *)LocalAlloc(LPTR, sizeof(UFN_PDD));
    if (pPdd == NULL) {
        goto cleanUp;
    }
    if (GetDeviceRegistryParams(szActiveKey, pPdd, 2, s_UfnParams) != ERROR_SUCCESS) {
        goto cleanUp;
    }
    pPdd->pEp0Rx = AllocPhysMem(pPdd->cbEp0Buffer, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &pPdd->paEp0Rx); // expect: mapping-leak {{lost on a path}}
    if (pPdd->pEp0Rx == NULL) {
        goto cleanUp;
    }
    pPdd->pEp0Tx = AllocPhysMem(pPdd->cbEp0Buffer, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &pPdd->paEp0Tx); // ok: mapping-leak
    if (pPdd->pEp0Tx == NULL) {
        goto cleanUp;
    }
    if (!UfnHwAttach(pPdd->dwIrq)) {
        FreePhysMem(pPdd->pEp0Tx);
        pPdd->pEp0Tx = NULL;
        goto cleanUp;
    }
    *ppvPddContext = pPdd;
    rc = ERROR_SUCCESS;
cleanUp:
    return rc;
}
