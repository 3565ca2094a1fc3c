package org.marketspine.console.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Fails a test that leaves a feed thread running (a client's timer or writer, a server's
 * platform thread or session, a WebSocket reader, writer, selector or worker) that it started:
 * every one of them must end with the close of what started it. As Java-WebSocket's own
 * {@code ThreadCheck}; threads that are pools by design (the bundle decoders) are not counted.
 */
public final class ThreadLeakCheck implements BeforeEachCallback, AfterEachCallback {
    private static final List<String> WATCHED = List.of("feed-client-timer", "event-log-writer", "feed-platform", "spine-db reader",
            "feed-session-", "WebSocketConnectReadThread", "WebSocketWriteThread", "WebSocketSelector", "WebSocketWorker");
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ThreadLeakCheck.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("before", watched().stream().map(Thread::threadId).collect(Collectors.toSet()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        Set<Long> before = (Set<Long>) context.getStore(NS).get("before");
        try {
            // A closed socket's threads end a moment after close() returns: wait for that, not for a fixed time.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> leaked(before).isEmpty());
        } catch (TimeoutException e) {
            fail("threads left running by " + context.getDisplayName() + ": " + leaked(before).stream().map(Thread::getName).toList());
        }
    }

    private static List<Thread> leaked(Set<Long> before) {
        return watched().stream().filter(t -> !before.contains(t.threadId())).toList();
    }

    private static List<Thread> watched() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> WATCHED.stream().anyMatch(t.getName()::startsWith)).toList();
    }
}
