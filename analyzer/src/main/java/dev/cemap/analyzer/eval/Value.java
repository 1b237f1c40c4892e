package dev.cemap.analyzer.eval;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The abstract value of a C expression: a number when it is a compile-time or replay-time
 * constant, what it points into when it is a pointer we track, how its top-level arithmetic was
 * written, and whether it was read from a {@code PHYSICAL_ADDRESS} field. Anything else is
 * {@link #unknown()}: rules never report on what they cannot know.
 */
public final class Value {

    private static final Value UNKNOWN = new Value(OptionalLong.empty(), null, Shape.PLAIN, false, null);

    private final OptionalLong number;
    private final Pointee pointee;
    private final Shape shape;
    private final boolean physicalAddressField;
    private final Symbol symbol;
    /** Values are compared whenever paths are: computed once (0 until then). */
    private int hash;

    private Value(OptionalLong number, Pointee pointee, Shape shape, boolean physicalAddressField,
            Symbol symbol) {
        this.number = number;
        this.pointee = pointee;
        this.shape = shape;
        this.physicalAddressField = physicalAddressField;
        this.symbol = symbol;
    }

    public static Value unknown() {
        return UNKNOWN;
    }

    public static Value of(long number) {
        return new Value(OptionalLong.of(number), null, Shape.PLAIN, false, null);
    }

    /**
     * The BOOL a modelled call returns: unknown, but non-zero exactly when call {@code callId}
     * succeeded, so that a branch on it tells the replay which outcome a path took.
     */
    public static Value outcomeOf(int callId) {
        return of(Symbol.callSucceeded(callId));
    }

    /** A truth value known only as a symbol (a call's success, a pointer's non-NULL-ness). */
    public static Value of(Symbol symbol) {
        return new Value(OptionalLong.empty(), null, Shape.PLAIN, false, symbol);
    }

    public static Value of(OptionalLong number) {
        return number.isPresent() ? of(number.getAsLong()) : UNKNOWN;
    }

    public static Value pointingTo(Pointee pointee) {
        return new Value(OptionalLong.empty(), pointee, Shape.PLAIN, false, null);
    }

    public OptionalLong number() {
        return number;
    }

    public boolean isKnown() {
        return number.isPresent();
    }

    public long longValue() {
        return number.getAsLong();
    }

    public Optional<Pointee> pointee() {
        return Optional.ofNullable(pointee);
    }

    public Shape shape() {
        return shape;
    }

    /** What this truth value stands for, when the replay can learn it from a branch. */
    public Optional<Symbol> symbol() {
        return Optional.ofNullable(symbol);
    }

    /** True when this value was read from {@code LowPart}/{@code QuadPart} of a PHYSICAL_ADDRESS. */
    public boolean isPhysicalAddressField() {
        return physicalAddressField;
    }

    public Value withShape(Shape newShape) {
        return new Value(number, pointee, newShape, physicalAddressField, symbol);
    }

    public Value withPointee(Pointee newPointee) {
        return new Value(number, newPointee, shape, physicalAddressField, symbol);
    }

    public Value asPhysicalAddressField() {
        return new Value(number, pointee, shape, true, symbol);
    }

    /** Same provenance, other number: what a cast that truncates does. */
    public Value withNumber(OptionalLong newNumber) {
        return new Value(newNumber, pointee, shape, physicalAddressField, symbol);
    }

    /** True when nothing at all is known. */
    public boolean isUnknown() {
        return number.isEmpty() && pointee == null && shape.kind() == Shape.Kind.PLAIN && !physicalAddressField
                && symbol == null;
    }

    /** True when this is a pointer to heap block {@code block}. */
    public boolean pointsToBlock(int block) {
        return pointee instanceof Pointee.Heap heap && heap.block() == block && block > 0;
    }

    /** True when this is a pointer into region {@code regionId}. */
    public boolean pointsInto(int regionId) {
        return pointee instanceof Pointee.Region region && region.regionId() == regionId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && number.equals(v.number) && java.util.Objects.equals(pointee, v.pointee)
                && shape.kind() == v.shape.kind() && shape.amount() == v.shape.amount()
                && physicalAddressField == v.physicalAddressField && java.util.Objects.equals(symbol, v.symbol);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = java.util.Objects.hash(number, pointee, shape.kind(), shape.amount(), physicalAddressField, symbol);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        number.ifPresent(n -> text.append("0x").append(Long.toHexString(n)));
        if (pointee != null) {
            text.append(text.isEmpty() ? "" : " ").append(pointee);
        }
        if (shape.kind() != Shape.Kind.PLAIN) {
            text.append(" (").append(shape.operatorText()).append(')');
        }
        return text.isEmpty() ? "unknown" : text.toString();
    }
}
