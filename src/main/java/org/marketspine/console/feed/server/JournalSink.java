package org.marketspine.console.feed.server;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;

/**
 * The sink a feed server gives its source: facts go into the journal as the leader's (refused
 * once another server leads), the source's word on itself goes to the server's status board.
 */
record JournalSink(Journal journal, ScheduledExecutorService platform, StatusReports reports) implements EventSink {
    /** Where the source's status goes: the server tells its clients and, leading a shared journal, the others. */
    interface StatusReports {
        void report(SourceState state, String message, Message.Progress progress);
    }

    @Override
    public PlatformState emit(Instant at, EventData data) {
        journal.appendAsLeader(List.of(new Timed(at, data)));
        return journal.state();
    }

    @Override
    public PlatformState emitAll(List<Timed> facts) {
        journal.appendAsLeader(facts);
        return journal.state();
    }

    @Override
    public PlatformState state() {
        return journal.state();
    }

    @Override
    public void status(SourceState state, String message, Message.Progress progress) {
        reports.report(state, message, progress);
    }

    @Override
    public ScheduledExecutorService platformThread() {
        return platform;
    }
}
