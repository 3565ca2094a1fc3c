package org.marketspine.console.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every frame of protocol v1, told apart by its {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Message.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = Message.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = Message.Events.class, name = "events"),
        @JsonSubTypes.Type(value = Message.Live.class, name = "live"),
        @JsonSubTypes.Type(value = Message.Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = Message.Snapshot.class, name = "snapshot"),
        @JsonSubTypes.Type(value = Message.Request.class, name = "request"),
        @JsonSubTypes.Type(value = Message.Response.class, name = "response"),
        @JsonSubTypes.Type(value = Message.Command.class, name = "command"),
        @JsonSubTypes.Type(value = Message.CommandResult.class, name = "command_result"),
        @JsonSubTypes.Type(value = Message.Error.class, name = "error"),
        @JsonSubTypes.Type(value = Message.SourceStatus.class, name = "source_status"),
        @JsonSubTypes.Type(value = Message.Checkpoint.class, name = "checkpoint")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Message {

    /** {@code client} names the client for the server's logs; one that leaves it out is still greeted. */
    record Hello(int protocol, String client, String token, Long resumeAfter) implements Message {

        /** Never print a token. */
        @Override
        public String toString() {
            return "Hello[protocol=" + protocol + ", client=" + client + ", token=" + (token == null ? "none" : "***")
                    + ", resumeAfter=" + resumeAfter + "]";
        }
    }

    /**
     * {@code feed_id} is our addition: a journal's identity, so caches and bundles know their feed.
     * {@code warnings}: what the server wants every client to say (e.g. "not encrypted").
     * {@code feed_key}: the key that signs this feed's checkpoints (null from a feed that signs none).
     */
    record Welcome(int protocol, String server, String platform, Instant serverTime, long headSeq, Role role,
                   String user, List<String> capabilities, String feedId, List<String> warnings, FeedKey feedKey) implements Message {
        public Welcome(int protocol, String server, String platform, Instant serverTime, long headSeq, Role role,
                       String user, List<String> capabilities, String feedId) {
            this(protocol, server, platform, serverTime, headSeq, role, user, capabilities, feedId, null, null);
        }

        public Welcome {
            warnings = warnings == null || warnings.isEmpty() ? null : List.copyOf(warnings);
            Require.text(server, "server");
            Require.text(platform, "platform");
            Require.present(serverTime, "server_time");
            Require.present(role, "role");
            Require.text(user, "user");
            capabilities = Require.optionalList(capabilities);
        }
    }

    /** A feed's public signing key: Ed25519, the 32 raw bytes in base64, and "SHA256:" + base64 of their sha256. */
    record FeedKey(String alg, String publicKey, String fingerprint) {
        public FeedKey {
            Require.text(alg, "alg");
            Require.text(publicKey, "public_key");
            Require.text(fingerprint, "fingerprint");
        }
    }

    /**
     * The feed's signed statement that its journal's hash chain at {@code seq} is {@code chain}.
     * {@code at} stays the text the feed signed (a re-formatted time would not verify).
     */
    record Checkpoint(String feedId, long seq, String chain, String at, String signature) implements Message {
        public Checkpoint {
            Require.text(feedId, "feed_id");
            if (seq < 0) throw new IllegalArgumentException("field 'seq' must be >= 0, was " + seq);
            Require.text(chain, "chain");
            if (!chain.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("field 'chain' must be 64 lowercase hex digits");
            Require.text(at, "at");
            if (IsoInstant.parse(at) == null) throw new IllegalArgumentException("field 'at' must be an ISO 8601 UTC time");
            Require.text(signature, "signature");
        }
    }

    record Events(List<Event> items) implements Message {
        public Events {
            items = Require.list(items, "items");
        }
    }

    record Live(long headSeq) implements Message {}

    /**
     * Whether the journal is current with the platform, sent after {@code welcome} and whenever it
     * changes. {@code progress} only while loading, when the source knows how much there is.
     */
    record SourceStatus(SourceState state, Instant since, String message, Progress progress) implements Message {
        public SourceStatus {
            Require.present(state, "state");
            Require.present(since, "since");
            message = message == null ? "" : message;
        }

        public boolean isCurrent() {
            return state == SourceState.CURRENT;
        }
    }

    /** How far a loading source has come: {@code done} of {@code total} items. */
    record Progress(long done, long total) {
        public Progress {
            if (done < 0 || total < 0) throw new IllegalArgumentException("progress must not be negative");
        }

        public double fraction() {
            return total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        }
    }

    record Heartbeat(long headSeq, Instant serverTime) implements Message {
        public Heartbeat {
            Require.present(serverTime, "server_time");
        }
    }

    /** The state as of {@code seq}; sent only when a server no longer holds events after resume_after. */
    record Snapshot(long seq, JsonNode state) implements Message {
        public Snapshot {
            Require.present(state, "state");
            state = state.deepCopy();
        }
    }

    /** A read-only question; which fields matter depends on {@code op}. */
    record Request(String id, String op, String executionId, String pipeline, String tier, LocalDate fromWeek,
                   LocalDate toWeek, String fromCapture, String toCapture, List<String> symbols, Long seq) implements Message {
        public Request(String id, String op, String executionId, String pipeline, String tier, LocalDate fromWeek,
                       LocalDate toWeek, String fromCapture, String toCapture, List<String> symbols) {
            this(id, op, executionId, pipeline, tier, fromWeek, toWeek, fromCapture, toCapture, symbols, null);
        }

        /** {@code checkpoint}: the feed's signed checkpoint at exactly {@code seq}. */
        public static Request checkpoint(String id, long seq) {
            return new Request(id, "checkpoint", null, null, null, null, null, null, null, null, seq);
        }

        public Request {
            Require.text(id, "id");
            Require.text(op, "op");
            symbols = symbols == null ? null : Require.list(symbols, "symbols");
        }
    }

    record Response(String id, boolean ok, JsonNode data, ErrorInfo error) implements Message {
        public Response {
            Require.text(id, "id");
            data = data == null ? null : data.deepCopy();
        }
    }

    /** A change to the platform; the server checks it and audits it as {@code command.recorded}. */
    record Command(String id, String op, String executionId, String reason, String pipeline, String tier,
                   LocalDate fromWeek, LocalDate toWeek, String dataset, LocalDate weekEnding, String anomalyId,
                   String note) implements Message {
        public Command {
            Require.text(id, "id");
            Require.text(op, "op");
        }
    }

    record CommandResult(String id, boolean ok, ErrorInfo error, JsonNode data) implements Message {
        public CommandResult {
            Require.text(id, "id");
            data = data == null ? null : data.deepCopy();
        }
    }

    /** {@code fatal} true means the server closes the connection after it. */
    record Error(String code, String message, boolean fatal) implements Message {
        public Error {
            Require.text(code, "code");
            message = message == null ? "" : message;
        }
    }

    record ErrorInfo(String code, String message) {
        public ErrorInfo {
            Require.text(code, "code");
            message = message == null ? "" : message;
        }
    }
}
