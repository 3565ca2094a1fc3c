package org.marketspine.console.model;

import java.util.AbstractSet;
import java.util.ArrayList;
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
        // Each key's hash taken once and compared by hand: a settled map of 200,000 keys is sorted
        // on every bundle verify, and a composed comparator re-hashed both keys at each comparison.
        record Keyed<K, V>(int hash, long order, K key, V value) {}
        List<Keyed<K, V>> slots = new ArrayList<>(map.size());
        for (Map.Entry<K, Slot<V>> e : map.entrySet()) {
            slots.add(new Keyed<>(e.getKey().hashCode(), e.getValue().order, e.getKey(), e.getValue().value));
        }
        slots.sort((a, b) -> a.hash != b.hash ? Integer.compare(a.hash, b.hash) : Long.compare(b.order, a.order));
        List<Entry<K, V>> out = new ArrayList<>(slots.size());
        for (Keyed<K, V> k : slots) out.add(new SimpleImmutableEntry<>(k.key, k.value));
        return out;
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
