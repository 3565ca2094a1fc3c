package org.marketspine.console.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message.Request;

/**
 * What the feed server serves: a Market Spine platform, simulated or real. The server owns the
 * journal, the sessions and the command rules; a source emits facts and carries out accepted
 * commands. Every call comes on the server's single platform thread, except {@link #platform()}
 * and {@link #requestOps()}: the welcome is written on the connection's own thread (a platform
 * thread busy writing history must not delay it past the client's 15 s), so those two may be
 * called from any thread and must answer from immutable or volatile state.
 */
public interface PlatformSource extends AutoCloseable {

    /** {@code demo} or {@code spine-db}, as sent in {@code welcome}. Any thread. */
    String platform();

    /** Request ops this source answers, as listed in {@code welcome.capabilities}. Any thread: from volatile state. */
    List<String> requestOps();

    /**
     * Starts emitting. {@code sink.state()} is what the journal already holds: a source that was
     * running before continues from it rather than inventing a new past.
     */
    void start(EventSink sink);

    /** Answers a read-only request, or throws {@link FeedRefusal} (e.g. {@code unsupported}, {@code not_found}). */
    JsonNode answer(Request request, PlatformState state) throws FeedRefusal;

    /**
     * Carries out a command the server has already checked against its rules. Returns the facts
     * it causes, which the server journals together with the command's audit record, and what the
     * client should know (e.g. the queued execution ids). A source may refuse (e.g. read-only).
     * Later consequences (the queued run starting) are emitted through the sink as they happen.
     */
    CommandEffect perform(Command command, String user, PlatformState state) throws FeedRefusal;

    /**
     * Whether commands can change anything here: false for a journal replay and a database opened
     * read-only, which refuse every command {@code read_only}; the welcome then leaves the
     * {@code commands} capability out.
     */
    default boolean acceptsCommands() {
        return true;
    }

    /**
     * False for a source with no platform behind it (a journal replay): on a shared journal, such a
     * server never takes the leadership from one that could run the platform.
     */
    default boolean runsPlatform() {
        return true;
    }

    /**
     * Facts another feed server of a shared journal journaled (a command it accepted), now in
     * {@code state}: the source that runs the platform carries out what they ask for, as it would a
     * command of its own. Called only on the server that leads, on the platform thread.
     */
    default void writtenElsewhere(List<Event> events, PlatformState state) {
        // a source whose commands act on the platform itself (the spine-core database) sees them there
    }

    /** The immediate facts of a command, and the data for its {@code command_result}. */
    record CommandEffect(List<EventData> events, JsonNode data) {
        public CommandEffect {
            events = List.copyOf(events);
        }
    }

    @Override
    void close();
}
