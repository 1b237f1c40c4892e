/* cemap stub of the CE pkfuncs.h: the kernel calls that map and pin memory. */
#pragma once
#include <windef.h>
#include <winioctl.h>
#define CACHE_SYNC_DISCARD 0x001
#define CACHE_SYNC_INSTRUCTIONS 0x002
#define CACHE_SYNC_WRITEBACK 0x004
#define CACHE_SYNC_FLUSH_I_TLB 0x008
#define CACHE_SYNC_FLUSH_D_TLB 0x010
#define CACHE_SYNC_FLUSH_TLB (CACHE_SYNC_FLUSH_I_TLB | CACHE_SYNC_FLUSH_D_TLB)
#define CACHE_SYNC_L2_WRITEBACK 0x020
#define CACHE_SYNC_L2_DISCARD 0x040
#define CACHE_SYNC_ALL 0x07F
#define LOCKFLAG_WRITE 0x001
#define LOCKFLAG_QUERY_ONLY 0x002
#define LOCKFLAG_READ 0x004
#define IOCTL_HAL_REQUEST_SYSINTR CTL_CODE(FILE_DEVICE_HAL, 38, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_HAL_RELEASE_SYSINTR CTL_CODE(FILE_DEVICE_HAL, 54, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_HAL_REQUEST_IRQ CTL_CODE(FILE_DEVICE_HAL, 53, METHOD_BUFFERED, FILE_ANY_ACCESS)
BOOL VirtualCopy(LPVOID lpvDest, LPVOID lpvSrc, DWORD cbSize, DWORD fdwProtect);
BOOL VirtualCopyEx(HANDLE hDstProc, LPVOID lpvDest, HANDLE hSrcProc, LPVOID lpvSrc, DWORD cbSize, DWORD fdwProtect);
LPVOID VirtualAllocCopyEx(HANDLE hSrcProc, HANDLE hDstProc, LPVOID pAddr, DWORD cbSize, DWORD dwProtect);
LPVOID VirtualAllocEx(HANDLE hProcess, LPVOID lpAddress, DWORD dwSize, DWORD flAllocationType, DWORD flProtect);
BOOL VirtualFreeEx(HANDLE hProcess, LPVOID lpAddress, DWORD dwSize, DWORD dwFreeType);
BOOL VirtualSetAttributes(LPVOID lpvAddress, DWORD cbSize, DWORD dwNewFlags, DWORD dwMask, LPDWORD lpdwOldFlags);
LPVOID CreateStaticMapping(DWORD dwPhysBase, DWORD dwSize);
BOOL DeleteStaticMapping(LPVOID lpvAddr, DWORD dwSize);
LPVOID AllocPhysMem(DWORD cbSize, DWORD fdwProtect, DWORD dwAlignmentMask, DWORD dwFlags, PULONG pPhysicalAddress);
BOOL FreePhysMem(LPVOID lpvAddress);
BOOL LockPages(LPVOID lpvAddress, DWORD cbSize, PDWORD pPFNs, int fOptions);
BOOL UnlockPages(LPVOID lpvAddress, DWORD cbSize);
void CacheSync(int flags);
void CacheRangeFlush(LPVOID pAddr, DWORD dwLength, DWORD dwFlags);
BOOL KernelIoControl(DWORD dwIoControlCode, LPVOID lpInBuf, DWORD nInBufSize, LPVOID lpOutBuf, DWORD nOutBufSize,
                     LPDWORD lpBytesReturned);
BOOL KernelLibIoControl(HANDLE hLib, DWORD dwIoControlCode, LPVOID lpInBuf, DWORD nInBufSize, LPVOID lpOutBuf,
                        DWORD nOutBufSize, LPDWORD lpBytesReturned);
HINSTANCE LoadKernelLibrary(LPCWSTR lpszFileName);
HANDLE LoadIntChainHandler(LPCWSTR lpszFileName, LPCWSTR lpszFunctionName, BYTE bIRQ);
BOOL FreeIntChainHandler(HANDLE hInstance);
BOOL InterruptInitialize(DWORD idInt, HANDLE hEvent, LPVOID pvData, DWORD cbData);
void InterruptDone(DWORD idInt);
void InterruptDisable(DWORD idInt);
void InterruptMask(DWORD idInt, BOOL fDisable);
BOOL SetKMode(BOOL fMode);
DWORD SetProcPermissions(DWORD newperms);
DWORD GetCurrentPermissions(void);
LPVOID MapPtrToProcess(LPVOID lpv, HANDLE hProc);
LPVOID MapCallerPtr(LPVOID ptr, DWORD dwLen);
HANDLE GetCallerProcess(void);
HANDLE GetOwnerProcess(void);
HRESULT CeOpenCallerBuffer(PVOID *ppDestMarshalled, PVOID pSrcUnmarshalled, DWORD cbSrc, DWORD ArgumentDescriptor,
                           BOOL ForceDuplicate);
HRESULT CeCloseCallerBuffer(PVOID pDestMarshalled, PVOID pSrcUnmarshalled, DWORD cbSrc, DWORD ArgumentDescriptor);
