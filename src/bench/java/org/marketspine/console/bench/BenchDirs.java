package org.marketspine.console.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary directories of a benchmark run (journals, caches, data directories: P10's alone was
 * ~200 MB), deleted when the benchmark JVM exits so that repeated runs do not fill the disk.
 */
public final class BenchDirs {
    private static final List<Path> MADE = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MADE.forEach(BenchDirs::deleteTree), "bench-dirs-cleanup"));
    }

    private BenchDirs() {}

    public static Path temporary(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        MADE.add(dir);
        return dir;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("benchmark: could not delete " + dir + " (" + e.getMessage() + ")");
        }
    }
}
