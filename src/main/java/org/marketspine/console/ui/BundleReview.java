package org.marketspine.console.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.marketspine.console.audit.BundleVerifier;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Role;

/**
 * A bundle that is intact (VERIFIED or NOT TRUSTED), opened for offline review: what it is, who
 * signed it, and whether this reviewer's trust list vouches for those keys. A FAILED one is never opened.
 */
public record BundleReview(Path file, BundleVerifier.Verdict verdict) {
    public BundleReview {
        if (!verdict.ok()) throw new IllegalArgumentException("a bundle that failed verification is never opened: " + verdict.problem());
    }

    private JsonNode manifest() {
        return verdict.manifest();
    }

    /** Both its keys are in the trust list (VERIFIED); otherwise it is intact but NOT TRUSTED. */
    public boolean verified() {
        return verdict.verified();
    }

    public Instant from() {
        return Instant.parse(manifest().path("range").path("from").asText());
    }

    public Instant to() {
        return Instant.parse(manifest().path("range").path("to").asText());
    }

    /** The feed address the bundle names (never contacted), or null. */
    public String url() {
        String url = manifest().path("feed").path("url").asText("");
        return url.isEmpty() ? null : url;
    }

    /** The feed's key as the signed manifest carries it (its checkpoints verified against it), or null. */
    Message.FeedKey feedKey() {
        JsonNode k = manifest().path("feed_key");
        try {
            return new Message.FeedKey(k.path("alg").asText(), k.path("public_key").asText(), k.path("fingerprint").asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The last checkpoint the feed signed in the bundle (the verifier checked it against the events), or null. */
    public Message.Checkpoint checkpoint() {
        JsonNode all = manifest().path("feed_checkpoints");
        if (!all.isArray() || all.isEmpty()) return null;
        JsonNode c = all.get(all.size() - 1);
        try {
            return new Message.Checkpoint(c.path("feed_id").asText(), c.path("seq").asLong(-1), c.path("chain").asText(),
                    c.path("at").asText(), c.path("signature").asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The feed as the bundle names it; the reviewer is an auditor, so nothing can be sent. */
    Message.Welcome welcome() {
        JsonNode feed = manifest().path("feed");
        return new Message.Welcome(1, feed.path("server").asText("unknown server"), feed.path("platform").asText("unknown platform")
                + " (bundle)", to(), verdict.lastSeq(), Role.AUDITOR, System.getProperty("user.name", "reviewer"), List.of(),
                feed.path("feed_id").asText(null), null, feedKey());
    }

    /** The banner every workspace shows while the bundle is open. */
    public String banner() {
        JsonNode feed = manifest().path("feed");
        String what = String.format("%,d", verdict.events()) + " events · range " + Times.absolute(from()) + " – "
                + Times.absolute(to()) + " · source " + feed.path("platform").asText() + " (" + feed.path("feed_id").asText() + ", "
                + feed.path("server").asText() + ")";
        if (verified()) {
            return "Offline review of " + file.getFileName() + " — VERIFIED: " + what + " · its history signed by the feed \""
                    + verdict.feedName() + "\" (" + verdict.feedKey() + ") · exported by \"" + verdict.signerName() + "\" ("
                    + verdict.signer() + "), created by " + manifest().path("created_by").asText()
                    + ". Read-only: no feed is contacted.";
        }
        // The verdict and what it means first: folded to two lines, the banner keeps those; the verifier's whole reason comes last.
        return "Offline review of " + file.getFileName() + " — NOT TRUSTED: intact, but " + untrustedBecause()
                + (verdict.keysTrusted() ? ": read the events, not the report. " : ", so nothing here is evidence until it is. ") + what
                + " · created by " + manifest().path("created_by").asText() + ". Read-only: no feed is contacted. Why: " + verdict.problem()
                + (verdict.keysTrusted() ? "." : " (About this feed shows the feed key to read out to its operator).");
    }

    /**
     * Why an intact bundle is NOT TRUSTED, in a phrase: a key the trust list does not hold, a report this
     * version cannot re-check against the events (its keys trusted or not), or both.
     */
    public String untrustedBecause() {
        if (verdict.keysTrusted()) return "its report.html cannot be re-checked against its events (another version's renderer made it)";
        return "not verified against your trust list" + (verdict.reportRechecked() ? "" : ", nor its report re-checked");
    }
}
