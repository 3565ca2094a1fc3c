package org.marketspine.console.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.marketspine.console.audit.BundleVerifier;
import org.marketspine.console.ui.health.WallBoard;

/**
 * Renders the board off screen to a PNG, for status pages and chat. With no display it uses
 * Monocle's headless glass, so it runs on a server as well as under Xvfb.
 */
public final class BoardSnapshot {
    private BoardSnapshot() {}

    /** What was captured: whether the feed was live, in words. */
    public record Result(boolean live, String status) {}

    public static Result render(LaunchOptions options, Path out, int width, int height, int waitSeconds) throws Exception {
        return render(options, out, width, height, waitSeconds, 0, "graph", false);
    }

    /**
     * {@code workspace}: the tab to render on a workstation board (0 health, 1 data readiness, 2 lineage);
     * {@code about}: with "About this feed" open over it. With {@code options.bundle()}, the bundle
     * under offline review (verified first against the trust list; a FAILED one renders its refusal).
     */
    public static Result render(LaunchOptions options, Path out, int width, int height, int waitSeconds, int workspace,
                                String view, boolean about) throws Exception {
        if (System.getenv("DISPLAY") == null && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", Math.max(width, 1280) + "x" + Math.max(height, 800) + "-32");
        }
        ToolkitSettings.apply();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        BundleVerifier.Verdict verdict = options.bundle() == null ? null : BundleOpener.verify(options.bundle());
        BundleReview review = verdict != null && verdict.ok() ? new BundleReview(options.bundle(), verdict) : null;
        // A refused bundle has no runtime: nothing of it is read; the publisher only carries the refusal onto the FX thread.
        ConsoleRuntime runtime = verdict == null ? new ConsoleRuntime(options, Clock.systemUTC())
                : review == null ? null : new ConsoleRuntime(review, options.dataDir());
        Clock clock = review == null ? Clock.systemUTC() : Clock.fixed(review.to(), ZoneOffset.UTC);
        try {
            StatePublisher p = runtime == null ? new StatePublisher(() -> null) : runtime.start();
            if (verdict == null) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
                while (System.nanoTime() < end && !(runtime.client().state().isLive() && runtime.log().headSeq() > 0)) Thread.sleep(100);
            }
            Thread.sleep(300); // one more publication after live
            boolean live = verdict == null ? runtime.client().state().isLive() : verdict.ok();
            CompletableFuture<Parent> built = new CompletableFuture<>();
            p.deliver(() -> {
              try {
                Application.setUserAgentStylesheet(options.wall() ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet());
                Parent root = runtime == null ? new BundleRefusal(options.bundle(), verdict.problem())
                        : options.wall() ? new WallBoard(p, clock) : new MainWindow(runtime, p, clock);
                if (root instanceof MainWindow w) {
                    w.showWorkspace(workspace);
                    if (workspace == 2) w.complianceView().show(view);
                }
                Scene scene = new Scene(root, width, height);
                scene.getStylesheets().add(Styles.STYLESHEET);
                if (options.wall()) scene.getStylesheets().add(Styles.WALL_STYLESHEET);
                root.applyCss();
                root.layout();
                built.complete(root);
              } catch (RuntimeException e) {
                built.completeExceptionally(e);
              }
            });
            Parent root = built.get(30, TimeUnit.SECONDS);
            Thread.sleep(1000); // answers to requests the view made (capture_diff) arrive
            // Some workspaces finish off the FX thread (the lineage layout): wait until they settle.
            long settleBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (root instanceof MainWindow w && System.nanoTime() < settleBy) {
                CompletableFuture<Boolean> settled = new CompletableFuture<>();
                p.deliver(() -> settled.complete(w.isSettled()));
                if (settled.get(5, TimeUnit.SECONDS)) break;
                Thread.sleep(100);
            }
            CompletableFuture<AboutFeedDialog> dialog = new CompletableFuture<>();
            p.deliver(() -> dialog.complete(about && root instanceof MainWindow w ? w.showAbout() : null));
            AboutFeedDialog shown = dialog.get(30, TimeUnit.SECONDS);
            if (shown != null) Thread.sleep(500); // its window laid out
            CompletableFuture<Void> rendered = new CompletableFuture<>();
            p.deliver(() -> {
              try {
                root.applyCss();
                root.layout();
                BufferedImage image = SwingFXUtils.fromFXImage(root.getScene().snapshot(null), null);
                if (shown != null) image = over(image, SwingFXUtils.fromFXImage(shown.getDialogPane().getScene().snapshot(null), null));
                try {
                    ImageIO.write(image, "png", out.toFile());
                } catch (IOException e) {
                    throw new IllegalStateException("cannot write " + out + ": " + e.getMessage(), e);
                }
                rendered.complete(null);
              } catch (RuntimeException e) {
                rendered.completeExceptionally(e);
              }
            });
            rendered.get(30, TimeUnit.SECONDS);
            if (verdict != null) return new Result(live, verdict.outcome() + (verdict.ok() ? "" : ": " + verdict.problem()));
            String integrity = runtime.client().integrityProblem();
            if (integrity != null) return new Result(false, "live, but NOT TRUSTED: " + integrity);
            return new Result(live, live ? "live" : "feed not live: " + ConnectionText.of(runtime.snapshot(), Clock.systemUTC().instant()).text());
        } finally {
            if (runtime != null) runtime.close();
            Platform.exit();
        }
    }

    /** A dialog's window drawn centred over the main window, as a user sees it (edges beyond the window are cut, as on screen). */
    private static BufferedImage over(BufferedImage window, BufferedImage dialog) {
        Graphics2D g = window.createGraphics();
        try {
            g.drawImage(dialog, (window.getWidth() - dialog.getWidth()) / 2, (window.getHeight() - dialog.getHeight()) / 2, null);
        } finally {
            g.dispose();
        }
        return window;
    }
}
