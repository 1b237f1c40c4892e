package dev.cemap.analyzer.frontend;

import java.util.Map;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.dom.ast.gnu.cpp.GPPLanguage;
import org.eclipse.cdt.core.dom.parser.IScannerExtensionConfiguration;
import org.eclipse.cdt.core.dom.parser.c.GCCScannerExtensionConfiguration;
import org.eclipse.cdt.core.dom.parser.cpp.GPPScannerExtensionConfiguration;
import org.eclipse.cdt.core.model.AbstractLanguage;
import org.eclipse.cdt.core.parser.IScannerInfo;

/**
 * CDT's GNU C and C++ languages with the MSVC dialect built into their scanners. The instances are
 * immutable and safe to share between threads; everything stateful is created per parse.
 */
final class CeLanguages {

    private static final AbstractLanguage C = new CeC();
    private static final AbstractLanguage CPP = new CeCpp();

    private CeLanguages() {
    }

    static AbstractLanguage of(SourceLanguage language) {
        return language == SourceLanguage.CPP ? CPP : C;
    }

    private static final class CeC extends GCCLanguage {
        private static final IScannerExtensionConfiguration SCANNER = new CScanner();

        @Override
        protected IScannerExtensionConfiguration getScannerExtensionConfiguration(IScannerInfo info) {
            return SCANNER;
        }
    }

    private static final class CeCpp extends GPPLanguage {
        private static final IScannerExtensionConfiguration SCANNER = new CppScanner();

        @Override
        protected IScannerExtensionConfiguration getScannerExtensionConfiguration(IScannerInfo info) {
            return SCANNER;
        }
    }

    private static final class CScanner extends GCCScannerExtensionConfiguration {
        CScanner() {
            for (Map.Entry<String, String> macro : MsvcDialect.MACROS.entrySet()) {
                addMacro(macro.getKey(), macro.getValue());
            }
        }

        @Override
        public char[] supportAdditionalNumericLiteralSuffixes() {
            return MsvcDialect.LITERAL_SUFFIX_CHARACTERS.clone();
        }
    }

    private static final class CppScanner extends GPPScannerExtensionConfiguration {
        CppScanner() {
            for (Map.Entry<String, String> macro : MsvcDialect.MACROS.entrySet()) {
                addMacro(macro.getKey(), macro.getValue());
            }
        }

        @Override
        public char[] supportAdditionalNumericLiteralSuffixes() {
            return MsvcDialect.LITERAL_SUFFIX_CHARACTERS.clone();
        }
    }
}
