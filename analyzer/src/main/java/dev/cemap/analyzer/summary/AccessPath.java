package dev.cemap.analyzer.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * A place a function can reach from outside itself: a parameter's value or what it points to
 * ({@code p}, {@code p->pRegs}, {@code p->cfg.base}), the object's members ({@code this->m_pRegs}),
 * or a global. {@code "*"} as the last field stands for everything reached through the path.
 *
 * @param root       where the path starts
 * @param parameter  the parameter's index, for {@link Root#PARAMETER}
 * @param global     the global's name, for {@link Root#GLOBAL}
 * @param scope      for a {@code static} global, the file that declares it; else ""
 * @param fields     the fields followed, outermost first
 */
public record AccessPath(Root root, int parameter, String global, String scope, List<String> fields) {

    /** Paths are cut here: deeper fields become {@link #ANY}. */
    static final int MAX_FIELDS = 3;
    public static final String ANY = "*";

    public enum Root { PARAMETER, THIS, GLOBAL }

    public AccessPath {
        fields = List.copyOf(fields);
    }

    public static AccessPath parameter(int index) {
        return new AccessPath(Root.PARAMETER, index, "", "", List.of());
    }

    public static AccessPath self() {
        return new AccessPath(Root.THIS, -1, "", "", List.of());
    }

    public static AccessPath global(String name, String scope) {
        return new AccessPath(Root.GLOBAL, -1, name, scope, List.of());
    }

    /** This path followed by one more field; past {@link #MAX_FIELDS}, everything below. */
    public AccessPath field(String name) {
        if (endsAnywhere()) {
            return this;
        }
        List<String> longer = new ArrayList<>(fields);
        longer.add(fields.size() >= MAX_FIELDS ? ANY : name);
        return new AccessPath(root, parameter, global, scope, longer);
    }

    /** This path with {@code prefix}'s root and fields in place of its own root. */
    public AccessPath under(AccessPath prefix) {
        AccessPath result = prefix;
        for (String field : fields) {
            result = result.field(field);
        }
        return result;
    }

    /** The value of the root itself (a pointer, a global), not something reached through it. */
    public boolean isValue() {
        return fields.isEmpty();
    }

    public boolean endsAnywhere() {
        return !fields.isEmpty() && fields.get(fields.size() - 1).equals(ANY);
    }

    @Override
    public String toString() {
        String start = switch (root) {
            case PARAMETER -> "param" + parameter;
            case THIS -> "this";
            case GLOBAL -> global;
        };
        return fields.isEmpty() ? start : start + "->" + String.join("->", fields);
    }
}
