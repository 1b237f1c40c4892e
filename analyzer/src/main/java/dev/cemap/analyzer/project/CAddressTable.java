package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.IntegerExpression;
import dev.cemap.analyzer.frontend.ParsedFile;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorElifStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIfdefStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIfndefStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorMacroDefinition;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.internal.core.dom.parser.ValueFactory;

/**
 * Reads the rows of an address table array from C:
 * {@code OAL_ADDRESS_TABLE g_oalAddressTable[] = { { va, pa, mb }, …, { 0, 0, 0 } };}, its values
 * evaluated by CDT as the compiler would (macros, casts, arithmetic). The compiler sees one
 * configuration of the {@code #if}s around the rows; a macro there that nothing defines is a build
 * switch, so the file is parsed once with and once without each (up to a few), and each row gets
 * the condition of the configurations it appears in. Kept apart so that no CDT type leaves this class.
 */
final class CAddressTable {

    /** Build switches tried in every combination; more than this and only the build as given is read. */
    private static final int MAX_SWITCHES = 4;
    private static final long MEGABYTE = 0x100000L;

    private CAddressTable() {
    }

    static List<OemAddressTable.Row> rows(Path file, FrontEnd frontEnd, List<Notification> notes) {
        ParsedFile parsed = frontEnd.parse(file);
        if (parsed.translationUnit().isEmpty()) {
            return List.of();
        }
        IASTTranslationUnit unit = parsed.translationUnit().get();
        List<OemAddressTable.Row> asGiven = rowsOf(unit, parsed, notes);
        List<String> switches = switchesAround(unit);
        if (asGiven.isEmpty() || switches.isEmpty() || switches.size() > MAX_SWITCHES) {
            return asGiven;
        }
        // Row (without its condition) → the configurations it appears in.
        Map<OemAddressTable.Row, Condition> seen = new LinkedHashMap<>();
        for (int mask = 0; mask < 1 << switches.size(); mask++) {
            Map<String, String> defines = new HashMap<>();
            Condition when = Condition.ALWAYS;
            for (int i = 0; i < switches.size(); i++) {
                boolean set = (mask & (1 << i)) != 0;
                if (set) {
                    defines.put(switches.get(i), "1");
                }
                when = when.and(set ? Condition.set(switches.get(i)) : Condition.set(switches.get(i)).not());
            }
            ParsedFile configuration = mask == 0 ? parsed : frontEnd.withDefines(defines).parse(file);
            List<OemAddressTable.Row> found = configuration.translationUnit()
                    .map(u -> rowsOf(u, configuration, new ArrayList<>())).orElse(List.of());
            for (OemAddressTable.Row row : found) {
                seen.merge(row, when, Condition::or);
            }
        }
        List<OemAddressTable.Row> rows = new ArrayList<>();
        seen.forEach((row, when) -> rows.add(new OemAddressTable.Row(row.virtualBase(), row.physicalBase(),
                row.sizeBytes(), row.location(), row.table(), when)));
        return rows;
    }

    /** Identifiers of the {@code #if}s inside the table that no macro of the translation unit defines. */
    private static List<String> switchesAround(IASTTranslationUnit unit) {
        Set<String> defined = new LinkedHashSet<>();
        for (IASTPreprocessorMacroDefinition macro : unit.getMacroDefinitions()) {
            defined.add(macro.getName().toString());
        }
        for (IASTPreprocessorMacroDefinition macro : unit.getBuiltinMacroDefinitions()) {
            defined.add(macro.getName().toString());
        }
        List<int[]> tables = new ArrayList<>();
        forEachTable(unit, (declarator, list) -> {
            IASTFileLocation at = list.getFileLocation();
            if (at != null) {
                tables.add(new int[] {at.getNodeOffset(), at.getNodeOffset() + at.getNodeLength()});
            }
        });
        Set<String> switches = new LinkedHashSet<>();
        for (IASTPreprocessorStatement statement : unit.getAllPreprocessorStatements()) {
            IASTFileLocation at = statement.getFileLocation();
            char[] condition = condition(statement);
            if (at == null || condition == null || !statement.isPartOfTranslationUnitFile() || tables.stream()
                    .noneMatch(range -> at.getNodeOffset() >= range[0] && at.getNodeOffset() < range[1])) {
                continue;
            }
            for (String name : IntegerExpression.identifiers(new String(condition))) {
                if (!defined.contains(name)) {
                    switches.add(name);
                }
            }
        }
        return new ArrayList<>(switches);
    }

    private static char[] condition(IASTPreprocessorStatement statement) {
        if (statement instanceof IASTPreprocessorIfStatement s) {
            return s.getCondition();
        }
        if (statement instanceof IASTPreprocessorElifStatement s) {
            return s.getCondition();
        }
        if (statement instanceof IASTPreprocessorIfdefStatement s) {
            return s.getCondition();
        }
        if (statement instanceof IASTPreprocessorIfndefStatement s) {
            return s.getCondition();
        }
        return null;
    }

    private interface TableVisitor {
        void visit(IASTDeclarator declarator, IASTInitializerList list);
    }

    private static void forEachTable(IASTTranslationUnit unit, TableVisitor visitor) {
        for (IASTDeclaration declaration : unit.getDeclarations()) {
            if (!(declaration instanceof IASTSimpleDeclaration simple)) {
                continue;
            }
            for (IASTDeclarator declarator : simple.getDeclarators()) {
                String name = declarator.getName().toString().toLowerCase(Locale.ROOT);
                IASTInitializer initializer = declarator.getInitializer();
                if ((name.startsWith("g_oaladdresstable") || name.startsWith("oemaddresstable"))
                        && initializer instanceof IASTEqualsInitializer equals
                        && equals.getInitializerClause() instanceof IASTInitializerList list) {
                    visitor.visit(declarator, list);
                }
            }
        }
    }

    private static List<OemAddressTable.Row> rowsOf(IASTTranslationUnit unit, ParsedFile parsed, List<Notification> notes) {
        List<OemAddressTable.Row> rows = new ArrayList<>();
        forEachTable(unit, (declarator, list) -> readRows(declarator.getName().toString(), list, parsed, rows, notes));
        return rows;
    }

    private static void readRows(String table, IASTInitializerList list, ParsedFile parsed,
            List<OemAddressTable.Row> rows, List<Notification> notes) {
        for (IASTInitializerClause clause : list.getClauses()) {
            SourceLocation at = parsed.locationOf(clause);
            if (!(clause instanceof IASTInitializerList row) || row.getClauses().length < 3) {
                notes.add(OemAddressTable.problem(at, "an address table row is { virtual, physical, megabytes }"));
                continue;
            }
            long[] values = new long[3];
            boolean known = true;
            for (int i = 0; i < 3 && known; i++) {
                Number value = row.getClauses()[i] instanceof IASTExpression expression
                        ? ValueFactory.getConstantNumericalValue(expression) : null;
                if (value == null) {
                    notes.add(OemAddressTable.problem(at, "cannot evaluate '" + row.getClauses()[i].getRawSignature()
                            + "'; the row is ignored"));
                    known = false;
                } else {
                    values[i] = value.longValue() & 0xFFFFFFFFL;
                }
            }
            if (!known) {
                continue;
            }
            if (values[2] == 0) {
                return; // the terminating row
            }
            rows.add(new OemAddressTable.Row(values[0], values[1], values[2] * MEGABYTE, at,
                    table + " in " + at.file().getFileName(), Condition.ALWAYS));
        }
    }
}
