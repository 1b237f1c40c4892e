#pragma once
#pragma warning(disable: 4201)
#include <windows.h>

__declspec(dllexport) __int64 __cdecl Scale(_In_ __int64 value, _Out_opt_ DWORD *pRest);

static __forceinline DWORD Rotate(DWORD v)
{
    __asm {
        mov eax, v
        rol eax, 8
        mov v, eax
    }
    return v;
}

__int64 __cdecl Scale(__int64 value, DWORD *pRest)
{
    __int64 big = 0x100000000i64 * value + 0x10ui64;
    __try {
        if (pRest == NULL) {
            __leave;
        }
        *pRest = (DWORD)(big % 1000);
    } __finally {
        big >>= 1;
    }
    return big;
}
