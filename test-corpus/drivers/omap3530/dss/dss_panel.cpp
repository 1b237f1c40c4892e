// All rights reserved ADENEO EMBEDDED 2010
//
//  File:  dss_panel.cpp
//
//  Register access for the OMAP35xx display subsystem as used by the LCD
//  panel driver. DSS, DISPC, RFBI and VENC share one 4 KB page at
//  0x48050000: the blocks start at 0x000, 0x400, 0x800 and 0xC00.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>

#include "omap35xx_base_regs.h"

#define DSS_WINDOW_SIZE     0x1000

typedef struct {
    UINT32 DISPC_REVISION;          // 0x000
    UINT32 zzzReserved01[3];
    UINT32 DISPC_SYSCONFIG;         // 0x010
    UINT32 DISPC_SYSSTATUS;         // 0x014
    UINT32 DISPC_IRQSTATUS;         // 0x018
    UINT32 DISPC_IRQENABLE;         // 0x01C
    UINT32 zzzReserved02[8];
    UINT32 DISPC_CONTROL;           // 0x040
    UINT32 DISPC_CONFIG;            // 0x044
    UINT32 zzzReserved03;
    UINT32 DISPC_DEFAULT_COLOR0;    // 0x04C
    UINT32 DISPC_DEFAULT_COLOR1;    // 0x050
    UINT32 DISPC_TRANS_COLOR0;      // 0x054
    UINT32 DISPC_TRANS_COLOR1;      // 0x058
    UINT32 DISPC_LINE_STATUS;       // 0x05C
    UINT32 DISPC_LINE_NUMBER;       // 0x060
    UINT32 DISPC_TIMING_H;          // 0x064
    UINT32 DISPC_TIMING_V;          // 0x068
    UINT32 DISPC_POL_FREQ;          // 0x06C
    UINT32 DISPC_DIVISOR;           // 0x070
    UINT32 DISPC_GLOBAL_ALPHA;      // 0x074
    UINT32 DISPC_SIZE_DIG;          // 0x078
    UINT32 DISPC_SIZE_LCD;          // 0x07C
    UINT32 DISPC_GFX_BA0;           // 0x080
    UINT32 DISPC_GFX_BA1;           // 0x084
} OMAP_DISPC_REGS;

typedef struct {
    UINT32 RFBI_REVISION;           // 0x00
    UINT32 zzzReserved01[3];
    UINT32 RFBI_SYSCONFIG;          // 0x10
    UINT32 RFBI_SYSSTATUS;          // 0x14
    UINT32 zzzReserved02[6];
    UINT32 RFBI_CONTROL;            // 0x40
} OMAP_RFBI_REGS;

typedef struct {
    UINT32 VENC_REV_ID;             // 0x00
    UINT32 VENC_STATUS;             // 0x04
    UINT32 VENC_F_CONTROL;          // 0x08
    UINT32 zzzReserved01;
    UINT32 VENC_VIDOUT_CTRL;        // 0x10
    UINT32 VENC_SYNC_CTRL;          // 0x14
} OMAP_VENC_REGS;

class OMAPDisplayController
{
public:
    OMAPDisplayController()
        : m_pvDssWindow(NULL), m_pvAuxWindow(NULL), m_pDispcRegs(NULL),
          m_pRfbiRegs(NULL), m_pVencRegs(NULL), m_dwDispcMapped(0) { }
    ~OMAPDisplayController() { Unmap(); }

    BOOL MapDssWindow();
    BOOL MapDispcOnly();
    BOOL MapDispcAtOffset();
    BOOL MapDispcCeddk();
    BOOL MapRfbiAndVenc();
    void Unmap();

private:
    PVOID                       m_pvDssWindow;
    PVOID                       m_pvAuxWindow;
    volatile OMAP_DISPC_REGS    *m_pDispcRegs;
    volatile OMAP_RFBI_REGS     *m_pRfbiRegs;
    volatile OMAP_VENC_REGS     *m_pVencRegs;
    DWORD                       m_dwDispcMapped;
};

// The whole page once; every block is then an offset into it.
BOOL OMAPDisplayController::MapDssWindow()
{
    m_pvDssWindow = VirtualAlloc(NULL, DSS_WINDOW_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (m_pvDssWindow == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(m_pvDssWindow, (PVOID)(OMAP_DSS1_REGS_PA >> 8), DSS_WINDOW_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: page-offset-mismatch
        VirtualFree(m_pvDssWindow, 0, MEM_RELEASE);
        m_pvDssWindow = NULL;
        return FALSE;
    }
    m_pDispcRegs = (volatile OMAP_DISPC_REGS *)((BYTE *)m_pvDssWindow + (OMAP_DISC1_REGS_PA - OMAP_DSS1_REGS_PA));
    m_pRfbiRegs = (volatile OMAP_RFBI_REGS *)((BYTE *)m_pvDssWindow + (OMAP_RFBI1_REGS_PA - OMAP_DSS1_REGS_PA));
    m_pVencRegs = (volatile OMAP_VENC_REGS *)((BYTE *)m_pvDssWindow + (OMAP_VENC1_REGS_PA - OMAP_DSS1_REGS_PA));
    return TRUE;
}

// Only DISPC, into a fresh window: the window is page aligned, DISPC is
// 0x400 into its page.
BOOL OMAPDisplayController::MapDispcOnly()
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = OMAP_DISC1_REGS_PA;

    this->m_pvAuxWindow = VirtualAlloc(NULL, DSS_WINDOW_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (this->m_pvAuxWindow == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(this->m_pvAuxWindow, (PVOID)(pa.LowPart >> 8), sizeof(OMAP_DISPC_REGS), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: page-offset-mismatch
        VirtualFree(this->m_pvAuxWindow, 0, MEM_RELEASE);
        this->m_pvAuxWindow = NULL;
        return FALSE;
    }
    m_pDispcRegs = (volatile OMAP_DISPC_REGS *)this->m_pvAuxWindow;
    return TRUE;
}

// The same, with the window offset taken from the physical address.
BOOL OMAPDisplayController::MapDispcAtOffset()
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = OMAP_DISC1_REGS_PA;

    m_pvAuxWindow = VirtualAlloc(NULL, DSS_WINDOW_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (m_pvAuxWindow == NULL) {
        return FALSE;
    }
    if (!VirtualCopy((BYTE *)m_pvAuxWindow + (pa.LowPart & 0xFFF), (PVOID)(pa.LowPart >> 8), sizeof(OMAP_DISPC_REGS), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: page-offset-mismatch
        VirtualFree(m_pvAuxWindow, 0, MEM_RELEASE);
        m_pvAuxWindow = NULL;
        return FALSE;
    }
    m_pDispcRegs = (volatile OMAP_DISPC_REGS *)((BYTE *)m_pvAuxWindow + (pa.LowPart & 0xFFF));
    return TRUE;
}

BOOL OMAPDisplayController::MapDispcCeddk()
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = OMAP_DISC1_REGS_PA;
    m_dwDispcMapped = sizeof(OMAP_DISPC_REGS);
    m_pDispcRegs = (volatile OMAP_DISPC_REGS *)MmMapIoSpace(pa, sizeof(OMAP_DISPC_REGS), FALSE); // ok: page-offset-mismatch
    return m_pDispcRegs != NULL;
}

// RFBI and VENC share a page: the second VirtualCopy lands on a page the
// first one has already mapped, and at RFBI's offset besides.
BOOL OMAPDisplayController::MapRfbiAndVenc()
{
    m_pvAuxWindow = VirtualAlloc(NULL, DSS_WINDOW_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (m_pvAuxWindow == NULL) {
        return FALSE;
    }
    if (!VirtualCopy((BYTE *)m_pvAuxWindow + 0x800, (PVOID)(OMAP_RFBI1_REGS_PA >> 8), sizeof(OMAP_RFBI_REGS), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: page-offset-mismatch, dest-not-reserved
        VirtualFree(m_pvAuxWindow, 0, MEM_RELEASE);
        m_pvAuxWindow = NULL;
        return FALSE;
    }
    m_pRfbiRegs = (volatile OMAP_RFBI_REGS *)((BYTE *)m_pvAuxWindow + 0x800);
    if (!VirtualCopy((BYTE *)m_pvAuxWindow + 0x800, (PVOID)(OMAP_VENC1_REGS_PA >> 8), sizeof(OMAP_VENC_REGS), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: page-offset-mismatch, dest-not-reserved
        return FALSE;
    }
    m_pVencRegs = (volatile OMAP_VENC_REGS *)((BYTE *)m_pvAuxWindow + 0x800);
    return TRUE;
}

void OMAPDisplayController::Unmap()
{
    if (m_pvDssWindow != NULL) {
        VirtualFree(m_pvDssWindow, DSS_WINDOW_SIZE, MEM_RELEASE); // expect: release-with-size
        m_pvDssWindow = NULL;
    }
    if (m_pvAuxWindow != NULL) {
        VirtualFree(m_pvAuxWindow, 0, MEM_RELEASE);
        m_pvAuxWindow = NULL;
    }
    if (m_dwDispcMapped != 0) {
        MmUnmapIoSpace((PVOID)m_pDispcRegs, m_dwDispcMapped);
        m_dwDispcMapped = 0;
    }
    m_pDispcRegs = NULL;
    m_pRfbiRegs = NULL;
    m_pVencRegs = NULL;
}
