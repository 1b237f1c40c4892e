package dev.cemap.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtectionTest {

    @Test
    void describesFlagsLowestBitFirst() {
        assertThat(Protection.describe(0x604)).isEqualTo("PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL");
        assertThat(Protection.describe(0x01)).isEqualTo("PAGE_NOACCESS");
        assertThat(Protection.describe(0)).isEqualTo("0");
    }

    @Test
    void describesUnknownBitsAsHex() {
        assertThat(Protection.describe(0x804)).isEqualTo("PAGE_READWRITE | 0x800");
        assertThat(Protection.describe(0x3000)).isEqualTo("0x3000");
    }

    @Test
    void listsBaseProtections() {
        assertThat(Protection.baseProtections(0x604)).containsExactly("PAGE_READWRITE");
        assertThat(Protection.baseProtections(0x06)).containsExactly("PAGE_READONLY", "PAGE_READWRITE");
        assertThat(Protection.baseProtections(0x600)).isEmpty();
        assertThat(Protection.baseProtections(0xFF)).hasSize(8);
    }

    @Test
    void flagPredicates() {
        assertThat(Protection.isPhysical(0x604)).isTrue();
        assertThat(Protection.isPhysical(0x204)).isFalse();
        assertThat(Protection.isNoCache(0x604)).isTrue();
        assertThat(Protection.isNoCache(0x404)).isFalse();
    }

    @Test
    void virtualCopyAcceptsOneBaseWithModifiers() {
        assertThat(Protection.virtualCopyRejection(0x604)).isEmpty();
        assertThat(Protection.virtualCopyRejection(0x04)).isEmpty();
        assertThat(Protection.virtualCopyRejection(0x01)).isEmpty();
        assertThat(Protection.virtualCopyRejection(0x104)).isEmpty();
        assertThat(Protection.virtualCopyRejection(0x240)).isEmpty();
        assertThat(Protection.virtualCopyRejection(0x402)).isEmpty();
    }

    @Test
    void rejectsNoBaseProtection() {
        assertThat(Protection.virtualCopyRejection(0x600)).hasValueSatisfying(
                why -> assertThat(why).contains("no base protection").contains("0x600"));
        assertThat(Protection.virtualCopyRejection(0)).isPresent();
    }

    @Test
    void rejectsTwoBaseProtections() {
        assertThat(Protection.virtualCopyRejection(0x606)).hasValueSatisfying(why -> assertThat(why)
                .contains("2 base protections").contains("PAGE_READONLY").contains("PAGE_READWRITE"));
    }

    @Test
    void rejectsGuardOrNoCacheOnNoAccess() {
        assertThat(Protection.virtualCopyRejection(0x101)).hasValueSatisfying(
                why -> assertThat(why).contains("PAGE_GUARD on PAGE_NOACCESS").contains("0x101"));
        assertThat(Protection.virtualCopyRejection(0x201)).hasValueSatisfying(
                why -> assertThat(why).contains("PAGE_NOCACHE on PAGE_NOACCESS").contains("0x201"));
        assertThat(Protection.virtualCopyRejection(0x301)).hasValueSatisfying(
                why -> assertThat(why).contains("PAGE_GUARD and PAGE_NOCACHE"));
        assertThat(Protection.virtualCopyRejection(0x601)).isPresent();
    }

    @Test
    void rejectsUnknownBits() {
        assertThat(Protection.virtualCopyRejection(0x804)).hasValueSatisfying(
                why -> assertThat(why).contains("unknown bits 0x800"));
    }

    @Test
    void rejectsWriteCopyAsUnsupported() {
        assertThat(Protection.virtualCopyRejection(0x08)).hasValueSatisfying(
                why -> assertThat(why).contains("PAGE_WRITECOPY").contains("not supported"));
        assertThat(Protection.virtualCopyRejection(0x80)).isPresent();
    }

    @Test
    void virtualAllocRefusesPagePhysical() {
        assertThat(Protection.virtualAllocRejection(0x01)).isEmpty();
        assertThat(Protection.virtualAllocRejection(0x204)).isEmpty();
        assertThat(Protection.virtualAllocRejection(0x404)).hasValueSatisfying(
                why -> assertThat(why).contains("PAGE_PHYSICAL"));
    }

    @Test
    void describesAllocationTypes() {
        assertThat(AllocationType.describe(0x3000)).isEqualTo("MEM_COMMIT | MEM_RESERVE");
        assertThat(AllocationType.describe(0x8000)).isEqualTo("MEM_RELEASE");
        assertThat(AllocationType.describe(0x102000)).isEqualTo("MEM_RESERVE | MEM_TOP_DOWN");
        assertThat(AllocationType.describe(0x200000)).isEqualTo("MEM_AUTO_COMMIT");
        assertThat(AllocationType.describe(0x4000)).isEqualTo("MEM_DECOMMIT");
        assertThat(AllocationType.describe(0x2001)).isEqualTo("MEM_RESERVE | 0x1");
        assertThat(AllocationType.describe(0)).isEqualTo("0");
    }
}
