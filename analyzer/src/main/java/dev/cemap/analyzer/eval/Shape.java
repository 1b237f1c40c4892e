package dev.cemap.analyzer.eval;

/**
 * How the outermost arithmetic of a value was written, after casts and parentheses. A
 * PAGE_PHYSICAL source must be "physical address >> 8" (or "/ 256"); rules read the shape to
 * tell an unshifted or mis-shifted physical address from a correct one.
 */
public record Shape(Kind kind, long amount, Value operand) {

    public enum Kind {
        /** No shift or division at the top. */
        PLAIN,
        /** {@code operand >> amount}. */
        SHIFT_RIGHT,
        /** {@code operand / amount}. */
        DIVIDE
    }

    public static final Shape PLAIN = new Shape(Kind.PLAIN, 0, null);

    public static Shape shiftRight(long bits, Value operand) {
        return new Shape(Kind.SHIFT_RIGHT, bits, operand);
    }

    public static Shape divide(long divisor, Value operand) {
        return new Shape(Kind.DIVIDE, divisor, operand);
    }

    /** True for {@code >> 8} and {@code / 256}: the physical page-frame form PAGE_PHYSICAL wants. */
    public boolean isPhysicalShift() {
        return (kind == Kind.SHIFT_RIGHT && amount == 8) || (kind == Kind.DIVIDE && amount == 256);
    }

    /** True for any other right shift or division. */
    public boolean isOtherScaling() {
        return kind != Kind.PLAIN && !isPhysicalShift();
    }

    /** The operator as written: ">> 8", "/ 256". */
    public String operatorText() {
        return switch (kind) {
            case PLAIN -> "";
            case SHIFT_RIGHT -> ">> " + amount;
            case DIVIDE -> "/ " + amount;
        };
    }
}
