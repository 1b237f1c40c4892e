// uart_port.cpp -- C++ UART port object for the SMDK6410 serial MDD.
// The constructor maps the UART registers and a FIFO snoop window; the
// destructor unmaps the registers but forgets the snoop window.
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>

#define BSP_BASE_REG_PA_UART1   0x7F005400
#define BSP_BASE_REG_PA_UART2   0x7F005800
#define UART_SNOOP_WINDOW       0x1000

struct S3C6410_UART_REGS {
    volatile DWORD ULCON;
    volatile DWORD UCON;
    volatile DWORD UFCON;
    volatile DWORD UMCON;
    volatile DWORD UTRSTAT;
    volatile DWORD UERSTAT;
    volatile DWORD UFSTAT;
    volatile DWORD UMSTAT;
    volatile DWORD UTXH;
    volatile DWORD URXH;
    volatile DWORD UBRDIV;
    volatile DWORD UDIVSLOT;
};

class CUartPort {
public:
    CUartPort();
    ~CUartPort();
    BOOL Init();
    void Deinit();

private:
    S3C6410_UART_REGS *m_pRegs;
    PBYTE              m_pbSnoop;
    S3C6410_UART_REGS *m_pDebugRegs;
};

CUartPort::CUartPort() : m_pRegs(NULL), m_pbSnoop(NULL), m_pDebugRegs(NULL)
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = BSP_BASE_REG_PA_UART1;
    m_pRegs = static_cast<S3C6410_UART_REGS *>(MmMapIoSpace(pa, sizeof(S3C6410_UART_REGS), FALSE)); // ok: mapping-leak

    m_pbSnoop = static_cast<PBYTE>(VirtualAlloc(NULL, UART_SNOOP_WINDOW, MEM_RESERVE, PAGE_NOACCESS)); // expect: mapping-leak
    if (m_pbSnoop != NULL) {
        if (!VirtualCopy(m_pbSnoop, reinterpret_cast<PVOID>((BSP_BASE_REG_PA_UART1 & ~0xFFF) >> 8), UART_SNOOP_WINDOW, PAGE_READONLY | PAGE_NOCACHE | PAGE_PHYSICAL)) {
            VirtualFree(m_pbSnoop, 0, MEM_RELEASE);
            m_pbSnoop = NULL;
        }
    }
}

CUartPort::~CUartPort()
{
    if (m_pRegs != NULL) {
        MmUnmapIoSpace(m_pRegs, sizeof(S3C6410_UART_REGS));
        m_pRegs = NULL;
    }
}

// Init/Deinit pair for the debug port: Deinit releases what Init keeps.
BOOL CUartPort::Init()
{
    PHYSICAL_ADDRESS pa = { 0 };
    pa.LowPart = BSP_BASE_REG_PA_UART2;
    m_pDebugRegs = static_cast<S3C6410_UART_REGS *>(MmMapIoSpace(pa, sizeof(S3C6410_UART_REGS), FALSE)); // ok: mapping-leak, uninitialized-highpart
    if (m_pDebugRegs == NULL) {
        return FALSE;
    }
    m_pDebugRegs->UCON = 0x5;
    return TRUE;
}

void CUartPort::Deinit()
{
    if (m_pDebugRegs != NULL) {
        MmUnmapIoSpace(m_pDebugRegs, sizeof(S3C6410_UART_REGS)); // ok: unmap-size-mismatch
        m_pDebugRegs = NULL;
    }
}
