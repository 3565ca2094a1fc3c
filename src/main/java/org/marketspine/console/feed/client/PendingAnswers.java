package org.marketspine.console.feed.client;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.marketspine.console.protocol.Message;

/** Requests and commands sent and not yet answered, by id: each answered once, timed out after 30 s, or failed when the connection goes. */
final class PendingAnswers {
    static final long TIMEOUT_SECONDS = 30;
    private final Map<String, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    String nextId(String prefix) {
        return prefix + ids.incrementAndGet();
    }

    /** The answer to {@code id}, once it comes. */
    CompletableFuture<Message> expect(String id) {
        CompletableFuture<Message> future = new CompletableFuture<>();
        pending.put(id, future);
        future.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((m, e) -> pending.remove(id));
        return future;
    }

    void answer(String id, Message m) {
        CompletableFuture<Message> f = pending.remove(id);
        if (f != null) f.complete(m);
    }

    /** No answer will come on this connection (it closed, or the client did). */
    void failAll(String why) {
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException(why)));
    }
}
