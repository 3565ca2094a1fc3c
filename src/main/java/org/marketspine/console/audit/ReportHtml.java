package org.marketspine.console.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.marketspine.console.model.Anomaly;
import org.marketspine.console.model.AuditLog;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.ExecutionStatus;
import org.marketspine.console.model.Greatest;
import org.marketspine.console.model.PartitionKey;
import org.marketspine.console.model.Params;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.Readiness;

/**
 * The bundle's human-readable report: one page a reviewer can read without the app — health over
 * the range, readiness per week, every execution and command with who/when/params, anomalies,
 * and the lineage picture. Long lists are capped; events.ndjson holds everything.
 */
final class ReportHtml {
    static final int MAX_ROWS = 5_000;
    /**
     * Which rendering this is: {@code bundle verify} renders the report again from the events and
     * compares bytes, so any change to the output below must change this name.
     */
    static final String RENDERER = "spine-console-report/3";

    record Scope(BundleWriter.Source source, Instant from, Instant to, long lastSeq, long rangeFirstSeq, String createdBy,
                 Instant createdAt, String signer, String feedKey) {}

    private ReportHtml() {}

    static String render(Scope s, PlatformState start, PlatformState end) {
        StringBuilder h = new StringBuilder(64_000);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Spine Console audit bundle — ")
                .append(esc(s.source().platform())).append("</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2328}h1{font-size:22px}h2{font-size:17px;margin-top:28px}")
                .append("table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}")
                .append("th{background:#f6f8fa}.bad{color:#cf222e;font-weight:bold}.override{font-weight:bold}.muted{color:#59636e}")
                .append(".PRELIMINARY{color:#b35900;font-weight:bold}.BLOCKED{color:#cf222e;font-weight:bold}.CERTIFIED{color:#1a7f37}</style></head><body>");
        h.append("<h1>Audit bundle — ").append(esc(s.source().platform())).append("</h1>");
        h.append("<p>Feed <b>").append(esc(s.source().feedId())).append("</b> (").append(esc(s.source().server())).append(", ")
                .append(esc(s.source().url())).append(")<br>Range <b>").append(s.from()).append("</b> to <b>").append(s.to())
                .append("</b> (UTC) · events 1–").append(s.lastSeq()).append(", of which ").append(s.lastSeq() - s.rangeFirstSeq() + 1)
                .append(" in the range<br>Created ").append(s.createdAt()).append(" by ").append(esc(s.createdBy()))
                .append(" · signed by <code>").append(esc(s.signer())).append("</code><br>Feed key <code>")
                .append(esc(s.feedKey())).append("</code> (its signed checkpoints are in manifest.json)</p>");
        h.append("<p class=\"muted\">Verify before relying on it: <code>java -jar spine-console.jar bundle verify FILE</code>. ")
                .append("Every list below is as the journal knew it at the end of the range.</p>");

        // The operator and quant sections on another thread while this one writes the other two: a
        // million-event report spends most of its time here, and verifying waits on it.
        CompletableFuture<StringBuilder> firstHalf = CompletableFuture.supplyAsync(() -> {
            StringBuilder part = new StringBuilder(32_000);
            operator(part, s, end);
            quant(part, end);
            return part;
        }, r -> Thread.ofPlatform().daemon().name("bundle-report").start(r));
        StringBuilder secondHalf = new StringBuilder(32_000);
        compliance(secondHalf, s, end);
        anomalies(secondHalf, s, end);
        try {
            h.append(firstHalf.join()).append(secondHalf);
        } catch (CompletionException e) {
            // What the other thread threw, as if this one had: callers word a failure by its own exception.
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
        h.append("<h2>Lineage of the last week in the range</h2><p><img src=\"").append(Bundle.LINEAGE)
                .append("\" alt=\"lineage graph\" style=\"max-width:100%\"></p><p class=\"muted\">The picture is an illustration drawn by the "
                        + "exporter: verification checks it is the file the exporter signed, not that it was drawn from the events (this "
                        + "page is: it is rendered again from them).</p>");
        h.append("<p class=\"muted\">State at the start of the range: ").append(start.captures().size()).append(" captures, ")
                .append(start.executions().size()).append(" executions; at its end: ").append(end.captures().size()).append(" captures, ")
                .append(end.executions().size()).append(" executions.</p></body></html>\n");
        return h.toString();
    }

    /** One method per section: each reads alone, and a fresh JVM compiles four small loops faster than one long method. */
    private static void operator(StringBuilder h, Scope s, PlatformState end) {
        // Counted over every execution in the range, listed only for the failed ones: sorting just
        // those (stably, by time) gives the same rows in the same order as sorting all and filtering.
        Map<ExecutionStatus, Integer> byStatus = new EnumMap<>(ExecutionStatus.class);
        List<Execution> failed = new ArrayList<>();
        int inRange = 0;
        for (Execution e : end.executions().values()) {
            Instant t = e.lastChangeAt();
            if (t == null || t.isBefore(s.from()) || t.isAfter(s.to())) continue;
            inRange++;
            byStatus.merge(e.status(), 1, Integer::sum);
            if (e.status() == ExecutionStatus.FAILED) failed.add(e);
        }
        failed.sort(Comparator.comparing(Execution::lastChangeAt));
        h.append("<h2>Operator — health over the range</h2><p>").append(inRange).append(" executions: ");
        byStatus.forEach((k, v) -> h.append(k.name().toLowerCase()).append(' ').append(v).append(" · "));
        h.append("</p><table><tr><th>Failed at</th><th>Pipeline</th><th>Params</th><th>Error</th><th>Class</th></tr>");
        for (Execution e : failed.subList(0, Math.min(failed.size(), MAX_ROWS))) {
            h.append("<tr><td>").append(e.lastChangeAt()).append("</td><td>").append(esc(e.pipeline())).append("</td><td>")
                    .append(esc(Params.sorted(e.params()).toString())).append("</td><td class=\"bad\">")
                    .append(e.error() == null ? "" : esc(e.error().type() + ": " + e.error().message())).append("</td><td>")
                    .append(e.error() == null ? "" : esc(e.error().classification().name().toLowerCase())).append("</td></tr>");
        }
        h.append("</table>").append(more(failed.size()));

    }

    private static void quant(StringBuilder h, PlatformState end) {
        h.append("<h2>Quant — readiness per week at the end of the range</h2><table><tr><th>Week ending</th><th>Dataset</th><th>Tier</th><th>Status</th><th>Why · by · when</th><th>Capture</th></tr>");
        // Oldest week first (PartitionKey orders newest first; this lists its greatest keys): what
        // renderer /3 has always written, and a verifier compares the report byte for byte.
        for (Map.Entry<PartitionKey, Readiness> e : Greatest.of(end.readiness().entrySet(), Map.Entry.<PartitionKey, Readiness>comparingByKey(), MAX_ROWS)) {
            Readiness r = e.getValue();
            h.append("<tr><td>").append(e.getKey().weekEnding()).append("</td><td>").append(esc(e.getKey().dataset())).append("</td><td>")
                    .append(esc(e.getKey().tier())).append("</td><td class=\"").append(esc(r.status().name())).append("\">").append(esc(r.status().name()))
                    .append("</td><td>").append(esc(r.last().reason())).append(" · ").append(esc(r.last().by())).append(" · ")
                    .append(r.changedAt()).append("</td><td><code>").append(esc(String.valueOf(r.last().captureId()))).append("</code></td></tr>");
        }
        h.append("</table>").append(more(end.readiness().size()));

    }

    private static void compliance(StringBuilder h, Scope s, PlatformState end) {
        h.append("<h2>Compliance — every execution and command in the range</h2><table><tr><th>At (UTC)</th><th>Kind</th><th>Who</th><th>What</th><th>Trigger / role</th><th>Params</th><th>Outcome</th><th>Reason</th></tr>");
        AuditLog.Newest newest = AuditLog.newestInRange(end, s.from(), s.to(), MAX_ROWS);
        for (AuditLog.Entry e : newest.entries()) {
            String cls = e.outcome().equals("rejected") || e.outcome().equals("failed") ? "bad" : e.isOverride() ? "override" : "";
            h.append("<tr class=\"").append(cls).append("\"><td>").append(e.at()).append("</td><td>").append(esc(e.kind())).append("</td><td>")
                    .append(esc(e.who())).append("</td><td>").append(esc(e.what())).append("</td><td>").append(esc(e.trigger()))
                    .append("</td><td>").append(esc(e.params())).append("</td><td>").append(esc(e.outcome())).append("</td><td>")
                    .append(esc(e.reason())).append("</td></tr>");
        }
        h.append("</table>").append(more(newest.count()));
    }

    private static void anomalies(StringBuilder h, Scope s, PlatformState end) {
        h.append("<h2>Anomalies open at any time in the range</h2><table><tr><th>Detected</th><th>Severity</th><th>Partition</th><th>Message</th><th>Resolved</th></tr>");
        // Filtered before the (stable) sort: the same rows in the same order, fewer to sort.
        List<Anomaly> overlapping = new ArrayList<>();
        for (Anomaly a : end.anomalies().values()) {
            if (!a.detectedAt().isAfter(s.to()) && (a.resolvedAt() == null || !a.resolvedAt().isBefore(s.from()))) overlapping.add(a);
        }
        overlapping.sort(Comparator.comparing(Anomaly::detectedAt));
        for (Anomaly a : overlapping.subList(0, Math.min(overlapping.size(), MAX_ROWS))) {
            h.append("<tr><td>").append(a.detectedAt()).append("</td><td>").append(esc(a.severity().name())).append("</td><td>")
                    .append(esc(a.partition().toString())).append("</td><td>").append(esc(a.detected().message())).append("</td><td>")
                    .append(a.resolvedAt() == null ? "<span class=\"bad\">open</span>" : a.resolvedAt() + " by " + esc(a.resolvedBy()))
                    .append("</td></tr>");
        }
        h.append("</table>").append(more(overlapping.size()));
    }

    private static String more(int rows) {
        return rows > MAX_ROWS ? "<p class=\"muted\">… and " + (rows - MAX_ROWS) + " more rows in events.ndjson.</p>" : "";
    }

    /** Every value that came from the feed goes through here: text and attribute safe (a hostile value cannot script the page). */
    static String esc(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
            out.append(rep);
        }
        return out == null ? s : out.toString();
    }
}
