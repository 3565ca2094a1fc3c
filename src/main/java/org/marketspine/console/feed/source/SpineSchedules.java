package org.marketspine.console.feed.source;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.marketspine.console.feed.source.SpineRows.BadRow;
import org.marketspine.console.model.Fact;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Stage;

/**
 * Pipelines and their schedules: {@code core_calc_dependencies} (the edges between datasets;
 * {@code calc_table} may be NULL) and {@code core_expected_schedules} declare them; missed runs
 * come from spine-core's own scheduler ({@code core_schedule_runs} with status MISSED, or a
 * schedule whose {@code last_run_status} is MISSED) where it has one, and otherwise from
 * comparing each weekly expected schedule with the runs the database holds.
 */
final class SpineSchedules {
    private final SpinePass pass;

    SpineSchedules(SpinePass pass) {
        this.pass = pass;
    }

    private static Stage stageOfPipeline(String pipeline) {
        String p = pipeline.toLowerCase(Locale.ROOT);
        return p.contains("ingest") ? Stage.INGEST : p.contains("normal") ? Stage.NORMALIZE : Stage.COMPUTE;
    }

    void pipelines() {
        Map<String, List<String>> inputs = new HashMap<>();
        Map<String, List<String>> outputs = new HashMap<>();
        Map<String, String> domains = new TreeMap<>();
        pass.eachRow("core_calc_dependencies", r -> {
            String p = SpineRows.workName(SpineRows.text(r, "calc_pipeline"));
            String domain = SpineRows.text(r, "calc_domain");
            domains.put(p, domain);
            String table = SpineRows.optional(r, "depends_on_table");
            List<String> in = inputs.computeIfAbsent(p, k -> new ArrayList<>());
            String input = SpineRows.text(r, "depends_on_domain") + (table == null ? "" : "." + table);
            if (!in.contains(input)) in.add(input);
            List<String> o = outputs.computeIfAbsent(p, k -> new ArrayList<>());
            // A NULL calc_table: the calculation's output is not named, only its inputs are known.
            String out = SpineRows.optional(r, "calc_table") == null ? null : domain + "." + SpineRows.optional(r, "calc_table");
            if (out != null && !o.contains(out)) o.add(out);
        });
        Map<String, EventData.Schedule> schedules = new HashMap<>();
        pass.eachRow("core_expected_schedules", r -> {
            String p = SpineRows.workName(SpineRows.text(r, "pipeline"));
            domains.putIfAbsent(p, SpineRows.text(r, "domain"));
            if (SpineRows.flag(r, "is_active") || r.get("is_active") == null) {
                String cron = SpineRows.optional(r, "cron_expression");
                if (cron != null) schedules.put(p, new EventData.Schedule(cron, "UTC", (int) SpineRows.number(r, "expected_delay_hours", 24)));
            }
        });
        for (Map.Entry<String, String> e : domains.entrySet()) {
            String p = e.getKey();
            EventData.PipelineDeclared d = new EventData.PipelineDeclared(p, e.getValue(), stageOfPipeline(p), inputs.getOrDefault(p, List.of()),
                    outputs.getOrDefault(p, List.of()), schedules.get(p));
            Fact<EventData.PipelineDeclared> had = pass.state.pipelines().get(d.pipeline());
            if (had == null || !had.data().equals(d)) pass.add(Instant.EPOCH, d);
        }
    }

    /** "pipeline|tier|week|expected" of every miss the journal holds, built once per pass and only if a candidate needs it. */
    private Set<String> known;

    private Set<String> known() {
        if (known != null) return known;
        known = new HashSet<>();
        for (Fact<EventData.ScheduleMissed> f : pass.state.missedSchedules()) {
            known.add(f.data().pipeline() + "|" + f.data().partition().tier() + "|" + f.data().partition().weekEnding()
                    + "|" + f.data().expectedAt());
        }
        return known;
    }

    void missed() {
        guessed(fromScheduler());
    }

    /** spine-core's scheduler's own record of missed runs; returns the targets it schedules (not guessed at). */
    private Set<String> fromScheduler() {
        Set<String> targets = new HashSet<>();
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> s : pass.rows("core_schedules")) {
            String target = SpineRows.optional(s, "target_name");
            String id = SpineRows.optional(s, "id");
            if (target == null) continue;
            targets.add(SpineRows.workName(target));
            if (id != null) byId.put(id, s);
        }
        Set<String> recordedRuns = pass.memory.scheduleRuns;
        pass.eachRow("core_schedule_runs", run -> {
            Map<String, Object> s = byId.get(SpineRows.text(run, "schedule_id"));
            if (s == null) throw new BadRow("schedule_id " + run.get("schedule_id") + " is not in core_schedules");
            Instant at = SpineRows.time(run, "scheduled_at");
            recordedRuns.add(s.get("id") + "|" + at);
            if (!"MISSED".equalsIgnoreCase(SpineRows.text(run, "status"))) return;
            missedRun(s, at);
        });
        pass.eachRow("core_schedules", s -> {
            Instant last = SpineRows.optionalTime(s, "last_run_at");
            if (last != null && "MISSED".equalsIgnoreCase(SpineRows.optional(s, "last_run_status"))
                    && !recordedRuns.contains(s.get("id") + "|" + last)) {
                missedRun(s, last);
            }
        });
        return targets;
    }

    /** One missed run of a scheduler schedule: for the partition its params name, else every tier its domain has. */
    private void missedRun(Map<String, Object> schedule, Instant at) throws BadRow {
        String pipeline = SpineRows.workName(SpineRows.text(schedule, "target_name"));
        Map<String, Object> params = SpineRows.params(schedule, "params");
        LocalDate week = params.get("week_ending") != null ? LocalDate.parse(params.get("week_ending").toString()) : SpineData.weekOf(at);
        String domain = pipeline.contains(".") ? pipeline.substring(0, pipeline.lastIndexOf('.')) : pipeline;
        Set<String> tiers = params.get("tier") != null ? Set.of(params.get("tier").toString()) : pass.tiersOf(domain, null);
        if (tiers.isEmpty()) tiers = Set.of(SpineData.ALL_TIERS);
        for (String tier : tiers) {
            if (!known().add(pipeline + "|" + tier + "|" + week + "|" + at)) continue;
            pass.add(at, new EventData.ScheduleMissed(pipeline, at, new EventData.Partition(week, tier)));
        }
    }

    /**
     * For each active weekly expected schedule the scheduler does not cover: every week the
     * domain's manifest spans, and the week after its latest, in every tier it has; a partition
     * whose run was due (cron after the week + expected_delay_hours) and has no run of that
     * pipeline is missed — once.
     */
    private void guessed(Set<String> byScheduler) {
        pass.eachRow("core_expected_schedules", sched -> {
            if (sched.get("is_active") != null && !SpineRows.flag(sched, "is_active")) return;
            String pipeline = SpineRows.workName(SpineRows.text(sched, "pipeline"));
            if (byScheduler.stream().anyMatch(t -> SpineRows.sameWork(t, pipeline))) return;
            String type = SpineRows.optional(sched, "schedule_type");
            if (type != null && !type.equalsIgnoreCase("weekly")) return; // judged by its own cadence: only weekly partitions are guessed
            String cronText = SpineRows.optional(sched, "cron_expression");
            if (cronText == null) return;
            String domain = SpineRows.text(sched, "domain");
            WeeklyCron cron = WeeklyCron.parse(cronText);
            long delayHours = SpineRows.number(sched, "expected_delay_hours", 24);
            for (Map.Entry<String, LocalDate[]> e : pass.memory.spans.getOrDefault(domain, Map.of()).entrySet()) {
                // Weeks fall due in order and, once due, are decided for good: start after the last one decided
                // (unless the manifest now reaches further back than it did then).
                String lane = pipeline + "|" + e.getKey();
                LocalDate start = e.getValue()[0];
                LocalDate[] decided = pass.memory.decidedThrough.get(lane);
                LocalDate w = decided != null && !start.isBefore(decided[0]) ? decided[1].plusWeeks(1) : start;
                for (; !w.isAfter(e.getValue()[1].plusWeeks(1)); w = w.plusWeeks(1)) {
                    Instant expected = cron.firstAfter(w);
                    Instant due = expected.plus(Duration.ofHours(delayHours));
                    if (due.isAfter(pass.now)) break;
                    pass.memory.decidedThrough.put(lane, new LocalDate[] {start, w});
                    String key = lane + "|" + w + "|" + expected;
                    if (pass.hasRun(pipeline, e.getKey(), w) || known().contains(key)) continue;
                    known().add(key);
                    pass.add(due, new EventData.ScheduleMissed(pipeline, expected, new EventData.Partition(w, e.getKey())));
                }
            }
        });
    }
}
