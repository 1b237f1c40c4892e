;------------------------------------------------------------------------------
;  Geode kernel entry: passes the physical address of _OEMAddressTable to
;  KernelInitialize.
;------------------------------------------------------------------------------
        .486p
        .model flat

_TEXT SEGMENT para public 'TEXT'

        public      _OEMAddressTable
        public      _dwOEMTotalRAM

extrn _KernelInitialize:near

_StartUp PROC NEAR PUBLIC
        cli
        call    _PAOfStart
_PAOfStart:
        pop     esi                             ; (esi) = PA of _PAOfStart
        add     esi, OFFSET32 _OEMAddressTable
        sub     esi, OFFSET32 _PAOfStart        ; (esi) = PA of the table
        jmp     _KernelInitialize

        include oemaddrtab_cfg.inc
_StartUp ENDP

_TEXT ENDS

        END
