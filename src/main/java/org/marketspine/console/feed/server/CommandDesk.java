package org.marketspine.console.feed.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marketspine.console.feed.EventSink.Timed;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.PlatformSource;
import org.marketspine.console.feed.PlatformSource.CommandEffect;
import org.marketspine.console.model.Anomaly;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.PartitionKey;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.EventData.CommandRecorded;
import org.marketspine.console.protocol.Message.Command;
import org.marketspine.console.protocol.Message.CommandResult;
import org.marketspine.console.protocol.Message.ErrorInfo;
import org.marketspine.console.protocol.Outcome;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.protocol.Severity;

/**
 * The server's command rules. A UI may hide a button, but only these checks decide: a client that
 * skips the UI is refused the same way. Every command, accepted or not, is journaled as
 * {@code command.recorded} in the same transaction as its effects. Runs on the platform thread.
 */
final class CommandDesk {
    private final Journal journal;
    private final PlatformSource source;
    private final Clock clock;

    CommandDesk(Journal journal, PlatformSource source, Clock clock) {
        this.journal = journal;
        this.source = source;
        this.clock = clock;
    }

    CommandResult handle(Command command, TokenStore.Principal who) {
        PlatformState state = journal.state();
        Instant now = clock.instant();
        String commandId = "cmd-" + UUID.randomUUID().toString().substring(0, 8);
        CommandEffect effect;
        try {
            check(command, who, state, now);
            effect = source.perform(command, who.user(), state);
        } catch (FeedRefusal refusal) {
            journal.append(now, record(commandId, command, who, Outcome.REJECTED, refusal.code() + ": " + refusal.getMessage()));
            return new CommandResult(command.id(), false, new ErrorInfo(refusal.code(), refusal.getMessage()),
                    Codec.mapper().createObjectNode().put("command_id", commandId));
        }
        List<Timed> facts = new ArrayList<>();
        facts.add(new Timed(now, record(commandId, command, who, Outcome.ACCEPTED, command.reason())));
        for (EventData e : effect.events()) facts.add(new Timed(now, e));
        journal.appendAll(facts);
        ObjectNode data = Codec.mapper().createObjectNode().put("command_id", commandId);
        if (effect.data() != null && effect.data().isObject()) data.setAll((ObjectNode) effect.data());
        return new CommandResult(command.id(), true, null, data);
    }

    static void check(Command c, TokenStore.Principal who, PlatformState s, Instant now) throws FeedRefusal {
        if (who.role() != Role.OPERATOR) {
            throw new FeedRefusal("forbidden", "the " + who.role().wire() + " role is read-only: only operators may "
                    + c.op());
        }
        switch (c.op()) {
            case "retry" -> {
                Execution x = execution(c, s);
                Execution active = s.activeRun(x.runKey());
                if (active != null) {
                    throw new FeedRefusal("already_running", x.pipeline() + " for " + describe(x) + " is already "
                            + active.status().name().toLowerCase() + " as " + active.executionId());
                }
            }
            case "cancel" -> {
                Execution x = execution(c, s);
                if (!x.status().isActive()) {
                    throw new FeedRefusal("invalid_state", x.executionId() + " has already "
                            + x.status().name().toLowerCase() + "; only queued or running executions can be cancelled");
                }
            }
            case "backfill" -> {
                BackfillPlan plan = BackfillPlan.of(s, c.pipeline(), c.tier(), c.fromWeek(), c.toWeek(), now);
                if (!plan.isValid()) throw new FeedRefusal(plan.errorCode(), String.join("; ", plan.errors()));
            }
            case "certify" -> {
                PartitionKey key = partition(c, s);
                List<Anomaly> critical = criticalOpen(s, key);
                if (!critical.isEmpty()) {
                    throw new FeedRefusal("critical_anomalies_open", critical.size() + " critical anomal"
                            + (critical.size() == 1 ? "y is" : "ies are") + " open on " + key.tier() + " week "
                            + key.weekEnding() + ": " + critical.get(0).detected().message()
                            + " (" + critical.get(0).anomalyId() + "). Resolve it before certifying.");
                }
            }
            case "block" -> {
                partition(c, s);
                if (c.reason() == null || c.reason().isBlank()) {
                    throw new FeedRefusal("invalid_params", "a block needs a reason that quants will read");
                }
            }
            case "acknowledge" -> {
                if (c.anomalyId() == null) throw new FeedRefusal("invalid_params", "anomaly_id is required");
                Anomaly a = s.anomalies().get(c.anomalyId());
                if (a == null) throw new FeedRefusal("not_found", "no anomaly " + c.anomalyId());
                if (!a.isOpen()) throw new FeedRefusal("invalid_state", c.anomalyId() + " is already resolved");
                if (a.isAcknowledged()) {
                    throw new FeedRefusal("invalid_state", c.anomalyId() + " was already acknowledged by " + a.acknowledgedBy()
                            + " at " + a.acknowledgedAt());
                }
            }
            default -> throw new FeedRefusal("unsupported", "this feed does not offer the command '" + c.op() + "'");
        }
    }

    private static Execution execution(Command c, PlatformState s) throws FeedRefusal {
        if (c.executionId() == null) throw new FeedRefusal("invalid_params", "execution_id is required");
        Execution x = s.execution(c.executionId());
        if (x == null) throw new FeedRefusal("not_found", "no execution " + c.executionId());
        return x;
    }

    private static PartitionKey partition(Command c, PlatformState s) throws FeedRefusal {
        if (c.dataset() == null || c.tier() == null || c.weekEnding() == null) {
            throw new FeedRefusal("invalid_params", "dataset, tier and week_ending are required");
        }
        PartitionKey key = new PartitionKey(c.dataset(), c.tier(), c.weekEnding());
        if (s.currentCapture(key) == null) throw new FeedRefusal("not_found", "no capture of " + key);
        return key;
    }

    /** Critical anomalies open on the same tier and week: a derived dataset inherits its inputs' problems. */
    static List<Anomaly> criticalOpen(PlatformState s, PartitionKey key) {
        List<Anomaly> out = new ArrayList<>();
        for (Anomaly a : s.openAnomalies()) {
            if (a.severity() == Severity.CRITICAL && a.detected().tier().equals(key.tier())
                    && a.detected().weekEnding().equals(key.weekEnding())) {
                out.add(a);
            }
        }
        return out;
    }

    private static String describe(Execution x) {
        return x.tier() == null ? x.params().toString() : x.tier() + " week " + x.params().get("week_ending");
    }

    private static CommandRecorded record(String commandId, Command c, TokenStore.Principal who, Outcome outcome,
                                          String reason) {
        return new CommandRecorded(commandId, c.op(), who.user(), who.role(), paramsOf(c), outcome, reason);
    }

    /** The command's own fields, as the audit log shows them. */
    static Map<String, Object> paramsOf(Command c) {
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "execution_id", c.executionId());
        put(p, "pipeline", c.pipeline());
        put(p, "tier", c.tier());
        put(p, "from_week", c.fromWeek());
        put(p, "to_week", c.toWeek());
        put(p, "dataset", c.dataset());
        put(p, "week_ending", c.weekEnding());
        put(p, "anomaly_id", c.anomalyId());
        put(p, "reason", c.reason());
        put(p, "note", c.note());
        return p;
    }

    private static void put(Map<String, Object> p, String key, Object value) {
        if (value != null) p.put(key, value.toString());
    }
}
