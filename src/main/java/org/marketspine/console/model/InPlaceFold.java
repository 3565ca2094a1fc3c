package org.marketspine.console.model;

import java.time.Instant;
import org.marketspine.console.protocol.Event;
import org.pcollections.PMap;
import org.pcollections.PVector;

/**
 * Folds a log from the empty state when only a few of its states are wanted, not every one in
 * between: verifying a bundle folds a million events to render one report. {@link StateFold#apply}
 * runs unchanged, on maps and vectors that change in place — a persistent {@code HashTreePMap}
 * copies a path of about twenty tree nodes per put, which was most of a verification's time.
 *
 * <p>What it hands out is what {@code StateFold.applyAll(PlatformState.EMPTY, theSameEvents)}
 * gives, in the same iteration order, so anything rendered from it reads byte for byte the same.
 * The state being folded never leaves this class: it changes under whoever holds it.
 */
public final class InPlaceFold {
    private PlatformState state = new PlatformState(0, Instant.EPOCH, new InPlaceMap<>(), new InPlaceMap<>(),
            new InPlaceVector<>(), new InPlaceMap<>(), new InPlaceVector<>(), new InPlaceMap<>(), new InPlaceMap<>(),
            new InPlaceMap<>(), new InPlaceMap<>(), new InPlaceMap<>(), new InPlaceVector<>(), new InPlaceVector<>(),
            new InPlaceVector<>());
    private boolean finished;

    /** Folds in the next event; refused once {@link #finish()} handed the state out. */
    public void apply(Event event) {
        if (finished) throw new IllegalStateException("the fold was finished");
        state = StateFold.apply(state, event);
    }

    /** The state so far, copied into persistent maps (the fold goes on: for a state part-way through). */
    public PlatformState snapshot() {
        return state.seq() == 0 ? PlatformState.EMPTY : copy(false);
    }

    /** The state at the end, without copying it: the fold stops here, and its maps are read in place from now on. */
    public PlatformState finish() {
        finished = true;
        return state.seq() == 0 ? PlatformState.EMPTY : copy(true);
    }

    private PlatformState copy(boolean settle) {
        PlatformState s = state;
        return new PlatformState(s.seq(), s.at(), map(s.pipelines(), settle), map(s.executions(), settle),
                vector(s.executionOrder(), settle), map(s.activeRuns(), settle), vector(s.failures(), settle),
                map(s.captures(), settle), map(s.currentCaptures(), settle), map(s.readiness(), settle), map(s.anomalies(), settle),
                map(s.sources(), settle), vector(s.purges(), settle), vector(s.missedSchedules(), settle), vector(s.commands(), settle));
    }

    /** Every map of the state being folded is an InPlaceMap: StateFold only ever adds to the map it was given. */
    private static <K, V> PMap<K, V> map(PMap<K, V> map, boolean settle) {
        InPlaceMap<K, V> m = (InPlaceMap<K, V>) map;
        return settle ? m.settle() : m.persistent();
    }

    private static <E> PVector<E> vector(PVector<E> vector, boolean settle) {
        InPlaceVector<E> v = (InPlaceVector<E>) vector;
        return settle ? v.settle() : v.persistent();
    }
}
