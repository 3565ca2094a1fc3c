package org.marketspine.console.ui;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.testing.Await;
import org.marketspine.console.ui.health.WallBoard;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** The workstation window over a started runtime, as the app builds it, for TestFX tests. */
final class Workstation {
    private Workstation() {}

    /** A runtime on the embedded demo (seed {@code seed}) in a fresh data directory. */
    static ConsoleRuntime demo(long seed, Clock clock) throws IOException {
        return new ConsoleRuntime(new LaunchOptions(null, null, false, seed, 1, ScratchDirs.temporary("spine-ui-" + seed)), clock);
    }

    /**
     * A feed address where nothing listens, for as long as the test holds it: a loopback port bound
     * by a socket that never listens, so every connection is refused and no other process can
     * start listening there meanwhile (a port opened, closed and handed on could be taken).
     */
    static final class UnreachableFeed implements AutoCloseable {
        private final Socket reserved = new Socket();
        final URI url;

        UnreachableFeed() throws IOException {
            reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            url = URI.create("ws://127.0.0.1:" + reserved.getLocalPort() + "/feed");
        }

        @Override
        public void close() throws IOException {
            reserved.close();
        }
    }

    /** Starts the runtime and shows the wall board at 1920×1080, as {@code --wall} does. */
    static WallBoard showWall(Stage stage, ConsoleRuntime runtime) throws Exception {
        return showWall(stage, runtime, Clock.systemUTC());
    }

    /** The same, the board reading {@code clock} (the runtime's own, when a test leaps it). */
    static WallBoard showWall(Stage stage, ConsoleRuntime runtime, Clock clock) throws Exception {
        WallBoard board = new WallBoard(runtime.start(), clock);
        present(stage, board, 1920, 1080, Styles.STYLESHEET, Styles.WALL_STYLESHEET);
        return board;
    }

    /**
     * Shows {@code root} on the shared test stage at exactly this size, at the screen's top left: a
     * new scene on a stage keeps the window size an earlier test left unless asked, and centring
     * would use that old size (pushing buttons off the screen, where the robot cannot click them).
     */
    static void present(Stage stage, Parent root, double width, double height, String... stylesheets) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    /** Starts the runtime and shows its main window at the given size. */
    static MainWindow show(Stage stage, ConsoleRuntime runtime, Clock clock, double width, double height) throws Exception {
        MainWindow window = new MainWindow(runtime, runtime.start(), clock);
        present(stage, window, width, height, Styles.STYLESHEET);
        return window;
    }

    /**
     * Clicks into a text field and puts {@code text} in it whole, as a paste would. Typing a 40-character
     * id key by key costs a test seconds and proves nothing the short typed reasons elsewhere do not.
     */
    static void paste(FxRobot robot, String query, String text) {
        TextField f = robot.lookup(query).queryAs(TextField.class);
        click(robot, f);
        robot.interact(() -> {
            f.setText(text);
            f.positionCaret(text.length());
        });
    }

    /**
     * Clicks tab {@code index} of the compliance workspace (0 lineage, 1 compare, 2 audit log, 3
     * retention). The workspace builds its tabs when first shown: the tab is awaited and found on the
     * FX thread — looking it up from the test thread while they are being built can read a list mid-change.
     */
    static void clickComplianceTab(FxRobot robot, int index) {
        Await.untilFx("compliance tab " + index, Duration.ofSeconds(10), () -> robot.lookup("#compliance-tabs .tab").queryAll().size() > index);
        Node[] tab = new Node[1];
        robot.interact(() -> tab[0] = robot.lookup("#compliance-tabs .tab").nth(index).queryAs(Node.class));
        click(robot, tab[0]);
    }

    /**
     * Clicks the first visible node {@code query} finds (an id, a style class or a text, as TestFX's
     * {@code clickOn} takes them), found and measured on the FX thread. TestFX does both on the calling
     * thread, where computing a label's bounds raced the FX thread laying out text: on a clean-clone run
     * JavaFX's shared text layout broke (an NPE in PrismTextLayout) and every later UI test in that JVM failed.
     */
    static FxRobot click(FxRobot robot, String query) {
        robot.clickOn(onFx(() -> {
            Node n = robot.lookup(query).match(NodeQueryUtils.isVisible()).query();
            if (n == null) throw new AssertionError("nothing visible to click matches " + query);
            return robot.point(n).query();
        }));
        return robot;
    }

    /** Clicks the middle of {@code node}, measured on the FX thread (see {@link #click(FxRobot, String)}). */
    static FxRobot click(FxRobot robot, Node node) {
        robot.clickOn(onFx(() -> robot.point(node).query()));
        return robot;
    }

    private static Point2D onFx(Callable<Point2D> where) {
        try {
            return WaitForAsyncUtils.asyncFx(where).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not find where to click", e);
        }
    }
}
