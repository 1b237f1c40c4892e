// camif_unmap.cpp -- CAMIF codec/preview windows: unmapped with the sizes
// they were mapped with, or not.
#include <windows.h>
#include <ceddk.h>

#define BSP_BASE_REG_PA_CAMIF       0x78000000
#define BSP_BASE_REG_PA_POST        0x77000000
#define BSP_BASE_REG_PA_ROTATOR     0x77200000
#define BSP_BASE_REG_PA_JPEG        0x78800000

struct CAMIF_REGS { volatile DWORD CISRCFMT; volatile DWORD CIWDOFST; volatile DWORD CIGCTRL; volatile DWORD pad[61]; };
struct POST_REGS  { volatile DWORD MODE; volatile DWORD PRESCALE_RATIO; volatile DWORD pad[30]; };
struct ROT_REGS   { volatile DWORD CTRLCFG; volatile DWORD SRCADDRREG0; volatile DWORD pad[14]; };

class CCamifWindows {
public:
    BOOL MapAndProbe();
    void ProbeJpeg();
private:
    CAMIF_REGS *m_pCamif;
    POST_REGS  *m_pPost;
    ROT_REGS   *m_pRotator;
};

BOOL CCamifWindows::MapAndProbe()
{
    PHYSICAL_ADDRESS pa = { 0 };

    pa.LowPart = BSP_BASE_REG_PA_CAMIF;
    m_pCamif = static_cast<CAMIF_REGS *>(MmMapIoSpace(pa, sizeof(CAMIF_REGS), FALSE));
    pa.LowPart = BSP_BASE_REG_PA_POST;
    m_pPost = static_cast<POST_REGS *>(MmMapIoSpace(pa, sizeof(POST_REGS), FALSE));
    pa.LowPart = BSP_BASE_REG_PA_ROTATOR;
    m_pRotator = static_cast<ROT_REGS *>(MmMapIoSpace(pa, sizeof(ROT_REGS), FALSE));
    if (m_pCamif == NULL || m_pPost == NULL || m_pRotator == NULL) {
        return FALSE;
    }
    if (m_pCamif->CIGCTRL == 0xFFFFFFFF) {
        // No camera block on this SKU: give the windows back.
        MmUnmapIoSpace(m_pCamif, sizeof(CAMIF_REGS)); // ok: unmap-size-mismatch
        MmUnmapIoSpace(m_pPost, sizeof(CAMIF_REGS)); // expect: unmap-size-mismatch
        MmUnmapIoSpace(m_pRotator, sizeof(ROT_REGS)); // ok: unmap-size-mismatch
        m_pCamif = NULL;
        m_pPost = NULL;
        m_pRotator = NULL;
        return FALSE;
    }
    return TRUE;
}

void CCamifWindows::ProbeJpeg()
{
    PHYSICAL_ADDRESS paJpeg;
    DWORD dwVersion;
    paJpeg.LowPart = BSP_BASE_REG_PA_JPEG;
    volatile DWORD *pJpeg = static_cast<volatile DWORD *>(MmMapIoSpace(paJpeg, 0x100, FALSE)); // expect: uninitialized-highpart
    if (pJpeg == NULL) {
        return;
    }
    dwVersion = pJpeg[0];
    MmUnmapIoSpace((PVOID)pJpeg, 0x100); // ok: unmap-size-mismatch
    RETAILMSG(1, (L"JPEG version %x\r\n", dwVersion));
}
