package dev.cemap.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CeTest {

    @Test
    void constantsHaveTheWinntValues() {
        assertThat(Ce.PAGE_NOACCESS).isEqualTo(0x01);
        assertThat(Ce.PAGE_READONLY).isEqualTo(0x02);
        assertThat(Ce.PAGE_READWRITE).isEqualTo(0x04);
        assertThat(Ce.PAGE_WRITECOPY).isEqualTo(0x08);
        assertThat(Ce.PAGE_EXECUTE).isEqualTo(0x10);
        assertThat(Ce.PAGE_EXECUTE_READ).isEqualTo(0x20);
        assertThat(Ce.PAGE_EXECUTE_READWRITE).isEqualTo(0x40);
        assertThat(Ce.PAGE_EXECUTE_WRITECOPY).isEqualTo(0x80);
        assertThat(Ce.PAGE_GUARD).isEqualTo(0x100);
        assertThat(Ce.PAGE_NOCACHE).isEqualTo(0x200);
        assertThat(Ce.PAGE_PHYSICAL).isEqualTo(0x400);
        assertThat(Ce.MEM_COMMIT).isEqualTo(0x1000);
        assertThat(Ce.MEM_RESERVE).isEqualTo(0x2000);
        assertThat(Ce.MEM_DECOMMIT).isEqualTo(0x4000);
        assertThat(Ce.MEM_RELEASE).isEqualTo(0x8000);
        assertThat(Ce.MEM_TOP_DOWN).isEqualTo(0x100000);
        assertThat(Ce.MEM_AUTO_COMMIT).isEqualTo(0x200000);
        assertThat(Ce.PAGE_SIZE).isEqualTo(0x1000L);
        assertThat(Ce.RESERVATION_GRANULARITY).isEqualTo(0x10000L);
        assertThat(Ce.SECTION_SIZE).isEqualTo(0x2000000L);
        assertThat(Ce.SHARED_AREA_THRESHOLD).isEqualTo(0x200000L);
    }

    @Test
    void pageArithmetic() {
        assertThat(Ce.pageBase(0x7F005400L)).isEqualTo(0x7F005000L);
        assertThat(Ce.pageOffset(0x7F005400L)).isEqualTo(0x400L);
        assertThat(Ce.pageBase(0xFFFFFFFFL)).isEqualTo(0xFFFFF000L);
        assertThat(Ce.roundUpToPage(0)).isZero();
        assertThat(Ce.roundUpToPage(1)).isEqualTo(0x1000L);
        assertThat(Ce.roundUpToPage(0x1000)).isEqualTo(0x1000L);
        assertThat(Ce.roundUpToPage(0x1001)).isEqualTo(0x2000L);
        assertThat(Ce.reservationBase(0x0005ABCDL)).isEqualTo(0x00050000L);
    }

    @Test
    void twoBytesStraddlingAPageBoundaryTouchTwoPages() {
        assertThat(Ce.pagesSpanned(0x50FFFL, 2)).isEqualTo(2);
        assertThat(Ce.pagesSpanned(0x50FFEL, 2)).isEqualTo(1);
        assertThat(Ce.pagesSpanned(0x50000L, 0x1000)).isEqualTo(1);
        assertThat(Ce.pagesSpanned(0x50000L, 0x1001)).isEqualTo(2);
        assertThat(Ce.pagesSpanned(0x50400L, 0x1000)).isEqualTo(2);
        assertThat(Ce.pagesSpanned(0x50000L, 0)).isZero();
    }

    @Test
    void hexSpellings() {
        assertThat(Hex.addr(0x50000)).isEqualTo("0x00050000");
        assertThat(Hex.addr(0x1_2000_0000L)).isEqualTo("0x120000000");
        assertThat(Hex.pageOffset(0)).isEqualTo("0x000");
        assertThat(Hex.pageOffset(0x400)).isEqualTo("0x400");
        assertThat(Hex.blockOffset(0x1000)).isEqualTo("0x1000");
        assertThat(Hex.of(0x1000)).isEqualTo("0x1000");
    }
}
