package org.marketspine.console.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The critical failures an operator has marked as seen, for one feed: kept beside that feed's
 * cache, newest first, the latest {@value #LIMIT}. Another feed's ids never mix in, and the
 * oldest acknowledgement is the one that falls off — not whichever id sorts last.
 */
public final class AcknowledgedFailures {
    private static final Logger LOG = Logger.getLogger(AcknowledgedFailures.class.getName());
    static final int LIMIT = 500;

    private final Path file;
    private final LinkedHashSet<String> newestFirst = new LinkedHashSet<>();

    private AcknowledgedFailures(Path file) {
        this.file = file;
    }

    /** The acknowledgements kept in {@code file} (one id per line, newest first); an unreadable file is set aside, not fatal. */
    public static AcknowledgedFailures open(Path file) {
        AcknowledgedFailures a = new AcknowledgedFailures(file);
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String id = line.strip();
                    if (!id.isEmpty() && a.newestFirst.size() < LIMIT) a.newestFirst.add(id);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot read the acknowledged failures in " + file + "; they will show as pinned again", e);
            }
        }
        return a;
    }

    /** Kept only while the window is open: an audit bundle under review writes nothing. */
    public static AcknowledgedFailures inMemory() {
        return new AcknowledgedFailures(null);
    }

    public synchronized Set<String> ids() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(newestFirst));
    }

    public synchronized boolean contains(String executionId) {
        return newestFirst.contains(executionId);
    }

    /** Marks {@code executionId} seen now; the oldest beyond the limit is forgotten. Written at once (a crash keeps it). */
    public synchronized void add(String executionId) {
        if (executionId == null || executionId.isBlank() || executionId.contains("\n")) return;
        List<String> next = new ArrayList<>(LIMIT);
        next.add(executionId);
        for (String id : newestFirst) if (next.size() < LIMIT && !id.equals(executionId)) next.add(id);
        newestFirst.clear();
        newestFirst.addAll(next);
        if (file == null) return;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, next, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot keep the acknowledgement of " + executionId + " in " + file
                    + "; it holds for this session only", e);
        }
    }
}
