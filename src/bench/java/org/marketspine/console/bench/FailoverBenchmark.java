package org.marketspine.console.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.ExecutionStatus;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.RetryAdvice;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Canonical;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;

/**
 * P14: two feed servers (processes of their own) over one PostgreSQL journal, clients on both;
 * one retry of the same run sent through each server at once (R4: exactly one accepted); then the
 * leader is killed with SIGKILL. Measures how long until the other runs the platform source, moves
 * the dead server's clients to the survivor (resuming from their last seq), and checks every
 * client's events for gaps and duplicates, and that what the follower served is the journal as
 * stored (items and chain) by the leader.
 */
public final class FailoverBenchmark {
    private static final int PEERS_PER_SERVER = 4;
    private static final long WAIT_SECONDS = 120;

    /** What P14 found; {@code problems} is empty when every check held. */
    public record Result(double takeoverSeconds, double resumedSeconds, int clients, int gaps, int duplicates, int retriesAccepted, int retriesRefused,
                         long checkedSeq, List<String> problems) {}

    private final PrintStream out;
    private final Path work;
    private final String url;
    private final String user;
    private final String password;

    public FailoverBenchmark(PrintStream out, Path work, String url, String user, String password) {
        this.out = out;
        this.work = work;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public Result run() throws Exception {
        String schema = "p14_" + Long.toHexString(System.nanoTime());
        sql("CREATE SCHEMA " + schema);
        try {
            Result r = failover(schema, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            out.printf(Locale.ROOT, "BENCH P14-takeover %.2f s%n", r.takeoverSeconds());
            out.printf(Locale.ROOT, "BENCH P14-clients-resumed %d clients%n", r.clients());
            out.printf(Locale.ROOT, "BENCH P14-moved-clients-live %.2f s after the kill%n", r.resumedSeconds());
            out.printf(Locale.ROOT, "BENCH P14-gaps %d%n", r.gaps());
            out.printf(Locale.ROOT, "BENCH P14-duplicates %d%n", r.duplicates());
            out.printf(Locale.ROOT, "BENCH P14-retry-accepted %d of %d%n", r.retriesAccepted(), r.retriesAccepted() + r.retriesRefused());
            for (String p : r.problems()) out.println("BENCH P14 problem: " + p);
            return r;
        } finally {
            sql("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private Result failover(String schema, String journalUrl) throws Exception {
        Map<String, String> env = new HashMap<>();
        if (user != null) env.put("SPINE_DB_USER", user);
        if (password != null) env.put("SPINE_DB_PASSWORD", password);
        // The demo at its real pace: a run stays queued and running for seconds, far longer than the moment between
        // the two retries, so the second one must meet the first one's run.
        List<String> args = List.of("--demo", "--journal-url", journalUrl, "--port", "0");
        List<String> problems = new ArrayList<>();
        List<FeedPeer> onA = new ArrayList<>();
        List<FeedPeer> onB = new ArrayList<>();
        try (FeedProcess a = FeedProcess.start(args, env, work.resolve("p14-a"), work.resolve("p14-a.log"))) {
            String urlA = a.url(WAIT_SECONDS);
            await("server A leads", () -> leader(schema).startsWith("pid " + a.pid() + " "));
            try (FeedProcess b = FeedProcess.start(args, env, work.resolve("p14-b"), work.resolve("p14-b.log"))) {
                String urlB = b.url(WAIT_SECONDS);
                for (int i = 0; i < PEERS_PER_SERVER; i++) {
                    onA.add(new FeedPeer().connect(urlA));
                    onB.add(new FeedPeer().connect(urlB));
                }
                List<FeedPeer> all = new ArrayList<>(onA);
                all.addAll(onB);
                for (FeedPeer p : all) p.awaitLive(WAIT_SECONDS);
                await("every client hears the source is current", () -> all.stream().allMatch(
                        p -> p.status() != null && p.status().state() == SourceState.CURRENT));

                Execution retried = retriable(onA.get(0), null);
                int[] retries = retryThroughBoth(retried, onA.get(0), onB.get(0), problems);
                followerCommandRuns(retriable(onB.get(1), retried), onB.get(1), problems);

                long killedAt = System.nanoTime();
                a.kill();
                await("server B leads", () -> leader(schema).startsWith("pid " + b.pid() + " "));
                double takeover = (System.nanoTime() - killedAt) / 1e9;

                for (FeedPeer p : onA) p.connect(urlB);
                for (FeedPeer p : all) p.awaitLive(WAIT_SECONDS);
                double resumed = (System.nanoTime() - killedAt) / 1e9;
                long head = storedHead(schema);
                await("every client holds seq " + head, () -> all.stream().allMatch(p -> p.lastSeq() >= head));

                int gaps = 0;
                int duplicates = 0;
                for (FeedPeer p : all) {
                    long expect = 1;
                    for (Event e : p.events()) {
                        if (e.seq() < expect) duplicates++;
                        else if (e.seq() > expect) gaps++;
                        expect = Math.max(expect, e.seq() + 1);
                    }
                    if (p.problem() != null) problems.add("a client was told: " + p.problem());
                }
                checkIdentical(schema, onB.get(0), head, problems);
                return new Result(takeover, resumed, all.size(), gaps, duplicates, retries[0], retries[1], head, problems);
            }
        } finally {
            for (FeedPeer p : onA) p.close();
            for (FeedPeer p : onB) p.close();
        }
    }

    /** A failed run that may be retried now, of another pipeline, tier and week than {@code not} (null for any). */
    private static Execution retriable(FeedPeer peer, Execution not) {
        PlatformState s = PlatformState.EMPTY;
        for (Event e : peer.events()) s = StateFold.apply(s, e);
        for (Execution x : s.failuresNewestFirst()) {
            if (x.status() != ExecutionStatus.FAILED || x.tier() == null || x.weekEnding() == null || RetryAdvice.blockingRun(s, x) != null) continue;
            if (not != null && x.pipeline().equals(not.pipeline()) && x.tier().equals(not.tier()) && x.weekEnding().equals(not.weekEnding())) continue;
            return x;
        }
        return null;
    }

    /** Two operators retry the same failed run at the same moment, one through each server. */
    private int[] retryThroughBoth(Execution failed, FeedPeer viaA, FeedPeer viaB, List<String> problems) throws Exception {
        if (failed == null) {
            problems.add("the demo's history has no failed run that may be retried");
            return new int[] {0, 0};
        }
        CompletableFuture<Message.CommandResult> a = viaA.send(retry("retry-via-a", failed));
        CompletableFuture<Message.CommandResult> b = viaB.send(retry("retry-via-b", failed));
        int accepted = 0;
        int refused = 0;
        for (Message.CommandResult r : List.of(a.get(WAIT_SECONDS, TimeUnit.SECONDS), b.get(WAIT_SECONDS, TimeUnit.SECONDS))) {
            if (r.ok()) accepted++;
            else if ("already_running".equals(r.error().code())) refused++;
            else problems.add("a retry was refused with " + r.error().code() + ": " + r.error().message());
        }
        return new int[] {accepted, refused};
    }

    /** A command only the follower accepted is carried out by the leader: its run starts. */
    private void followerCommandRuns(Execution failed, FeedPeer viaFollower, List<String> problems) throws Exception {
        if (failed == null) {
            problems.add("no second failed run to retry through the follower");
            return;
        }
        Message.CommandResult r = viaFollower.send(retry("retry-via-follower", failed)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        if (!r.ok()) {
            problems.add("the follower refused a retry: " + r.error().code() + ": " + r.error().message());
            return;
        }
        awaitStarted(viaFollower, r.data().path("execution_ids").path(0).asText(), "a retry only the follower accepted");
    }

    private static void awaitStarted(FeedPeer peer, String executionId, String what) throws Exception {
        await(what + " (" + executionId + ") is started by the leader", () -> peer.events().stream().anyMatch(
                e -> e.data() instanceof EventData.ExecutionStarted st && st.executionId().equals(executionId)));
    }

    private static Message.Command retry(String id, Execution x) {
        return new Message.Command(id, "retry", x.executionId(), "P14: the same retry through both servers", null, null,
                null, null, null, null, null, null);
    }

    /** What the follower served is the journal as the leader stored it: the same items, the same chain, a checkpoint that verifies. */
    private void checkIdentical(String schema, FeedPeer follower, long upTo, List<String> problems) throws SQLException {
        FeedChain.Hasher hasher = new FeedChain.Hasher();
        String chain = FeedChain.GENESIS;
        Map<Long, String> chainAt = new HashMap<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq, item, chain FROM " + schema + ".spine_feed_events WHERE seq <= ? ORDER BY seq")) {
            ps.setLong(1, upTo);
            List<Event> served = follower.events();
            int i = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    String item = rs.getString(2);
                    chain = hasher.next(chain, item);
                    chainAt.put(seq, chain);
                    if (!chain.equals(rs.getString(3))) problems.add("stored chain value wrong at seq " + seq);
                    if (i >= served.size() || served.get(i).seq() != seq || !Canonical.of(served.get(i)).equals(item)) {
                        problems.add("the follower served something else at seq " + seq);
                        return;
                    }
                    i++;
                }
            }
        }
        Message.Checkpoint cp = follower.checkpoint();
        if (cp == null) {
            problems.add("the follower's client got no checkpoint");
        } else if (!FeedChain.verify(follower.welcome().feedKey(), cp)) {
            problems.add("the follower's checkpoint at seq " + cp.seq() + " does not verify with the feed key");
        } else if (chainAt.containsKey(cp.seq()) && !chainAt.get(cp.seq()).equals(cp.chain())) {
            problems.add("the follower's checkpoint at seq " + cp.seq() + " names another chain than the journal's");
        }
    }

    private String leader(String schema) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM " + schema + ".spine_feed_meta WHERE key = 'leader'")) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) return ""; // no table yet: the first server is still creating it
            throw e;
        }
    }

    private long storedHead(String schema) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM " + schema + ".spine_feed_events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Waits for a condition the servers bring about (looked at every 20 ms), up to two minutes. */
    private static void await(String what, Check check) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!check.holds()) {
            if (System.nanoTime() > end) throw new IllegalStateException("P14: not within " + WAIT_SECONDS + " s: " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
