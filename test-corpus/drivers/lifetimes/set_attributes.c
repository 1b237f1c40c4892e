/*
 * set_attributes.c -- switching the cache policy of a display window with
 * VirtualSetAttributes (ARM C/B bits are 0x8/0x4 of the page-table entry).
 */
#include <windows.h>
#include <pkfuncs.h>

#define ARM_PTE_C_BIT       0x8
#define ARM_PTE_B_BIT       0x4
#define ARM_PTE_CB_MASK     (ARM_PTE_C_BIT | ARM_PTE_B_BIT)
#define ARM_PTE_ALL         0xFFFFFFFF

BOOL MakeWriteBuffered(PVOID pvWindow, DWORD cbWindow)
{
    DWORD dwOld;
    return VirtualSetAttributes(pvWindow, cbWindow, ARM_PTE_B_BIT, ARM_PTE_CB_MASK, &dwOld); // ok: attributes-touch-pfn
}

BOOL MakeCached(PVOID pvWindow, DWORD cbWindow)
{
    DWORD dwOld;
    return VirtualSetAttributes(pvWindow, cbWindow, ARM_PTE_CB_MASK, ARM_PTE_ALL, &dwOld); // expect: attributes-touch-pfn
}

BOOL ClearAttributes(PVOID pvWindow, DWORD cbWindow)
{
    DWORD dwOld;
    return VirtualSetAttributes(pvWindow, cbWindow, 0, ~0x3, &dwOld); // expect: attributes-touch-pfn
}

BOOL SetLowBits(PVOID pvWindow, DWORD cbWindow)
{
    DWORD dwOld;
    return VirtualSetAttributes(pvWindow, cbWindow, 0x1C, 0xFFF, &dwOld); // ok: attributes-touch-pfn
}

BOOL RemapFrame(PVOID pvWindow, DWORD dwNewFrame)
{
    DWORD dwOld;
    return VirtualSetAttributes(pvWindow, 0x1000, dwNewFrame << 12, 0xFFFFF000, &dwOld); // expect: attributes-touch-pfn
}

BOOL SetAttributesFromCaller(PVOID pvWindow, DWORD cbWindow, DWORD dwMask)
{
    DWORD dwOld;
    return VirtualSetAttributes(pvWindow, cbWindow, 0, dwMask, &dwOld); // ok: attributes-touch-pfn
}
