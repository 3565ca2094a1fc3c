package org.marketspine.console.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The workstation window over a started runtime, as the app builds it, for TestFX tests. */
final class Workstation {
    private Workstation() {}

    /** A runtime on the embedded demo (seed {@code seed}) in a fresh data directory. */
    static ConsoleRuntime demo(long seed, Clock clock) throws IOException {
        return new ConsoleRuntime(new LaunchOptions(null, null, false, seed, 1, Files.createTempDirectory("spine-ui-" + seed)), clock);
    }

    /** Starts the runtime and shows its main window at the given size. */
    static MainWindow show(Stage stage, ConsoleRuntime runtime, Clock clock, double width, double height) throws Exception {
        MainWindow window = new MainWindow(runtime, runtime.start(), clock);
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        return window;
    }
}
