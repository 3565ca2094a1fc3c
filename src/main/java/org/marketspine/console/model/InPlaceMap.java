package org.marketspine.console.model;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;

/**
 * A map for {@link InPlaceFold}: {@code plus}/{@code minus} change it and return it. Each key
 * remembers when it was last put: that is all it takes to give back exactly the
 * {@code HashTreePMap} the persistent fold builds, or to iterate in its order (see {@link #settle()}).
 */
final class InPlaceMap<K, V> extends PMapBase<K, V> {
    /** A value and when it was put (the count of puts so far): updated in place, so a put of a known key is one lookup. */
    private static final class Slot<V> {
        V value;
        long order;
    }

    private final HashMap<K, Slot<V>> map = new HashMap<>();
    private long puts;
    private boolean settled;

    /** The same entries as a persistent {@code HashTreePMap}, put in the order the fold last put them. */
    PMap<K, V> persistent() {
        PMap<K, V> out = HashTreePMap.empty();
        for (Entry<K, V> e : inPutOrder()) out = out.plus(e.getKey(), e.getValue());
        return out;
    }

    /**
     * This map, unchangeable from now on, as a persistent map without copying it into one: read in
     * place, iterated in {@code HashTreePMap}'s order, copied only when someone adds to it.
     */
    PMap<K, V> settle() {
        settled = true;
        return new Settled<>(this);
    }

    private List<Entry<K, V>> inPutOrder() {
        List<Map.Entry<K, Slot<V>>> slots = new ArrayList<>(map.entrySet());
        slots.sort(Comparator.comparingLong(e -> e.getValue().order));
        List<Entry<K, V>> out = new ArrayList<>(slots.size());
        for (Map.Entry<K, Slot<V>> e : slots) out.add(new SimpleImmutableEntry<>(e.getKey(), e.getValue().value));
        return out;
    }

    /**
     * A {@code HashTreePMap} iterates by key hash, ascending, and keys of one hash most recently put
     * first: anything rendered from this map must read exactly as from that one (a bundle's report is
     * compared byte for byte).
     */
    private List<Entry<K, V>> inHashTreeOrder() {
        // A settled map of 200,000 keys is ordered on every bundle verify: its hashes are sorted as
        // primitives (the hash above, the key's place below), and only the rare keys that
        // share a hash are ordered again, newest put first.
        @SuppressWarnings("unchecked")
        Map.Entry<K, Slot<V>>[] slots = map.entrySet().toArray(new Map.Entry[0]);
        long[] keys = new long[slots.length];
        for (int i = 0; i < slots.length; i++) keys[i] = ((long) slots[i].getKey().hashCode() << 32) | i;
        Arrays.sort(keys);
        List<Entry<K, V>> out = new ArrayList<>(slots.length);
        for (int run = 0; run < keys.length; ) {
            int end = run + 1;
            while (end < keys.length && keys[end] >>> 32 == keys[run] >>> 32) end++;
            if (end - run == 1) {
                out.add(entry(slots[(int) keys[run]]));
            } else {
                List<Map.Entry<K, Slot<V>>> same = new ArrayList<>(end - run);
                for (int k = run; k < end; k++) same.add(slots[(int) keys[k]]);
                same.sort((a, b) -> Long.compare(b.getValue().order, a.getValue().order));
                for (Map.Entry<K, Slot<V>> e : same) out.add(entry(e));
            }
            run = end;
        }
        return out;
    }

    private static <K, V> Entry<K, V> entry(Map.Entry<K, Slot<V>> slot) {
        return new SimpleImmutableEntry<>(slot.getKey(), slot.getValue().value);
    }

    private void changing() {
        if (settled) throw new IllegalStateException("a settled fold does not change");
    }

    @Override
    public InPlaceMap<K, V> plus(K key, V value) {
        changing();
        Slot<V> slot = map.get(key);
        if (slot == null) map.put(key, slot = new Slot<>());
        slot.value = value;
        slot.order = ++puts;
        return this;
    }

    @Override
    public InPlaceMap<K, V> plusAll(Map<? extends K, ? extends V> more) {
        more.forEach(this::plus);
        return this;
    }

    @Override
    public InPlaceMap<K, V> minus(Object key) {
        changing();
        map.remove(key);
        return this;
    }

    @Override
    public InPlaceMap<K, V> minusAll(Collection<?> keys) {
        keys.forEach(this::minus);
        return this;
    }

    @Override
    public V get(Object key) {
        Slot<V> slot = map.get(key);
        return slot == null ? null : slot.value;
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    /** In put order (a fold never iterates its own maps: this is for equals and toString). */
    @Override
    public Set<Entry<K, V>> entrySet() {
        return listed(inPutOrder());
    }

    private static <K, V> Set<Entry<K, V>> listed(List<Entry<K, V>> entries) {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                return Collections.unmodifiableList(entries).iterator();
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }

    /** A settled map: reads the one it was folded in, which no longer changes. */
    private static final class Settled<K, V> extends PMapBase<K, V> {
        private final InPlaceMap<K, V> source;
        private Set<Entry<K, V>> ordered;
        private PMap<K, V> persistent;

        Settled(InPlaceMap<K, V> source) {
            this.source = source;
        }

        private synchronized PMap<K, V> persistent() {
            if (persistent == null) persistent = source.persistent();
            return persistent;
        }

        @Override
        public V get(Object key) {
            return source.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return source.containsKey(key);
        }

        @Override
        public int size() {
            return source.size();
        }

        @Override
        public synchronized Set<Entry<K, V>> entrySet() {
            if (ordered == null) ordered = listed(source.inHashTreeOrder());
            return ordered;
        }

        @Override
        public PMap<K, V> plus(K key, V value) {
            return persistent().plus(key, value);
        }

        @Override
        public PMap<K, V> plusAll(Map<? extends K, ? extends V> more) {
            return persistent().plusAll(more);
        }

        @Override
        public PMap<K, V> minus(Object key) {
            return persistent().minus(key);
        }

        @Override
        public PMap<K, V> minusAll(Collection<?> keys) {
            return persistent().minusAll(keys);
        }
    }
}
