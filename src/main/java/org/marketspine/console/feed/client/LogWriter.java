package org.marketspine.console.feed.client;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.Event;

/**
 * The single writer of a client's {@link EventLog}: the socket thread decodes and hands batches
 * over; this thread appends them in order. The queue is bounded, so a slow writer slows the
 * socket (and so the server's pump) instead of filling memory. {@link #flush} is a barrier
 * through the same queue: it returns only when every batch handed over before it is in the log,
 * and fails if one could not be written.
 */
public final class LogWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LogWriter.class.getName());

    private sealed interface Work permits Batch, Flush, Stop {}

    private record Batch(List<Event> events) implements Work {}

    /** Completed with the log's head once everything queued before it was written. */
    private record Flush(CompletableFuture<Long> done) implements Work {}

    private enum Stop implements Work { STOP }

    private final EventLog log;
    private final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(64);
    private final Thread thread;
    private final Consumer<EventLog> afterAppend;
    private volatile RuntimeException failure;

    /** @param afterAppend called on the writer thread after each batch (e.g. to persist or to wake the UI publisher) */
    public LogWriter(EventLog log, Consumer<EventLog> afterAppend) {
        this.log = log;
        this.afterAppend = afterAppend;
        this.thread = Thread.ofPlatform().daemon().name("event-log-writer").start(this::run);
    }

    public EventLog log() {
        return log;
    }

    /** Hands a batch to the writer; blocks while the writer is far behind. */
    public void submit(List<Event> batch) {
        if (failure != null) throw failure;
        put(new Batch(batch));
    }

    /**
     * Waits until every batch submitted before this call is in the log; returns the log's head seq.
     *
     * @throws IOException if a batch could not be written (the log stops there) or the writer did not get there in time
     */
    public long flush(Duration timeout) throws IOException, InterruptedException {
        Flush barrier = new Flush(new CompletableFuture<>());
        if (failure != null) throw refused(failure);
        put(barrier);
        try {
            return barrier.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw refused(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the event log was not written within " + timeout.toSeconds() + " s (it holds up to seq "
                    + log.headSeq() + ")");
        }
    }

    private static IOException refused(Throwable why) {
        return new IOException("the event log refused a batch, so it does not hold every event received: " + why.getMessage(), why);
    }

    private void put(Work work) {
        try {
            queue.put(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing work to the event log writer", e);
        }
    }

    private void run() {
        try {
            while (true) {
                switch (queue.take()) {
                    case Stop ignored -> {
                        return;
                    }
                    case Flush f -> {
                        if (failure != null) f.done().completeExceptionally(failure);
                        else f.done().complete(log.headSeq());
                    }
                    case Batch b -> {
                        if (failure == null) write(b.events());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After a refused batch the writer keeps draining (so nobody blocks on a full queue) but writes nothing more. */
    private void write(List<Event> batch) {
        try {
            log.appendAll(batch);
            afterAppend.accept(log);
        } catch (RuntimeException e) {
            failure = e;
            LOG.log(Level.SEVERE, "the event log refused a batch; the feed client will resume", e);
        }
    }

    @Override
    public void close() {
        queue.clear();
        queue.offer(Stop.STOP);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
