package org.marketspine.console.feed.client;

import java.util.List;
import java.util.function.Consumer;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.Message;

/**
 * What a {@link FeedClient} reports: on the socket thread, in order, except state changes, which
 * may also come from its watchdog timer (one at a time, in the order they happen).
 */
public interface FeedListener {

    void onWelcome(Message.Welcome welcome);

    /** Events in seq order, each exactly once, each following the previous. */
    void onEvents(List<Event> events);

    /**
     * The same events with each one's canonical JSON as it arrived (what the feed chained):
     * for a listener that keeps the feed's own text, e.g. the local cache. By default only the events.
     */
    default void onItems(List<Event> events, List<String> canonical) {
        onEvents(events);
    }

    /** A checkpoint signed by the feed whose chain this client computed too. */
    default void onCheckpoint(Message.Checkpoint checkpoint) {}

    /**
     * The feed's signed checkpoint disagrees with the events it sent (or is not signed by its
     * key): its history can no longer be trusted. Said once per problem; loud, never only a log line.
     */
    default void onIntegrity(String problem) {}

    void onState(ConnectionState state);

    /**
     * The feed refused to resume after the seq we hold: it is another journal (or it lost
     * history). The listener should drop what it holds; the client then starts from 0.
     */
    default void onHistoryMismatch(String reason) {}

    /** The feed said whether its journal is current with the platform (after welcome, and on each change). */
    default void onSourceStatus(Message.SourceStatus status) {}

    /** For tests and tools: a listener built from lambdas. */
    static FeedListener of(Consumer<List<Event>> onEvents, Consumer<ConnectionState> onState) {
        return new FeedListener() {
            @Override
            public void onWelcome(Message.Welcome welcome) {}

            @Override
            public void onEvents(List<Event> events) {
                onEvents.accept(events);
            }

            @Override
            public void onState(ConnectionState state) {
                onState.accept(state);
            }
        };
    }
}
