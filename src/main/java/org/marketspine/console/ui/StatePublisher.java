package org.marketspine.console.ui;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one hop onto the FX thread. Any thread may {@link #poke()} (an event was applied, the
 * connection changed) or {@link #deliver} a UI task (a command result); at most one hop is in
 * flight, so a storm of 100k events costs the UI a few repaints, never 100k.
 */
public final class StatePublisher {
    private final Supplier<ConsoleSnapshot> source;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Queue<Runnable> deliveries = new ConcurrentLinkedQueue<>();
    private final ReadOnlyObjectWrapper<ConsoleSnapshot> snapshot;

    public StatePublisher(Supplier<ConsoleSnapshot> source) {
        this.source = source;
        this.snapshot = new ReadOnlyObjectWrapper<>(source.get());
    }

    public ReadOnlyObjectProperty<ConsoleSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ConsoleSnapshot current() {
        return snapshot.get();
    }

    public void poke() {
        if (scheduled.compareAndSet(false, true)) Platform.runLater(this::publish);
    }

    /** Runs {@code task} on the FX thread with the next publication (e.g. showing a command's result). */
    public void deliver(Runnable task) {
        deliveries.add(task);
        poke();
    }

    private void publish() {
        scheduled.set(false);
        snapshot.set(source.get());
        for (Runnable task = deliveries.poll(); task != null; task = deliveries.poll()) task.run();
    }
}
