package org.marketspine.console.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/** What the benchmarks read as "heap in use": live objects, as the collection that counted them reported. */
public final class HeapAfterGc {
    private HeapAfterGc() {}

    /**
     * The heap a collection asked for by {@code System.gc()} left in use: the sum of the heap pools
     * after that very collection, as the JVM reports it (a GC notification). Reading "used" once
     * {@code System.gc()} has returned also counts what the running board allocated since (at
     * 21,600× it allocates megabytes a second), and a pool's "usage after the last collection" is
     * moved by the young collections that follow: one run read 18.6 MB of "growth" while its live
     * objects (jmap -histo:live, day 9 against day 28) grew 1.8 MB.
     */
    public static double megabytes() throws InterruptedException {
        return bytes() / 1048576.0;
    }

    /** {@link #megabytes()}, in bytes. */
    public static long bytes() throws InterruptedException {
        CompletableFuture<Long> after = new CompletableFuture<>();
        NotificationListener listener = (n, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
            var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            if (!"System.gc()".equals(info.getGcCause())) return;
            long bytes = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (pool.getType() == MemoryType.HEAP && u != null) bytes += u.getUsed();
            }
            after.complete(bytes);
        };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
        try {
            System.gc();
            return after.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no report of the collection System.gc() asked for", e);
        } finally {
            for (NotificationEmitter e : emitters) {
                try {
                    e.removeNotificationListener(listener);
                } catch (ListenerNotFoundException gone) {
                    // removed already: nothing to do
                }
            }
        }
    }
}
