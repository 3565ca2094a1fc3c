package org.marketspine.console.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.marketspine.console.feed.EventSink.Timed;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.FinraCalendar;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.Stage;
import org.marketspine.console.protocol.Trigger;

/**
 * A large, realistic journal for benchmarks: many years of weekly runs (queued, started,
 * completed or failed, captures pinned to their inputs, readiness, anomalies), one second apart.
 */
public final class SyntheticHistory {
    private SyntheticHistory() {}

    public static final Instant START = Instant.parse("2016-01-04T14:00:00Z");

    public static List<Timed> facts(int count, long seed) {
        Random rng = new Random(seed);
        List<Timed> out = new ArrayList<>(count + 8);
        Instant t = START;
        out.add(new Timed(t, new EventData.PipelineDeclared("finra.otc_transparency.normalize_week", "finra.otc_transparency",
                Stage.NORMALIZE, List.of("finra.otc_transparency.raw"), List.of("finra.otc_transparency.normalized"), null)));
        LocalDate week = LocalDate.of(2015, 12, 25);
        String[] previous = new String[3];
        long n = 0;
        while (out.size() < count) {
            int tierNo = (int) (n % 3);
            if (tierNo == 0) week = week.plusWeeks(1);
            String tier = FinraCalendar.TIERS.get(tierNo);
            String id = "ex-" + (++n);
            var params = BackfillPlan.params(week, tier);
            t = t.plusSeconds(1);
            out.add(new Timed(t, new EventData.ExecutionQueued(id, "finra.otc_transparency.normalize_week", params,
                    Trigger.SCHEDULED, "system:scheduler", null)));
            t = t.plusSeconds(1);
            out.add(new Timed(t, new EventData.ExecutionStarted(id, "finra.otc_transparency.normalize_week", params,
                    Trigger.SCHEDULED, "system:scheduler", "cap-" + n, 1)));
            t = t.plusSeconds(1);
            if (rng.nextInt(20) == 0) {
                out.add(new Timed(t, new EventData.ExecutionFailed(id, 1200, new EventData.ErrorDetail("HTTPError",
                        "HTTP 503 Service Unavailable", Classification.TRANSIENT))));
                continue;
            }
            long rows = 20_000 + rng.nextInt(40_000);
            out.add(new Timed(t, new EventData.ExecutionCompleted(id, rows, 30_000, List.of("cap-" + n))));
            out.add(new Timed(t, new EventData.CaptureRecorded("cap-" + n, "finra.otc_transparency.normalized", tier, week,
                    Stage.NORMALIZE, rows, rows / 7, id, previous[tierNo] == null ? List.of() : List.of(previous[tierNo]),
                    null, null)));
            previous[tierNo] = "cap-" + n;
            t = t.plusSeconds(1);
            out.add(new Timed(t, new EventData.ReadinessChanged("finra.otc_transparency.normalized", tier, week,
                    rng.nextInt(10) == 0 ? ReadinessStatus.PRELIMINARY : ReadinessStatus.CERTIFIED, "checks pass",
                    "system:auto-certify", "cap-" + n, rows / 7, 8200)));
            if (rng.nextInt(8) == 0) {
                out.add(new Timed(t, new EventData.AnomalyDetected("an-" + n, Severity.values()[rng.nextInt(4)], "volume_spike",
                        "finra.otc_transparency.normalized", tier, week, "cap-" + n, "volume spike", List.of("AAPL"))));
                out.add(new Timed(t.plusSeconds(1), new EventData.AnomalyResolved("an-" + n, "system:quality-gate", "ok")));
            }
        }
        return out.subList(0, count);
    }
}
