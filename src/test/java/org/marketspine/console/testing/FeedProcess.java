package org.marketspine.console.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code spine-console feed} in a process of its own, as an operator runs it. It listens where
 * it is told, or with port 0 where the system gives it: its URL is read from the line it prints
 * ("serving … at ws://…"), never guessed by opening and closing a port beforehand.
 */
public final class FeedProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("spine feed: serving .* at (wss?://\\S+/feed)");
    private final Process process;
    private final Path output;
    private final URI url;

    private FeedProcess(Process process, Path output, URI url) {
        this.process = process;
        this.output = output;
        this.url = url;
    }

    /**
     * Starts {@code feed ARGS --port PORT} (0: any free one), its output into {@code output} (in a directory the test
     * deletes), and waits until it serves.
     */
    public static FeedProcess start(List<String> args, int port, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Its temporary files (sqlite-jdbc's native library) beside its output: a process killed with -9 cannot
                // delete them, the test's directory goes with the test.
                "-Djava.io.tmpdir=" + output.toAbsolutePath().getParent(), "-cp", System.getProperty("java.class.path"),
                "org.marketspine.console.cli.Main", "feed"));
        command.addAll(args);
        command.addAll(List.of("--port", Integer.toString(port)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        URI[] url = {null};
        try {
            Await.until("the feed process serving", Duration.ofSeconds(30), () -> {
                if (!p.isAlive()) throw new AssertionError("the feed process exited with " + p.exitValue() + ": " + read(output));
                Matcher m = SERVING.matcher(read(output));
                if (m.find()) url[0] = URI.create(m.group(1));
                return url[0] != null;
            });
        } catch (AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
        return new FeedProcess(p, output, url[0]);
    }

    private static String read(Path output) {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            throw new AssertionError("cannot read the feed's output " + output + ": " + e.getMessage(), e);
        }
    }

    public URI url() {
        return url;
    }

    public int port() {
        return url.getPort();
    }

    /** What it printed so far. */
    public String output() {
        return read(output);
    }

    public Process process() {
        return process;
    }

    /** SIGKILL, as a crash: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) kill();
    }
}
