package org.marketspine.console.feed.source;

import static org.marketspine.console.feed.source.DemoCatalog.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.PlatformSource;
import org.marketspine.console.feed.source.DemoPipelines.Fault;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.FinraCalendar;
import org.marketspine.console.model.PartitionKey;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.Readiness;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message.Request;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.protocol.Trigger;

/**
 * A seeded simulation of a Market Spine deployment for FINRA OTC weekly data. On a new journal it
 * writes {@value #HISTORY_WEEKS} weeks of history up to now, with every case an operator, a quant
 * and compliance meet; then it plays on live, {@code speed} simulated seconds per second. On a
 * journal it wrote before, it continues from what the journal holds.
 */
public final class DemoPlatform implements PlatformSource {
    private static final Logger LOG = Logger.getLogger(DemoPlatform.class.getName());
    public static final int HISTORY_WEEKS = 30;
    private static final long TICK_MILLIS = 100;

    private final long seed;
    private final double speed;
    private final Clock clock;
    private final SymbolUniverse symbols;
    private final DemoRequests requests;
    private DemoEngine engine;
    private DemoPipelines pipelines;
    private EventSink sink;
    private ScheduledFuture<?> ticker;
    private Instant liveSimStart;
    private Random liveRng;
    private long liveWallStart;

    public DemoPlatform(long seed, double speed, Clock clock) {
        if (speed <= 0) throw new IllegalArgumentException("speed must be > 0, was " + speed);
        this.seed = seed;
        this.speed = speed;
        this.clock = clock;
        this.symbols = new SymbolUniverse(seed);
        this.requests = new DemoRequests(symbols, new DemoLogs(seed));
    }

    @Override
    public String platform() {
        return "demo";
    }

    @Override
    public List<String> requestOps() {
        return List.of("logs", "backfill_preview", "capture_diff", "symbol_coverage");
    }

    /** The facts of a new demo's history, generated without a journal: for tests and benchmarks. */
    public List<Event> history(Instant now) {
        prepare(PlatformState.EMPTY, now);
        writeHistory(now);
        return engine.runHistory(now);
    }

    @Override
    public void start(EventSink sink) {
        this.sink = sink;
        PlatformState journalState = sink.state();
        Instant now = clock.instant();
        prepare(journalState, now);
        if (journalState.seq() == 0) {
            sink.status(SourceState.LOADING, "writing " + HISTORY_WEEKS + " weeks of demo history", null);
            writeHistory(now);
            List<Event> history = engine.runHistory(now);
            appendHistory(history);
            LOG.info("demo platform wrote " + history.size() + " events of history");
        } else {
            resumeAfterRestart(journalState, now);
        }
        sink.status(SourceState.CURRENT, "the demo platform is running", null);
        planNextWeeks(engine.state());
        engine.at(Duration.ofSeconds(20), this::liveScenario);
        liveSimStart = engine.now();
        liveWallStart = System.nanoTime();
        ticker = sink.platformThread().scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void appendHistory(List<Event> history) {
        List<EventSink.Timed> facts = new ArrayList<>(history.size());
        for (Event e : history) facts.add(new EventSink.Timed(e.at(), e.data()));
        sink.emitAll(facts);
    }

    private void prepare(PlatformState state, Instant now) {
        engine = new DemoEngine(state.seq() == 0 ? historyStart(now) : now, state);
        liveRng = new Random(seed * 31 + state.seq());
        pipelines = new DemoPipelines(engine, symbols, new Random(seed ^ (state.seq() * 0x9E3779B97F4A7C15L)));
    }

    private void tick() {
        try {
            long wall = System.nanoTime() - liveWallStart;
            Instant simNow = liveSimStart.plusNanos((long) (wall * speed));
            engine.runLive(simNow, (at, data) -> sink.emit(clock.instant(), data), sink::state);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "demo platform step failed; continuing", e);
        }
    }

    /** A restart loses the runs that were in flight, as a real worker restart would; anomalies still get closed. */
    private void resumeAfterRestart(PlatformState state, Instant now) {
        for (Execution x : state.activeExecutions()) {
            sink.emit(now, new EventData.ExecutionFailed(x.executionId(), 0, new EventData.ErrorDetail("WorkerLost",
                    "the platform restarted while this run was " + x.status().name().toLowerCase() + "; retry it",
                    Classification.TRANSIENT)));
        }
        engine.refresh(sink.state());
        pipelines.replanResolutions(engine.state());
    }

    private static Instant historyStart(Instant now) {
        return now.minus(Duration.ofDays(7L * HISTORY_WEEKS + 35));
    }

    private void writeHistory(Instant now) {
        Instant start = historyStart(now);
        engine.at(start, null, () -> DemoCatalog.declare(engine::emit));
        engine.at(start.plusSeconds(60), null, () -> pipelines.run(CALENDAR_INGEST, "XNYS",
                FinraCalendar.weekEndingOf(start.atZone(ZoneOffset.UTC).toLocalDate()), Trigger.SCHEDULED, SCHEDULER, null, Fault.NONE));
        Random plan = new Random(seed);
        for (String tier : FinraCalendar.TIERS) {
            LocalDate latest = FinraCalendar.expectedLatestWeek(tier, now);
            for (int k = HISTORY_WEEKS - 1; k >= 0; k--) {
                LocalDate week = latest.minusWeeks(k);
                Instant due = FinraCalendar.dueAt(tier, week);
                boolean lateFile = tier.equals(FinraCalendar.OTC) && k == 9;
                if (tier.equals(FinraCalendar.NMS_TIER_2) && k == 6) {
                    pipelines.criticalNext.add(new PartitionKey(NORMALIZED, tier, week));
                }
                if (lateFile) {
                    engine.at(due.plus(Duration.ofHours(6)), null, () -> engine.emit(new EventData.ScheduleMissed(INGEST, due,
                            new EventData.Partition(week, tier))));
                    engine.at(due.plus(Duration.ofHours(30)), null, () -> pipelines.run(INGEST, tier, week, Trigger.SCHEDULED,
                            SCHEDULER, null, Fault.NONE));
                } else {
                    Fault fault = plan.nextInt(100) < 10 ? Fault.HTTP_503 : Fault.NONE;
                    engine.at(due, null, () -> pipelines.run(INGEST, tier, week, Trigger.SCHEDULED, SCHEDULER, null, fault));
                }
                if (k >= 1 && k <= 4 && plan.nextInt(100) < 40) {
                    // FINRA revises recent weeks when it publishes the next one.
                    engine.at(FinraCalendar.dueAt(tier, week.plusWeeks(1)).plus(Duration.ofHours(3)), null,
                            () -> pipelines.run(INGEST, tier, week, Trigger.SCHEDULED, SCHEDULER, null, Fault.NONE));
                }
            }
        }
        LocalDate t1 = FinraCalendar.expectedLatestWeek(FinraCalendar.NMS_TIER_1, now);
        engine.at(now.minus(Duration.ofDays(12)), null, () -> {
            for (int k = 20; k >= 17; k--) {
                pipelines.run(NORMALIZE, FinraCalendar.NMS_TIER_1, t1.minusWeeks(k), Trigger.BACKFILL, OPERATOR, null, Fault.NONE);
            }
        });
        systemicIncident(now.minus(Duration.ofDays(3)), FinraCalendar.NMS_TIER_2,
                FinraCalendar.expectedLatestWeek(FinraCalendar.NMS_TIER_2, now).minusWeeks(1));
        engine.at(now.minus(Duration.ofDays(1)), null, () -> purgePastRetention(now));
    }

    private void systemicIncident(Instant from, String tier, LocalDate week) {
        String key = COMPUTE_AVG + "|" + tier;
        engine.at(from, null, () -> {
            pipelines.brokenPipelines.add(key);
            pipelines.run(COMPUTE_AVG, tier, week, Trigger.MANUAL, OPERATOR, null, Fault.NONE);
        });
        engine.at(from.plus(Duration.ofHours(4)), null, () -> pipelines.run(COMPUTE_AVG, tier, week, Trigger.MANUAL, OPERATOR, null, Fault.NONE));
        engine.at(from.plus(Duration.ofHours(9)), null, () -> pipelines.run(COMPUTE_AVG, tier, week, Trigger.SCHEDULED, SCHEDULER, null, Fault.NONE));
        engine.at(from.plus(Duration.ofHours(20)), null, () -> {
            pipelines.brokenPipelines.remove(key);
            pipelines.run(COMPUTE_AVG, tier, week, Trigger.MANUAL, OPERATOR, null, Fault.NONE);
        });
    }

    private void purgePastRetention(Instant now) {
        LocalDate cutoff = now.minus(Duration.ofDays(RAW_RETENTION_DAYS)).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate oldestOtc = null;
        for (PartitionKey k : engine.state().currentCaptures().keySet()) {
            if (k.dataset().equals(RAW) && k.tier().equals(FinraCalendar.OTC) && (oldestOtc == null || k.weekEnding().isBefore(oldestOtc))) {
                oldestOtc = k.weekEnding();
            }
        }
        List<PartitionKey> keys = new ArrayList<>(engine.state().currentCaptures().keySet());
        keys.sort(null);
        for (PartitionKey k : keys.reversed()) {
            // The oldest OTC raw file is on legal hold and stays: compliance sees it flagged as past retention.
            if (!k.dataset().equals(RAW) || !k.weekEnding().isBefore(cutoff) || k.weekEnding().equals(oldestOtc)
                    && k.tier().equals(FinraCalendar.OTC)) {
                continue;
            }
            engine.emit(new EventData.RetentionPurged(RAW, k.tier(), k.weekEnding(), RETENTION,
                    "raw FINRA file past the " + RAW_RETENTION_DAYS + "-day retention of source " + RAW));
        }
    }

    /** Keeps FINRA's weekly cycle going in real (scaled) time after the history. */
    private void planNextWeeks(PlatformState state) {
        for (String tier : FinraCalendar.TIERS) {
            LocalDate latest = null;
            for (PartitionKey k : state.currentCaptures().keySet()) {
                if (k.dataset().equals(RAW) && k.tier().equals(tier) && (latest == null || k.weekEnding().isAfter(latest))) latest = k.weekEnding();
            }
            LocalDate next = latest == null ? FinraCalendar.expectedLatestWeek(tier, engine.now()) : latest.plusWeeks(1);
            planWeek(tier, next);
        }
    }

    private void planWeek(String tier, LocalDate week) {
        engine.at(FinraCalendar.dueAt(tier, week), null, () -> {
            pipelines.run(INGEST, tier, week, Trigger.SCHEDULED, SCHEDULER, null, Fault.NONE);
            planWeek(tier, week.plusWeeks(1));
        });
    }

    /** Live activity: one operational scenario every 30–60 simulated seconds. */
    private void liveScenario() {
        Random rng = liveRng;
        PlatformState s = engine.state();
        String tier = FinraCalendar.TIERS.get(rng.nextInt(3));
        LocalDate latest = FinraCalendar.expectedLatestWeek(tier, clock.instant());
        LocalDate week = latest.minusWeeks(rng.nextInt(3));
        int roll = rng.nextInt(100);
        Readiness blocked = firstBlocked(s);
        boolean systemicActive = !pipelines.brokenPipelines.isEmpty();
        if (blocked != null && roll < 15) {
            // FINRA republished the truncated file: re-ingest, then the quality gate lifts the block.
            pipelines.run(INGEST, blocked.last().tier(), blocked.last().weekEnding(), Trigger.MANUAL, OPERATOR, null, Fault.NONE);
            engine.at(Duration.ofMinutes(3), () -> {
                for (var a : engine.state().openAnomalies()) {
                    if (a.detected().tier().equals(blocked.last().tier()) && a.detected().weekEnding().equals(blocked.last().weekEnding())) {
                        engine.emit(new EventData.AnomalyResolved(a.anomalyId(), DATA_STEWARD, "FINRA republished the complete file"));
                    }
                }
            });
        } else if (roll < 27) {
            pipelines.run(INGEST, tier, week, Trigger.SCHEDULED, SCHEDULER, null, Fault.HTTP_503);
        } else if (roll < 65) {
            // FINRA revision check of a recent week (supersedes the capture when FINRA changed the file).
            pipelines.run(INGEST, tier, week, Trigger.SCHEDULED, SCHEDULER, null, Fault.NONE);
        } else if (roll < 92) {
            long before = engine.state().seq();
            pipelines.autoCertify(tier, week);
            if (engine.state().seq() == before) {
                // Nothing certifiable in that week: check FINRA for a revision instead.
                pipelines.run(INGEST, tier, week, Trigger.SCHEDULED, SCHEDULER, null, Fault.NONE);
            }
        } else if (roll < 95 && !systemicActive) {
            systemicIncident(engine.now(), tier, week.minusWeeks(1));
        } else {
            // A weekly ingest the scheduler skipped; the operator runs it by hand two minutes later.
            engine.emit(new EventData.ScheduleMissed(INGEST, engine.now().minus(Duration.ofHours(2)),
                    new EventData.Partition(week, tier)));
            engine.at(Duration.ofMinutes(2), () -> pipelines.run(INGEST, tier, week, Trigger.MANUAL, OPERATOR, null, Fault.NONE));
        }
        engine.at(Duration.ofSeconds(40 + rng.nextInt(40)), this::liveScenario);
    }

    private static Readiness firstBlocked(PlatformState s) {
        for (Readiness r : s.readiness().values()) if (r.status() == ReadinessStatus.BLOCKED) return r;
        return null;
    }

    @Override
    public JsonNode answer(Request request, PlatformState state) throws FeedRefusal {
        return requests.answer(request, state, clock.instant());
    }

    @Override
    public CommandEffect perform(Command command, String user, PlatformState state) throws FeedRefusal {
        // A feed server that does not lead a shared journal still takes commands: its engine only queues them.
        if (engine == null) prepare(state, clock.instant());
        engine.refresh(state);
        List<EventData> facts = new ArrayList<>();
        ObjectNode data = Codec.mapper().createObjectNode();
        switch (command) {
            case Command.Retry c -> {
                Execution x = state.execution(c.executionId());
                String id = runLater(x.pipeline(), x.tier(), x.weekEnding(), Trigger.RETRY, user, x.executionId(), facts);
                data.putArray("execution_ids").add(id);
            }
            case Command.Backfill c -> {
                ArrayNode ids = data.putArray("execution_ids");
                for (LocalDate w = c.fromWeek(); !w.isAfter(c.toWeek()); w = w.plusWeeks(1)) {
                    ids.add(runLater(c.pipeline(), c.tier(), w, Trigger.BACKFILL, user, null, facts));
                }
            }
            case Command.Cancel c -> {
                engine.cancelTagged(c.executionId());
                facts.add(new EventData.ExecutionCancelled(c.executionId(), user));
            }
            case Command.Readiness c -> {
                PartitionKey key = new PartitionKey(c.dataset(), c.tier(), c.weekEnding());
                Capture capture = state.currentCapture(key);
                boolean certify = c instanceof Command.Certify;
                facts.add(new EventData.ReadinessChanged(c.dataset(), c.tier(), c.weekEnding(),
                        certify ? ReadinessStatus.CERTIFIED : ReadinessStatus.BLOCKED,
                        certify ? "certified by " + user + (c.reason() == null ? "" : ": " + c.reason()) : c.reason(),
                        user, capture.captureId(), capture.recorded().symbols(), symbols.size(c.tier())));
            }
            case Command.Acknowledge c -> facts.add(new EventData.AnomalyAcknowledged(c.anomalyId(), user, c.note()));
        }
        return new CommandEffect(facts, data);
    }

    /**
     * Commands another feed server of the journal accepted: their runs play here, where the
     * platform runs. A run that is no longer queued (this server's start failed it as lost) is left.
     */
    @Override
    public void writtenElsewhere(List<Event> events, PlatformState state) {
        if (sink == null || engine == null) return;
        engine.refresh(state);
        pipelines.playCommandsFromElsewhere(events, state);
    }

    /**
     * A run a command asked for: its {@code execution.queued} goes into the command's transaction;
     * the rest plays on the engine from the next tick.
     */
    private String runLater(String pipeline, String tier, LocalDate week, Trigger trigger, String user, String retryOf,
                            List<EventData> facts) throws FeedRefusal {
        if (tier == null || week == null) throw new FeedRefusal("invalid_params", "that execution has no tier and week to run again");
        List<EventData> captured = new ArrayList<>();
        String[] id = new String[1];
        engine.runInline(captured::add, () -> id[0] = pipelines.run(pipeline, tier, week, trigger, user, retryOf, Fault.NONE));
        facts.addAll(captured);
        return id[0];
    }

    /**
     * A clean shutdown drains: the runs in flight finish (as a worker finishes its task before it
     * stops) instead of being failed as WorkerLost at the next start. Only a crash loses them.
     * Called on the platform thread (the server's close), so nothing else touches the engine meanwhile.
     */
    @Override
    public void close() {
        if (ticker != null) ticker.cancel(false);
        if (sink == null || engine == null) return;
        try {
            Set<String> inFlight = new HashSet<>();
            for (Execution x : sink.state().activeExecutions()) inFlight.add(x.executionId());
            if (inFlight.isEmpty()) return;
            engine.runTagged(inFlight, (at, data) -> sink.emit(clock.instant(), data), sink::state);
            LOG.info("demo platform finished " + inFlight.size() + " run(s) in flight before stopping");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "demo platform could not finish its runs in flight; they will show as WorkerLost at the next start", e);
        }
    }
}
