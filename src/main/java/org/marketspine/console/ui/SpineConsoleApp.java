package org.marketspine.console.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.marketspine.console.ui.health.WallBoard;

/** The JavaFX application: the workstation window or the wall screen, over a {@link ConsoleRuntime}. */
public final class SpineConsoleApp extends Application {
    private static final Logger LOG = Logger.getLogger(SpineConsoleApp.class.getName());
    private static volatile LaunchOptions options;
    private ConsoleRuntime runtime;

    /** Called by the launcher (which must not itself extend Application). */
    public static void launch(LaunchOptions launchOptions) {
        options = launchOptions;
        ToolkitSettings.apply();
        Application.launch(SpineConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        try {
            FirstPaint.mark("fx-start");
            if (options.bundle() != null) {
                startBundle(stage);
                return;
            }
            runtime = new ConsoleRuntime(options, Clock.systemUTC());
            StatePublisher publisher = runtime.publisher();
            // The feed, the journal and the cache open while the window is built and painted.
            Thread.ofPlatform().name("runtime-start").daemon().start(() -> {
                try {
                    runtime.start();
                    FirstPaint.mark("runtime-started");
                } catch (Exception e) {
                    LOG.log(Level.SEVERE, "cannot start the feed connection", e);
                    publisher.deliver(() -> fail(e));
                }
            });
            Scene scene = options.wall() ? wallScene(stage, publisher) : workstationScene(stage, publisher);
            stage.setScene(scene);
            for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
                var icon = SpineConsoleApp.class.getResourceAsStream("icons/spine-console-" + size + ".png");
                if (icon != null) stage.getIcons().add(new Image(icon));
            }
            FirstPaint.watch(scene, publisher);
            stage.show();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "cannot start", e);
            fail(e);
        }
    }

    /** --bundle: verify first; open read-only, or show only the refusal. */
    private void startBundle(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        try {
            var verdict = BundleOpener.verify(options.bundle());
            BundleOpener.Opened opened = BundleOpener.show(options.bundle(), verdict, options.dataDir());
            runtime = opened.runtime();
            var bounds = Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(opened.root(), Math.min(bounds.getWidth(), 1920), Math.min(bounds.getHeight(), 1200));
            scene.getStylesheets().add(Styles.STYLESHEET);
            stage.setScene(scene);
            stage.setTitle(BundleOpener.title(options.bundle(), verdict));
            stage.setMaximized(true);
            stage.show();
        } catch (IOException | InterruptedException e) {
            fail(e);
        }
    }

    private static void fail(Exception e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "Spine Console cannot start: " + e.getMessage()
                + "\n\nCheck the feed address and token, or start without --feed to use the embedded demo.");
        alert.setHeaderText("Cannot start");
        alert.showAndWait();
        Platform.exit();
    }

    private Scene workstationScene(Stage stage, StatePublisher publisher) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindow window = new MainWindow(runtime, publisher, Clock.systemUTC());
        // Fill the screen even where no window manager honours "maximized" (kiosks, Xvfb).
        var bounds = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(bounds.getWidth(), 1920), Math.min(bounds.getHeight(), 1200));
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setTitle("Spine Console");
        stage.setMaximized(true);
        return scene;
    }

    private Scene wallScene(Stage stage, StatePublisher publisher) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        WallBoard board = new WallBoard(publisher, Clock.systemUTC());
        Scene scene = new Scene(board, 1920, 1080);
        scene.getStylesheets().addAll(Styles.STYLESHEET, Styles.WALL_STYLESHEET);
        scene.setCursor(Cursor.NONE);
        stage.setTitle("Spine Console — wall");
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(true);
        return scene;
    }

    @Override
    public void stop() {
        if (runtime != null) runtime.close();
    }
}
