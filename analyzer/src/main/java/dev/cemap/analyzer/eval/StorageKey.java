package dev.cemap.analyzer.eval;

/**
 * Where a value lives: a variable, a field reached through a variable ({@code pDev->pRegs},
 * {@code g_ctx.pv}), a member of {@code this}, or an element. Keys let the replay follow a
 * reservation through locals, globals, struct fields and C++ members.
 */
public sealed interface StorageKey {

    /**
     * A variable with static storage, by name: the same global is a different binding in each
     * translation unit that declares it. {@code scope} tells apart variables of internal linkage
     * (a file-scope or function {@code static}): it is the file that declares them, and "" for a
     * variable of external linkage.
     */
    record Global(String name, String scope) implements StorageKey {

        public Global(String name) {
            this(name, "");
        }

        /** True for a {@code static} of a file other than {@code file}: what it holds is that file's code's. */
        public boolean isPrivateToAnotherFile(java.nio.file.Path file) {
            return !scope.isEmpty() && !java.nio.file.Path.of(scope).equals(file);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A local variable or parameter of a replayed body. {@code id} tells apart locals that share a
     * name (a parameter {@code p} of the function and one of a helper replayed inside it).
     */
    record Local(String name, int id) implements StorageKey {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code owner->name} or {@code owner.name}: the replay does not distinguish them. */
    record Field(StorageKey owner, String name) implements StorageKey {
        @Override
        public String toString() {
            return owner + "->" + name;
        }
    }

    /** A heap block the replay allocated: what is stored through any pointer to it. */
    record Block(int id) implements StorageKey {
        @Override
        public String toString() {
            return "heap block " + id;
        }
    }

    /** The object of a C++ member function: {@code this->m_p} and plain {@code m_p} meet here. */
    record This() implements StorageKey {
        @Override
        public String toString() {
            return "this";
        }
    }

    /** {@code owner[index]} with a known index, or {@code *owner} (index 0). */
    record Element(StorageKey owner, long index) implements StorageKey {
        /** The index of an element the replay cannot tell: some element of {@code owner}. */
        public static final long SOME = Long.MIN_VALUE;

        @Override
        public String toString() {
            return owner + (index == SOME ? "[i]" : "[" + index + "]");
        }
    }

    /** The local, global or {@code this} this key is reached from. */
    default StorageKey root() {
        StorageKey current = this;
        while (true) {
            if (current instanceof Field field) {
                current = field.owner();
            } else if (current instanceof Element element) {
                current = element.owner();
            } else {
                return current;
            }
        }
    }

    /** This key with its prefix {@code from} replaced by {@code to}; itself when it does not start so. */
    default StorageKey rebased(StorageKey from, StorageKey to) {
        if (equals(from)) {
            return to;
        }
        if (this instanceof Field field) {
            StorageKey owner = field.owner().rebased(from, to);
            return owner == field.owner() ? this : new Field(owner, field.name());
        }
        if (this instanceof Element element) {
            StorageKey owner = element.owner().rebased(from, to);
            return owner == element.owner() ? this : new Element(owner, element.index());
        }
        return this;
    }

    /** True when {@code other} is this key or is reached through it. */
    default boolean isPrefixOf(StorageKey other) {
        StorageKey current = other;
        while (current != null) {
            if (current.equals(this)) {
                return true;
            }
            if (current instanceof Field field) {
                current = field.owner();
            } else if (current instanceof Element element) {
                current = element.owner();
            } else {
                current = null;
            }
        }
        return false;
    }
}
