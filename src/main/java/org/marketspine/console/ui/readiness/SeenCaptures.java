package org.marketspine.console.ui.readiness;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Logger;
import org.marketspine.console.model.PartitionKey;

/**
 * Per cell, the capture this user was last shown, kept across restarts (a properties file in the
 * data directory), so a FINRA revision since is marked until the cell is looked at again.
 */
final class SeenCaptures {
    private static final Logger LOG = Logger.getLogger(SeenCaptures.class.getName());
    private final Path file;
    private final Properties seen = new Properties();
    private boolean dirty;

    SeenCaptures(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                seen.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warning("cannot read " + file + " (" + e.getMessage() + "); revisions are marked from now on");
                seen.clear();
            }
        }
    }

    /** True when this cell was shown before with another capture. */
    boolean changed(PartitionKey key, String captureId) {
        String last = seen.getProperty(key.toString());
        return last != null && captureId != null && !last.equals(captureId);
    }

    /** Remembers the capture as seen the first time a cell appears (the baseline for later revisions). */
    void baseline(PartitionKey key, String captureId) {
        if (captureId != null && seen.putIfAbsent(key.toString(), captureId) == null) dirty = true;
    }

    /** The user looked at this cell: its current capture is now the one they know. */
    void viewed(PartitionKey key, String captureId) {
        if (captureId != null && !captureId.equals(seen.setProperty(key.toString(), captureId))) dirty = true;
        save();
    }

    void save() {
        if (!dirty) return;
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file)) {
                seen.store(w, "Spine Console: the capture last shown per readiness cell");
            }
            dirty = false;
        } catch (IOException e) {
            LOG.warning("cannot save " + file + ": " + e.getMessage());
        }
    }
}
