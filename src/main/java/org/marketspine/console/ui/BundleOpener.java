package org.marketspine.console.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import javafx.scene.Parent;
import org.marketspine.console.audit.BundleVerifier;
import org.marketspine.console.audit.TrustList;

/**
 * Opens an audit bundle for offline review: verifies it first; a FAILED one becomes a refusal
 * (nothing of it shown), an intact one the three workspaces over its events, read-only, as of its
 * end — with the banner saying VERIFIED, or NOT TRUSTED when a key is not in the trust list.
 */
public final class BundleOpener {
    /** {@code runtime} is null when the bundle was refused. */
    public record Opened(Parent root, ConsoleRuntime runtime, BundleVerifier.Verdict verdict) {}

    private BundleOpener() {}

    /** Verification reads the whole file: call this off the FX thread, then {@link #show} on it. */
    public static BundleVerifier.Verdict verify(Path file) {
        TrustList trust;
        try {
            trust = TrustList.load(TrustList.defaultFile());
        } catch (IOException e) {
            // An unreadable trust list trusts nothing: the bundle can still be shown, never as verified.
            Logger.getLogger(BundleOpener.class.getName()).warning("trust list: " + e.getMessage());
            trust = TrustList.of(List.of());
        }
        return BundleVerifier.verify(file, trust, true);
    }

    /** The window's title: what the verdict is, before any of the content. */
    public static String title(Path file, BundleVerifier.Verdict verdict) {
        return "Spine Console — " + switch (verdict.outcome()) {
            case VERIFIED -> "bundle ";
            case NOT_TRUSTED -> "NOT TRUSTED bundle ";
            case FAILED -> "REFUSED bundle ";
        } + file.getFileName();
    }

    public static Opened show(Path file, BundleVerifier.Verdict verdict, Path dataDir) throws IOException, InterruptedException {
        if (!verdict.ok()) return new Opened(new BundleRefusal(file, verdict.problem()), null, verdict);
        BundleReview review = new BundleReview(file, verdict);
        ConsoleRuntime runtime = new ConsoleRuntime(review, dataDir);
        StatePublisher publisher = runtime.start();
        MainWindow window = new MainWindow(runtime, publisher, Clock.fixed(review.to(), ZoneOffset.UTC));
        return new Opened(window, runtime, verdict);
    }
}
