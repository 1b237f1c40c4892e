// cemap-targets: ce5 ce6
//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// Module Name: camera_port.cpp
//
// CAM: driver of the SMDK6410, camera interface (CAMIF) and post processor,
// in the middle of its port from the CE 5.0 BSP to CE 6.0 R3. The CE 5.0
// code paths are still compiled for the old image.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>

#define CAMIF_PA_BASE           0x78000000
#define CAMIF_PA_MSDMA          0x78000800      // memory-to-codec DMA, inside the CAMIF page
#define POST_PA_BASE            0x77000000

// Preview ring: 2 MB carved out of the top of SDRAM (RESERVED in config.bib).
#define CAM_PREVIEW_PA          0x57E00000
#define CAM_PREVIEW_SIZE        0x00200000

typedef struct {
    UINT32 CISRCFMT;        // 0x00
    UINT32 CIWDOFST;        // 0x04
    UINT32 CIGCTRL;         // 0x08
    UINT32 PAD0[3];         // 0x0C
    UINT32 CICOYSA1;        // 0x18
    UINT32 CICOYSA2;        // 0x1C
    UINT32 CICOYSA3;        // 0x20
    UINT32 CICOYSA4;        // 0x24
    UINT32 PAD1[6];         // 0x28
    UINT32 CICOTRGFMT;      // 0x40
    UINT32 CICOCTRL;        // 0x44
    UINT32 CICOSCPRERATIO;  // 0x48
    UINT32 CICOSCPREDST;    // 0x4C
    UINT32 CICOSCCTRL;      // 0x50
    UINT32 CICOTAREA;       // 0x54
    UINT32 PAD2;            // 0x58
    UINT32 CICOSTATUS;      // 0x5C
} S3C6410_CAMIF_REG;

typedef struct {
    UINT32 MODE;            // 0x00
    UINT32 PRESCALE_RATIO;  // 0x04
    UINT32 PRESCALEIMGSIZE; // 0x08
    UINT32 SRCIMGSIZE;      // 0x0C
    UINT32 MAINSCALE_H;     // 0x10
    UINT32 MAINSCALE_V;     // 0x14
    UINT32 DSTIMGSIZE;      // 0x18
    UINT32 PRESCALE_SHFACTOR; // 0x1C
} S3C6410_POST_REG;

class CCameraInterface
{
public:
    CCameraInterface();
    ~CCameraInterface();

    BOOL MapRegisters();
    BOOL MapPostProcessor();
    BOOL MapMsdma();
    BOOL MapPreviewRing();
    BOOL MapPreviewRingShadow();

private:
    volatile S3C6410_CAMIF_REG  *m_pCamRegs;
    volatile S3C6410_POST_REG   *m_pPostRegs;
    volatile UINT32             *m_pMsdmaRegs;
    PBYTE                       m_pbPreview;
    PBYTE                       m_pbShadow;
};

CCameraInterface::CCameraInterface()
    : m_pCamRegs(NULL), m_pPostRegs(NULL), m_pMsdmaRegs(NULL), m_pbPreview(NULL), m_pbShadow(NULL)
{
}

CCameraInterface::~CCameraInterface()
{
    if (m_pCamRegs != NULL) {
        VirtualFree((PVOID)m_pCamRegs, sizeof(S3C6410_CAMIF_REG), MEM_RELEASE); // expect: release-with-size
    }
    if (m_pPostRegs != NULL) {
        VirtualFree((PVOID)m_pPostRegs, 0, MEM_RELEASE); // ok: release-with-size
    }
    if (m_pbPreview != NULL) {
        VirtualFree(m_pbPreview, 0, MEM_RELEASE);
    }
    delete [] m_pbShadow;
}

BOOL CCameraInterface::MapRegisters()
{
    m_pCamRegs = static_cast<volatile S3C6410_CAMIF_REG *>(VirtualAlloc(NULL, sizeof(S3C6410_CAMIF_REG), MEM_RESERVE, PAGE_NOACCESS));
    if (m_pCamRegs == NULL) {
        return FALSE;
    }
    if (!VirtualCopy((PVOID)m_pCamRegs, reinterpret_cast<PVOID>(CAMIF_PA_BASE >> 8), sizeof(S3C6410_CAMIF_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: missing-physical-shift, physical-flag-missing
        VirtualFree((PVOID)m_pCamRegs, 0, MEM_RELEASE);
        m_pCamRegs = NULL;
        return FALSE;
    }
    return TRUE;
}

// Carried over from a BSP whose helper took 16-byte "paragraphs".
BOOL CCameraInterface::MapPostProcessor()
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C6410_POST_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pv, reinterpret_cast<PVOID>(POST_PA_BASE >> 4), sizeof(S3C6410_POST_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: missing-physical-shift
        VirtualFree(pv, 0, MEM_RELEASE);
        return FALSE;
    }
    m_pPostRegs = static_cast<volatile S3C6410_POST_REG *>(pv);
    return TRUE;
}

// The MSDMA block is 0x800 into the CAMIF page. This one lost its
// PAGE_PHYSICAL in a merge, so the shifted address is read as a virtual one
// and its page offset no longer matches either.
BOOL CCameraInterface::MapMsdma()
{
    PVOID pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pv, reinterpret_cast<PVOID>(CAMIF_PA_MSDMA >> 8), 0x100, PAGE_READWRITE | PAGE_NOCACHE)) { // expect: physical-flag-missing, page-offset-mismatch
        VirtualFree(pv, 0, MEM_RELEASE);
        return FALSE;
    }
    m_pMsdmaRegs = static_cast<volatile UINT32 *>(pv);
    return TRUE;
}

// 2 MB preview ring in one call. On CE 5.0 the reservation comes from the
// shared area, but the kernel keeps reservations under 32 MB inside one
// section, so the copy never straddles a boundary.
BOOL CCameraInterface::MapPreviewRing()
{
    m_pbPreview = static_cast<PBYTE>(VirtualAlloc(NULL, CAM_PREVIEW_SIZE, MEM_RESERVE, PAGE_NOACCESS));
    if (m_pbPreview == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(m_pbPreview, reinterpret_cast<PVOID>(CAM_PREVIEW_PA >> 8), CAM_PREVIEW_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: section-crossing
        VirtualFree(m_pbPreview, 0, MEM_RELEASE);
        m_pbPreview = NULL;
        return FALSE;
    }
    return TRUE;
}

// A shadow of the first preview line for the still-capture path, mapped
// into a heap buffer.
BOOL CCameraInterface::MapPreviewRingShadow()
{
    m_pbShadow = new BYTE[0x1000];
    if (m_pbShadow == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(m_pbShadow, reinterpret_cast<PVOID>(CAM_PREVIEW_PA >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: dest-not-reserved
        delete [] m_pbShadow;
        m_pbShadow = NULL;
        return FALSE;
    }
    return TRUE;
}

extern "C" DWORD CAM_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    CCameraInterface *pCam = new CCameraInterface();
    if (pCam == NULL) {
        return 0;
    }
    if (!pCam->MapRegisters() || !pCam->MapPostProcessor()) {
        delete pCam;
        return 0;
    }
    pCam->MapMsdma();
    if (!pCam->MapPreviewRing()) {
        pCam->MapPreviewRingShadow();
    }
    return reinterpret_cast<DWORD>(pCam);
}

extern "C" BOOL CAM_Deinit(DWORD hDeviceContext)
{
    delete reinterpret_cast<CCameraInterface *>(hDeviceContext);
    return TRUE;
}
