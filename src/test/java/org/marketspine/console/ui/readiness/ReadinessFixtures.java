package org.marketspine.console.ui.readiness;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.protocol.Stage;
import org.marketspine.console.ui.CommandSender;
import org.marketspine.console.ui.ConsoleRuntime;
import org.marketspine.console.ui.ConsoleSnapshot;
import org.marketspine.console.ui.LaunchOptions;

/** Small hand-made states and snapshots for the readiness view model, on a fixed clock. */
final class ReadinessFixtures {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String NORMALIZED = "finra.otc_transparency.normalized";
    static final String AVG = "analytics.volume_avg_6w";

    private final List<Event> events = new ArrayList<>();

    ReadinessFixtures add(EventData d) {
        events.add(Event.of(events.size() + 1, NOW.minusSeconds(3600 - events.size()), d));
        return this;
    }

    ReadinessFixtures capture(String id, String dataset, String tier, LocalDate week, String supersedes, String... inputs) {
        return add(new EventData.CaptureRecorded(id, dataset, tier, week, dataset.equals(AVG) ? Stage.COMPUTE : Stage.NORMALIZE,
                1000, 100, "x-" + id, List.of(inputs), supersedes, null));
    }

    ReadinessFixtures readiness(String dataset, String tier, LocalDate week, ReadinessStatus status, String captureId) {
        return add(new EventData.ReadinessChanged(dataset, tier, week, status, status.name().toLowerCase(), "test", captureId, 100, 100));
    }

    PlatformState state() {
        return StateFold.applyAll(PlatformState.EMPTY, events);
    }

    /** A view model on a feed at this address, with no connection: snapshots are handed to it. */
    static ReadinessViewModel viewModel(Path dataDir, String feedUrl) {
        String feedKey = new ConsoleRuntime(new LaunchOptions(URI.create(feedUrl), null, false, 0, 1, dataDir), CLOCK).feedKey();
        return new ReadinessViewModel(CommandSender.none("no feed in this test"), Runnable::run, dataDir, feedKey);
    }

    static ConsoleSnapshot snapshot(PlatformState s, String feedId) {
        Message.Welcome w = new Message.Welcome(1, "spine-feed/test", "test platform", NOW, s.seq(), Role.ANALYST, "quant",
                List.of(), feedId);
        return new ConsoleSnapshot(s, new ConnectionState(ConnectionState.Phase.LIVE, 0, null, null, s.seq(), s.seq(), "test"),
                w, false, NOW, null, null);
    }
}
