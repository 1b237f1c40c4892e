package dev.cemap.cli;

import dev.cemap.rules.Rule;
import dev.cemap.rules.ScanReport;
import dev.cemap.rules.ScanRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs {@link Main#run} in-process with a stand-in scanner and records what happened. */
final class CliRunner {

    private final Function<ScanRequest, ScanReport> scanner;
    private final Supplier<List<Rule>> rules;
    final List<ScanRequest> requests = new ArrayList<>();
    /** The rule ids each scan was asked to run. */
    final List<List<String>> ruleIds = new ArrayList<>();
    /** The thread count each scan was given. */
    final List<Integer> threads = new ArrayList<>();

    CliRunner(Function<ScanRequest, ScanReport> scanner) {
        this(scanner, SampleRules::all);
    }

    CliRunner(Function<ScanRequest, ScanReport> scanner, Supplier<List<Rule>> rules) {
        this.scanner = scanner;
        this.rules = rules;
    }

    Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Backend backend = new Backend((request, enabledRules, threadCount, progress) -> {
            requests.add(request);
            ruleIds.add(enabledRules.stream().map(rule -> rule.info().id()).toList());
            threads.add(threadCount);
            return scanner.apply(request);
        }, rules);
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = Main.run(backend, outStream, errStream, args);
        }
        return new Outcome(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    record Outcome(int exitCode, byte[] stdoutBytes, String stderr) {

        String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        List<String> stdoutLines() {
            return stdout().lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }
}
