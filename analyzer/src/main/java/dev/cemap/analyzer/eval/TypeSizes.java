package dev.cemap.analyzer.eval;

import java.util.OptionalLong;
import org.eclipse.cdt.core.dom.ast.IArrayType;
import org.eclipse.cdt.core.dom.ast.IBasicType;
import org.eclipse.cdt.core.dom.ast.ICompositeType;
import org.eclipse.cdt.core.dom.ast.IEnumeration;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.IValue;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPMethod;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPReferenceType;

/**
 * Sizes and alignments of C types as the CE compilers lay them out: 32-bit pointers, LLP64
 * integers ({@code long} is 4 bytes), natural alignment. CDT's own calculator uses the host's
 * data model, which would make {@code sizeof(PVOID)} 8 here.
 */
public final class TypeSizes {

    static final int POINTER_SIZE = 4;
    private static final int MAX_DEPTH = 32;

    private TypeSizes() {
    }

    public static OptionalLong sizeOf(IType type) {
        Layout layout = layout(type, 0);
        return layout == null ? OptionalLong.empty() : OptionalLong.of(layout.size);
    }

    /** The size of what a pointer-typed expression points to; empty for void or unknown. */
    public static OptionalLong pointeeSize(IType pointerType) {
        IType target = unwrap(pointerType);
        if (target instanceof IPointerType pointer) {
            IType element = unwrap(pointer.getType());
            if (element instanceof IBasicType basic && basic.getKind() == IBasicType.Kind.eVoid) {
                return OptionalLong.of(1); // MSVC rejects void* arithmetic; GCC and CE code using it mean bytes
            }
            return sizeOf(element);
        }
        if (target instanceof IArrayType array) {
            return sizeOf(array.getType());
        }
        return OptionalLong.empty();
    }

    /** True when values of this type are pointers (after typedefs and qualifiers). */
    public static boolean isPointer(IType type) {
        IType target = unwrap(type);
        return target instanceof IPointerType || target instanceof IArrayType;
    }

    /** The width in bits of an integral type, or 0 when the type is not a known integer/pointer. */
    public static int integerBits(IType type) {
        IType target = unwrap(type);
        if (target instanceof IPointerType) {
            return POINTER_SIZE * 8;
        }
        if (target instanceof IEnumeration) {
            return 32;
        }
        if (target instanceof IBasicType basic) {
            return switch (basic.getKind()) {
                case eChar, eBoolean -> 8;
                case eWChar, eChar16 -> 16;
                case eInt, eUnspecified, eChar32 -> (int) basicSize(basic) * 8;
                default -> 0;
            };
        }
        return 0;
    }

    /** True for an array type, through typedefs and qualifiers. */
    public static boolean isArray(IType type) {
        return unwrap(type) instanceof org.eclipse.cdt.core.dom.ast.IArrayType;
    }

    static IType unwrap(IType type) {
        IType current = type;
        for (int i = 0; i < MAX_DEPTH && current != null; i++) {
            if (current instanceof ITypedef typedef) {
                current = typedef.getType();
            } else if (current instanceof IQualifierType qualified) {
                current = qualified.getType();
            } else if (current instanceof ICPPReferenceType reference) {
                current = reference.getType();
            } else {
                return current;
            }
        }
        return current;
    }

    private record Layout(long size, long alignment) {
    }

    private static Layout layout(IType type, int depth) {
        if (depth > MAX_DEPTH || type == null) {
            return null;
        }
        IType target = unwrap(type);
        if (target instanceof IBasicType basic) {
            long size = basicSize(basic);
            return size <= 0 ? null : new Layout(size, Math.min(size, 8));
        }
        if (target instanceof IPointerType) {
            return new Layout(POINTER_SIZE, POINTER_SIZE);
        }
        if (target instanceof IEnumeration) {
            return new Layout(4, 4);
        }
        if (target instanceof IArrayType array) {
            Layout element = layout(array.getType(), depth + 1);
            IValue count = array.getSize();
            Number n = count == null ? null : count.numberValue();
            if (element == null || n == null || n.longValue() < 0) {
                return null;
            }
            return new Layout(element.size * n.longValue(), element.alignment);
        }
        if (target instanceof ICompositeType composite) {
            return compositeLayout(composite, depth);
        }
        return null;
    }

    private static Layout compositeLayout(ICompositeType composite, int depth) {
        if (composite instanceof ICPPClassType cls && (hasVirtualMethods(cls) || cls.getBases().length > 0)) {
            return null; // vtable pointers and base layout: not a "simple known type"
        }
        boolean union = composite.getKey() == ICompositeType.k_union;
        long offset = 0;
        long size = 0;
        long alignment = 1;
        for (IField field : composite.getFields()) {
            if (field.isStatic()) {
                continue;
            }
            Layout member = layout(field.getType(), depth + 1);
            if (member == null) {
                return null;
            }
            alignment = Math.max(alignment, member.alignment);
            if (union) {
                size = Math.max(size, member.size);
            } else {
                offset = align(offset, member.alignment) + member.size;
                size = offset;
            }
        }
        if (size == 0) {
            return composite.getFields().length == 0 ? new Layout(1, 1) : null;
        }
        return new Layout(align(size, alignment), alignment);
    }

    private static boolean hasVirtualMethods(ICPPClassType cls) {
        for (ICPPMethod method : cls.getDeclaredMethods()) {
            if (method.isVirtual()) {
                return true;
            }
        }
        return false;
    }

    private static long align(long offset, long alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    private static long basicSize(IBasicType basic) {
        return switch (basic.getKind()) {
            case eChar, eBoolean -> 1;
            case eWChar, eChar16 -> 2;
            case eChar32, eFloat -> 4;
            case eDouble -> 8;
            case eInt128 -> 16;
            case eInt, eUnspecified -> {
                if (basic.isShort()) {
                    yield 2;
                }
                if (basic.isLongLong()) {
                    yield 8;
                }
                yield 4; // int and long are both 32 bits on CE
            }
            default -> 0;
        };
    }
}
