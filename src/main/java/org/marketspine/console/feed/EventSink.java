package org.marketspine.console.feed;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;

/** Where a source sends its facts; the journal behind it assigns seq and persists before anyone sees them. */
public interface EventSink {

    /** Appends one fact; returns the state after it. */
    PlatformState emit(Instant at, EventData data);

    /** Appends facts in one durable transaction (all or none); returns the state after them. */
    PlatformState emitAll(List<Timed> facts);

    /** A fact waiting for its seq. */
    record Timed(Instant at, EventData data) {}

    /** The journal's current state. */
    PlatformState state();

    /**
     * Says whether the journal is current with the platform ({@code source_status}). The server
     * tells every client when it changes; a sink that serves no clients (tests, tools) ignores it.
     */
    default void status(SourceState state, String message, Message.Progress progress) {}

    /** The platform thread: a source schedules its live activity here so it never races a command. */
    ScheduledExecutorService platformThread();
}
