// ffuart_pdd.cpp -- PXA27x full-function UART PDD for the serial MDD.
// MapHardware maps the UART window the bus driver gives us and the GPIO block;
// the destructor unmaps them with a size of 0, which CEDDK happens to ignore.
#include <windows.h>
#include <ceddk.h>

#define PXA27X_BASE_REG_PA_GPIO     0x40E00000
#define PXA27X_BASE_REG_PA_CLKMGR   0x41300000

typedef struct {
    volatile DWORD RBR_THR_DLL;
    volatile DWORD IER_DLH;
    volatile DWORD IIR_FCR;
    volatile DWORD LCR;
    volatile DWORD MCR;
    volatile DWORD LSR;
    volatile DWORD MSR;
    volatile DWORD SPR;
    volatile DWORD ISR;
} PXA27X_UART_REG;

typedef struct {
    volatile DWORD GPLR[3];
    volatile DWORD GPDR[3];
    volatile DWORD GPSR[3];
    volatile DWORD GPCR[3];
} PXA27X_GPIO_REG;

typedef struct {
    volatile DWORD CCCR;
    volatile DWORD CKEN;
    volatile DWORD OSCC;
} PXA27X_CLKMGR_REG;

class CFfUartPdd {
public:
    CFfUartPdd(DWORD dwWindowBase, DWORD dwWindowLen);
    ~CFfUartPdd();
    BOOL MapHardware();

private:
    DWORD              m_dwWindowBase;
    DWORD              m_dwWindowLen;
    PXA27X_UART_REG   *m_pUartRegs;
    PXA27X_GPIO_REG   *m_pGpioRegs;
    PXA27X_CLKMGR_REG *m_pClkRegs;
};

CFfUartPdd::CFfUartPdd(DWORD dwWindowBase, DWORD dwWindowLen)
    : m_dwWindowBase(dwWindowBase), m_dwWindowLen(dwWindowLen),
      m_pUartRegs(NULL), m_pGpioRegs(NULL), m_pClkRegs(NULL)
{
}

CFfUartPdd::~CFfUartPdd()
{
    if (m_pUartRegs != NULL)
        MmUnmapIoSpace(m_pUartRegs, 0); // expect: unmap-size-mismatch

    if (m_pGpioRegs != NULL)
        MmUnmapIoSpace((PVOID)m_pGpioRegs, 0UL); // expect: unmap-size-mismatch

    if (m_pClkRegs != NULL)
        MmUnmapIoSpace(m_pClkRegs, sizeof(PXA27X_CLKMGR_REG)); // ok: unmap-size-mismatch
}

BOOL CFfUartPdd::MapHardware()
{
    if (m_pUartRegs == NULL && m_dwWindowBase != 0 && m_dwWindowLen >= sizeof(PXA27X_UART_REG)) {
        PHYSICAL_ADDRESS pa = { m_dwWindowBase, 0 };
        m_pUartRegs = (PXA27X_UART_REG *)MmMapIoSpace(pa, m_dwWindowLen, FALSE);
    }
    if (m_pGpioRegs == NULL) {
        PHYSICAL_ADDRESS pa = { PXA27X_BASE_REG_PA_GPIO, 0 };
        m_pGpioRegs = (PXA27X_GPIO_REG *)MmMapIoSpace(pa, sizeof(PXA27X_GPIO_REG), FALSE);
    }
    if (m_pClkRegs == NULL) {
        PHYSICAL_ADDRESS pa = { PXA27X_BASE_REG_PA_CLKMGR, 0 };
        m_pClkRegs = (PXA27X_CLKMGR_REG *)MmMapIoSpace(pa, sizeof(PXA27X_CLKMGR_REG), FALSE);
    }
    return m_pUartRegs != NULL && m_pGpioRegs != NULL && m_pClkRegs != NULL;
}
