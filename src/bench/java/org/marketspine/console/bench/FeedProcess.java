package org.marketspine.console.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-alone feed server in a process of its own ({@code spine-console feed …}), so that it can
 * be killed as a crash kills it ({@code kill -9}: no shutdown hook, no clean close). Its log goes to
 * a file; its URL is read from the line where it says where it serves.
 */
final class FeedProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving .* at (ws://[^ ]+)");

    private final Process process;
    private final CompletableFuture<String> url = new CompletableFuture<>();

    private FeedProcess(Process process, Path log) {
        this.process = process;
        Thread.ofPlatform().daemon().name("feed-process-log").start(() -> copy(log));
    }

    /** Starts {@code spine-console feed <args>} with this JVM's class path and {@code env} added to the environment. */
    static FeedProcess start(List<String> args, java.util.Map<String, String> env, Path dataDir, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dspine.console.data=" + dataDir,
                "-cp", System.getProperty("java.class.path"), "org.marketspine.console.cli.Main", "feed"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Files.createDirectories(dataDir);
        return new FeedProcess(pb.start(), log);
    }

    private void copy(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                Matcher m = SERVING.matcher(line);
                if (!url.isDone() && m.find()) url.complete(m.group(1));
            }
        } catch (IOException e) {
            url.completeExceptionally(e);
        }
        if (!url.isDone()) url.completeExceptionally(new IllegalStateException("the feed process ended before it served; see " + log));
    }

    /** The feed's URL, once it listens. */
    String url(long timeoutSeconds) throws Exception {
        return url.get(timeoutSeconds, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: the process gets no chance to close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
    }
}
