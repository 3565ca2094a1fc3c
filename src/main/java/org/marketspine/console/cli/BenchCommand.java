package org.marketspine.console.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marketspine.console.bench.FailoverBenchmark;
import org.marketspine.console.bench.FanOutBenchmark;
import org.marketspine.console.bench.FeedBenchmarks;
import org.marketspine.console.ui.bench.GridBenchmark;
import org.marketspine.console.ui.bench.LineageBenchmark;
import org.marketspine.console.ui.bench.UiBenchmarks;
import org.marketspine.console.ui.bench.WallSoak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spine-console bench [ID…]}: the budgets of BUDGETS.md, each printed as {@code BENCH <id> <value> <unit>}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run the benchmarks (all by default).")
final class BenchCommand implements Callable<Integer> {
    private static final List<String> AVAILABLE = List.of("P1", "P2", "P3", "P4", "P6", "P7", "P8", "P8V", "P9", "P10", "P11", "P12", "P13", "P14");
    private static final List<String> LATER = List.of("P5");

    @Parameters(arity = "0..*", description = "Benchmark ids, e.g. P3 P6 (default: all in this build).") List<String> ids;

    @Option(names = "--clients", defaultValue = "1000", description = "P13: clients replaying, then timing live events (default ${DEFAULT-VALUE}).") int clients;

    @Option(names = "--burst", defaultValue = "2000", description = "P13: clients connecting at once at its end (default ${DEFAULT-VALUE}).") int burst;

    @Option(names = "--journal-url", paramLabel = "URL", description = "P14: a PostgreSQL database for two feed servers' shared journal"
            + " (a schema is made and dropped in it); user and password from SPINE_DB_USER / SPINE_DB_PASSWORD.") String journalUrl;

    @Override
    public Integer call() throws Exception {
        FeedBenchmarks b = new FeedBenchmarks(System.out, FeedBenchmarks.workDir());
        List<String> run = ids == null || ids.isEmpty() ? AVAILABLE : ids;
        int unknown = 0;
        for (String raw : run) {
            String id = raw.toUpperCase(Locale.ROOT);
            switch (id) {
                case "P1", "P2", "P7", "P10", "P11" -> {
                    if (!UiBenchmarks.hasDisplay()) {
                        System.out.println("BENCH " + id + " skipped: needs a display (run under xvfb-run)");
                    } else if (id.equals("P1")) {
                        new UiBenchmarks(System.out).p1(jar());
                    } else if (id.equals("P2")) {
                        new UiBenchmarks(System.out).p2();
                    } else if (id.equals("P7")) {
                        new LineageBenchmark(System.out).run();
                    } else if (id.equals("P11")) {
                        new GridBenchmark(System.out).run();
                    } else {
                        new WallSoak(System.out).run(jar());
                    }
                }
                case "P3" -> b.p3();
                case "P4" -> b.p4();
                case "P6" -> b.p6();
                case "P8" -> b.p8();
                case "P8V" -> b.p8v();
                case "P9" -> b.p9();
                case "P12" -> b.p12();
                case "P13" -> new FanOutBenchmark(System.out, FeedBenchmarks.workDir()).run(clients, burst);
                case "P14" -> {
                    if (journalUrl == null) {
                        System.out.println("BENCH P14 skipped: give --journal-url jdbc:postgresql://host/db (a database the benchmark"
                                + " may create a schema in; user and password from SPINE_DB_USER / SPINE_DB_PASSWORD)");
                    } else {
                        new FailoverBenchmark(System.out, FeedBenchmarks.workDir(), journalUrl, System.getenv("SPINE_DB_USER"),
                                System.getenv("SPINE_DB_PASSWORD")).run();
                    }
                }
                default -> {
                    if (LATER.stream().anyMatch(l -> l.equalsIgnoreCase(id))) {
                        System.out.println("BENCH " + id + " skipped: not measured by this build (see BUDGETS.md)");
                    } else {
                        System.err.println("unknown benchmark '" + raw + "'; known: " + AVAILABLE);
                        unknown++;
                    }
                }
            }
        }
        return unknown == 0 ? 0 : 2;
    }

    /** The jar this command runs from, for benchmarks that start a fresh process. */
    private static Path jar() throws URISyntaxException {
        return Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
