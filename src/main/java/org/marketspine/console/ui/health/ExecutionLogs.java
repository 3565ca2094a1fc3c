package org.marketspine.console.ui.health;

import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.ui.CommandSender;

/** An execution's log lines, asked of the feed on demand (they are not part of the event stream). */
final class ExecutionLogs {
    private final CommandSender feed;
    private final Executor fx;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    ExecutionLogs(CommandSender feed, Executor fx) {
        this.feed = feed;
        this.fx = fx;
    }

    void clear() {
        text.set("");
    }

    /** Asks for {@code executionId}'s logs; the answer shows only if {@code stillShown} still says yes to it. */
    void fetch(String executionId, Predicate<String> stillShown) {
        text.set("Loading logs of " + executionId + "…");
        Message.Request request = new Message.Request(feed.nextId("logs-"), "logs", executionId, null, null,
                null, null, null, null, null);
        feed.request(request, fx, (response, error) -> {
            if (!stillShown.test(executionId)) return;
            if (error != null) {
                text.set("Could not load logs: " + CommandFeedback.rootMessage(error));
            } else if (!response.ok()) {
                text.set(response.error().code().equals("unsupported") ? "This feed does not offer logs."
                        : "The feed could not give logs: " + response.error().message());
            } else {
                StringBuilder b = new StringBuilder();
                for (var line : response.data().path("lines")) {
                    b.append(line.path("at").asText()).append("  ").append(String.format("%-5s", line.path("level").asText()))
                            .append("  ").append(line.path("message").asText()).append('\n');
                }
                if (response.data().path("truncated").asBoolean()) b.append("… (truncated by the feed)\n");
                text.set(b.isEmpty() ? "No log lines." : b.toString());
            }
        });
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
