/*
 * vpfe_buffer.cpp -- video input front end: a capture buffer in a common buffer, with a cached
 * alias, set up and torn down by member pairs (PreviewInit / PreviewDeInit,
 * AllocFrames / DeAllocFrames) of the capture controller.
 */
#include <windows.h>
#include <pkfuncs.h>
#include <ceddk.h>

#define VPFE_FRAME_BYTES    0x96000
#define VPFE_RING_BYTES     0x4000

class CVpfeCtrl
{
public:
    CVpfeCtrl();
    ~CVpfeCtrl();
    BOOL AllocFrames();
    BOOL DeAllocFrames();
    BOOL PreviewInit();
    BOOL PreviewDeInit();
    BOOL AllocRing();
    BOOL DeAllocRing();
private:
    DMA_ADAPTER_OBJECT m_Adapter;
    PHYSICAL_ADDRESS   m_paFrames;
    PBYTE              m_pFrames;
    PBYTE              m_pFramesAlias;
    PHYSICAL_ADDRESS   m_paPreview;
    PBYTE              m_pPreview;
    DWORD              m_dwRingPhys;
    PBYTE              m_pRing;
};

CVpfeCtrl::CVpfeCtrl()
{
    m_pFrames = NULL;
    m_pFramesAlias = NULL;
    m_pPreview = NULL;
    m_pRing = NULL;
}

CVpfeCtrl::~CVpfeCtrl()
{
}

/* The alias is what the teardown gives to HalFreeCommonBuffer; the buffer itself is dropped. */
BOOL CVpfeCtrl::AllocFrames()
{
    m_Adapter.ObjectSize = sizeof(m_Adapter);
    m_Adapter.InterfaceType = Internal;
    m_Adapter.BusNumber = 0;
    m_pFrames = (PBYTE)HalAllocateCommonBuffer(&m_Adapter, VPFE_FRAME_BYTES, &m_paFrames, FALSE); // expect: mapping-leak {{DeAllocFrames drops the last pointer}}
    if (m_pFrames == NULL) {
        return FALSE;
    }
    m_pFramesAlias = (PBYTE)VirtualAlloc(NULL, VPFE_FRAME_BYTES, MEM_RESERVE, PAGE_NOACCESS);
    if (m_pFramesAlias == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(m_pFramesAlias, m_pFrames, VPFE_FRAME_BYTES, PAGE_READWRITE)) {
        VirtualFree(m_pFramesAlias, 0, MEM_RELEASE);
        m_pFramesAlias = NULL;
        return FALSE;
    }
    return TRUE;
}

BOOL CVpfeCtrl::DeAllocFrames()
{
    if (m_pFrames == NULL) {
        return TRUE;
    }
    HalFreeCommonBuffer(&m_Adapter, VPFE_FRAME_BYTES, m_paFrames, m_pFramesAlias, FALSE); // expect: release-wrong-pointer {{does not release}}
    VirtualFree(m_pFramesAlias, 0, MEM_RELEASE); // expect: double-release
    m_pFramesAlias = NULL;
    m_pFrames = NULL;
    return TRUE;
}

/* The preview buffer is cleared to black, then its teardown forgets it. */
BOOL CVpfeCtrl::PreviewInit()
{
    m_pPreview = (PBYTE)HalAllocateCommonBuffer(&m_Adapter, VPFE_FRAME_BYTES, &m_paPreview, FALSE); // expect: mapping-leak {{PreviewDeInit ends without releasing it}}
    if (m_pPreview == NULL) {
        return FALSE;
    }
    memset(m_pPreview, 0x10, VPFE_FRAME_BYTES);
    return TRUE;
}

BOOL CVpfeCtrl::PreviewDeInit()
{
    return TRUE;
}

/* Correct: the ring's teardown frees what its setup allocated. */
BOOL CVpfeCtrl::AllocRing()
{
    m_pRing = (PBYTE)AllocPhysMem(VPFE_RING_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &m_dwRingPhys); // ok: mapping-leak
    if (m_pRing == NULL) {
        return FALSE;
    }
    memset(m_pRing, 0, VPFE_RING_BYTES);
    return TRUE;
}

BOOL CVpfeCtrl::DeAllocRing()
{
    if (m_pRing != NULL) {
        FreePhysMem(m_pRing);
        m_pRing = NULL;
    }
    return TRUE;
}
