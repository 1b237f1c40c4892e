#include <windows.h>
#include <ceddk.h>

typedef struct { PVOID pv; DWORD cb; } WINDOW;
static WINDOW g_win;

static BOOL Map(WINDOW *w, DWORD pa, BOOL fast)
{
    DWORD i;
    w->cb = 0x2000;
    w->pv = VirtualAlloc(NULL, w->cb, MEM_RESERVE, PAGE_NOACCESS);
    for (i = 0; i < 4; i++) {
        if (fast) {
            goto done;
        }
        w->cb += 0x1000;
    }
    while (w->pv == NULL) {
        return FALSE;
    }
done:
    switch (pa & 0xF) {
    case 0:
        VirtualCopy(w->pv, (PVOID)(pa / 256), w->cb, PAGE_READWRITE | PAGE_PHYSICAL);
        break;
    case 1:
        VirtualCopy(w->pv, (PVOID)(pa >> 12), w->cb, PAGE_READWRITE | PAGE_PHYSICAL);
    default:
        VirtualCopy((PBYTE)w->pv + 0x400, (PVOID)(0xA0000000 >> 8), 0x100, PAGE_GUARD | PAGE_NOACCESS | PAGE_PHYSICAL);
    }
    return VirtualFree(w->pv, 0, MEM_RELEASE);
}

BOOL Init(void)
{
    return Map(&g_win, 0x7F005400, TRUE) && Map(&g_win, 0x50000000, FALSE);
}
