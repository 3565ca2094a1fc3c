package org.marketspine.console.feed.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.marketspine.console.model.RetryAdvice;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.EventData.CommandRecorded;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Message;
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

    /**
     * Checks and carries out a command in one step under the journal's write lock: with several
     * feed servers on one journal, the rules see every command any of them accepted (two retries of
     * one partition through two servers: the second is refused as already running).
     */
    CommandResult handle(Message.Command wire, TokenStore.Principal who) {
        Instant now = clock.instant();
        String commandId = "cmd-" + UUID.randomUUID().toString().substring(0, 8);
        CommandResult[] result = new CommandResult[1];
        journal.write(state -> {
            List<Timed> facts = new ArrayList<>();
            CommandEffect effect;
            try {
                Command command = check(wire, who, state, now);
                effect = source.perform(command, who.user(), state);
            } catch (FeedRefusal refusal) {
                facts.add(new Timed(now, record(commandId, wire, who, Outcome.REJECTED, refusal.code() + ": " + refusal.getMessage())));
                result[0] = new CommandResult(wire.id(), false, new ErrorInfo(refusal.code(), refusal.getMessage()),
                        Codec.mapper().createObjectNode().put("command_id", commandId));
                return facts;
            }
            facts.add(new Timed(now, record(commandId, wire, who, Outcome.ACCEPTED, wire.reason())));
            for (EventData e : effect.events()) facts.add(new Timed(now, e));
            ObjectNode data = Codec.mapper().createObjectNode().put("command_id", commandId);
            if (effect.data() != null && effect.data().isObject()) data.setAll((ObjectNode) effect.data());
            result[0] = new CommandResult(wire.id(), true, null, data);
            return facts;
        });
        return result[0];
    }

    /** The typed command, if this principal may send it and the platform's state allows it now. */
    static Command check(Message.Command wire, TokenStore.Principal who, PlatformState s, Instant now) throws FeedRefusal {
        if (who.role() != Role.OPERATOR) {
            throw new FeedRefusal("forbidden", "the " + who.role().wire() + " role is read-only: only operators may "
                    + Command.clipped(wire.op(), Command.MAX_NAME));
        }
        Command command;
        try {
            command = Command.of(wire);
        } catch (Command.Malformed m) {
            throw new FeedRefusal(m.code(), m.getMessage());
        }
        switch (command) {
            case Command.Retry c -> {
                Execution x = execution(c.executionId(), s);
                Execution active = RetryAdvice.blockingRun(s, x);
                if (active != null) {
                    throw new FeedRefusal("already_running", x.pipeline() + " for " + describe(x) + " is already "
                            + active.status().name().toLowerCase() + " as " + active.executionId());
                }
            }
            case Command.Cancel c -> {
                Execution x = execution(c.executionId(), s);
                if (!x.status().isActive()) {
                    throw new FeedRefusal("invalid_state", x.executionId() + " has already "
                            + x.status().name().toLowerCase() + "; only queued or running executions can be cancelled");
                }
            }
            case Command.Backfill c -> {
                BackfillPlan plan = BackfillPlan.of(s, c.pipeline(), c.tier(), c.fromWeek(), c.toWeek(), now);
                if (!plan.isValid()) throw new FeedRefusal(plan.errorCode(), String.join("; ", plan.errors()));
            }
            case Command.Certify c -> {
                PartitionKey key = partition(c, s);
                List<Anomaly> critical = criticalOpen(s, key);
                if (!critical.isEmpty()) {
                    throw new FeedRefusal("critical_anomalies_open", critical.size() + " critical anomal"
                            + (critical.size() == 1 ? "y is" : "ies are") + " open on " + key.tier() + " week "
                            + key.weekEnding() + ": " + critical.get(0).detected().message()
                            + " (" + critical.get(0).anomalyId() + "). Resolve it before certifying.");
                }
            }
            case Command.Block c -> {
                partition(c, s);
                if (c.reason() == null || c.reason().isBlank()) {
                    throw new FeedRefusal("invalid_params", "a block needs a reason that quants will read");
                }
            }
            case Command.Acknowledge c -> {
                Anomaly a = s.anomalies().get(c.anomalyId());
                if (a == null) throw new FeedRefusal("not_found", "no anomaly " + c.anomalyId());
                if (!a.isOpen()) throw new FeedRefusal("invalid_state", c.anomalyId() + " is already resolved");
                if (a.isAcknowledged()) {
                    throw new FeedRefusal("invalid_state", c.anomalyId() + " was already acknowledged by " + a.acknowledgedBy()
                            + " at " + a.acknowledgedAt());
                }
            }
        }
        return command;
    }

    private static Execution execution(String id, PlatformState s) throws FeedRefusal {
        Execution x = s.execution(id);
        if (x == null) throw new FeedRefusal("not_found", "no execution " + id);
        return x;
    }

    private static PartitionKey partition(Command.Readiness c, PlatformState s) throws FeedRefusal {
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

    /** Journaled as sent, accepted or not: the audit log shows the frame's own fields, even of a command that could not be read. */
    private static CommandRecorded record(String commandId, Message.Command c, TokenStore.Principal who, Outcome outcome,
                                          String reason) {
        return new CommandRecorded(commandId, Command.clipped(c.op(), Command.MAX_NAME), who.user(), who.role(), Command.paramsOf(c), outcome,
                Command.clipped(reason, Command.MAX_REASON + 200));
    }
}
