package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.eval.ExpressionEvaluator;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * How a driver reads its windows from its registry key, answered from the key the replay
 * assumes: CEDDK's {@code DDKReg_GetWindowInfo(hKey, &wini)} fills a {@code DDKWINDOWINFO}, and
 * {@code RegQueryValueEx(hKey, L"IoBase", ..., (LPBYTE)&dw, ...)} reads one value.
 */
final class RegistryReads {

    private static final int ERROR_SUCCESS = 0;

    private RegistryReads() {
    }

    static boolean isWindowRead(String callee) {
        return callee.equals("DDKReg_GetWindowInfo") || callee.equals("RegQueryValueEx")
                || callee.equals("RegQueryValueExW");
    }

    static Value answer(String callee, IASTInitializerClause[] arguments, DeviceWindows windows,
            ExpressionEvaluator evaluator, ReplayState state) {
        if (callee.equals("DDKReg_GetWindowInfo")) {
            if (arguments.length == 2) {
                target(arguments[1], evaluator).ifPresent(info -> fillWindowInfo(info, windows, state));
            }
            return Value.of(ERROR_SUCCESS);
        }
        if (arguments.length >= 5) {
            Optional<Long> value = namedValue(arguments[1].getRawSignature(), windows);
            Optional<StorageKey> buffer = target(arguments[4], evaluator);
            if (value.isPresent() && buffer.isPresent()) {
                state.write(buffer.get(), Value.of(value.get()));
                return Value.of(ERROR_SUCCESS);
            }
        }
        return Value.unknown();
    }

    /** DDKWINDOWINFO: dwNumIoWindows, ioWindows[] {dwBase, dwLen}, dwNumMemWindows, memWindows[]. */
    private static void fillWindowInfo(StorageKey info, DeviceWindows windows, ReplayState state) {
        fill(state, info, "dwNumIoWindows", "ioWindows", windows.io());
        fill(state, info, "dwNumMemWindows", "memWindows", windows.memory());
    }

    private static void fill(ReplayState state, StorageKey info, String count, String array,
            List<DeviceWindows.Range> ranges) {
        state.write(new StorageKey.Field(info, count), Value.of(ranges.size()));
        for (int i = 0; i < ranges.size(); i++) {
            StorageKey element = new StorageKey.Element(new StorageKey.Field(info, array), i);
            state.write(new StorageKey.Field(element, "dwBase"), Value.of(ranges.get(i).base()));
            state.write(new StorageKey.Field(element, "dwLen"), Value.of(ranges.get(i).length()));
        }
    }

    /** The first IoBase / IoLen / MemBase / MemLen, by the value name written in the call. */
    private static Optional<Long> namedValue(String nameArgument, DeviceWindows windows) {
        String name = nameArgument.toLowerCase(Locale.ROOT);
        if (name.contains("\"iobase\"") && !windows.io().isEmpty()) {
            return Optional.of(windows.io().get(0).base());
        }
        if (name.contains("\"iolen\"") && !windows.io().isEmpty()) {
            return Optional.of(windows.io().get(0).length());
        }
        if (name.contains("\"membase\"") && !windows.memory().isEmpty()) {
            return Optional.of(windows.memory().get(0).base());
        }
        if (name.contains("\"memlen\"") && !windows.memory().isEmpty()) {
            return Optional.of(windows.memory().get(0).length());
        }
        return Optional.empty();
    }

    /** What an out-argument points at: {@code &x}, {@code (LPBYTE)&x} or a pointer {@code p}. */
    static Optional<StorageKey> target(IASTInitializerClause argument, ExpressionEvaluator evaluator) {
        if (!(argument instanceof IASTExpression expression)) {
            return Optional.empty();
        }
        IASTExpression e = ExpressionEvaluator.stripParentheses(expression);
        while (e instanceof IASTCastExpression cast) {
            e = ExpressionEvaluator.stripParentheses(cast.getOperand());
        }
        if (e instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_amper) {
            return evaluator.storageOf(unary.getOperand());
        }
        return evaluator.storageOf(e);
    }
}
