//
// pdd_serial.cpp -- serial PDD classes. The serial MDD deletes a PDD object whose Init fails,
// so what Init mapped before failing is the destructor's to release.
//
#include <windows.h>
#include <ceddk.h>
#include <opal2420.h>

#define SERIAL_FIFO_PA   0x6C000000
#define SERIAL_DMA_PA    0x6C100000

class COpalSerial {
public:
    COpalSerial() : m_pFifo(NULL), m_pDma(NULL) {}
    virtual ~COpalSerial();
    virtual BOOL Init();
private:
    PVOID m_pFifo;
    PVOID m_pDma;
};

BOOL COpalSerial::Init()
{
    m_pFifo = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS); // ok: mapping-leak
    if (m_pFifo == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(m_pFifo, (PVOID)(SERIAL_FIFO_PA >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        return FALSE;
    }
    m_pDma = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS); // ok: mapping-leak
    if (m_pDma == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(m_pDma, (PVOID)(SERIAL_DMA_PA >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        return FALSE;
    }
    return TRUE;
}

COpalSerial::~COpalSerial()
{
    if (m_pDma != NULL) {
        VirtualFree(m_pDma, 0, MEM_RELEASE);
    }
    if (m_pFifo != NULL) {
        VirtualFree(m_pFifo, 0, MEM_RELEASE);
    }
}

// The IrDA variant forgot its DMA window in the destructor.
class COpalIrda {
public:
    COpalIrda() : m_pFifo(NULL), m_pDma(NULL) {}
    virtual ~COpalIrda();
    virtual BOOL Init();
private:
    PVOID m_pFifo;
    PVOID m_pDma;
};

BOOL COpalIrda::Init()
{
    m_pFifo = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
    if (m_pFifo == NULL) {
        return FALSE;
    }
    m_pDma = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS); // expect: mapping-leak {{~COpalIrda, which runs after a failed init, does not release it}}
    if (m_pDma == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(m_pDma, (PVOID)(SERIAL_DMA_PA >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        return FALSE;
    }
    return TRUE;
}

COpalIrda::~COpalIrda()
{
    if (m_pFifo != NULL) {
        VirtualFree(m_pFifo, 0, MEM_RELEASE);
    }
}
