package org.marketspine.console.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.marketspine.console.protocol.EventData.CommandRecorded;
import org.marketspine.console.protocol.EventData.PipelineDeclared;
import org.marketspine.console.protocol.Trigger;

/**
 * Who did what, when: every execution and every command (accepted or rejected), newest first.
 * Read-only by construction: entries come from the journal and nothing here can change them.
 */
public final class AuditLog {
    private AuditLog() {}

    /** One line of the log. {@code kind} is "execution" or "command"; {@code trigger} a trigger or, for a command, the role. */
    public record Entry(Instant at, String kind, String id, String who, String what, String trigger, String params,
                        String outcome, String reason) {
        /** Someone overrode the schedule by hand: a manual run, a backfill, a retry or any command. */
        public boolean isOverride() {
            return kind.equals("command") || !trigger.equals("scheduled");
        }
    }

    public record Filter(Instant from, Instant to, String trigger, String what, String who, String outcome) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null);

        public boolean accepts(Entry e) {
            return (from == null || !e.at().isBefore(from)) && (to == null || !e.at().isAfter(to))
                    && (trigger == null || trigger.equals(e.trigger())) && (what == null || what.equals(e.what()))
                    && (who == null || who.equals(e.who())) && (outcome == null || outcome.equals(e.outcome()));
        }
    }

    /** Newest first, then by id descending; written out rather than composed: the whole log sorts every execution. */
    private static final Comparator<Entry> NEWEST_FIRST = (a, b) -> {
        int c = b.at().compareTo(a.at());
        return c != 0 ? c : b.id().compareTo(a.id());
    };

    public static List<Entry> of(PlatformState s) {
        List<Entry> out = new ArrayList<>();
        for (Execution e : s.executions().values()) out.add(entry(e));
        for (Fact<CommandRecorded> f : s.commands()) out.add(entry(f));
        out.sort(NEWEST_FIRST);
        return out;
    }

    /** The newest {@code limit} entries at {@code from}–{@code to} (inclusive) of {@link #of}, in its order, and how many there are in all. */
    public record Newest(List<Entry> entries, int count) {}

    /**
     * {@code filter(of(s), range)} cut to its first {@code limit}, without making and sorting an entry
     * for every execution: a verifier re-renders the report of a ten-year bundle (hundreds of
     * thousands of executions) to list 5,000. Equal times and ids keep the order {@link #of} gives them.
     */
    public static Newest newestInRange(PlatformState s, Instant from, Instant to, int limit) {
        List<Candidate> inRange = new ArrayList<>();
        int index = 0;
        for (Execution e : s.executions().values()) {
            Instant at = atOf(e);
            if (!at.isBefore(from) && !at.isAfter(to)) inRange.add(new Candidate(at, e.executionId(), index, e));
            index++;
        }
        for (Fact<CommandRecorded> f : s.commands()) {
            if (!f.at().isBefore(from) && !f.at().isAfter(to)) inRange.add(new Candidate(f.at(), f.data().commandId(), index, f));
            index++;
        }
        // Greater is listed first: newer, then the higher id, then the earlier in of()'s list (its sort is stable).
        Comparator<Candidate> listedFirst = (x, y) -> {
            int c = x.at().compareTo(y.at());
            if (c == 0) c = x.id().compareTo(y.id());
            return c != 0 ? c : Integer.compare(y.index(), x.index());
        };
        List<Candidate> newest = Greatest.of(inRange, listedFirst, limit);
        List<Entry> out = new ArrayList<>(newest.size());
        for (Candidate c : newest) out.add(c.entry());
        return new Newest(List.copyOf(out), inRange.size());
    }

    private record Candidate(Instant at, String id, int index, Object source) {
        @SuppressWarnings("unchecked")
        Entry entry() {
            return source instanceof Execution e ? AuditLog.entry(e) : AuditLog.entry((Fact<CommandRecorded>) source);
        }
    }

    private static Instant atOf(Execution e) {
        return e.queuedAt() != null ? e.queuedAt() : e.lastChangeAt();
    }

    private static Entry entry(Execution e) {
        String reason = e.error() != null ? e.error().type() + ": " + e.error().message()
                : e.cancelledBy() != null ? "cancelled by " + e.cancelledBy() : "";
        return new Entry(atOf(e), "execution", e.executionId(), e.triggeredBy(), e.pipeline(), e.trigger().name().toLowerCase(),
                params(e.params()), e.status().name().toLowerCase(), reason);
    }

    private static Entry entry(Fact<CommandRecorded> f) {
        CommandRecorded c = f.data();
        return new Entry(f.at(), "command", c.commandId(), c.by(), c.op(), c.role().name().toLowerCase(), params(c.params()),
                c.outcome().name().toLowerCase(), c.reason());
    }

    public static List<Entry> filter(List<Entry> entries, Filter f) {
        return entries.stream().filter(f::accepts).toList();
    }

    private static String params(Map<String, Object> params) {
        StringBuilder b = new StringBuilder();
        Params.sorted(params).forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }

    // ---- CSV (RFC 4180, ISO 8601 UTC times) ----

    public static final List<String> CSV_HEADER = List.of("at", "kind", "id", "who", "what", "trigger", "params", "outcome", "reason");

    public static String csv(List<Entry> entries) {
        StringBuilder b = new StringBuilder(String.join(",", CSV_HEADER)).append("\r\n");
        for (Entry e : entries) {
            List<String> cells = List.of(e.at().toString(), e.kind(), e.id(), e.who(), e.what(), e.trigger(), e.params(), e.outcome(), e.reason());
            for (int i = 0; i < cells.size(); i++) b.append(i == 0 ? "" : ",").append(Csv.quote(cells.get(i)));
            b.append("\r\n");
        }
        return b.toString();
    }

    /** Reads back what {@link #csv} wrote; a file that is not such a log is refused with the line at fault. */
    public static List<Entry> parseCsv(String text) {
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty() || !rows.get(0).equals(CSV_HEADER)) throw new IllegalArgumentException("line 1: not an audit log header");
        List<Entry> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() != CSV_HEADER.size()) throw new IllegalArgumentException("row " + (i + 1) + ": " + r.size() + " fields, expected " + CSV_HEADER.size());
            try {
                out.add(new Entry(Instant.parse(r.get(0)), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("row " + (i + 1) + ": time " + r.get(0) + " is not ISO 8601");
            }
        }
        return out;
    }

    // ---- "did every scheduled run execute?" ----

    /** For one weekly pipeline and tier: what ran for the week, or that nothing did. */
    public record ScheduledRun(String pipeline, String tier, boolean ran, String how) {}

    /**
     * Expected: every pipeline on a weekly schedule (one that runs per week and tier) for each tier
     * whose file for the week was due by {@code now}. Actual: its executions for that week.
     */
    public static List<ScheduledRun> verifyWeek(PlatformState s, LocalDate week, Instant now) {
        TreeSet<String> weekly = new TreeSet<>();
        for (Execution e : s.executions().values()) {
            Fact<PipelineDeclared> p = s.pipelines().get(e.pipeline());
            // Only pipelines scheduled weekly owe one run per week and tier; a yearly calendar load does not.
            if (p != null && Cadence.of(p.data().schedule()) == Cadence.WEEKLY && e.weekEnding() != null && e.tier() != null) {
                weekly.add(e.pipeline());
            }
        }
        List<ScheduledRun> out = new ArrayList<>();
        for (String pipeline : weekly) {
            for (String tier : FinraCalendar.TIERS) {
                if (FinraCalendar.dueAt(tier, week).isAfter(now)) continue;
                List<Execution> runs = s.executions().values().stream()
                        .filter(e -> e.pipeline().equals(pipeline) && tier.equals(e.tier()) && week.equals(e.weekEnding()))
                        .sorted(Comparator.comparing(Execution::lastChangeAt)).toList();
                Execution ok = runs.stream().filter(e -> e.status() == ExecutionStatus.SUCCEEDED).findFirst().orElse(null);
                String how;
                if (runs.isEmpty()) how = "MISSING — no execution for this week";
                else if (ok == null) how = "NOT SUCCEEDED — " + runs.size() + " attempt(s), last " + runs.getLast().status().name().toLowerCase();
                else how = "succeeded " + ok.endedAt() + " (" + ok.trigger().name().toLowerCase() + (ok.trigger() == Trigger.SCHEDULED ? "" : " by " + ok.triggeredBy())
                        + (runs.size() > 1 ? ", after " + (runs.size() - 1) + " other attempt(s)" : "") + ")";
                out.add(new ScheduledRun(pipeline, tier, ok != null, how));
            }
        }
        return out;
    }
}
