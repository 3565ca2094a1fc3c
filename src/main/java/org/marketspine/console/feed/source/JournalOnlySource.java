package org.marketspine.console.feed.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.PlatformSource;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Message.Request;
import org.marketspine.console.protocol.SourceState;

/** Serves a journal as it stands, with no platform behind it: replays and audits, no commands. */
public final class JournalOnlySource implements PlatformSource {
    private final String platform;

    public JournalOnlySource(String platform) {
        this.platform = platform;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public List<String> requestOps() {
        return List.of();
    }

    @Override
    public void start(EventSink sink) {
        // Nothing to emit: the journal is the whole platform, and no platform keeps it current.
        sink.status(SourceState.FAILING, "replay only: no platform behind this feed; the journal is served as recorded", null);
    }

    @Override
    public JsonNode answer(Request request, PlatformState state) throws FeedRefusal {
        throw new FeedRefusal("unsupported", "this feed replays a journal and answers no '" + request.op() + "' requests");
    }

    @Override
    public boolean acceptsCommands() {
        return false;
    }

    @Override
    public CommandEffect perform(Command command, String user, PlatformState state) throws FeedRefusal {
        throw new FeedRefusal("read_only", "this feed replays a journal; there is no platform to " + command.op());
    }

    @Override
    public void close() {}

    @Override
    public boolean runsPlatform() {
        return false;
    }
}
