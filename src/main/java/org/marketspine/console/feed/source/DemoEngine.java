package org.marketspine.console.feed.source;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;

/**
 * A discrete-event simulation clock: plans run in simulated-time order and may look at the state
 * and plan more. The same engine writes the history (up to "now", as fast as it can) and then
 * plays the future live.
 */
final class DemoEngine {
    private record Pending(Instant at, long order, String tag, Runnable plan) {}

    private final PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> {
        int c = a.at().compareTo(b.at());
        return c != 0 ? c : Long.compare(a.order(), b.order());
    });
    private long order;
    private Instant now;
    private PlatformState state;
    private BiConsumer<Instant, EventData> output;

    DemoEngine(Instant start, PlatformState state) {
        this.now = start;
        this.state = state;
    }

    Instant now() {
        return now;
    }

    PlatformState state() {
        return state;
    }

    void at(Duration after, Runnable plan) {
        at(now.plus(after), null, plan);
    }

    /** Plans work tagged (e.g. with an execution id) so that it can be called off. */
    void at(Instant when, String tag, Runnable plan) {
        queue.add(new Pending(when.isBefore(now) ? now : when, order++, tag, plan));
    }

    void cancelTagged(String tag) {
        queue.removeIf(p -> tag.equals(p.tag()));
    }

    /** Emits a fact at the current simulated time. */
    void emit(EventData data) {
        output.accept(now, data);
    }

    /** Runs every plan due up to {@code until}, folding emitted facts into a local state; returns them. */
    List<Event> runHistory(Instant until) {
        List<Event> out = new ArrayList<>();
        output = (at, data) -> {
            Event e = Event.of(state.seq() + 1, at, data);
            state = StateFold.apply(state, e);
            out.add(e);
        };
        while (!queue.isEmpty() && !queue.peek().at().isAfter(until)) {
            Pending p = queue.poll();
            now = p.at();
            p.plan().run();
        }
        now = until;
        return out;
    }

    /** Runs the plans due by simulated time {@code until}, handing each fact to {@code sink}. */
    void runLive(Instant until, BiConsumer<Instant, EventData> sink, Supplier<PlatformState> current) {
        output = (at, data) -> {
            sink.accept(at, data);
            state = current.get(); // a plan that emits several facts sees each one
        };
        while (!queue.isEmpty() && !queue.peek().at().isAfter(until)) {
            Pending p = queue.poll();
            now = p.at();
            state = current.get();
            p.plan().run();
        }
        if (until.isAfter(now)) now = until;
        state = current.get();
    }

    /**
     * Runs, in order, only the plans tagged with one of {@code tags} (and those they plan under the
     * same tags), however far ahead they are due: a shutdown finishing the runs in flight.
     */
    void runTagged(Set<String> tags, BiConsumer<Instant, EventData> sink, Supplier<PlatformState> current) {
        output = (at, data) -> {
            sink.accept(at, data);
            state = current.get();
        };
        for (int guard = 0; guard < 10_000; guard++) {
            Pending next = queue.stream().filter(p -> p.tag() != null && tags.contains(p.tag()))
                    .min(queue.comparator()).orElse(null);
            if (next == null) return;
            queue.remove(next);
            state = current.get();
            next.plan().run();
        }
    }

    /** Runs a plan now with its facts going to {@code capture} (a command's own transaction). */
    void runInline(Consumer<EventData> capture, Runnable plan) {
        BiConsumer<Instant, EventData> saved = output;
        output = (at, data) -> capture.accept(data);
        try {
            plan.run();
        } finally {
            output = saved;
        }
    }

    /** Keeps the engine's view in step when facts arrive from elsewhere (commands). */
    void refresh(PlatformState latest) {
        state = latest;
    }
}
