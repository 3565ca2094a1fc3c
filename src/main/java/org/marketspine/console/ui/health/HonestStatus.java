package org.marketspine.console.ui.health;

import java.time.Instant;
import org.marketspine.console.feed.client.ConnectionState.Phase;
import org.marketspine.console.model.HealthLevel;
import org.marketspine.console.model.HealthReport;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.ui.ConnectionText;
import org.marketspine.console.ui.ConsoleSnapshot;
import org.marketspine.console.ui.Times;

/**
 * What the board may claim given how current its data is (R6: never a stale green). With no data
 * nothing is claimed; with data that is not current (feed lost, loading, failing, cache) a green
 * becomes "last known healthy" in yellow and every figure says "when last heard". Pure: a
 * snapshot and an instant in, words out.
 */
final class HonestStatus {
    private HonestStatus() {}

    /** The report to show: the rules' report only when the data is current. */
    static HealthReport report(HealthReport computed, ConsoleSnapshot s, Instant now) {
        // Intact but vouched for by nobody trusted, or a history that disagrees with what its feed signed: never a green.
        if (s.isUntrustedBundle()) return notTrusted(computed, "Bundle NOT TRUSTED (see the banner above)", "the bundle");
        if (s.isBundle() || s.isCurrent()) return computed;
        if (s.isUntrusted() && s.state().seq() > 0) {
            return notTrusted(computed, "NOT TRUSTED (the feed's history does not match what it signed)", "this feed");
        }
        if (s.state().seq() == 0) {
            return new HealthReport(HealthLevel.YELLOW, "Health unknown — " + ConnectionText.of(s, now).text(), computed.findings());
        }
        String asOf = s.lastHeard() == null ? "from the local cache" : "as of " + Times.absolute(s.lastHeard());
        if (computed.level() == HealthLevel.GREEN) {
            return new HealthReport(HealthLevel.YELLOW, "Not current: healthy when last heard (" + asOf
                    + "); it may have changed since", computed.findings());
        }
        return new HealthReport(computed.level(), "Not current (" + asOf + "): " + computed.reason(), computed.findings());
    }

    private static HealthReport notTrusted(HealthReport computed, String why, String teller) {
        return computed.level() == HealthLevel.GREEN
                ? new HealthReport(HealthLevel.YELLOW, why + ": healthy as " + teller + " tells it", computed.findings())
                : new HealthReport(computed.level(), why + ": " + computed.reason(), computed.findings());
    }

    /**
     * The running count's caption: "safe to deploy" only on current data.
     *
     * @param queued of the {@code active} runs, those not started yet: "2 running" was one running and one queued
     */
    static String running(int active, int queued, ConsoleSnapshot s) {
        if (s.state().seq() == 0 && !s.isBundle()) return "unknown — no data from the feed yet";
        if (s.isBundle()) return active == 0 ? "nothing was running at the bundle's end" : active + " running at the bundle's end";
        if (!s.isCurrent()) return (active == 0 ? "none" : active) + " running when last heard — not current, not a reason to deploy";
        if (active == 0) return "nothing running — safe to deploy";
        int started = active - queued;
        return (queued == 0 ? started + " running" : started == 0 ? queued + " queued" : started + " running, " + queued + " queued")
                + " — deploy with care";
    }

    /** A figure (count) as shown: a dash when there is nothing to count from. */
    static String figure(int value, ConsoleSnapshot s) {
        return s.state().seq() == 0 && !s.isBundle() ? "—" : Integer.toString(value);
    }

    /** What the failure list says when empty. */
    static String noFailures(ConsoleSnapshot s) {
        if (s.state().seq() == 0 && !s.isBundle()) return "No data from the feed yet: failures are unknown.";
        if (!s.isCurrent() && !s.isBundle()) {
            return "No failures in the last 7 days when last heard"
                    + (s.lastHeard() == null ? "" : " (" + Times.absolute(s.lastHeard()) + ")") + "; not current.";
        }
        return "No failures in the last 7 days.";
    }

    /**
     * What the schedule card says when it has no row: with nothing heard yet it cannot know the
     * schedules (an empty card would read as "nothing due"); otherwise what the feed declared.
     */
    static String noSchedule(ConsoleSnapshot s) {
        if (s.state().seq() == 0 && !s.isBundle()) return "Waiting for the feed… its schedules are unknown until it answers.";
        boolean declared = s.state().pipelines().values().stream().anyMatch(p -> p.data().schedule() != null);
        return declared ? "No run overdue, and no FINRA weekly ingest declared to forecast."
                : "No schedules declared by this feed.";
    }

    /**
     * What stands in for the board while there is no data: a spinner only while something is
     * actually loading; otherwise why nothing has come.
     */
    static String waiting(ConsoleSnapshot s, Instant now) {
        Phase p = s.connection().phase();
        if (p == Phase.CONNECTING) return "Connecting to " + s.connection().detail() + "…";
        if (p == Phase.LIVE && s.isSourceCurrent()) return "The feed is current and holds no events yet: nothing has run on this platform.";
        if (p == Phase.CATCHING_UP || p == Phase.LIVE) {
            return s.source() != null && !s.source().isCurrent() ? ConnectionText.of(s, now).text()
                    : "Loading the platform's history from the feed…";
        }
        return ConnectionText.of(s, now).text();
    }

    /** Whether the "waiting" state is progress (spinner) or a problem (no spinner, warning style). */
    static boolean waitingIsProgress(ConsoleSnapshot s) {
        Phase p = s.connection().phase();
        if (p == Phase.LIVE && s.isSourceCurrent()) return false; // current and empty: nothing is coming
        return p == Phase.CONNECTING || p == Phase.CATCHING_UP
                || p == Phase.LIVE && (s.source() == null || s.source().state() != SourceState.FAILING);
    }

    /** The pill beside a board whose figures cannot be taken as now: why not, in a few words. Empty when they can. */
    static String stalePill(ConsoleSnapshot s, Instant at) {
        if (!s.isStale()) return "";
        if (s.isUntrusted()) return "NOT TRUSTED — the feed's history does not match what it signed";
        if (s.connection().isLive()) return "STALE — live, but the feed says its platform is not current";
        // Nothing shown is old when nothing was ever shown: no data, not stale data.
        if (s.lastHeard() == null && !s.fromCache()) return "NO DATA — the feed has not answered yet";
        return "STALE — not live; " + (s.lastHeard() != null ? "last heard " + Times.relative(s.lastHeard(), at)
                : "the copy cached before this start");
    }
}
