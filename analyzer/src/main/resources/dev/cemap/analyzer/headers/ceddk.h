/* cemap stub of the CE ceddk.h: bus address translation, MmMapIoSpace, DMA buffers, register access. */
#pragma once
#include <windef.h>
typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;
/* CEDDK code rounds mappings to pages; CE's kernel headers give the 4 KB page size. */
#ifndef PAGE_SIZE
#define PAGE_SIZE 0x1000
#endif
typedef enum _INTERFACE_TYPE {
    InterfaceTypeUndefined = -1,
    Internal, Isa, Eisa, MicroChannel, TurboChannel, PCIBus, VMEBus, NuBus, PCMCIABus, CBus, MPIBus, MPSABus,
    ProcessorInternal, InternalPowerBus, PNPISABus, PNPBus, MaximumInterfaceType
} INTERFACE_TYPE, *PINTERFACE_TYPE;
typedef struct _DMA_ADAPTER_OBJECT {
    USHORT ObjectSize;
    INTERFACE_TYPE InterfaceType;
    ULONG BusNumber;
} DMA_ADAPTER_OBJECT, *PDMA_ADAPTER_OBJECT;
typedef struct _DEVICE_LOCATION {
    DWORD IfcType;
    DWORD BusNumber;
    DWORD LogicalLoc;
    PVOID Pin;
    DWORD PhysicalLoc;
} DEVICE_LOCATION, *PDEVICE_LOCATION;
PVOID MmMapIoSpace(PHYSICAL_ADDRESS PhysicalAddress, ULONG NumberOfBytes, BOOLEAN CacheEnable);
VOID MmUnmapIoSpace(PVOID BaseAddress, ULONG NumberOfBytes);
PVOID HalAllocateCommonBuffer(PDMA_ADAPTER_OBJECT DmaAdapter, ULONG Length, PPHYSICAL_ADDRESS LogicalAddress,
                              BOOLEAN CacheEnabled);
VOID HalFreeCommonBuffer(PDMA_ADAPTER_OBJECT DmaAdapter, ULONG Length, PHYSICAL_ADDRESS LogicalAddress,
                         PVOID VirtualAddress, BOOLEAN CacheEnabled);
BOOLEAN HalTranslateBusAddress(INTERFACE_TYPE InterfaceType, ULONG BusNumber, PHYSICAL_ADDRESS BusAddress,
                               PULONG AddressSpace, PPHYSICAL_ADDRESS TranslatedAddress);
BOOLEAN TransBusAddrToVirtual(INTERFACE_TYPE InterfaceType, ULONG BusNumber, PHYSICAL_ADDRESS BusAddress,
                              ULONG Length, PULONG AddressSpace, PPVOID MappedAddress);
BOOLEAN TransBusAddrToStatic(INTERFACE_TYPE InterfaceType, ULONG BusNumber, PHYSICAL_ADDRESS BusAddress,
                             ULONG Length, PULONG AddressSpace, PPVOID MappedAddress);
UCHAR READ_REGISTER_UCHAR(PUCHAR Register);
USHORT READ_REGISTER_USHORT(PUSHORT Register);
ULONG READ_REGISTER_ULONG(PULONG Register);
VOID WRITE_REGISTER_UCHAR(PUCHAR Register, UCHAR Value);
VOID WRITE_REGISTER_USHORT(PUSHORT Register, USHORT Value);
VOID WRITE_REGISTER_ULONG(PULONG Register, ULONG Value);
UCHAR READ_PORT_UCHAR(PUCHAR Port);
USHORT READ_PORT_USHORT(PUSHORT Port);
ULONG READ_PORT_ULONG(PULONG Port);
VOID WRITE_PORT_UCHAR(PUCHAR Port, UCHAR Value);
VOID WRITE_PORT_USHORT(PUSHORT Port, USHORT Value);
VOID WRITE_PORT_ULONG(PULONG Port, ULONG Value);
