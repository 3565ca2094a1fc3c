package org.marketspine.console.feed.client;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.Event;

/**
 * The single writer of a client's {@link EventLog}: the socket thread decodes and hands batches
 * over; this thread appends them in order. The queue is bounded, so a slow writer slows the
 * socket (and so the server's pump) instead of filling memory.
 */
public final class LogWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LogWriter.class.getName());
    private static final List<Event> STOP = List.of();

    private final EventLog log;
    private final BlockingQueue<List<Event>> queue = new ArrayBlockingQueue<>(64);
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
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing events to the log", e);
        }
    }

    /** Waits until everything submitted so far is in the log. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        while (!queue.isEmpty() || busy) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(1);
        }
        return true;
    }

    private volatile boolean busy;

    private void run() {
        try {
            while (true) {
                List<Event> batch = queue.take();
                if (batch == STOP) return;
                busy = true;
                try {
                    log.appendAll(batch);
                    afterAppend.accept(log);
                } finally {
                    busy = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            LOG.log(Level.SEVERE, "the event log refused a batch; the feed client will resume", e);
        }
    }

    @Override
    public void close() {
        queue.clear();
        queue.offer(STOP);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
