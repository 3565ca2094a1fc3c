package org.marketspine.console.ui.readiness;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Logger;
import org.marketspine.console.feed.server.TokenStore;
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

    /**
     * Opens the file for this feed; when it does not exist yet, starts from {@code legacy} (the
     * file an earlier version kept per feed address), so an upgrade does not forget what was seen.
     */
    SeenCaptures(Path file, Path legacy) {
        this.file = file;
        Path from = Files.exists(file) ? file : legacy != null && Files.exists(legacy) ? legacy : null;
        if (from != null) {
            try (Reader r = Files.newBufferedReader(from)) {
                seen.load(r);
                dirty = from != file;
            } catch (IOException | IllegalArgumentException e) {
                LOG.warning("cannot read " + from + " (" + e.getMessage() + "); revisions are marked from now on");
                seen.clear();
            }
        }
    }

    /**
     * The file for a feed, named after the journal's {@code feed_id} from the welcome — not the
     * address, which changes with the port or host while the feed stays the same. The id comes
     * from the network, so only its hash goes into the file name. A bundle under review keeps its
     * own file: viewing the past must not mark the live cells as seen.
     */
    static Path fileFor(Path dataDir, String feedId, boolean bundle) {
        return dataDir.resolve("seen-captures-" + (bundle ? "bundle-" : "feed-")
                + TokenStore.sha256(feedId).substring(0, 16) + ".properties");
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
