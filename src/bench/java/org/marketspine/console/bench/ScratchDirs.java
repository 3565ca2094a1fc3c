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
 * Temporary directories of a run (journals, caches, data directories: P10's alone was ~200 MB),
 * deleted when the JVM exits so that repeated runs do not fill the disk. The benchmarks use it, and
 * so do the tests whose directories outlive one test (a runtime started once per class).
 */
public final class ScratchDirs {
    private static final List<Path> MADE = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MADE.forEach(ScratchDirs::deleteTree), "bench-dirs-cleanup"));
    }

    private ScratchDirs() {}

    public static Path temporary(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        MADE.add(dir);
        return dir;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the temporary directory " + dir + " (" + e.getMessage() + ")");
        }
    }
}
