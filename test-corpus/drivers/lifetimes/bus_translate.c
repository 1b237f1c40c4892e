// bus_translate.c -- CEDDK-style bus helpers: a bus-relative address is translated to a
// system physical address through an out parameter, then mapped. The translation fills the
// whole 64-bit address, so HighPart is set although this file never names it.
#include <windows.h>
#include <ceddk.h>

BOOL BspTranslateAddress(INTERFACE_TYPE type, ULONG bus, PHYSICAL_ADDRESS busAddress,
    ULONG *pAddressSpace, PHYSICAL_ADDRESS *pTranslated);

static BOOL TranslateBusAddr(HANDLE hBus, INTERFACE_TYPE type, ULONG bus, PHYSICAL_ADDRESS busAddress,
    ULONG *pAddressSpace, PHYSICAL_ADDRESS *pTranslatedAddress)
{
    BOOL rc = FALSE;

    if (hBus == NULL) {
        goto clean;
    }
    rc = BspTranslateAddress(type, bus, busAddress, pAddressSpace, pTranslatedAddress);
clean:
    return rc;
}

BOOL BusTransBusAddrToVirtual(HANDLE hBus, INTERFACE_TYPE type, ULONG bus, PHYSICAL_ADDRESS busAddress,
    ULONG length, ULONG *pAddressSpace, VOID **ppMappedAddress)
{
    BOOL rc = FALSE;
    PHYSICAL_ADDRESS translatedAddress;

    if (!TranslateBusAddr(hBus, type, bus, busAddress, pAddressSpace, &translatedAddress)) {
        goto clean;
    }
    if (*pAddressSpace == 0) {
        *ppMappedAddress = MmMapIoSpace(translatedAddress, length, FALSE); // ok: uninitialized-highpart
        rc = (*ppMappedAddress != NULL);
    }
clean:
    return rc;
}

// Only the low half is written: the high half is whatever was on the stack.
PVOID MapBusWindow(DWORD dwBusBase, ULONG length)
{
    PHYSICAL_ADDRESS pa;

    pa.LowPart = dwBusBase;
    return MmMapIoSpace(pa, length, FALSE); // expect: uninitialized-highpart
}
