package dev.cemap.analyzer.project;

import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.internal.core.dom.parser.ValueFactory;

/**
 * Reads the rows of an address table array from a C translation unit:
 * {@code OAL_ADDRESS_TABLE g_oalAddressTable[] = { { va, pa, mb }, …, { 0, 0, 0 } };}. The
 * values are CDT's constant evaluation of each initializer, so macros, casts and arithmetic
 * are resolved as the compiler would. Kept apart so that no CDT type leaves this class.
 */
final class CAddressTable {

    private CAddressTable() {
    }

    static List<OemAddressTable.Row> rows(IASTTranslationUnit unit, Function<IASTNode, SourceLocation> locator,
            Set<String> tableNames, List<Notification> notes) {
        List<OemAddressTable.Row> rows = new ArrayList<>();
        for (IASTDeclaration declaration : unit.getDeclarations()) {
            if (!(declaration instanceof IASTSimpleDeclaration simple)) {
                continue;
            }
            for (IASTDeclarator declarator : simple.getDeclarators()) {
                String name = declarator.getName().toString().toLowerCase(Locale.ROOT);
                IASTInitializer initializer = declarator.getInitializer();
                if (tableNames.contains(name) && initializer instanceof IASTEqualsInitializer equals
                        && equals.getInitializerClause() instanceof IASTInitializerList list) {
                    readRows(list, locator, rows, notes);
                }
            }
        }
        return rows;
    }

    private static void readRows(IASTInitializerList list, Function<IASTNode, SourceLocation> locator,
            List<OemAddressTable.Row> rows, List<Notification> notes) {
        for (IASTInitializerClause clause : list.getClauses()) {
            SourceLocation at = locator.apply(clause);
            if (!(clause instanceof IASTInitializerList row) || row.getClauses().length < 3) {
                notes.add(OemAddressTable.problem(at, "an address table row is { virtual, physical, megabytes }"));
                continue;
            }
            long[] values = new long[3];
            boolean known = true;
            for (int i = 0; i < 3; i++) {
                Number value = row.getClauses()[i] instanceof IASTExpression expression
                        ? ValueFactory.getConstantNumericalValue(expression) : null;
                if (value == null) {
                    notes.add(OemAddressTable.problem(at, "cannot evaluate '" + row.getClauses()[i].getRawSignature()
                            + "'; the row is ignored"));
                    known = false;
                    break;
                }
                values[i] = value.longValue() & 0xFFFFFFFFL;
            }
            if (!known) {
                continue;
            }
            if (values[2] == 0) {
                return; // the terminating row
            }
            rows.add(new OemAddressTable.Row(values[0], values[1], values[2], at));
        }
    }
}
