package org.marketspine.console.feed.source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.EventData;

/**
 * One poll of a spine-core database: the rows read, what the journal already holds, and the facts
 * the translators ({@link SpineRuns}, {@link SpineData}, {@link SpineSchedules}) add — plus what they
 * learn from each other on the way (which partitions ran, the tiers each domain has).
 */
final class SpinePass {
    final PlatformState state;
    final SpineSchema schema;
    final Instant now;
    final List<EventSink.Timed> facts = new ArrayList<>();
    /** What earlier polls learnt; this pass adds to it. */
    final SpineMemory memory;
    private final Map<String, List<Map<String, Object>>> rows;
    private final Skips skipped;

    /** Where a row that cannot be used is reported (logged once, with why). */
    interface Skips {
        void skip(String table, Map<String, Object> row, Exception why);
    }

    SpinePass(PlatformState state, SpineSchema schema, SpineMemory memory, Map<String, List<Map<String, Object>>> rows, Instant now,
              Skips skipped) {
        this.state = state;
        this.memory = memory;
        this.schema = schema;
        this.rows = rows;
        this.now = now;
        this.skipped = skipped;
    }

    void ran(String pipeline, Object tier, Object week) {
        memory.ran.computeIfAbsent(tier + "|" + week, k -> new HashSet<>()).add(pipeline);
    }

    /** Whether the pipeline ran for the partition, however spine-core spelled its name (short, qualified, with its kind). */
    boolean hasRun(String pipeline, String tier, LocalDate week) {
        Set<String> ran = memory.ran.getOrDefault(tier + "|" + week, Set.of());
        return ran.contains(pipeline) || ran.stream().anyMatch(p -> SpineRows.sameWork(p, pipeline));
    }

    /** The rows of a table new or changed since the last poll (all of them on a whole read). */
    List<Map<String, Object>> rows(String table) {
        return rows.getOrDefault(table, List.of());
    }

    /** Drops tables' rows once translated (the poll's facts and the memory keep what matters). */
    void release(String... tables) {
        for (String t : tables) rows.remove(t);
    }

    void add(Instant at, EventData data) {
        facts.add(new EventSink.Timed(at, data));
    }

    /** Reads a table's new rows one at a time; a row it cannot read is skipped with why, and the rest are still read. */
    void eachRow(String table, RowReader read) {
        for (Map<String, Object> row : rows(table)) {
            try {
                read.accept(row);
            } catch (SpineRows.BadRow | RuntimeException e) {
                skip(table, row, e);
            }
        }
    }

    /** One row's translation; {@link SpineRows.BadRow} says the row cannot be used. */
    @FunctionalInterface
    interface RowReader {
        void accept(Map<String, Object> row) throws SpineRows.BadRow;
    }

    /** A row that cannot be used: logged once with why, and the pass goes on. */
    void skip(String table, Map<String, Object> row, Exception why) {
        skipped.skip(table, row, why);
    }

    /** The tiers a domain's manifest has for a week — or for any week when it has none that week. */
    Set<String> tiersOf(String domain, LocalDate week) {
        Set<String> all = new TreeSet<>();
        Set<String> thatWeek = new TreeSet<>();
        for (Map.Entry<String, LocalDate[]> e : memory.spans.getOrDefault(domain, Map.of()).entrySet()) {
            all.add(e.getKey());
            if (week != null && !week.isBefore(e.getValue()[0]) && !week.isAfter(e.getValue()[1])) thatWeek.add(e.getKey());
        }
        return !thatWeek.isEmpty() ? thatWeek : all;
    }
}
