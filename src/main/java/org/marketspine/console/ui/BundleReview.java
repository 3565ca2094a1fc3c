package org.marketspine.console.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.marketspine.console.audit.BundleVerifier;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Role;

/** A bundle that passed verification, opened for offline review: what it is, and who signed it. */
public record BundleReview(Path file, BundleVerifier.Verdict verdict) {
    public BundleReview {
        if (!verdict.ok()) throw new IllegalArgumentException("a bundle that failed verification is never opened: " + verdict.problem());
    }

    private JsonNode manifest() {
        return verdict.manifest();
    }

    public Instant from() {
        return Instant.parse(manifest().path("range").path("from").asText());
    }

    public Instant to() {
        return Instant.parse(manifest().path("range").path("to").asText());
    }

    /** The feed as the bundle names it; the reviewer is an auditor, so nothing can be sent. */
    Message.Welcome welcome() {
        JsonNode feed = manifest().path("feed");
        return new Message.Welcome(1, feed.path("server").asText("unknown server"), feed.path("platform").asText("unknown platform")
                + " (bundle)", to(), verdict.lastSeq(), Role.AUDITOR, System.getProperty("user.name", "reviewer"), List.of(),
                feed.path("feed_id").asText(null));
    }

    /** The banner every workspace shows while the bundle is open. */
    public String banner() {
        JsonNode feed = manifest().path("feed");
        return "Offline review of " + file.getFileName() + " — VERIFIED: " + String.format("%,d", verdict.events()) + " events · range "
                + Times.absolute(from()) + " – " + Times.absolute(to()) + " · source " + feed.path("platform").asText() + " ("
                + feed.path("feed_id").asText() + ", " + feed.path("server").asText() + ") · signed by " + verdict.signer()
                + " · created by " + manifest().path("created_by").asText() + ". Read-only: no feed is contacted.";
    }
}
