package org.marketspine.console.ui;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import javafx.stage.Stage;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.feed.client.ConnectionState.Phase;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.model.EventHistory;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.testing.MutableClock;

/**
 * The real workstation window over snapshots a test writes by hand, on a clock it moves by hand:
 * no socket, no demo pace. {@link #publish} is what the runtime does when the feed sends something
 * or the connection changes, so what the board shows depends only on what the test published and
 * on the clock — the window's own once-a-second tick still runs.
 */
final class ScriptedFeed {
    final MutableClock clock;
    /** Never started: the window needs one, but nothing here is contacted. */
    final ConsoleRuntime runtime;
    private volatile ConsoleSnapshot snapshot;
    private volatile Phase phase = Phase.CONNECTING;
    private volatile SourceState source;
    final StatePublisher publisher;

    ScriptedFeed(MutableClock clock) throws IOException {
        this.clock = clock;
        this.runtime = new ConsoleRuntime(new LaunchOptions(URI.create("ws://127.0.0.1:9/feed"), null, false, 0, 1,
                ScratchDirs.temporary("spine-scripted")), clock);
        this.snapshot = snapshot(runtime.log().asOfHead(), Phase.CONNECTING, null);
        this.publisher = new StatePublisher(() -> snapshot);
    }

    /** A snapshot as the runtime would build it: {@code source} null means the feed has said nothing of its source yet. */
    ConsoleSnapshot snapshot(EventHistory history, Phase phase, SourceState source) {
        Instant now = clock.instant();
        boolean live = phase == Phase.LIVE;
        PlatformState s = history.head();
        return new ConsoleSnapshot(s, new ConnectionState(phase, 1, null, live ? null : now, s.seq(), s.seq(), "the scripted feed"),
                null, false, s.seq() == 0 ? null : now, null, source == null ? null : new Message.SourceStatus(source, now, "", null),
                null, null, null, history);
    }

    /**
     * The feed's facts, stamped {@code at}, into the runtime's log, then published with the events
     * behind them (the lineage workspace travels through those). Call on the FX thread or before the window exists: the log has one writer.
     */
    void append(Instant at, EventData... facts) {
        EventLog log = runtime.log();
        for (EventData d : facts) log.append(Event.of(log.headSeq() + 1, at, d));
        publish();
    }

    /** The connection changes and nothing else: the board gets the very same state object again. */
    void connection(Phase phase, SourceState source) {
        this.phase = phase;
        this.source = source;
        publish();
    }

    private void publish() {
        snapshot = snapshot(runtime.log().asOfHead(), phase, source);
        publisher.poke();
    }

    MainWindow show(Stage stage, double width, double height) {
        MainWindow window = new MainWindow(runtime, publisher, clock);
        Workstation.present(stage, window, width, height, Styles.STYLESHEET);
        return window;
    }
}
