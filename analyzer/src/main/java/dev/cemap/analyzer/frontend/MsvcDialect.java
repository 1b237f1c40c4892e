package dev.cemap.analyzer.frontend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Microsoft C/C++ extensions CE drivers use, expressed as macros the GNU parser understands.
 * They are built into the scanner (not into a header) so that they work in files whose includes
 * are all missing.
 *
 * <p>Structured exception handling keeps both the guarded block and the handler, in source order:
 * <pre>
 *   __try { A } __except (f) { H }   →   if (__cemap_no_exception) { A } else if (f) { H }
 *   __try { A } __finally { F }      →   if (__cemap_no_exception) { A } { F }
 * </pre>
 * The condition is an unknown value (declared in the bundled {@code winnt.h}), so an interpreter
 * explores both the normal path and the handler; a filter that is a constant
 * ({@code EXCEPTION_EXECUTE_HANDLER}, {@code EXCEPTION_CONTINUE_SEARCH}) decides whether the
 * handler can run. In a file that uses {@code __leave}, {@code __try} also opens a
 * {@code switch (0) default:} around the guarded block and {@code __leave} is its {@code break}:
 * that is exactly "leave the guarded block and continue after it" ({@link #perFileMacros}).
 */
final class MsvcDialect {

    /** Name of the opaque "no exception was raised" flag used by the {@code __try} mapping. */
    static final String NO_EXCEPTION_FLAG = "__cemap_no_exception";

    /**
     * Characters accepted in integer literal suffixes besides {@code u}/{@code l}: {@code i}, {@code j}
     * (GNU imaginary) and the digits of MSVC's {@code i8 i16 i32 i64 ui64}.
     */
    static final char[] LITERAL_SUFFIX_CHARACTERS = "ij123468".toCharArray();

    /** Macro signature → expansion, in definition order. */
    static final Map<String, String> MACROS = macros();

    private MsvcDialect() {
    }

    /**
     * Macros that depend on the file: {@code __try} opens the {@code switch} that gives
     * {@code __leave} its target only where {@code __leave} is used, so that the common
     * {@code __try}/{@code __except} stays a plain {@code if}.
     */
    static Map<String, String> perFileMacros(String text) {
        if (!text.contains("__leave")) {
            return Map.of();
        }
        return Map.of("__try", "if (" + NO_EXCEPTION_FLAG + ") switch (0) default:");
    }

    private static Map<String, String> macros() {
        Map<String, String> m = new LinkedHashMap<>();
        // Sized integer types.
        m.put("__int8", "char");
        m.put("__int16", "short");
        m.put("__int32", "int");
        m.put("__int64", "long long");
        // Inlining.
        m.put("__inline", "inline");
        m.put("_inline", "inline");
        m.put("__forceinline", "inline");
        // Structured exception handling (see the class comment).
        m.put("__try", "if (" + NO_EXCEPTION_FLAG + ")");
        m.put("__except(...)", "else if (__VA_ARGS__)");
        m.put("__finally", "");
        m.put("__leave", "break");
        // Intrinsics that only inform the optimiser; their arguments stay visible where cheap.
        m.put("__assume(...)", "((void)(__VA_ARGS__))");
        m.put("__noop(...)", "((void)0)");
        // Attributes without meaning for the analysis.
        m.put("__declspec(...)", "");
        m.put("__pragma(...)", "");
        m.put("__based(...)", "");
        for (String word : List.of("__w64", "__ptr32", "__ptr64", "__unaligned", "__sptr", "__uptr")) {
            m.put(word, "");
        }
        // Calling conventions and the CE/Win32 macros that spell them.
        for (String word : List.of("__cdecl", "_cdecl", "__stdcall", "_stdcall", "__fastcall", "_fastcall",
                "__thiscall", "__clrcall", "__vectorcall", "WINAPI", "WINAPIV", "APIENTRY", "CALLBACK",
                "NTAPI", "PASCAL", "STDMETHODCALLTYPE", "STDAPICALLTYPE")) {
            m.put(word, "");
        }
        // Parameter annotations: DDK style, Vista-era SAL and SAL 2.
        for (String word : List.of("IN", "OUT", "OPTIONAL",
                "__in", "__out", "__inout", "__in_opt", "__out_opt", "__inout_opt", "__in_z", "__out_z",
                "__inout_z", "__in_z_opt", "__out_z_opt", "__deref_out", "__deref_out_opt", "__deref_opt_out",
                "__deref_inout", "__deref_in", "__reserved", "__callback", "__format_string", "__notnull",
                "__maybenull", "__nullterminated", "__checkReturn", "__allocator", "__out_awcount",
                "_In_", "_Out_", "_Inout_", "_In_opt_", "_Out_opt_", "_Inout_opt_", "_In_z_", "_In_opt_z_",
                "_Inout_z_", "_Outptr_", "_Outptr_opt_", "_Outptr_result_maybenull_", "_Deref_out_",
                "_Ret_", "_Ret_maybenull_", "_Ret_notnull_", "_Ret_z_", "_Check_return_",
                "_Must_inspect_result_", "_Reserved_", "_Null_terminated_", "_NullNull_terminated_",
                "_Printf_format_string_", "_Field_z_", "_Pre_valid_", "_Post_valid_", "_Pre_notnull_",
                "_Post_invalid_", "_Use_decl_annotations_", "_Notnull_", "_Maybenull_", "_Frees_ptr_",
                "_Frees_ptr_opt_", "_Post_ptr_invalid_", "_Analysis_noreturn_", "_Kernel_requires_resource_held_")) {
            m.put(word, "");
        }
        for (String word : List.of(
                "__in_bcount", "__in_ecount", "__in_bcount_opt", "__in_ecount_opt", "__in_bcount_z",
                "__in_ecount_z", "__in_xcount", "__out_bcount", "__out_ecount", "__out_bcount_opt",
                "__out_ecount_opt", "__out_bcount_part", "__out_ecount_part", "__out_bcount_part_opt",
                "__out_ecount_part_opt", "__out_bcount_full", "__out_ecount_full", "__out_bcount_z",
                "__out_ecount_z", "__out_xcount", "__inout_bcount", "__inout_ecount", "__inout_bcount_opt",
                "__inout_ecount_opt", "__inout_ecount_z", "__deref_out_bcount", "__deref_out_ecount",
                "__deref_out_bcount_opt", "__deref_out_ecount_opt", "__field_bcount", "__field_ecount",
                "__success", "__range", "__drv_when", "__drv_requiresIRQL", "__drv_maxIRQL",
                "_In_reads_", "_In_reads_opt_", "_In_reads_bytes_", "_In_reads_bytes_opt_", "_In_reads_z_",
                "_Out_writes_", "_Out_writes_opt_", "_Out_writes_bytes_", "_Out_writes_bytes_opt_",
                "_Out_writes_to_", "_Out_writes_to_opt_", "_Out_writes_bytes_to_", "_Out_writes_bytes_to_opt_",
                "_Out_writes_z_", "_Out_writes_bytes_all_", "_Inout_updates_", "_Inout_updates_opt_",
                "_Inout_updates_bytes_", "_Inout_updates_bytes_opt_", "_Inout_updates_z_",
                "_Outptr_result_bytebuffer_", "_Outptr_result_buffer_", "_Success_", "_When_", "_At_",
                "_Field_size_", "_Field_size_bytes_", "_Field_size_opt_", "_Ret_writes_", "_Ret_writes_bytes_",
                "_In_range_", "_Out_range_", "_Deref_out_range_", "_Return_type_success_", "_Acquires_lock_",
                "_Releases_lock_", "_Requires_lock_held_", "_Guarded_by_", "_Pre_satisfies_",
                "_Post_satisfies_", "_Struct_size_bytes_")) {
            m.put(word + "(...)", "");
        }
        return m;
    }
}
