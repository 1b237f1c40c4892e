#include <windows.h>
#include <ceddk.h>

namespace bsp {
template <typename T, DWORD N> struct Table { T items[N]; DWORD count() const { return N; } };
}

class CUartDevice
{
public:
    CUartDevice() : m_pv(NULL), m_cb(0x1000) { }
    virtual ~CUartDevice() { Unmap(); }
    BOOL Map(DWORD dwPhysical);
    void Unmap();
    operator bool() const { return m_pv != NULL; }
private:
    PVOID m_pv;
    DWORD m_cb;
};

BOOL CUartDevice::Map(DWORD dwPhysical)
{
    m_pv = VirtualAlloc(NULL, m_cb, MEM_RESERVE, PAGE_NOACCESS);
    if (m_pv == NULL) {
        return FALSE;
    }
    return VirtualCopy(m_pv, reinterpret_cast<PVOID>(dwPhysical >> 8), m_cb,
                       PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
}

void CUartDevice::Unmap()
{
    if (m_pv != NULL) {
        VirtualFree(m_pv, 0, MEM_RELEASE);
        m_pv = NULL;
    }
}

static bsp::Table<WCHAR, 16> s_names;
static CUartDevice s_uart;

extern "C" DWORD UART_Init(LPCTSTR pContext)
{
    const DWORD base = static_cast<DWORD>(0x7F005000);
    return s_uart.Map(base) ? s_names.count() : 0;
}
