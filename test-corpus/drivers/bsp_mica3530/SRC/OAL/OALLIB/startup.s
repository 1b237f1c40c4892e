;------------------------------------------------------------------------------
;  Mica3530 OAL entry: hands the physical address of g_oalAddressTable to
;  KernelStart.
;------------------------------------------------------------------------------
        INCLUDE kxarm.h

        IMPORT  KernelStart

        TEXTAREA

        LEAF_ENTRY StartUp

        ; Interrupts off, supervisor mode
        mrs     r0, cpsr
        bic     r0, r0, #0x1F
        orr     r0, r0, #0xD3
        msr     cpsr_c, r0

        ; r0 = physical address of the OEMAddressTable (the MMU is still off)
        add     r0, pc, #g_oalAddressTable - (. + 8)
        bl      KernelStart

        ; KernelStart does not return
10      b       %B10

        ENTRY_END

        ; The table itself, shared with EBOOT
        INCLUDE addrtab_cfg.inc
