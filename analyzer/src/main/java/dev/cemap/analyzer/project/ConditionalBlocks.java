package dev.cemap.analyzer.project;

import dev.cemap.analyzer.model.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The open {@code #if}/{@code IF} blocks of a build file being read, each with the condition of
 * the branch being read. A line's condition is that of every enclosing branch together; a branch
 * whose condition cannot hold is skipped. {@code #elif}/{@code #else} take what the earlier
 * branches left: {@code #if A … #elif B … #else} reads its branches under {@code A}, {@code !A && B}
 * and {@code !A && !B}.
 */
final class ConditionalBlocks {

    /** Which syntax opened a block: they close only their own kind. */
    enum Kind {
        /** {@code #if}, {@code #ifdef}, {@code #ifndef}: closed by {@code #endif}. */
        PREPROCESSOR("#if", "#endif"),
        /** romimage's and cefilter's {@code IF}: closed by {@code ENDIF}. */
        CEFILTER("IF", "ENDIF"),
        /** The condition an {@code #include} was read under; closed when the file ends. */
        INCLUDE("#include", "the end of the file");

        final String opening;
        final String closing;

        Kind(String opening, String closing) {
            this.opening = opening;
            this.closing = closing;
        }
    }

    /** One open block. */
    static final class Block {
        final Kind kind;
        final SourceLocation opened;
        /** The condition of the branch being read, enclosing blocks included. */
        Condition current;
        /** The enclosing blocks' condition. */
        final Condition enclosing;
        /** What no earlier branch has taken yet. */
        Condition remaining;
        int branchIndex;

        Block(Kind kind, SourceLocation opened, Condition enclosing, Condition first) {
            this.kind = kind;
            this.opened = opened;
            this.enclosing = enclosing;
            this.current = enclosing.and(first);
            this.remaining = first.not();
        }
    }

    private final Deque<Block> blocks = new ArrayDeque<>();

    /** The condition lines are read under now. */
    Condition current() {
        return blocks.isEmpty() ? Condition.ALWAYS : blocks.peek().current;
    }

    /** Whether the lines read now can be part of the image. */
    boolean isActive() {
        return current().isPossible();
    }

    /** Whether the innermost block's surroundings are read: an {@code #elif} there needs deciding. */
    boolean isEnclosingActive() {
        return blocks.isEmpty() || blocks.peek().enclosing.isPossible();
    }

    void open(Kind kind, SourceLocation at, Condition condition) {
        blocks.push(new Block(kind, at, current(), isActive() ? condition : Condition.NEVER));
    }

    /** {@code #elif} / {@code #else} / {@code ELSE}; false when the innermost block is not of this kind. */
    boolean nextBranch(Kind kind, Condition condition) {
        Block block = blocks.peek();
        if (block == null || block.kind != kind) {
            return false;
        }
        Condition taken = block.remaining.and(condition);
        block.current = block.enclosing.and(taken);
        block.remaining = block.remaining.and(condition.not());
        block.branchIndex++;
        return true;
    }

    /** {@code #endif} / {@code ENDIF}; false when the innermost block is not of this kind. */
    boolean close(Kind kind) {
        Block block = blocks.peek();
        if (block == null || block.kind != kind) {
            return false;
        }
        blocks.pop();
        return true;
    }

    int depth() {
        return blocks.size();
    }

    /** Closes every block above {@code depth}, returning the ones a file left open (not include frames). */
    List<Block> unwindTo(int depth) {
        List<Block> unclosed = new ArrayList<>();
        while (blocks.size() > depth) {
            Block block = blocks.pop();
            if (block.kind != Kind.INCLUDE) {
                unclosed.add(block);
            }
        }
        return unclosed;
    }

    /**
     * The identity of the enclosing branches ({@code 12.0/30.1}), so that values written in the
     * same {@code #if} branch can be paired (IoBase with its IoLen).
     */
    String branch() {
        List<Block> outermostFirst = new ArrayList<>(blocks);
        Collections.reverse(outermostFirst);
        return outermostFirst.stream().filter(b -> b.kind != Kind.INCLUDE)
                .map(b -> b.opened.line() + "." + b.branchIndex).collect(Collectors.joining("/"));
    }
}
