package org.marketspine.console.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
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
        return render(options, out, width, height, waitSeconds, 0, "graph");
    }

    /** {@code workspace}: the tab to render on a workstation board (0 health, 1 data readiness, 2 lineage). */
    public static Result render(LaunchOptions options, Path out, int width, int height, int waitSeconds, int workspace,
                                String view) throws Exception {
        if (System.getenv("DISPLAY") == null && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", Math.max(width, 1280) + "x" + Math.max(height, 800) + "-32");
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ConsoleRuntime runtime = new ConsoleRuntime(options, Clock.systemUTC());
        try {
            StatePublisher p = runtime.start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
            while (System.nanoTime() < end && !(runtime.client().state().isLive() && runtime.log().headSeq() > 0)) Thread.sleep(100);
            Thread.sleep(300); // one more publication after live
            boolean live = runtime.client().state().isLive();
            CompletableFuture<Parent> built = new CompletableFuture<>();
            p.deliver(() -> {
              try {
                Application.setUserAgentStylesheet(options.wall() ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet());
                Parent root = options.wall() ? new WallBoard(p, Clock.systemUTC()) : new MainWindow(runtime, p, Clock.systemUTC());
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
            CompletableFuture<Void> rendered = new CompletableFuture<>();
            p.deliver(() -> {
              try {
                root.applyCss();
                root.layout();
                WritableImage image = root.getScene().snapshot(null);
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
                } catch (IOException e) {
                    throw new IllegalStateException("cannot write " + out + ": " + e.getMessage(), e);
                }
                rendered.complete(null);
              } catch (RuntimeException e) {
                rendered.completeExceptionally(e);
              }
            });
            rendered.get(30, TimeUnit.SECONDS);
            return new Result(live, live ? "live" : "feed not live: " + ConnectionText.of(runtime.snapshot(), Clock.systemUTC().instant()).text());
        } finally {
            runtime.close();
            Platform.exit();
        }
    }
}
