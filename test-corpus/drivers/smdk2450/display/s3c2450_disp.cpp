// cemap-targets: ce5 ce6
//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// Module Name: s3c2450_disp.cpp
//
// Hardware side of the SMDK2450 display driver: LCD controller registers,
// the 4 MB frame buffer and the boot splash. The same source is built for
// the CE 5.0 and the CE 6.0 R3 images of the board.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>

#include "bsp_base_regs.h"
#include "bsp_cfg.h"
#include "s3c2450_gpio.h"
#include "s3c2450_lcd.h"

class S3C2450Disp
{
public:
    S3C2450Disp();
    ~S3C2450Disp();

    BOOL InitializeHardware();
    BOOL MapFrameBuffer();
    BOOL ShowBootSplash();
    BOOL MirrorControllerState();
    void ReleaseHardware();

private:
    void SetDisplayPortPins();

    volatile S3C2450_LCD_REG    *m_pLCDReg;
    volatile S3C2450_GPIO_REG   *m_pGPIOReg;
    PVOID                       m_pvFrameBuffer;
    DWORD                       m_dwFrameBufferSize;
};

S3C2450Disp::S3C2450Disp()
    : m_pLCDReg(NULL), m_pGPIOReg(NULL), m_pvFrameBuffer(NULL), m_dwFrameBufferSize(0)
{
}

S3C2450Disp::~S3C2450Disp()
{
    ReleaseHardware();
}

BOOL S3C2450Disp::InitializeHardware()
{
    m_pLCDReg = (volatile S3C2450_LCD_REG *)VirtualAlloc(NULL, sizeof(S3C2450_LCD_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (m_pLCDReg == NULL) {
        return FALSE;
    }
    if (!VirtualCopy((PVOID)m_pLCDReg, (PVOID)(BSP_BASE_REG_PA_LCD >> 8), sizeof(S3C2450_LCD_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: virtual-as-physical
        RETAILMSG(1, (L"[DISP:ERR] LCD register VirtualCopy failed\r\n"));
        VirtualFree((PVOID)m_pLCDReg, 0, MEM_RELEASE);
        m_pLCDReg = NULL;
        return FALSE;
    }

    this->m_pGPIOReg = (volatile S3C2450_GPIO_REG *)VirtualAlloc(NULL, sizeof(S3C2450_GPIO_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (this->m_pGPIOReg == NULL) {
        return FALSE;
    }
    if (!VirtualCopy((PVOID)this->m_pGPIOReg, (PVOID)(BSP_BASE_REG_PA_GPIO >> 8), sizeof(S3C2450_GPIO_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        VirtualFree((PVOID)this->m_pGPIOReg, 0, MEM_RELEASE);
        this->m_pGPIOReg = NULL;
        return FALSE;
    }

    SetDisplayPortPins();
    m_pLCDReg->VIDCON0 &= ~(VIDCON0_ENVID | VIDCON0_ENVID_F);
    return TRUE;
}

void S3C2450Disp::SetDisplayPortPins()
{
    // VD[23:0], VCLK, VLINE, VFRAME, VM on ports C and D
    m_pGPIOReg->GPCCON = 0xAAAAAAAA;
    m_pGPIOReg->GPCUDP = 0xFFFFFFFF;
    m_pGPIOReg->GPDCON = 0xAAAAAAAA;
    m_pGPIOReg->GPDUDP = 0xFFFFFFFF;
}

// The frame buffer is 4 MB. On CE 5.0 a reservation of 2 MB or more comes
// from the shared area, where the kernel keeps anything under 32 MB inside
// one section: one VirtualCopy of the whole buffer is fine.
BOOL S3C2450Disp::MapFrameBuffer()
{
    m_dwFrameBufferSize = IMAGE_FRAMEBUFFER_SIZE;
    m_pvFrameBuffer = VirtualAlloc(NULL, IMAGE_FRAMEBUFFER_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (m_pvFrameBuffer == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(m_pvFrameBuffer, (PVOID)(IMAGE_FRAMEBUFFER_PA_START >> 8), IMAGE_FRAMEBUFFER_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: section-crossing
        RETAILMSG(1, (L"[DISP:ERR] frame buffer VirtualCopy failed (%d)\r\n", GetLastError()));
        VirtualFree(m_pvFrameBuffer, 0, MEM_RELEASE);
        m_pvFrameBuffer = NULL;
        return FALSE;
    }
    m_pLCDReg->VIDW00ADD0B0 = IMAGE_FRAMEBUFFER_PA_START;
    m_pLCDReg->VIDW00ADD1B0 = (IMAGE_FRAMEBUFFER_PA_START + LCD_WIDTH * LCD_HEIGHT * (LCD_BPP / 8)) & 0x00FFFFFF;
    return TRUE;
}

// The boot loader leaves its splash at the start of the frame buffer. This
// maps it through the address the boot loader itself used, which is the
// kernel's uncached alias of the buffer, not its physical address.
BOOL S3C2450Disp::ShowBootSplash()
{
    PVOID pvSplash = VirtualAlloc(NULL, SPLASH_IMAGE_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pvSplash == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pvSplash, (PVOID)(IMAGE_FRAMEBUFFER_UA_START >> 8), SPLASH_IMAGE_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: virtual-as-physical
        VirtualFree(pvSplash, 0, MEM_RELEASE);
        return FALSE;
    }
    if (m_pvFrameBuffer != NULL) {
        memcpy(m_pvFrameBuffer, pvSplash, SPLASH_IMAGE_SIZE);
    }
    VirtualFree(pvSplash, 0, MEM_RELEASE);
    return TRUE;
}

// A second view of the controller through the OAL's static mapping, used by
// the display test hooks. A virtual-to-virtual copy: no PAGE_PHYSICAL, and
// the source is a kernel virtual address on purpose.
BOOL S3C2450Disp::MirrorControllerState()
{
    PVOID pvMirror = VirtualAlloc(NULL, sizeof(S3C2450_LCD_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pvMirror == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pvMirror, (PVOID)BSP_BASE_REG_UA_LCD, sizeof(S3C2450_LCD_REG), PAGE_READWRITE | PAGE_NOCACHE)) { // ok: virtual-as-physical, physical-flag-missing, missing-physical-shift
        VirtualFree(pvMirror, 0, MEM_RELEASE);
        return FALSE;
    }
    RETAILMSG(1, (L"[DISP] VIDCON0 = 0x%08x\r\n", ((volatile S3C2450_LCD_REG *)pvMirror)->VIDCON0));
    VirtualFree(pvMirror, 0, MEM_RELEASE);
    return TRUE;
}

void S3C2450Disp::ReleaseHardware()
{
    if (m_pLCDReg != NULL) {
        m_pLCDReg->VIDCON0 &= ~(VIDCON0_ENVID | VIDCON0_ENVID_F);
        VirtualFree((PVOID)m_pLCDReg, sizeof(S3C2450_LCD_REG), MEM_RELEASE); // expect: release-with-size
        m_pLCDReg = NULL;
    }
    if (this->m_pGPIOReg != NULL) {
        VirtualFree((PVOID)this->m_pGPIOReg, 0, MEM_RELEASE); // ok: release-with-size
        this->m_pGPIOReg = NULL;
    }
    if (m_pvFrameBuffer != NULL) {
        VirtualFree(m_pvFrameBuffer, 0, MEM_RELEASE);
        m_pvFrameBuffer = NULL;
    }
}
