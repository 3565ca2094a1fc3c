package org.marketspine.console.feed.source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.EventData;

/**
 * What the translators keep between polls, so a poll translates only the rows that changed: the
 * context a row needs from other rows and tables (a partition's manifest chain, the readiness rows
 * a partition's status merges, the tiers each domain has, which partitions ran, the lifecycle of
 * each execution). Small per row — a ten-year database's history lives in the journal, not here.
 * Emptied with the reader's cursors (a reconnect): the next poll rebuilds it from a whole read.
 */
final class SpineMemory {
    /** The lifecycle an execution's events recorded: the first time of each kind, and who asked for it. */
    record Lifecycle(Instant created, Instant started, Instant ended, String requestedBy) {}

    /** domain → tier → {first, last} week its manifest spans. */
    final Map<String, Map<String, LocalDate[]>> spans = new HashMap<>();
    /** "tier|week" → the pipelines that ran for it (as spelled). */
    final Map<String, Set<String>> ran = new HashMap<>();
    /** pipeline → the classification its workflow runs give its errors. */
    final Map<String, Classification> runClass = new HashMap<>();
    final Map<String, Lifecycle> lifecycle = new HashMap<>();
    /** Execution ids with an unresolved dead letter. */
    final Set<String> deadLettered = new HashSet<>();
    /** Execution ids core_executions holds (a dead letter of one of them is not a run of its own). */
    final Set<String> executionRows = new HashSet<>();
    /** "domain|tier|week" → stage → manifest row: each partition's capture chain. */
    final Map<String, Map<String, Map<String, Object>>> manifest = new HashMap<>();
    /** The first stage's source file, by the execution that fetched it. */
    final Map<String, EventData.SourceFile> sourceFiles = new HashMap<>();
    /** "domain|tier|week" → the capture its readiness applies to. */
    final Map<String, SpineData.Staged> latest = new HashMap<>();
    /** "domain|week" → readiness row key → row (tier-less rows apply to every tier of that week). */
    final Map<String, Map<String, Map<String, Object>>> readiness = new HashMap<>();
    /** "schedule id|scheduled at" of every scheduler run recorded. */
    final Set<String> scheduleRuns = new HashSet<>();
    /** "pipeline|tier" → {the manifest's first week then, the last week already due and decided} for guessed schedules. */
    final Map<String, LocalDate[]> decidedThrough = new HashMap<>();

    void clear() {
        spans.clear();
        ran.clear();
        runClass.clear();
        lifecycle.clear();
        deadLettered.clear();
        executionRows.clear();
        manifest.clear();
        sourceFiles.clear();
        latest.clear();
        readiness.clear();
        scheduleRuns.clear();
        decidedThrough.clear();
    }

    void span(String domain, String tier, LocalDate week) {
        spans.computeIfAbsent(domain, k -> new TreeMap<>()).merge(tier, new LocalDate[] {week, week},
                (a, b) -> new LocalDate[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }
}
