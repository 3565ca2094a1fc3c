package org.marketspine.console.feed.source;

import static org.marketspine.console.feed.source.DemoCatalog.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.marketspine.console.model.Anomaly;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.PartitionKey;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.Readiness;
import org.marketspine.console.model.RevisionChain;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData.AnomalyDetected;
import org.marketspine.console.protocol.EventData.CaptureRecorded;
import org.marketspine.console.protocol.EventData.ErrorDetail;
import org.marketspine.console.protocol.EventData.ExecutionCancelled;
import org.marketspine.console.protocol.EventData.ExecutionCompleted;
import org.marketspine.console.protocol.EventData.ExecutionFailed;
import org.marketspine.console.protocol.EventData.ExecutionQueued;
import org.marketspine.console.protocol.EventData.ExecutionStarted;
import org.marketspine.console.protocol.EventData.ReadinessChanged;
import org.marketspine.console.protocol.EventData.SourceFile;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.Stage;
import org.marketspine.console.protocol.Trigger;

/**
 * How the demo's pipelines run: ingest → normalize → compute (6-week average, week-over-week),
 * with the captures, readiness and quality checks each produces. Every step is a plan on the
 * {@link DemoEngine}, so the same code writes history and plays live.
 */
final class DemoPipelines {
    /** What a run should do instead of succeeding. */
    enum Fault { NONE, HTTP_503, SCHEMA_ERROR }

    private final DemoEngine engine;
    private final SymbolUniverse symbols;
    private final Random rng;
    /** Pipelines and tiers currently broken by a systemic fault (until someone "fixes" it). */
    final Set<String> brokenPipelines = new HashSet<>();
    /** Partitions whose next quality check raises a critical anomaly (the demo's blocked week). */
    final Set<PartitionKey> criticalNext = new HashSet<>();
    /** Whether follow-on steps (normalize after ingest, compute after normalize) are chained. */
    boolean chain = true;
    /**
     * The revision number of each raw partition's newest ingest. Walking the chain of revisions at
     * every ingest cost most of the platform thread's time once a fast demo had re-ingested a week
     * a few thousand times (it slowed the demo down as it ran); after a restart a partition's chain
     * is walked once.
     */
    private final Map<PartitionKey, Revision> revisions = new HashMap<>();

    private record Revision(String captureId, int number) {}

    DemoPipelines(DemoEngine engine, SymbolUniverse symbols, Random rng) {
        this.engine = engine;
        this.symbols = symbols;
        this.rng = rng;
    }

    /**
     * A random id like the platform's, drawn again while the state already holds it: 32 random bits
     * repeat after about 65,000 draws (the birthday bound), and a demo left running for weeks makes
     * several times that many executions.
     */
    private String newId(String prefix, Predicate<String> taken) {
        String id;
        do id = prefix + "-" + HexFormat.of().toHexDigits(rng.nextInt()); while (taken.test(id));
        return id;
    }

    private String newAnomalyId() {
        return newId("an", taken -> engine.state().anomalies().containsKey(taken));
    }

    /** Queues a run now: queued → started → completed or failed; returns its execution id. */
    String run(String pipeline, String tier, LocalDate week, Trigger trigger, String by, String retryOf, Fault fault) {
        String id = newId("ex", taken -> engine.state().execution(taken) != null);
        Map<String, Object> params = BackfillPlan.params(week, tier);
        engine.emit(new ExecutionQueued(id, pipeline, params, trigger, by, retryOf));
        play(id, pipeline, tier, week, trigger, by, retryOf, fault);
        return id;
    }

    /**
     * What commands another feed server accepted ask of the platform: a run it queued plays here
     * (started → completed or failed, from now) unless it is no longer queued (this server's start
     * failed it as lost); a run it cancelled is called off.
     */
    void playCommandsFromElsewhere(List<Event> events, PlatformState state) {
        for (Event e : events) {
            switch (e.data()) {
                case ExecutionQueued q -> {
                    Execution x = state.execution(q.executionId());
                    if (x != null && x.status().isActive() && x.tier() != null && x.weekEnding() != null) {
                        play(q.executionId(), q.pipeline(), x.tier(), x.weekEnding(), q.trigger(), q.triggeredBy(), q.retryOf(), Fault.NONE);
                    }
                }
                case ExecutionCancelled c -> engine.cancelTagged(c.executionId());
                default -> { }
            }
        }
    }

    private void play(String id, String pipeline, String tier, LocalDate week, Trigger trigger, String by, String retryOf,
                      Fault fault) {
        Map<String, Object> params = BackfillPlan.params(week, tier);
        int attempt = retryOf == null ? 1 : attemptOf(retryOf) + 1;
        String captureId = captureIdFor(pipeline, tier, week, id);
        engine.at(engine.now().plusSeconds(2 + rng.nextInt(4)), id, () -> {
            engine.emit(new ExecutionStarted(id, pipeline, params, trigger, by, captureId, attempt));
            long millis = durationMillis(pipeline);
            Fault effective = brokenPipelines.contains(pipeline + "|" + tier) ? Fault.SCHEMA_ERROR : fault;
            if (effective == Fault.HTTP_503) millis = 12_000 + rng.nextInt(4_000);
            long duration = millis;
            engine.at(engine.now().plusMillis(duration), id, () -> finish(id, pipeline, tier, week, trigger, captureId,
                    duration, effective));
        });
    }

    private int attemptOf(String executionId) {
        var x = engine.state().execution(executionId);
        return x == null ? 1 : Math.max(1, x.attempt());
    }

    private long durationMillis(String pipeline) {
        return switch (pipeline) {
            case INGEST -> 40_000 + rng.nextInt(50_000);
            case NORMALIZE -> 20_000 + rng.nextInt(20_000);
            default -> 6_000 + rng.nextInt(8_000);
        };
    }

    /**
     * Named after the execution that records it: an execution records at most one capture and its id
     * is unique, so two captures of one partition never share an id. (A random suffix did, once a
     * week had been re-ingested some thousands of times; the second capture then revised itself.)
     */
    private static String captureIdFor(String pipeline, String tier, LocalDate week, String executionId) {
        return outputOf(pipeline) + ":" + tier + ":" + week + ":" + executionId.substring(executionId.indexOf('-') + 1);
    }

    static String outputOf(String pipeline) {
        return switch (pipeline) {
            case INGEST -> RAW;
            case NORMALIZE -> NORMALIZED;
            case COMPUTE_AVG -> AVG_6W;
            case COMPUTE_WOW -> WOW;
            default -> CALENDAR;
        };
    }

    private void finish(String id, String pipeline, String tier, LocalDate week, Trigger trigger, String captureId,
                        long duration, Fault fault) {
        switch (fault) {
            case HTTP_503 -> {
                engine.emit(new ExecutionFailed(id, duration, new ErrorDetail("HTTPError",
                        "HTTP 503 Service Unavailable from FINRA OTC transparency API (weeklySummary " + tier + " " + week + ")",
                        Classification.TRANSIENT)));
                // spine-core's retry policy retries transient errors after a back-off.
                engine.at(Duration.ofMinutes(15), () -> run(pipeline, tier, week, Trigger.RETRY, RETRY_POLICY, id, Fault.NONE));
                return;
            }
            case SCHEMA_ERROR -> {
                engine.emit(new ExecutionFailed(id, duration, new ErrorDetail("SchemaError",
                        "column 'totalWeeklyShareQuantity' not found in normalized input (found 'totalWeeklyShareQty')",
                        Classification.SYSTEMIC)));
                return;
            }
            case NONE -> { }
        }
        PlatformState s = engine.state();
        CaptureRecorded capture = switch (pipeline) {
            case INGEST -> ingestCapture(s, id, captureId, tier, week);
            case NORMALIZE -> derivedCapture(s, id, captureId, NORMALIZED, Stage.NORMALIZE, tier, week,
                    inputsOf(s, List.of(new PartitionKey(RAW, tier, week)), calendarInput(s)));
            case COMPUTE_AVG -> derivedCapture(s, id, captureId, AVG_6W, Stage.COMPUTE, tier, week, sixWeeks(s, tier, week));
            case COMPUTE_WOW -> derivedCapture(s, id, captureId, WOW, Stage.COMPUTE, tier, week, inputsOf(s,
                    List.of(new PartitionKey(NORMALIZED, tier, week), new PartitionKey(NORMALIZED, tier, week.minusWeeks(1))), null));
            case CALENDAR_INGEST -> calendarCapture(s, id, captureId, tier, week);
            default -> null;
        };
        if (capture == null) {
            engine.emit(new ExecutionFailed(id, duration, new ErrorDetail("InsufficientHistory",
                    "needs 6 consecutive normalized weeks ending " + week + " for " + tier, Classification.SYSTEMIC)));
            return;
        }
        engine.emit(new ExecutionCompleted(id, capture.rows(), duration, List.of(capture.captureId())));
        engine.emit(capture);
        afterCapture(capture, trigger);
    }

    private CaptureRecorded ingestCapture(PlatformState s, String id, String captureId, String tier, LocalDate week) {
        PartitionKey key = new PartitionKey(RAW, tier, week);
        Capture previous = s.currentCapture(key);
        int revision = previous == null ? 0 : revisionOf(s, key, previous) + 1;
        revisions.put(key, new Revision(captureId, revision));
        int count = symbols.count(tier, week, revision);
        long rows = (long) count * ROWS_PER_SYMBOL + rng.nextInt(500);
        byte[] digest = new byte[32];
        rng.nextBytes(digest);
        SourceFile file = new SourceFile("https://api.finra.org/data/group/otcMarket/name/weeklySummary?tier=" + tier
                + "&weekEnding=" + week + (revision > 0 ? "&revision=" + revision : ""), rows * BYTES_PER_ROW,
                HexFormat.of().formatHex(digest));
        return new CaptureRecorded(captureId, RAW, tier, week, Stage.INGEST, rows, count, id, List.of(),
                previous == null ? null : previous.captureId(), file);
    }

    private int revisionOf(PlatformState s, PartitionKey key, Capture capture) {
        Revision known = revisions.get(key);
        return known != null && known.captureId().equals(capture.captureId()) ? known.number() : RevisionChain.depth(s, capture);
    }

    /** The exchange calendar (XNYS trading days and holidays) that decides which weeks are expected. */
    private CaptureRecorded calendarCapture(PlatformState s, String id, String captureId, String exchange, LocalDate week) {
        Capture previous = s.currentCapture(new PartitionKey(CALENDAR, exchange, week));
        byte[] digest = new byte[32];
        rng.nextBytes(digest);
        SourceFile file = new SourceFile("exchange_calendars:" + exchange + ":" + week.getYear() + "-" + (week.getYear() + 1),
                18_400, HexFormat.of().formatHex(digest));
        return new CaptureRecorded(captureId, CALENDAR, exchange, week, Stage.INGEST, 504, 0, id, List.of(),
                previous == null ? null : previous.captureId(), file);
    }

    private CaptureRecorded derivedCapture(PlatformState s, String id, String captureId, String dataset, Stage stage,
                                           String tier, LocalDate week, List<String> inputs) {
        if (inputs == null) return null;
        Capture first = s.capture(inputs.get(0));
        Capture previous = s.currentCapture(new PartitionKey(dataset, tier, week));
        long symbolCount = first == null ? 0 : first.recorded().symbols();
        long rows = stage == Stage.NORMALIZE ? first.recorded().rows() - rng.nextInt(40) : symbolCount;
        return new CaptureRecorded(captureId, dataset, tier, week, stage, Math.max(0, rows), symbolCount, id, inputs,
                previous == null ? null : previous.captureId(), null);
    }

    /** The very captures current now for these partitions (pinned by id), or null if one is missing. */
    private static List<String> inputsOf(PlatformState s, List<PartitionKey> keys, String extra) {
        List<String> ids = new ArrayList<>();
        for (PartitionKey k : keys) {
            String id = s.currentCaptures().get(k);
            if (id == null) return null;
            ids.add(id);
        }
        if (extra != null) ids.add(extra);
        return ids;
    }

    private static String calendarInput(PlatformState s) {
        String best = null;
        for (var e : s.currentCaptures().entrySet()) if (e.getKey().dataset().equals(CALENDAR)) best = e.getValue();
        return best;
    }

    private static List<String> sixWeeks(PlatformState s, String tier, LocalDate week) {
        List<PartitionKey> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) keys.add(new PartitionKey(NORMALIZED, tier, week.minusWeeks(i)));
        return inputsOf(s, keys, null);
    }

    private void afterCapture(CaptureRecorded c, Trigger trigger) {
        String tier = c.tier();
        LocalDate week = c.weekEnding();
        switch (c.dataset()) {
            case RAW -> {
                if (chain) engine.at(Duration.ofSeconds(5), () -> run(NORMALIZE, tier, week, Trigger.SCHEDULED, SCHEDULER, null, Fault.NONE));
            }
            case NORMALIZED -> {
                String reason = c.supersedes() == null ? "ingested; awaiting quality checks and certification"
                        : "FINRA revised this week; capture " + c.supersedes() + " superseded — re-certification pending";
                readiness(NORMALIZED, tier, week, ReadinessStatus.PRELIMINARY, reason, SCHEDULER, c);
                engine.at(Duration.ofMinutes(2), () -> qualityCheck(c));
                if (chain) {
                    engine.at(Duration.ofSeconds(10), () -> run(COMPUTE_AVG, tier, week, Trigger.SCHEDULED, SCHEDULER, null, Fault.NONE));
                    engine.at(Duration.ofSeconds(12), () -> run(COMPUTE_WOW, tier, week, Trigger.SCHEDULED, SCHEDULER, null, Fault.NONE));
                }
                engine.at(Duration.ofHours(26), () -> autoCertify(tier, week));
            }
            // Not a word on the inputs' status: that changes after this decision (certified, revised),
            // and the console reads it from the exact input captures, always current.
            case AVG_6W, WOW -> readiness(c.dataset(), tier, week, ReadinessStatus.PRELIMINARY,
                    "computed" + (trigger == Trigger.BACKFILL ? " by backfill" : "") + "; awaiting certification", SCHEDULER, c);
            default -> { }
        }
    }

    void readiness(String dataset, String tier, LocalDate week, ReadinessStatus status, String reason, String by,
                   CaptureRecorded c) {
        long expected = symbols.size(tier);
        engine.emit(new ReadinessChanged(dataset, tier, week, status, reason, by, c == null ? null : c.captureId(),
                c == null ? 0 : c.symbols(), expected));
    }

    private void qualityCheck(CaptureRecorded c) {
        PartitionKey key = new PartitionKey(NORMALIZED, c.tier(), c.weekEnding());
        if (criticalNext.remove(key)) {
            AnomalyDetected a = new AnomalyDetected(newAnomalyId(), Severity.CRITICAL, "completeness", NORMALIZED, c.tier(),
                    c.weekEnding(), c.captureId(), "row count " + c.rows() + " is 38% below the 6-week average: the FINRA file"
                    + " appears truncated", List.of());
            engine.emit(a);
            readiness(NORMALIZED, c.tier(), c.weekEnding(), ReadinessStatus.BLOCKED, "critical anomaly " + a.anomalyId()
                    + ": file appears truncated (38% fewer rows) — do not use", QUALITY_GATE, c);
            return;
        }
        int roll = rng.nextInt(100);
        if (roll < 55) return;
        Severity severity = roll < 80 ? Severity.LOW : roll < 95 ? Severity.MEDIUM : Severity.HIGH;
        List<String> affected = symbols.all(c.tier()).subList(0, 3 + rng.nextInt(5)).stream()
                .map(sym -> symbols.all(c.tier()).get(Math.floorMod(sym.hashCode() + rng.nextInt(9999), symbols.size(c.tier()))))
                .toList();
        String[] categories = {"volume_spike", "symbol_coverage", "late_submission"};
        String category = categories[rng.nextInt(categories.length)];
        String message = switch (category) {
            case "volume_spike" -> affected.size() + " symbols with weekly share volume over 8σ from their 6-week average";
            case "symbol_coverage" -> "symbol count " + c.symbols() + " is " + (1 + rng.nextInt(3)) + "% below last week";
            default -> affected.size() + " market participants submitted after the publication cut-off";
        };
        AnomalyDetected a = new AnomalyDetected(newAnomalyId(), severity, category, NORMALIZED, c.tier(), c.weekEnding(),
                c.captureId(), message, affected);
        engine.emit(a);
        planResolution(a.anomalyId(), severity, Duration.ofHours(3 + rng.nextInt(20)));
    }

    /** The quality gate, or for a high one a data steward, closes a non-critical anomaly some hours after it was raised. */
    private void planResolution(String anomalyId, Severity severity, Duration after) {
        engine.at(after, () -> {
            Anomaly now = engine.state().anomalies().get(anomalyId);
            if (now == null || !now.isOpen()) return;
            if (severity == Severity.HIGH) {
                engine.emit(new EventData.AnomalyAcknowledged(anomalyId, DATA_STEWARD,
                        "checked against vendor tape; genuine market activity"));
            }
            engine.emit(new EventData.AnomalyResolved(anomalyId,
                    severity == Severity.HIGH ? DATA_STEWARD : QUALITY_GATE,
                    severity == Severity.HIGH ? "explained: corporate action" : "within tolerance after revision check"));
        });
    }

    /**
     * After a restart: the resolutions planned before it were timers of the process that stopped.
     * Each open non-critical anomaly is planned again, 3–22 h after it was raised as its id decides,
     * or within minutes if that is past — otherwise every restart of a demo feed left some open for
     * ever, and a wall that ran for weeks across restarts held more and more of them. (A critical
     * one closes when FINRA republishes the week, which the live scenarios decide from the state.)
     */
    void replanResolutions(PlatformState s) {
        for (Anomaly a : s.anomalies().values()) {
            if (!a.isOpen() || a.severity() == Severity.CRITICAL) continue;
            int spread = Math.floorMod(a.anomalyId().hashCode(), 20);
            Duration after = Duration.between(engine.now(), a.detectedAt().plus(Duration.ofHours(3 + spread)));
            planResolution(a.anomalyId(), a.severity(), after.isNegative() ? Duration.ofMinutes(1 + spread) : after);
        }
    }

    /** Certifies a week a day after normalize, unless something open or blocking says otherwise. */
    void autoCertify(String tier, LocalDate week) {
        PlatformState s = engine.state();
        PartitionKey key = new PartitionKey(NORMALIZED, tier, week);
        Readiness r = s.readiness().get(key);
        if (r == null || r.status() != ReadinessStatus.PRELIMINARY) return;
        boolean reviewed = false;
        for (Anomaly a : s.anomalies().values()) {
            if (!a.detected().tier().equals(tier) || !a.detected().weekEnding().equals(week)) continue;
            if (a.isOpen() && a.severity().compareTo(Severity.MEDIUM) <= 0) return;
            if (a.severity() == Severity.HIGH) reviewed = true;
        }
        String by = reviewed ? DATA_STEWARD : AUTO_CERTIFY;
        String reason = reviewed ? "reviewed: high anomaly explained; all checks pass" : "all pre-certification checks pass";
        for (String dataset : List.of(NORMALIZED, AVG_6W, WOW)) {
            Capture c = s.currentCapture(new PartitionKey(dataset, tier, week));
            Readiness dr = s.readiness().get(new PartitionKey(dataset, tier, week));
            if (c != null && dr != null && dr.status() == ReadinessStatus.PRELIMINARY && !s.isStale(c)) {
                readiness(dataset, tier, week, ReadinessStatus.CERTIFIED, reason, by, c.recorded());
            }
        }
    }
}
